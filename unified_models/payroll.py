"""Payroll: pay groups, a company's pay runs, and each employee's pay statement with its lines."""

from datetime import date
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from unified_models.base import UnifiedModel
from unified_models.enums import EarningType, PayFrequency, PayrollRunState, PayrollRunType
from unified_models.scalars import Amount

__all__ = ["Deduction", "Earning", "EmployeePayrollRun", "PayGroup", "PayrollRun", "Tax"]


class PayGroup(UnifiedModel):
    """A group of employees paid together on one schedule (UKG Pro's pay groups)."""

    resource: ClassVar[str] = "pay_groups"

    remote_id: str = Field(description="The provider's own code for this pay group.", examples=["USBW"])
    name: str | None = Field(
        default=None, description="The pay group's name, or its code where none is given."
    )
    pay_frequency: PayFrequency | None = Field(default=None, description="How often the group is paid.")
    is_active: bool | None = Field(default=None, description="False when the group is no longer paid.")


class PayrollRun(UnifiedModel):
    """One pay run of a company: a pay group's pay date, the period it pays for, its kind and state."""

    resource: ClassVar[str] = "payroll_runs"

    remote_id: str = Field(
        description="The provider's own id for this run.", examples=["USBW:2025-05-30T00:00:00"]
    )
    pay_group_id: str | None = Field(default=None, description="The hub id of the pay group paid.")
    run_type: PayrollRunType | None = Field(
        default=None, description="A regular run, or one outside the cycle."
    )
    run_state: PayrollRunState | None = Field(default=None, description="Where the run is.")
    check_date: date | None = Field(default=None, description="The pay date: when the money is paid.")
    start_date: date | None = Field(default=None, description="The first day of the period paid for.")
    end_date: date | None = Field(default=None, description="The last day of the period paid for.")


class _Line(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Earning(_Line):
    """One earning line of a pay statement (regular pay, overtime, bonus, ...)."""

    code: str | None = Field(default=None, description="The provider's earning code.", examples=["REG"])
    name: str | None = Field(default=None, description="The earning's description on the statement.")
    type: EarningType | None = Field(default=None, description="The kind of earning, where the code says it.")
    hours: Amount | None = Field(default=None, description="The hours paid in this period.")
    rate: Amount | None = Field(default=None, description="The rate paid per hour (or per unit).")
    amount: Amount | None = Field(default=None, description="The amount earned in this period.")
    ytd_hours: Amount | None = Field(default=None, description="The hours paid so far this year.")
    ytd_amount: Amount | None = Field(default=None, description="The amount earned so far this year.")


class Deduction(_Line):
    """One deduction line of a pay statement (401(k), medical, ...), with the employer's part."""

    code: str | None = Field(default=None, description="The provider's deduction code.", examples=["401K"])
    name: str | None = Field(default=None, description="The deduction's description on the statement.")
    is_pre_tax: bool | None = Field(default=None, description="True when taken before taxes are computed.")
    employee_deduction: Amount | None = Field(default=None, description="The employee's amount this period.")
    company_deduction: Amount | None = Field(
        default=None, description="The employer's contribution this period."
    )
    ytd_employee_deduction: Amount | None = Field(
        default=None, description="The employee's amount so far this year."
    )
    ytd_company_deduction: Amount | None = Field(
        default=None, description="The employer's contribution so far this year."
    )


class Tax(_Line):
    """One tax line of a pay statement (federal income tax, social security, ...)."""

    code: str | None = Field(default=None, description="The provider's tax code.", examples=["FITWH"])
    name: str | None = Field(default=None, description="The tax's description on the statement.")
    amount: Amount | None = Field(default=None, description="The tax withheld this period.")
    ytd_amount: Amount | None = Field(default=None, description="The tax withheld so far this year.")
    employer_tax: bool | None = Field(
        default=None,
        description="True for a tax the employer pays, False for one withheld from the employee.",
    )


class EmployeePayrollRun(UnifiedModel):
    """One employee's pay statement in one pay run: earnings, deductions, taxes, gross and net pay."""

    resource: ClassVar[str] = "employee_payroll_runs"

    remote_id: str = Field(description="The provider's own id for this pay statement.")
    employee_id: str | None = Field(default=None, description="The hub id of the employee paid.")
    payroll_run_id: str | None = Field(default=None, description="The hub id of the pay run.")
    pay_group_id: str | None = Field(default=None, description="The hub id of the pay group paid in.")
    check_date: date | None = Field(default=None, description="The pay date.")
    start_date: date | None = Field(default=None, description="The first day of the period paid for.")
    end_date: date | None = Field(default=None, description="The last day of the period paid for.")
    gross_pay: Amount | None = Field(default=None, description="Total earnings before deductions and taxes.")
    net_pay: Amount | None = Field(
        default=None, description="What the employee is paid: gross less deductions and taxes."
    )
    total_deductions: Amount | None = Field(
        default=None, description="The employee's deductions this period."
    )
    total_taxes: Amount | None = Field(default=None, description="The taxes withheld this period.")
    ytd_gross_pay: Amount | None = Field(default=None, description="Gross pay so far this year.")
    ytd_net_pay: Amount | None = Field(default=None, description="Net pay so far this year.")
    earnings: tuple[Earning, ...] | None = Field(default=None, description="The earning lines.")
    deductions: tuple[Deduction, ...] | None = Field(default=None, description="The deduction lines.")
    taxes: tuple[Tax, ...] | None = Field(default=None, description="The tax lines.")
