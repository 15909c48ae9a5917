"""Staging a model's mapped records during a sync, so the store changes only when the read is whole.

Records are written to the ``staged`` table in batches as they are mapped (memory stays flat however
large the tenant); :mod:`hub.sync.apply` then moves them into ``records`` in one transaction. A sync
that dies while staging leaves ``records`` untouched; the next run stages afresh.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import insert

from hub.store import Store
from hub.store import tables as t
from hub.store.codec import pack_raw
from hub.sync.report import ModelReport
from unified_models import HUB_FIELDS

__all__ = ["NOT_STORED", "Stager", "is_filled"]

NOT_STORED = frozenset({"remote_data", "field_sources", "created_at", "modified_at", "remote_was_deleted"})
"""Fields kept beside a record's data rather than in it (columns, or computed on read)."""


def is_filled(value: Any) -> bool:
    """Whether a unified value counts as present (not None, not empty text, list or object)."""
    return value is not None and value != "" and value != [] and value != {}


class Stager:
    """Writes one model's records of one run to the staging table, batch by batch."""

    def __init__(
        self, store: Store, run_id: str, model: str, report: ModelReport, *, batch: int = 1000
    ) -> None:
        self.store = store
        self.run_id = run_id
        self.model = model
        self.report = report
        self.batch = batch
        self.ids: set[str] = set()
        self._rows: list[dict[str, Any]] = []
        self._fields: tuple[str, ...] | None = None

    def add(self, record: Any, raw: Any = None) -> bool:
        """Stage one unified record (and its raw provider records); False if its id was already staged."""
        if record.id in self.ids:
            return False
        self.ids.add(record.id)
        if self._fields is None:
            self._fields = tuple(n for n in type(record).model_fields if n not in HUB_FIELDS)
        fill = self.report.fill
        for name in self._fields:
            if is_filled(getattr(record, name)):
                fill[name] = fill.get(name, 0) + 1
        data = record.model_dump_json(exclude=NOT_STORED)
        packed = pack_raw(raw) if raw else None
        digest = hashlib.sha256(data.encode())
        if packed is not None:
            digest.update(b"\0" + packed)
        self._rows.append(
            {
                "run_id": self.run_id,
                "model": self.model,
                "id": record.id,
                "remote_id": getattr(record, "remote_id", None),
                "hash": digest.hexdigest(),
                "data": data,
                "raw": packed,
                "position": len(self.ids),
            }
        )
        if len(self._rows) >= self.batch:
            self.flush()
        return True

    def flush(self) -> None:
        """Write what is buffered."""
        if self._rows:
            with self.store.begin() as db:
                db.execute(insert(t.staged), self._rows)
            self._rows = []
