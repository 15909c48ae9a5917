from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.passthrough_in_headers_type_0 import PassthroughInHeadersType0
    from ..models.passthrough_in_params_type_0 import PassthroughInParamsType0


T = TypeVar("T", bound="PassthroughIn")


@_attrs_define
class PassthroughIn:
    """One request to send to the account's provider with its stored credentials.

    Attributes:
        path (str): A path on the connector's own host, starting with one `/` (never a URL, `//host`, `..`, a backslash,
            `@`, an encoded slash or a control character); the query goes in `params`.
        body (Any | Unset): A JSON body, for a method that takes one (at most 1 MB).
        headers (None | PassthroughInHeadersType0 | Unset): Extra request headers. Never `Authorization`, `Host`,
            `Cookie`, hop-by-hop headers or the connector's credential headers: the hub adds the credentials itself.
        method (str | Unset): The HTTP method: GET, HEAD or OPTIONS unless the connector allows others. Default: 'GET'.
        params (None | PassthroughInParamsType0 | Unset): The query: name → text, number, boolean, or a list of them
            (repeated).
    """

    path: str
    body: Any | Unset = UNSET
    headers: None | PassthroughInHeadersType0 | Unset = UNSET
    method: str | Unset = "GET"
    params: None | PassthroughInParamsType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.passthrough_in_headers_type_0 import PassthroughInHeadersType0  # noqa: PLC0415
        from ..models.passthrough_in_params_type_0 import PassthroughInParamsType0  # noqa: PLC0415

        path = self.path

        body = self.body

        headers: dict[str, Any] | None | Unset
        if isinstance(self.headers, Unset):
            headers = UNSET
        elif isinstance(self.headers, PassthroughInHeadersType0):
            headers = self.headers.to_dict()
        else:
            headers = self.headers

        method = self.method

        params: dict[str, Any] | None | Unset
        if isinstance(self.params, Unset):
            params = UNSET
        elif isinstance(self.params, PassthroughInParamsType0):
            params = self.params.to_dict()
        else:
            params = self.params

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "path": path,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
        if headers is not UNSET:
            field_dict["headers"] = headers
        if method is not UNSET:
            field_dict["method"] = method
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.passthrough_in_headers_type_0 import PassthroughInHeadersType0  # noqa: PLC0415
        from ..models.passthrough_in_params_type_0 import PassthroughInParamsType0  # noqa: PLC0415

        d = dict(src_dict)
        path = d.pop("path")

        body = d.pop("body", UNSET)

        def _parse_headers(data: object) -> None | PassthroughInHeadersType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                headers_type_0 = PassthroughInHeadersType0.from_dict(data)

                return headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PassthroughInHeadersType0 | Unset, data)

        headers = _parse_headers(d.pop("headers", UNSET))

        method = d.pop("method", UNSET)

        def _parse_params(data: object) -> None | PassthroughInParamsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                params_type_0 = PassthroughInParamsType0.from_dict(data)

                return params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PassthroughInParamsType0 | Unset, data)

        params = _parse_params(d.pop("params", UNSET))

        passthrough_in = cls(
            path=path,
            body=body,
            headers=headers,
            method=method,
            params=params,
        )

        return passthrough_in
