from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkSessionOut")


@_attrs_define
class LinkSessionOut:
    """A link session: its state and, once used, the account it linked.

    Attributes:
        account_id (None | str): The linked account, once the admin has linked it.
        actions (list[str]):
        completed_at (datetime.datetime | None):
        connector (str):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        frame_origins (list[str]):
        id (str):
        permissions_needed (list[str]): The provider permissions the requested actions need, as the admin screen names
            them.
        reference (str):
        status (str): `open`, `linked`, `expired` or `revoked`.
        url (None | str | Unset): The single-use linking page: shown only in the answer that created the session.
    """

    account_id: None | str
    actions: list[str]
    completed_at: datetime.datetime | None
    connector: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    frame_origins: list[str]
    id: str
    permissions_needed: list[str]
    reference: str
    status: str
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id: None | str
        account_id = self.account_id

        actions = self.actions

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        connector = self.connector

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        frame_origins = self.frame_origins

        id = self.id

        permissions_needed = self.permissions_needed

        reference = self.reference

        status = self.status

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "actions": actions,
                "completed_at": completed_at,
                "connector": connector,
                "created_at": created_at,
                "expires_at": expires_at,
                "frame_origins": frame_origins,
                "id": id,
                "permissions_needed": permissions_needed,
                "reference": reference,
                "status": status,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))

        actions = cast(list[str], d.pop("actions"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        connector = d.pop("connector")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        frame_origins = cast(list[str], d.pop("frame_origins"))

        id = d.pop("id")

        permissions_needed = cast(list[str], d.pop("permissions_needed"))

        reference = d.pop("reference")

        status = d.pop("status")

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        link_session_out = cls(
            account_id=account_id,
            actions=actions,
            completed_at=completed_at,
            connector=connector,
            created_at=created_at,
            expires_at=expires_at,
            frame_origins=frame_origins,
            id=id,
            permissions_needed=permissions_needed,
            reference=reference,
            status=status,
            url=url,
        )

        link_session_out.additional_properties = d
        return link_session_out

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
