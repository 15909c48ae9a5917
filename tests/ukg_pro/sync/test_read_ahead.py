"""A sync whose later models are read by forked helper processes stores and reports what one alone does.

With ``sync_workers=1`` (or unset, where a fork is safe) helpers read models ahead (mapping, hashing, compressing and sealing) while
the syncing process reads and applies the others, in sync order. Every model of the sandbox tenant is
synced, pay and banking ones (sealed raw data) included, and compared row by row with sealed values
opened; so are the reports.
"""

import asyncio
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select

from connectors.ukg_pro.sandbox import run_server
from hub import HttpSettings, Hub
from hub.env_settings import count
from hub.errors import InvalidSetting
from hub.hub import sync_workers_from_env
from hub.store import tables as t
from hub.store.codec import unpack_raw
from hub.sync import apply as apply_module
from hub.sync import read_ahead, runner
from hub.sync.runner import SyncRun


def _sync(
    sandbox, tmp_path, name: str, workers: int | None, base_url: str | None = None
) -> tuple[dict, dict, dict[str, Any]]:
    """Two syncs (a first, then a full one again), in process or (``base_url``) over loopback HTTP."""
    if base_url is None:
        settings = HttpSettings(transport=sandbox.transport(), retry_initial_wait=0.001, sync_workers=workers)
    else:
        settings = HttpSettings(
            sandbox_origins=frozenset({base_url}), retry_initial_wait=0.001, sync_workers=workers
        )
    hub = Hub(settings=settings, database_url=f"sqlite:///{tmp_path / name}")
    try:
        credentials = sandbox.credentials() if base_url is None else sandbox.credentials(base_url)
        account = hub.link("ukg_pro", credentials)
        report = hub.sync(account)
        assert report.status == "succeeded", report.errors
        first = _stored(hub, account.id)
        # A second full read over the same provider data changes nothing, whoever packs it.
        again = hub.sync(account, full=True)
        assert again.events == 0
        assert all(m.created == m.updated == m.deleted == 0 for m in again.models.values())
        assert _stored(hub, account.id) == first
        counts = {
            f"{name}.{field}": getattr(model, field)
            for name, model in report.models.items()
            for field in ("read", "created", "failed", "problems", "warnings", "joins", "complete")
        }
        return first, {name: model.fill for name, model in report.models.items()}, counts
    finally:
        hub.close()


def _stored(hub: Hub, account_id: str) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Every stored record by (model, id): remote id, hash, data and raw data, sealed values opened."""
    seal = hub.store.seal
    with hub.store.engine.connect() as db:
        rows = db.execute(select(t.records).where(t.records.c.account_id == account_id)).all()
    stored = {}
    for row in rows:
        raw = None if row.raw is None else seal.open_raw(row.id, unpack_raw(row.raw))
        stored[(row.model, row.id)] = (row.remote_id, row.hash, seal.open_text(row.data), raw, row.deleted)
    return stored


def _synced_once(sandbox, path, models: tuple[str, ...], workers: int) -> tuple[Any, dict]:
    """One first sync of ``models`` in process: its report and what it stored (:func:`_stored`)."""
    hub = Hub(
        transport=sandbox.transport(),
        settings=HttpSettings(retry_initial_wait=0.001, sync_workers=workers),
        database_url=f"sqlite:///{path}",
    )
    try:
        account = hub.link("ukg_pro", sandbox.credentials())
        report = hub.sync(account, models=models)
        return report, _stored(hub, account.id)
    finally:
        hub.close()


@pytest.fixture
def forked(monkeypatch) -> list[int]:
    """How many helpers each sync of the test forked."""
    counts: list[int] = []
    start = read_ahead.Helper.__init__

    def counting(self, read, *more) -> None:
        counts.append(1)
        start(self, read, *more)

    monkeypatch.setattr(read_ahead.Helper, "__init__", counting)
    return counts


def test_models_read_by_helpers_are_stored_and_reported_as_models_read_here(
    sandbox, tmp_path, forked
) -> None:
    here = _sync(sandbox, tmp_path, "here.db", workers=0)
    assert not forked
    helped = _sync(sandbox, tmp_path, "helped.db", workers=1)
    assert len(forked) >= 4  # helpers read models of both syncs
    stored, stored_here = helped[0], here[0]
    assert {model for model, _ in stored} >= {"Employee", "BankInfo", "EmployeePayrollRun", "TimeOffBalance"}
    assert stored == stored_here
    assert helped[1:] == here[1:]  # fill rates, counts, warnings and joins of the reports


async def _failing(self, chain, stagers, send) -> None:
    raise RuntimeError("the helper broke")


def _dying(self, chain, stagers, send) -> None:
    os._exit(3)  # a helper killed mid-read (out of memory, a signal)


@pytest.mark.parametrize("failure", [_failing, _dying], ids=["raises", "dies"])
def test_a_model_a_helper_failed_to_read_is_read_here_and_nothing_is_lost(
    sandbox, tmp_path, forked, monkeypatch, caplog, failure
) -> None:
    here = _sync(sandbox, tmp_path, "here.db", workers=0)
    monkeypatch.setattr(SyncRun, "_read_in_helper", failure)
    with caplog.at_level(logging.WARNING, logger="hub.sync.runner"):
        helped = _sync(sandbox, tmp_path, "helped.db", workers=1)
    assert forked
    assert "the read-ahead helper stopped" in caplog.text
    assert helped == here


def test_a_helpers_progress_reaches_the_callers_progress_as_it_reads(sandbox, tmp_path, forked) -> None:
    """The CLI's bars advance for models a helper reads, as for models read here."""
    seen: dict[str, list[tuple[str, int | None]]] = {}

    def progress(model: str, stage: str, info: dict) -> None:
        read = info["read"] if stage == "advance" else info["report"].read if stage == "done" else None
        seen.setdefault(model, []).append((stage, read))

    hub = Hub(
        transport=sandbox.transport(),
        settings=HttpSettings(retry_initial_wait=0.001, sync_workers=1),
        database_url=f"sqlite:///{tmp_path / 'hub.db'}",
    )
    try:
        report = hub.sync(hub.link("ukg_pro", sandbox.credentials()), progress=progress)
    finally:
        hub.close()
    assert forked and report.status == "succeeded"
    for model, stages in seen.items():
        read = report.models[model].read
        assert stages[0][0] == "start" and stages[-1] == ("done", read), (model, stages)
        advances = [n for stage, n in stages[1:-1] if stage == "advance"]
        if read:
            assert advances and advances[-1] == read and advances == sorted(advances), (model, stages)


def test_the_lease_is_kept_while_this_process_waits_for_a_helper(
    sandbox, tmp_path, forked, monkeypatch
) -> None:
    """A helper reading for longer than the lease lasts must not let another worker take the account."""
    monkeypatch.setattr(runner, "Lease", partial(runner.Lease, ttl=timedelta(seconds=1)))
    helper_read = SyncRun._read_in_helper

    async def slow(self, chain, stagers, send) -> None:
        await asyncio.sleep(2.5)  # a long first page: this process has nothing left to read meanwhile
        await helper_read(self, chain, stagers, send)

    monkeypatch.setattr(SyncRun, "_read_in_helper", slow)
    hub = Hub(
        transport=sandbox.transport(),
        settings=HttpSettings(retry_initial_wait=0.001, sync_workers=1),
        database_url=f"sqlite:///{tmp_path / 'hub.db'}",
    )
    account = hub.link("ukg_pro", sandbox.credentials())
    lapsed: list[float] = []
    held: list[bool] = []
    done = threading.Event()

    def watch() -> None:
        a = t.accounts.c
        while not done.is_set():
            with hub.store.engine.connect() as db:
                owner, expires = db.execute(
                    select(a.lease_owner, a.lease_expires_at).where(a.id == account.id)
                ).one()
            if owner is not None:
                held.append(True)
                lapsed.append((datetime.now(UTC) - expires).total_seconds())
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        report = hub.sync(account)
    finally:
        done.set()
        watcher.join()
        hub.close()
    assert forked and report.status == "succeeded"
    assert len(held) > 100  # watched through the helper's wait
    assert max(lapsed) < 0, f"the lease lapsed for {max(lapsed):.2f} s while the sync ran"


def test_the_number_of_helpers_comes_from_the_environment_and_a_bad_one_is_refused(monkeypatch) -> None:
    assert sync_workers_from_env() is None  # unset: the hub's choice
    monkeypatch.setenv("HRISHUB_SYNC_WORKERS", "auto")
    assert Hub(plugins=(), database_url="sqlite://").settings.sync_workers is None
    monkeypatch.setenv("HRISHUB_SYNC_WORKERS", "0")
    assert Hub(plugins=(), database_url="sqlite://").settings.sync_workers == 0
    monkeypatch.setenv("HRISHUB_SYNC_WORKERS", "2")
    assert count("HRISHUB_SYNC_WORKERS", 0) == 2
    assert Hub(plugins=(), database_url="sqlite://").settings.sync_workers == 2
    monkeypatch.setenv("HRISHUB_SYNC_WORKERS", "two")
    with pytest.raises(InvalidSetting) as refused:
        sync_workers_from_env()
    assert "HRISHUB_SYNC_WORKERS" in str(refused.value) and "'two'" in str(refused.value)
    assert "whole number" in refused.value.remedy


@pytest.fixture
def served(sandbox) -> Iterator[str]:
    """The sandbox over real HTTP on loopback: a helper's client reaches the same tenant."""
    with run_server(sandbox) as base_url:
        yield base_url


@pytest.fixture
def one_thread(monkeypatch) -> None:
    """This process as the hub sees it before a fork: one thread (pytest -n adds execnet's, the
    served sandbox uvicorn's), two cores."""
    monkeypatch.setattr(runner, "fork_is_safe", lambda: True)
    monkeypatch.setattr(runner, "usable_cpus", lambda: 2)


def test_unset_a_helper_reads_ahead_where_a_fork_is_safe_and_two_cores_are_there(
    sandbox, served, tmp_path, forked, one_thread
) -> None:
    here = _sync(sandbox, tmp_path, "here.db", workers=0, base_url=served)
    helped = _sync(sandbox, tmp_path, "helped.db", workers=None, base_url=served)
    assert len(forked) >= 4
    assert helped == here


def test_unset_no_helper_on_one_core(sandbox, served, tmp_path, forked, one_thread, monkeypatch) -> None:
    monkeypatch.setattr(runner, "usable_cpus", lambda: 1)
    _sync(sandbox, tmp_path, "hub.db", workers=None, base_url=served)
    assert not forked


def test_unset_no_helper_with_an_in_process_transport(sandbox, tmp_path, forked, one_thread) -> None:
    """A test's mock or ASGI transport keeps its state here: a helper would read from a copy of it."""
    _sync(sandbox, tmp_path, "hub.db", workers=None)
    assert not forked


def test_unset_once_another_thread_runs_no_more_helpers_are_forked_and_nothing_is_lost(
    sandbox, served, tmp_path, forked, one_thread, monkeypatch
) -> None:
    """A thread the host starts mid-sync: the helper already forked finishes, the rest is read here."""
    here = _sync(sandbox, tmp_path, "here.db", workers=0, base_url=served)
    safe = iter([True, True])  # the run's decision and its first fork; then another thread runs
    monkeypatch.setattr(runner, "fork_is_safe", lambda: next(safe, False))
    helped = _sync(sandbox, tmp_path, "helped.db", workers=None, base_url=served)
    assert len(forked) == 1
    assert helped == here


def test_a_fork_is_safe_only_while_one_thread_runs(tmp_path) -> None:
    fresh = subprocess.run(
        [sys.executable, "-c", "from hub.sync.read_ahead import fork_is_safe; print(fork_is_safe())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert fresh.stdout.strip() == "True"  # a new interpreter: one thread
    before = read_ahead.os_threads()
    assert before is not None and before >= 1
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert read_ahead.os_threads() == before + 1
        assert not read_ahead.fork_is_safe()
    finally:
        stop.set()
        thread.join()


_WAIT_FOR_A_HELPER = """
import asyncio
from hub.sync import read_ahead

async def read(send):
    await asyncio.sleep(0.4)
    send.send("finished")

async def wait():
    before = read_ahead.os_threads()
    helper = read_ahead.Helper(read)
    seen = []

    async def sample():
        while True:
            seen.append(read_ahead.os_threads())
            await asyncio.sleep(0.02)

    sampler = asyncio.ensure_future(sample())
    try:
        got = await helper.outcome()
    finally:
        sampler.cancel()
        helper.kill()
    print(got, before, len(seen), sorted(set(seen)))

asyncio.run(wait())
"""


def test_waiting_for_a_helper_starts_no_thread() -> None:
    """The syncing process waits on the pipe in its loop: a thread of its own would make later forks unsafe.

    In a fresh interpreter: threads other tests leave behind in this one may come and go meanwhile.
    """
    ran = subprocess.run(
        [sys.executable, "-c", _WAIT_FOR_A_HELPER], capture_output=True, text=True, check=True, timeout=60
    )
    got, before, samples, counts = ran.stdout.split(" ", 3)
    assert got == "finished"
    assert int(samples) > 5 and counts.strip() == f"[{before}]" and before == "1"


def test_a_helper_ending_during_a_long_apply_gets_its_next_models_before_the_apply_ends(
    sandbox, tmp_path, monkeypatch
) -> None:
    """The apply of a large model holds the event loop: between its batches the sync hands a helper that
    ended its next models (forking with the apply's transaction open), and stores what a sync alone does.

    Made certain, not timed: the helper reading Employment ends only once Employee's apply has begun,
    and that apply writes only once the helper has ended.
    """
    models = ("Employee", "Employment", "TimeOffPolicy", "TimeOffBalance")
    alone, expected = _synced_once(sandbox, tmp_path / "here.db", models, workers=0)
    assert alone.status == "succeeded", alone.errors

    applying = tmp_path / "employee-apply-began"
    runs: list[SyncRun] = []
    applying_at_fork: list[str | None] = []
    start, read_in_helper, insert = (
        read_ahead.Helper.__init__,
        SyncRun._read_in_helper,
        apply_module._insert_new,
    )

    def noting(self, read, *more) -> None:
        runs.append(read.func.__self__)
        applying_at_fork.append(read.func.__self__._applying)
        start(self, read, *more)

    async def held(self, chain, stagers, send) -> None:
        await read_in_helper(self, chain, stagers, send)
        while any(item.model == "Employment" for item in chain) and not applying.exists():
            await asyncio.sleep(0.01)  # in the helper: end only once Employee's apply began

    def employee_apply(db, rows) -> None:
        if rows and rows[0]["model"] == "Employee":
            applying.touch()
            deadline = time.monotonic() + 60
            while any(helper.running() for helper in runs[0]._helpers_started):
                assert time.monotonic() < deadline, "the helper never ended"
                time.sleep(0.01)
        insert(db, rows)

    monkeypatch.setattr(read_ahead.Helper, "__init__", noting)
    monkeypatch.setattr(SyncRun, "_read_in_helper", held)
    monkeypatch.setattr(apply_module, "_insert_new", employee_apply)
    report, stored = _synced_once(sandbox, tmp_path / "helped.db", models, workers=1)
    assert report.status == "succeeded", report.errors
    assert applying_at_fork == [
        None,
        "Employee",
    ]  # Employment's helper; the time-off models' during the apply
    assert stored == expected
