"""What a sync did: per model, how many records were read, created, updated, deleted, and what failed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from unified_models import format_instant

__all__ = [
    "MAX_LISTED_ERRORS",
    "JoinReport",
    "ModelReport",
    "Oversized",
    "RecordError",
    "SyncReport",
    "ValueProblem",
]

MAX_LISTED_ERRORS = 50
"""Mapping errors listed per model in a report; the count covers them all."""


@dataclass
class RecordError:
    """One provider record that could not be mapped: its provider key, the field and the reason."""

    key: list[Any] | None
    field: str | None
    reason: str


@dataclass
class ValueProblem:
    """One provider value that could not be used: its field was left empty, the record kept."""

    key: list[Any] | None
    field: str
    value: str
    reason: str


@dataclass
class Oversized:
    """One provider value over a size cap (:mod:`hub.sync.caps`): not stored, the record kept.

    ``field`` is the unified field (left empty) or ``remote_data.<record>.<member>`` (set to null), or
    ``remote_data`` (the raw data not stored at all); ``bytes`` its size, ``cap`` the limit it broke.
    """

    remote_id: str | None
    field: str
    bytes: int
    cap: int


@dataclass
class JoinReport:
    """How one joined source matched the primary records of a full read.

    ``rows_read`` rows of ``record`` were read; ``joined`` of the ``primary`` records found one, by
    ``key`` (this source's API names) equal to ``on`` (the primary's).
    """

    record: str
    key: list[str]
    on: list[str]
    rows_read: int
    joined: int
    primary: int


@dataclass
class ModelReport:
    """One model's part of a sync.

    ``mode`` is ``full`` (every record read, then diffed), ``feed`` (only what the provider's change
    feed named), ``window`` (records dated since the last sync, less an overlap: pay statements) or
    ``skipped`` (``reason`` says why). ``error`` is set when the model's read failed: its
    previous data stays as it was. ``fill`` counts, per unified field, the records
    that had a value; ``warnings`` flags fields that used to be filled and now mostly are not, fields
    whose source rows exist but came out empty, and joined sources that matched few records
    (``joins`` has the counts). ``problems`` counts values that could not be used (their field left
    empty, the record kept): ``problem_fields`` per field, ``value_problems`` lists the first
    :data:`MAX_LISTED_ERRORS`. ``unmapped_codes`` counts, per field, the provider codes its enum
    table does not list (the field is null for them, as the map says, e.g. a tenant's own status code).
    ``oversized_count`` counts values over the size caps of :mod:`hub.sync.caps` (not stored, the
    record kept); ``oversized`` lists the first :data:`MAX_LISTED_ERRORS`, each with its remote id.
    """

    model: str
    action: str
    mode: str = "full"
    reason: str = ""
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    excluded: int = 0
    failed: int = 0
    errors: list[RecordError] = field(default_factory=list)
    fill: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    complete: bool = False
    error: str = ""
    problems: int = 0
    problem_fields: dict[str, int] = field(default_factory=dict)
    value_problems: list[ValueProblem] = field(default_factory=list)
    joins: dict[str, JoinReport] = field(default_factory=dict)
    unmapped_codes: dict[str, dict[str, int]] = field(default_factory=dict)
    oversized: list[Oversized] = field(default_factory=list)
    oversized_count: int = 0
    changed_reads: dict[str, dict[str, int]] = field(default_factory=dict)
    """A feed read through the provider's changed rows (``ChangeFeed.changed_since``): per record type,
    the keys whose rows came ``changed`` from the provider, ``stored`` at the last sync, or ``by_key``
    (read one by one: nothing stored for them)."""

    def add_error(self, error: RecordError) -> None:
        """Count a failed record, listing the first :data:`MAX_LISTED_ERRORS`."""
        self.failed += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(error)

    def add_unmapped(self, field_name: str, code: str) -> None:
        """Count a provider code that the field's enum table does not list (the field was left null)."""
        codes = self.unmapped_codes.setdefault(field_name, {})
        if code in codes or len(codes) < MAX_LISTED_ERRORS:
            codes[code] = codes.get(code, 0) + 1

    def add_oversized(self, value: Oversized) -> None:
        """Count a value over a size cap, listing the first :data:`MAX_LISTED_ERRORS`."""
        self.oversized_count += 1
        if len(self.oversized) < MAX_LISTED_ERRORS:
            self.oversized.append(value)

    def add_problem(self, problem: ValueProblem) -> None:
        """Count a value that could not be used, per field, listing the first :data:`MAX_LISTED_ERRORS`."""
        self.problems += 1
        self.problem_fields[problem.field] = self.problem_fields.get(problem.field, 0) + 1
        if len(self.value_problems) < MAX_LISTED_ERRORS:
            self.value_problems.append(problem)


@dataclass
class SyncReport:
    """One sync run of one account: stored, shown by ``hrishub sync`` and ``GET /v1/accounts/{id}/syncs``.

    ``status`` is ``succeeded`` (every planned model applied), ``partial`` (some models failed or
    were skipped for a provider error; their previous data stays) or ``failed`` (nothing applied).
    """

    run_id: str
    account_id: str
    kind: str
    started_at: datetime
    status: str = "running"
    finished_at: datetime | None = None
    requests: int = 0
    models: dict[str, ModelReport] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    events: int = 0
    helpers: int = 0
    """Read-ahead helper processes the run forked (:mod:`hub.sync.read_ahead`)."""

    @property
    def duration_seconds(self) -> float | None:
        """Wall time of the run, once finished."""
        if self.finished_at is None:
            return None
        return round((self.finished_at - self.started_at).total_seconds(), 3)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (instants as :func:`unified_models.format_instant` writes them)."""
        data = asdict(self)
        data["started_at"] = format_instant(self.started_at)
        data["finished_at"] = format_instant(self.finished_at) if self.finished_at else None
        data["duration_seconds"] = self.duration_seconds
        return data
