"""The hub's store: customers, linked accounts (credentials sealed), unified records, runs, events."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache, partial
from typing import Any

from sqlalchemy import and_, bindparam, event, func, or_, select, update
from sqlalchemy.engine import Connection, Engine

from hub.accounts import Account, AccountOptions, Credentials, PermissionReport
from hub.errors import NotFound
from hub.paths import data_home, database_url
from hub.secrets import SecretBox
from hub.store import tables as t
from hub.store.database import open_engine
from unified_models import format_instant

__all__ = ["AccountRow", "Customer", "Store", "hash_api_key", "utcnow"]


def utcnow() -> datetime:
    """Now, as an aware UTC datetime."""
    return datetime.now(UTC)


def hash_api_key(key: str) -> str:
    """The stored form of a customer API key.

    Keys are 256-bit random tokens, so one SHA-256 suffices (a slow password hash protects
    guessable secrets, which these are not) and lets the API find a key with one indexed lookup.
    """
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class Customer:
    """An app that calls the unified API with its own API key."""

    id: str
    name: str
    key_prefix: str
    created_at: datetime


@dataclass(frozen=True)
class AccountRow:
    """A linked account as listed: everything but the credentials."""

    id: str
    connector: str
    customer_id: str | None
    status: str
    permissions: PermissionReport
    options: AccountOptions
    created_at: datetime
    updated_at: datetime
    next_sync_at: datetime | None
    lease_owner: str | None


class Store:
    """One hrishub database (SQLite file by default, any SQLAlchemy URL) and the key that seals secrets.

    ``Store()`` opens ``HRISHUB_DATABASE_URL`` or the SQLite file in the data folder, migrating it
    to the current schema.
    """

    def __init__(self, url: str | None = None, *, box: SecretBox | None = None) -> None:
        self.url = url or database_url()
        self.engine: Engine = open_engine(self.url)
        self.box = box or SecretBox.from_environment(data_home())
        self._synced: set[tuple[str, str]] = set()

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

    # -- customers --------------------------------------------------------------------------------

    def add_customer(self, name: str) -> tuple[Customer, str]:
        """Create a customer; returns it and its API key, which is shown only this once."""
        key = "hh_" + secrets.token_urlsafe(32)
        customer = Customer("cus_" + secrets.token_urlsafe(9), name, key[:10], utcnow())
        with self.begin() as db:
            db.execute(
                t.customers.insert().values(
                    id=customer.id,
                    name=name,
                    key_hash=hash_api_key(key),
                    key_prefix=customer.key_prefix,
                    created_at=customer.created_at,
                )
            )
        return customer, key

    def rotate_customer_key(self, customer_id: str) -> str:
        """Give a customer a new API key (shown only this once); the old key stops working at once."""
        key = "hh_" + secrets.token_urlsafe(32)
        with self.begin() as db:
            changed = db.execute(
                update(t.customers)
                .where(t.customers.c.id == customer_id)
                .values(key_hash=hash_api_key(key), key_prefix=key[:10])
            ).rowcount
        if not changed:
            raise NotFound(f"No customer {customer_id!r}.", remedy="Check the customer id.", what="customer")
        return key

    def customer_for_key(self, key: str) -> Customer | None:
        """The customer holding API key ``key``, or None."""
        with self.engine.connect() as db:
            row = db.execute(select(t.customers).where(t.customers.c.key_hash == hash_api_key(key))).first()
        return Customer(row.id, row.name, row.key_prefix, row.created_at) if row else None

    def customer(self, customer_id: str) -> Customer | None:
        """The customer ``customer_id``, or None."""
        with self.engine.connect() as db:
            row = db.execute(select(t.customers).where(t.customers.c.id == customer_id)).first()
        return Customer(row.id, row.name, row.key_prefix, row.created_at) if row else None

    def customers(self) -> list[Customer]:
        """Every customer, oldest first."""
        with self.engine.connect() as db:
            rows = db.execute(select(t.customers).order_by(t.customers.c.created_at)).all()
        return [Customer(r.id, r.name, r.key_prefix, r.created_at) for r in rows]

    # -- accounts ---------------------------------------------------------------------------------

    def add_account(self, account: Account) -> None:
        """Store a freshly linked account, its credentials sealed."""
        now = utcnow()
        with self.begin() as db:
            db.execute(
                t.accounts.insert().values(
                    id=account.id,
                    customer_id=account.customer_id,
                    connector=account.connector,
                    credentials=self.box.seal(account.id, account.credentials.reveal()),
                    permissions=json.dumps(account.permissions.to_dict()),
                    options=json.dumps(account.options.to_dict()),
                    status="linked",
                    sync_every_seconds=int(account.options.sync_every_hours * 3600),
                    next_sync_at=now,
                    created_at=now,
                    updated_at=now,
                )
            )

    def replace_credentials(self, account: Account) -> None:
        """Store new credentials and the permissions found with them; synced data is untouched."""
        with self.begin() as db:
            db.execute(
                update(t.accounts)
                .where(t.accounts.c.id == account.id)
                .values(
                    credentials=self.box.seal(account.id, account.credentials.reveal()),
                    permissions=json.dumps(account.permissions.to_dict()),
                    status="linked",
                    updated_at=utcnow(),
                )
            )

    def set_options(self, account_id: str, options: AccountOptions) -> None:
        """Store an account's options (filters, overrides, schedule)."""
        with self.begin() as db:
            found = db.execute(
                update(t.accounts)
                .where(t.accounts.c.id == account_id)
                .values(
                    options=json.dumps(options.to_dict()),
                    sync_every_seconds=int(options.sync_every_hours * 3600),
                    updated_at=utcnow(),
                )
            ).rowcount
        if not found:
            raise NotFound(f"No account {account_id!r}.", remedy="Check the account id.", what="account")

    def set_status(self, account_id: str, status: str) -> None:
        """Mark an account ``linked``, ``needs_attention`` (credentials or permissions), ..."""
        with self.begin() as db:
            db.execute(
                update(t.accounts)
                .where(t.accounts.c.id == account_id)
                .values(status=status, updated_at=utcnow())
            )

    def _row(self, account_id: str, customer_id: str | None = None) -> Any:
        query = select(t.accounts).where(t.accounts.c.id == account_id)
        if customer_id is not None:
            query = query.where(t.accounts.c.customer_id == customer_id)
        with self.engine.connect() as db:
            row = db.execute(query).first()
        if row is None:
            # The same answer whether the account does not exist or belongs to another customer.
            raise NotFound(
                f"No account {account_id!r} for this caller.", remedy="Check the account id.", what="account"
            )
        return row

    def account(self, account_id: str, *, customer_id: str | None = None, sealed: bool = False) -> Account:
        """The account with its credentials opened; ``customer_id`` limits it to one customer's.

        ``sealed=True`` leaves the credentials sealed until first revealed (reads of synced data never
        need them).
        """
        return self._account(self._row(account_id, customer_id), sealed=sealed)

    def account_for_key(self, key: str, account_id: str) -> Account | None:
        """The account ``account_id`` if it belongs to the customer holding API key ``key``, else None.

        One query, credentials sealed: the unified API's check on every read. ``None`` does not say
        whether the key or the account is wrong (ask :meth:`customer_for_key`, then :meth:`account`).
        """
        params = {"key_hash": hash_api_key(key), "account_id": account_id}
        with self.engine.connect() as db:
            row = db.execute(_ACCOUNT_FOR_KEY, params).first()
        return self._account(row, sealed=True) if row is not None else None

    def _account(self, row: Any, *, sealed: bool) -> Account:
        credentials = (
            Credentials.sealed(partial(self.box.open, row.id, row.credentials))
            if sealed
            else Credentials(self.box.open(row.id, row.credentials))
        )
        return Account(
            id=row.id,
            connector=row.connector,
            credentials=credentials,
            permissions=_permissions(row.permissions),
            options=_options(row.options),
            customer_id=row.customer_id,
        )

    def account_row(self, account_id: str, *, customer_id: str | None = None) -> AccountRow:
        """The account without its credentials."""
        return _account_row(self._row(account_id, customer_id))

    def accounts(self, *, customer_id: str | None = None) -> list[AccountRow]:
        """Every account (of one customer, if given), oldest first."""
        query = select(t.accounts).order_by(t.accounts.c.created_at)
        if customer_id is not None:
            query = query.where(t.accounts.c.customer_id == customer_id)
        with self.engine.connect() as db:
            return [_account_row(r) for r in db.execute(query).all()]

    # -- the worker's lease -----------------------------------------------------------------------

    def acquire_lease(self, account_id: str, owner: str, ttl: timedelta) -> bool:
        """Take the account's sync lease for ``ttl`` unless another live worker holds it.

        One conditional UPDATE, atomic on SQLite and PostgreSQL alike: of two workers racing, one
        row count is 1 and the other 0.
        """
        now = utcnow()
        accounts = t.accounts.c
        with self.begin() as db:
            taken = db.execute(
                update(t.accounts)
                .where(
                    accounts.id == account_id,
                    or_(
                        accounts.lease_owner.is_(None),
                        accounts.lease_owner == owner,
                        accounts.lease_expires_at < now,
                    ),
                )
                .values(lease_owner=owner, lease_expires_at=now + ttl)
            ).rowcount
        return taken == 1

    def release_lease(self, account_id: str, owner: str, *, next_sync_at: datetime | None = None) -> None:
        """Give the lease back (and schedule the next sync, when given)."""
        values: dict[str, Any] = {"lease_owner": None, "lease_expires_at": None}
        if next_sync_at is not None:
            values["next_sync_at"] = next_sync_at
        with self.begin() as db:
            db.execute(
                update(t.accounts)
                .where(t.accounts.c.id == account_id, t.accounts.c.lease_owner == owner)
                .values(**values)
            )

    def due_accounts(self, now: datetime | None = None) -> list[str]:
        """Accounts whose next sync is due and whose lease is free, most overdue first."""
        now = now or utcnow()
        accounts = t.accounts.c
        query = (
            select(accounts.id)
            .where(
                accounts.next_sync_at <= now,
                or_(accounts.lease_owner.is_(None), accounts.lease_expires_at < now),
            )
            .order_by(accounts.next_sync_at)
        )
        with self.engine.connect() as db:
            return list(db.execute(query).scalars())

    # -- sync state -------------------------------------------------------------------------------

    def state(self, account_id: str, name: str) -> dict[str, Any]:
        """The stored state of one model's (or feed's) sync for an account; empty before the first."""
        query = select(t.sync_state).where(
            t.sync_state.c.account_id == account_id, t.sync_state.c.name == name
        )
        with self.engine.connect() as db:
            row = db.execute(query).first()
        if row is None:
            return {}
        return {
            "cursor": row.cursor,
            "last_full_at": row.last_full_at,
            "last_run_at": row.last_run_at,
            "details": json.loads(row.details) if row.details else {},
        }

    def synced_models(self, account_id: str) -> set[str]:
        """The models that completed at least one full read for this account."""
        query = select(t.sync_state.c.name).where(
            t.sync_state.c.account_id == account_id, t.sync_state.c.last_full_at.is_not(None)
        )
        with self.engine.connect() as db:
            found = set(db.execute(query).scalars())
        self._synced.update((account_id, name) for name in found)
        return found

    def is_synced(self, account_id: str, model: str) -> bool:
        """Whether ``model`` completed a full read for this account (the unified API asks on every read).

        Once true it stays true (a full read's mark is never removed), so the answer is remembered;
        a false one is asked again.
        """
        return (account_id, model) in self._synced or model in self.synced_models(account_id)

    # -- runs -------------------------------------------------------------------------------------

    def runs(self, account_id: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """The account's latest sync runs, newest first, each with its stored report."""
        query = (
            select(t.sync_runs)
            .where(t.sync_runs.c.account_id == account_id)
            .order_by(t.sync_runs.c.started_at.desc())
            .limit(limit)
        )
        with self.engine.connect() as db:
            rows = db.execute(query).all()
        return [_run(r) for r in rows]

    def run(self, run_id: str) -> dict[str, Any]:
        """One run by id."""
        with self.engine.connect() as db:
            row = db.execute(select(t.sync_runs).where(t.sync_runs.c.id == run_id)).first()
        if row is None:
            raise NotFound(f"No sync run {run_id!r}.")
        return _run(row)

    def count_records(self, account_id: str, model: str) -> int:
        """How many live (not deleted) records of ``model`` the account has in the store."""
        r = t.records.c
        query = select(func.count()).where(
            and_(r.account_id == account_id, r.model == model, r.deleted.is_(False))
        )
        with self.engine.connect() as db:
            return int(db.execute(query).scalar_one())


def _map_file(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA mmap_size={READ_MMAP_BYTES}")
    cursor.close()


READ_MMAP_BYTES = 1 << 30
"""How much of a SQLite file a serving process maps (address space, not memory: pages load on use)."""


_ACCOUNT_FOR_KEY = (
    select(t.accounts)
    .join(t.customers, t.accounts.c.customer_id == t.customers.c.id)
    .where(t.customers.c.key_hash == bindparam("key_hash"), t.accounts.c.id == bindparam("account_id"))
)
"""Built once: the unified API runs it on every read."""


@lru_cache(maxsize=4096)
def _permissions(stored: str) -> PermissionReport:
    # Parsed once per distinct stored text: every API read loads its account (the report is frozen).
    return PermissionReport.from_dict(json.loads(stored))


@lru_cache(maxsize=4096)
def _options(stored: str) -> AccountOptions:
    return AccountOptions.from_dict(json.loads(stored))


def _account_row(row: Any) -> AccountRow:
    return AccountRow(
        id=row.id,
        connector=row.connector,
        customer_id=row.customer_id,
        status=row.status,
        permissions=_permissions(row.permissions),
        options=_options(row.options),
        created_at=row.created_at,
        updated_at=row.updated_at,
        next_sync_at=row.next_sync_at,
        lease_owner=row.lease_owner,
    )


def _run(row: Any) -> dict[str, Any]:
    report = json.loads(row.report) if row.report else {}
    for name in ("started_at", "finished_at"):
        # Reports stored before instants had one JSON form carry isoformat's "+00:00" text.
        if isinstance(report.get(name), str):
            report[name] = format_instant(datetime.fromisoformat(report[name]))
    return {
        "id": row.id,
        "account_id": row.account_id,
        "kind": row.kind,
        "status": row.status,
        "started_at": row.started_at,
        "finished_at": row.finished_at,
        **({"report": report} if report else {}),
    }
