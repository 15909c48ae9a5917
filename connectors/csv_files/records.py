"""Turning parsed files into the records the field maps read, and deriving the records no file holds.

A row becomes ``{record key: cell}`` (an empty cell is ``None``), keyed as
:func:`connectors.csv_files.columns.column_keys` says. Employee rows also carry ``_custom``: the
columns no map reads, as ``[{"field": header, "value": cell}]`` for the Employee map's
``custom_fields``. Policies, locations and companies are the distinct values of a column; without an
org units file, so are the departments.
"""

from __future__ import annotations

from typing import Any

from connectors.csv_files.columns import CUSTOM_KEY, EMPLOYEES, column_rules
from connectors.csv_files.files import Table
from hub.sdk import normalise_label

__all__ = ["RECORD_TYPES", "distinct", "policies", "ref_column_key", "rows_of", "units_from_departments"]

RECORD_TYPES = ("employees", "time-off-balances", "time-off-policies", "org-units", "locations", "companies")
"""Every record type the client serves (the field maps' ``record`` names)."""

Row = dict[str, Any]


def rows_of(table: Table) -> list[Row]:
    """One record per data row."""
    rules = column_rules(table.kind)
    keyed = [(i, k) for i, k in enumerate(table.keys) if k is not None]
    custom: list[int] = []
    if table.kind is EMPLOYEES:
        key_columns = set(table.key_columns.values())
        custom = [
            i for i, k in keyed if i not in key_columns and normalise_label(table.headers[i]) not in rules
        ]
    out: list[Row] = []
    for _, cells in table.rows:
        row: Row = {key: cells[i] or None for i, key in keyed}
        if table.kind is EMPLOYEES:
            row[CUSTOM_KEY] = [
                {"field": table.headers[i], "value": cells[i]} for i in custom if cells[i]
            ] or None
        out.append(row)
    return out


def ref_column_key(table: Table, model: str) -> str | None:
    """The record key of the column whose values name ``model`` records (Location, Company, Group)."""
    rules = column_rules(table.kind)
    for index, header in enumerate(table.headers):
        rule = rules.get(normalise_label(header))
        if rule is not None and model in rule.refs and table.keys[index] is not None:
            return table.keys[index]
    return None


def distinct(rows: list[Row], key: str | None) -> list[str]:
    """The distinct non-empty values of ``key``, in first-seen order."""
    if key is None:
        return []
    return list(dict.fromkeys(row[key] for row in rows if row.get(key)))


def policies(rows: list[Row]) -> list[Row]:
    """One record per policy: the first balances row of each."""
    first: dict[str, Row] = {}
    for row in rows:
        if row.get("policy"):
            first.setdefault(row["policy"], row)
    return list(first.values())


def units_from_departments(names: list[str]) -> list[Row]:
    """Org-unit records for departments known only by the employees' Department column."""
    return [{"code": name, "name": name, "type": "Department"} for name in names]
