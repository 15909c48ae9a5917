from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FieldSource")


@_attrs_define
class FieldSource:
    """Where one unified value came from in the provider: the field's API name and the customer's label.

    Returned in ``field_sources`` when the request asks for sources; it answers "where did this value
    come from" without a support ticket.

        Attributes:
            api_name (None | str | Unset): The provider field's static API name, which never changes between customers (a
                dotted path for nested fields).
            label (None | str | Unset): The name the customer gave this field in their own HR system, where it has one.
            source_value (Any | Unset): The provider's own raw value before it was mapped, such as the provider code behind
                an enum value.
    """

    api_name: None | str | Unset = UNSET
    label: None | str | Unset = UNSET
    source_value: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        api_name: None | str | Unset
        if isinstance(self.api_name, Unset):
            api_name = UNSET
        else:
            api_name = self.api_name

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        source_value = self.source_value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if api_name is not UNSET:
            field_dict["api_name"] = api_name
        if label is not UNSET:
            field_dict["label"] = label
        if source_value is not UNSET:
            field_dict["source_value"] = source_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_api_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api_name = _parse_api_name(d.pop("api_name", UNSET))

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        source_value = d.pop("source_value", UNSET)

        field_source = cls(
            api_name=api_name,
            label=label,
            source_value=source_value,
        )

        return field_source
