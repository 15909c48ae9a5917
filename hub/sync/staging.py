"""Staging a model's mapped records during a sync, so the store changes only when the read is whole.

Records are packed (data and raw provider records as JSON, both hashed) as they are mapped and
written in batches to a scratch file of the run (memory stays flat however large the tenant);
:mod:`hub.sync.apply` then reads them back, batch by batch, into ``records`` in one transaction,
compressing (and sealing) the raw data of the records it writes: a record that did not change is
never compressed. A sync that dies while staging leaves ``records`` untouched (the scratch file is
anonymous: it goes with the process); the next run stages afresh. Staging outside the store keeps
each record out of the database's log until it is applied, so it is written to the store once.
"""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from collections.abc import Collection, Iterator
from typing import Any, NamedTuple

import orjson

from hub.store import Store
from hub.sync.caps import MAX_RAW_BYTES, MAX_VALUE_BYTES, cap_fields, cap_raw
from hub.sync.report import ModelReport, Oversized
from unified_models import HUB_FIELDS

__all__ = ["NOT_STORED", "StagedRow", "Stager", "is_filled"]

NOT_STORED = frozenset({"remote_data", "field_sources", "created_at", "modified_at", "remote_was_deleted"})
"""Fields kept beside a record's data rather than in it (columns, or computed on read)."""


def is_filled(value: Any) -> bool:
    """Whether a unified value counts as present (not None, not empty text, list or object)."""
    return value is not None and value != "" and value != [] and value != {}


class StagedRow(NamedTuple):
    """One staged record: its data as the store keeps it, its raw data as JSON bytes (packed when written).

    ``hash`` covers the data and the raw JSON, not its compressed form, so a change of compression
    never reads as a change of the record.
    """

    id: str
    remote_id: str | None
    hash: str
    data: str
    raw: bytes | None
    sensitive: bool = False
    """Whether the raw data holds a record type with sensitive members (to be sealed when written)."""


class Stager:
    """Stages one model's records of one run in a scratch file, batch by batch, in the order read.

    ``ids`` holds every staged id. :meth:`batches` reads the staged rows back; :meth:`close`
    drops the file (it is anonymous, so a killed process leaves nothing behind either).
    """

    def __init__(
        self,
        store: Store | None,
        run_id: str,
        model: str,
        report: ModelReport,
        *,
        batch: int = 1000,
        sensitive_records: Collection[str] = (),
    ) -> None:
        """Stage into a fresh scratch file.

        ``sensitive_records`` are the raw record types with sensitive members (the connector's
        ``sensitive_raw_keys``): rows holding one are marked to be sealed when written.
        """
        self.store = store
        self._sensitive = frozenset(sensitive_records)
        self.run_id = run_id
        self.model = model
        self.report = report
        self.batch = batch
        self.ids: set[str] = set()
        self._rows: list[StagedRow] = []
        self._fields: tuple[str, ...] | None = None
        self._file = tempfile.TemporaryFile(prefix="hrishub-staged-")  # noqa: SIM115 - see close()

    def add(self, record: Any, raw: Any = None) -> bool:
        """Stage one unified record (and its raw provider records); False if its id was already staged."""
        if record.id in self.ids:
            return False
        self.ids.add(record.id)
        if self._fields is None:
            self._fields = tuple(n for n in type(record).model_fields if n not in HUB_FIELDS)
        data = record.model_dump_json(exclude=NOT_STORED)
        encoded = data.encode()
        remote_id = record.__dict__.get("remote_id")
        if len(encoded) > MAX_VALUE_BYTES:  # only then can one of its values be over the cap
            record, over = cap_fields(record)
            if over:
                for name, size in over.items():
                    self.report.add_oversized(Oversized(remote_id, name, size, MAX_VALUE_BYTES))
                data = record.model_dump_json(exclude=NOT_STORED)
                encoded = data.encode()
        fill = self.report.fill
        values = record.__dict__
        for name in self._fields:
            value = values[name]
            if value is not None and value != "" and value != [] and value != {}:  # is_filled, inlined
                fill[name] = fill.get(name, 0) + 1
        text = None
        if raw:
            text = orjson.dumps(raw, default=str)
            if len(text) > MAX_VALUE_BYTES:
                raw, over = cap_raw(raw)
                for name, size in over.items():
                    cap = MAX_RAW_BYTES if name == "remote_data" else MAX_VALUE_BYTES
                    self.report.add_oversized(Oversized(remote_id, name, size, cap))
                text = orjson.dumps(raw, default=str) if raw is not None else None
        digest = hashlib.sha256(encoded)
        if text is not None:
            digest.update(b"\0" + text)
        sensitive = text is not None and not self._sensitive.isdisjoint(raw)
        self._rows.append(
            StagedRow(record.id, values.get("remote_id"), digest.hexdigest(), data, text, sensitive)
        )
        if len(self._rows) >= self.batch:
            self.flush()
        return True

    def flush(self) -> None:
        """Write what is buffered."""
        if self._rows:
            pickle.dump(self._rows, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._rows = []

    def batches(self) -> Iterator[list[StagedRow]]:
        """The staged rows, batch by batch, in the order they were staged."""
        self.flush()
        self._file.flush()
        self._file.seek(0)
        while True:
            try:
                yield pickle.load(self._file)  # our own scratch file, written above
            except EOFError:
                return

    def close(self) -> None:
        """Drop the scratch file."""
        self._rows = []
        self._file.close()
