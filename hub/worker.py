"""The in-process worker: runs each account's sync when it is due, one worker per account at a time.

Several workers may share one store (PostgreSQL): each sync takes the account's lease in the
database first (:mod:`hub.sync.lease`), so an account is never synced by two workers at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hub.errors import AccountPaused, HubError, NotFound, SyncInProgress

if TYPE_CHECKING:
    from hub.hub import Hub
    from hub.sync import SyncReport

__all__ = ["run_due", "run_worker"]

log = logging.getLogger(__name__)


async def run_due(hub: Hub, *, on_report: Callable[[SyncReport], Any] | None = None) -> int:
    """Sync every account that is due now, one after another; returns how many were synced.

    Paused accounts are never due; one paused or deleted after the query is skipped without a word.
    """
    done = 0
    for account_id in hub.store.leases.due():
        try:
            report = await hub.async_sync(account_id)
        except SyncInProgress:
            continue  # another worker took it between the query and the lease
        except (AccountPaused, NotFound):
            continue  # paused or deleted since the query
        except HubError as exc:
            log.warning("sync of %s could not start: %s", account_id, exc)
            continue
        done += 1
        if on_report is not None:
            on_report(report)
    return done


async def run_worker(
    hub: Hub,
    *,
    poll_seconds: float = 30.0,
    once: bool = False,
    on_report: Callable[[SyncReport], Any] | None = None,
    deliver_webhooks: bool = True,
) -> None:
    """Poll for due accounts every ``poll_seconds`` and sync them, until cancelled (or once).

    With ``deliver_webhooks`` it also delivers webhooks meanwhile (once: what is due after the syncs).
    """
    dispatcher = hub.webhook_dispatcher() if deliver_webhooks else None
    deliveries = (
        asyncio.create_task(dispatcher.run(), name="hrishub-webhooks")
        if dispatcher is not None and not once
        else None
    )
    try:
        while True:
            await run_due(hub, on_report=on_report)
            if once:
                if dispatcher is not None:
                    await dispatcher.deliver_due()
                return
            await asyncio.sleep(poll_seconds)
    finally:
        if deliveries is not None:
            deliveries.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await deliveries
