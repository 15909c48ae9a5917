from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.benefit_listed_field_sources_type_0 import BenefitListedFieldSourcesType0
    from ..models.benefit_listed_remote_data_type_0 import BenefitListedRemoteDataType0
    from ..models.employee import Employee
    from ..models.employer_benefit import EmployerBenefit


T = TypeVar("T", bound="BenefitListed")


@_attrs_define
class BenefitListed:
    """An employee's enrolment in a benefit plan: what the employee and the employer pay, and when.

    In a list, with the references `expand` asked for.

        Attributes:
            id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
                read live from the provider or from the hub's store.
            remote_id (str): The provider's own id for this enrolment.
            benefit_option (None | str | Unset): The coverage level chosen, as the provider codes it.
            company_contribution (float | None | Unset): What the employer paid in the last pay period.
            created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
            deduction_code (None | str | Unset): The payroll deduction code of the plan.
            employee (Employee | None | Unset): With `expand=employee`: the record of `employee_id`. Absent otherwise.
            employee_contribution (float | None | Unset): What the employee paid in the last pay period.
            employee_id (None | str | Unset): The hub id of the employee enrolled.
            employer_benefit (EmployerBenefit | None | Unset): With `expand=employer_benefit`: the record of
                `employer_benefit_id`. Absent otherwise.
            employer_benefit_id (None | str | Unset): The hub id of the plan.
            end_date (datetime.date | None | Unset): The last day of coverage, or null while it lasts.
            field_sources (BenefitListedFieldSourcesType0 | None | Unset): For each unified field, keyed by its name (dotted
                for nested values, e.g. `home_address.city`): the provider field's API name, the customer's label and the
                provider's raw value it came from. Only present when requested.
            is_active (bool | None | Unset): True while the enrolment is in force.
            modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
            provider_name (None | str | Unset): The carrier or provider of the plan.
            remote_data (BenefitListedRemoteDataType0 | None | Unset): The provider's raw records this record was built
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
            start_date (datetime.date | None | Unset): The first day of coverage.
            ytd_company_contribution (float | None | Unset): What the employer has paid so far this year.
            ytd_employee_contribution (float | None | Unset): What the employee has paid so far this year.
    """

    id: str
    remote_id: str
    benefit_option: None | str | Unset = UNSET
    company_contribution: float | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    deduction_code: None | str | Unset = UNSET
    employee: Employee | None | Unset = UNSET
    employee_contribution: float | None | Unset = UNSET
    employee_id: None | str | Unset = UNSET
    employer_benefit: EmployerBenefit | None | Unset = UNSET
    employer_benefit_id: None | str | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    field_sources: BenefitListedFieldSourcesType0 | None | Unset = UNSET
    is_active: bool | None | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    provider_name: None | str | Unset = UNSET
    remote_data: BenefitListedRemoteDataType0 | None | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False
    start_date: datetime.date | None | Unset = UNSET
    ytd_company_contribution: float | None | Unset = UNSET
    ytd_employee_contribution: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.benefit_listed_field_sources_type_0 import BenefitListedFieldSourcesType0  # noqa: PLC0415
        from ..models.benefit_listed_remote_data_type_0 import BenefitListedRemoteDataType0  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.employer_benefit import EmployerBenefit  # noqa: PLC0415

        id = self.id

        remote_id = self.remote_id

        benefit_option: None | str | Unset
        if isinstance(self.benefit_option, Unset):
            benefit_option = UNSET
        else:
            benefit_option = self.benefit_option

        company_contribution: float | None | Unset
        if isinstance(self.company_contribution, Unset):
            company_contribution = UNSET
        else:
            company_contribution = self.company_contribution

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        deduction_code: None | str | Unset
        if isinstance(self.deduction_code, Unset):
            deduction_code = UNSET
        else:
            deduction_code = self.deduction_code

        employee: dict[str, Any] | None | Unset
        if isinstance(self.employee, Unset):
            employee = UNSET
        elif isinstance(self.employee, Employee):
            employee = self.employee.to_dict()
        else:
            employee = self.employee

        employee_contribution: float | None | Unset
        if isinstance(self.employee_contribution, Unset):
            employee_contribution = UNSET
        else:
            employee_contribution = self.employee_contribution

        employee_id: None | str | Unset
        if isinstance(self.employee_id, Unset):
            employee_id = UNSET
        else:
            employee_id = self.employee_id

        employer_benefit: dict[str, Any] | None | Unset
        if isinstance(self.employer_benefit, Unset):
            employer_benefit = UNSET
        elif isinstance(self.employer_benefit, EmployerBenefit):
            employer_benefit = self.employer_benefit.to_dict()
        else:
            employer_benefit = self.employer_benefit

        employer_benefit_id: None | str | Unset
        if isinstance(self.employer_benefit_id, Unset):
            employer_benefit_id = UNSET
        else:
            employer_benefit_id = self.employer_benefit_id

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
        elif isinstance(self.field_sources, BenefitListedFieldSourcesType0):
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

        provider_name: None | str | Unset
        if isinstance(self.provider_name, Unset):
            provider_name = UNSET
        else:
            provider_name = self.provider_name

        remote_data: dict[str, Any] | None | Unset
        if isinstance(self.remote_data, Unset):
            remote_data = UNSET
        elif isinstance(self.remote_data, BenefitListedRemoteDataType0):
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

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        ytd_company_contribution: float | None | Unset
        if isinstance(self.ytd_company_contribution, Unset):
            ytd_company_contribution = UNSET
        else:
            ytd_company_contribution = self.ytd_company_contribution

        ytd_employee_contribution: float | None | Unset
        if isinstance(self.ytd_employee_contribution, Unset):
            ytd_employee_contribution = UNSET
        else:
            ytd_employee_contribution = self.ytd_employee_contribution

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "remote_id": remote_id,
            }
        )
        if benefit_option is not UNSET:
            field_dict["benefit_option"] = benefit_option
        if company_contribution is not UNSET:
            field_dict["company_contribution"] = company_contribution
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deduction_code is not UNSET:
            field_dict["deduction_code"] = deduction_code
        if employee is not UNSET:
            field_dict["employee"] = employee
        if employee_contribution is not UNSET:
            field_dict["employee_contribution"] = employee_contribution
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if employer_benefit is not UNSET:
            field_dict["employer_benefit"] = employer_benefit
        if employer_benefit_id is not UNSET:
            field_dict["employer_benefit_id"] = employer_benefit_id
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if provider_name is not UNSET:
            field_dict["provider_name"] = provider_name
        if remote_data is not UNSET:
            field_dict["remote_data"] = remote_data
        if remote_data_redacted is not UNSET:
            field_dict["remote_data_redacted"] = remote_data_redacted
        if remote_modified_at is not UNSET:
            field_dict["remote_modified_at"] = remote_modified_at
        if remote_was_deleted is not UNSET:
            field_dict["remote_was_deleted"] = remote_was_deleted
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if ytd_company_contribution is not UNSET:
            field_dict["ytd_company_contribution"] = ytd_company_contribution
        if ytd_employee_contribution is not UNSET:
            field_dict["ytd_employee_contribution"] = ytd_employee_contribution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.benefit_listed_field_sources_type_0 import BenefitListedFieldSourcesType0  # noqa: PLC0415
        from ..models.benefit_listed_remote_data_type_0 import BenefitListedRemoteDataType0  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.employer_benefit import EmployerBenefit  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        remote_id = d.pop("remote_id")

        def _parse_benefit_option(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        benefit_option = _parse_benefit_option(d.pop("benefit_option", UNSET))

        def _parse_company_contribution(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        company_contribution = _parse_company_contribution(d.pop("company_contribution", UNSET))

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

        def _parse_deduction_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deduction_code = _parse_deduction_code(d.pop("deduction_code", UNSET))

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

        def _parse_employee_contribution(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        employee_contribution = _parse_employee_contribution(d.pop("employee_contribution", UNSET))

        def _parse_employee_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_id = _parse_employee_id(d.pop("employee_id", UNSET))

        def _parse_employer_benefit(data: object) -> EmployerBenefit | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                employer_benefit_type_0 = EmployerBenefit.from_dict(data)

                return employer_benefit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmployerBenefit | None | Unset, data)

        employer_benefit = _parse_employer_benefit(d.pop("employer_benefit", UNSET))

        def _parse_employer_benefit_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employer_benefit_id = _parse_employer_benefit_id(d.pop("employer_benefit_id", UNSET))

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

        def _parse_field_sources(data: object) -> BenefitListedFieldSourcesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = BenefitListedFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BenefitListedFieldSourcesType0 | None | Unset, data)

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

        def _parse_provider_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_name = _parse_provider_name(d.pop("provider_name", UNSET))

        def _parse_remote_data(data: object) -> BenefitListedRemoteDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = BenefitListedRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BenefitListedRemoteDataType0 | None | Unset, data)

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

        def _parse_ytd_company_contribution(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ytd_company_contribution = _parse_ytd_company_contribution(d.pop("ytd_company_contribution", UNSET))

        def _parse_ytd_employee_contribution(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ytd_employee_contribution = _parse_ytd_employee_contribution(d.pop("ytd_employee_contribution", UNSET))

        benefit_listed = cls(
            id=id,
            remote_id=remote_id,
            benefit_option=benefit_option,
            company_contribution=company_contribution,
            created_at=created_at,
            deduction_code=deduction_code,
            employee=employee,
            employee_contribution=employee_contribution,
            employee_id=employee_id,
            employer_benefit=employer_benefit,
            employer_benefit_id=employer_benefit_id,
            end_date=end_date,
            field_sources=field_sources,
            is_active=is_active,
            modified_at=modified_at,
            provider_name=provider_name,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
            start_date=start_date,
            ytd_company_contribution=ytd_company_contribution,
            ytd_employee_contribution=ytd_employee_contribution,
        )

        return benefit_listed
