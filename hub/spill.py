"""Joined records kept on disk during a sync, so memory stays flat however large the tenant.

A map's joined sources (UKG's employment details and user-defined fields beside person details)
must be complete before the primary records stream past them. In memory that is the whole tenant
twice over; here each source is appended to a scratch file as its pages arrive (compact JSON, one
record after another), and only a small index stays in memory: join key → where its record is in
the file. Every primary record then finds its partner with one read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson

from field_maps.joiner import JoinKey, key_of

__all__ = ["SpilledRows"]

_SEP = "\x1f"
_SHIFT = 32  # an index entry packs (offset << 32) | length into one int: less memory than a tuple


class SpilledRows:
    """One joined source's records in a scratch file, looked up by join key (first wins)."""

    def __init__(self, folder: Path, name: str, key: Sequence[str]) -> None:
        self.key = tuple(key)
        self.count = 0
        self._path = Path(folder) / f"{name}.rows"
        self._file = open(self._path, "w+b")  # noqa: SIM115 - kept open for the read, closed by close()
        self._index: dict[str, int] = {}
        self._end = 0
        self._unflushed = False
        self._last: tuple[int, Mapping[str, Any] | None] = (-1, None)

    def add(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Keep a page of records (records without a full key are left out, as joins skip them)."""
        index, chunks, end = self._index, [], self._end
        for row in rows:
            self.count += 1  # every row read, kept or not: a join report compares it with the matches
            found = key_of(row, self.key)
            if found is None:
                continue
            name = _SEP.join(found)
            if name in index:
                continue  # first wins: a provider repeating a row should not reorder data
            data = orjson.dumps(row)
            index[name] = (end << _SHIFT) | len(data)
            end += len(data)
            chunks.append(data)
        if chunks:
            self._file.write(b"".join(chunks))
            self._unflushed = True
        self._end = end

    def lookup(self, key: JoinKey) -> Mapping[str, Any] | None:
        """The first record kept under ``key``, or None."""
        where = self._index.get(_SEP.join(key))
        if where is None:
            return None
        if self._last[0] == where:  # records of one employee come together: their partner is read once
            return self._last[1]
        if self._unflushed:
            self._file.flush()
            self._unflushed = False
        row = orjson.loads(os.pread(self._file.fileno(), where & 0xFFFFFFFF, where >> _SHIFT))
        self._last = (where, row)
        return row  # type: ignore[no-any-return]

    def close(self) -> None:
        """Close and remove the file."""
        self._index.clear()
        self._file.close()
        self._path.unlink(missing_ok=True)
