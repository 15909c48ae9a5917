"""Account events (linked, synced, needs_attention, sync.failed) reach an endpoint in the order they happened."""

from __future__ import annotations

from tests.hub.webhooks.conftest import WebhookWorld


def test_an_accounts_life_arrives_in_order_without_its_credentials(world: WebhookWorld):
    endpoint_id, _ = world.add()
    account = world.link()
    world.hub.sync(account)
    world.sandbox.replace_key("tiny-rotated-by-the-provider")  # the stored key is refused now
    world.hub.sync(account)
    world.hub.sync(account)  # refused again without calling the provider: no second needs_attention
    world.deliver()

    bodies = world.receiver.bodies()
    assert [b["type"] for b in bodies] == [
        "account.linked",
        "account.synced",
        "account.needs_attention",
        "sync.failed",
        "sync.failed",
    ]
    assert {b["data"]["account_id"] for b in bodies} == {account}
    attention = bodies[2]["data"]["record"]
    assert attention["id"] == account and attention["reason"] and attention["remedy"]
    assert all(d["state"] == "delivered" for d in world.deliveries(endpoint_id))
    sent = b"".join(r.content for r in world.receiver.requests)
    assert world.sandbox.credentials()["api_key"].encode() not in sent
    assert b"tiny-0003-key" not in sent  # the key the account was linked with


def test_account_deleted_reaches_the_endpoint_after_its_events_are_gone(world):
    """The newest events go with the account; the position of account.deleted is still a new one."""
    account = world.link()
    world.add()
    world.events(account, 3)
    world.deliver()
    world.hub.delete_account(account)
    world.deliver()
    bodies = world.receiver.bodies()
    assert bodies[-1]["type"] == "account.deleted" and bodies[-1]["data"]["account_id"] == account
