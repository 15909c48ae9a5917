"""The sync lease on each account, and which accounts are due: how workers share accounts safely."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Engine

from hub.accounts import DELETED, PAUSED
from hub.store import tables as t
from hub.store.clock import utcnow

__all__ = ["LeaseStore"]


class LeaseStore:
    """The lease columns of ``accounts`` (``store.leases``): one worker per account at a time."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def acquire(self, account_id: str, owner: str, ttl: timedelta) -> bool:
        """Take the account's sync lease for ``ttl`` unless another live worker holds it.

        One conditional UPDATE, atomic on SQLite and PostgreSQL alike: of two workers racing, one
        row count is 1 and the other 0.
        """
        now = utcnow()
        accounts = t.accounts.c
        with self.engine.begin() as db:
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

    def release(self, account_id: str, owner: str, *, next_sync_at: datetime | None = None) -> None:
        """Give the lease back (and schedule the next sync, when given)."""
        values: dict[str, Any] = {"lease_owner": None, "lease_expires_at": None}
        if next_sync_at is not None:
            values["next_sync_at"] = next_sync_at
        with self.engine.begin() as db:
            db.execute(
                update(t.accounts)
                .where(t.accounts.c.id == account_id, t.accounts.c.lease_owner == owner)
                .values(**values)
            )

    def due(self, now: datetime | None = None) -> list[str]:
        """Accounts whose next sync is due and whose lease is free, most overdue first (none paused)."""
        now = now or utcnow()
        accounts = t.accounts.c
        query = (
            self._scheduled(now)
            .where(or_(accounts.lease_owner.is_(None), accounts.lease_expires_at < now))
            .order_by(accounts.next_sync_at)
        )
        with self.engine.connect() as db:
            return list(db.execute(query).scalars())

    def is_due(self, account_id: str, now: datetime | None = None) -> bool:
        """Whether ``account_id``'s next sync is still due, whoever holds its lease.

        A scheduled job asks when a worker starts it, since a sync that ran meanwhile (started by hand
        just as the schedule ticked) moved the schedule; the lease is left aside because a retried job
        finds its dead attempt's lease still held.
        """
        query = self._scheduled(now or utcnow()).where(t.accounts.c.id == account_id)
        with self.engine.connect() as db:
            return db.execute(query).first() is not None

    @staticmethod
    def _scheduled(now: datetime) -> Any:
        accounts = t.accounts.c
        return select(accounts.id).where(
            accounts.next_sync_at <= now, accounts.status.not_in((PAUSED, DELETED))
        )
