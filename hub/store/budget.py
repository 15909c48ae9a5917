"""A provider host's request budget shared by every worker: at most N requests in flight, all together.

One row per request slot of a budget key (``connector:host``) in ``provider_slots``. A sync claims
slots before its first request and sizes its client's limiter to them, renews them while it runs and
frees them at the end; slots of a sync that stopped renewing (its worker killed) expire. Claims take
half of what is free (at least one slot), so a sync that starts while others run still gets a share
and the whole budget never exceeds N. PostgreSQL only: one machine on SQLite is bounded by its own
process (``HttpSettings.max_concurrency``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Engine

from hub.store import tables as t
from hub.store.clock import utcnow

__all__ = ["SLOT_TTL", "BudgetClaim", "ProviderBudget"]

SLOT_TTL = timedelta(minutes=2)
"""How long a claim lasts without renewal: a killed worker's slots return to the budget after this."""


@dataclass
class BudgetClaim:
    """The slots one sync holds of a budget key; :meth:`renew` while it runs, :meth:`release` at the end."""

    budget: ProviderBudget
    key: str
    holder: str
    slots: int
    _renewed: float = field(default_factory=time.monotonic)

    def renew(self) -> None:
        """Extend the claim once a third of its time has passed (cheap to call often)."""
        if time.monotonic() - self._renewed > SLOT_TTL.total_seconds() / 3:
            self.budget.renew(self.key, self.holder)
            self._renewed = time.monotonic()

    def release(self) -> None:
        """Free the slots for other syncs."""
        self.budget.release(self.key, self.holder)


class ProviderBudget:
    """The request slots of each provider host, shared through the store's ``provider_slots`` table."""

    def __init__(self, engine: Engine, total: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.total = max(1, total)
        self._clock = clock

    def _ensure(self, key: str) -> None:
        rows = [{"budget_key": key, "slot": n} for n in range(self.total)]
        with self.engine.begin() as db:
            if db.dialect.name == "postgresql":
                db.execute(pg_insert(t.provider_slots).values(rows).on_conflict_do_nothing())
            elif not db.execute(
                select(t.provider_slots.c.slot).where(t.provider_slots.c.budget_key == key)
            ).first():
                db.execute(insert(t.provider_slots), rows)
            # A budget lowered since: the slots above it are never claimed again (raised: they come back).
            db.execute(
                update(t.provider_slots)
                .where(
                    t.provider_slots.c.budget_key == key,
                    t.provider_slots.c.slot < self.total,
                    t.provider_slots.c.holder == "retired",
                )
                .values(holder=None, expires_at=None)
            )
            db.execute(
                update(t.provider_slots)
                .where(t.provider_slots.c.budget_key == key, t.provider_slots.c.slot >= self.total)
                .values(holder="retired", expires_at=None)
            )

    def try_claim(self, key: str, holder: str, want: int) -> int:
        """Claim up to ``want`` free slots (half of those free, at least one); how many were claimed."""
        s = t.provider_slots.c
        now = utcnow()
        free = and_(
            s.budget_key == key,
            s.slot < self.total,
            or_(s.holder.is_(None), and_(s.holder != "retired", s.expires_at < now)),
        )
        with self.engine.begin() as db:
            locking = select(s.slot).where(free).order_by(s.slot)
            if db.dialect.name == "postgresql":
                locking = locking.with_for_update(skip_locked=True)
            available = list(db.execute(locking).scalars())
            if not available:
                return 0
            take = available[: max(1, min(want, len(available) // 2 or 1))]
            db.execute(
                update(t.provider_slots)
                .where(s.budget_key == key, s.slot.in_(take))
                .values(holder=holder, expires_at=now + SLOT_TTL)
            )
        return len(take)

    def claim(self, key: str, holder: str, want: int, *, wait_seconds: float = 600.0) -> BudgetClaim | None:
        """Claim slots for a sync, waiting for one to free up (``None`` after ``wait_seconds``)."""
        self._ensure(key)
        deadline = self._clock() + wait_seconds
        pause = 0.05
        while True:
            slots = self.try_claim(key, holder, want)
            if slots:
                return BudgetClaim(self, key, holder, slots)
            if self._clock() >= deadline:
                return None
            time.sleep(pause)
            pause = min(1.0, pause * 2)

    def renew(self, key: str, holder: str) -> None:
        """Extend ``holder``'s slots of ``key``."""
        s = t.provider_slots.c
        with self.engine.begin() as db:
            db.execute(
                update(t.provider_slots)
                .where(s.budget_key == key, s.holder == holder)
                .values(expires_at=utcnow() + SLOT_TTL)
            )

    def release(self, key: str, holder: str) -> None:
        """Free ``holder``'s slots of ``key``."""
        s = t.provider_slots.c
        with self.engine.begin() as db:
            db.execute(
                update(t.provider_slots)
                .where(s.budget_key == key, s.holder == holder)
                .values(holder=None, expires_at=None)
            )

    def in_use(self, key: str) -> int:
        """How many slots of ``key`` are held now."""
        s = t.provider_slots.c
        now = utcnow()
        with self.engine.connect() as db:
            rows = db.execute(
                select(s.slot).where(
                    s.budget_key == key,
                    s.slot < self.total,
                    s.holder.is_not(None),
                    s.holder != "retired",
                    s.expires_at >= now,
                )
            ).all()
        return len(rows)
