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

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from hub.store import tables as t

__all__ = ["new_event_id", "record_account_event"]


def new_event_id() -> str:
    """A fresh event id (``evt_`` and 16 random characters): stable across every delivery."""
    return "evt_" + secrets.token_urlsafe(12)


def record_account_event(
    db: Connection,
    *,
    account_id: str,
    type: str,
    record: Mapping[str, Any],
    now: datetime,
    run_id: str | None = None,
    event_id: str | None = None,
) -> str:
    """Store one account event in the open transaction ``db``; its id."""
    event_id = event_id or new_event_id()
    db.execute(
        insert(t.events).values(
            id=event_id,
            account_id=account_id,
            run_id=run_id,
            type=type,
            record_id=None,
            payload=json.dumps({"record": dict(record), "changes": {}}, default=str),
            created_at=now,
            delivered_at=now,
        )
    )
    return event_id
