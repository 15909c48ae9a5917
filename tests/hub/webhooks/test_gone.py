"""``410 Gone`` disables an endpoint at once; enabling it resumes the line where it stopped."""

from __future__ import annotations

from tests.hub.webhooks.conftest import WebhookWorld, served, statuses


def test_410_disables_at_once_and_enabling_resumes_in_order_with_the_events_recorded_meanwhile(
    world: WebhookWorld,
):
    account = world.link()
    endpoint_id, _ = world.add()
    first, second = world.events(account, 2)
    world.receiver.status = statuses([410])

    world.deliver()
    gone = world.endpoints.get(endpoint_id)
    assert not gone.enabled and "410" in (gone.disabled_reason or "")
    head = world.deliveries(endpoint_id)[0]
    assert head["event_id"] == first and head["state"] == "pending"

    meanwhile = world.event(account)
    world.clock.advance(hours=2)
    world.deliver()
    assert world.receiver.ids() == [first]  # nothing is sent to a disabled endpoint

    assert world.endpoints.update(endpoint_id, enabled=True).enabled
    world.deliver()
    assert world.receiver.ids() == [first, first, second, meanwhile]


def test_patch_enabled_over_the_api_resumes_deliveries(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    first = world.event(account)
    world.receiver.status = statuses([410])
    world.deliver()
    meanwhile = world.event(account)

    with served(world) as api:
        shown = api.get(f"/v1/webhook-endpoints/{endpoint_id}").json()
        assert shown["enabled"] is False and "410" in shown["disabled_reason"]
        answer = api.patch(f"/v1/webhook-endpoints/{endpoint_id}", json={"enabled": True})
        assert answer.status_code == 200, answer.text
        assert answer.json()["enabled"] is True and answer.json()["disabled_reason"] is None

    world.deliver()
    assert world.receiver.ids() == [first, first, meanwhile]
