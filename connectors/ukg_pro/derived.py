"""Record types the connector derives from UKG's own, where a field map needs to see across rows.

``job-history-periods``: UKG's ``employee-job-history-details`` rows, each with the one field UKG
does not send, ``periodEndDate``: the day before the employee's next row takes effect (``None`` on the
current row). Everything else is the row exactly as UKG sent it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

__all__ = ["DERIVED", "job_history_periods"]


def _effective(row: dict[str, Any]) -> date | None:
    value = row.get("jobEffectiveDate")
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) and len(value) >= 10 else None
    except ValueError:
        return None


def job_history_periods(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Job-history rows in UKG order, each with ``periodEndDate`` from the employee's next row."""
    by_employee: dict[tuple[Any, Any], list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_employee[(row.get("companyId"), row.get("employeeId"))].append(i)
    out = [dict(row, periodEndDate=None) for row in rows]
    for indexes in by_employee.values():
        dated = sorted((d, i) for i in indexes if (d := _effective(rows[i])) is not None)
        for (started, current), (following, _) in pairwise(dated):
            end = following - timedelta(days=1)
            out[current]["periodEndDate"] = end.isoformat() if end >= started else None
    return out


DERIVED: dict[str, tuple[str, Callable[[list[dict[str, Any]]], list[dict[str, Any]]]]] = {
    "job-history-periods": ("employee-job-history-details", job_history_periods),
}
"""Derived record type → (the UKG record it is built from, the function that builds it)."""
