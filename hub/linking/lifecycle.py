"""An account's life after linking: pause and resume its syncs, delete it with everything stored for it.

Deleting takes the account's sync lease first, so it never races a running sync: while one runs the
deletion is refused with :class:`hub.errors.SyncInProgress` (retry once it has finished). The
account then leaves a tombstone (see :mod:`hub.store.accounts`) and one ``account.deleted`` event,
recorded in the events outbox and announced to ``sync_event`` listeners.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hub.events import SyncEvent
from hub.store import utcnow
from hub.store.events import new_event_id
from hub.sync.lease import Lease
from unified_models import format_instant

if TYPE_CHECKING:
    from hub.context import HubContext
    from hub.store import AccountRow

__all__ = ["delete_account", "pause_account", "resume_account"]


def delete_account(context: HubContext, account_id: str, *, customer_id: str | None = None) -> None:
    """Delete the account: credentials, records (raw data too), sync state and runs, events; announce it.

    ``customer_id`` limits it to that customer's accounts. Raises :class:`hub.errors.NotFound` for an
    unknown or already deleted account, :class:`hub.errors.SyncInProgress` while a sync runs.
    """
    store = context.store
    row = store.accounts.row(account_id, customer_id=customer_id)
    lease = Lease(store, account_id)
    lease.acquire()
    now = utcnow()
    event_id = new_event_id()
    record = {"id": account_id, "connector": row.connector, "deleted_at": format_instant(now)}
    try:
        store.accounts.delete(account_id, lease_owner=lease.owner, record=record, now=now, event_id=event_id)
    finally:
        lease.release()  # a no-op once deleted (the tombstone holds no lease)
    context.registry.announce(
        SyncEvent(
            id=event_id,
            type="account.deleted",
            account_id=account_id,
            connector=row.connector,
            record=record,
            occurred_at=now,
        )
    )


def pause_account(context: HubContext, account_id: str, *, customer_id: str | None = None) -> AccountRow:
    """Pause the account's syncs (a running one finishes); its stored data stays readable."""
    return context.store.accounts.pause(account_id, customer_id=customer_id)


def resume_account(context: HubContext, account_id: str, *, customer_id: str | None = None) -> AccountRow:
    """Resume a paused account with the status it had; a sync that fell due meanwhile runs next."""
    return context.store.accounts.resume(account_id, customer_id=customer_id)
