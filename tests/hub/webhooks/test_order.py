"""Each (endpoint, account) line is delivered in event order; one account's stuck line holds no other."""

from __future__ import annotations

import json

import httpx

from tests.hub.webhooks.conftest import WebhookWorld, statuses


def test_the_next_event_waits_until_the_first_is_delivered(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    first, second, third = world.events(account, 3)
    world.receiver.status = statuses([500])

    world.deliver()
    assert world.receiver.ids() == [first]  # the second waits behind the failed first
    world.deliver()
    assert world.receiver.ids() == [first]  # the retry is not due yet: nothing overtakes it

    world.clock.advance(minutes=1)
    world.deliver()
    assert world.receiver.ids() == [first, first, second, third]
    assert [d["state"] for d in world.deliveries(endpoint_id)] == ["delivered"] * 3


def test_a_stuck_line_of_one_account_does_not_hold_another_accounts_line(world: WebhookWorld):
    stuck, other = world.link(), world.link()
    world.add()
    s1, o1, _, o2 = (world.event(stuck), world.event(other), world.event(stuck), world.event(other))

    def answer(request: httpx.Request) -> int:
        return 500 if json.loads(request.content)["data"]["account_id"] == stuck else 204

    def sent(account: str) -> list[str]:
        """What the receiver got of one account (lines are sent side by side: only each one's order holds)."""
        return [b["data"]["id"] for b in world.receiver.bodies() if b["data"]["account_id"] == account]

    world.receiver.status = answer
    world.deliver()
    assert sent(other) == [o1, o2]  # both of B's events went past A's failed one
    assert sent(stuck) == [s1]
    world.clock.advance(minutes=1)
    world.deliver()
    assert sent(stuck) == [s1, s1]  # still only the head of the stuck line: its second waits
    assert sent(other) == [o1, o2]
