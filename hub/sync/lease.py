"""Who holds an account's sync: a lease row in the database, so several workers never sync one account.

A lease names its owner as ``host:pid:token``. It expires after its time to live unless renewed; a
lease whose owner process on this same host is gone (killed mid-sync) is taken over at once. A sync
run as a queue job also names its job (``host:pid:token:job-42``): when the queue retries a job whose
worker died, the retry takes over the lease the dead attempt left behind (the queue runs one attempt of
a job at a time, so a lease naming the same job belongs to a dead attempt).
"""

from __future__ import annotations

import os
import random
import secrets
import socket
from contextvars import ContextVar
from datetime import timedelta

from sqlalchemy import select, update

from hub.errors import SyncInProgress
from hub.store import Store, utcnow
from hub.store import tables as t

__all__ = ["JOB", "LEASE_TTL", "SCHEDULE_JITTER", "Lease", "next_sync_in"]

LEASE_TTL = timedelta(minutes=10)

JOB: ContextVar[str | None] = ContextVar("hrishub_sync_job", default=None)
"""The queue job running this sync (``job-42``), set by the queue's sync task; ``None`` elsewhere."""

SCHEDULE_JITTER = 0.1
"""The next sync comes up to this fraction of the interval later than asked, never sooner: accounts
linked together drift apart instead of all falling due in the same minute."""


def next_sync_in(hours: float, *, rng: random.Random | None = None) -> timedelta:
    """When an account's next sync is due, from now: its interval plus up to 10% (capped at an hour)."""
    interval = timedelta(hours=hours)
    spread = min(interval * SCHEDULE_JITTER, timedelta(hours=1))
    return interval + spread * (rng or random).random()


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
        self.job = JOB.get()
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        if self.job is not None:
            self.owner += f":{self.job}"
        self._renewed = utcnow()

    def acquire(self) -> None:
        """Take the lease, or raise :class:`SyncInProgress` when a live worker holds it."""
        if self.store.leases.acquire(self.account_id, self.owner, self.ttl):
            self._renewed = utcnow()
            return
        a = t.accounts.c
        with self.store.engine.connect() as db:
            holder = db.execute(select(a.lease_owner).where(a.id == self.account_id)).scalar()
        if holder and (_dead_local_owner(holder) or self._earlier_attempt(holder)):
            with self.store.begin() as db:
                taken = db.execute(
                    update(t.accounts)
                    .where(a.id == self.account_id, a.lease_owner == holder)
                    .values(lease_owner=self.owner, lease_expires_at=utcnow() + self.ttl)
                ).rowcount
            if taken == 1:
                return
        raise SyncInProgress(f"Account {self.account_id} is being synced by another worker ({holder}).")

    def _earlier_attempt(self, holder: str) -> bool:
        return self.job is not None and holder.endswith(f":{self.job}") and holder != self.owner

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
