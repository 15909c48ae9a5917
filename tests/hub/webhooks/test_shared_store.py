"""Several dispatchers on one store: each event is queued once and sent once."""

from __future__ import annotations

import asyncio

from tests.hub.webhooks.conftest import WebhookWorld


def test_two_dispatchers_at_once_send_each_event_once_in_order(world: WebhookWorld):
    first, second = world.link(), world.link()
    world.add()
    recorded = {first: world.events(first, 6), second: world.events(second, 6)}

    async def both() -> None:
        one, two = world.dispatcher(), world.dispatcher()
        await asyncio.gather(one.deliver_due(), two.deliver_due(), one.deliver_due(), two.deliver_due())

    asyncio.run(both())
    for account, ids in recorded.items():
        got = [b["data"]["id"] for b in world.receiver.bodies() if b["data"]["account_id"] == account]
        assert got == ids
