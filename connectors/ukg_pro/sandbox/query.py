"""Query strings as UKG reads them: parameter names in any case, filters, date expressions, paging.

UKG documents its date filters as ``dateTimeChanged=<01-01-1900`` (before), ``=>01-01-1900`` (after),
``=01-01-1900`` (on) and ``={01-01-1900,01-01-1901}`` (between, inclusive); some filters take
comma-separated lists (``[ABC, DEF]``), an id filter only where UKG publishes it (``FilterSpec.several``),
and the demographic ones a ``*`` wildcard. Matching is case-insensitive, as on UKG's SQL Server collation
(inferred), and so are parameter names (inferred).
"""

from __future__ import annotations

import fnmatch
import operator
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode

from connectors.ukg_pro.sandbox.formats import parse_moment

__all__ = [
    "FilterSpec",
    "Page",
    "Predicate",
    "QueryError",
    "QueryParams",
    "compile_filters",
    "link_header",
    "parse_page",
]

Predicate = Callable[[Mapping[str, Any], Any], bool]
"""A compiled filter: (built record, underlying object) → keep?"""

_PER_PAGE = "per_page"
_TRUE = frozenset({"true", "y", "yes", "1"})
_FALSE = frozenset({"false", "n", "no", "0"})


class QueryError(ValueError):
    """A query parameter UKG would refuse with 400; ``name`` is the parameter as sent."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


class QueryParams:
    """A parsed query string whose names match case-insensitively (the first of repeated names wins)."""

    def __init__(self, raw: bytes | str) -> None:
        text = raw.decode("latin-1") if isinstance(raw, bytes) else raw
        self.pairs: list[tuple[str, str]] = parse_qsl(text, keep_blank_values=True)
        self._lower: dict[str, tuple[str, str]] = {}
        for name, value in self.pairs:
            self._lower.setdefault(name.lower(), (name, value))

    def get(self, name: str) -> str | None:
        """The value of ``name`` in any case, or None."""
        found = self._lower.get(name.lower())
        return found[1] if found else None

    def spelling(self, name: str) -> str | None:
        """How the client spelled ``name`` (e.g. ``per_Page`` or ``PER_PAGE``), or None if absent."""
        found = self._lower.get(name.lower())
        return found[0] if found else None

    def without_paging(self) -> list[tuple[str, str]]:
        """The parameters as sent, less ``page`` and the page size: what picks the rows."""
        return [(n, v) for n, v in self.pairs if n.lower() not in ("page", _PER_PAGE)]

    def names(self) -> Iterable[str]:
        """The lower-cased parameter names present."""
        return self._lower.keys()


@dataclass(frozen=True)
class FilterSpec:
    """One filter an endpoint accepts: the record field it reads (or a getter) and its kind."""

    field: str | Callable[[Mapping[str, Any], Any], Any]
    kind: Literal["text", "date", "bool", "min", "max"] = "text"
    """``min``/``max``: the record's value compared as text, at least or at most the parameter's
    (UKG's ``startPerControl``/``endPerControl`` bounds on a period control, ``202505021``)."""
    several: bool = True
    """A text filter: whether a comma-separated value (``[ABC, DEF]`` or ``ABC,DEF``) names several
    values. False: the whole value is one, so a list matches nothing (an id filter UKG publishes no
    list for)."""
    on_object: bool = False
    """Whether ``field`` (a getter) reads the object behind a record only: the filter then picks the
    objects before their records are built (a date filter over a large tenant builds only its matches)."""

    def reader(self) -> Callable[[Mapping[str, Any], Any], Any]:
        """A function reading this filter's value from a record (or the object behind it).

        A field name matches the record's key in any case (``employeeId`` reads ``employeeID``),
        resolved on the first record: all records of one answer share their keys.
        """
        target = self.field
        if not isinstance(target, str):
            return target
        resolved: list[str] = []

        def read(record: Mapping[str, Any], ref: Any) -> Any:
            if not resolved:
                lower = target.lower()
                resolved.append(next((k for k in record if k.lower() == lower), target))
            return record.get(resolved[0])

        return read


def _text_predicate(spec: FilterSpec, raw: str) -> Predicate:
    read = spec.reader()
    if spec.several:
        options = [part.strip().casefold() for part in raw.strip().strip("[]").split(",") if part.strip()]
    else:
        options = [raw.strip().casefold()]
    exact = frozenset(o for o in options if "*" not in o)
    patterns = [re.compile(fnmatch.translate(o)) for o in options if "*" in o]

    def keep(record: Mapping[str, Any], ref: Any) -> bool:
        value = read(record, ref)
        if value is None:
            return False
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            # SQL Server compares char values ignoring trailing spaces: "F " matches F.
            text = str(value).rstrip(" ").casefold()
        return text in exact or any(p.match(text) for p in patterns)

    return keep


def _to_bool(value: Any) -> bool | None:
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def _bool_predicate(spec: FilterSpec, name: str, raw: str) -> Predicate:
    wanted = _to_bool(raw)
    if wanted is None:
        raise QueryError(name, f"'{raw}' is not a valid boolean.")
    read = spec.reader()

    def keep(record: Mapping[str, Any], ref: Any) -> bool:
        return _to_bool(read(record, ref)) is wanted

    return keep


def _moment_of(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        return parse_moment(str(value))[0]
    except ValueError:
        return None


def _date_predicate(spec: FilterSpec, name: str, raw: str) -> Predicate:
    text = raw.strip()
    try:
        if text.startswith("{") and text.endswith("}"):
            low_text, _, high_text = text[1:-1].partition(",")
            low, low_time = parse_moment(low_text)
            high, high_time = parse_moment(high_text)
            if not high_time:
                high += timedelta(days=1) - timedelta(microseconds=1)
            op = "between"
        else:
            op = "="
            for prefix, symbol in (
                ("<=", "<="),
                ("=<", "<"),
                (">=", ">="),
                ("=>", ">"),
                ("<", "<"),
                (">", ">"),
            ):
                if text.startswith(prefix):
                    op, text = symbol, text[len(prefix) :]
                    break
            low, low_time = parse_moment(text)
            high = low
    except ValueError:
        raise QueryError(name, f"'{raw}' is not a valid date expression.") from None
    read = spec.reader()
    if op == "between":

        def between(record: Mapping[str, Any], ref: Any) -> bool:
            moment = _moment_of(read(record, ref))
            return moment is not None and low <= moment <= high

        return between
    compare = _COMPARE[op]
    if not low_time:  # a day: compared with the value's day
        wanted = low.date()

        def on_day(record: Mapping[str, Any], ref: Any) -> bool:
            moment = _moment_of(read(record, ref))
            return moment is not None and compare(moment.date(), wanted)

        return on_day

    def at_instant(record: Mapping[str, Any], ref: Any) -> bool:
        moment = _moment_of(read(record, ref))
        return moment is not None and compare(moment, low)

    return at_instant


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq,
    "<": operator.lt,
    ">": operator.gt,
    "<=": operator.le,
    ">=": operator.ge,
}


def _bound_predicate(spec: FilterSpec, bound: str) -> Predicate:
    read = spec.reader()
    at_least = spec.kind == "min"

    def keep(record: Mapping[str, Any], ref: Any) -> bool:
        value = read(record, ref)
        if not isinstance(value, str):
            return False
        return value >= bound if at_least else value <= bound

    return keep


def compile_filters(
    specs: Mapping[str, FilterSpec], params: QueryParams, *, on_object: bool | None = None
) -> list[Predicate]:
    """The predicates for the filters present in ``params`` (names matched in any case).

    ``specs`` maps lower-case parameter names to their spec; unknown parameters are ignored, as
    UKG ignores them. Raises :class:`QueryError` for a malformed boolean or date. ``on_object``: only
    the filters whose :attr:`FilterSpec.on_object` is that (None: all).
    """
    predicates: list[Predicate] = []
    for lower in params.names():
        spec = specs.get(lower)
        if spec is None or (on_object is not None and spec.on_object is not on_object):
            continue
        name = params.spelling(lower) or lower
        raw = params.get(lower) or ""
        if spec.kind == "date":
            predicates.append(_date_predicate(spec, name, raw))
        elif spec.kind == "bool":
            predicates.append(_bool_predicate(spec, name, raw))
        elif spec.kind in ("min", "max") and raw.strip():
            predicates.append(_bound_predicate(spec, raw.strip()))
        elif raw.strip():
            predicates.append(_text_predicate(spec, raw))
    return predicates


@dataclass(frozen=True)
class Page:
    """A requested page: its number (from 1) and size."""

    number: int
    size: int

    @property
    def offset(self) -> int:
        """Index of the first row of the page."""
        return (self.number - 1) * self.size


def _positive(name: str, raw: str) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        raise QueryError(name, f"The value '{raw}' is not valid.") from None
    if value < 1:
        raise QueryError(name, f"The value '{raw}' must be at least 1.")
    return value


def parse_page(params: QueryParams, limit: int) -> Page:
    """Read ``page`` and ``per_Page``/``per_page`` (any case); size defaults to and is capped at ``limit``."""
    page_raw = params.get("page")
    size_raw = params.get(_PER_PAGE)
    number = _positive(params.spelling("page") or "page", page_raw) if page_raw is not None else 1
    size = _positive(params.spelling(_PER_PAGE) or _PER_PAGE, size_raw) if size_raw is not None else limit
    return Page(number, min(size, limit))


def link_header(base_url: str, path: str, params: QueryParams, page: Page, total: int) -> str:
    """An RFC 8288 ``Link`` header with first/previous/next/last for a paged answer."""
    kept = params.without_paging()
    size_name = params.spelling(_PER_PAGE) or "per_Page"
    last = max(1, -(-total // page.size))

    def url(number: int) -> str:
        return f"{base_url}{path}?{urlencode([*kept, ('page', str(number)), (size_name, str(page.size))])}"

    links = [f'<{url(1)}>; rel="first"']
    if page.number > 1:
        links.append(f'<{url(min(page.number - 1, last))}>; rel="previous"')
    if page.number < last:
        links.append(f'<{url(page.number + 1)}>; rel="next"')
    links.append(f'<{url(last)}>; rel="last"')
    return ", ".join(links)
