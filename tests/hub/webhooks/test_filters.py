"""An endpoint's event types and accounts decide which events are queued for it."""

from __future__ import annotations

from tests.hub.webhooks.conftest import OTHER, RECEIVER, WebhookWorld


def queued(world: WebhookWorld, endpoint_id: str) -> list[str]:
    return [d["event_id"] for d in world.deliveries(endpoint_id)]


def test_only_the_wanted_types_of_the_wanted_accounts_are_queued(world: WebhookWorld):
    first, second = world.link(), world.link()
    before = world.event(first)  # recorded before the endpoints existed: history is not sent
    picky, _ = world.add(f"https://{RECEIVER}/hooks", event_types=["account.synced"], account_ids=[first])
    everything, _ = world.add(f"https://{OTHER}/hooks")
    other, _ = world.hub.store.customers.add("someone-else")
    theirs = world.event(world.link(customer_id=other.id))

    wanted = world.event(first)
    attention = world.event(first, type="account.needs_attention")
    second_synced = world.event(second)
    assert world.dispatcher().enqueue() == 1 + 3

    assert queued(world, picky) == [wanted]
    assert queued(world, everything) == [wanted, attention, second_synced]
    world.deliver()
    assert world.receiver.ids(RECEIVER) == [wanted]
    assert sorted(world.receiver.ids(OTHER)) == sorted([wanted, attention, second_synced])
    assert before not in world.receiver.ids(OTHER) and theirs not in world.receiver.ids(OTHER)


def test_changing_the_filters_applies_to_the_events_recorded_after(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add(event_types=["account.needs_attention"])
    skipped = world.event(account)
    world.deliver()
    assert queued(world, endpoint_id) == []

    world.endpoints.update(endpoint_id, event_types=None)
    taken = world.event(account)
    world.deliver()
    assert queued(world, endpoint_id) == [taken] and skipped not in world.receiver.ids()
