"""Linked accounts: their sealed credentials, permissions report, options and status."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, partial
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Engine

from hub.accounts import Account, AccountOptions, Credentials, PermissionReport
from hub.errors import NotFound
from hub.secrets import SecretBox
from hub.store import tables as t
from hub.store.clock import utcnow
from hub.store.customers import hash_api_key

__all__ = ["AccountRow", "AccountStore"]


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
        """Store new credentials and the permissions found with them; synced data is untouched."""
        with self.engine.begin() as db:
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
        with self.engine.begin() as db:
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
        with self.engine.begin() as db:
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

    def get(self, account_id: str, *, customer_id: str | None = None, sealed: bool = False) -> Account:
        """The account with its credentials opened; ``customer_id`` limits it to one customer's.

        ``sealed=True`` leaves the credentials sealed until first revealed (reads of synced data never
        need them).
        """
        return self._account(self._row(account_id, customer_id), sealed=sealed)

    def for_key(self, key: str, account_id: str) -> Account | None:
        """The account ``account_id`` if it belongs to the customer holding API key ``key``, else None.

        One query, credentials sealed: the unified API's check on every read. ``None`` does not say
        whether the key or the account is wrong (ask ``customers.for_key``, then :meth:`get`).
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

    def row(self, account_id: str, *, customer_id: str | None = None) -> AccountRow:
        """The account without its credentials."""
        return _account_row(self._row(account_id, customer_id))

    def all(self, *, customer_id: str | None = None) -> list[AccountRow]:
        """Every account (of one customer, if given), oldest first."""
        query = select(t.accounts).order_by(t.accounts.c.created_at)
        if customer_id is not None:
            query = query.where(t.accounts.c.customer_id == customer_id)
        with self.engine.connect() as db:
            return [_account_row(r) for r in db.execute(query).all()]


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
