"""Several ``hrishub worker`` processes on one PostgreSQL store: shared work, one sync per account, kills survived.

Real processes, a real PostgreSQL (the suite's), a Tiny HRIS tenant served over HTTP on loopback with a
little latency so that requests overlap, as they do against a provider.
"""

import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from hub import Hub
from hub.api import create_app
from hub.serving import serve_in_thread
from hub.store import tables as t
from tests.tiny_hris.sandbox import Sandbox

HRISHUB = [sys.executable, "-c", "from hub.cli import main; main()"]
BUDGET = 3


@pytest.fixture
def tenant():
    sandbox = Sandbox(employees=60, seed=8, page_size=10)
    sandbox.faults.latency_ms = 15
    with serve_in_thread(sandbox.app) as base:
        yield sandbox, base


@pytest.fixture
def env(postgres_url, tenant, monkeypatch):
    _, base = tenant
    values = {
        "HRISHUB_DATABASE_URL": postgres_url,
        "HRISHUB_SANDBOX_ORIGINS": base,
        "HRISHUB_PROVIDER_BUDGET": str(BUDGET),
        "HRISHUB_WORKER_STALLED_SECONDS": "3",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


def link(count, tenant):
    sandbox, base = tenant
    hub = Hub()
    ids = [hub.link("tiny_hris", sandbox.credentials(base)).id for _ in range(count)]
    return hub, ids


def start_worker(env, *args):
    return subprocess.Popen(
        [*HRISHUB, "worker", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def stop(*workers):
    for worker in workers:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()


def runs(hub):
    with hub.store.engine.connect() as db:
        return db.execute(select(t.sync_runs).order_by(t.sync_runs.c.started_at)).all()


def wait_until(condition, *, timeout=90.0, what="the condition"):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def overlapping(rows):
    """Pairs of runs of one account whose times overlap (two syncs of it at once)."""
    found = []
    by_account = {}
    for row in rows:
        by_account.setdefault(row.account_id, []).append(row)
    for account_runs in by_account.values():
        ordered = sorted(account_runs, key=lambda r: r.started_at)
        for before, after in itertools.pairwise(ordered):
            if before.finished_at is None or before.finished_at > after.started_at:
                found.append((before.id, after.id))
    return found


def test_two_workers_share_the_due_accounts_within_the_provider_budget(env, tenant):
    sandbox, _ = tenant
    hub, ids = link(8, tenant)
    sandbox.stats.reset()  # the linking probes are not the workers' requests
    workers = [start_worker(env, "--concurrency", "3") for _ in range(2)]
    try:
        wait_until(
            lambda: sum(r.status == "succeeded" for r in runs(hub)) >= len(ids), what="every account synced"
        )
    finally:
        stop(*workers)
    rows = runs(hub)
    assert {r.account_id for r in rows if r.status == "succeeded"} == set(ids)
    assert overlapping(rows) == []
    for account_id in ids:
        assert hub.store.sync_state.count_records(account_id, "Employee") == 60
    # Six syncs could run at once (two workers, three jobs each); the shared budget held them to three
    # requests in flight against the provider, all workers together.
    assert 1 < sandbox.stats.peak_in_flight <= BUDGET
    # Each account's next sync is its interval (24 h) plus jitter after its run, never sooner.
    finished = {r.account_id: r.finished_at for r in rows if r.status == "succeeded"}
    for row in hub.accounts():
        assert timedelta(hours=24) <= row.next_sync_at - finished[row.id] <= timedelta(hours=25)
    hub.close()


def test_a_killed_worker_s_sync_is_resumed_by_another_and_never_run_twice_at_once(env, tenant):
    sandbox, _ = tenant
    sandbox.faults.latency_ms = 150  # a sync of several seconds, to kill in the middle
    hub, (account_id,) = link(1, tenant)
    first = start_worker(env, "--concurrency", "1")
    try:
        wait_until(lambda: any(r.status == "running" for r in runs(hub)), what="the sync to start")
        time.sleep(1.0)  # well into reading
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        assert not any(r.status == "succeeded" for r in runs(hub))
        sandbox.faults.latency_ms = 15
        second = start_worker(env, "--concurrency", "1")
        try:
            wait_until(lambda: any(r.status == "succeeded" for r in runs(hub)), what="the resumed sync")
        finally:
            stop(second)
    finally:
        stop(first)
    rows = runs(hub)
    statuses = [r.status for r in rows]
    # The killed attempt is marked interrupted by the retry that took over its lease; then it succeeded.
    assert statuses[0] == "interrupted" and "succeeded" in statuses
    assert overlapping([r for r in rows if r.status != "interrupted"]) == []
    assert hub.store.sync_state.count_records(account_id, "Employee") == 60
    hub.close()


class Receiver:
    """A customer's webhook receiver over real HTTP on loopback: keeps each POST's JSON body."""

    def __init__(self):
        self.bodies = []

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.bodies.append(json.loads(body))
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def test_the_api_queues_syncs_a_worker_runs_them_and_their_events_reach_the_receiver(
    env, tenant, monkeypatch
):
    sandbox, base = tenant
    monkeypatch.setenv("HRISHUB_WEBHOOK_ALLOW", "loopback")
    env = {**env, "HRISHUB_WEBHOOK_ALLOW": "loopback"}
    receiver = Receiver()
    hub = Hub()
    _, key = hub.store.customers.add("app")

    def of_type(kind):
        return [b for b in receiver.bodies if b["type"] == kind]

    with serve_in_thread(receiver) as hooks, serve_in_thread(create_app(hub)) as api:
        client = httpx.Client(base_url=api, headers={"Authorization": f"Bearer {key}"}, timeout=30)
        account = client.post(
            "/v1/accounts", json={"connector": "tiny_hris", "credentials": sandbox.credentials(base)}
        ).json()
        assert client.post("/v1/webhook-endpoints", json={"url": f"{hooks}/in"}).status_code == 201
        started = client.post(f"/v1/accounts/{account['id']}/sync")
        assert started.status_code == 202 and started.json()["status"] == "queued"
        follow = started.headers["Location"]
        assert client.get(follow).json()["status"] == "queued"  # no worker yet: it waits in the queue
        again = client.post(f"/v1/accounts/{account['id']}/sync")
        assert again.status_code == 409  # one sync of an account waits at a time
        worker = start_worker(env, "--concurrency", "2")
        try:
            wait_until(lambda: client.get(follow).json()["status"] == "succeeded", what="the queued sync")
            wait_until(lambda: of_type("account.synced"), what="the delivery job")
            sandbox.tenant.advance(hires=2, terminations=1)
            # With wait=true the answer is the report, once a worker has run the queued sync.
            second = client.post(
                f"/v1/accounts/{account['id']}/sync", params={"wait": "true"}, json={"force": True}
            )
            assert second.status_code == 200 and second.json()["status"] == "succeeded"
            wait_until(lambda: len(of_type("employee.created")) == 2, what="the new hires' events")
        finally:
            stop(worker)
        client.close()
    assert {b["data"]["account_id"] for b in receiver.bodies} == {account["id"]}
    assert len(of_type("account.synced")) == 2
    hub.close()


def test_a_worker_on_the_queue_reports_its_depth_and_its_syncs_on_its_metrics_port(env, tenant):
    from prometheus_client.parser import text_string_to_metric_families

    def value(text, name, **labels):
        return sum(
            s.value
            for f in text_string_to_metric_families(text)
            for s in f.samples
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items())
        )

    hub, _ = link(1, tenant)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/metrics"
    worker = start_worker(env, "--metrics-port", str(port))
    seen = {}

    def scraped():
        try:
            seen["text"] = httpx.get(url, timeout=5).text
        except httpx.TransportError:
            return False
        return value(seen["text"], "hrishub_sync_runs_total", connector="tiny_hris", outcome="succeeded") == 1

    try:
        wait_until(scraped, what="the due account's sync counted on the worker's /metrics")
    finally:
        stop(worker)
        hub.close()
    text = seen["text"]
    assert value(text, "hrishub_queue_depth_up") == 1
    statuses = {
        (s.labels["queue"], s.labels["status"])
        for f in text_string_to_metric_families(text)
        for s in f.samples
        if s.name == "hrishub_queue_jobs"
    }
    assert {("syncs", "todo"), ("syncs", "doing"), ("webhooks", "todo")} <= statuses
    assert value(text, "hrishub_provider_requests_total", connector="tiny_hris", status="200") > 0
