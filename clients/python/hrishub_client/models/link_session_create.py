from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkSessionCreate")


@_attrs_define
class LinkSessionCreate:
    """A request for a single-use linking page to hand to an HR admin.

    Attributes:
        connector (str): The connector to link, e.g. `ukg_pro`.
        reference (str): Your own id for the end customer (1-200 characters); it comes back on the session and in the
            `account.linked` event.
        actions (list[str] | None | Unset): The unified actions you need (e.g. `employees.list`): the page lists the
            provider permissions they need before the admin starts. Default: every supported action.
        expires_in (int | None | Unset): Seconds the link works: 300 to 2,592,000 (30 days); default 604,800 (7 days).
        frame_origins (list[str] | Unset): Origins allowed to embed the page in a frame (e.g.
            `https://app.example.com`); by default no other site may frame it.
    """

    connector: str
    reference: str
    actions: list[str] | None | Unset = UNSET
    expires_in: int | None | Unset = UNSET
    frame_origins: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        connector = self.connector

        reference = self.reference

        actions: list[str] | None | Unset
        if isinstance(self.actions, Unset):
            actions = UNSET
        elif isinstance(self.actions, list):
            actions = self.actions

        else:
            actions = self.actions

        expires_in: int | None | Unset
        if isinstance(self.expires_in, Unset):
            expires_in = UNSET
        else:
            expires_in = self.expires_in

        frame_origins: list[str] | Unset = UNSET
        if not isinstance(self.frame_origins, Unset):
            frame_origins = self.frame_origins

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "connector": connector,
                "reference": reference,
            }
        )
        if actions is not UNSET:
            field_dict["actions"] = actions
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if frame_origins is not UNSET:
            field_dict["frame_origins"] = frame_origins

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        connector = d.pop("connector")

        reference = d.pop("reference")

        def _parse_actions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                actions_type_0 = cast(list[str], data)

                return actions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        actions = _parse_actions(d.pop("actions", UNSET))

        def _parse_expires_in(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_in = _parse_expires_in(d.pop("expires_in", UNSET))

        frame_origins = cast(list[str], d.pop("frame_origins", UNSET))

        link_session_create = cls(
            connector=connector,
            reference=reference,
            actions=actions,
            expires_in=expires_in,
            frame_origins=frame_origins,
        )

        return link_session_create
