"""The address is checked at every delivery, and the request goes to the address that was checked."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from hub.store import tables as t
from hub.webhooks.addresses import DestinationPolicy
from tests.hub.webhooks.conftest import OTHER, PUBLIC, RECEIVER, WebhookWorld

REFUSED = {
    "metadata service": ["169.254.169.254"],
    "private": ["10.0.0.5"],
    "loopback, not allowed": ["127.0.0.1"],
    "public and private": [PUBLIC, "10.0.0.5"],
    "private after public": ["192.168.1.20", PUBLIC],
    "IPv6 unique local": ["fd00::5"],
    "IPv4-mapped metadata": ["::ffff:169.254.169.254"],
}


@pytest.mark.parametrize("addresses", REFUSED.values(), ids=REFUSED.keys())
def test_a_name_that_later_resolves_to_a_forbidden_address_is_refused_and_nothing_is_sent(
    world: WebhookWorld, addresses: list[str]
):
    account = world.link()
    endpoint_id, _ = world.add(f"https://{RECEIVER}/hooks")  # registered fine: a public name
    world.dns.answers[RECEIVER] = addresses

    world.event(account)
    world.deliver()

    assert world.receiver.requests == []
    (attempt,) = world.deliveries(endpoint_id)[0]["attempts"]
    assert attempt["status"] is None and attempt["error"].startswith("not sent:")
    assert any(address.split(":")[-1] in attempt["error"] for address in addresses)
    assert (RECEIVER, 443) in world.dns.lookups


def test_a_name_is_checked_again_at_each_delivery(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    world.event(account)
    world.deliver()
    assert len(world.receiver.requests) == 1

    world.dns.answers[RECEIVER] = ["10.1.2.3"]  # the name now points inside the hub's network
    world.event(account)
    world.deliver()
    assert len(world.receiver.requests) == 1
    assert "10.1.2.3" in world.deliveries(endpoint_id)[-1]["attempts"][0]["error"]


def test_loopback_is_delivered_when_the_operator_allows_it(world: WebhookWorld):
    world.policy = DestinationPolicy(loopback=True)
    account = world.link()
    world.add("http://localhost:8321/hooks")
    world.dns.answers["localhost"] = ["127.0.0.1"]
    event_id = world.event(account)
    world.deliver()

    (request,) = world.receiver.requests
    assert str(request.url) == "http://127.0.0.1:8321/hooks"
    assert request.headers["host"] == "localhost:8321" and request.headers["webhook-id"] == event_id


@pytest.mark.parametrize("address", ["169.254.169.254", "fe80::1"])
def test_link_local_is_never_delivered_whatever_the_operator_allows(world: WebhookWorld, address: str):
    world.policy = DestinationPolicy(loopback=True, private=True)
    account = world.link()
    endpoint_id, _ = world.add()
    world.dns.answers[RECEIVER] = [address]
    world.event(account)
    world.deliver()

    assert world.receiver.requests == []
    assert "link-local" in world.deliveries(endpoint_id)[0]["attempts"][0]["error"]


def test_the_request_goes_to_the_checked_address_with_the_original_host(world: WebhookWorld):
    account = world.link()
    world.add(f"https://{RECEIVER}:8443/in/events?app=7")
    world.event(account)
    world.deliver()

    (request,) = world.receiver.requests
    assert request.url.host == PUBLIC and request.url.port == 8443
    assert request.url.path == "/in/events" and request.url.query == b"app=7"
    assert request.headers["host"] == f"{RECEIVER}:8443"
    assert request.extensions["sni_hostname"] == RECEIVER  # TLS still checks the name's certificate
    assert world.dns.lookups == [(RECEIVER, 8443)]


def test_a_stored_url_no_request_can_be_made_to_fails_its_delivery_and_no_other(world: WebhookWorld):
    """A URL registered before the hub refused control characters is an attempt error, not a crash."""
    account = world.link()
    broken, _ = world.add()
    world.add(f"https://{OTHER}/hooks")
    with world.hub.store.begin() as db:
        w = t.webhook_endpoints.c
        db.execute(update(t.webhook_endpoints).where(w.id == broken).values(url=f"https://{RECEIVER}/\nx"))
    event_id = world.event(account)
    world.deliver()

    assert world.receiver.ids(OTHER) == [event_id] and world.receiver.ids(RECEIVER) == []
    (attempt,) = world.deliveries(broken)[0]["attempts"]
    assert attempt["error"].startswith("not sent:") and "control characters" in attempt["error"]
