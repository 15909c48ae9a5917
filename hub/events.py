"""The change events a sync emits through the ``sync_event`` hook."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

__all__ = ["EVENT_TYPES", "SyncEvent"]

EVENT_TYPES = frozenset(
    {
        "account.linked",
        "account.synced",
        "account.needs_attention",
        "account.deleted",
        "sync.failed",
        "employee.created",
        "employee.updated",
        "employee.terminated",
        "employee.deleted",
        "employment.created",
        "employment.updated",
        "employment.deleted",
        "time_off_balance.created",
        "time_off_balance.updated",
        "time_off_balance.deleted",
        "webhook_endpoint.disabled",
    }
)
"""Every event type the hub emits."""


@dataclass(frozen=True, kw_only=True)
class SyncEvent:
    """One change found by a sync (or an account linked), as delivered to ``sync_event`` listeners.

    ``record`` is the unified record after the change (a JSON-ready dict); ``changes`` maps each
    changed unified field to ``(before, after)`` for ``*.updated`` events.
    """

    type: str
    account_id: str
    id: str = ""
    connector: str
    record_id: str | None = None
    record: Mapping[str, Any] | None = None
    changes: Mapping[str, tuple[Any, Any]] = field(default_factory=dict)
    occurred_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        if self.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}; expected one of {sorted(EVENT_TYPES)}")
