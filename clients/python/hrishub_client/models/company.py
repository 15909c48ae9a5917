from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_field_sources_type_0 import CompanyFieldSourcesType0
    from ..models.company_remote_data_type_0 import CompanyRemoteDataType0


T = TypeVar("T", bound="Company")


@_attrs_define
class Company:
    """A legal entity (company) in the HR system; one account may hold several.

    Attributes:
        id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
            read live from the provider or from the hub's store.
        remote_id (str): The provider's own id for this company.
        code (None | str | Unset): The company's short code in the HR system.
        created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
        display_name (None | str | Unset): The name the company is shown by.
        field_sources (CompanyFieldSourcesType0 | None | Unset): For each unified field, keyed by its name (dotted for
            nested values, e.g. `home_address.city`): the provider field's API name, the customer's label and the provider's
            raw value it came from. Only present when requested.
        is_parent (bool | None | Unset): True for the parent company of a group of companies.
        legal_name (None | str | Unset): The company's registered legal name.
        modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
        remote_data (CompanyRemoteDataType0 | None | Unset): The provider's raw records this record was built from,
            keyed by provider record name. Only present when requested (`include_raw`). Unless the account's
            `include_sensitive` option is on, the members the connector declares sensitive (a national id, a date of birth,
            ethnicity, immigration or health data) are kept but their values are null; `remote_data_redacted` names them.
        remote_data_redacted (list[str] | None | Unset): Beside `remote_data`, always with it: each raw member whose
            value the hub replaced by null because it is sensitive, as `record.member` (e.g. `person-details.ssn`), sorted;
            every sensitive member present is listed, whatever its value. Empty when nothing was redacted (an account with
            `include_sensitive`).
        remote_modified_at (datetime.datetime | None | Unset): When the provider last changed this record, as reported
            by the provider (UTC).
        remote_was_deleted (bool | Unset): True when the record has been deleted in the provider; the hub keeps the last
            copy. Default: False.
    """

    id: str
    remote_id: str
    code: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    display_name: None | str | Unset = UNSET
    field_sources: CompanyFieldSourcesType0 | None | Unset = UNSET
    is_parent: bool | None | Unset = UNSET
    legal_name: None | str | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    remote_data: CompanyRemoteDataType0 | None | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.company_field_sources_type_0 import CompanyFieldSourcesType0  # noqa: PLC0415
        from ..models.company_remote_data_type_0 import CompanyRemoteDataType0  # noqa: PLC0415

        id = self.id

        remote_id = self.remote_id

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        field_sources: dict[str, Any] | None | Unset
        if isinstance(self.field_sources, Unset):
            field_sources = UNSET
        elif isinstance(self.field_sources, CompanyFieldSourcesType0):
            field_sources = self.field_sources.to_dict()
        else:
            field_sources = self.field_sources

        is_parent: bool | None | Unset
        if isinstance(self.is_parent, Unset):
            is_parent = UNSET
        else:
            is_parent = self.is_parent

        legal_name: None | str | Unset
        if isinstance(self.legal_name, Unset):
            legal_name = UNSET
        else:
            legal_name = self.legal_name

        modified_at: None | str | Unset
        if isinstance(self.modified_at, Unset):
            modified_at = UNSET
        elif isinstance(self.modified_at, datetime.datetime):
            modified_at = self.modified_at.isoformat()
        else:
            modified_at = self.modified_at

        remote_data: dict[str, Any] | None | Unset
        if isinstance(self.remote_data, Unset):
            remote_data = UNSET
        elif isinstance(self.remote_data, CompanyRemoteDataType0):
            remote_data = self.remote_data.to_dict()
        else:
            remote_data = self.remote_data

        remote_data_redacted: list[str] | None | Unset
        if isinstance(self.remote_data_redacted, Unset):
            remote_data_redacted = UNSET
        elif isinstance(self.remote_data_redacted, list):
            remote_data_redacted = self.remote_data_redacted

        else:
            remote_data_redacted = self.remote_data_redacted

        remote_modified_at: None | str | Unset
        if isinstance(self.remote_modified_at, Unset):
            remote_modified_at = UNSET
        elif isinstance(self.remote_modified_at, datetime.datetime):
            remote_modified_at = self.remote_modified_at.isoformat()
        else:
            remote_modified_at = self.remote_modified_at

        remote_was_deleted = self.remote_was_deleted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "remote_id": remote_id,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if is_parent is not UNSET:
            field_dict["is_parent"] = is_parent
        if legal_name is not UNSET:
            field_dict["legal_name"] = legal_name
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if remote_data is not UNSET:
            field_dict["remote_data"] = remote_data
        if remote_data_redacted is not UNSET:
            field_dict["remote_data_redacted"] = remote_data_redacted
        if remote_modified_at is not UNSET:
            field_dict["remote_modified_at"] = remote_modified_at
        if remote_was_deleted is not UNSET:
            field_dict["remote_was_deleted"] = remote_was_deleted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_field_sources_type_0 import CompanyFieldSourcesType0  # noqa: PLC0415
        from ..models.company_remote_data_type_0 import CompanyRemoteDataType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        remote_id = d.pop("remote_id")

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_field_sources(data: object) -> CompanyFieldSourcesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = CompanyFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyFieldSourcesType0 | None | Unset, data)

        field_sources = _parse_field_sources(d.pop("field_sources", UNSET))

        def _parse_is_parent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_parent = _parse_is_parent(d.pop("is_parent", UNSET))

        def _parse_legal_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_name = _parse_legal_name(d.pop("legal_name", UNSET))

        def _parse_modified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                modified_at_type_0 = datetime.datetime.fromisoformat(data)

                return modified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        modified_at = _parse_modified_at(d.pop("modified_at", UNSET))

        def _parse_remote_data(data: object) -> CompanyRemoteDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = CompanyRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyRemoteDataType0 | None | Unset, data)

        remote_data = _parse_remote_data(d.pop("remote_data", UNSET))

        def _parse_remote_data_redacted(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                remote_data_redacted_type_0 = cast(list[str], data)

                return remote_data_redacted_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        remote_data_redacted = _parse_remote_data_redacted(d.pop("remote_data_redacted", UNSET))

        def _parse_remote_modified_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remote_modified_at_type_0 = datetime.datetime.fromisoformat(data)

                return remote_modified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        remote_modified_at = _parse_remote_modified_at(d.pop("remote_modified_at", UNSET))

        remote_was_deleted = d.pop("remote_was_deleted", UNSET)

        company = cls(
            id=id,
            remote_id=remote_id,
            code=code,
            created_at=created_at,
            display_name=display_name,
            field_sources=field_sources,
            is_parent=is_parent,
            legal_name=legal_name,
            modified_at=modified_at,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
        )

        return company
