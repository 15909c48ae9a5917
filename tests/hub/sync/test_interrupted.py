"""A sync killed mid-run leaves the last complete state readable; the next run finishes the job."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from hub import HttpSettings, Hub
from hub.errors import SyncInProgress
from hub.serving import serve_in_thread
from hub.store import tables as t
from hub.sync.lease import Lease
from tests.tiny_hris.sandbox import Sandbox

from .helpers import snapshot

SYNC_SCRIPT = """
import sys
from hub import HttpSettings, Hub
settings = HttpSettings(sandbox_origins=frozenset({sys.argv[2]}), sync_workers=0)
hub = Hub(settings=settings, database_url=sys.argv[1])
hub.sync(sys.argv[3], force=True, full=True)
"""
"""The killed sync: a full one without read-ahead helpers, which reads each model in its turn (a change
feed's models are read side by side), so the test can kill it between Employee applied and Employment read."""


def _count(hub, table, **where):
    query = select(func.count()).select_from(table)
    for name, value in where.items():
        query = query.where(table.c[name] == value)
    with hub.store.engine.connect() as db:
        return db.execute(query).scalar_one()


@pytest.mark.e2e
def test_a_sync_killed_midway_is_finished_by_the_next_run(tmp_path):
    sandbox = Sandbox(employees=60, seed=3)
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    with serve_in_thread(sandbox.app) as base:
        hub = Hub(settings=HttpSettings(sandbox_origins=frozenset({base})), database_url=url)
        account = hub.link("tiny_hris", sandbox.credentials(base))
        hub.sync(account)
        employments_before = snapshot(hub, account, "employments")
        first_run = hub.store.sync_state.get(account.id, "Employee")["last_run_at"]
        summary = sandbox.tenant.advance(hires=3, changes=5, terminations=1)
        # Slow the provider down so the child is surely mid-run when it dies.
        sandbox.faults.update({"latency_ms": 300})

        child = subprocess.Popen([sys.executable, "-c", SYNC_SCRIPT, url, base, account.id])
        try:
            deadline = time.monotonic() + 30
            # Kill it once employees are applied and while employments are being read.
            while hub.store.sync_state.get(account.id, "Employee")["last_run_at"] == first_run:
                assert child.poll() is None, "the sync finished before it could be killed"
                assert time.monotonic() < deadline, "the child sync never got to employees"
                time.sleep(0.01)
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL

        # Readers see complete states: employees as applied, employments as before the dead run.
        assert snapshot(hub, account) == snapshot(hub, account, mode="live")
        assert snapshot(hub, account, "employments") == employments_before
        sandbox.faults.reset()

        # The dead worker's lease is taken over at once: the rerun needs no wait.
        report = hub.sync(account, force=True)

        assert report.status == "succeeded"
        for resource in ("employees", "employments", "time_off_balances"):
            assert snapshot(hub, account, resource) == snapshot(hub, account, resource, mode="live"), resource
        runs = sorted(run["status"] for run in hub.syncs(account))
        assert runs == ["interrupted", "succeeded", "succeeded"]
        # Each change recorded once: nothing lost, nothing duplicated by the rerun.
        with hub.store.engine.connect() as db:
            kinds = db.execute(select(t.events.c.type, t.events.c.record_id)).all()
        created = [r for r in kinds if r.type == "employee.created"]
        assert len(created) == len(summary.hired) == 3
        changes = [r for r in kinds if r.record_id is not None]
        assert len(set(changes)) == len(changes)
        # One account event per finished run; the killed run finished nothing.
        assert [r.type for r in kinds if r.record_id is None] == ["account.linked"] + ["account.synced"] * 2
        assert [r.type for r in kinds].count("employee.terminated") == 1


def test_one_account_is_synced_by_one_worker_at_a_time(hub, account):
    other = Lease(hub.store, account.id, ttl=timedelta(minutes=5))
    other.owner = "elsewhere.example:4242:abcd"  # a worker on another machine
    other.acquire()
    with pytest.raises(SyncInProgress) as caught:
        hub.sync(account)
    assert "elsewhere.example" in caught.value.message and caught.value.status == 409
    other.release()
    assert hub.sync(account).status == "succeeded"
    assert hub.accounts()[0].lease_owner is None


def test_an_expired_lease_is_taken_over(hub, account):
    stale = Lease(hub.store, account.id, ttl=timedelta(seconds=-1))
    stale.owner = "elsewhere.example:4242:abcd"
    stale.acquire()
    assert hub.sync(account).status == "succeeded"


def test_due_accounts_follow_each_accounts_schedule(hub, account):
    assert hub.store.leases.due() == [account.id]  # a new account is due at once
    hub.sync(account)
    assert hub.store.leases.due() == []
    # The interval, then up to 10% of it (at most an hour) of jitter, never sooner than asked.
    next_sync = hub.accounts()[0].next_sync_at
    assert (
        timedelta(hours=24)
        <= next_sync - hub.syncs(account)[0]["started_at"]
        <= timedelta(hours=25, minutes=1)
    )
    hub.set_options(account, {"sync_every_hours": 1})
    hub.sync(account, force=True)
    gap = hub.accounts()[0].next_sync_at - hub.syncs(account)[0]["started_at"]
    assert timedelta(hours=1) <= gap <= timedelta(hours=1, minutes=7)


def test_accounts_synced_together_fall_due_spread_out():
    """5,000 accounts synced in the same minute must not all fall due in the same minute again."""
    import random

    from hub.sync.lease import next_sync_in

    rng = random.Random(7)
    due = [next_sync_in(24, rng=rng) for _ in range(5000)]
    assert min(due) >= timedelta(hours=24)
    assert max(due) <= timedelta(hours=25)
    per_minute: dict[int, int] = {}
    for delay in due:
        minute = int(delay.total_seconds() // 60)
        per_minute[minute] = per_minute.get(minute, 0) + 1
    assert len(per_minute) == 60  # the spread covers the whole hour
    assert max(per_minute.values()) < 5000 / 60 * 1.6
