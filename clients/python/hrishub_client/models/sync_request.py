from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SyncRequest")


@_attrs_define
class SyncRequest:
    """How to sync.

    Attributes:
        force (bool | Unset): Read the change feed even sooner than the provider allows. Default: False.
        full (bool | Unset): Read everything and diff, even where a change feed exists. Default: False.
    """

    force: bool | Unset = False
    full: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        force = self.force

        full = self.full

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if force is not UNSET:
            field_dict["force"] = force
        if full is not UNSET:
            field_dict["full"] = full

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        force = d.pop("force", UNSET)

        full = d.pop("full", UNSET)

        sync_request = cls(
            force=force,
            full=full,
        )

        return sync_request
