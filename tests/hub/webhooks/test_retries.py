"""Failed deliveries are retried on the schedule, then given up; days of failure disable an endpoint."""

from __future__ import annotations

from datetime import timedelta

from hub.webhooks.dispatch import DISABLE_AFTER, RETRY_SCHEDULE
from hub.webhooks.feed import event_page
from tests.hub.webhooks.conftest import OTHER, RECEIVER, SCHEDULE, WebhookWorld


def test_attempts_follow_the_schedule_then_the_delivery_fails_and_the_line_moves_on(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    first, second = world.events(account, 2)
    world.receiver.status = lambda request: 500
    start = world.clock.now

    world.deliver()
    for wait in SCHEDULE:
        world.clock.advance(seconds=wait.total_seconds() - 1)
        world.deliver()  # a second early: not due
        world.clock.advance(seconds=1)
        world.deliver()

    head = world.deliveries(endpoint_id)[0]
    expected, at = [start], start
    for wait in SCHEDULE:
        at += wait
        expected.append(at)
    assert [a["at"] for a in head["attempts"]] == expected
    assert all(a["status"] == 500 and a["response"] == "thanks" for a in head["attempts"])
    assert head["event_id"] == first and head["state"] == "failed" and head["next_attempt_at"] is None
    assert world.receiver.ids() == [first] * (len(SCHEDULE) + 1)

    world.deliver()  # given up: the next event of the line goes now
    assert world.receiver.ids()[-1] == second


def test_the_default_schedule_retries_for_more_than_a_day():
    assert len(RETRY_SCHEDULE) >= 5
    assert sum(RETRY_SCHEDULE, timedelta()) >= timedelta(hours=24)


def test_an_endpoint_failing_for_days_is_disabled_and_the_customers_other_endpoint_hears_of_it(
    world: WebhookWorld,
):
    account = world.link()
    failing, _ = world.add(f"https://{RECEIVER}/hooks")
    healthy, _ = world.add(f"https://{OTHER}/hooks")
    world.receiver.status = lambda request: 500 if request.headers["host"] == RECEIVER else 204
    daily = [timedelta(days=1)] * 10

    world.event(account)
    world.deliver(schedule=daily)
    for _ in range(DISABLE_AFTER.days - 1):
        world.clock.advance(days=1)
        world.deliver(schedule=daily)
    assert world.endpoints.get(failing).enabled  # four days of failure: still trying
    world.clock.advance(days=1)
    world.deliver(schedule=daily)

    gone = world.endpoints.get(failing)
    assert not gone.enabled and "5 days" in (gone.disabled_reason or "")
    events, _ = event_page(world.hub.store, world.customer_id, types=["webhook_endpoint.disabled"])
    (disabled,) = events
    assert disabled["record"]["id"] == failing and disabled["account_id"] is None

    world.clock.advance(days=1)
    world.deliver(schedule=daily)
    told = [b for b in world.receiver.bodies(OTHER) if b["type"] == "webhook_endpoint.disabled"]
    assert [b["data"]["id"] for b in told] == [disabled["id"]]
    assert told[0]["data"]["record"]["remedy"]
    tries = len(world.receiver.to(RECEIVER))
    assert tries == DISABLE_AFTER.days + 1
    assert all(b["type"] != "webhook_endpoint.disabled" for b in world.receiver.bodies(RECEIVER))
    assert healthy != failing


def test_enabling_an_endpoint_disabled_for_days_of_failure_resumes_at_once_in_order(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    world.receiver.status = lambda request: 500
    daily = [timedelta(days=1)] * 10
    first = world.event(account)
    world.deliver(schedule=daily)
    for _ in range(DISABLE_AFTER.days):
        world.clock.advance(days=1)
        world.deliver(schedule=daily)
    assert not world.endpoints.get(endpoint_id).enabled
    later = world.event(account)
    world.clock.advance(hours=1)
    world.deliver(schedule=daily)

    world.receiver.status = lambda request: 204  # the receiver is fixed
    world.endpoints.update(endpoint_id, enabled=True)
    world.deliver(schedule=daily)  # not a day later: now
    assert world.receiver.ids()[-2:] == [first, later]
    assert [d["state"] for d in world.deliveries(endpoint_id)] == ["delivered", "delivered"]
