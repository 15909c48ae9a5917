from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditEntryOut")


@_attrs_define
class AuditEntryOut:
    """One passthrough request as audited: never a credential, a query value or a body.

    Attributes:
        account_id (str):
        at (datetime.datetime):
        bytes_ (int):
        customer_id (None | str):
        duration_ms (int):
        error (None | str): The problem type when the hub refused it or the provider was unreachable.
        id (int):
        method (str):
        params (list[str]): The names of the query parameters (their values are not kept).
        path (str): The path as sent (credential values redacted); no query.
        status (int | None): The provider's status; null when nothing was answered.
    """

    account_id: str
    at: datetime.datetime
    bytes_: int
    customer_id: None | str
    duration_ms: int
    error: None | str
    id: int
    method: str
    params: list[str]
    path: str
    status: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        at = self.at.isoformat()

        bytes_ = self.bytes_

        customer_id: None | str
        customer_id = self.customer_id

        duration_ms = self.duration_ms

        error: None | str
        error = self.error

        id = self.id

        method = self.method

        params = self.params

        path = self.path

        status: int | None
        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "at": at,
                "bytes": bytes_,
                "customer_id": customer_id,
                "duration_ms": duration_ms,
                "error": error,
                "id": id,
                "method": method,
                "params": params,
                "path": path,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        bytes_ = d.pop("bytes")

        def _parse_customer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_id = _parse_customer_id(d.pop("customer_id"))

        duration_ms = d.pop("duration_ms")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        id = d.pop("id")

        method = d.pop("method")

        params = cast(list[str], d.pop("params"))

        path = d.pop("path")

        def _parse_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status = _parse_status(d.pop("status"))

        audit_entry_out = cls(
            account_id=account_id,
            at=at,
            bytes_=bytes_,
            customer_id=customer_id,
            duration_ms=duration_ms,
            error=error,
            id=id,
            method=method,
            params=params,
            path=path,
            status=status,
        )

        audit_entry_out.additional_properties = d
        return audit_entry_out

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
