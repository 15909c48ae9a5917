"""API routes await the hub's async methods: no route starts an event loop of its own in a worker thread."""

import asyncio
import threading
import time

import pytest


@pytest.fixture
def no_new_loops(monkeypatch):
    """Every ``asyncio.run`` while the test runs, by thread name; each one refused."""
    started: list[str] = []

    def refuse(*args, **kwargs):
        started.append(threading.current_thread().name)
        args[0].close()
        raise AssertionError("asyncio.run called while serving a request")

    monkeypatch.setattr(asyncio, "run", refuse)
    return started


def test_linking_rotating_and_live_reads_run_on_the_servers_loop(make_world, no_new_loops, assert_problem):
    world = make_world(employees=6)
    client = world.customer()
    account = world.link(client)  # POST /v1/accounts: validate, probe the provider, store
    rotated = client.put(f"/v1/accounts/{account['id']}/credentials", json={"credentials": world.creds})
    assert rotated.status_code == 200, rotated.text
    headers = {"X-Account-Id": account["id"]}
    live = client.get("/v1/hris/employees", params={"mode": "live", "page_size": 3}, headers=headers)
    assert live.status_code == 200, live.text
    first = live.json()["results"][0]
    one = client.get(f"/v1/hris/employees/{first['remote_id']}", params={"mode": "live"}, headers=headers)
    assert one.status_code == 200 and one.json()["id"] == first["id"]
    wrong = client.post(
        "/v1/accounts", json={"connector": "tiny_hris", "credentials": {**world.creds, "api_key": "x" * 12}}
    )
    assert_problem(wrong, 422, "provider-credentials-rejected")
    assert no_new_loops == []


def test_a_sync_runs_on_the_hubs_sync_threads_never_on_the_servers(make_world, monkeypatch):
    world = make_world(employees=6)
    client = world.customer()
    account = world.link(client)
    loops: list[str] = []
    real_run = asyncio.run

    def watched(*args, **kwargs):
        loops.append(threading.current_thread().name)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(asyncio, "run", watched)
    assert world.sync(client, account["id"])["status"] == "succeeded"  # ?wait=true
    started = client.post(f"/v1/accounts/{account['id']}/sync", json={"full": True})
    assert started.status_code == 202, started.text
    for _ in range(500):
        run = client.get(started.headers["Location"]).json()
        if run["status"] != "running":
            break
        time.sleep(0.02)
    assert run["status"] == "succeeded"
    assert len(loops) == 2 and all(name.startswith("hrishub-sync") for name in loops), loops
