"""The two things that go wrong with field maps, and how each is reported.

::

    Exception
    ├── FieldMapError   a map (or an account's overrides) is wrong: every issue at once, each with
    │                   its file and JSON path
    └── MappingError    one provider record could not be mapped: its key, the unified field, the reason

A :class:`FieldMapError` is raised when maps are loaded or compiled and is the map author's to fix.
A :class:`MappingError` is raised (or yielded by ``CompiledMap.map_many``) for one record whose key
is missing or malformed; the other records of the same run are unaffected. A value that cannot be
used (an unparseable date, a transform that fails, a value the model refuses) only empties its field:
the record is kept and the value reported as a :class:`FieldProblem`. Value parsers raise a
:class:`MappingError` without a key or field; the compiled map fills both in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["UNMAPPED", "FieldMapError", "FieldProblem", "MapIssue", "MappingError"]


@dataclass(frozen=True, slots=True)
class MapIssue:
    """One fault in a field-map file.

    Attributes:
        file: the map file (or ``<overrides>`` for an account's overrides).
        path: a JSON path into the document, e.g. ``$.fields.hire_date.type``.
        message: what is wrong, in words a map author can act on.
        line: the 1-based line in the file when known.

    """

    file: str
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}"


class FieldMapError(Exception):
    """A field map, a set of maps or an account's overrides is invalid.

    ``issues`` holds every fault found, not just the first; ``str()`` lists each on its own line.
    """

    def __init__(self, issues: list[MapIssue]) -> None:
        self.issues: list[MapIssue] = list(issues)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.issues)
        head = f"{count} field-map issue{'s' if count != 1 else ''}:"
        return "\n".join([head, *(f"  {issue}" for issue in self.issues)])


class MappingError(Exception):
    """One provider record could not be mapped.

    Attributes:
        record_key: the record's provider key (a tuple of key parts), or ``None`` when unknown.
        field: the unified field (``home_address.country``) or record being mapped, or ``None``.
        reason: why, naming the offending value.

    """

    def __init__(self, record_key: Any, field: str | None, reason: str) -> None:
        self.record_key = record_key
        self.field = field
        self.reason = reason
        super().__init__(record_key, field, reason)

    def located(self, record_key: Any, field: str | None) -> MappingError:
        """A copy with the record key and field filled in where they are still unknown."""
        return MappingError(
            self.record_key if self.record_key is not None else record_key,
            self.field if self.field is not None else field,
            self.reason,
        )

    def __str__(self) -> str:
        key = self.record_key
        if isinstance(key, tuple):
            key = ":".join("" if part is None else str(part) for part in key)
        parts = []
        if key is not None:
            parts.append(f"record {key}")
        if self.field is not None:
            parts.append(f"field {self.field}")
        prefix = ", ".join(parts)
        return f"{prefix}: {self.reason}" if prefix else self.reason

    def __repr__(self) -> str:
        return f"MappingError({self.record_key!r}, {self.field!r}, {self.reason!r})"


UNMAPPED = "unmapped_code"
"""The :attr:`FieldProblem.kind` of a code an enum table does not list (``unknown: null``)."""


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One value that could not be used: its field was left empty and the record kept.

    Attributes:
        record_key: the record's provider key (a tuple of key parts).
        field: the unified field (``hire_date``, ``home_address.country``).
        value: the provider's value, as text (cut to 80 characters).
        reason: why it could not be used.
        kind: ``value`` (a value that could not be used) or :data:`UNMAPPED` (a provider code the
            field's enum table does not list; the field is null, as the map says).

    """

    record_key: Any
    field: str
    value: str
    reason: str
    kind: str = "value"

    @property
    def unmapped(self) -> bool:
        """True for a code the map's enum table does not list (``unknown: null``), not a bad value."""
        return self.kind == UNMAPPED

    def __str__(self) -> str:
        key = self.record_key
        if isinstance(key, tuple):
            key = ":".join("" if part is None else str(part) for part in key)
        return f"record {key}, field {self.field}: {self.reason} (value {self.value})"
