"""Record types the connector derives from UKG's own, where a field map needs to see across rows.

``dependent-contacts`` and ``emergency-contacts``: UKG's ``contacts`` rows flagged ``isDependent`` or
``isBeneficiary``, and those flagged ``isEmergencyContact`` (a row may be both), each exactly as UKG sent it.

``pay-groups``: one row per pay group named by UKG's ``paygroup-payperiods`` (see :func:`pay_groups`).

``deduction-plans``: one row per deduction code of the recent payroll deductions history
(see :func:`deduction_plans`).

``job-history-periods``: UKG's ``employee-job-history-details`` rows, each with the one field UKG
does not send, ``periodEndDate``: the day before the employee's next row takes effect (``None`` on the
current row). Everything else is the row exactly as UKG sent it, in UKG's order.

A period's end is known only once every row of the employee has been read, and a large tenant's
history does not fit in memory as Python objects: :func:`stream_job_history_periods` keeps the rows in
a scratch file while reading (one after another, as compact JSON), and only (employee, date, position)
in memory.
"""

from __future__ import annotations

import tempfile
from array import array
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import orjson

__all__ = [
    "DERIVED",
    "GROWING",
    "Growing",
    "deduction_plans",
    "job_history_periods",
    "pay_groups",
    "stream_job_history_periods",
]

PAGE = 2_000
"""Rows per page the derived stream yields."""


def _effective(row: dict[str, Any]) -> date | None:
    value = row.get("jobEffectiveDate")
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) and len(value) >= 10 else None
    except ValueError:
        return None


def _period_ends(entries: Iterable[tuple[int, Any, Any, date | None]]) -> dict[int, str | None]:
    """Position → its period's end, from (position, company, employee, effective date) per row."""
    by_employee: dict[tuple[Any, Any], list[tuple[date, int]]] = defaultdict(list)
    for position, company, employee, effective in entries:
        if effective is not None:
            by_employee[(company, employee)].append((effective, position))
    ends: dict[int, str | None] = {}
    for dated in by_employee.values():
        dated.sort()
        for (started, current), (following, _) in pairwise(dated):
            end = following - timedelta(days=1)
            ends[current] = end.isoformat() if end >= started else None
    return ends


def job_history_periods(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Job-history rows in UKG order, each with ``periodEndDate`` from the employee's next row."""
    ends = _period_ends(
        (i, r.get("companyId"), r.get("employeeId"), _effective(r)) for i, r in enumerate(rows)
    )
    return [dict(row, periodEndDate=ends.get(i)) for i, row in enumerate(rows)]


async def stream_job_history_periods(
    pages: AsyncIterator[list[dict[str, Any]]],
) -> AsyncIterator[list[dict[str, Any]]]:
    """:func:`job_history_periods` over pages, in bounded memory (rows wait in a scratch file)."""
    with tempfile.TemporaryFile(prefix="hrishub-ukg-") as scratch:
        entries: list[tuple[int, Any, Any, date | None]] = []
        sizes = array("I")  # each row's length in the file, in order: rows are read back in order
        async for page in pages:
            start = len(entries)
            chunks = []
            for offset, row in enumerate(page):
                entries.append((start + offset, row.get("companyId"), row.get("employeeId"), _effective(row)))
                data = orjson.dumps(row)
                sizes.append(len(data))
                chunks.append(data)
            scratch.write(b"".join(chunks))
        ends = _period_ends(entries)
        total = len(entries)
        del entries
        scratch.seek(0)
        for low in range(0, total, PAGE):
            high = min(low + PAGE, total)
            view = memoryview(scratch.read(sum(sizes[low:high])))
            rows, at = [], 0
            for position in range(low, high):
                size = sizes[position]
                rows.append(dict(orjson.loads(view[at : at + size]), periodEndDate=ends.get(position)))
                at += size
            yield rows


Builder = Callable[[AsyncIterator[list[dict[str, Any]]]], AsyncIterator[list[dict[str, Any]]]]


def _only(flags: tuple[str, ...], key: tuple[str, ...]) -> Builder:
    """A builder keeping the rows where any of ``flags`` is true, once per ``key``.

    UKG's contacts hold several kinds of contact in one list, and belong to the person: the sandbox (and,
    inferred, UKG) lists them once per job of a person employed in two companies of the tenant.
    """

    async def build(pages: AsyncIterator[list[dict[str, Any]]]) -> AsyncIterator[list[dict[str, Any]]]:
        seen: set[tuple[Any, ...]] = set()
        async for page in pages:
            kept = []
            for row in page:
                if not any(row.get(flag) is True for flag in flags):
                    continue
                identity = tuple(row.get(name) for name in key)
                if identity not in seen:
                    seen.add(identity)
                    kept.append(row)
            if kept:
                yield kept

    return build


async def pay_groups(pages: AsyncIterator[list[dict[str, Any]]]) -> AsyncIterator[list[dict[str, Any]]]:
    """One row per pay group of UKG's ``paygroup-payperiods``: ``payGroup``, ``payFrequency``, ``isActive``.

    UKG's REST API publishes no pay-group list: the groups are those its pay periods name. The frequency is
    read from the group's pay dates (the 15th and the month's end ``S``; else by their spacing: 7 days ``W``,
    14 ``B``, 28-31 ``M``), the
    group active while any of its periods is.
    """
    dates: dict[str, list[date]] = defaultdict(list)
    active: dict[str, bool] = {}
    async for page in pages:
        for row in page:
            code = row.get("payGroup")
            if not isinstance(code, str) or not code.strip():
                continue
            code = code.strip()
            paid = _day(row.get("payDate"))
            if paid is not None:
                dates[code].append(paid)
            active[code] = active.get(code, False) or row.get("isActive") is True
    rows = []
    for code in sorted(active):
        days = sorted(set(dates[code]))
        spacing = sorted((b - a).days for a, b in pairwise(days))
        middle = spacing[len(spacing) // 2] if spacing else None
        twice_a_month = len(days) > 2 and all(d.day == 15 or (d + timedelta(days=1)).day == 1 for d in days)
        frequency = "S" if twice_a_month else _frequency(middle)
        rows.append({"payGroup": code, "payFrequency": frequency, "isActive": active[code]})
    if rows:
        yield rows


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) and len(value) >= 10 else None
    except ValueError:
        return None


def _frequency(days: int | None) -> str | None:
    if days is None:
        return None
    for code, low, high in (("W", 6, 8), ("B", 13, 15), ("M", 27, 32), ("Q", 89, 93)):
        if low <= days <= high:
            return code
    return None


_PLAN_FIELDS = (
    "deductionCode",
    "deductionPlanType",
    "deductionType",
    "benefitProvider",
    "vendor",
    "is401k",
    "isSection125",
    "isDependentCare",
    "isDeferredCompensation",
)


async def deduction_plans(pages: AsyncIterator[list[dict[str, Any]]]) -> AsyncIterator[list[dict[str, Any]]]:
    """One row per deduction code of UKG's ``payroll-deductions-history``: the plan as its checks describe it.

    UKG's REST subset publishes no deduction configuration; the history rows carry each plan's type,
    provider and tax treatment. The first row of each code is kept, with UKG's own member names.
    """
    plans: dict[str, dict[str, Any]] = {}
    async for page in pages:
        for row in page:
            code = row.get("deductionCode")
            if isinstance(code, str) and code.strip() and code.strip() not in plans:
                plans[code.strip()] = {name: row.get(name) for name in _PLAN_FIELDS}
    if plans:
        yield [plans[code] for code in sorted(plans)]


_CONTACT_KEY = ("employeeId", "contactId")

DERIVED: dict[str, tuple[str, Builder]] = {
    "job-history-periods": ("employee-job-history-details", stream_job_history_periods),
    # UKG's contacts are dependents, beneficiaries and emergency contacts in one list, told apart by flags.
    "dependent-contacts": ("contacts", _only(("isDependent", "isBeneficiary"), _CONTACT_KEY)),
    "emergency-contacts": ("contacts", _only(("isEmergencyContact",), _CONTACT_KEY)),
    # Person-level rows (contacts) carry employeeId only: the home company's row gives the company.
    "home-employments": ("employee-employment-details", _only(("isHomeCompany",), ("employeeID",))),
    "pay-groups": ("paygroup-payperiods", pay_groups),
    "deduction-plans": ("payroll-deductions-history", deduction_plans),
}
"""Derived record type → (the UKG record it is built from, the function that builds its pages)."""


@dataclass(frozen=True)
class Growing:
    """A derived record type rebuilt per key from its stored rows and the source rows added since.

    UKG adds job-history rows; it does not say which it edited. A change feed's read of the rows of
    its source (:data:`DERIVED`) created since a moment gives a key's new rows; with the key's rows as
    the hub stored them (``identity`` tells a stored row a new one replaces), ``build`` gives the
    key's derived rows again.
    ``owner``: the record its rows belong to, with that record's key fields and creation moment: a key
    whose owner was created after the read's day has no rows older than it, so nothing stored is
    needed (a hire); another key with nothing stored is read whole. ``current_only``: fields UKG fills
    on a key's current row only, emptied on a stored row that a new one follows.
    """

    key: tuple[str, ...]
    identity: str
    build: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
    owner: tuple[str, tuple[str, ...], str]
    current_only: tuple[str, ...] = ()

    def rebuilt(self, stored: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """One key's source rows again: ``stored`` less those ``new`` replaces, then ``new``.

        Only the current row (the latest effective, the last of those) keeps :attr:`current_only`.
        """
        replaced = {row.get(self.identity) for row in new}
        rows = [row for row in stored if row.get(self.identity) not in replaced] + new
        if self.current_only and rows:
            latest = max(range(len(rows)), key=lambda i: (_effective(rows[i]) or date.min, i))
            empty = dict.fromkeys(self.current_only)
            rows = [row if i == latest else dict(row, **empty) for i, row in enumerate(rows)]
        return rows


GROWING: dict[str, Growing] = {
    # A job-history row belongs to the employment: none is created before the employment is.
    "job-history-periods": Growing(
        ("companyId", "employeeId"),
        "systemId",
        job_history_periods,
        owner=("employment-details", ("companyID", "employeeID"), "dateTimeCreated"),
        # The alternate title: the connector's field map reads it from the current row only (jobTitle
        # is null on earlier rows, as the sandbox serves it; inferred, not published).
        current_only=("jobTitle",),
    ),
}
"""Derived record type → how its rows are rebuilt from stored rows and the source's new ones."""
