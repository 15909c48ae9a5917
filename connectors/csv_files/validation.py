"""Checking the values of parsed files: keys, what the maps expect of each column, cross-file references.

Each problem names the row, the column and the fix. Which columns hold dates, numbers, yes/no or
codes comes from the field maps (:func:`connectors.csv_files.columns.column_rules`). Decisions:

- an empty cell is always fine (the field is then empty), except in a key column;
- a code column refuses values its map's enum table does not list, unless the map gives an
  ``unknown:`` fallback (org unit Type, time-off Policy);
- a Manager ID that names no employee of the file is an **issue**, not a warning: a dangling manager
  breaks org charts silently, and the fix (add the manager's row, or empty the cell) is easy. The same
  holds for a Department not in a linked org units file, a Parent Code not in it, and a balance of an
  employee the employees file does not have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from connectors.csv_files.columns import BALANCES, EMPLOYEES, ORG_UNITS, ColumnRule, column_rules
from connectors.csv_files.files import Table
from hub.sdk import FieldIssue, MappingError, normalise_label, parse_boolean, parse_decimal

__all__ = ["MAX_ISSUES", "cap", "check_files", "check_values"]

MAX_ISSUES = 20
"""Issues reported per file; the rest are counted in one closing issue."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DAY_FIRST_OR_MONTH_FIRST = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")

_DATE_FIX = "Write dates as YYYY-MM-DD (e.g. 2024-02-29)."
_DATE_FORMAT_FIX = (
    f"{_DATE_FIX} In the spreadsheet, format the column as yyyy-mm-dd (Format Cells > Custom) before "
    "exporting, so 03/04/2024 cannot mean two different days."
)


def _where(number: int, header: str) -> str:
    return f"row {number}, column '{header}'"


def _check_date(value: str) -> tuple[str, str] | None:
    if _ISO_DATE.match(value):
        try:
            date.fromisoformat(value)
            return None
        except ValueError:
            return f"'{value}' is not a date (no such day).", _DATE_FIX
    if _DAY_FIRST_OR_MONTH_FIRST.match(value):
        return f"'{value}' is not a date in the YYYY-MM-DD form.", _DATE_FORMAT_FIX
    return f"'{value}' is not a date.", _DATE_FIX


def _check(rule: ColumnRule, value: str) -> tuple[str, str] | None:
    """``(message, fix)`` when ``value`` is not what the column's map expects."""
    if rule.kind == "date":
        return _check_date(value)
    if rule.kind == "number":
        try:
            parse_decimal(value)
            return None
        except MappingError:
            return (
                f"'{value}' is not a number.",
                "Write digits with a dot for decimals and no unit or thousands separator (e.g. 1250.5).",
            )
    if rule.kind == "boolean":
        try:
            parse_boolean(value)
            return None
        except MappingError:
            return f"'{value}' is not yes or no.", "Write Yes or No (or true/false, 1/0)."
    if rule.kind == "code":
        code: Any = value
        try:
            for transform in rule.transforms:
                code = transform(code)
        except (MappingError, ValueError, TypeError):
            code = None
        if code not in rule.codes:
            return (
                f"'{value}' is not one of the accepted values.",
                f"Use one of: {', '.join(rule.codes)} (case, spaces and hyphens do not matter), "
                "or leave the cell empty.",
            )
    return None


def _rows_named(numbers: list[int]) -> str:
    head = ", ".join(str(n) for n in numbers[:-1])
    return f"rows {head} and {numbers[-1]}"


def check_values(table: Table) -> None:
    """Check key cells (present, unique) and every cell of a column the maps read (types and codes)."""
    kind = table.kind
    key_index = [table.key_columns[k.key] for k in kind.keys if k.key in table.key_columns]
    complete_keys = len(key_index) == len(kind.keys)
    rules = column_rules(kind)
    ruled = [
        (i, rules[normalise_label(h)]) for i, h in enumerate(table.headers) if normalise_label(h) in rules
    ]
    if kind is EMPLOYEES and not table.rows and not table.issues:
        table.issue(
            "has a header row but no employee rows.",
            "Export the sheet with its rows: syncing a file without employees would mark every employee "
            "as deleted.",
        )
    seen: dict[tuple[str, ...], list[int]] = {}
    for number, cells in table.rows:
        for index in key_index:
            if not cells[index]:
                table.issue(
                    f"{_where(number, table.headers[index])} is empty.",
                    f"Every {kind.row_noun} needs a value in '{table.headers[index]}': fill it in or delete "
                    "the row.",
                    row=number,
                )
        if complete_keys and all(cells[i] for i in key_index):
            seen.setdefault(tuple(cells[i] for i in key_index), []).append(number)
        for index, rule in ruled:
            value = cells[index]
            if value and index not in key_index:
                problem = _check(rule, value)
                if problem is not None:
                    table.issue(
                        f"{_where(number, table.headers[index])}: {problem[0]}", problem[1], row=number
                    )
    for key, numbers in seen.items():
        if len(numbers) > 1:
            named = [f"'{table.headers[i]}'" for i in key_index]
            columns = f"column {named[0]}" if len(named) == 1 else f"columns {' and '.join(named)}"
            shown = " / ".join(f"'{k}'" for k in key)
            table.issue(
                f"{_rows_named(numbers)}, {columns}: {shown} appears {len(numbers)} times.",
                f"Each {kind.row_noun} must be on one row only: merge the rows or correct "
                f"{' or '.join(named)}.",
                row=numbers[0],
            )


def _ref_columns(table: Table, model: str) -> list[int]:
    rules = column_rules(table.kind)
    return [
        i
        for i, h in enumerate(table.headers)
        if model in rules.get(normalise_label(h), ColumnRule(h)).refs and i not in table.key_columns.values()
    ]


def _check_refs(table: Table, model: str, known: set[str], where: str, fix: str) -> None:
    for index in _ref_columns(table, model):
        for number, cells in table.rows:
            value = cells[index]
            if value and value not in known:
                table.issue(f"{_where(number, table.headers[index])}: '{value}' {where}", fix, row=number)


def _keys(table: Table | None, key: str) -> set[str] | None:
    if table is None or key not in table.key_columns or table.issues:
        return None
    index = table.key_columns[key]
    return {cells[index] for _, cells in table.rows if cells[index]}


def check_files(tables: Mapping[str, Table | None]) -> None:
    """Cross-file checks: managers, departments, parent units and balances name rows that exist."""
    employees, balances, units = (tables.get(k.field) for k in (EMPLOYEES, BALANCES, ORG_UNITS))
    employee_ids = _keys(employees, "employee_id")
    unit_codes = _keys(units, "code")
    if employees is not None and employee_ids is not None:
        _check_refs(
            employees,
            "Employee",
            employee_ids,
            "names no employee in this file.",
            "Use the Employee ID of the manager's own row, add the manager's row, or leave the cell empty.",
        )
    if employees is not None and units is not None and unit_codes is not None:
        _check_refs(
            employees,
            "Group",
            unit_codes,
            f"is not a Code in the org units file ({units.name}).",
            "Use a Code from the org units file, or add that unit to it.",
        )
    if units is not None and unit_codes is not None:
        _check_refs(
            units,
            "Group",
            unit_codes,
            "is not the Code of any unit in this file.",
            "Use the Code of the parent unit's own row, add that row, or leave the cell empty.",
        )
    if balances is not None and employee_ids is not None and "employee_id" in balances.key_columns:
        index = balances.key_columns["employee_id"]
        for number, cells in balances.rows:
            if cells[index] and cells[index] not in employee_ids:
                balances.issue(
                    f"{_where(number, balances.headers[index])}: '{cells[index]}' names no employee in the "
                    f"employees file ({employees.name if employees else ''}).",
                    "Use an Employee ID from the employees file, or remove the row.",
                    row=number,
                )


def cap(issues: Iterable[FieldIssue], limit: int = MAX_ISSUES) -> list[FieldIssue]:
    """At most ``limit`` issues per field, then one saying how many more there are."""
    kept: list[FieldIssue] = []
    extra: dict[str, int] = {}
    count: dict[str, int] = {}
    for issue in issues:
        count[issue.field] = count.get(issue.field, 0) + 1
        if count[issue.field] <= limit:
            kept.append(issue)
        else:
            extra[issue.field] = extra.get(issue.field, 0) + 1
    for name, more in extra.items():
        kept.append(
            FieldIssue(
                name,
                f"and {more} more problem{'s' if more > 1 else ''} in this file.",
                "Fix the ones above, then link (or sync) again to see what remains.",
            )
        )
    return kept
