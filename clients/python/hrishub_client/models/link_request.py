from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link_request_credentials import LinkRequestCredentials
    from ..models.link_request_options_type_0 import LinkRequestOptionsType0


T = TypeVar("T", bound="LinkRequest")


@_attrs_define
class LinkRequest:
    """Link an account: the connector's linking values (validated, probed, then stored encrypted).

    Attributes:
        connector (str):
        credentials (LinkRequestCredentials): The values the connector's `credentials_schema` describes.
        options (LinkRequestOptionsType0 | None | Unset): Account options (filters, schedule).
    """

    connector: str
    credentials: LinkRequestCredentials
    options: LinkRequestOptionsType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.link_request_options_type_0 import LinkRequestOptionsType0  # noqa: PLC0415

        connector = self.connector

        credentials = self.credentials.to_dict()

        options: dict[str, Any] | None | Unset
        if isinstance(self.options, Unset):
            options = UNSET
        elif isinstance(self.options, LinkRequestOptionsType0):
            options = self.options.to_dict()
        else:
            options = self.options

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "connector": connector,
                "credentials": credentials,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link_request_credentials import LinkRequestCredentials  # noqa: PLC0415
        from ..models.link_request_options_type_0 import LinkRequestOptionsType0  # noqa: PLC0415

        d = dict(src_dict)
        connector = d.pop("connector")

        credentials = LinkRequestCredentials.from_dict(d.pop("credentials"))

        def _parse_options(data: object) -> LinkRequestOptionsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                options_type_0 = LinkRequestOptionsType0.from_dict(data)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LinkRequestOptionsType0 | None | Unset, data)

        options = _parse_options(d.pop("options", UNSET))

        link_request = cls(
            connector=connector,
            credentials=credentials,
            options=options,
        )

        return link_request
