"""Syncs and deliveries as jobs of the PostgreSQL task queue, run by a worker in this process."""

import asyncio

import pytest

from hub import Hub
from hub.errors import SyncInProgress
from hub.queue import uses_queue
from hub.queue.queue import JobQueue
from hub.sync import new_run_id
from tests.tiny_hris.sandbox import Sandbox


@pytest.fixture
def sandbox():
    return Sandbox(employees=30, seed=5)


@pytest.fixture
def hub(postgres_url, sandbox):
    hub = Hub(transport=sandbox.transport(), database_url=postgres_url)
    yield hub
    hub.close()


def test_the_queue_is_used_on_postgresql_only(postgres_url, tmp_path, monkeypatch):
    assert uses_queue(postgres_url)
    assert not uses_queue(f"sqlite:///{tmp_path / 'hub.db'}")
    monkeypatch.setenv("HRISHUB_QUEUE", "off")
    assert not uses_queue(postgres_url)


async def test_a_queued_sync_runs_on_a_worker_and_its_run_goes_queued_then_succeeded(hub, sandbox):
    account = await asyncio.to_thread(hub.link, "tiny_hris", sandbox.credentials())
    run_id = new_run_id()
    async with JobQueue(hub) as queue:
        await queue.defer_sync(account.id, full=False, force=False, run_id=run_id)
        assert hub.store.runs.get(run_id)["status"] == "queued"
        depth = dict(((q, s), n) for q, s, n in await queue.depth())
        assert depth[("syncs", "todo")] == 1
        # A second request while one waits is refused, and its run says why.
        with pytest.raises(SyncInProgress):
            await queue.defer_sync(account.id, full=False, force=False, run_id=new_run_id())
        await queue.work(wait=False)
    run = hub.store.runs.get(run_id)
    assert run["status"] == "succeeded"
    assert hub.store.sync_state.count_records(account.id, "Employee") == 30


async def test_a_scheduled_sync_is_dropped_when_a_sync_ran_before_a_worker_reached_it(hub, sandbox):
    account = await asyncio.to_thread(hub.link, "tiny_hris", sandbox.credentials())
    assert hub.store.leases.is_due(account.id)  # a new account is due at once
    async with JobQueue(hub) as queue:
        assert await queue.schedule_due() == 1
        # Before a worker reaches the scheduled job, the account is synced another way.
        await asyncio.to_thread(hub.sync, account.id)
        assert not hub.store.leases.is_due(account.id)
        await queue.work(wait=False)
    # Only the hand sync ran: the scheduled job saw the account no longer due.
    assert [r["status"] for r in hub.store.runs.latest(account.id)] == ["succeeded"]
