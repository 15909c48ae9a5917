from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.credentials_update_credentials import CredentialsUpdateCredentials


T = TypeVar("T", bound="CredentialsUpdate")


@_attrs_define
class CredentialsUpdate:
    """New linking values for an account (a rotated password); validated and probed first.

    Attributes:
        credentials (CredentialsUpdateCredentials):
    """

    credentials: CredentialsUpdateCredentials

    def to_dict(self) -> dict[str, Any]:
        credentials = self.credentials.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "credentials": credentials,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credentials_update_credentials import CredentialsUpdateCredentials  # noqa: PLC0415

        d = dict(src_dict)
        credentials = CredentialsUpdateCredentials.from_dict(d.pop("credentials"))

        credentials_update = cls(
            credentials=credentials,
        )

        return credentials_update
