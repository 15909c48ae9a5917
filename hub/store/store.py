"""The hub's store: one database, the key that seals secrets, and a part per kind of stored thing."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from hub.env_settings import positive_number
from hub.errors import StorageError
from hub.paths import data_home, database_url, exposure_warning
from hub.secrets import SecretBox
from hub.store import tables as t
from hub.store.account_audit import AccountAuditStore
from hub.store.accounts import AccountRow, AccountStore
from hub.store.budget import ProviderBudget
from hub.store.clock import utcnow
from hub.store.customers import Customer, CustomerStore, hash_api_key
from hub.store.database import open_engine, sqlite_file
from hub.store.guard import SqliteGuard
from hub.store.leases import LeaseStore
from hub.store.passthrough_audit import PassthroughAuditStore
from hub.store.raw_dictionaries import RawDictionaryStore
from hub.store.runs import RunStore
from hub.store.sealing import RecordSeal
from hub.store.sync_state import SyncStateStore

__all__ = ["AccountRow", "Customer", "Store", "hash_api_key", "utcnow"]

log = logging.getLogger("hub.store")

BUDGET_SETTING = "HRISHUB_PROVIDER_BUDGET"
"""The operator setting: requests in flight to one provider host, all workers together."""
DEFAULT_BUDGET = 16


class Store:
    """One hrishub database (SQLite file by default, any SQLAlchemy URL) and the key that seals secrets.

    Each kind of stored thing has its own part: :attr:`customers`, :attr:`accounts`, :attr:`leases`,
    :attr:`sync_state`, :attr:`runs`, :attr:`passthrough_audit`, :attr:`account_audit` (and, kept by
    their features, link sessions, records, events).

    ``Store()`` opens ``HRISHUB_DATABASE_URL`` or the SQLite file in the data folder, migrating it
    to the current schema. A SQLite file is created owner-only and never silently re-created once
    lost (see :mod:`hub.store.guard`); sensitive fields are sealed with the key ring :attr:`box`.
    """

    def __init__(self, url: str | None = None, *, box: SecretBox | None = None) -> None:
        self.url = url or database_url()
        path = sqlite_file(self.url)
        self.guard = SqliteGuard(path) if path is not None else None
        """The SQLite file's guard (None for another database)."""
        self.engine: Engine = open_engine(self.url, guard=self.guard)
        for folder in {data_home(), *([path.absolute().parent] if path is not None else [])}:
            warning = exposure_warning(folder)
            if warning:
                log.warning("%s", warning)
        self.box = box or SecretBox.from_environment(data_home(), encrypted_data=self._encrypted_data)
        self.seal = RecordSeal(self.box)
        """Seals and opens the sensitive fields of stored records."""
        self.customers = CustomerStore(self.engine)
        """Apps with API keys: add, find by key, rotate a key."""
        self.accounts = AccountStore(self.engine, self.box)
        """Linked accounts, credentials sealed: add, get, list, change options and status."""
        self.leases = LeaseStore(self.engine)
        """Each account's sync lease, and which accounts are due."""
        self.sync_state = SyncStateStore(self.engine)
        """Cursors and full-read marks per account and model; record counts."""
        self.raw_dictionaries = RawDictionaryStore(self.engine)
        """The zstd dictionaries each account's raw data is packed with, per model."""
        self.runs = RunStore(self.engine)
        """Sync runs and their reports."""
        self.passthrough_audit = PassthroughAuditStore(self.engine)
        """Every passthrough request to a provider: method, path, status, size, time; never a secret."""
        self.account_audit = AccountAuditStore(self.engine)
        """Every account action (link, credentials, options, pause, resume, delete, sync): never a secret."""
        self.budget: ProviderBudget | None = (
            ProviderBudget(self.engine, int(positive_number(BUDGET_SETTING, DEFAULT_BUDGET, unit="requests")))
            if self.engine.dialect.name == "postgresql"
            else None
        )
        """Each provider host's requests in flight, shared by every worker (PostgreSQL only; see
        :mod:`hub.store.budget`): ``HRISHUB_PROVIDER_BUDGET`` (16)."""

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

    def _encrypted_data(self) -> str | None:
        """What the store holds encrypted under the key (``"2 accounts' credentials"``), or None."""
        with self.engine.connect() as db:
            count = db.execute(
                select(func.count()).where(t.accounts.c.credentials.like('%"kid"%'))
            ).scalar_one()
        return (
            (f"{count} accounts' credentials" if count != 1 else "1 account's credentials") if count else None
        )

    def check(self) -> None:
        """Raise a :class:`hub.errors.StorageError` unless the database is there and answers a query."""
        if self.guard is not None:
            self.guard.check()
        try:
            with self.engine.connect() as db:
                db.execute(text("SELECT 1 FROM alembic_version")).first()
        except StorageError:
            raise
        except SQLAlchemyError as error:
            raise StorageError(
                f"The store {self!r} does not answer: {type(error.orig or error).__name__}.",
                remedy="Check that the database is running and reachable (HRISHUB_DATABASE_URL).",
            ) from None

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
