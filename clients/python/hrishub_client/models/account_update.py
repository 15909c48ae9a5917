from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.account_update_options import AccountUpdateOptions


T = TypeVar("T", bound="AccountUpdate")


@_attrs_define
class AccountUpdate:
    """Options to change; the options not named keep their values.

    Attributes:
        options (AccountUpdateOptions): `filters`, `overrides`, `include_sensitive`, `time_zone`, `sync_every_hours`.
    """

    options: AccountUpdateOptions

    def to_dict(self) -> dict[str, Any]:
        options = self.options.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "options": options,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_update_options import AccountUpdateOptions  # noqa: PLC0415

        d = dict(src_dict)
        options = AccountUpdateOptions.from_dict(d.pop("options"))

        account_update = cls(
            options=options,
        )

        return account_update
