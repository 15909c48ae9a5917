"""Value parsers behind a field spec's ``type``: fast, total, and strict about what they accept.

Every parser takes one provider value and returns the parsed value, ``None`` for an empty value
(``None``, ``""`` or only whitespace: UKG sends ``""`` for missing values in its change feed), or
raises :class:`~field_maps.errors.MappingError` naming the value. No other exception escapes.

Dates and instants accept the shapes UKG Pro sends, and nothing else:

- ISO: ``2021-09-20``, ``2021-09-20T00:00:00``, ``2023-03-29T08:24:30.16`` (0-9 fractional digits,
  ``T`` or a space), optionally ``Z`` or an offset ``+05:30``;
- US, as in the change feed: ``1/1/1996 12:00:00 AM``, ``1/1/1996 13:05``, ``1/1/1996``.

The common ISO shapes take a fast path (a few character checks, then the C ``fromisoformat``);
everything else goes through one anchored regular expression.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from field_maps.errors import MappingError

__all__ = [
    "PARSERS",
    "is_empty",
    "make_datetime_parser",
    "parse_boolean",
    "parse_date",
    "parse_datetime",
    "parse_decimal",
    "parse_integer",
    "parse_number",
    "parse_string",
    "resolve_timezone",
]

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?",
    re.ASCII | re.IGNORECASE,
)
_US = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:\s*([AP]M))?)?",
    re.ASCII | re.IGNORECASE,
)
_NUMBER = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?\s*", re.ASCII)
_INTEGER = re.compile(r"\s*[+-]?\d{1,30}(?:\.0*)?\s*", re.ASCII)

_TRUE = frozenset({"y", "yes", "true", "t", "1"})
_FALSE = frozenset({"n", "no", "false", "f", "0"})
_BOOL_EXACT: dict[str, bool] = {
    "Y": True,
    "N": False,
    "true": True,
    "false": False,
    "True": True,
    "False": False,
}


def is_empty(value: Any) -> bool:
    """True for a missing value: ``None``, ``""`` or a whitespace-only string."""
    return value is None or (value.__class__ is str and (not value or value.isspace()))


def _fail(kind: str, value: Any) -> MappingError:
    shown = repr(value)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return MappingError(None, None, f"not a {kind}: {shown}")


def _from_groups(kind: str, value: str) -> datetime:
    """The slow path: one anchored regex per accepted shape. Naive unless an offset was given."""
    text = value.strip()
    try:
        match = _ISO.fullmatch(text)
        if match:
            year, month, day, hour, minute, second, fraction, offset = match.groups()
            hour_n = int(hour or 0)
        else:
            match = _US.fullmatch(text)
            if not match:
                raise _fail(kind, value)
            month, day, year, hour, minute, second, fraction, meridiem = match.groups()
            offset = None
            hour_n = int(hour or 0)
            if meridiem:
                if not 1 <= hour_n <= 12:
                    raise _fail(kind, value)
                hour_n = hour_n % 12 + (12 if meridiem.upper() == "PM" else 0)
        micro = int((fraction or "").ljust(6, "0")[:6])
        result = datetime(int(year), int(month), int(day), hour_n, int(minute or 0), int(second or 0), micro)
        if offset:
            result = result.replace(tzinfo=_offset(offset))
        return result
    except MappingError:
        raise
    except (ValueError, OverflowError) as exc:
        raise _fail(kind, value) from exc


def _offset(text: str) -> tzinfo:
    if text.upper() == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise ValueError(text)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _iso_fast(value: str) -> bool:
    """True when ``value`` has one of the plain ISO shapes ``fromisoformat`` reads as we would."""
    n = len(value)
    if n == 19:
        # value[4], [7], [10], [13], [16] in one slice: the separators of 2021-09-20T08:24:30.
        return value[4:17:3] == "--T::"
    if 21 <= n <= 29:
        tail = value[20:]
        return value[4:20:3] == "--T::." and tail.isdigit() and tail.isascii()
    return False


def _naive_or_aware(value: Any) -> datetime | None:
    """A datetime from ``value``: naive when the provider gave no offset."""
    cls = value.__class__
    if cls is str:
        if _iso_fast(value) or (len(value) == 10 and value[4] == "-" and value[7] == "-"):
            try:
                return datetime.fromisoformat(value)
            except ValueError as exc:
                raise _fail("datetime", value) from exc
        if not value or value.isspace():
            return None
        return _from_groups("datetime", value)
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    raise _fail("datetime", value)


def parse_date(value: Any) -> date | None:
    """A calendar date from any accepted date or date-time shape; the time part is dropped.

    A value with an offset keeps the date as written (no conversion to UTC).
    """
    cls = value.__class__
    if cls is str:
        n = len(value)
        if n == 10 and value[4] == "-" and value[7] == "-":
            try:
                return date.fromisoformat(value)
            except ValueError as exc:
                raise _fail("date", value) from exc
        if n == 19 and value.endswith("T00:00:00") and value[4] == "-" and value[7] == "-":
            try:
                return date.fromisoformat(value[:10])
            except ValueError as exc:
                raise _fail("date", value) from exc
        if not value or value.isspace():
            return None
        if _iso_fast(value):
            try:
                return datetime.fromisoformat(value).date()
            except ValueError as exc:
                raise _fail("date", value) from exc
        return _from_groups("date", value).date()
    if cls is date:
        return value
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise _fail("date", value)


def resolve_timezone(name: str | tzinfo) -> tzinfo:
    """The ``tzinfo`` for an account's time zone: an IANA name (``America/New_York``), ``UTC``, or a tzinfo.

    Raises ``ValueError`` for an unknown name.
    """
    if isinstance(name, tzinfo):
        return name
    if name.upper() in ("UTC", "Z", "ETC/UTC"):
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def make_datetime_parser(tz: str | tzinfo = "UTC") -> Callable[[Any], datetime | None]:
    """A datetime parser that reads naive provider times in ``tz`` and returns aware UTC datetimes."""
    zone = resolve_timezone(tz)

    if zone is UTC:
        return _parse_utc

    def parse_zoned(value: Any) -> datetime | None:
        result = _naive_or_aware(value)
        if result is None:
            return None
        try:
            if result.tzinfo is None:
                result = result.replace(tzinfo=zone)
            return result.astimezone(UTC)
        except (OverflowError, ValueError) as exc:
            raise _fail("datetime", value) from exc

    parse_zoned.__doc__ = f"An aware UTC datetime; naive provider times are read in {zone}."
    return parse_zoned


def _parse_utc(value: Any) -> datetime | None:
    """An aware UTC datetime; naive provider times are read as UTC."""
    if value.__class__ is str and _iso_fast(value):
        # A naive ISO time read as UTC; the offset in the text is much cheaper than .replace(). (Compiled
        # maps do this inline, with the same test of the shape.)
        try:
            return _from_iso(value + "+00:00")
        except ValueError as exc:
            raise _fail("datetime", value) from exc
    result = _naive_or_aware(value)
    if result is None:
        return None
    if result.tzinfo is None:
        return result.replace(tzinfo=UTC)
    try:
        return result.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise _fail("datetime", value) from exc


_from_iso = datetime.fromisoformat

parse_datetime = make_datetime_parser("UTC")
"""An aware UTC datetime from any accepted shape; naive provider times are read as UTC."""


def parse_string(value: Any) -> str | None:
    """Text: strings as given (empty → ``None``), numbers in their usual notation, dates in ISO.

    Booleans, lists and objects are not text and raise :class:`MappingError`.
    """
    cls = value.__class__
    if cls is str:
        return None if not value or value.isspace() else value
    if value is None:
        return None
    if cls is int or cls is Decimal or (cls is float and math.isfinite(value)):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return None if is_empty(value) else str(value)
    raise _fail("text value", value)


def parse_decimal(value: Any) -> Decimal | None:
    """An exact ``Decimal`` from a number or numeric text (``"1234.50"``, ``"1e3"``); not NaN or infinite."""
    cls = value.__class__
    if cls is str:
        if not _NUMBER.fullmatch(value):
            if not value or value.isspace():
                return None
            raise _fail("decimal number", value)
        return Decimal(value.strip())
    if cls is int:
        return Decimal(value)
    if cls is float:
        if not math.isfinite(value):
            raise _fail("decimal number", value)
        return Decimal(repr(value))
    if cls is Decimal:
        if not value.is_finite():
            raise _fail("decimal number", value)
        return value
    if value is None:
        return None
    raise _fail("decimal number", value)


def parse_number(value: Any) -> float | None:
    """A finite ``float`` from a number or numeric text."""
    cls = value.__class__
    if cls is float:
        if not math.isfinite(value):
            raise _fail("number", value)
        return value
    if cls is int:
        try:
            return float(value)
        except OverflowError as exc:
            raise _fail("number", value) from exc
    if cls is str:
        if not _NUMBER.fullmatch(value):
            if not value or value.isspace():
                return None
            raise _fail("number", value)
        result = float(value)
        if not math.isfinite(result):
            raise _fail("number", value)
        return result
    if cls is Decimal:
        if not value.is_finite():
            raise _fail("number", value)
        result = float(value)
        if not math.isfinite(result):
            raise _fail("number", value)
        return result
    if value is None:
        return None
    raise _fail("number", value)


def parse_integer(value: Any) -> int | None:
    """An ``int`` from an integer, a whole float or decimal, or integral text (``"0012"``, ``"12.0"``)."""
    cls = value.__class__
    if cls is int:
        return value
    if cls is str:
        if not _INTEGER.fullmatch(value):
            if not value or value.isspace():
                return None
            raise _fail("integer", value)
        return int(value.strip().split(".", 1)[0])
    if value is None:
        return None
    if cls is float:
        if math.isfinite(value) and value.is_integer():
            return int(value)
        raise _fail("integer", value)
    if cls is Decimal:
        try:
            if value.is_finite() and value.adjusted() < 30 and value == value.to_integral_value():
                return int(value)
        except InvalidOperation:
            pass
        raise _fail("integer", value)
    raise _fail("integer", value)


def parse_boolean(value: Any) -> bool | None:
    """A ``bool`` from Y/N, Yes/No, true/false, T/F or 1/0, in any case (and from ``bool`` or 0/1)."""
    if value.__class__ is str:
        exact = _BOOL_EXACT.get(value)
        if exact is not None:
            return exact
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        if not word:
            return None
        raise _fail("yes/no value", value)
    if value is True or value is False:
        return value
    if value is None:
        return None
    if value.__class__ is int and value in (0, 1):
        return bool(value)
    raise _fail("yes/no value", value)


PARSERS: dict[str, Callable[[Any], Any]] = {
    "string": parse_string,
    "integer": parse_integer,
    "number": parse_number,
    "decimal": parse_decimal,
    "boolean": parse_boolean,
    "date": parse_date,
    "datetime": parse_datetime,
}
"""The parser behind each ``type`` name (``datetime`` here reads naive times as UTC; a compiled map
binds the account's time zone instead)."""
