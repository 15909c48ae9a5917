from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.employment_type import EmploymentType
from ..models.flsa_status import FlsaStatus
from ..models.pay_frequency import PayFrequency
from ..models.pay_period import PayPeriod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.employee import Employee
    from ..models.employment_listed_field_sources_type_0 import EmploymentListedFieldSourcesType0
    from ..models.employment_listed_remote_data_type_0 import EmploymentListedRemoteDataType0


T = TypeVar("T", bound="EmploymentListed")


@_attrs_define
class EmploymentListed:
    """One job period of an employee: title, pay and placement from an effective date.

        An employee has one row per period; the current one has ``end_date`` null.


    In a list, with the references `expand` asked for.

        Attributes:
            id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
                read live from the provider or from the hub's store.
            remote_id (str): The provider's own id for this job period.
            change_reason (None | str | Unset): Why this period began (hire, promotion, transfer, ...).
            created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
            department_id (None | str | Unset): The hub id of the group that is the department in this period.
            effective_date (datetime.date | None | Unset): The first day this period applies.
            employee (Employee | None | Unset): With `expand=employee`: the record of `employee_id`. Absent otherwise.
            employee_id (None | str | Unset): The hub id of the employee.
            employment_type (EmploymentType | None | Unset): The kind of work arrangement in this period.
            end_date (datetime.date | None | Unset): The last day this period applies, or null for the current period.
            field_sources (EmploymentListedFieldSourcesType0 | None | Unset): For each unified field, keyed by its name
                (dotted for nested values, e.g. `home_address.city`): the provider field's API name, the customer's label and
                the provider's raw value it came from. Only present when requested.
            flsa_status (FlsaStatus | None | Unset): The job's US Fair Labor Standards Act classification.
            is_primary (bool | None | Unset): True for the employee's primary job when they hold several at once.
            job_code (None | str | Unset): The company's code for the job.
            job_title (None | str | Unset): The job title in this period.
            location_id (None | str | Unset): The hub id of the work location.
            manager_id (None | str | Unset): The hub id of the manager in this period.
            modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
            pay_currency (None | str | Unset): The currency of `pay_rate` as an ISO 4217 code.
            pay_frequency (None | PayFrequency | Unset): How often the employee is paid.
            pay_group (None | str | Unset): The payroll group (pay group) the employee is paid in, by its code.
            pay_group_id (None | str | Unset): The hub id of the pay group.
            pay_period (None | PayPeriod | Unset): The time span `pay_rate` is quoted for (hour, year, ...).
            pay_rate (float | None | Unset): The pay rate, per `pay_period`, in `pay_currency`.
            remote_data (EmploymentListedRemoteDataType0 | None | Unset): The provider's raw records this record was built
                from, keyed by provider record name. Only present when requested (`include_raw`). Unless the account's
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
    change_reason: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    department_id: None | str | Unset = UNSET
    effective_date: datetime.date | None | Unset = UNSET
    employee: Employee | None | Unset = UNSET
    employee_id: None | str | Unset = UNSET
    employment_type: EmploymentType | None | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    field_sources: EmploymentListedFieldSourcesType0 | None | Unset = UNSET
    flsa_status: FlsaStatus | None | Unset = UNSET
    is_primary: bool | None | Unset = UNSET
    job_code: None | str | Unset = UNSET
    job_title: None | str | Unset = UNSET
    location_id: None | str | Unset = UNSET
    manager_id: None | str | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    pay_currency: None | str | Unset = UNSET
    pay_frequency: None | PayFrequency | Unset = UNSET
    pay_group: None | str | Unset = UNSET
    pay_group_id: None | str | Unset = UNSET
    pay_period: None | PayPeriod | Unset = UNSET
    pay_rate: float | None | Unset = UNSET
    remote_data: EmploymentListedRemoteDataType0 | None | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.employment_listed_field_sources_type_0 import EmploymentListedFieldSourcesType0  # noqa: PLC0415
        from ..models.employment_listed_remote_data_type_0 import EmploymentListedRemoteDataType0  # noqa: PLC0415

        id = self.id

        remote_id = self.remote_id

        change_reason: None | str | Unset
        if isinstance(self.change_reason, Unset):
            change_reason = UNSET
        else:
            change_reason = self.change_reason

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        department_id: None | str | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        else:
            department_id = self.department_id

        effective_date: None | str | Unset
        if isinstance(self.effective_date, Unset):
            effective_date = UNSET
        elif isinstance(self.effective_date, datetime.date):
            effective_date = self.effective_date.isoformat()
        else:
            effective_date = self.effective_date

        employee: dict[str, Any] | None | Unset
        if isinstance(self.employee, Unset):
            employee = UNSET
        elif isinstance(self.employee, Employee):
            employee = self.employee.to_dict()
        else:
            employee = self.employee

        employee_id: None | str | Unset
        if isinstance(self.employee_id, Unset):
            employee_id = UNSET
        else:
            employee_id = self.employee_id

        employment_type: None | str | Unset
        if isinstance(self.employment_type, Unset):
            employment_type = UNSET
        elif isinstance(self.employment_type, EmploymentType):
            employment_type = self.employment_type.value
        else:
            employment_type = self.employment_type

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
        elif isinstance(self.field_sources, EmploymentListedFieldSourcesType0):
            field_sources = self.field_sources.to_dict()
        else:
            field_sources = self.field_sources

        flsa_status: None | str | Unset
        if isinstance(self.flsa_status, Unset):
            flsa_status = UNSET
        elif isinstance(self.flsa_status, FlsaStatus):
            flsa_status = self.flsa_status.value
        else:
            flsa_status = self.flsa_status

        is_primary: bool | None | Unset
        if isinstance(self.is_primary, Unset):
            is_primary = UNSET
        else:
            is_primary = self.is_primary

        job_code: None | str | Unset
        if isinstance(self.job_code, Unset):
            job_code = UNSET
        else:
            job_code = self.job_code

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        location_id: None | str | Unset
        if isinstance(self.location_id, Unset):
            location_id = UNSET
        else:
            location_id = self.location_id

        manager_id: None | str | Unset
        if isinstance(self.manager_id, Unset):
            manager_id = UNSET
        else:
            manager_id = self.manager_id

        modified_at: None | str | Unset
        if isinstance(self.modified_at, Unset):
            modified_at = UNSET
        elif isinstance(self.modified_at, datetime.datetime):
            modified_at = self.modified_at.isoformat()
        else:
            modified_at = self.modified_at

        pay_currency: None | str | Unset
        if isinstance(self.pay_currency, Unset):
            pay_currency = UNSET
        else:
            pay_currency = self.pay_currency

        pay_frequency: None | str | Unset
        if isinstance(self.pay_frequency, Unset):
            pay_frequency = UNSET
        elif isinstance(self.pay_frequency, PayFrequency):
            pay_frequency = self.pay_frequency.value
        else:
            pay_frequency = self.pay_frequency

        pay_group: None | str | Unset
        if isinstance(self.pay_group, Unset):
            pay_group = UNSET
        else:
            pay_group = self.pay_group

        pay_group_id: None | str | Unset
        if isinstance(self.pay_group_id, Unset):
            pay_group_id = UNSET
        else:
            pay_group_id = self.pay_group_id

        pay_period: None | str | Unset
        if isinstance(self.pay_period, Unset):
            pay_period = UNSET
        elif isinstance(self.pay_period, PayPeriod):
            pay_period = self.pay_period.value
        else:
            pay_period = self.pay_period

        pay_rate: float | None | Unset
        if isinstance(self.pay_rate, Unset):
            pay_rate = UNSET
        else:
            pay_rate = self.pay_rate

        remote_data: dict[str, Any] | None | Unset
        if isinstance(self.remote_data, Unset):
            remote_data = UNSET
        elif isinstance(self.remote_data, EmploymentListedRemoteDataType0):
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
        if change_reason is not UNSET:
            field_dict["change_reason"] = change_reason
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if effective_date is not UNSET:
            field_dict["effective_date"] = effective_date
        if employee is not UNSET:
            field_dict["employee"] = employee
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if employment_type is not UNSET:
            field_dict["employment_type"] = employment_type
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if flsa_status is not UNSET:
            field_dict["flsa_status"] = flsa_status
        if is_primary is not UNSET:
            field_dict["is_primary"] = is_primary
        if job_code is not UNSET:
            field_dict["job_code"] = job_code
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if location_id is not UNSET:
            field_dict["location_id"] = location_id
        if manager_id is not UNSET:
            field_dict["manager_id"] = manager_id
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if pay_currency is not UNSET:
            field_dict["pay_currency"] = pay_currency
        if pay_frequency is not UNSET:
            field_dict["pay_frequency"] = pay_frequency
        if pay_group is not UNSET:
            field_dict["pay_group"] = pay_group
        if pay_group_id is not UNSET:
            field_dict["pay_group_id"] = pay_group_id
        if pay_period is not UNSET:
            field_dict["pay_period"] = pay_period
        if pay_rate is not UNSET:
            field_dict["pay_rate"] = pay_rate
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
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.employment_listed_field_sources_type_0 import EmploymentListedFieldSourcesType0  # noqa: PLC0415
        from ..models.employment_listed_remote_data_type_0 import EmploymentListedRemoteDataType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        remote_id = d.pop("remote_id")

        def _parse_change_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        change_reason = _parse_change_reason(d.pop("change_reason", UNSET))

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

        def _parse_department_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department_id = _parse_department_id(d.pop("department_id", UNSET))

        def _parse_effective_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_date_type_0 = datetime.date.fromisoformat(data)

                return effective_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_date = _parse_effective_date(d.pop("effective_date", UNSET))

        def _parse_employee(data: object) -> Employee | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                employee_type_0 = Employee.from_dict(data)

                return employee_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Employee | None | Unset, data)

        employee = _parse_employee(d.pop("employee", UNSET))

        def _parse_employee_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_id = _parse_employee_id(d.pop("employee_id", UNSET))

        def _parse_employment_type(data: object) -> EmploymentType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employment_type_type_0 = EmploymentType(data)

                return employment_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentType | None | Unset, data)

        employment_type = _parse_employment_type(d.pop("employment_type", UNSET))

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

        def _parse_field_sources(data: object) -> EmploymentListedFieldSourcesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = EmploymentListedFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentListedFieldSourcesType0 | None | Unset, data)

        field_sources = _parse_field_sources(d.pop("field_sources", UNSET))

        def _parse_flsa_status(data: object) -> FlsaStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                flsa_status_type_0 = FlsaStatus(data)

                return flsa_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FlsaStatus | None | Unset, data)

        flsa_status = _parse_flsa_status(d.pop("flsa_status", UNSET))

        def _parse_is_primary(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_primary = _parse_is_primary(d.pop("is_primary", UNSET))

        def _parse_job_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_code = _parse_job_code(d.pop("job_code", UNSET))

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))

        def _parse_location_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_id = _parse_location_id(d.pop("location_id", UNSET))

        def _parse_manager_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manager_id = _parse_manager_id(d.pop("manager_id", UNSET))

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

        def _parse_pay_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_currency = _parse_pay_currency(d.pop("pay_currency", UNSET))

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

        def _parse_pay_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_group = _parse_pay_group(d.pop("pay_group", UNSET))

        def _parse_pay_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_group_id = _parse_pay_group_id(d.pop("pay_group_id", UNSET))

        def _parse_pay_period(data: object) -> None | PayPeriod | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pay_period_type_0 = PayPeriod(data)

                return pay_period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayPeriod | Unset, data)

        pay_period = _parse_pay_period(d.pop("pay_period", UNSET))

        def _parse_pay_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        pay_rate = _parse_pay_rate(d.pop("pay_rate", UNSET))

        def _parse_remote_data(data: object) -> EmploymentListedRemoteDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = EmploymentListedRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentListedRemoteDataType0 | None | Unset, data)

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

        employment_listed = cls(
            id=id,
            remote_id=remote_id,
            change_reason=change_reason,
            created_at=created_at,
            department_id=department_id,
            effective_date=effective_date,
            employee=employee,
            employee_id=employee_id,
            employment_type=employment_type,
            end_date=end_date,
            field_sources=field_sources,
            flsa_status=flsa_status,
            is_primary=is_primary,
            job_code=job_code,
            job_title=job_title,
            location_id=location_id,
            manager_id=manager_id,
            modified_at=modified_at,
            pay_currency=pay_currency,
            pay_frequency=pay_frequency,
            pay_group=pay_group,
            pay_group_id=pay_group_id,
            pay_period=pay_period,
            pay_rate=pay_rate,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
        )

        return employment_listed
