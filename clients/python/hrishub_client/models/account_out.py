from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_out_options import AccountOutOptions
    from ..models.account_out_permissions import AccountOutPermissions
    from ..models.run_summary import RunSummary


T = TypeVar("T", bound="AccountOut")


@_attrs_define
class AccountOut:
    """A linked account (never its credentials).

    Attributes:
        connector (str):
        created_at (datetime.datetime):
        id (str):
        options (AccountOutOptions): Filters, overrides, time zone and sync schedule.
        permissions (AccountOutPermissions): What the service account holds and, per action, whether it is enabled and
            what to tick.
        status (str): `linked`, `needs_attention` when the provider refused the credentials, or `paused` (not synced
            until resumed).
        updated_at (datetime.datetime):
        last_sync (None | RunSummary | Unset): The newest sync run, if any.
        next_sync_at (datetime.datetime | None | Unset):
    """

    connector: str
    created_at: datetime.datetime
    id: str
    options: AccountOutOptions
    permissions: AccountOutPermissions
    status: str
    updated_at: datetime.datetime
    last_sync: None | RunSummary | Unset = UNSET
    next_sync_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_summary import RunSummary  # noqa: PLC0415

        connector = self.connector

        created_at = self.created_at.isoformat()

        id = self.id

        options = self.options.to_dict()

        permissions = self.permissions.to_dict()

        status = self.status

        updated_at = self.updated_at.isoformat()

        last_sync: dict[str, Any] | None | Unset
        if isinstance(self.last_sync, Unset):
            last_sync = UNSET
        elif isinstance(self.last_sync, RunSummary):
            last_sync = self.last_sync.to_dict()
        else:
            last_sync = self.last_sync

        next_sync_at: None | str | Unset
        if isinstance(self.next_sync_at, Unset):
            next_sync_at = UNSET
        elif isinstance(self.next_sync_at, datetime.datetime):
            next_sync_at = self.next_sync_at.isoformat()
        else:
            next_sync_at = self.next_sync_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "connector": connector,
                "created_at": created_at,
                "id": id,
                "options": options,
                "permissions": permissions,
                "status": status,
                "updated_at": updated_at,
            }
        )
        if last_sync is not UNSET:
            field_dict["last_sync"] = last_sync
        if next_sync_at is not UNSET:
            field_dict["next_sync_at"] = next_sync_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_out_options import AccountOutOptions  # noqa: PLC0415
        from ..models.account_out_permissions import AccountOutPermissions  # noqa: PLC0415
        from ..models.run_summary import RunSummary  # noqa: PLC0415

        d = dict(src_dict)
        connector = d.pop("connector")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        options = AccountOutOptions.from_dict(d.pop("options"))

        permissions = AccountOutPermissions.from_dict(d.pop("permissions"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_last_sync(data: object) -> None | RunSummary | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_sync_type_0 = RunSummary.from_dict(data)

                return last_sync_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunSummary | Unset, data)

        last_sync = _parse_last_sync(d.pop("last_sync", UNSET))

        def _parse_next_sync_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_sync_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_sync_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_sync_at = _parse_next_sync_at(d.pop("next_sync_at", UNSET))

        account_out = cls(
            connector=connector,
            created_at=created_at,
            id=id,
            options=options,
            permissions=permissions,
            status=status,
            updated_at=updated_at,
            last_sync=last_sync,
            next_sync_at=next_sync_at,
        )

        account_out.additional_properties = d
        return account_out

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
