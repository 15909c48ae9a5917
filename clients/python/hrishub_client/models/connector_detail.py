from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.connector_detail_actions import ConnectorDetailActions
    from ..models.connector_detail_credentials_schema import ConnectorDetailCredentialsSchema
    from ..models.connector_detail_features import ConnectorDetailFeatures


T = TypeVar("T", bound="ConnectorDetail")


@_attrs_define
class ConnectorDetail:
    """A loaded connector with the JSON Schema of its linking values.

    Attributes:
        actions (ConnectorDetailActions):
        credentials_schema (ConnectorDetailCredentialsSchema): JSON Schema (2020-12); secrets are `writeOnly`.
        docs (str): Where the HR admin finds each linking value.
        features (ConnectorDetailFeatures):
        name (str):
        title (str):
        version (str):
    """

    actions: ConnectorDetailActions
    credentials_schema: ConnectorDetailCredentialsSchema
    docs: str
    features: ConnectorDetailFeatures
    name: str
    title: str
    version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions = self.actions.to_dict()

        credentials_schema = self.credentials_schema.to_dict()

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
                "credentials_schema": credentials_schema,
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
        from ..models.connector_detail_actions import ConnectorDetailActions  # noqa: PLC0415
        from ..models.connector_detail_credentials_schema import ConnectorDetailCredentialsSchema  # noqa: PLC0415
        from ..models.connector_detail_features import ConnectorDetailFeatures  # noqa: PLC0415

        d = dict(src_dict)
        actions = ConnectorDetailActions.from_dict(d.pop("actions"))

        credentials_schema = ConnectorDetailCredentialsSchema.from_dict(d.pop("credentials_schema"))

        docs = d.pop("docs")

        features = ConnectorDetailFeatures.from_dict(d.pop("features"))

        name = d.pop("name")

        title = d.pop("title")

        version = d.pop("version")

        connector_detail = cls(
            actions=actions,
            credentials_schema=credentials_schema,
            docs=docs,
            features=features,
            name=name,
            title=title,
            version=version,
        )

        connector_detail.additional_properties = d
        return connector_detail

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
