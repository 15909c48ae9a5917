"""Syncing through the API: waiting for the report, running in the background while customers read, 409."""

import threading
import time
from datetime import timedelta

import pytest

pytestmark = pytest.mark.e2e


def _wait_for(client, location, timeout=20.0):
    deadline = time.monotonic() + timeout
    while True:
        run = client.get(location)
        assert run.status_code == 200, run.text
        if run.json()["status"] != "running":
            return run.json()
        assert time.monotonic() < deadline, "the sync did not finish"
        time.sleep(0.05)


def test_sync_with_wait_answers_the_report_and_runs_are_listed(world, assert_problem):
    client = world.customer()
    account = world.link(client)
    path = f"/v1/accounts/{account['id']}"
    report = world.sync(client, account["id"])
    assert report["status"] == "succeeded" and report["kind"] == "full"
    assert report["account_id"] == account["id"] and report["run_id"].startswith("run_")
    assert report["models"]["Employee"]["created"] >= 40
    assert report["models"]["TimeOffRequest"]["mode"] == "skipped"

    again = world.sync(client, account["id"], force=True)
    runs = client.get(f"{path}/syncs").json()["results"]
    assert [r["id"] for r in runs] == [again["run_id"], report["run_id"]]
    assert runs[1]["report"]["models"]["Employee"]["created"] == report["models"]["Employee"]["created"]
    assert [r["id"] for r in client.get(f"{path}/syncs", params={"limit": 1}).json()["results"]] == [
        again["run_id"]
    ]
    assert_problem(client.get(f"{path}/syncs", params={"limit": 0}), 422, "invalid-request")

    one = client.get(f"{path}/syncs/{report['run_id']}").json()
    assert (
        one["status"] == "succeeded"
        and one["account_id"] == account["id"]
        and one["report"]["run_id"] == report["run_id"]
    )
    shown = client.get(path).json()
    assert shown["last_sync"]["id"] == again["run_id"] and shown["last_sync"]["status"] == "succeeded"
    assert "report" not in shown["last_sync"]

    assert_problem(client.get(f"{path}/syncs/run_nope"), 404, "not-found")
    other = world.link(client)
    assert_problem(client.get(f"/v1/accounts/{other['id']}/syncs/{report['run_id']}"), 404, "not-found")
    assert_problem(client.post(f"{path}/sync", json={"full": "maybe"}), 422, "invalid-request")


def test_a_running_sync_answers_409(world, assert_problem):
    client = world.customer()
    account = world.link(client)
    store = world.hub.store
    assert store.leases.acquire(account["id"], "someone-else", timedelta(minutes=5))
    try:
        for params in ({}, {"wait": "true"}):
            answer = client.post(f"/v1/accounts/{account['id']}/sync", params=params)
            body = assert_problem(answer, 409, "sync-in-progress")
            assert "/syncs" in body["remedy"]
        assert client.get(f"/v1/accounts/{account['id']}/syncs").json() == {
            "results": [],
            "next_cursor": None,
        }
    finally:
        store.leases.release(account["id"], "someone-else")


def test_a_background_sync_while_a_customer_pages_through(make_world, page_through):
    world = make_world(employees=30, seed=21)
    client = world.customer()
    account = world.link(client)
    account_id = account["id"]
    first = world.sync(client, account_id)
    before = [
        e["id"]
        for page in page_through(client, "/v1/hris/employees", account_id, page_size=1000)
        for e in page
    ]
    remote_before = {
        e["remote_id"].split(":")[-1]  # companyId:employeeId
        for page in page_through(client, "/v1/hris/employees", account_id, page_size=1000)
        for e in page
    }
    assert len(before) >= 30

    change = world.sb.tenant.advance(hires=2, changes=5, terminations=1)
    world.sb.faults.latency_ms = 20  # a slower provider: the sync surely runs while the customer reads
    answer = client.post(f"/v1/accounts/{account_id}/sync", json={"full": True})
    assert answer.status_code == 202, answer.text
    started = answer.json()
    location = answer.headers["location"]
    assert location == f"/v1/accounts/{account_id}/syncs/{started['run_id']}"
    assert started == {"run_id": started["run_id"], "account_id": account_id, "status": "running"}

    # Page through (two readers at once) while the sync runs: every employee that existed before is
    # seen exactly once in every pass.
    passes: list[list[str]] = []
    during: list[bool] = []

    def read() -> None:
        while True:
            pages = page_through(client, "/v1/hris/employees", account_id, page_size=3)
            passes.append([e["id"] for page in pages for e in page])
            running = client.get(location).json()["status"] == "running"
            during.append(running)
            if not running or len(passes) > 40:
                return

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(timeout=60)
    assert any(during), "no pass finished while the sync ran"
    for ids in passes:
        assert len(ids) == len(set(ids))
        assert set(before) <= set(ids)
        assert len(ids) <= len(before) + len(change.hired)

    run = _wait_for(client, location)
    assert run["status"] == "succeeded" and run["kind"] == "full"
    assert run["report"]["models"]["Employee"]["created"] == len(change.hired)

    after = {
        e["remote_id"].split(":")[-1]
        for page in page_through(client, "/v1/hris/employees", account_id, page_size=1000)
        for e in page
    }
    assert after == remote_before | set(change.hired)
    changed = {
        e["remote_id"].split(":")[-1]
        for page in page_through(
            client, "/v1/hris/employees", account_id, page_size=5, modified_after=first["finished_at"]
        )
        for e in page
    }
    assert set(change.hired) <= changed <= change.employee_ids
    terminated = change.terminated[0]
    gone = client.get(f"/v1/hris/employees/{terminated}", headers={"X-Account-Id": account_id}).json()
    assert gone["employment_status"] == "INACTIVE" and gone["termination_date"]
    assert client.get(f"/v1/accounts/{account_id}").json()["last_sync"]["id"] == started["run_id"]
