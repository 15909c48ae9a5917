from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_out_optional_scopes import ActionOutOptionalScopes


T = TypeVar("T", bound="ActionOut")


@_attrs_define
class ActionOut:
    """One unified action (or feature) of a connector and the provider permissions it needs.

    Attributes:
        optional_scopes (ActionOutOptionalScopes): Permissions that add data when granted → what they add.
        reason (str): Why the action is not supported, when it is not.
        scopes (list[str]): Provider permissions the action needs, as the admin screen names them.
        supported (bool):
    """

    optional_scopes: ActionOutOptionalScopes
    reason: str
    scopes: list[str]
    supported: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        optional_scopes = self.optional_scopes.to_dict()

        reason = self.reason

        scopes = self.scopes

        supported = self.supported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "optional_scopes": optional_scopes,
                "reason": reason,
                "scopes": scopes,
                "supported": supported,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_out_optional_scopes import ActionOutOptionalScopes  # noqa: PLC0415

        d = dict(src_dict)
        optional_scopes = ActionOutOptionalScopes.from_dict(d.pop("optional_scopes"))

        reason = d.pop("reason")

        scopes = cast(list[str], d.pop("scopes"))

        supported = d.pop("supported")

        action_out = cls(
            optional_scopes=optional_scopes,
            reason=reason,
            scopes=scopes,
            supported=supported,
        )

        action_out.additional_properties = d
        return action_out

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
