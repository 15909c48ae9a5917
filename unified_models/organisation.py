"""The organisation: groups (departments, teams, ...), locations and companies."""

from typing import ClassVar

from pydantic import Field

from unified_models.address import Address
from unified_models.base import UnifiedModel
from unified_models.enums import GroupType, LocationType

__all__ = ["Company", "Group", "Location"]


class Group(UnifiedModel):
    """A grouping of employees: a department, team, division, business unit, cost centre or region.

    Organisation levels of the provider (UKG Pro's org levels 1-4) become groups.
    """

    resource: ClassVar[str] = "groups"

    remote_id: str = Field(description="The provider's own id (or code) for this group.")
    name: str | None = Field(default=None, description="The group's name.")
    type: GroupType | None = Field(default=None, description="The kind of group.")
    label: str | None = Field(
        default=None,
        description="The customer's own name for this kind of group or organisation level.",
        examples=["Department"],
    )
    level: int | None = Field(
        default=None, description="The organisation level of the group, where the provider has levels."
    )
    parent_id: str | None = Field(default=None, description="The hub id of the parent group.")
    is_active: bool | None = Field(default=None, description="False when the group is no longer in use.")


class Location(UnifiedModel):
    """A place where employees work, or an employee's home."""

    resource: ClassVar[str] = "locations"

    remote_id: str = Field(description="The provider's own id (or code) for this location.")
    name: str | None = Field(default=None, description="The location's name.")
    address: Address | None = Field(default=None, description="The location's postal address.")
    location_type: LocationType | None = Field(
        default=None, description="Whether this is a work location or a home."
    )
    is_active: bool | None = Field(default=None, description="False when the location is no longer in use.")


class Company(UnifiedModel):
    """A legal entity (company) in the HR system; one account may hold several."""

    resource: ClassVar[str] = "companies"

    remote_id: str = Field(description="The provider's own id for this company.")
    legal_name: str | None = Field(default=None, description="The company's registered legal name.")
    display_name: str | None = Field(default=None, description="The name the company is shown by.")
    code: str | None = Field(default=None, description="The company's short code in the HR system.")
    is_parent: bool | None = Field(
        default=None, description="True for the parent company of a group of companies."
    )
