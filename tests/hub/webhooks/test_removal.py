"""An endpoint removed while one of its deliveries is being sent: that pass goes on for the others."""

from __future__ import annotations

import httpx

from tests.hub.webhooks.conftest import OTHER, RECEIVER, WebhookWorld


def test_removed_while_its_request_is_out(world: WebhookWorld):
    account = world.link()
    gone, _ = world.add(f"https://{RECEIVER}/hooks")
    world.add(f"https://{OTHER}/hooks")
    first, second = world.events(account, 2)

    def answer(request: httpx.Request) -> int:
        if request.headers["host"] == RECEIVER:
            world.endpoints.remove(gone)  # its owner removes it meanwhile
        return 204

    world.receiver.status = answer
    world.deliver()
    assert world.receiver.ids(OTHER) == [first, second]
    assert world.receiver.ids(RECEIVER) == [first]


def test_removed_before_its_request_is_signed(world: WebhookWorld):
    account = world.link()
    gone, _ = world.add(f"https://{RECEIVER}/hooks")
    world.add(f"https://{OTHER}/hooks")
    event_id = world.event(account)
    answers = world.dns.answers

    def resolve(host: str, port: int) -> list[str]:
        if host == RECEIVER:
            world.endpoints.remove(gone)
        return list(answers[host])

    world.dns = resolve  # type: ignore[assignment]
    world.deliver()
    assert world.receiver.ids(OTHER) == [event_id]
    assert world.receiver.ids(RECEIVER) == []
    assert world.endpoints.all(world.customer_id)[0].url == f"https://{OTHER}/hooks"
