"""Redelivery queues exactly the event asked for, or the events of a time range the endpoint wants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from hub.store import tables as t
from hub.webhooks.feed import event_page
from tests.hub.api.conftest import assert_problem
from tests.hub.webhooks.conftest import WebhookWorld, served


def test_redeliver_one_event_by_id(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    first, second, third = world.events(account, 3)
    world.deliver()
    assert world.receiver.ids() == [first, second, third]

    assert world.dispatcher().redeliver(endpoint_id, event_id=second) == 1
    world.deliver()
    assert world.receiver.ids() == [first, second, third, second]
    world.deliver()
    assert len(world.receiver.requests) == 4  # queued once, sent once


def test_redeliver_a_time_range_sends_those_the_endpoint_wants(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add(event_types=["account.synced"])
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=5)
    at = [start + timedelta(hours=h) for h in range(5)]
    e0 = world.event(account, at=at[0])
    e1 = world.event(account, at=at[1])
    world.event(account, type="account.needs_attention", at=at[2])  # in range, not wanted
    e3 = world.event(account, at=at[3])
    world.event(account, at=at[4])  # at `until`: outside
    world.deliver()
    delivered = world.receiver.ids()
    assert e0 in delivered and len(delivered) == 4

    queued = world.dispatcher().redeliver(endpoint_id, since=at[1], until=at[4])
    assert queued == 2
    world.deliver()
    assert world.receiver.ids()[4:] == [e1, e3]


def test_redeliver_sends_nothing_of_another_customer(world: WebhookWorld):
    world.link()
    endpoint_id, _ = world.add()
    other, _ = world.hub.store.customers.add("someone-else")
    theirs = world.event(world.link(customer_id=other.id))
    dispatcher = world.dispatcher()
    assert dispatcher.redeliver(endpoint_id, event_id=theirs) == 0
    mine = [e["id"] for e in event_page(world.hub.store, world.customer_id)[0]]  # account.linked
    assert dispatcher.redeliver(endpoint_id, since=datetime.now(UTC) - timedelta(days=1)) == len(mine) == 1
    world.deliver()
    assert world.receiver.ids() == mine


def test_redeliver_over_the_api(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    event_id = world.event(account)
    world.deliver()
    path = f"/v1/webhook-endpoints/{endpoint_id}/redeliver"
    with served(world) as api:
        assert_problem(api.post(path, json={}), 422, "invalid-request")
        assert_problem(api.post(path, json={"until": "2026-12-01T00:00:00Z"}), 422, "invalid-request")
        by_id = api.post(path, json={"event_id": event_id})
        assert by_id.status_code == 200 and by_id.json() == {"queued": 1}, by_id.text
        events, _ = event_page(world.hub.store, world.customer_id)
        since = min(e["occurred_at"] for e in events)
        by_range = api.post(path, json={"since": since})
        assert by_range.status_code == 200 and by_range.json()["queued"] == len(events), by_range.text
        missing = api.post("/v1/webhook-endpoints/whe_nope/redeliver", json={"event_id": event_id})
        assert_problem(missing, 404, "not-found")
    world.clock.advance(minutes=1)  # the API queued them on the wall clock, a moment after this one
    world.deliver()
    assert world.receiver.ids().count(event_id) == 3


def test_an_instant_without_an_offset_is_utc(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    inside = world.event(account, at=start + timedelta(hours=1))
    world.event(account, at=start + timedelta(hours=2))
    naive = {
        "since": start.replace(tzinfo=None).isoformat(),
        "until": (start + timedelta(hours=2)).isoformat()[:19],
    }
    with served(world) as api:
        answer = api.post(f"/v1/webhook-endpoints/{endpoint_id}/redeliver", json=naive)
        assert answer.status_code == 200 and answer.json() == {"queued": 1}, answer.text
    with world.hub.store.engine.connect() as db:
        queued = db.execute(select(t.webhook_deliveries.c.event_id)).scalars().all()
    assert queued == [inside]
