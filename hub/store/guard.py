"""The SQLite file's guard: created owner-only, never silently re-created, watched while in use.

The rule (see docs/operations.md): the first time the hub creates a SQLite store it records the file's
name in ``store.json`` beside it. From then on a missing file is an error naming the file and the fix
(restore it from a backup, or remove its entry from ``store.json`` to start an empty store on purpose),
never a new empty store; ``HRISHUB_EXPECT_STORE=1`` makes the same refusal without the marker (a
deployment that must never start empty). While the hub runs, each transaction first checks that the
path still names the file it opened (same device and inode), and new connections open the file
read-write without creating it: a deleted or replaced file fails the next read or write with
:class:`hub.errors.StoreMissing` instead of writing into a deleted file. SQLite's "database or disk
is full" becomes :class:`hub.errors.StoreFull`.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import event
from sqlalchemy.engine import Engine

from hub.errors import StoreFull, StoreMissing

__all__ = ["EXPECT_STORE_ENV", "MARKER", "SqliteGuard", "storage_error_of"]

EXPECT_STORE_ENV = "HRISHUB_EXPECT_STORE"
MARKER = "store.json"
"""The file beside a SQLite store that lists the stores the hub created in that folder."""

OWNER_ONLY = 0o600
_COMPANIONS = ("", "-wal", "-shm", "-journal")


def storage_error_of(error: BaseException, folder: str | Path) -> StoreFull | None:
    """The hub error for a low-level storage failure (disk full), or None when it is not one."""
    if isinstance(error, sqlite3.OperationalError) and "database or disk is full" in str(error):
        return StoreFull(str(folder))
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        where = Path(error.filename).parent if error.filename else folder
        return StoreFull(str(where), what="a scratch file" if error.filename else "the store")
    return None


def _expect_store() -> bool:
    return os.environ.get(EXPECT_STORE_ENV, "").strip().lower() in ("1", "true", "yes")


class SqliteGuard:
    """Guards one SQLite database file: see the module docstring for the rule."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).absolute()
        self.marker = self.path.parent / MARKER
        self._identity: tuple[int, int] | None = None

    # -- before the engine opens the file -------------------------------------------------------

    def prepare(self) -> None:
        """Create the file owner-only (recording it), or tighten an existing one; refuse a lost one."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.path.exists():
            if self.path.is_dir():
                raise StoreMissing(
                    f"The store path {self.path} is a directory, not a database file.",
                    path=str(self.path),
                    remedy=f"Move the directory {self.path} away, or point HRISHUB_DATABASE_URL elsewhere.",
                )
            self.tighten()
            self._record()
        else:
            self._refuse_if_expected()
            # SQLite gives the -wal, -shm and -journal files the database file's own permissions.
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
            os.close(fd)
            self._record()
        stat = self.path.stat()
        self._identity = (stat.st_dev, stat.st_ino)

    def tighten(self) -> None:
        """Make the database file and its -wal/-shm/-journal companions owner-only (where they exist)."""
        for suffix in _COMPANIONS:
            companion = self.path.with_name(self.path.name + suffix)
            try:
                if companion.stat().st_mode & 0o077:
                    companion.chmod(OWNER_ONLY)
            except FileNotFoundError:
                continue

    def _known(self) -> dict[str, Any]:
        try:
            data = json.loads(self.marker.read_text())
        except (FileNotFoundError, ValueError):
            return {}
        stores = data.get("stores") if isinstance(data, dict) else None
        return stores if isinstance(stores, dict) else {}

    def _record(self) -> None:
        stores = self._known()
        if self.path.name in stores:
            return
        stores[self.path.name] = {"created_at": datetime.now(UTC).isoformat(timespec="seconds")}
        text = json.dumps({"stores": stores}, indent=2) + "\n"
        scratch = self.marker.with_name(f".{MARKER}.{os.getpid()}")
        fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY)
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        os.replace(scratch, self.marker)

    def _refuse_if_expected(self) -> None:
        if self.path.name in self._known():
            raise StoreMissing(
                f"The store {self.path} is missing, but {self.marker} records that the hub created it: "
                "it was deleted or moved. The hub does not start an empty store in its place.",
                path=str(self.path),
                remedy=(
                    f"Restore {self.path} (with its -wal file, if backed up) from your backup. To start "
                    f"an empty store on purpose, remove the {self.path.name!r} entry from {self.marker} "
                    "(or the file)."
                ),
            )
        if _expect_store():
            raise StoreMissing(
                f"The store {self.path} does not exist, and {EXPECT_STORE_ENV} says one must.",
                path=str(self.path),
                remedy=(
                    f"Restore {self.path} from your backup, or unset {EXPECT_STORE_ENV} to create an "
                    "empty store."
                ),
            )

    # -- while the engine is in use --------------------------------------------------------------

    def watch(self, engine: Engine) -> None:
        """Open new connections without creating the file; check it before each transaction."""
        event.listen(engine, "do_connect", self._connect_existing)
        event.listen(engine, "begin", self._check_begin)
        event.listen(engine, "handle_error", self._translate)

    def _connect_existing(
        self, dialect: Any, _record: Any, cargs: list[Any], cparams: dict[str, Any]
    ) -> None:
        # mode=rw: a connection opened after the file was deleted fails instead of making a new one.
        cargs[:] = [f"file:{quote(str(self.path))}?mode=rw"]
        cparams["uri"] = True

    def _check_begin(self, _connection: Any) -> None:
        self.check()

    def check(self) -> None:
        """Raise :class:`StoreMissing` unless the path still names the file this store opened."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            stat = None
        if stat is not None and (self._identity is None or (stat.st_dev, stat.st_ino) == self._identity):
            return
        what = "was deleted" if stat is None else "was replaced by another file"
        raise StoreMissing(
            f"The store {self.path} {what} while the hub was running; nothing more is written to it.",
            path=str(self.path),
            remedy=(
                f"Stop the hub, restore {self.path} from your backup (or put the file back), then start "
                "the hub again."
            ),
        )

    def _translate(self, context: Any) -> None:
        error = context.original_exception
        full = storage_error_of(error, self.path.parent)
        if full is not None:
            raise full from error
        if isinstance(error, sqlite3.OperationalError) and "unable to open database file" in str(error):
            self.check()
