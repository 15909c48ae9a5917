"""Issue #17's proof: every change reaches an app's receiver, signed, in order, none lost.

A UKG Pro sandbox, the served hub and a receiver, all on loopback. The app registers an endpoint,
links the sandbox and syncs; HR changes the tenant and the hub syncs again while the receiver is
down; the hub is restarted mid-way; once the receiver is back every event has arrived, each
verified with the Standard Webhooks reference library, each account's events in the order recorded.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import select
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from connectors.ukg_pro.sandbox import Sandbox, run_server
from hub import HttpSettings, Hub
from hub.api import create_app
from hub.serving import serve_in_thread
from hub.store import tables as t
from hub.webhooks.dispatch import WebhookDispatcher

FAST = [timedelta(seconds=0.2)] * 7
"""Retries every 0.2 s: the schedule's length, not its hours, is what this test exercises."""


class Receiver:
    """An app's webhook receiver: verifies each delivery with the endpoint's secret, keeps it."""

    def __init__(self) -> None:
        self.secret = ""
        self.received: list[dict[str, Any]] = []
        self.refused: list[str] = []
        self.app = Starlette(routes=[Route("/hooks", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        body = await request.body()
        try:
            payload = Webhook(self.secret).verify(body, dict(request.headers))
        except Exception as exc:  # the library's verification error: the test fails below
            self.refused.append(repr(exc))
            return Response(status_code=400)
        self.received.append({"id": request.headers["webhook-id"], "payload": payload})
        return Response(status_code=204)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(what: str, done: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.05)


@contextmanager
def _hub(db_url: str, sandbox_url: str) -> Iterator[tuple[Hub, str]]:
    """A hub on the store at ``db_url``, served with a dispatcher delivering every 50 ms."""
    hub = Hub(settings=HttpSettings(sandbox_origins=frozenset({sandbox_url})), database_url=db_url)
    try:
        dispatcher = WebhookDispatcher(hub.store, schedule=FAST, poll_seconds=0.05, timeout=2.0)
        with serve_in_thread(create_app(hub, deliver_webhooks=dispatcher)) as api_url:
            yield hub, api_url
    finally:
        hub.close()


def _recorded(hub: Hub) -> list[Any]:
    with hub.store.engine.connect() as db:
        return db.execute(
            select(t.events.c.id, t.events.c.seq, t.events.c.type).order_by(t.events.c.seq)
        ).all()


def _failed_attempts(hub: Hub) -> int:
    with hub.store.engine.connect() as db:
        return len(
            db.execute(select(t.webhook_attempts.c.id).where(t.webhook_attempts.c.status.is_(None))).all()
        )


def test_every_event_arrives_signed_in_order_through_an_outage_and_a_restart(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    monkeypatch.setenv("HRISHUB_WEBHOOK_ALLOW", "loopback")
    monkeypatch.delenv("HRISHUB_SECRET_KEY", raising=False)
    db_url = f"sqlite:///{tmp_path / 'hub.db'}"
    sb = Sandbox(employees=30, seed=11)
    receiver = Receiver()
    port = _free_port()

    with run_server(sb) as sandbox_url:
        with _hub(db_url, sandbox_url) as (hub, api_url):
            _, key = hub.store.customers.add("people-app")
            auth = {"Authorization": f"Bearer {key}"}
            with httpx.Client(base_url=api_url, headers=auth, timeout=60) as api:
                # The app registers its receiver: the secret is in this answer only.
                made = api.post("/v1/webhook-endpoints", json={"url": f"http://127.0.0.1:{port}/hooks"})
                assert made.status_code == 201, made.text
                endpoint = made.json()
                receiver.secret = endpoint["secret"]
                assert "secret" not in api.get(f"/v1/webhook-endpoints/{endpoint['id']}").json()

                with serve_in_thread(receiver.app, port=port):
                    creds = sb.credentials(sandbox_url)
                    linked = api.post("/v1/accounts", json={"connector": "ukg_pro", "credentials": creds})
                    assert linked.status_code == 201, linked.text
                    account_id = linked.json()["id"]
                    first = api.post(f"/v1/accounts/{account_id}/sync", params={"wait": "true"})
                    assert first.status_code == 200 and first.json()["status"] == "succeeded", first.text
                    count = len(_recorded(hub))
                    _wait("the first sync's events arrive", lambda: len(receiver.received) >= count)
                # The receiver is down now: its port refuses connections.
                summary = sb.tenant.advance(hires=2, changes=3, terminations=1)
                second = api.post(f"/v1/accounts/{account_id}/sync", params={"wait": "true"})
                assert second.status_code == 200, second.text
                _wait("deliveries fail against the stopped receiver", lambda: _failed_attempts(hub) >= 3)
        before_restart = len(receiver.received)

        # The hub is restarted on the same store; the receiver comes back.
        with _hub(db_url, sandbox_url) as (hub, api_url), serve_in_thread(receiver.app, port=port):
            recorded = _recorded(hub)
            _wait(
                "every recorded event arrives",
                lambda: {r["id"] for r in receiver.received} >= {row.id for row in recorded},
            )

            def states_now() -> set[str]:
                with hub.store.engine.connect() as db:
                    return {row.state for row in db.execute(select(t.webhook_deliveries.c.state))}

            # The receiver has an event a moment before the dispatcher marks its delivery done.
            _wait("every delivery is marked delivered", lambda: states_now() == {"delivered"})
            states = states_now()
            # The attempts that met the stopped receiver are readable through the API.
            with httpx.Client(base_url=api_url, headers=auth) as api:
                page = api.get(
                    f"/v1/webhook-endpoints/{endpoint['id']}/deliveries", params={"page_size": 200}
                )
        password = creds["password"]

    assert receiver.refused == []  # every delivery verified with the reference library
    assert len(receiver.received) > before_restart
    assert states == {"delivered"}
    ids = [r["id"] for r in receiver.received]
    first_seen = list(dict.fromkeys(ids))
    order = {row.id: row.seq for row in recorded}
    assert first_seen == sorted(first_seen, key=order.__getitem__)  # one account: recorded order
    types = [row.type for row in recorded]
    assert types[0] == "account.linked" and types.count("account.synced") == 2
    # The first sync imports the tenant without a "created" per employee; the second one announces HR's work.
    assert types.count("employee.created") == len(summary.hired)
    assert types.count("employee.terminated") == len(summary.terminated)
    changed = [r["payload"] for r in receiver.received if r["payload"]["type"] == "employee.updated"]
    assert changed and all(
        set(change) == {"before", "after"} for p in changed for change in p["data"]["changes"].values()
    )
    body = receiver.received[0]["payload"]
    assert body["data"]["account_id"] == account_id and body["data"]["id"] == receiver.received[0]["id"]
    assert page.status_code == 200, page.text
    retried = [d for d in page.json()["results"] if len(d["attempts"]) > 1]
    assert retried and all(d["attempts"][-1]["status"] == 204 for d in retried)
    assert any(a["error"] and "connect" in a["error"] for d in retried for a in d["attempts"])
    assert password not in json.dumps(receiver.received)
