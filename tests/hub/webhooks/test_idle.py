"""An idle dispatcher (a serving hub polls every second) does no more than look for due deliveries."""

from __future__ import annotations

import httpx
import pytest

from hub.webhooks import dispatch
from tests.hub.webhooks.conftest import WebhookWorld


def test_a_poll_with_nothing_due_makes_no_http_client_and_a_due_delivery_still_goes(
    world: WebhookWorld, monkeypatch: pytest.MonkeyPatch
):
    made: list[httpx.AsyncClient] = []

    class CountedClient(httpx.AsyncClient):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    account = world.link()
    world.add()
    # Each client loads the CA certificates: tens of milliseconds of CPU a serving hub would spend
    # every second, holding its event loop, with nothing to send.
    monkeypatch.setattr(dispatch.httpx, "AsyncClient", CountedClient)
    assert world.deliver() == 0
    assert world.deliver() == 0
    assert made == []

    event = world.event(account)
    assert world.deliver() == 1
    assert world.receiver.ids() == [event]
    assert len(made) == 1
