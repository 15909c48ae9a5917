"""``GET /v1/events``: a cursor through the customer's events, filters, and the retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from hub.store import tables as t
from hub.webhooks.feed import prune_events
from tests.hub.api.conftest import assert_problem
from tests.hub.webhooks.conftest import WebhookWorld, served


def read_all(api: httpx.Client, cursor: str | None = None, **params: Any) -> tuple[list[dict], str | None]:
    """Every page from ``cursor`` on; the events and the last cursor."""
    found: list[dict] = []
    while True:
        answer = api.get("/v1/events", params={**params, **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        page = answer.json()
        found += page["results"]
        if not page["results"]:
            return found, page["next_cursor"] or cursor
        assert page["next_cursor"] is not None
        cursor = page["next_cursor"]


def test_pages_hold_every_event_once_in_order_and_polling_returns_only_newer_ones(world: WebhookWorld):
    account = world.link()
    recorded = [*world.events(account, 7)]
    with served(world) as api:
        events, cursor = read_all(api, page_size=3)
        ids = [e["id"] for e in events]
        assert ids[1:] == recorded and events[0]["type"] == "account.linked"
        assert len(set(ids)) == len(ids)

        again = api.get("/v1/events", params={"cursor": cursor}).json()
        assert again["results"] == [] and again["next_cursor"] == cursor

        newer = [world.event(account), world.event(account, type="account.needs_attention")]
        polled, _ = read_all(api, cursor, page_size=1)
        assert [e["id"] for e in polled] == newer
        assert polled[1]["type"] == "account.needs_attention" and polled[0]["account_id"] == account


def test_type_and_account_filters(world: WebhookWorld):
    first, second = world.link(), world.link()
    synced_first = world.event(first)
    attention_first = world.event(first, type="account.needs_attention")
    synced_second = world.event(second)
    with served(world) as api:
        by_type, _ = read_all(api, type="account.synced")
        assert [e["id"] for e in by_type] == [synced_first, synced_second]
        two_types, _ = read_all(api, type=["account.synced", "account.needs_attention"])
        assert [e["id"] for e in two_types] == [synced_first, attention_first, synced_second]
        by_account, _ = read_all(api, account_id=second)
        assert [e["type"] for e in by_account] == ["account.linked", "account.synced"]
        assert {e["account_id"] for e in by_account} == {second}
        both, _ = read_all(api, account_id=first, type="account.needs_attention")
        assert [e["id"] for e in both] == [attention_first]

        unknown = api.get("/v1/events", params={"type": ["account.synced", "employee.hired"]})
        assert "employee.hired" in assert_problem(unknown, 422, "invalid-request")["detail"]
        assert_problem(api.get("/v1/events", params={"cursor": "not-ours"}), 422, "invalid-request")


def test_another_customers_events_are_never_visible(world: WebhookWorld):
    world.event(world.link())
    other, key = world.hub.store.customers.add("someone-else")
    theirs = world.link(customer_id=other.id)
    their_event = world.event(theirs)
    with served(world) as api:
        mine, _ = read_all(api)
        assert their_event not in {e["id"] for e in mine}
        assert theirs not in {e["account_id"] for e in mine}
        assert read_all(api, account_id=theirs)[0] == []
    with served(world, api_key=key) as them:
        seen, _ = read_all(them)
        assert [e["account_id"] for e in seen] == [theirs, theirs]


def _kept(world: WebhookWorld) -> set[str]:
    with world.hub.store.engine.connect() as db:
        return set(db.execute(select(t.events.c.id)).scalars())


def test_prune_removes_events_past_the_retention_and_their_finished_deliveries(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    now = datetime.now(UTC)
    old = world.event(account, at=now - timedelta(days=31))
    recent = world.event(account, at=now - timedelta(days=29))
    world.deliver()
    assert [d["state"] for d in world.deliveries(endpoint_id)] == ["delivered", "delivered"]

    removed = prune_events(world.hub.store, now, keep=timedelta(days=30))
    assert removed >= 1 and old not in _kept(world) and recent in _kept(world)
    assert [d["event_id"] for d in world.deliveries(endpoint_id)] == [recent]
    with served(world) as api:
        assert old not in {e["id"] for e in read_all(api)[0]}


def test_prune_keeps_events_still_waiting_for_an_endpoint_and_enabling_delivers_them(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    world.endpoints.update(endpoint_id, enabled=False)
    waiting = world.event(account)
    world.deliver()  # queued for the disabled endpoint, not sent
    assert world.receiver.requests == []
    assert [d["state"] for d in world.deliveries(endpoint_id)] == ["pending"]

    world.clock.advance(days=40)
    prune_events(world.hub.store, world.clock.now, keep=timedelta(days=30))
    assert waiting in _kept(world)

    world.endpoints.update(endpoint_id, enabled=True)
    world.deliver()
    assert world.receiver.ids() == [waiting]
    prune_events(world.hub.store, world.clock.now, keep=timedelta(days=30))
    assert waiting not in _kept(world) and world.deliveries(endpoint_id) == []


def test_prune_keeps_events_not_yet_handed_to_plugins(world: WebhookWorld):
    account = world.link()
    at = datetime.now(UTC) - timedelta(days=60)
    with world.hub.store.begin() as db:
        db.execute(
            t.events.insert().values(
                id="evt_notyethanded0001",
                account_id=account,
                type="employee.created",
                record_id=None,
                payload='{"record": {}, "changes": {}}',
                created_at=at,
                delivered_at=None,
            )
        )
    prune_events(world.hub.store, datetime.now(UTC), keep=timedelta(days=30))
    assert "evt_notyethanded0001" in _kept(world)
