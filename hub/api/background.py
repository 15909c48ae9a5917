"""Syncs the API started without waiting: each runs in a worker thread, its task kept referenced."""

import asyncio
import logging
from typing import Any

from hub.errors import HubError, SyncInProgress
from hub.hub import Hub

__all__ = ["BackgroundSyncs"]

log = logging.getLogger("hub.api")


class BackgroundSyncs:
    """The background syncs of one app; the app waits for them (bounded) when it shuts down."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[Any]] = set()

    def start(self, hub: Hub, account_id: str, *, full: bool, force: bool, run_id: str) -> asyncio.Task[Any]:
        """Run ``hub.sync`` in a thread (never on the event loop); the task, kept until it ends."""
        task = asyncio.create_task(
            asyncio.to_thread(hub.sync, account_id, full=full, force=force, run_id=run_id),
            name=f"hrishub-sync-{run_id}",
        )
        self.tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if isinstance(exc, SyncInProgress):
            return  # answered as 409 by the request that started it
        if isinstance(exc, HubError):
            log.warning("background sync %s could not run: %s", task.get_name(), exc.message)
        elif exc is not None:
            log.error("background sync %s failed", task.get_name(), exc_info=exc)

    async def started(self, hub: Hub, task: asyncio.Task[Any], run_id: str, *, timeout: float = 10.0) -> None:
        """Return once run ``run_id`` is recorded or its task ended (then re-raise what stopped it)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not task.done() and loop.time() < deadline:
            if await asyncio.to_thread(_recorded, hub, run_id):
                return
            await asyncio.wait({task}, timeout=0.01)
        if task.done() and not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]

    async def drain(self, timeout: float = 60.0) -> None:
        """Wait for running syncs to end (up to ``timeout`` seconds), so none is cut off mid-run."""
        if not self.tasks:
            return
        _, pending = await asyncio.wait(set(self.tasks), timeout=timeout)
        if pending:
            log.warning("%d background sync(s) still running at shutdown", len(pending))


def _recorded(hub: Hub, run_id: str) -> bool:
    try:
        hub.store.run(run_id)
    except HubError:
        return False
    return True
