"""The hub's task queue as its processes use it: the API defers syncs, workers run jobs, metrics read it."""

from __future__ import annotations

import asyncio
import os
import socket
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from sqlalchemy.engine import make_url

from hub.errors import SyncInProgress
from hub.queue.jobs import SYNC_QUEUE, WEBHOOK_QUEUE, build_app, defer_deliveries, defer_sync, schedule_due

if TYPE_CHECKING:
    from hub.hub import Hub

__all__ = ["DEPTH_STATUSES", "JobQueue", "conninfo_of"]

DEPTH_STATUSES = ("todo", "doing", "failed")
"""The job statuses :meth:`JobQueue.depth` counts."""


def conninfo_of(database_url: str) -> str:
    """The libpq connection string of a SQLAlchemy PostgreSQL URL (``postgresql+psycopg://…``)."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class JobQueue:
    """The task queue in the hub's own PostgreSQL: open it (``async with``), then defer or work."""

    def __init__(self, hub: Hub, *, pool_size: int = 10) -> None:
        self.hub = hub
        self.app = build_app(conninfo_of(hub.store.url), pool_size=pool_size)

    async def __aenter__(self) -> Self:
        await self.app.open_async()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.app.close_async()

    async def defer_sync(self, account_id: str, *, full: bool, force: bool, run_id: str) -> None:
        """Queue a sync the caller follows as run ``run_id`` (recorded ``queued`` until a worker starts it).

        A sync asked for while one runs waits for it (the job's lock keeps them apart), so what changed
        since that one started is read too. Raises :class:`hub.errors.SyncInProgress` when a sync of the
        account already waits in the queue: one waits at a time.
        """
        kind = "full" if full else "auto"
        await asyncio.to_thread(self.hub.store.runs.queue, run_id, account_id, kind=kind)
        job = await defer_sync(self.app, account_id, full=full, force=force, run_id=run_id)
        if job is None:
            await asyncio.to_thread(self.hub.store.runs.settle_queued, run_id, "skipped")
            raise SyncInProgress(f"A sync of account {account_id} is already waiting in the queue.")

    async def schedule_due(self) -> int:
        """Queue a sync of every account due now; how many were queued (not counting those waiting)."""
        return await schedule_due(self.app, self.hub)

    async def defer_deliveries(self) -> None:
        """Queue a webhook delivery job (unless one waits already)."""
        await defer_deliveries(self.app)

    async def depth(self) -> list[tuple[str, str, int]]:
        """Jobs per queue and status (``todo``, ``doing``, ``failed``…), for metrics and the operator."""
        rows = await self.app.job_manager.list_queues_async()
        # The hub's own queues always, at zero when empty: a gauge that vanishes cannot be alerted on.
        found = {(queue, status): 0 for queue in (SYNC_QUEUE, WEBHOOK_QUEUE) for status in DEPTH_STATUSES}
        for row in rows:
            stats: dict[str, Any] = row.get("stats", row)
            for status in DEPTH_STATUSES:
                found[(str(row["name"]), status)] = int(stats.get(status, 0) or 0)
        return [(queue, status, jobs) for (queue, status), jobs in found.items()]

    async def work(self, *, concurrency: int = 4, name: str | None = None, wait: bool = True) -> None:
        """Run jobs until stopped (SIGINT/SIGTERM end it gracefully), or until the queues are empty.

        ``concurrency`` jobs run at once in this process; each sync on a thread of its own.
        """
        await self.app.run_worker_async(
            concurrency=concurrency,
            name=name or f"{socket.gethostname()}:{os.getpid()}",
            wait=wait,
            additional_context={"hub": self.hub},
            install_signal_handlers=wait,
            # Jobs finished by then are kept; a stop waits for running syncs a minute, then aborts them.
            shutdown_graceful_timeout=60.0,
            delete_jobs="successful",
        )
