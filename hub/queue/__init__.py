"""Syncs and webhook deliveries as jobs of a PostgreSQL task queue (procrastinate) that many workers share.

With PostgreSQL as the store, scheduled syncs, syncs started through the API and webhook deliveries
are jobs in the store's own database: no extra broker. Any number of ``hrishub worker`` processes on
any number of machines take them. A sync job holds its account's queue lock (never two at once) and
the account's lease; a worker killed mid-sync has its job retried by another once its heartbeat stops,
and the retry resumes from what the store committed. On SQLite, ``hrishub worker`` keeps its
in-process loop (:mod:`hub.worker`).
"""

from __future__ import annotations

import os

from hub.errors import InvalidSetting

__all__ = ["QUEUE_SETTING", "uses_queue"]

QUEUE_SETTING = "HRISHUB_QUEUE"
"""``on`` (the default): syncs and deliveries are queue jobs on a PostgreSQL store; ``off``: in-process."""


def uses_queue(database_url: str) -> bool:
    """Whether the hub on ``database_url`` runs its syncs and deliveries through the task queue."""
    choice = os.environ.get(QUEUE_SETTING, "").strip().lower() or "on"
    if choice not in {"on", "off"}:
        raise InvalidSetting(
            QUEUE_SETTING,
            f"is {choice!r}, not 'on' or 'off'.",
            remedy=f"Set {QUEUE_SETTING}=on (jobs for every worker, PostgreSQL only) or off (in-process).",
        )
    return choice == "on" and database_url.startswith("postgresql")
