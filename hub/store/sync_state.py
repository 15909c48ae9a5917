"""Sync state per account and model: cursors, the last full read, what has been synced."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Engine

from hub.store import tables as t

__all__ = ["SyncStateStore"]


class SyncStateStore:
    """The ``sync_state`` table and record counts (``store.sync_state``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._synced: set[tuple[str, str]] = set()

    def get(self, account_id: str, name: str) -> dict[str, Any]:
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

    def count_records(self, account_id: str, model: str) -> int:
        """How many live (not deleted) records of ``model`` the account has in the store."""
        r = t.records.c
        query = select(func.count()).where(
            and_(r.account_id == account_id, r.model == model, r.deleted.is_(False))
        )
        with self.engine.connect() as db:
            return int(db.execute(query).scalar_one())
