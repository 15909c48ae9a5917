"""What the connector knows about each file's columns: its key columns, and what the maps expect.

Key columns (Employee ID, Policy, Code) are found by header, with a few common aliases, and always
reach the maps under a fixed name (``employee_id``, ``policy``, ``code``): a map's key is a path, not
a label. Every other column is found by the maps through labels; the rules for checking its values
(dates, numbers, yes/no, accepted codes, references to employees or org units) are read from the
maps themselves, so validation can never disagree with mapping.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from connectors.csv_files.transforms import TRANSFORMS
from hub.sdk import BUILTIN_TRANSFORMS, FieldMap, FieldSpec, load_maps, normalise_label

__all__ = [
    "BALANCES",
    "CUSTOM_KEY",
    "EMPLOYEES",
    "FILES",
    "MAPS_FOLDER",
    "ORG_UNITS",
    "ColumnRule",
    "FileKind",
    "KeyColumn",
    "column_keys",
    "column_rules",
    "field_maps_of",
    "file_of_model",
    "slug",
]

MAPS_FOLDER = Path(__file__).resolve().parents[2] / "field_maps" / "csv_files"
"""This connector's field maps (the project keeps every connector's maps under ``field_maps/``)."""

CUSTOM_KEY = "_custom"
"""The record key holding ``[{"field": header, "value": cell}]`` for columns no map reads.
Never produced by :func:`slug` (slugs do not start with ``_``)."""


@dataclass(frozen=True)
class KeyColumn:
    """A column the records are keyed by: its default header, its fixed record key, other headers accepted."""

    label: str
    key: str
    aliases: tuple[str, ...] = ()
    what: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        """The default header first, then the aliases."""
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class FileKind:
    """One of the three files: its credential field, record type, key columns, and the maps that read it."""

    field: str
    record: str
    noun: str
    row_noun: str
    models: tuple[str, ...]
    keys: tuple[KeyColumn, ...]
    required: bool = False


EMPLOYEES = FileKind(
    field="employees_file",
    record="employees",
    noun="employees file",
    row_noun="employee",
    models=("Employee", "Employment"),
    keys=(
        KeyColumn(
            "Employee ID",
            "employee_id",
            ("EmployeeID", "Emp ID", "Employee #", "Worker ID", "Staff ID"),
            what="employee ids",
        ),
    ),
    required=True,
)
BALANCES = FileKind(
    field="time_off_balances_file",
    record="time-off-balances",
    noun="time-off balances file",
    row_noun="balance",
    models=("TimeOffBalance", "TimeOffPolicy"),
    keys=(
        KeyColumn("Employee ID", "employee_id", EMPLOYEES.keys[0].aliases, what="employee ids"),
        KeyColumn(
            "Policy", "policy", ("Policy Name", "Time Off Policy", "Leave Type", "Plan"), what="policies"
        ),
    ),
)
ORG_UNITS = FileKind(
    field="org_units_file",
    record="org-units",
    noun="org units file",
    row_noun="org unit",
    models=("Group",),
    keys=(KeyColumn("Code", "code", ("Org Unit Code", "Unit Code", "Department Code"), what="unit codes"),),
)
FILES: tuple[FileKind, ...] = (EMPLOYEES, BALANCES, ORG_UNITS)
"""The files, in the order they are read and reported."""


def file_of_model(model: str) -> FileKind | None:
    """The file whose columns a model's map reads by label, if any."""
    return next((kind for kind in FILES if model in kind.models), None)


_NOT_WORD = re.compile(r"\W+")


def slug(header: str) -> str:
    """A header as a record key (an API name the maps can use): ``"Hire Date"`` → ``hire_date``."""
    return _NOT_WORD.sub("_", normalise_label(header)).strip("_")


def column_keys(headers: list[str], kind: FileKind) -> tuple[list[str | None], dict[str, int]]:
    """The record key of each column (``None`` for a nameless one) and where each key column is.

    A key column gets its fixed key; every other column the slug of its header, made unique with
    ``_2``, ``_3`` ... Returns ``(keys, {key column's fixed key: column index})``.
    """
    found: dict[str, int] = {}
    normalised = [normalise_label(h) for h in headers]
    for key_column in kind.keys:
        for label in key_column.labels:
            wanted = normalise_label(label)
            if wanted in normalised:
                found[key_column.key] = normalised.index(wanted)
                break
    taken = set(found)
    keys: list[str | None] = []
    for index, header in enumerate(headers):
        fixed = next((k for k, i in found.items() if i == index), None)
        if fixed is not None:
            keys.append(fixed)
            continue
        if not header.strip():
            keys.append(None)
            continue
        base = slug(header) or f"column_{index + 1}"
        name, n = base, 2
        while name in taken:
            name, n = f"{base}_{n}", n + 1
        taken.add(name)
        keys.append(name)
    return keys, found


@dataclass(frozen=True)
class ColumnRule:
    """What the maps expect of one labelled column.

    Attributes:
        label: the default header, as the map writes it.
        kind: ``text``, ``date``, ``number``, ``boolean`` or ``code`` (one of ``codes``).
        codes: the accepted values of a ``code`` column (the map's enum table, in its normal form).
        transforms: the map's transforms, applied before the codes are compared.
        refs: unified models whose keys the values name (``Employee`` for Manager ID).
        fields: the unified fields the column fills.

    """

    label: str
    kind: str = "text"
    codes: tuple[str, ...] = ()
    transforms: tuple[Callable[[Any], Any], ...] = ()
    refs: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()


_KIND_OF_TYPE = {"date": "date", "datetime": "date", "decimal": "number", "number": "number"}
_KIND_OF_TYPE |= {"integer": "number", "boolean": "boolean"}


def _rule(name: str, label: str, spec: FieldSpec) -> ColumnRule:
    transforms = {**BUILTIN_TRANSFORMS, **TRANSFORMS}
    kind = _KIND_OF_TYPE.get(spec.type or "", "text")
    codes: tuple[str, ...] = ()
    if spec.enum is not None and spec.unknown is None:  # an ``unknown:`` fallback makes any value fine
        kind, codes = "code", tuple(spec.enum)
    refs = (spec.ref.model,) if spec.ref is not None and spec.ref.key == ("$value",) else ()
    return ColumnRule(
        label=label,
        kind=kind,
        codes=codes,
        transforms=tuple(transforms[t] for t in spec.transforms),
        refs=refs,
        fields=(name,),
    )


def _merge(a: ColumnRule, b: ColumnRule) -> ColumnRule:
    if a.kind != b.kind or a.codes != b.codes:
        raise ValueError(f"column {a.label!r} is read as {a.kind} and as {b.kind} by the csv_files maps")
    return ColumnRule(
        a.label, a.kind, a.codes, a.transforms, tuple(dict.fromkeys(a.refs + b.refs)), a.fields + b.fields
    )


@cache
def field_maps_of() -> Mapping[str, FieldMap]:
    """This connector's maps, loaded once (the hub validates the same files at load)."""
    return load_maps(MAPS_FOLDER, transforms={**BUILTIN_TRANSFORMS, **TRANSFORMS})


@cache
def column_rules(kind: FileKind) -> Mapping[str, ColumnRule]:
    """Normalised label → :class:`ColumnRule` for every column the maps read from ``kind``'s file by label."""
    maps = field_maps_of()
    rules: dict[str, ColumnRule] = {}
    for model in kind.models:
        for name, label, spec in maps[model].labelled_fields():
            rule = _rule(f"{model}.{name}", label, spec)
            key = normalise_label(rule.label)
            rules[key] = _merge(rules[key], rule) if key in rules else rule
    return rules
