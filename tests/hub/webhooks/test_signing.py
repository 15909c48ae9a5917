"""Deliveries verify with the Standard Webhooks reference library, through a secret rotation too."""

from __future__ import annotations

from datetime import datetime, tzinfo

import httpx
import pytest
import standardwebhooks.webhooks as reference
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from tests.hub.webhooks.conftest import WebhookWorld, statuses


def verify(secret: str, request: httpx.Request) -> dict:
    return Webhook(secret).verify(request.content, dict(request.headers))


def signatures(request: httpx.Request) -> list[str]:
    return request.headers["webhook-signature"].split(" ")


def test_a_delivery_verifies_with_the_reference_library_and_carries_the_event_id(world: WebhookWorld):
    account = world.link()
    _, secret = world.add()
    event_id = world.event(account)
    world.deliver()

    (request,) = world.receiver.to()
    payload = verify(secret, request)
    assert request.headers["webhook-id"] == event_id == payload["data"]["id"]
    assert payload["type"] == "account.synced" and payload["data"]["account_id"] == account
    assert len(signatures(request)) == 1
    with pytest.raises(WebhookVerificationError):  # another endpoint's secret does not verify it
        verify(world.add()[1], request)


def test_a_retry_carries_the_same_webhook_id_and_verifies_again(world: WebhookWorld):
    account = world.link()
    _, secret = world.add()
    world.receiver.status = statuses([503])
    event_id = world.event(account)
    world.deliver()
    world.clock.advance(minutes=1)
    world.deliver()

    first, retry = world.receiver.to()
    assert first.headers["webhook-id"] == retry.headers["webhook-id"] == event_id
    assert first.headers["webhook-timestamp"] != retry.headers["webhook-timestamp"]
    assert verify(secret, first) == verify(secret, retry)


def test_after_a_rotation_both_secrets_verify_during_the_grace_and_only_the_new_one_after(
    world: WebhookWorld, monkeypatch: pytest.MonkeyPatch
):
    account = world.link()
    endpoint_id, old = world.add()
    endpoint, new = world.endpoints.rotate_secret(endpoint_id)
    assert new != old and new.startswith("whsec_")
    assert endpoint.previous_secret_until is not None

    world.event(account)
    world.deliver()
    (during,) = world.receiver.to()
    assert len(signatures(during)) == 2 and all(s.startswith("v1,") for s in signatures(during))
    assert verify(old, during) == verify(new, during)

    # A day and an hour later, on the hub's clock and the receiver's alike.
    world.clock.advance(hours=25)
    clock = world.clock

    class ReceiverTime(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
            return clock.now.astimezone(tz)

    monkeypatch.setattr(reference, "datetime", ReceiverTime)
    world.event(account)
    world.deliver()
    after = world.receiver.to()[-1]
    assert len(signatures(after)) == 1
    assert verify(new, after)["type"] == "account.synced"
    with pytest.raises(WebhookVerificationError):
        verify(old, after)
