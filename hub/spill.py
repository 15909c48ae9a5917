"""Joined records kept on disk during a sync, so memory stays flat however large the tenant.

A map's joined sources (UKG's employment details and user-defined fields beside person details)
must be complete before the primary records stream past them. In memory that is the whole tenant
twice over; here each source goes into a temporary SQLite file as its pages arrive, and every
primary record finds its partner by join key.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson

from field_maps.joiner import JoinKey, key_of

__all__ = ["SpilledRows"]


class SpilledRows:
    """One joined source's records in a temporary SQLite file, looked up by join key (first wins)."""

    def __init__(self, folder: Path, name: str, key: Sequence[str]) -> None:
        self.key = tuple(key)
        self.count = 0
        self._db = sqlite3.connect(folder / f"{name}.sqlite")
        # A scratch file: no journal, no syncs; it is thrown away with the run.
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE rows (k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID")

    def add(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Keep a page of records (records without a full key are left out, as joins skip them)."""
        batch = []
        for row in rows:
            found = key_of(row, self.key)
            if found is not None:
                batch.append(("\x1f".join(found), orjson.dumps(row)))
        self._db.executemany("INSERT OR IGNORE INTO rows VALUES (?, ?)", batch)
        self.count += len(batch)

    def lookup(self, key: JoinKey) -> Mapping[str, Any] | None:
        """The first record kept under ``key``, or None."""
        found = self._db.execute("SELECT v FROM rows WHERE k = ?", ("\x1f".join(key),)).fetchone()
        return orjson.loads(found[0]) if found else None

    def close(self) -> None:
        """Close the file (the caller removes its folder)."""
        self._db.close()
