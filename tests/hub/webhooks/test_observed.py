"""Webhook deliveries as the operator sees them: counted by outcome, failures logged with their account."""

from __future__ import annotations

from datetime import timedelta

from hub.observability.metrics import exposition
from tests.hub.observability.conftest import captured_logs, sample  # noqa: F401  (a fixture)
from tests.hub.webhooks.conftest import WebhookWorld, statuses


def count(outcome: str) -> float:
    return sample(exposition().decode(), "hrishub_webhook_deliveries_total", outcome=outcome)


def test_each_attempt_is_counted_by_outcome_and_failures_are_logged(world: WebhookWorld, captured_logs):  # noqa: F811
    account = world.link()
    endpoint_id, _ = world.add()
    world.events(account, 2)
    before = {o: count(o) for o in ("delivered", "retrying", "given_up", "gone")}
    short = [timedelta(seconds=1)]

    world.receiver.status = statuses([500, 500])
    world.deliver(schedule=short)  # first attempt fails: retried later
    world.clock.advance(seconds=1)
    world.deliver(schedule=short)  # fails again: no retry left, given up; the next event goes next time
    world.deliver(schedule=short)
    world.receiver.status = lambda request: 410
    world.event(account)
    world.deliver(schedule=short)

    grew = {o: count(o) - before[o] for o in before}
    assert grew == {"delivered": 1, "retrying": 1, "given_up": 1, "gone": 1}
    failures = [
        e for e in captured_logs.events() if e["event"] == "webhook.delivery" and e["level"] == "warning"
    ]
    assert [e["outcome"] for e in failures] == ["retrying", "given_up", "gone"]
    assert all(e["account_id"] == account and e["endpoint_id"] == endpoint_id for e in failures)
    assert [e["status"] for e in failures] == [500, 500, 410]
    (delivered,) = [e for e in captured_logs.events() if e.get("outcome") == "delivered"]
    assert delivered["level"] == "debug" and delivered["account_id"] == account
