"""Record types the connector derives from UKG's own, where a field map needs to see across rows.

``job-history-periods``: UKG's ``employee-job-history-details`` rows, each with the one field UKG
does not send, ``periodEndDate``: the day before the employee's next row takes effect (``None`` on the
current row). Everything else is the row exactly as UKG sent it, in UKG's order.

A period's end is known only once every row of the employee has been read, and a large tenant's
history does not fit in memory as Python objects: :func:`stream_job_history_periods` keeps the rows in
a scratch SQLite file while reading, and only (employee, date, position) in memory.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import orjson

__all__ = ["DERIVED", "job_history_periods", "stream_job_history_periods"]

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
    with tempfile.TemporaryDirectory(prefix="hrishub-ukg-") as folder:
        db = sqlite3.connect(Path(folder) / "history.sqlite")
        try:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            db.execute("CREATE TABLE rows (position INTEGER PRIMARY KEY, row BLOB NOT NULL)")
            entries: list[tuple[int, Any, Any, date | None]] = []
            async for page in pages:
                start = len(entries)
                for offset, row in enumerate(page):
                    entries.append(
                        (start + offset, row.get("companyId"), row.get("employeeId"), _effective(row))
                    )
                db.executemany(
                    "INSERT INTO rows VALUES (?, ?)",
                    ((start + i, orjson.dumps(r)) for i, r in enumerate(page)),
                )
            ends = _period_ends(entries)
            total = len(entries)
            del entries
            for low in range(0, total, PAGE):
                chunk = db.execute(
                    "SELECT position, row FROM rows WHERE position >= ? AND position < ? ORDER BY position",
                    (low, low + PAGE),
                ).fetchall()
                yield [dict(orjson.loads(row), periodEndDate=ends.get(position)) for position, row in chunk]
        finally:
            db.close()


Builder = Callable[[AsyncIterator[list[dict[str, Any]]]], AsyncIterator[list[dict[str, Any]]]]

DERIVED: dict[str, tuple[str, Builder]] = {
    "job-history-periods": ("employee-job-history-details", stream_job_history_periods),
}
"""Derived record type → (the UKG record it is built from, the function that builds its pages)."""
