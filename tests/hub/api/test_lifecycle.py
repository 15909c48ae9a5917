"""An account's life over real HTTP: delete it with everything stored for it, pause and resume its syncs."""

import asyncio
import json
import sqlite3
import time
from pathlib import Path

import pytest
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from hub import Hub
from hub.errors import AccountPaused, NotFound
from hub.serving import serve_in_thread
from hub.webhooks.dispatch import WebhookDispatcher
from hub.worker import run_due

from .conftest import page_through

pytestmark = pytest.mark.e2e


def _rows(db_path, sql, *params):
    with sqlite3.connect(db_path) as db:
        return db.execute(sql, params).fetchall()


def _count(db_path, table, account_id):
    return _rows(db_path, f"SELECT count(*) FROM {table} WHERE account_id = ?", account_id)[0][0]


def _emails(client, account_id):
    pages = page_through(client, "/v1/hris/employees", account_id, page_size=1000)
    return {e["work_email"] for page in pages for e in page if e["work_email"]}


def test_delete_leaves_only_a_tombstone_and_the_account_deleted_event(make_world, sync_events):
    world = make_world(employees=30, seed=31)
    db_path = world.hub.store.engine.url.database
    client = world.customer("reviews-app")
    account_id = world.link(client)["id"]
    world.sync(client, account_id)
    world.sb.tenant.advance(hires=2, changes=4, terminations=1)
    world.sync(client, account_id, force=True)
    emails = _emails(client, account_id)
    assert len(emails) >= 30
    assert _rows(
        db_path, "SELECT count(*) FROM records WHERE account_id = ? AND raw IS NOT NULL", account_id
    )[0][0]
    for table in ("records", "events", "sync_state", "sync_runs"):
        assert _count(db_path, table, account_id), table

    answer = client.delete(f"/v1/accounts/{account_id}")
    assert answer.status_code == 204, answer.text
    assert answer.content == b""

    # The store holds no credentials, records, raw data, state, runs or earlier events of the account.
    for table in ("records", "sync_state", "sync_runs"):
        assert _count(db_path, table, account_id) == 0, table
    (tombstone,) = _rows(
        db_path,
        "SELECT status, credentials, permissions, options, next_sync_at FROM accounts WHERE id = ?",
        account_id,
    )
    status, credentials, permissions, options, next_sync_at = tombstone
    assert (status, credentials, next_sync_at) == ("deleted", "", None)
    assert json.loads(permissions) == {"granted": [], "missing": [], "actions": {}, "features": {}}
    assert json.loads(options)["filters"] == {} and json.loads(options)["overrides"] == {}
    (event,) = _rows(
        db_path,
        "SELECT id, type, run_id, record_id, payload, delivered_at FROM events WHERE account_id = ?",
        account_id,
    )
    event_id, kind, run_id, record_id, payload, delivered_at = event
    assert (kind, run_id, record_id) == ("account.deleted", None, None)
    assert delivered_at is not None  # handed to the plugins' listeners as it was recorded
    assert event_id.startswith("evt_")
    body = json.loads(payload)
    assert body["changes"] == {}
    assert set(body["record"]) == {"id", "connector", "deleted_at"}
    assert body["record"]["id"] == account_id and body["record"]["connector"] == "tiny_hris"
    assert body["record"]["deleted_at"].endswith("Z")
    # Not even in the file's free pages or its write-ahead log: no employee's e-mail is left anywhere.
    world.hub.close()
    for path in Path(db_path).parent.glob("hub.db*"):
        content = path.read_bytes()
        assert not [e for e in emails if e.encode() in content], path

    # The customer's event feed (what webhooks deliver) holds it, and nothing else of the account.
    feed = client.get("/v1/events", params={"account_id": account_id})
    assert feed.status_code == 200, feed.text
    assert [(e["type"], e["id"]) for e in feed.json()["results"]] == [("account.deleted", event_id)]
    assert feed.json()["results"][0]["record"] == body["record"]
    # Announced to the plugins' listeners, once, with the event's id.
    (heard,) = sync_events.of("account.deleted")
    assert heard.id == event_id and heard.account_id == account_id and heard.connector == "tiny_hris"
    assert dict(heard.record) == body["record"]


def test_a_deleted_account_is_not_found_anywhere(world, assert_problem):
    client = world.customer()
    kept = world.link(client)
    gone = world.link(client)
    world.sync(client, kept["id"])
    world.sync(client, gone["id"])
    assert client.delete(f"/v1/accounts/{gone['id']}").status_code == 204

    assert [a["id"] for a in client.get("/v1/accounts").json()["results"]] == [kept["id"]]
    path = f"/v1/accounts/{gone['id']}"
    for answer in (
        client.get(path),
        client.delete(path),  # twice
        client.get("/v1/hris/employees", headers={"X-Account-Id": gone["id"]}),
        client.get("/v1/hris/employees", headers={"X-Account-Id": gone["id"]}, params={"mode": "live"}),
        client.get(f"{path}/syncs"),
        client.post(f"{path}/sync", params={"wait": "true"}),
        client.post(f"{path}/sync"),
        client.patch(path, json={"options": {"sync_every_hours": 1}}),
        client.put(f"{path}/credentials", json={"credentials": world.creds}),
        client.post(f"{path}/pause"),
        client.post(f"{path}/resume"),
    ):
        assert_problem(answer, 404, "not-found")
    with pytest.raises(NotFound):
        world.hub.sync(gone["id"])
    with pytest.raises(NotFound):
        world.hub.resume(gone["id"])
    # The other account of the same customer is untouched.
    assert client.get(f"/v1/accounts/{kept['id']}").json()["status"] == "linked"
    assert len(_emails(client, kept["id"])) >= 40


def test_another_customer_cannot_delete_or_pause_an_account(world, assert_problem, linked):
    _, account = linked
    stranger = world.customer("stranger")
    for answer in (
        stranger.delete(f"/v1/accounts/{account['id']}"),
        stranger.post(f"/v1/accounts/{account['id']}/pause"),
        stranger.post(f"/v1/accounts/{account['id']}/resume"),
    ):
        assert_problem(answer, 404, "not-found")
    assert world.hub.store.accounts.row(account["id"]).status == "linked"


def _wait_for(client, location, timeout=60.0):
    deadline = time.monotonic() + timeout
    while (run := client.get(location).json())["status"] == "running":
        assert time.monotonic() < deadline, "the sync did not finish"
        time.sleep(0.05)
    return run


def test_delete_while_a_sync_runs_is_refused_and_works_once_it_has_finished(make_world, assert_problem):
    world = make_world(employees=30, seed=32)
    client = world.customer()
    account_id = world.link(client)["id"]
    world.sb.faults.latency_ms = 40  # a slow provider: the sync is surely still running
    started = client.post(f"/v1/accounts/{account_id}/sync")
    assert started.status_code == 202, started.text

    body = assert_problem(client.delete(f"/v1/accounts/{account_id}"), 409, "sync-in-progress")
    assert "try again" in body["remedy"]
    assert client.get(f"/v1/accounts/{account_id}").status_code == 200

    world.sb.faults.latency_ms = 0
    assert _wait_for(client, started.headers["location"])["status"] == "succeeded"
    assert client.delete(f"/v1/accounts/{account_id}").status_code == 204
    assert_problem(client.get(f"/v1/accounts/{account_id}"), 404, "not-found")


def test_pause_refuses_syncs_keeps_reads_and_resume_restores_the_status(world, assert_problem):
    client = world.customer()
    account = world.link(client)
    path = f"/v1/accounts/{account['id']}"
    world.sync(client, account["id"])
    before = _emails(client, account["id"])

    paused = client.post(f"{path}/pause")
    assert paused.status_code == 200, paused.text
    assert paused.json()["status"] == "paused"
    assert client.post(f"{path}/pause").json()["status"] == "paused"  # twice: no change
    assert [a["status"] for a in client.get("/v1/accounts").json()["results"]] == ["paused"]
    assert client.get(path).json()["status"] == "paused"

    for answer in (client.post(f"{path}/sync", params={"wait": "true"}), client.post(f"{path}/sync")):
        body = assert_problem(answer, 409, "account-paused")
        assert f"POST /v1/accounts/{account['id']}/resume" in body["remedy"]
        assert f"hrishub accounts resume {account['id']}" in body["remedy"]
    assert len(client.get(f"{path}/syncs").json()["results"]) == 1  # no run was recorded
    assert _emails(client, account["id"]) == before  # stored data still reads
    options = client.patch(path, json={"options": {"sync_every_hours": 6}})
    assert options.status_code == 200 and options.json()["status"] == "paused"

    resumed = client.post(f"{path}/resume")
    assert resumed.status_code == 200 and resumed.json()["status"] == "linked"
    assert client.post(f"{path}/resume").json()["status"] == "linked"  # not paused: no change
    assert world.sync(client, account["id"], force=True)["status"] == "succeeded"


def test_a_paused_account_that_needed_attention_still_needs_it_once_resumed(world, assert_problem):
    client = world.customer()
    account = world.link(client)
    path = f"/v1/accounts/{account['id']}"
    world.hub.store.accounts.set_status(account["id"], "needs_attention")
    assert client.post(f"{path}/pause").json()["status"] == "paused"
    # A sync that ends while it is paused (it started before) leaves it paused: its verdict waits.
    world.hub.store.accounts.set_status(account["id"], "needs_attention")
    assert client.get(path).json()["status"] == "paused"
    assert client.post(f"{path}/resume").json()["status"] == "needs_attention"
    report = world.sync(client, account["id"])  # refused without calling the provider, as before
    assert report["errors"][0]["type"] == "credentials-rejected"


def test_the_worker_skips_paused_accounts_and_syncs_them_once_resumed(make_world):
    world = make_world(employees=10, seed=33)
    client = world.customer()
    paused = world.link(client)["id"]
    active = world.link(client)["id"]
    client.post(f"/v1/accounts/{paused}/pause")
    hub = world.hub
    assert set(hub.store.leases.due()) == {active}

    reports = []
    assert asyncio.run(run_due(hub, on_report=reports.append)) == 1
    assert [r.account_id for r in reports] == [active]
    assert hub.syncs(paused) == []

    client.post(f"/v1/accounts/{paused}/resume")
    assert asyncio.run(run_due(hub, on_report=reports.append)) == 1
    assert [r.account_id for r in reports] == [active, paused]


def test_a_sync_through_the_python_api_of_a_paused_account_raises_account_paused(world):
    client = world.customer()
    account_id = world.link(client)["id"]
    hub: Hub = world.hub
    row = hub.pause(account_id)
    assert row.status == "paused"
    with pytest.raises(AccountPaused) as raised:
        hub.sync(account_id)
    assert raised.value.status == 409 and "resume" in raised.value.remedy
    assert hub.store.accounts.row(account_id).lease_owner is None  # the refusal gave the lease back
    assert hub.resume(account_id).status == "linked"


def test_pausing_during_a_sync_lets_it_finish_and_stays_paused(make_world):
    world = make_world(employees=20, seed=34)
    client = world.customer()
    account_id = world.link(client)["id"]
    world.sb.faults.latency_ms = 30
    started = client.post(f"/v1/accounts/{account_id}/sync")
    assert started.status_code == 202
    assert client.post(f"/v1/accounts/{account_id}/pause").json()["status"] == "paused"
    world.sb.faults.latency_ms = 0
    assert _wait_for(client, started.headers["location"])["status"] == "succeeded"
    assert client.get(f"/v1/accounts/{account_id}").json()["status"] == "paused"
    assert client.post(f"/v1/accounts/{account_id}/resume").json()["status"] == "linked"


def test_new_credentials_while_paused_take_effect_on_resume(world, assert_problem):
    client = world.customer()
    account = world.link(client)
    path = f"/v1/accounts/{account['id']}"
    world.hub.store.accounts.set_status(account["id"], "needs_attention")  # the provider refused them
    client.post(f"{path}/pause")
    rotated = client.put(f"{path}/credentials", json={"credentials": world.creds})
    assert rotated.status_code == 200, rotated.text
    assert rotated.json()["status"] == "paused"  # still paused: new credentials do not resume it
    assert_problem(client.post(f"{path}/sync", params={"wait": "true"}), 409, "account-paused")
    assert client.post(f"{path}/resume").json()["status"] == "linked"
    assert world.sync(client, account["id"])["status"] == "succeeded"


class Receiver:
    """An app's webhook receiver on loopback: keeps each delivery the Standard Webhooks library verifies."""

    def __init__(self) -> None:
        self.secret = ""
        self.received: list[dict] = []
        self.app = Starlette(routes=[Route("/hooks", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        payload = Webhook(self.secret).verify(await request.body(), dict(request.headers))
        self.received.append(payload)
        return Response(status_code=204)


def test_a_webhook_receiver_hears_account_deleted_and_none_of_the_deleted_events(make_world, monkeypatch):
    monkeypatch.setenv("HRISHUB_WEBHOOK_ALLOW", "loopback")
    world = make_world(employees=6, seed=35)
    client = world.customer()
    receiver = Receiver()
    with serve_in_thread(receiver.app) as hooks:
        made = client.post("/v1/webhook-endpoints", json={"url": f"{hooks}/hooks"})
        assert made.status_code == 201, made.text
        receiver.secret = made.json()["secret"]
        account_id = world.link(client)["id"]
        world.sync(client, account_id)  # account.linked and account.synced, not delivered yet
        assert client.delete(f"/v1/accounts/{account_id}").status_code == 204
        assert asyncio.run(WebhookDispatcher(world.hub.store, timeout=10.0).deliver_due()) == 1
    (delivered,) = receiver.received
    assert delivered["type"] == "account.deleted"
    assert delivered["data"]["account_id"] == account_id
    assert delivered["data"]["record"]["id"] == account_id
