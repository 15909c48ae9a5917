"""The label tables: each column header of a file → where its value sits in the records.

A file's headers *are* the customer's labels. A map names a field by its default header
(``first_name: {label: First Name}``); an account whose file says "Given Name" overrides the field by
that label. Headers compare case- and space-insensitively (:func:`field_maps.normalise_label`).
"""

from __future__ import annotations

from connectors.csv_files.columns import BALANCES, EMPLOYEES, ORG_UNITS, FileKind, column_rules, slug
from connectors.csv_files.files import Table
from hub.sdk import LabelTable, LabelTarget

__all__ = ["RECORD_OF_MODEL", "default_label_table", "label_table"]

RECORD_OF_MODEL: dict[str, tuple[FileKind, str]] = {
    "Employee": (EMPLOYEES, EMPLOYEES.record),
    "Employment": (EMPLOYEES, EMPLOYEES.record),
    "TimeOffBalance": (BALANCES, BALANCES.record),
    "TimeOffPolicy": (BALANCES, "time-off-policies"),
    "Group": (ORG_UNITS, ORG_UNITS.record),
}
"""Model → the file whose headers are its labels, and the record type its map reads."""


def default_label_table(kind: FileKind, record: str) -> LabelTable:
    """The labels of a file with every default header (for a file that is not linked, or is derived)."""
    entries = {k.label: LabelTarget(f"{record}.{k.key}") for k in kind.keys}
    for rule in column_rules(kind).values():
        entries.setdefault(rule.label, LabelTarget(f"{record}.{slug(rule.label)}"))
    return LabelTable(entries)


def label_table(table: Table, record: str) -> LabelTable:
    """The labels of a parsed file: each named header → ``record.<its record key>``."""
    return LabelTable(
        (header, LabelTarget(f"{record}.{key}"))
        for header, key in zip(table.headers, table.keys, strict=True)
        if header and key is not None
    )
