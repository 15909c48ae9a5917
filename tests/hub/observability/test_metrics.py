"""``GET /metrics`` from a real uvicorn server after a sync and API calls; the token; the queue's depth."""

from contextlib import ExitStack

import httpx
import pytest

from hub import HttpSettings, Hub
from hub.api import create_app
from hub.serving import serve_in_thread
from tests.hub.api.conftest import GENEROUS
from tests.hub.cli.conftest import Processes
from tests.hub.observability.conftest import sample
from tests.tiny_hris.sandbox import Sandbox

PROMETHEUS_TEXT = "text/plain; version="


def scrape(url, **headers):
    answer = httpx.get(url + "/metrics", headers=headers, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith(PROMETHEUS_TEXT)
    return answer.text


def test_a_metrics_token_guards_the_scrape(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_METRICS_TOKEN", "scrape-me-please")
    hub = Hub(database_url=f"sqlite:///{tmp_path / 'hub.db'}")
    try:
        with serve_in_thread(create_app(hub, rate_limits=GENEROUS)) as api:
            bare = httpx.get(api + "/metrics")
            wrong = httpx.get(api + "/metrics", headers={"Authorization": "Bearer guess"})
            text = scrape(api, Authorization="Bearer scrape-me-please")
            schema = httpx.get(api + "/openapi.json").json()
    finally:
        hub.close()
    for answer in (bare, wrong):
        assert answer.status_code == 401
        assert answer.headers["content-type"] == "application/problem+json"
        assert "HRISHUB_METRICS_TOKEN" in answer.json()["remedy"]
        assert "hrishub_" not in answer.text
    assert "hrishub_api_request_duration_seconds" in text
    assert "/metrics" not in schema["paths"]  # the operator's, not the customers' API


def test_the_queue_depth_is_read_at_each_scrape_on_postgresql(postgres_url, monkeypatch):
    sandbox = Sandbox(employees=5, seed=1)
    with ExitStack() as stack:
        base = stack.enter_context(serve_in_thread(sandbox.app))
        monkeypatch.setenv("HRISHUB_DATABASE_URL", postgres_url)
        hub = Hub(settings=HttpSettings(sandbox_origins=frozenset({base})))
        stack.callback(hub.close)
        api = stack.enter_context(serve_in_thread(create_app(hub, rate_limits=GENEROUS)))
        _, key = hub.store.customers.add("queue")
        client = stack.enter_context(httpx.Client(base_url=api, headers={"Authorization": f"Bearer {key}"}))
        empty = scrape(api)
        account = client.post(
            "/v1/accounts", json={"connector": "tiny_hris", "credentials": sandbox.credentials(base)}
        ).json()
        queued = client.post(f"/v1/accounts/{account['id']}/sync")
        assert queued.status_code == 202, queued.text
        waiting = scrape(api)  # no worker runs: the job waits
    assert sample(empty, "hrishub_queue_jobs", queue="syncs", status="todo") == 0
    assert sample(waiting, "hrishub_queue_jobs", queue="syncs", status="todo") == 1
    assert sample(waiting, "hrishub_queue_depth_up") == 1
    # The app stopped: its queue no longer reports.
    assert "hrishub_queue_jobs{" not in scrape_registry()


def scrape_registry():
    from hub.observability.metrics import exposition

    return exposition().decode()


@pytest.mark.parametrize("token", [None, "worker-token"])
def test_a_worker_serves_its_own_metrics(tmp_path, token, monkeypatch):
    """A real ``hrishub worker`` process syncs the due account and counts it on its --metrics-port."""
    import time

    hrishub = Processes()

    sandbox = Sandbox(employees=5, seed=3)
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path / "home"))  # the worker's too: the same key file
    with serve_in_thread(sandbox.app) as base:
        env = hrishub.env(HRISHUB_SANDBOX_ORIGINS=base)
        if token:
            env["HRISHUB_METRICS_TOKEN"] = token
        hub = Hub(
            database_url=f"sqlite:///{tmp_path / 'home' / 'hub.db'}",
            settings=HttpSettings(sandbox_origins=frozenset({base})),
        )
        account = hub.link("tiny_hris", sandbox.credentials(base))
        hub.close()
        port = hrishub.free_port()
        env["HRISHUB_DATABASE_URL"] = f"sqlite:///{tmp_path / 'home' / 'hub.db'}"
        worker = hrishub.popen(
            "worker", "--poll", "1", "--metrics-port", port, "--log-level", "info", env=env
        )
        url = f"http://127.0.0.1:{port}/metrics"
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            deadline = time.monotonic() + 60
            text = ""
            while time.monotonic() < deadline and worker.poll() is None:
                try:
                    answer = httpx.get(url, headers=headers, timeout=5)
                except httpx.TransportError:
                    time.sleep(0.2)
                    continue
                assert answer.status_code == 200
                text = answer.text
                if sample(text, "hrishub_sync_runs_total", connector="tiny_hris", outcome="succeeded"):
                    break
                time.sleep(0.2)
            assert worker.poll() is None, worker.communicate(timeout=5)
            assert sample(text, "hrishub_sync_runs_total", connector="tiny_hris", outcome="succeeded") == 1
            assert sample(text, "hrishub_provider_requests_total", connector="tiny_hris", status="200") > 0
            if token:
                assert httpx.get(url, timeout=5).status_code == 401
            assert httpx.get(url.replace("/metrics", "/other"), headers=headers, timeout=5).status_code == 404
        finally:
            worker.terminate()
            _, err = worker.communicate(timeout=30)
    lines = [line for line in err.splitlines() if line.startswith("{")]
    assert any(f'"account_id": "{account.id}"' in line and '"sync.finished"' in line for line in lines), err
