"""Linked accounts: their sealed credentials, permissions report, options and status.

An account's life: ``linked`` (or ``needs_attention`` once the provider refuses its credentials),
``paused`` and back (the status before the pause is kept in its ``sync_state`` under
:data:`PAUSE_STATE` and restored on resume), and ``deleted``: a tombstone row with no credentials,
permissions or data left, kept because the events outbox refers to accounts. Every read here treats a
tombstone as an account that does not exist.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, partial
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection, Engine

from hub.accounts import DELETED, LINKED, PAUSED, Account, AccountOptions, Credentials, PermissionReport
from hub.errors import NotFound
from hub.secrets import SecretBox
from hub.store import tables as t
from hub.store.clock import utcnow
from hub.store.customers import hash_api_key
from hub.store.events import record_account_event
from hub.store.memo import remembered

__all__ = ["PAUSE_STATE", "AccountRow", "AccountStore"]

PAUSE_STATE = "account:paused"
"""The ``sync_state`` name under which a paused account keeps the status to restore on resume."""

_LIVE = t.accounts.c.status != DELETED
"""Not a deleted account's tombstone."""


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


class AccountStore:
    """The ``accounts`` table: credentials sealed with the store's key (``store.accounts``)."""

    def __init__(self, engine: Engine, box: SecretBox) -> None:
        self.engine = engine
        self.box = box

    def add(self, account: Account) -> None:
        """Store a freshly linked account, its credentials sealed."""
        now = utcnow()
        with self.engine.begin() as db:
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
        """Store new credentials and the permissions found with them; synced data is untouched.

        The account is ``linked`` again (a paused one stays paused, and is ``linked`` once resumed).
        """
        with self.engine.begin() as db:
            found = db.execute(
                update(t.accounts)
                .where(t.accounts.c.id == account.id, _LIVE)
                .values(
                    credentials=self.box.seal(account.id, account.credentials.reveal()),
                    permissions=json.dumps(account.permissions.to_dict()),
                    updated_at=utcnow(),
                )
            ).rowcount
            if not found:
                raise _missing(account.id)
            _set_status(db, account.id, LINKED)

    def set_options(self, account_id: str, options: AccountOptions) -> None:
        """Store an account's options (filters, overrides, schedule)."""
        with self.engine.begin() as db:
            found = db.execute(
                update(t.accounts)
                .where(t.accounts.c.id == account_id, _LIVE)
                .values(
                    options=json.dumps(options.to_dict()),
                    sync_every_seconds=int(options.sync_every_hours * 3600),
                    updated_at=utcnow(),
                )
            ).rowcount
        if not found:
            raise NotFound(f"No account {account_id!r}.", remedy="Check the account id.", what="account")

    def set_status(self, account_id: str, status: str) -> None:
        """Mark an account ``linked`` or ``needs_attention`` (credentials refused).

        A paused account stays paused and gets ``status`` when resumed; a deleted one is left alone.
        """
        with self.engine.begin() as db:
            _set_status(db, account_id, status)

    def pause(self, account_id: str, *, customer_id: str | None = None) -> AccountRow:
        """Pause an account (no sync runs until :meth:`resume`); pausing a paused account changes nothing."""
        a = t.accounts.c
        with self.engine.begin() as db:
            # A write first: it takes the database's write lock (the row's, on PostgreSQL), so the
            # status read next is the one this transaction changes.
            _touch(db, account_id, customer_id)
            before = db.execute(select(a.status).where(a.id == account_id)).scalar_one()
            if before != PAUSED:
                state = t.sync_state.c
                db.execute(
                    delete(t.sync_state).where(state.account_id == account_id, state.name == PAUSE_STATE)
                )
                db.execute(
                    insert(t.sync_state).values(
                        account_id=account_id,
                        name=PAUSE_STATE,
                        last_run_at=utcnow(),
                        details=json.dumps({"status": before}),
                    )
                )
                db.execute(update(t.accounts).where(a.id == account_id).values(status=PAUSED))
        return self.row(account_id)

    def resume(self, account_id: str, *, customer_id: str | None = None) -> AccountRow:
        """Resume a paused account with the status it had (``needs_attention`` stays so); else no change."""
        a, state = t.accounts.c, t.sync_state.c
        with self.engine.begin() as db:
            _touch(db, account_id, customer_id)
            if db.execute(select(a.status).where(a.id == account_id)).scalar_one() == PAUSED:
                where = (state.account_id == account_id, state.name == PAUSE_STATE)
                kept = db.execute(select(state.details).where(*where)).scalar()
                previous = json.loads(kept).get("status", LINKED) if kept else LINKED
                db.execute(delete(t.sync_state).where(*where))
                db.execute(update(t.accounts).where(a.id == account_id).values(status=previous))
        return self.row(account_id)

    def delete(
        self, account_id: str, *, lease_owner: str, record: dict[str, Any], now: datetime, event_id: str
    ) -> None:
        """Delete an account whose sync lease ``lease_owner`` holds, leaving a tombstone and one event.

        In one transaction: the account row becomes a tombstone (status ``deleted``; credentials,
        permissions and options emptied; lease and schedule cleared; its customer kept, so the event
        reaches that customer's webhooks and feed), its records (raw data with them) and the dictionaries
        its raw data was packed with, sync state, sync runs (their reports quote records) and events are
        removed, and the ``account.deleted`` event ``event_id`` with ``record`` is recorded (see
        :func:`hub.store.events.record_account_event`).
        Webhook deliveries of the removed events stay as history; the dispatcher finds nothing to send.
        On SQLite the deleted content does not stay in the file's free space (the store's connections
        overwrite what they delete) nor in its write-ahead log (checkpointed and cut right after).
        """
        a = t.accounts.c
        with self.engine.begin() as db:
            tombstoned = db.execute(
                update(t.accounts)
                .where(a.id == account_id, _LIVE, a.lease_owner == lease_owner)
                .values(
                    status=DELETED,
                    credentials="",
                    permissions=_EMPTY_REPORT,
                    options=_DEFAULT_OPTIONS,
                    next_sync_at=None,
                    lease_owner=None,
                    lease_expires_at=None,
                    updated_at=now,
                )
            ).rowcount
            if not tombstoned:
                raise _missing(account_id)
            for table in (t.events, t.records, t.raw_dictionaries, t.sync_state, t.sync_runs):
                db.execute(delete(table).where(table.c.account_id == account_id))
            record_account_event(
                db, account_id=account_id, type="account.deleted", record=record, now=now, event_id=event_id
            )
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as db:
                # Best effort: the log is cut to nothing unless a reader still needs its frames.
                db.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def _row(self, account_id: str, customer_id: str | None = None) -> Any:
        query = select(t.accounts).where(t.accounts.c.id == account_id, _LIVE)
        if customer_id is not None:
            query = query.where(t.accounts.c.customer_id == customer_id)
        with self.engine.connect() as db:
            row = db.execute(query).first()
        if row is None:
            raise _missing(account_id)
        return row

    def get(self, account_id: str, *, customer_id: str | None = None, sealed: bool = False) -> Account:
        """The account with its credentials opened; ``customer_id`` limits it to one customer's.

        ``sealed=True`` leaves the credentials sealed until first revealed (reads of synced data never
        need them).
        """
        return self._account(self._row(account_id, customer_id), sealed=sealed)

    def for_key(self, key: str, account_id: str) -> Account | None:
        """The account ``account_id`` if it belongs to the customer holding API key ``key``, else None.

        Credentials sealed: the unified API's check on every read. On SQLite the answer is remembered
        while the database is unchanged (:mod:`hub.store.memo`), so a request finds it without a
        query unless something changed. ``None`` does not say whether the key or the account is wrong
        (ask ``customers.for_key``, then :meth:`get`).
        """
        params = {"key_hash": hash_api_key(key), "account_id": account_id}
        with self.engine.connect() as db:
            # Remembered while the database is unchanged (hub.store.memo): a revoked key or a removed
            # account is a change, seen by the next request. The row is kept, never an Account whose
            # credentials a live read may have opened.
            memo = remembered(db)
            asked = ("account_for_key", params["key_hash"], account_id)
            if memo is not None and asked in memo:
                row = memo[asked]
            else:
                row = db.execute(_ACCOUNT_FOR_KEY, params).first()
                if memo is not None:
                    memo[asked] = row
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

    def row(self, account_id: str, *, customer_id: str | None = None) -> AccountRow:
        """The account without its credentials."""
        return _account_row(self._row(account_id, customer_id))

    def all(self, *, customer_id: str | None = None) -> list[AccountRow]:
        """Every account (of one customer, if given), oldest first."""
        query = select(t.accounts).where(_LIVE).order_by(t.accounts.c.created_at)
        if customer_id is not None:
            query = query.where(t.accounts.c.customer_id == customer_id)
        with self.engine.connect() as db:
            return [_account_row(r) for r in db.execute(query).all()]


_ACCOUNT_FOR_KEY = (
    select(t.accounts)
    .join(t.customers, t.accounts.c.customer_id == t.customers.c.id)
    .where(t.customers.c.key_hash == bindparam("key_hash"), t.accounts.c.id == bindparam("account_id"), _LIVE)
)
"""Built once: the unified API runs it on every read."""


_EMPTY_REPORT = json.dumps(PermissionReport(granted=(), missing=(), actions={}).to_dict())
_DEFAULT_OPTIONS = json.dumps(AccountOptions().to_dict())


def _missing(account_id: str) -> NotFound:
    # The same answer whether the account does not exist, was deleted or belongs to another customer.
    return NotFound(
        f"No account {account_id!r} for this caller.", remedy="Check the account id.", what="account"
    )


def _touch(db: Connection, account_id: str, customer_id: str | None) -> None:
    """Mark the (live) account updated now, or raise :class:`NotFound`."""
    a = t.accounts.c
    query = update(t.accounts).where(a.id == account_id, _LIVE)
    if customer_id is not None:
        query = query.where(a.customer_id == customer_id)
    if not db.execute(query.values(updated_at=utcnow())).rowcount:
        raise _missing(account_id)


def _set_status(db: Connection, account_id: str, status: str) -> None:
    """Set a live account's status; a paused account keeps it for its resume instead."""
    a, state = t.accounts.c, t.sync_state.c
    db.execute(
        update(t.accounts)
        .where(a.id == account_id, a.status.not_in((PAUSED, DELETED)))
        .values(status=status, updated_at=utcnow())
    )
    # Only a paused account has this row: the running sync's verdict is what its resume restores.
    db.execute(
        update(t.sync_state)
        .where(state.account_id == account_id, state.name == PAUSE_STATE)
        .values(details=json.dumps({"status": status}))
    )


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
