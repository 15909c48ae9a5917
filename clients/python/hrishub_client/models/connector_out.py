from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.connector_out_actions import ConnectorOutActions
    from ..models.connector_out_features import ConnectorOutFeatures


T = TypeVar("T", bound="ConnectorOut")


@_attrs_define
class ConnectorOut:
    """A loaded connector.

    Attributes:
        actions (ConnectorOutActions):
        docs (str): Where the HR admin finds each linking value.
        features (ConnectorOutFeatures):
        name (str):
        title (str):
        version (str):
    """

    actions: ConnectorOutActions
    docs: str
    features: ConnectorOutFeatures
    name: str
    title: str
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions = self.actions.to_dict()

        docs = self.docs

        features = self.features.to_dict()

        name = self.name

        title = self.title

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actions": actions,
                "docs": docs,
                "features": features,
                "name": name,
                "title": title,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.connector_out_actions import ConnectorOutActions  # noqa: PLC0415
        from ..models.connector_out_features import ConnectorOutFeatures  # noqa: PLC0415

        d = dict(src_dict)
        actions = ConnectorOutActions.from_dict(d.pop("actions"))

        docs = d.pop("docs")

        features = ConnectorOutFeatures.from_dict(d.pop("features"))

        name = d.pop("name")

        title = d.pop("title")

        version = d.pop("version")

        connector_out = cls(
            actions=actions,
            docs=docs,
            features=features,
            name=name,
            title=title,
            version=version,
        )

        connector_out.additional_properties = d
        return connector_out

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
