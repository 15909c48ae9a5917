from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.passthrough_out_body_encoding_type_0 import PassthroughOutBodyEncodingType0

if TYPE_CHECKING:
    from ..models.passthrough_out_headers import PassthroughOutHeaders


T = TypeVar("T", bound="PassthroughOut")


@_attrs_define
class PassthroughOut:
    """The provider's answer, whatever its status, with every credential value redacted.

    Attributes:
        audit_id (int): This request's entry in GET /v1/accounts/{id}/passthrough-log.
        body (Any): The JSON value, the text, or base64, as `body_encoding` says; null if empty.
        body_encoding (None | PassthroughOutBodyEncodingType0):
        bytes_ (int): The size of the provider's answer body, decoded.
        duration_ms (int):
        headers (PassthroughOutHeaders): The provider's harmless headers only (content-type, link, etag, retry-after,
            rate limits...); never `set-cookie` or anything carrying a credential.
        status (int): The provider's HTTP status (a provider error is passed back as such).
    """

    audit_id: int
    body: Any
    body_encoding: None | PassthroughOutBodyEncodingType0
    bytes_: int
    duration_ms: int
    headers: PassthroughOutHeaders
    status: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audit_id = self.audit_id

        body = self.body

        body_encoding: None | str
        if isinstance(self.body_encoding, PassthroughOutBodyEncodingType0):
            body_encoding = self.body_encoding.value
        else:
            body_encoding = self.body_encoding

        bytes_ = self.bytes_

        duration_ms = self.duration_ms

        headers = self.headers.to_dict()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "audit_id": audit_id,
                "body": body,
                "body_encoding": body_encoding,
                "bytes": bytes_,
                "duration_ms": duration_ms,
                "headers": headers,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.passthrough_out_headers import PassthroughOutHeaders  # noqa: PLC0415

        d = dict(src_dict)
        audit_id = d.pop("audit_id")

        body = d.pop("body")

        def _parse_body_encoding(data: object) -> None | PassthroughOutBodyEncodingType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                body_encoding_type_0 = PassthroughOutBodyEncodingType0(data)

                return body_encoding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PassthroughOutBodyEncodingType0, data)

        body_encoding = _parse_body_encoding(d.pop("body_encoding"))

        bytes_ = d.pop("bytes")

        duration_ms = d.pop("duration_ms")

        headers = PassthroughOutHeaders.from_dict(d.pop("headers"))

        status = d.pop("status")

        passthrough_out = cls(
            audit_id=audit_id,
            body=body,
            body_encoding=body_encoding,
            bytes_=bytes_,
            duration_ms=duration_ms,
            headers=headers,
            status=status,
        )

        passthrough_out.additional_properties = d
        return passthrough_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
