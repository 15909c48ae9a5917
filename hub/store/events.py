"""The event outbox: every change a sync finds and every account event, one row each, in order.

Rows of ``events`` are what the ``sync_event`` hook hands to plugins, what webhooks deliver and
what ``GET /v1/events`` pages through. Record events (``employee.updated`` ...) are written by the
apply step of a sync; account events (``account.linked``, ``account.synced``,
``account.needs_attention``, ``sync.failed``) by :func:`record_account_event`, already announced to
plugins, so they are stored as delivered to them.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Select, insert, or_, select
from sqlalchemy.engine import Connection

from hub.store import tables as t

__all__ = ["customer_events", "new_event_id", "record_account_event"]


def new_event_id() -> str:
    """A fresh event id (``evt_`` and 16 random characters): stable across every delivery."""
    return "evt_" + secrets.token_urlsafe(12)


def customer_events(customer_id: str, *columns: Any) -> Select[Any]:
    """A query of the customer's events (``columns``, or whole rows): its accounts' and its own."""
    e, a = t.events.c, t.accounts.c
    return (
        select(*(columns or (t.events,)))
        .select_from(t.events.outerjoin(t.accounts, a.id == e.account_id))
        .where(or_(a.customer_id == customer_id, e.customer_id == customer_id))
    )


def record_account_event(
    db: Connection,
    *,
    account_id: str | None,
    type: str,
    record: Mapping[str, Any],
    now: datetime,
    run_id: str | None = None,
    event_id: str | None = None,
    customer_id: str | None = None,
    record_id: str | None = None,
) -> str:
    """Store one account event in the open transaction ``db``; its id.

    An event of a customer rather than of one account (``webhook_endpoint.disabled``) has no
    ``account_id`` and names the ``customer_id``.
    """
    event_id = event_id or new_event_id()
    db.execute(
        insert(t.events).values(
            id=event_id,
            account_id=account_id,
            customer_id=customer_id,
            run_id=run_id,
            type=type,
            record_id=record_id,
            payload=json.dumps({"record": dict(record), "changes": {}}, default=str),
            created_at=now,
            delivered_at=now,
        )
    )
    return event_id
