"""The API's syncs: each runs on the hub's own sync threads, never on the server's event loop.

A sync maps records and writes the store: CPU and database work that would stall every request if
it ran on the server's loop. Each runs to the end with :meth:`hub.hub.Hub.sync` on one of
:data:`SYNC_THREADS` threads the hub owns (named ``hrishub-sync``), each sync on an event loop of its
own; the route awaits it there (``wait=true``) or lets it run, its task kept referenced.
"""

import asyncio
import contextvars
import logging
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from hub.errors import AccountPaused, HubError, SyncInProgress
from hub.hub import Hub
from hub.sync import SyncReport

__all__ = ["SYNC_THREADS", "BackgroundSyncs"]

log = logging.getLogger("hub.api")

SYNC_THREADS = 4
"""How many syncs one API process runs at once; more wait for a thread."""


class BackgroundSyncs:
    """The background syncs of one app; the app waits for them (bounded) when it shuts down."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[Any]] = set()
        self.threads: ThreadPoolExecutor | None = None

    async def run(self, hub: Hub, account_id: str, *, full: bool, force: bool, run_id: str) -> SyncReport:
        """Run one sync to the end on a sync thread; its report."""
        if self.threads is None:
            self.threads = ThreadPoolExecutor(SYNC_THREADS, thread_name_prefix="hrishub-sync")
        # In the request's context: its trace, request id and customer follow the sync into its thread.
        context = contextvars.copy_context()
        work = partial(context.run, hub.sync, account_id, full=full, force=force, run_id=run_id)
        return await asyncio.get_running_loop().run_in_executor(self.threads, work)

    def start(self, hub: Hub, account_id: str, *, full: bool, force: bool, run_id: str) -> asyncio.Task[Any]:
        """Start one sync on a sync thread; the task, kept until it ends."""
        task = asyncio.create_task(
            self.run(hub, account_id, full=full, force=force, run_id=run_id), name=f"hrishub-sync-{run_id}"
        )
        self.tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if isinstance(exc, SyncInProgress | AccountPaused):
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
        if self.tasks:
            _, pending = await asyncio.wait(set(self.tasks), timeout=timeout)
            if pending:
                log.warning("%d background sync(s) still running at shutdown", len(pending))
        if self.threads is not None:
            self.threads.shutdown(wait=False, cancel_futures=True)
            self.threads = None


def _recorded(hub: Hub, run_id: str) -> bool:
    try:
        hub.store.runs.get(run_id)
    except HubError:
        return False
    return True
