from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deduction import Deduction
    from ..models.earning import Earning
    from ..models.employee import Employee
    from ..models.employee_payroll_run_listed_field_sources_type_0 import EmployeePayrollRunListedFieldSourcesType0
    from ..models.employee_payroll_run_listed_remote_data_type_0 import EmployeePayrollRunListedRemoteDataType0
    from ..models.payroll_run import PayrollRun
    from ..models.tax import Tax


T = TypeVar("T", bound="EmployeePayrollRunListed")


@_attrs_define
class EmployeePayrollRunListed:
    """One employee's pay statement in one pay run: earnings, deductions, taxes, gross and net pay.

    In a list, with the references `expand` asked for.

        Attributes:
            id (str): The hub's stable, opaque id for this record. It stays the same across syncs and whether the record is
                read live from the provider or from the hub's store.
            remote_id (str): The provider's own id for this pay statement.
            check_date (datetime.date | None | Unset): The pay date.
            created_at (datetime.datetime | None | Unset): When the hub first saw this record (UTC).
            deductions (list[Deduction] | None | Unset): The deduction lines.
            earnings (list[Earning] | None | Unset): The earning lines.
            employee (Employee | None | Unset): With `expand=employee`: the record of `employee_id`. Absent otherwise.
            employee_id (None | str | Unset): The hub id of the employee paid.
            end_date (datetime.date | None | Unset): The last day of the period paid for.
            field_sources (EmployeePayrollRunListedFieldSourcesType0 | None | Unset): For each unified field, keyed by its
                name (dotted for nested values, e.g. `home_address.city`): the provider field's API name, the customer's label
                and the provider's raw value it came from. Only present when requested.
            gross_pay (float | None | Unset): Total earnings before deductions and taxes.
            modified_at (datetime.datetime | None | Unset): When this record last changed in the hub (UTC).
            net_pay (float | None | Unset): What the employee is paid: gross less deductions and taxes.
            pay_group_id (None | str | Unset): The hub id of the pay group paid in.
            payroll_run (None | PayrollRun | Unset): With `expand=payroll_run`: the record of `payroll_run_id`. Absent
                otherwise.
            payroll_run_id (None | str | Unset): The hub id of the pay run.
            remote_data (EmployeePayrollRunListedRemoteDataType0 | None | Unset): The provider's raw records this record was
                built from, keyed by provider record name. Only present when requested (`include_raw`). Unless the account's
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
            start_date (datetime.date | None | Unset): The first day of the period paid for.
            taxes (list[Tax] | None | Unset): The tax lines.
            total_deductions (float | None | Unset): The employee's deductions this period.
            total_taxes (float | None | Unset): The taxes withheld this period.
            ytd_gross_pay (float | None | Unset): Gross pay so far this year.
            ytd_net_pay (float | None | Unset): Net pay so far this year.
    """

    id: str
    remote_id: str
    check_date: datetime.date | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    deductions: list[Deduction] | None | Unset = UNSET
    earnings: list[Earning] | None | Unset = UNSET
    employee: Employee | None | Unset = UNSET
    employee_id: None | str | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    field_sources: EmployeePayrollRunListedFieldSourcesType0 | None | Unset = UNSET
    gross_pay: float | None | Unset = UNSET
    modified_at: datetime.datetime | None | Unset = UNSET
    net_pay: float | None | Unset = UNSET
    pay_group_id: None | str | Unset = UNSET
    payroll_run: None | PayrollRun | Unset = UNSET
    payroll_run_id: None | str | Unset = UNSET
    remote_data: EmployeePayrollRunListedRemoteDataType0 | None | Unset = UNSET
    remote_data_redacted: list[str] | None | Unset = UNSET
    remote_modified_at: datetime.datetime | None | Unset = UNSET
    remote_was_deleted: bool | Unset = False
    start_date: datetime.date | None | Unset = UNSET
    taxes: list[Tax] | None | Unset = UNSET
    total_deductions: float | None | Unset = UNSET
    total_taxes: float | None | Unset = UNSET
    ytd_gross_pay: float | None | Unset = UNSET
    ytd_net_pay: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.employee_payroll_run_listed_field_sources_type_0 import EmployeePayrollRunListedFieldSourcesType0  # noqa: PLC0415
        from ..models.employee_payroll_run_listed_remote_data_type_0 import EmployeePayrollRunListedRemoteDataType0  # noqa: PLC0415
        from ..models.payroll_run import PayrollRun  # noqa: PLC0415

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

        deductions: list[dict[str, Any]] | None | Unset
        if isinstance(self.deductions, Unset):
            deductions = UNSET
        elif isinstance(self.deductions, list):
            deductions = []
            for deductions_type_0_item_data in self.deductions:
                deductions_type_0_item = deductions_type_0_item_data.to_dict()
                deductions.append(deductions_type_0_item)

        else:
            deductions = self.deductions

        earnings: list[dict[str, Any]] | None | Unset
        if isinstance(self.earnings, Unset):
            earnings = UNSET
        elif isinstance(self.earnings, list):
            earnings = []
            for earnings_type_0_item_data in self.earnings:
                earnings_type_0_item = earnings_type_0_item_data.to_dict()
                earnings.append(earnings_type_0_item)

        else:
            earnings = self.earnings

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
        elif isinstance(self.field_sources, EmployeePayrollRunListedFieldSourcesType0):
            field_sources = self.field_sources.to_dict()
        else:
            field_sources = self.field_sources

        gross_pay: float | None | Unset
        if isinstance(self.gross_pay, Unset):
            gross_pay = UNSET
        else:
            gross_pay = self.gross_pay

        modified_at: None | str | Unset
        if isinstance(self.modified_at, Unset):
            modified_at = UNSET
        elif isinstance(self.modified_at, datetime.datetime):
            modified_at = self.modified_at.isoformat()
        else:
            modified_at = self.modified_at

        net_pay: float | None | Unset
        if isinstance(self.net_pay, Unset):
            net_pay = UNSET
        else:
            net_pay = self.net_pay

        pay_group_id: None | str | Unset
        if isinstance(self.pay_group_id, Unset):
            pay_group_id = UNSET
        else:
            pay_group_id = self.pay_group_id

        payroll_run: dict[str, Any] | None | Unset
        if isinstance(self.payroll_run, Unset):
            payroll_run = UNSET
        elif isinstance(self.payroll_run, PayrollRun):
            payroll_run = self.payroll_run.to_dict()
        else:
            payroll_run = self.payroll_run

        payroll_run_id: None | str | Unset
        if isinstance(self.payroll_run_id, Unset):
            payroll_run_id = UNSET
        else:
            payroll_run_id = self.payroll_run_id

        remote_data: dict[str, Any] | None | Unset
        if isinstance(self.remote_data, Unset):
            remote_data = UNSET
        elif isinstance(self.remote_data, EmployeePayrollRunListedRemoteDataType0):
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

        taxes: list[dict[str, Any]] | None | Unset
        if isinstance(self.taxes, Unset):
            taxes = UNSET
        elif isinstance(self.taxes, list):
            taxes = []
            for taxes_type_0_item_data in self.taxes:
                taxes_type_0_item = taxes_type_0_item_data.to_dict()
                taxes.append(taxes_type_0_item)

        else:
            taxes = self.taxes

        total_deductions: float | None | Unset
        if isinstance(self.total_deductions, Unset):
            total_deductions = UNSET
        else:
            total_deductions = self.total_deductions

        total_taxes: float | None | Unset
        if isinstance(self.total_taxes, Unset):
            total_taxes = UNSET
        else:
            total_taxes = self.total_taxes

        ytd_gross_pay: float | None | Unset
        if isinstance(self.ytd_gross_pay, Unset):
            ytd_gross_pay = UNSET
        else:
            ytd_gross_pay = self.ytd_gross_pay

        ytd_net_pay: float | None | Unset
        if isinstance(self.ytd_net_pay, Unset):
            ytd_net_pay = UNSET
        else:
            ytd_net_pay = self.ytd_net_pay

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
        if deductions is not UNSET:
            field_dict["deductions"] = deductions
        if earnings is not UNSET:
            field_dict["earnings"] = earnings
        if employee is not UNSET:
            field_dict["employee"] = employee
        if employee_id is not UNSET:
            field_dict["employee_id"] = employee_id
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if field_sources is not UNSET:
            field_dict["field_sources"] = field_sources
        if gross_pay is not UNSET:
            field_dict["gross_pay"] = gross_pay
        if modified_at is not UNSET:
            field_dict["modified_at"] = modified_at
        if net_pay is not UNSET:
            field_dict["net_pay"] = net_pay
        if pay_group_id is not UNSET:
            field_dict["pay_group_id"] = pay_group_id
        if payroll_run is not UNSET:
            field_dict["payroll_run"] = payroll_run
        if payroll_run_id is not UNSET:
            field_dict["payroll_run_id"] = payroll_run_id
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
        if taxes is not UNSET:
            field_dict["taxes"] = taxes
        if total_deductions is not UNSET:
            field_dict["total_deductions"] = total_deductions
        if total_taxes is not UNSET:
            field_dict["total_taxes"] = total_taxes
        if ytd_gross_pay is not UNSET:
            field_dict["ytd_gross_pay"] = ytd_gross_pay
        if ytd_net_pay is not UNSET:
            field_dict["ytd_net_pay"] = ytd_net_pay

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deduction import Deduction  # noqa: PLC0415
        from ..models.earning import Earning  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415
        from ..models.employee_payroll_run_listed_field_sources_type_0 import EmployeePayrollRunListedFieldSourcesType0  # noqa: PLC0415
        from ..models.employee_payroll_run_listed_remote_data_type_0 import EmployeePayrollRunListedRemoteDataType0  # noqa: PLC0415
        from ..models.payroll_run import PayrollRun  # noqa: PLC0415
        from ..models.tax import Tax  # noqa: PLC0415

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

        def _parse_deductions(data: object) -> list[Deduction] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                deductions_type_0 = []
                _deductions_type_0 = data
                for deductions_type_0_item_data in _deductions_type_0:
                    deductions_type_0_item = Deduction.from_dict(deductions_type_0_item_data)

                    deductions_type_0.append(deductions_type_0_item)

                return deductions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Deduction] | None | Unset, data)

        deductions = _parse_deductions(d.pop("deductions", UNSET))

        def _parse_earnings(data: object) -> list[Earning] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                earnings_type_0 = []
                _earnings_type_0 = data
                for earnings_type_0_item_data in _earnings_type_0:
                    earnings_type_0_item = Earning.from_dict(earnings_type_0_item_data)

                    earnings_type_0.append(earnings_type_0_item)

                return earnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Earning] | None | Unset, data)

        earnings = _parse_earnings(d.pop("earnings", UNSET))

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

        def _parse_field_sources(data: object) -> EmployeePayrollRunListedFieldSourcesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_sources_type_0 = EmployeePayrollRunListedFieldSourcesType0.from_dict(data)

                return field_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmployeePayrollRunListedFieldSourcesType0 | None | Unset, data)

        field_sources = _parse_field_sources(d.pop("field_sources", UNSET))

        def _parse_gross_pay(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        gross_pay = _parse_gross_pay(d.pop("gross_pay", UNSET))

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

        def _parse_net_pay(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        net_pay = _parse_net_pay(d.pop("net_pay", UNSET))

        def _parse_pay_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pay_group_id = _parse_pay_group_id(d.pop("pay_group_id", UNSET))

        def _parse_payroll_run(data: object) -> None | PayrollRun | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payroll_run_type_0 = PayrollRun.from_dict(data)

                return payroll_run_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PayrollRun | Unset, data)

        payroll_run = _parse_payroll_run(d.pop("payroll_run", UNSET))

        def _parse_payroll_run_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payroll_run_id = _parse_payroll_run_id(d.pop("payroll_run_id", UNSET))

        def _parse_remote_data(data: object) -> EmployeePayrollRunListedRemoteDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                remote_data_type_0 = EmployeePayrollRunListedRemoteDataType0.from_dict(data)

                return remote_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmployeePayrollRunListedRemoteDataType0 | None | Unset, data)

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

        def _parse_taxes(data: object) -> list[Tax] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                taxes_type_0 = []
                _taxes_type_0 = data
                for taxes_type_0_item_data in _taxes_type_0:
                    taxes_type_0_item = Tax.from_dict(taxes_type_0_item_data)

                    taxes_type_0.append(taxes_type_0_item)

                return taxes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Tax] | None | Unset, data)

        taxes = _parse_taxes(d.pop("taxes", UNSET))

        def _parse_total_deductions(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_deductions = _parse_total_deductions(d.pop("total_deductions", UNSET))

        def _parse_total_taxes(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_taxes = _parse_total_taxes(d.pop("total_taxes", UNSET))

        def _parse_ytd_gross_pay(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ytd_gross_pay = _parse_ytd_gross_pay(d.pop("ytd_gross_pay", UNSET))

        def _parse_ytd_net_pay(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        ytd_net_pay = _parse_ytd_net_pay(d.pop("ytd_net_pay", UNSET))

        employee_payroll_run_listed = cls(
            id=id,
            remote_id=remote_id,
            check_date=check_date,
            created_at=created_at,
            deductions=deductions,
            earnings=earnings,
            employee=employee,
            employee_id=employee_id,
            end_date=end_date,
            field_sources=field_sources,
            gross_pay=gross_pay,
            modified_at=modified_at,
            net_pay=net_pay,
            pay_group_id=pay_group_id,
            payroll_run=payroll_run,
            payroll_run_id=payroll_run_id,
            remote_data=remote_data,
            remote_data_redacted=remote_data_redacted,
            remote_modified_at=remote_modified_at,
            remote_was_deleted=remote_was_deleted,
            start_date=start_date,
            taxes=taxes,
            total_deductions=total_deductions,
            total_taxes=total_taxes,
            ytd_gross_pay=ytd_gross_pay,
            ytd_net_pay=ytd_net_pay,
        )

        return employee_payroll_run_listed
