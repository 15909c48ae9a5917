"""Sensitive fields (national id, date of birth) reach a receiver only when the account includes them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hub.secrets import SEALED_PREFIX
from hub.store import tables as t
from tests.hub.webhooks.conftest import WebhookWorld
from unified_models import SENSITIVE_FIELDS


def hr_works(world: WebhookWorld, include_sensitive: bool) -> tuple[str, list[dict]]:
    """An account synced, HR hires, edits and terminates, the account synced again, delivered."""
    account = world.link(include_sensitive=include_sensitive)
    world.add()
    world.hub.sync(account)
    done = world.sandbox.tenant.advance(hires=3, changes=3, terminations=1)
    world.hub.sync(account)
    world.deliver()
    people = [p for p in world.sandbox.rows("employees") if p["id"] in done.hired + done.changed]
    return account, people


def employee_records(world: WebhookWorld) -> list[dict]:
    bodies = [b for b in world.receiver.bodies() if b["type"].startswith("employee.")]
    assert {b["type"] for b in bodies} >= {"employee.created", "employee.updated", "employee.terminated"}
    return [b["data"]["record"] for b in bodies]


def test_without_include_sensitive_no_sensitive_value_is_in_any_delivery(world: WebhookWorld):
    _, people = hr_works(world, include_sensitive=False)
    sent = b"\n".join(r.content for r in world.receiver.requests)
    for person in people:
        assert person["nationalId"].encode() not in sent
        assert person["dateOfBirth"].encode() not in sent
    assert SEALED_PREFIX.encode() not in sent
    for record in employee_records(world):
        assert all(record.get(name) is None for name in SENSITIVE_FIELDS["Employee"])


def test_with_include_sensitive_the_values_arrive_opened(world: WebhookWorld):
    _, people = hr_works(world, include_sensitive=True)
    by_number = {p["number"]: p for p in people}
    records = employee_records(world)
    seen = [r for r in records if r.get("employee_number") in by_number]
    assert len(seen) >= len(people)
    for record in seen:
        person = by_number[record["employee_number"]]
        assert record["national_id"] == person["nationalId"]
        assert record["date_of_birth"] == person["dateOfBirth"]
    assert SEALED_PREFIX.encode() not in b"\n".join(r.content for r in world.receiver.requests)


@pytest.fixture(autouse=True)
def _sealed_at_rest_check(world: WebhookWorld):
    """Whatever reaches the receiver, the outbox itself keeps sensitive values sealed."""
    yield
    with world.hub.store.engine.connect() as db:
        stored = "\n".join(db.execute(select(t.events.c.payload)).scalars())
    assert "TN-0" not in stored
