"""The employment: one job period of an employee."""

from datetime import date
from typing import ClassVar

from pydantic import Field

from unified_models.base import UnifiedModel
from unified_models.enums import EmploymentType, FlsaStatus, PayFrequency, PayPeriod
from unified_models.scalars import Amount, CurrencyCode

__all__ = ["Employment"]


class Employment(UnifiedModel):
    """One job period of an employee: title, pay and placement from an effective date.

    An employee has one row per period; the current one has ``end_date`` null.
    """

    resource: ClassVar[str] = "employments"

    remote_id: str = Field(description="The provider's own id for this job period.")
    employee_id: str | None = Field(default=None, description="The hub id of the employee.")
    job_title: str | None = Field(default=None, description="The job title in this period.")
    job_code: str | None = Field(default=None, description="The company's code for the job.")
    department_id: str | None = Field(
        default=None, description="The hub id of the group that is the department in this period."
    )
    location_id: str | None = Field(default=None, description="The hub id of the work location.")
    manager_id: str | None = Field(default=None, description="The hub id of the manager in this period.")
    pay_rate: Amount | None = Field(
        default=None, description="The pay rate, per `pay_period`, in `pay_currency`."
    )
    pay_currency: CurrencyCode | None = Field(
        default=None, description="The currency of `pay_rate` as an ISO 4217 code.", examples=["USD"]
    )
    pay_period: PayPeriod | None = Field(
        default=None, description="The time span `pay_rate` is quoted for (hour, year, ...)."
    )
    pay_frequency: PayFrequency | None = Field(default=None, description="How often the employee is paid.")
    pay_group: str | None = Field(
        default=None, description="The payroll group (pay group) the employee is paid in, by its code."
    )
    pay_group_id: str | None = Field(default=None, description="The hub id of the pay group.")
    flsa_status: FlsaStatus | None = Field(
        default=None, description="The job's US Fair Labor Standards Act classification."
    )
    employment_type: EmploymentType | None = Field(
        default=None, description="The kind of work arrangement in this period."
    )
    effective_date: date | None = Field(default=None, description="The first day this period applies.")
    end_date: date | None = Field(
        default=None, description="The last day this period applies, or null for the current period."
    )
    change_reason: str | None = Field(
        default=None, description="Why this period began (hire, promotion, transfer, ...)."
    )
    is_primary: bool | None = Field(
        default=None, description="True for the employee's primary job when they hold several at once."
    )
