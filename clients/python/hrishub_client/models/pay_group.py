from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.pay_frequency import PayFrequency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pay_group_field_sources_type_0 import PayGroupFieldSourcesType0
    from ..models.pay_group_remote_data_type_0 import PayGroupRemoteDataType0


T = TypeVar("T", bound="PayGroup")


@_attrs_define
class PayGroup:
    """A group of employees paid together on one schedule (UKG Pro's pay groups).

    Attributes:
        id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
            read live from the provider or from the hub's store.
        remote_id (str): The provider's own code for this pay group.
        created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
        field_sources (None | PayGroupFieldSourcesType0 | Unset): For each unified field, keyed by its name (dotted for
            nested values, e.g. `home_address.city`): the provider field's API name, the customer's label and the provider's
            raw value it came from. Only present when requested.
        is_active (bool | None | Unset): False when the group is no longer paid.
        modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
        name (None | str | Unset): The pay group's name, or its code where none is given.
        pay_frequency (None | PayFrequency | Unset): How often the group is paid.
        remote_data (None | PayGroupRemoteDataType0 | Unset): The provider's raw records this record was built from,
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
    created_at: datetime.datetime | None | Unset = UNSET
    field_sources: None | PayGroupFieldSourcesType0 | Unset = UNSET
    is_active: bool | None | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    name: None | str | Unset = UNSET
    pay_frequency: None | PayFrequency | Unset = UNSET
    remote_data: None | PayGroupRemoteDataType0 | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.pay_group_field_sources_type_0 import PayGroupFieldSourcesType0  # noqa: PLC0415
        from ..models.pay_group_remote_data_type_0 import PayGroupRemoteDataType0  # noqa: PLC0415

        id = self.id

        remote_id = self.remote_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        field_sources: dict[str, Any] | None | Unset
        if isinstance(self.field_sources, Unset):
            field_sources = UNSET
        elif isinstance(self.field_sources, PayGroupFieldSourcesType0):
            field_sources = self.field_sources.to_dict()
        else:
            field_sources = self.field_sources

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        modified_at: None | str | Unset
        if isinstance(self.modified_at, Unset):
            modified_at = UNSET
        elif isinstance(self.modified_at, datetime.datetime):
            modified_at = self.modified_at.isoformat()
        else:
            modified_at = self.modified_at

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        pay_frequency: None | str | Unset
        if isinstance(self.pay_frequency, Unset):
            pay_frequency = UNSET
        elif isinstance(self.pay_frequency, PayFrequency):
            pay_frequency = self.pay_frequency.value
        else:
            pay_frequency = self.pay_frequency

        remote_data: dict[str, Any] | None | Unset
        if isinstance(self.remote_data, Unset):
            remote_data = UNSET
        elif isinstance(self.remote_data, PayGroupRemoteDataType0):
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
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if name is not UNSET:
            field_dict["name"] = name
        if pay_frequency is not UNSET:
            field_dict["pay_frequency"] = pay_frequency
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
        from ..models.pay_group_field_sources_type_0 import PayGroupFieldSourcesType0  # noqa: PLC0415
        from ..models.pay_group_remote_data_type_0 import PayGroupRemoteDataType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        remote_id = d.pop("remote_id")

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

        def _parse_field_sources(data: object) -> None | PayGroupFieldSourcesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = PayGroupFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayGroupFieldSourcesType0 | Unset, data)

        field_sources = _parse_field_sources(d.pop("field_sources", UNSET))

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_pay_frequency(data: object) -> None | PayFrequency | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pay_frequency_type_0 = PayFrequency(data)

                return pay_frequency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayFrequency | Unset, data)

        pay_frequency = _parse_pay_frequency(d.pop("pay_frequency", UNSET))

        def _parse_remote_data(data: object) -> None | PayGroupRemoteDataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = PayGroupRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayGroupRemoteDataType0 | Unset, data)

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

        pay_group = cls(
            id=id,
            remote_id=remote_id,
            created_at=created_at,
            field_sources=field_sources,
            is_active=is_active,
            modified_at=modified_at,
            name=name,
            pay_frequency=pay_frequency,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
        )

        return pay_group
