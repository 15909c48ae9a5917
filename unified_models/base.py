"""The base of every unified record, and the provenance of its values."""

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from unified_models.scalars import UtcDatetime

__all__ = ["SENSITIVE", "FieldSource", "UnifiedModel"]

SENSITIVE: dict[str, Any] = {"x-sensitive": True}
"""The mark of a sensitive unified field (``Field(json_schema_extra=SENSITIVE)``), the one place it is said.

Such a field is null for accounts without the ``include_sensitive`` option; the OpenAPI document shows
the mark as ``x-sensitive: true``. :data:`unified_models.SENSITIVE_FIELDS` collects the marked fields.
"""


class FieldSource(BaseModel):
    """Where one unified value came from in the provider: the field's API name and the customer's label.

    Returned in ``field_sources`` when the request asks for sources; it answers "where did this value
    come from" without a support ticket.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    api_name: str | None = Field(
        default=None,
        description=(
            "The provider field's static API name, which never changes between customers "
            "(a dotted path for nested fields)."
        ),
        examples=["employment-details.orgLevel3Code"],
    )
    label: str | None = Field(
        default=None,
        description="The name the customer gave this field in their own HR system, where it has one.",
        examples=["Department"],
    )
    source_value: Any = Field(
        default=None,
        description=(
            "The provider's own raw value before it was mapped, such as the provider code behind an "
            "enum value."
        ),
        examples=["A"],
    )


class UnifiedModel(BaseModel):
    """A record of the unified model, with the metadata every record carries.

    Concrete models set ``resource``, the name of their collection in the API (``employees``, ...).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    resource: ClassVar[str]

    id: str = Field(
        description=(
            "The hub's stable, opaque id for this record. It stays the same across syncs and whether the "
            "record is read live from the provider or from the hub's store."
        ),
    )
    remote_data: dict[str, Any] | None = Field(
        default=None,
        description=(
            "The provider's raw records this record was built from, keyed by provider record name. "
            "Only present when requested (`include_raw`). Unless the account's `include_sensitive` option "
            "is on, the members the connector declares sensitive (a national id, a date of birth, "
            "ethnicity, immigration or health data) are kept but their values are null; "
            "`remote_data_redacted` names them."
        ),
    )
    remote_data_redacted: tuple[str, ...] | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description=(
            "Beside `remote_data`, always with it: each raw member whose value the hub replaced by null "
            "because it is sensitive, as `record.member` (e.g. `person-details.ssn`), sorted; every "
            "sensitive member present is listed, whatever its value. Empty when nothing was redacted "
            "(an account with `include_sensitive`)."
        ),
        examples=[["person-details.dateOfBirth", "person-details.ssn"]],
    )
    field_sources: dict[str, FieldSource] | None = Field(
        default=None,
        description=(
            "For each unified field, keyed by its name (dotted for nested values, e.g. `home_address.city`): "
            "the provider field's API name, the customer's label and the provider's raw value it came from. "
            "Only present when requested."
        ),
    )
    created_at: UtcDatetime | None = Field(
        default=None,
        description="When the hub first saw this record (UTC).",
    )
    modified_at: UtcDatetime | None = Field(
        default=None,
        description="When this record last changed in the hub (UTC).",
    )
    remote_modified_at: UtcDatetime | None = Field(
        default=None,
        description="When the provider last changed this record, as reported by the provider (UTC).",
    )
    remote_was_deleted: bool = Field(
        default=False,
        description="True when the record has been deleted in the provider; the hub keeps the last copy.",
    )
