"""The event feed for apps that poll (``GET /v1/events``), each delivery's history, and retention.

Events are kept :func:`retention` days (``HRISHUB_EVENT_RETENTION_DAYS``, 30 by default) and then
removed by the dispatcher; a cursor older than that resumes at the oldest event still kept.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from hub.env_settings import positive_number
from hub.store import Store
from hub.store import tables as t
from hub.store.cursors import decode_position, encode_position
from hub.store.events import customer_events
from hub.webhooks.payloads import event_data

__all__ = ["RETENTION_ENV", "delivery_page", "event_page", "prune_events", "retention"]

RETENTION_ENV = "HRISHUB_EVENT_RETENTION_DAYS"


def retention() -> timedelta:
    """How long events are kept (``HRISHUB_EVENT_RETENTION_DAYS``, default 30)."""
    return timedelta(days=positive_number(RETENTION_ENV, 30, unit="days"))


def event_page(
    store: Store,
    customer_id: str,
    *,
    cursor: str | None = None,
    types: Sequence[str] = (),
    account_id: str | None = None,
    limit: int = 100,
) -> tuple[list[dict[str, Any]], str | None]:
    """Events of the customer after position ``after``, oldest first; and the cursor to read on.

    The cursor is returned even on the last page (the position reached), so polling with it later
    yields only newer events.
    """
    after = decode_position(cursor, "e", what="events") if cursor else 0
    e = t.events.c
    query = customer_events(customer_id).where(e.seq > after).order_by(e.seq).limit(limit)
    if types:
        query = query.where(e.type.in_(list(types)))
    if account_id is not None:
        query = query.where(e.account_id == account_id)
    with store.engine.connect() as db:
        rows = db.execute(query).all()
    results = [
        {"type": row.type, **event_data(row, store.seal.open_event(row.id, json.loads(row.payload)))}
        for row in rows
    ]
    position = rows[-1].seq if rows else after
    return results, (encode_position(position, "e") if position else None)


def delivery_page(
    store: Store, endpoint_id: str, *, cursor: str | None = None, state: str | None = None, limit: int = 50
) -> tuple[list[dict[str, Any]], str | None]:
    """An endpoint's deliveries, newest first, each with its attempts; and the next page's cursor."""
    before = decode_position(cursor, "d", what="webhook deliveries") if cursor else 0
    d, e = t.webhook_deliveries.c, t.events.c
    query = (
        select(t.webhook_deliveries, e.type.label("event_type"))
        .select_from(t.webhook_deliveries.outerjoin(t.events, e.seq == d.event_seq))
        .where(d.endpoint_id == endpoint_id)
        .order_by(d.seq.desc())
        .limit(limit + 1)
    )
    if before:
        query = query.where(d.seq < before)
    if state is not None:
        query = query.where(d.state == state)
    with store.engine.connect() as db:
        rows = db.execute(query).all()
        more = len(rows) > limit
        rows = rows[:limit]
        attempts: dict[int, list[dict[str, Any]]] = {row.seq: [] for row in rows}
        if rows:
            w = t.webhook_attempts.c
            for a in db.execute(
                select(t.webhook_attempts).where(w.delivery_seq.in_(list(attempts))).order_by(w.id)
            ):
                attempts[a.delivery_seq].append(
                    {
                        "at": a.at,
                        "status": a.status,
                        "latency_ms": a.latency_ms,
                        "response": a.response,
                        "error": a.error,
                    }
                )
    results = [
        {
            "id": f"whd_{row.seq}",
            "event_id": row.event_id,
            "event_type": row.event_type,
            "account_id": row.account_id or None,
            "state": row.state,
            "attempts": attempts[row.seq],
            "next_attempt_at": row.next_attempt_at,
            "created_at": row.created_at,
            "finished_at": row.finished_at,
        }
        for row in rows
    ]
    return results, (encode_position(rows[-1].seq, "d") if more and rows else None)


def prune_events(store: Store, now: datetime, keep: timedelta | None = None) -> int:
    """Remove events older than the retention, and finished deliveries of them; how many events.

    An event not yet handed to plugins, or still waiting to be delivered to an endpoint (one that
    is disabled, say), is kept until it is: at least once means the retention does not drop it.
    """
    cutoff = now - (keep if keep is not None else retention())
    e, d = t.events.c, t.webhook_deliveries.c
    waiting = select(d.event_seq).where(d.state == "pending")
    expired = (e.created_at < cutoff, e.delivered_at.is_not(None), e.seq.not_in(waiting))
    with store.begin() as db:
        old = select(e.seq).where(*expired)
        finished = select(d.seq).where(d.event_seq.in_(old))
        db.execute(delete(t.webhook_attempts).where(t.webhook_attempts.c.delivery_seq.in_(finished)))
        db.execute(delete(t.webhook_deliveries).where(d.seq.in_(finished)))
        gone = db.execute(delete(t.events).where(*expired))
    return gone.rowcount or 0
