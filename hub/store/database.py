"""Opening the store: an engine for any SQLAlchemy URL, SQLite tuned for one writer and many readers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import StaticPool

from hub.store.guard import SqliteGuard
from hub.store.migrate import upgrade

__all__ = ["open_engine", "sqlite_file"]


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite ``url`` (None for another database or an in-memory one)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the API read the last committed state while a sync writes; the busy timeout makes a
    # second writer wait instead of failing at once.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # What is deleted (a deleted account's records) is overwritten, not left readable in free space;
    # many builds (Debian's) do it by default, others not.
    cursor.execute("PRAGMA secure_delete=ON")
    # Checkpoint the WAL every ~40 MB rather than every 4 MB: a sync writes in bulk, and each
    # checkpoint costs a sync of the file.
    cursor.execute("PRAGMA wal_autocheckpoint=10000")
    cursor.close()


def open_engine(url: str, *, migrate: bool = True, guard: SqliteGuard | None = None) -> Engine:
    """An engine for ``url``, migrated to the current schema unless ``migrate`` is False.

    ``guard`` (for a SQLite file) creates the file owner-only, refuses to re-create a lost one and
    watches it while the engine is used (see :mod:`hub.store.guard`).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        in_memory = not parsed.database or parsed.database == ":memory:"
        if not in_memory:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        if guard is not None:
            guard.prepare()
        if in_memory:
            # One connection shared by every thread: each new connection would be another, empty
            # database, and store calls run on worker threads so the event loop stays free.
            engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
        else:
            engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        if guard is not None:
            guard.watch(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    if migrate:
        upgrade(engine)
    return engine
