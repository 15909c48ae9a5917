"""Answers remembered on one SQLite connection for exactly as long as the database has not changed.

A SQLite connection knows when anything else committed a change to its database, another process
included (``PRAGMA data_version``), and how many rows it changed itself (``total_changes``). Both are
read before a remembered answer is used: if either moved, everything remembered on the connection is
forgotten, so an answer is never older than the database. The unified API looks up the caller's API
key and account this way on every read; a revoked key, a deleted account or a changed option is a
change like any other and is seen by the very next request.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

__all__ = ["LIMIT", "remembered"]

LIMIT = 4096
"""Answers kept per connection; past it they are all forgotten (unknown keys cannot grow memory)."""

_INFO = "hrishub.memo"


def remembered(db: Connection) -> dict[Any, Any] | None:
    """The answers remembered on ``db``'s connection, emptied if the database changed; None if not SQLite.

    Call it before running the query whose answer is kept: a change committed meanwhile then makes
    the next call forget the answer, never keep it.
    """
    if db.dialect.name != "sqlite":
        return None
    pooled = db.connection
    raw = pooled.dbapi_connection
    assert raw is not None
    version = raw.execute("PRAGMA data_version").fetchone()[0]
    token = (version, raw.total_changes)
    memo = pooled.info.get(_INFO)
    if memo is None or memo[0] != token or len(memo[1]) >= LIMIT:
        memo = pooled.info[_INFO] = (token, {})
    answers: dict[Any, Any] = memo[1]
    return answers
