"""Benefits: the plans an employer offers, and each employee's enrolment in them."""

from datetime import date
from typing import ClassVar

from pydantic import Field

from unified_models.base import UnifiedModel
from unified_models.enums import BenefitPlanType
from unified_models.scalars import Amount

__all__ = ["Benefit", "EmployerBenefit"]


class EmployerBenefit(UnifiedModel):
    """A benefit plan the employer offers, paid for through a payroll deduction (medical, 401(k), ...)."""

    resource: ClassVar[str] = "employer_benefits"

    remote_id: str = Field(description="The provider's own code for the plan.", examples=["MED"])
    name: str | None = Field(default=None, description="The plan's name, or its code where none is given.")
    deduction_code: str | None = Field(default=None, description="The payroll deduction code of the plan.")
    benefit_plan_type: BenefitPlanType | None = Field(default=None, description="The kind of plan.")
    provider_name: str | None = Field(default=None, description="The carrier or provider of the plan.")
    is_pre_tax: bool | None = Field(default=None, description="True when the deduction is taken before tax.")


class Benefit(UnifiedModel):
    """An employee's enrolment in a benefit plan: what the employee and the employer pay, and when."""

    resource: ClassVar[str] = "benefits"

    remote_id: str = Field(description="The provider's own id for this enrolment.")
    employee_id: str | None = Field(default=None, description="The hub id of the employee enrolled.")
    employer_benefit_id: str | None = Field(default=None, description="The hub id of the plan.")
    deduction_code: str | None = Field(default=None, description="The payroll deduction code of the plan.")
    provider_name: str | None = Field(default=None, description="The carrier or provider of the plan.")
    benefit_option: str | None = Field(
        default=None, description="The coverage level chosen, as the provider codes it.", examples=["EE+SP"]
    )
    is_active: bool | None = Field(default=None, description="True while the enrolment is in force.")
    employee_contribution: Amount | None = Field(
        default=None, description="What the employee paid in the last pay period."
    )
    company_contribution: Amount | None = Field(
        default=None, description="What the employer paid in the last pay period."
    )
    ytd_employee_contribution: Amount | None = Field(
        default=None, description="What the employee has paid so far this year."
    )
    ytd_company_contribution: Amount | None = Field(
        default=None, description="What the employer has paid so far this year."
    )
    start_date: date | None = Field(default=None, description="The first day of coverage.")
    end_date: date | None = Field(
        default=None, description="The last day of coverage, or null while it lasts."
    )
