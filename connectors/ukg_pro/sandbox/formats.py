"""UKG Pro's date formats, out and in.

Out: naive date-times (``2021-09-20T00:00:00``, ``2023-03-29T08:24:30.16``: no zone, the fraction
trimmed of trailing zeros as .NET writes it), the change feed's US strings (``1/1/1996 12:00:00 AM``)
and PTO's ``YYYY-MM-DD``.

In: the date filters of query strings, which UKG documents as ``01-01-1900`` (month first) and which
clients also send as ISO dates or date-times, with or without a zone (converted to naive UTC).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

__all__ = [
    "iso_day",
    "parse_moment",
    "truncate_ms",
    "ukg_date",
    "ukg_datetime",
    "us_datetime",
]

_US = re.compile(
    r"^(\d{1,2})[-/](\d{1,2})[-/](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$"
)
# A '+' in a query string decodes to a space: "2024-01-01T00:00:00 00:00" meant "+00:00".
_LOST_PLUS = re.compile(r" (\d{2}:?\d{2})$")


def ukg_date(value: date | None) -> str | None:
    """A date as UKG writes it in personnel records: ``2021-09-20T00:00:00``."""
    if value is None:
        return None
    return f"{value.isoformat()}T00:00:00"


def ukg_datetime(value: datetime | None) -> str | None:
    """An instant as UKG writes it: naive, milliseconds at most, trailing zeros trimmed."""
    if value is None:
        return None
    text = value.isoformat(timespec="milliseconds")
    if text.endswith(".000"):
        return text[:-4]
    return text.rstrip("0")


def us_datetime(value: date | datetime | None) -> str:
    """The change feed's format, ``1/1/1996 12:00:00 AM``; a missing value is an empty string."""
    if value is None:
        return ""
    if not isinstance(value, datetime):
        return f"{value.month}/{value.day}/{value.year} 12:00:00 AM"
    hour = value.hour % 12 or 12
    half = "AM" if value.hour < 12 else "PM"
    return f"{value.month}/{value.day}/{value.year} {hour}:{value.minute:02d}:{value.second:02d} {half}"


def iso_day(value: date | None) -> str | None:
    """A plain ``YYYY-MM-DD`` date (PTO plans)."""
    return None if value is None else value.isoformat()


def truncate_ms(value: datetime) -> datetime:
    """Drop sub-millisecond digits, so an instant survives a round trip through :func:`ukg_datetime`."""
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def parse_moment(text: str) -> tuple[datetime, bool]:
    """Parse a date or date-time from a query string.

    Returns ``(naive UTC datetime, has_time)``; raises ValueError when the text is not a date.
    Accepted: ``01-01-1900``, ``1/1/1900``, ``1/1/1996 12:00:00 AM``, ``2024-01-31``,
    ``2024-01-31T10:00:00``, with fractions, ``Z`` or an offset.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("empty date")
    match = _US.match(raw)
    if match:
        month, day, year, hour, minute, second, half = match.groups()
        moment = datetime(int(year), int(month), int(day))
        if hour is None:
            return moment, False
        h = int(hour)
        if half:
            if not 1 <= h <= 12:
                raise ValueError(f"bad hour in {text!r}")
            h = h % 12 + (12 if half.upper() == "PM" else 0)
        return moment.replace(hour=h, minute=int(minute), second=int(second or 0)), True
    raw = _LOST_PLUS.sub(r"+\1", raw)
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    if "T" not in raw and " " not in raw and len(raw) <= 10:
        return datetime.combine(date.fromisoformat(raw), time()), False
    moment = datetime.fromisoformat(raw.replace(" ", "T", 1))
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment, True
