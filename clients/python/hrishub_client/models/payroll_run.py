from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.payroll_run_state import PayrollRunState
from ..models.payroll_run_type import PayrollRunType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.payroll_run_field_sources_type_0 import PayrollRunFieldSourcesType0
    from ..models.payroll_run_remote_data_type_0 import PayrollRunRemoteDataType0


T = TypeVar("T", bound="PayrollRun")


@_attrs_define
class PayrollRun:
    """One pay run of a company: a pay group's pay date, the period it pays for, its kind and state.

    Attributes:
        id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
            read live from the provider or from the hub's store.
        remote_id (str): The provider's own id for this run.
        check_date (datetime.date | None | Unset): The pay date: when the money is paid.
        created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
        end_date (datetime.date | None | Unset): The last day of the period paid for.
        field_sources (None | PayrollRunFieldSourcesType0 | Unset): For each unified field, keyed by its name (dotted
            for nested values, e.g. `home_address.city`): the provider field's API name, the customer's label and the
            provider's raw value it came from. Only present when requested.
        modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
        pay_group_id (None | str | Unset): The hub id of the pay group paid.
        remote_data (None | PayrollRunRemoteDataType0 | Unset): The provider's raw records this record was built from,
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
        run_state (None | PayrollRunState | Unset): Where the run is.
        run_type (None | PayrollRunType | Unset): A regular run, or one outside the cycle.
        start_date (datetime.date | None | Unset): The first day of the period paid for.
    """

    id: str
    remote_id: str
    check_date: datetime.date | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    field_sources: None | PayrollRunFieldSourcesType0 | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    pay_group_id: None | str | Unset = UNSET
    remote_data: None | PayrollRunRemoteDataType0 | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False
    run_state: None | PayrollRunState | Unset = UNSET
    run_type: None | PayrollRunType | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.payroll_run_field_sources_type_0 import PayrollRunFieldSourcesType0  # noqa: PLC0415
        from ..models.payroll_run_remote_data_type_0 import PayrollRunRemoteDataType0  # noqa: PLC0415

        id = self.id

        remote_id = self.remote_id

        check_date: None | str | Unset
        if isinstance(self.check_date, Unset):
            check_date = UNSET
        elif isinstance(self.check_date, datetime.date):
            check_date = self.check_date.isoformat()
        else:
            check_date = self.check_date

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        field_sources: dict[str, Any] | None | Unset
        if isinstance(self.field_sources, Unset):
            field_sources = UNSET
        elif isinstance(self.field_sources, PayrollRunFieldSourcesType0):
            field_sources = self.field_sources.to_dict()
        else:
            field_sources = self.field_sources

        modified_at: None | str | Unset
        if isinstance(self.modified_at, Unset):
            modified_at = UNSET
        elif isinstance(self.modified_at, datetime.datetime):
            modified_at = self.modified_at.isoformat()
        else:
            modified_at = self.modified_at

        pay_group_id: None | str | Unset
        if isinstance(self.pay_group_id, Unset):
            pay_group_id = UNSET
        else:
            pay_group_id = self.pay_group_id

        remote_data: dict[str, Any] | None | Unset
        if isinstance(self.remote_data, Unset):
            remote_data = UNSET
        elif isinstance(self.remote_data, PayrollRunRemoteDataType0):
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

        run_state: None | str | Unset
        if isinstance(self.run_state, Unset):
            run_state = UNSET
        elif isinstance(self.run_state, PayrollRunState):
            run_state = self.run_state.value
        else:
            run_state = self.run_state

        run_type: None | str | Unset
        if isinstance(self.run_type, Unset):
            run_type = UNSET
        elif isinstance(self.run_type, PayrollRunType):
            run_type = self.run_type.value
        else:
            run_type = self.run_type

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "remote_id": remote_id,
            }
        )
        if check_date is not UNSET:
            field_dict["check_date"] = check_date
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if pay_group_id is not UNSET:
            field_dict["pay_group_id"] = pay_group_id
        if remote_data is not UNSET:
            field_dict["remote_data"] = remote_data
        if remote_data_redacted is not UNSET:
            field_dict["remote_data_redacted"] = remote_data_redacted
        if remote_modified_at is not UNSET:
            field_dict["remote_modified_at"] = remote_modified_at
        if remote_was_deleted is not UNSET:
            field_dict["remote_was_deleted"] = remote_was_deleted
        if run_state is not UNSET:
            field_dict["run_state"] = run_state
        if run_type is not UNSET:
            field_dict["run_type"] = run_type
        if start_date is not UNSET:
            field_dict["start_date"] = start_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payroll_run_field_sources_type_0 import PayrollRunFieldSourcesType0  # noqa: PLC0415
        from ..models.payroll_run_remote_data_type_0 import PayrollRunRemoteDataType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        remote_id = d.pop("remote_id")

        def _parse_check_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                check_date_type_0 = datetime.date.fromisoformat(data)

                return check_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        check_date = _parse_check_date(d.pop("check_date", UNSET))

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

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_field_sources(data: object) -> None | PayrollRunFieldSourcesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = PayrollRunFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayrollRunFieldSourcesType0 | Unset, data)

        field_sources = _parse_field_sources(d.pop("field_sources", UNSET))

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

        def _parse_pay_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_group_id = _parse_pay_group_id(d.pop("pay_group_id", UNSET))

        def _parse_remote_data(data: object) -> None | PayrollRunRemoteDataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = PayrollRunRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayrollRunRemoteDataType0 | Unset, data)

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

        def _parse_run_state(data: object) -> None | PayrollRunState | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                run_state_type_0 = PayrollRunState(data)

                return run_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayrollRunState | Unset, data)

        run_state = _parse_run_state(d.pop("run_state", UNSET))

        def _parse_run_type(data: object) -> None | PayrollRunType | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                run_type_type_0 = PayrollRunType(data)

                return run_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayrollRunType | Unset, data)

        run_type = _parse_run_type(d.pop("run_type", UNSET))

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        payroll_run = cls(
            id=id,
            remote_id=remote_id,
            check_date=check_date,
            created_at=created_at,
            end_date=end_date,
            field_sources=field_sources,
            modified_at=modified_at,
            pay_group_id=pay_group_id,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
            run_state=run_state,
            run_type=run_type,
            start_date=start_date,
        )

        return payroll_run
