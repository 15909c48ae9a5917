"""Sync runs: each run's kind, status, times and stored report."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.engine import Engine

from hub.errors import InputError, NotFound
from hub.store import tables as t
from hub.store.clock import utcnow
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

    def page(
        self, account_id: str, *, cursor: str | None = None, page_size: int = 20
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of the account's runs, newest first, and the cursor of the next (None at the end).

        Keyset paging on (start time, id): a run started while a caller pages appears on no later
        page (it is newer than every position), and no run is seen twice.
        """
        if not 1 <= page_size <= 100:
            raise InputError(
                f"page_size {page_size} is out of range.", remedy="Use a page_size from 1 to 100."
            )
        c = t.sync_runs.c
        query = select(t.sync_runs).where(c.account_id == account_id)
        if cursor is not None:
            started, run_id = _decode(cursor)
            query = query.where(or_(c.started_at < started, and_(c.started_at == started, c.id < run_id)))
        query = query.order_by(c.started_at.desc(), c.id.desc()).limit(page_size + 1)
        with self.engine.connect() as db:
            rows = db.execute(query).all()
        more = len(rows) > page_size
        rows = rows[:page_size]
        following = _encode(rows[-1].started_at, rows[-1].id) if more else None
        return [_run(r) for r in rows], following

    def get(self, run_id: str) -> dict[str, Any]:
        """One run by id."""
        with self.engine.connect() as db:
            row = db.execute(select(t.sync_runs).where(t.sync_runs.c.id == run_id)).first()
        if row is None:
            raise NotFound(f"No sync run {run_id!r}.")
        return _run(row)

    def queue(self, run_id: str, account_id: str, *, kind: str) -> None:
        """Record a run a worker of the task queue will start (status ``queued``)."""
        with self.engine.begin() as db:
            db.execute(
                insert(t.sync_runs).values(
                    id=run_id, account_id=account_id, kind=kind, status="queued", started_at=utcnow()
                )
            )

    def settle_queued(self, run_id: str, status: str) -> None:
        """A queued run that will never start (``skipped``: the account was paused, deleted or busy)."""
        c = t.sync_runs.c
        with self.engine.begin() as db:
            db.execute(
                update(t.sync_runs)
                .where(c.id == run_id, c.status == "queued")
                .values(status=status, finished_at=utcnow())
            )


def _encode(started_at: datetime, run_id: str) -> str:
    text = json.dumps({"t": started_at.isoformat(), "i": run_id})
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[datetime, str]:
    """A run cursor's position (start time, id); :class:`InputError` for one this hub did not issue."""
    try:
        position = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        started, run_id = datetime.fromisoformat(position["t"]), position["i"]
        if started.tzinfo is None or not isinstance(run_id, str):
            raise ValueError
        return started, run_id
    except (ValueError, KeyError, TypeError):
        raise InputError(
            "The cursor is not one this hub issued for sync runs.",
            remedy="Pass next_cursor from the previous page unchanged.",
        ) from None


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
