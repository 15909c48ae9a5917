"""A postal address, used by employees and locations."""

from pydantic import BaseModel, ConfigDict, Field

from unified_models.scalars import CountryCode

__all__ = ["Address"]


class Address(BaseModel):
    """A postal address."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    line1: str | None = Field(default=None, description="The first line: street and number.")
    line2: str | None = Field(
        default=None, description="The second line: apartment, suite, building or floor."
    )
    city: str | None = Field(default=None, description="The city, town or locality.")
    state: str | None = Field(
        default=None,
        description="The state, province or region, as the provider gives it (often a code such as `CA`).",
    )
    postal_code: str | None = Field(default=None, description="The postal or ZIP code.")
    country: CountryCode | None = Field(
        default=None,
        description="The country as an ISO 3166-1 alpha-2 code (two upper-case letters).",
        examples=["US"],
    )
