"""Who holds an account's sync: a lease row in the database, so several workers never sync one account.

A lease names its owner as ``host:pid:token``. It expires after its time to live unless renewed; a
lease whose owner process on this same host is gone (killed mid-sync) is taken over at once.
"""

from __future__ import annotations

import os
import secrets
import socket
from datetime import timedelta

from sqlalchemy import select, update

from hub.errors import SyncInProgress
from hub.store import Store, utcnow
from hub.store import tables as t

__all__ = ["LEASE_TTL", "Lease"]

LEASE_TTL = timedelta(minutes=10)


def _dead_local_owner(owner: str) -> bool:
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class Lease:
    """The sync lease on one account, held by this process while a sync runs."""

    def __init__(self, store: Store, account_id: str, ttl: timedelta = LEASE_TTL) -> None:
        self.store = store
        self.account_id = account_id
        self.ttl = ttl
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self._renewed = utcnow()

    def acquire(self) -> None:
        """Take the lease, or raise :class:`SyncInProgress` when a live worker holds it."""
        if self.store.leases.acquire(self.account_id, self.owner, self.ttl):
            self._renewed = utcnow()
            return
        a = t.accounts.c
        with self.store.engine.connect() as db:
            holder = db.execute(select(a.lease_owner).where(a.id == self.account_id)).scalar()
        if holder and _dead_local_owner(holder):
            with self.store.begin() as db:
                taken = db.execute(
                    update(t.accounts)
                    .where(a.id == self.account_id, a.lease_owner == holder)
                    .values(lease_owner=self.owner, lease_expires_at=utcnow() + self.ttl)
                ).rowcount
            if taken == 1:
                return
        raise SyncInProgress(f"Account {self.account_id} is being synced by another worker ({holder}).")

    def renew(self) -> None:
        """Extend the lease when a third of its time has passed (cheap to call often)."""
        if utcnow() - self._renewed > self.ttl / 3:
            self.store.leases.acquire(self.account_id, self.owner, self.ttl)
            self._renewed = utcnow()

    def release(self, *, next_sync_in: timedelta | None = None) -> None:
        """Give the lease back and schedule the next sync."""
        self.store.leases.release(
            self.account_id, self.owner, next_sync_at=utcnow() + next_sync_in if next_sync_in else None
        )
