"""The reference sync's store: a SQLite file with the hub's ``records`` table, written with sqlite3.

A record is stored as the hub stores it: ``data`` is the model's JSON without the fields kept beside it
(:data:`NOT_STORED`), ``hash`` the SHA-256 of that JSON, a NUL and the raw provider records' JSON, and
``raw`` that JSON compressed (zstd, with a dictionary trained on the model's first records:
``hub.store.codec.RawPacker``, kept in ``raw_dictionaries``). Sensitive values are sealed with
the hub's own primitive (``hub.store.sealing.RecordSeal``) under a fresh key: the unified fields marked
sensitive in the data, UKG's sensitive raw members in the raw data. So the reference does the same
encryption work, and its stored columns read back (opened with its key) as the hub's do.

Each model is written in one transaction (:meth:`ReferenceStore.model`): new records inserted, changed
ones updated (an upsert on the hub's unique key), and afterwards the model's stored records that were not
read marked deleted, as a full sync does.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel

from connectors.ukg_pro.sensitive import SENSITIVE_RAW_KEYS
from hub.store.codec import RawPacker
from hub.store.sealing import RecordSeal
from unified_models import SENSITIVE_FIELDS

NOT_STORED = {"remote_data", "field_sources", "created_at", "modified_at", "remote_was_deleted"}
"""Fields the hub keeps beside a record's data rather than in it."""

BATCH = 1_000
"""Rows per ``executemany``."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id VARCHAR(40) NOT NULL,
    model VARCHAR(40) NOT NULL,
    id VARCHAR(36) NOT NULL,
    remote_id VARCHAR(200),
    hash VARCHAR(64) NOT NULL,
    data TEXT NOT NULL,
    raw BLOB,
    deleted BOOLEAN NOT NULL,
    created_at DATETIME NOT NULL,
    modified_at DATETIME NOT NULL,
    CONSTRAINT uq_records_account_id_model_id UNIQUE (account_id, model, id)
);
CREATE INDEX IF NOT EXISTS ix_records_account_id_model_seq ON records (account_id, model, seq);
CREATE INDEX IF NOT EXISTS ix_records_account_id_model_modified_at ON records (account_id, model, modified_at);
CREATE INDEX IF NOT EXISTS ix_records_account_id_model_remote_id ON records (account_id, model, remote_id);
CREATE INDEX IF NOT EXISTS ix_records_employee_id ON records (account_id, model, json_extract(data, '$.employee_id'));
CREATE TABLE IF NOT EXISTS raw_dictionaries (
    id BIGINT PRIMARY KEY, account_id VARCHAR(40) NOT NULL, model VARCHAR(40) NOT NULL, data BLOB NOT NULL,
    created_at DATETIME NOT NULL
);
"""

_UPSERT = """
INSERT INTO records (account_id, model, id, remote_id, hash, data, raw, deleted, created_at, modified_at)
VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
ON CONFLICT (account_id, model, id) DO UPDATE SET
    remote_id = excluded.remote_id, hash = excluded.hash, data = excluded.data, raw = excluded.raw,
    deleted = 0, modified_at = excluded.modified_at
WHERE records.hash != excluded.hash OR records.deleted
"""


class ModelWriter:
    """Stores one model's records inside its transaction; ``add`` ignores an id already stored this run."""

    def __init__(self, store: ReferenceStore, model: str) -> None:
        self.store = store
        self.model = model
        self.ids: set[str] = set()
        self.sensitive = SENSITIVE_FIELDS.get(model, ())
        self.packer = RawPacker(train=True)
        self._dictionary_kept = False
        self._rows: list[tuple[Any, ...]] = []

    def add(self, record: BaseModel | None, raw: dict[str, Any]) -> None:
        """Store one record built from the provider records ``raw`` (by record type); None is skipped."""
        if record is None:
            return
        record_id: str = record.id  # type: ignore[attr-defined]
        if record_id in self.ids:
            return
        self.ids.add(record_id)
        data = record.model_dump_json(exclude=NOT_STORED)
        text = orjson.dumps(raw, default=str)
        digest = hashlib.sha256(data.encode())
        digest.update(b"\0" + text)
        seal = self.store.seal
        if seal is not None:
            stored = seal.seal_data(record_id, data, self.sensitive) if self.sensitive else data
            packed = seal.seal_raw_json(record_id, text, SENSITIVE_RAW_KEYS, self.packer)
        else:
            stored, packed = data, self.packer.pack(text)
        now = self.store.now
        self._rows.append(
            (
                self.store.account_id,
                self.model,
                record_id,
                record.__dict__.get("remote_id"),
                digest.hexdigest(),
                stored,
                packed,
                now,
                now,
            )
        )
        if len(self._rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows (and the dictionary they were packed with, once trained)."""
        if self._rows:
            self.store.db.executemany(_UPSERT, self._rows)
            self._rows = []
        trained = self.packer.trained
        if trained is not None and not self._dictionary_kept:
            self._dictionary_kept = True
            self.store.db.execute(
                "INSERT INTO raw_dictionaries VALUES (?, ?, ?, ?, ?)",
                (trained.id, self.store.account_id, self.model, trained.data, self.store.now),
            )

    def mark_missing_deleted(self) -> int:
        """Mark the model's stored records that were not read this run deleted; how many."""
        db, account = self.store.db, self.store.account_id
        stored = db.execute(
            "SELECT seq, id FROM records WHERE account_id = ? AND model = ? AND NOT deleted",
            (account, self.model),
        ).fetchall()
        gone = [(self.store.now, seq) for seq, record_id in stored if record_id not in self.ids]
        db.executemany("UPDATE records SET deleted = 1, modified_at = ? WHERE seq = ?", gone)
        return len(gone)


class ReferenceStore:
    """A SQLite file holding the hub's ``records`` table; ``seal`` None stores sensitive values in clear."""

    def __init__(self, path: Path, seal: RecordSeal | None, account_id: str = "reference") -> None:
        self.db = sqlite3.connect(path, isolation_level=None)  # transactions are begun by hand
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "wal_autocheckpoint=10000"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(_SCHEMA)
        self.seal = seal
        self.account_id = account_id
        self.now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    @contextmanager
    def model(self, model: str) -> Iterator[ModelWriter]:
        """One model's records, written in one transaction that commits when the block ends."""
        writer = ModelWriter(self, model)
        self.db.execute("PRAGMA cache_size=-32768")  # as the hub, a roomy cache while a model is written
        self.db.execute("BEGIN")
        try:
            yield writer
            writer.flush()
            writer.mark_missing_deleted()
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        """Close the file."""
        self.db.close()
