"""The hub's store: one database, the key that seals secrets, and a part per kind of stored thing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from hub.paths import data_home, database_url
from hub.secrets import SecretBox
from hub.store.accounts import AccountRow, AccountStore
from hub.store.clock import utcnow
from hub.store.customers import Customer, CustomerStore, hash_api_key
from hub.store.database import open_engine
from hub.store.leases import LeaseStore
from hub.store.runs import RunStore
from hub.store.sync_state import SyncStateStore

__all__ = ["AccountRow", "Customer", "Store", "hash_api_key", "utcnow"]


class Store:
    """One hrishub database (SQLite file by default, any SQLAlchemy URL) and the key that seals secrets.

    Each kind of stored thing has its own part: :attr:`customers`, :attr:`accounts`, :attr:`leases`,
    :attr:`sync_state`, :attr:`runs` (and, kept by their features, link sessions, records, events).

    ``Store()`` opens ``HRISHUB_DATABASE_URL`` or the SQLite file in the data folder, migrating it
    to the current schema.
    """

    def __init__(self, url: str | None = None, *, box: SecretBox | None = None) -> None:
        self.url = url or database_url()
        self.engine: Engine = open_engine(self.url)
        self.box = box or SecretBox.from_environment(data_home())
        self.customers = CustomerStore(self.engine)
        """Apps with API keys: add, find by key, rotate a key."""
        self.accounts = AccountStore(self.engine, self.box)
        """Linked accounts, credentials sealed: add, get, list, change options and status."""
        self.leases = LeaseStore(self.engine)
        """Each account's sync lease, and which accounts are due."""
        self.sync_state = SyncStateStore(self.engine)
        """Cursors and full-read marks per account and model; record counts."""
        self.runs = RunStore(self.engine)
        """Sync runs and their reports."""

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    @property
    def reads_inline(self) -> bool:
        """Whether reads are better run on the caller's thread than handed to a worker thread.

        SQLite reads are in-process work: a worker thread adds only a contended hand-over of the
        interpreter lock. A database across the network is waited for, so it gets a worker thread.
        """
        return self.engine.dialect.name == "sqlite"

    def tune_for_reading(self) -> None:
        """Map a SQLite file into memory for the connections opened from now on (a serving process).

        Pages are then read from the OS cache without a copy per connection; a syncing process keeps
        the default, so its resident memory stays small.
        """
        if self.engine.dialect.name != "sqlite":
            return
        event.listen(self.engine, "connect", _map_file)
        self.engine.dispose()

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection inside one transaction (committed on success, rolled back on error)."""
        with self.engine.begin() as connection:
            yield connection


def _map_file(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA mmap_size={READ_MMAP_BYTES}")
    cursor.close()


READ_MMAP_BYTES = 1 << 30
"""How much of a SQLite file a serving process maps (address space, not memory: pages load on use)."""
