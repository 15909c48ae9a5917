"""Sync runs: each run's kind, status, times and stored report."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from hub.errors import NotFound
from hub.store import tables as t
from unified_models import format_instant

__all__ = ["RunStore"]


class RunStore:
    """The ``sync_runs`` table, read side (``store.runs``); the sync runner writes it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def latest(self, account_id: str, *, limit: int = 20) -> list[dict[str, Any]]:
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

    def get(self, run_id: str) -> dict[str, Any]:
        """One run by id."""
        with self.engine.connect() as db:
            row = db.execute(select(t.sync_runs).where(t.sync_runs.c.id == run_id)).first()
        if row is None:
            raise NotFound(f"No sync run {run_id!r}.")
        return _run(row)


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
        "models": {
            name: "failed" if model.get("error") else model.get("mode", "")
            for name, model in report.get("models", {}).items()
        },
        **({"report": report} if report else {}),
    }
