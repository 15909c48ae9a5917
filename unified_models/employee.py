"""The employee: a person who works, worked or is about to work for the company."""

from datetime import date
from typing import ClassVar

from pydantic import Field

from unified_models.address import Address
from unified_models.base import SENSITIVE, UnifiedModel
from unified_models.enums import EmploymentStatus, EmploymentType, Ethnicity, Gender, MaritalStatus
from unified_models.scalars import CustomFieldValue, UtcDatetime

__all__ = ["Employee"]


class Employee(UnifiedModel):
    """A person who works, worked or is about to work for the company.

    Fields marked :data:`~unified_models.base.SENSITIVE` (see
    :data:`unified_models.SENSITIVE_FIELDS`) are returned only where the account's settings allow;
    otherwise they are null.
    """

    resource: ClassVar[str] = "employees"

    remote_id: str = Field(description="The provider's own id for this employee.")
    employee_number: str | None = Field(
        default=None, description="The employee number the company uses for this person."
    )
    company_id: str | None = Field(default=None, description="The hub id of the company that employs them.")
    first_name: str | None = Field(default=None, description="The legal first (given) name.")
    middle_name: str | None = Field(default=None, description="The middle name or names.")
    last_name: str | None = Field(default=None, description="The legal last (family) name.")
    preferred_name: str | None = Field(
        default=None, description="The first name the person prefers to be called by."
    )
    display_full_name: str | None = Field(
        default=None, description="The full name to display, as the HR system formats it."
    )
    username: str | None = Field(default=None, description="The person's user name in the HR system.")
    work_email: str | None = Field(default=None, description="The work e-mail address.")
    personal_email: str | None = Field(default=None, description="The personal e-mail address.")
    work_phone: str | None = Field(default=None, description="The work phone number.")
    mobile_phone: str | None = Field(default=None, description="The mobile phone number.")
    home_phone: str | None = Field(default=None, description="The home phone number.")
    home_address: Address | None = Field(default=None, description="The home address.")
    work_location_id: str | None = Field(
        default=None, description="The hub id of the location where the person usually works."
    )
    manager_id: str | None = Field(default=None, description="The hub id of the employee's manager.")
    department_id: str | None = Field(
        default=None,
        description=(
            "The hub id of the group that is the employee's department (which organisation level is the "
            "department follows the customer's own labels)."
        ),
    )
    group_ids: tuple[str, ...] | None = Field(
        default=None,
        description="The hub ids of every group the employee belongs to (departments, teams, cost centres).",
    )
    job_title: str | None = Field(default=None, description="The current job title.")
    gender: Gender | None = Field(default=None, description="The gender recorded in the HR system.")
    ethnicity: Ethnicity | None = Field(
        default=None,
        description="The ethnicity recorded in the HR system (sensitive).",
        json_schema_extra=SENSITIVE,
    )
    marital_status: MaritalStatus | None = Field(
        default=None, description="The marital status recorded in the HR system."
    )
    national_id: str | None = Field(
        default=None,
        description="The national identification number, such as a US Social Security number (sensitive).",
        json_schema_extra=SENSITIVE,
    )
    date_of_birth: date | None = Field(
        default=None, description="The date of birth (sensitive).", json_schema_extra=SENSITIVE
    )
    hire_date: date | None = Field(default=None, description="The date of the most recent hire.")
    original_hire_date: date | None = Field(
        default=None, description="The date of the first hire, which differs from `hire_date` after a rehire."
    )
    start_date: date | None = Field(default=None, description="The first day of work after the latest hire.")
    termination_date: date | None = Field(
        default=None, description="The date employment ended, or null while employed."
    )
    employment_status: EmploymentStatus | None = Field(
        default=None, description="Whether the person is active, not yet started, on leave or gone."
    )
    employment_type: EmploymentType | None = Field(
        default=None, description="The kind of work arrangement of the current job."
    )
    custom_fields: dict[str, CustomFieldValue] | None = Field(
        default=None,
        description="The provider's custom (user-defined) fields, keyed by the customer's own label.",
    )
    remote_created_at: UtcDatetime | None = Field(
        default=None, description="When the provider created this record (UTC)."
    )
