"""The employee's family and contacts: dependents (and beneficiaries) and emergency contacts."""

from datetime import date
from typing import ClassVar

from pydantic import Field

from unified_models.address import Address
from unified_models.base import SENSITIVE, UnifiedModel
from unified_models.enums import ContactRelationship, Gender

__all__ = ["Dependent", "EmergencyContact"]


class Dependent(UnifiedModel):
    """A person covered by or named in an employee's benefits: a dependent, a beneficiary, or both.

    ``is_dependent`` and ``is_beneficiary`` say which; a benefits broker enrols dependents and a
    life-insurance carrier pays beneficiaries.
    """

    resource: ClassVar[str] = "dependents"

    remote_id: str = Field(description="The provider's own id for this contact.")
    employee_id: str | None = Field(default=None, description="The hub id of the employee.")
    first_name: str | None = Field(default=None, description="The dependent's first name.")
    middle_name: str | None = Field(default=None, description="The dependent's middle name.")
    last_name: str | None = Field(default=None, description="The dependent's last name.")
    relationship: ContactRelationship | None = Field(
        default=None, description="How the dependent is related to the employee."
    )
    relationship_name: str | None = Field(
        default=None,
        description="The customer's own name for the relationship, as the HR system shows it.",
        examples=["Daughter"],
    )
    date_of_birth: date | None = Field(
        default=None, description="The dependent's date of birth.", json_schema_extra=SENSITIVE
    )
    national_id: str | None = Field(
        default=None,
        description="The dependent's government id number (SSN in the US).",
        json_schema_extra=SENSITIVE,
    )
    gender: Gender | None = Field(default=None, description="The dependent's gender.")
    home_phone: str | None = Field(default=None, description="The dependent's home phone number.")
    mobile_phone: str | None = Field(default=None, description="The dependent's other (mobile) phone number.")
    home_address: Address | None = Field(
        default=None, description="The dependent's home address, where the HR system holds one."
    )
    is_dependent: bool | None = Field(default=None, description="True when the person is a dependent.")
    is_beneficiary: bool | None = Field(default=None, description="True when the person is a beneficiary.")
    is_student: bool | None = Field(default=None, description="True when the dependent is a student.")
    is_disabled: bool | None = Field(
        default=None,
        description="True when the dependent is disabled (health data).",
        json_schema_extra=SENSITIVE,
    )
    is_active: bool | None = Field(default=None, description="False when the contact is no longer current.")


class EmergencyContact(UnifiedModel):
    """A person to call about an employee in an emergency."""

    resource: ClassVar[str] = "emergency_contacts"

    remote_id: str = Field(description="The provider's own id for this contact.")
    employee_id: str | None = Field(default=None, description="The hub id of the employee.")
    first_name: str | None = Field(default=None, description="The contact's first name.")
    last_name: str | None = Field(default=None, description="The contact's last name.")
    relationship: ContactRelationship | None = Field(
        default=None, description="How the contact is related to the employee."
    )
    relationship_name: str | None = Field(
        default=None, description="The customer's own name for the relationship.", examples=["Spouse"]
    )
    home_phone: str | None = Field(default=None, description="The contact's home phone number.")
    mobile_phone: str | None = Field(default=None, description="The contact's other (mobile) phone number.")
    work_phone: str | None = Field(default=None, description="The contact's work phone number.")
    email: str | None = Field(default=None, description="The contact's e-mail address.")
    home_address: Address | None = Field(default=None, description="The contact's home address.")
    is_active: bool | None = Field(default=None, description="False when the contact is no longer current.")
