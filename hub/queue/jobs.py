"""The hub's jobs on procrastinate: sync an account, deliver webhooks, and the periodic ones that feed them.

- ``hrishub.sync``: one account's sync, on queue ``syncs``, under the lock ``account:<id>`` (the queue
  never runs two jobs of one account at once) and the queueing lock ``sync:<id>`` (at most one waits).
- ``hrishub.deliver``: the webhook deliveries due now, on queue ``webhooks``; at most one waits.
- ``hrishub.schedule`` (every 30 s): a sync job for each account that is due (its ``next_sync_at``
  passed, lease free, not paused); schedules are spread by :func:`hub.sync.lease.next_sync_in`.
- ``hrishub.deliver-due`` (every 10 s): a delivery job, for retries whose time came.
- ``hrishub.retry-stalled`` (every 5 s): jobs whose worker stopped sending heartbeats (killed, lost its
  machine) go back to the queue; the retry takes over the dead attempt's lease and resumes.

Periodic jobs are deferred by every worker but each tick once (procrastinate's periodic defers are
unique per tick), so adding workers adds no duplicate schedule.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

from procrastinate import App, JobContext, PsycopgConnector, RetryStrategy
from procrastinate.exceptions import AlreadyEnqueued

from hub.env_settings import positive_number
from hub.errors import AccountPaused, HubError, NotFound, StorageError, SyncInProgress
from hub.observability.logs import bound
from hub.sync.lease import JOB

if TYPE_CHECKING:
    from hub.hub import Hub

__all__ = [
    "DELIVER_TASK",
    "STALLED_AFTER_SECONDS",
    "STALLED_SETTING",
    "SYNC_QUEUE",
    "SYNC_TASK",
    "WEBHOOK_QUEUE",
    "build_app",
    "defer_deliveries",
    "defer_sync",
    "schedule_due",
]

log = logging.getLogger("hub.queue")

SYNC_QUEUE = "syncs"
WEBHOOK_QUEUE = "webhooks"
SYNC_TASK = "hrishub.sync"
DELIVER_TASK = "hrishub.deliver"
STALLED_SETTING = "HRISHUB_WORKER_STALLED_SECONDS"
"""The operator setting: a worker silent this long is taken for dead (default 20 s); it sends a
heartbeat four times as often."""
STALLED_AFTER_SECONDS = 20.0


def _hub(context: JobContext) -> Hub:
    return context.additional_context["hub"]  # type: ignore[no-any-return]


async def defer_sync(
    app: App,
    account_id: str,
    *,
    full: bool = False,
    force: bool = False,
    run_id: str | None = None,
    scheduled: bool = False,
) -> int | None:
    """Queue a sync of ``account_id``; its job id, or ``None`` when one is already waiting.

    A ``scheduled`` job (the schedule found the account due) runs only if the account is still due
    when a worker starts it.
    """
    try:
        return await app.configure_task(
            SYNC_TASK, lock=f"account:{account_id}", queueing_lock=f"sync:{account_id}", queue=SYNC_QUEUE
        ).defer_async(account_id=account_id, full=full, force=force, run_id=run_id, scheduled=scheduled)
    except AlreadyEnqueued:
        return None


async def defer_deliveries(app: App) -> None:
    """Queue a webhook delivery job unless one is already waiting."""
    with contextlib.suppress(AlreadyEnqueued):
        await app.configure_task(DELIVER_TASK, queueing_lock="deliver", queue=WEBHOOK_QUEUE).defer_async()


async def schedule_due(app: App, hub: Hub) -> int:
    """Queue a sync of every account due now; how many were queued (not counting those already waiting)."""
    queued = 0
    for account_id in await asyncio.to_thread(hub.store.leases.due):
        if await defer_sync(app, account_id, scheduled=True) is not None:
            queued += 1
    return queued


def build_app(conninfo: str, *, pool_size: int = 10) -> App:
    """A procrastinate app on the PostgreSQL at ``conninfo`` with the hub's jobs registered."""
    stalled = positive_number(STALLED_SETTING, STALLED_AFTER_SECONDS, unit="seconds")
    app = App(
        connector=PsycopgConnector(conninfo=conninfo, min_size=1, max_size=pool_size),
        worker_defaults={"update_heartbeat_interval": stalled / 4, "stalled_worker_timeout": stalled},
    )

    @app.task(
        name=SYNC_TASK,
        queue=SYNC_QUEUE,
        pass_context=True,
        # The database dropping out mid-sync: try again after a minute (the run resumes).
        retry=RetryStrategy(max_attempts=3, wait=60, retry_exceptions={StorageError}),
    )
    async def sync_account(
        context: JobContext,
        account_id: str,
        full: bool = False,
        force: bool = False,
        run_id: str | None = None,
        scheduled: bool = False,
    ) -> str:
        hub = _hub(context)
        # The schedule saw the account due, but a sync may have run since: the one the job waited
        # behind (started by hand just as the schedule ticked) already moved next_sync_at.
        if scheduled and not await asyncio.to_thread(hub.store.leases.is_due, account_id):
            log.info("scheduled sync of %s dropped: no longer due", account_id)
            return "not due"
        token = JOB.set(f"job-{context.job.id}")
        try:
            # The sync maps and writes on a thread of its own: the worker's loop keeps its heartbeat.
            with bound(job_id=context.job.id, account_id=account_id):
                report = await asyncio.to_thread(
                    hub.sync, account_id, full=full, force=force, run_id=_fresh(hub, run_id)
                )
        except (SyncInProgress, AccountPaused, NotFound) as exc:
            if run_id is not None:
                await asyncio.to_thread(hub.store.runs.settle_queued, run_id, "skipped")
            log.info("sync of %s skipped: %s", account_id, exc.message)
            return "skipped"
        finally:
            JOB.reset(token)
        await defer_deliveries(context.app)
        return report.status

    @app.task(name=DELIVER_TASK, queue=WEBHOOK_QUEUE, pass_context=True)
    async def deliver(context: JobContext) -> int:
        with bound(job_id=context.job.id):
            return await _hub(context).webhook_dispatcher().deliver_due()

    @app.periodic(cron="* * * * * */30", periodic_id="schedule")
    @app.task(name="hrishub.schedule", queue=SYNC_QUEUE, pass_context=True, queueing_lock="schedule")
    async def schedule(context: JobContext, timestamp: int) -> int:
        return await schedule_due(context.app, _hub(context))

    @app.periodic(cron="* * * * * */10", periodic_id="deliver-due")
    @app.task(name="hrishub.deliver-due", queue=WEBHOOK_QUEUE, pass_context=True, queueing_lock="deliver-due")
    async def deliver_due(context: JobContext, timestamp: int) -> None:
        await defer_deliveries(context.app)

    @app.periodic(cron="* * * * * */5", periodic_id="retry-stalled")
    @app.task(name="hrishub.retry-stalled", queue=SYNC_QUEUE, pass_context=True, queueing_lock="stalled")
    async def retry_stalled(context: JobContext, timestamp: int) -> int:
        manager = context.app.job_manager
        lost = list(await manager.get_stalled_jobs(seconds_since_heartbeat=stalled))
        for job in lost:
            log.warning("job %s (%s) lost its worker: back to the queue", job.id, job.task_name)
            await manager.retry_job(job)
        return len(lost)

    return app


def _fresh(hub: Hub, run_id: str | None) -> str | None:
    """The run id to use: a retried job's first attempt already used (and interrupted) its own."""
    if run_id is None:
        return None
    try:
        run: dict[str, Any] = hub.store.runs.get(run_id)
    except HubError:
        return run_id
    return run_id if run["status"] == "queued" else None
