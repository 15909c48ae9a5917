"""What a webhook delivery carries: the event as JSON, in the Standard Webhooks envelope.

The body is ``{"type", "timestamp", "data"}`` (the layout the Standard Webhooks specification
recommends); ``data`` is the event: its stable ``id`` (also the ``webhook-id`` header, the same on
every retry so a receiver can drop duplicates), the account, the record after the change, and for
``*.updated`` events each changed field's ``before`` and ``after``. Sensitive fields never appear
unless the account's ``include_sensitive`` option was on when the event was recorded.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from unified_models.scalars import format_instant

__all__ = ["Change", "EventData", "WebhookPayload", "event_body"]


class Change(BaseModel):
    """One changed field of an ``*.updated`` event."""

    before: Any = Field(description="The value before the change (null when it had none).")
    after: Any = Field(description="The value after the change (null when it was cleared).")


class EventData(BaseModel):
    """The event itself."""

    id: str = Field(description="The event's stable id (also the `webhook-id` header).")
    account_id: str | None = Field(
        description="The linked account the event belongs to (null for an event of the customer's, such as "
        "`webhook_endpoint.disabled`)."
    )
    record_id: str | None = Field(description="The hub id of the record that changed, if any.")
    record: dict[str, Any] | None = Field(description="The unified record after the change.")
    changes: dict[str, Change] = Field(description="For `*.updated`: each changed field, before and after.")
    occurred_at: str = Field(description="When the hub recorded the change (RFC 3339, UTC).")


class WebhookPayload(BaseModel):
    """The body of every delivery."""

    type: str = Field(
        description="The event type, e.g. `employee.terminated`.", examples=["employee.updated"]
    )
    timestamp: str = Field(description="When the event was recorded (RFC 3339, UTC).")
    data: EventData


def event_data(row: Any, stored: dict[str, Any]) -> dict[str, Any]:
    """An ``events`` row as the ``data`` of a delivery (and of ``GET /v1/events``).

    ``stored`` is the row's payload, parsed, its sealed values opened.
    """
    changes = {
        name: {"before": pair[0], "after": pair[1]} for name, pair in stored.get("changes", {}).items()
    }
    created: datetime = row.created_at
    return {
        "id": row.id,
        "account_id": row.account_id,
        "record_id": row.record_id,
        "record": stored.get("record"),
        "changes": changes,
        "occurred_at": format_instant(created),
    }


def event_body(row: Any, stored: dict[str, Any]) -> bytes:
    """The exact bytes a delivery of the event in ``row`` (payload ``stored``) sends and signs."""
    data = event_data(row, stored)
    body = {"type": row.type, "timestamp": data["occurred_at"], "data": data}
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False, default=str).encode()
