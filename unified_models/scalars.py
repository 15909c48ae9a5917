"""Annotated scalar types of the unified models: UTC instants, amounts, country and currency codes, values.

Each type is chosen so that a model survives a JSON round trip unchanged
(``M.model_validate_json(m.model_dump_json()) == m``): a record read live from a provider and the same
record read back from the hub's store are equal.

The JSON forms are fixed: an instant is RFC 3339 in UTC with six fractional digits and ``Z``
(:func:`format_instant`, ``2025-06-02T09:30:00.000000Z``), an :data:`Amount` is a JSON number, a date is
``YYYY-MM-DD``.
"""

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, PlainSerializer, StringConstraints, WithJsonSchema

__all__ = [
    "INSTANT_PATTERN",
    "Amount",
    "CountryCode",
    "CurrencyCode",
    "CustomFieldValue",
    "UtcDatetime",
    "amount_json",
    "canonical_custom_value",
    "format_instant",
    "to_utc",
]

INSTANT_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$"
"""The one form of every instant in the hub's JSON: RFC 3339, UTC, microseconds, ``Z``."""


def to_utc(value: datetime) -> datetime:
    """Return the timezone-aware ``value`` as the same instant in UTC.

    Instants are kept in UTC so that equal instants compare and serialise alike: JSON carries offsets only
    to the minute, and times in a fold of a named zone compare unequal to every other zone.
    """
    if value.tzinfo is UTC:
        return value
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("the instant is outside the range of datetimes in UTC") from exc


def format_instant(value: datetime) -> str:
    """The JSON form of an aware instant: UTC, six fractional digits, ``Z`` (``2025-06-02T09:30:00.000000Z``).

    The fraction is always written, so every instant has one width and sorts as text; microseconds are
    what the store keeps, so nothing is lost.
    """
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


UtcDatetime = Annotated[
    AwareDatetime,
    AfterValidator(to_utc),
    PlainSerializer(format_instant, return_type=str, when_used="json"),
    WithJsonSchema(
        {"type": "string", "format": "date-time", "pattern": INSTANT_PATTERN}, mode="serialization"
    ),
]
"""A timezone-aware instant, normalised to UTC; a naive datetime is refused. JSON: :func:`format_instant`."""


def amount_json(value: Decimal) -> int | float:
    """The JSON number of an amount: an ``int`` when whole, else the nearest ``float``.

    A float carries 15 significant digits exactly, which covers money and time amounts as providers
    send them; the Python value stays the exact ``Decimal``.
    """
    if value == value.to_integral_value():
        return int(value)
    return float(value)


Amount = Annotated[
    Decimal,
    PlainSerializer(amount_json, when_used="json"),
    WithJsonSchema({"type": "number"}, mode="serialization"),
]
"""A decimal amount (pay, hours, days): ``Decimal`` in Python, a JSON number (see :func:`amount_json`)."""

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
"""An ISO 3166-1 alpha-2 country code: two upper-case letters, e.g. ``"US"``."""

CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
"""An ISO 4217 currency code: three upper-case letters, e.g. ``"USD"``."""


_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})")
_DECIMAL_RE = re.compile(r"-?\d+(?:\.\d+)?(?:E[+-]\d+)?")


def _from_text(text: str) -> Any:
    # JSON has no date, instant or decimal type, so they travel as text; this reads back exactly the
    # text forms the serialiser writes (and nothing looser), so the round trip is exact.
    if _DATE_RE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    if _DATETIME_RE.fullmatch(text):
        try:
            return datetime.fromisoformat(text).astimezone(UTC)
        except (ValueError, OverflowError):
            return text
    if _DECIMAL_RE.fullmatch(text):
        number = Decimal(text)
        # Only a number with a fractional part written in its canonical form: "00123", "1E+3" and
        # "123" (an employee badge, a code) stay text.
        if number.as_tuple().exponent < 0 and str(number) == text:  # type: ignore[operator]
            return number
    return text


def canonical_custom_value(value: Any) -> Any:
    """Return the canonical form of one custom-field value, or raise ``ValueError``.

    Accepted: ``None``, ``bool``, ``int``, finite ``float``, finite ``Decimal``, ``date``, aware ``datetime``
    and ``str``. A whole-number ``Decimal`` becomes an ``int``; a ``datetime`` is moved to UTC; a string
    written as an ISO date (``2024-05-01``), an ISO instant with offset (``2024-05-01T09:30:00Z``) or a
    canonical fractional decimal (``12.50``) becomes that ``date``, ``datetime`` or ``Decimal``. The
    canonical form is what a JSON round trip gives back, so live and stored records are equal.
    """
    if value is None or value is True or value is False:
        return value
    if isinstance(value, str):
        return _from_text(value if type(value) is str else str.__str__(value))
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("a custom field value must be a finite number")
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("a custom field value must be a finite number")
        if value.as_tuple().exponent >= 0:  # type: ignore[operator]
            return int(value)
        return value
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("a custom field datetime must be timezone-aware")
        return to_utc(value)
    if isinstance(value, date):
        return value
    raise ValueError(
        "a custom field value must be a string, number, boolean, date, datetime or null, "
        f"not {type(value).__name__}"
    )


def _custom_json(value: Any) -> Any:
    # Instants take the one JSON form of the hub; every other value keeps its own type.
    return format_instant(value) if isinstance(value, datetime) else value


CustomFieldValue = Annotated[
    Any,
    AfterValidator(canonical_custom_value),
    PlainSerializer(_custom_json, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {"type": "number"},
                {"type": "integer"},
                {"type": "boolean"},
                {"type": "null"},
            ],
            "description": (
                "A custom field's value as the provider typed it: text, number, boolean or null; dates "
                "(YYYY-MM-DD), instants (RFC 3339, UTC, `2025-06-02T09:30:00.000000Z`) and decimal "
                "amounts the provider sent as text are written as strings."
            ),
        }
    ),
]
"""One value of ``custom_fields``; see :func:`canonical_custom_value` for what is accepted."""
