"""``hrishub webhooks``: register, list, rotate, disable and enable, read and redo deliveries, remove."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from click.testing import Result
from standardwebhooks.webhooks import Webhook
from typer.testing import CliRunner

from hub import Hub
from hub.cli import app
from hub.webhooks.addresses import DestinationPolicy
from tests.hub.webhooks.conftest import DNS, RECEIVER, Clock, Receiver
from tests.tiny_hris.sandbox import Sandbox

SECRET = re.compile(r"whsec_[A-Za-z0-9+/=]+")
URL = f"https://{RECEIVER}/hooks"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.delenv("HRISHUB_WEBHOOK_ALLOW", raising=False)
    runner = CliRunner()
    return lambda *args, input=None: runner.invoke(app, [str(a) for a in args], input=input)


class Outside:
    """What happens outside the CLI on the same store (HRISHUB_HOME): a linked account, deliveries."""

    def __init__(self) -> None:
        self.sandbox = Sandbox(employees=8, seed=2)
        self.hub = Hub(transport=self.sandbox.transport())
        customer, _ = self.hub.store.customers.add("people-app")
        self.customer_id = customer.id
        self.account = self.hub.link("tiny_hris", self.sandbox.credentials(), customer_id=customer.id).id
        self.receiver = Receiver()
        self.clock = Clock()

    def event(self) -> str:
        from datetime import UTC, datetime

        from hub.store.events import record_account_event

        with self.hub.store.begin() as db:
            return record_account_event(
                db, account_id=self.account, type="account.synced", record={}, now=datetime.now(UTC)
            )

    def deliver(self) -> None:
        self.clock.advance(minutes=1)
        dispatcher = self.hub.webhook_dispatcher(
            policy=DestinationPolicy(), transport=self.receiver.transport, resolver=DNS(), clock=self.clock
        )
        asyncio.run(dispatcher.deliver_due())


@pytest.fixture
def outside() -> Iterator[Outside]:
    made = Outside()
    try:
        yield made
    finally:
        made.hub.close()


def add(cli: Callable[..., Result], outside: Outside) -> tuple[str, str, Result]:
    result = cli("webhooks", "add", URL, "--customer", outside.customer_id)
    assert result.exit_code == 0, result.output
    (endpoint_id,) = re.findall(r"Endpoint (whe_[\w-]+) registered", result.stdout)
    (secret,) = SECRET.findall(result.stdout)
    return endpoint_id, secret, result


def listed(cli: Callable[..., Result]) -> list[dict[str, Any]]:
    result = cli("webhooks", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_add_prints_the_secret_once_and_the_list_never_shows_it(cli, outside: Outside):
    endpoint_id, secret, _ = add(cli, outside)

    table = cli("webhooks")
    assert table.exit_code == 0 and endpoint_id in table.stdout and URL in table.stdout
    assert "whsec_" not in table.stdout and "enabled" in table.stdout
    (shown,) = listed(cli)
    assert shown["id"] == endpoint_id and "secret" not in shown and secret not in json.dumps(shown)

    event_id = outside.event()
    outside.deliver()
    (request,) = outside.receiver.requests
    assert Webhook(secret).verify(request.content, dict(request.headers))["data"]["id"] == event_id


def test_rotate_secret_prints_a_new_secret_and_both_sign_meanwhile(cli, outside: Outside):
    endpoint_id, old, _ = add(cli, outside)
    rotated = cli("webhooks", "rotate-secret", endpoint_id)
    assert rotated.exit_code == 0, rotated.output
    (new,) = SECRET.findall(rotated.stdout)
    assert new != old and "also signs until" in rotated.stdout

    outside.event()
    outside.deliver()
    (request,) = outside.receiver.requests
    for secret in (old, new):
        Webhook(secret).verify(request.content, dict(request.headers))


def test_disable_and_enable(cli, outside: Outside):
    endpoint_id, _, _ = add(cli, outside)
    stopped = cli("webhooks", "disable", endpoint_id)
    assert stopped.exit_code == 0 and "stopped" in stopped.stdout
    assert listed(cli)[0]["enabled"] is False
    assert "disabled" in cli("webhooks").stdout
    waiting = outside.event()
    outside.deliver()
    assert outside.receiver.requests == []

    resumed = cli("webhooks", "enable", endpoint_id)
    assert resumed.exit_code == 0 and "resume" in resumed.stdout
    assert listed(cli)[0]["enabled"] is True
    outside.deliver()
    assert outside.receiver.ids() == [waiting]


def test_deliveries_and_redeliver_an_event(cli, outside: Outside):
    endpoint_id, _, _ = add(cli, outside)
    assert "No delivery yet" in cli("webhooks", "deliveries", endpoint_id).stdout
    event_id = outside.event()
    outside.deliver()

    table = cli("webhooks", "deliveries", endpoint_id)
    assert table.exit_code == 0 and event_id in table.stdout and "delivered" in table.stdout
    assert "204" in table.stdout

    nothing = cli("webhooks", "redeliver", endpoint_id)
    assert nothing.exit_code == 2 and "--event" in nothing.output and "Traceback" not in nothing.output
    again = cli("webhooks", "redeliver", endpoint_id, "--event", event_id)
    assert again.exit_code == 0 and again.stdout.startswith("1 deliveries queued")
    outside.deliver()
    assert outside.receiver.ids() == [event_id, event_id]
    history = json.loads(cli("webhooks", "deliveries", endpoint_id, "--json").stdout)
    assert [d["event_id"] for d in history] == [event_id, event_id]
    assert all(d["state"] == "delivered" and d["attempts"][0]["status"] == 204 for d in history)


def test_remove_with_yes(cli, outside: Outside):
    endpoint_id, _, _ = add(cli, outside)
    removed = cli("webhooks", "remove", endpoint_id, "--yes")
    assert removed.exit_code == 0 and "removed" in removed.stdout
    assert listed(cli) == []
    assert "No webhook endpoint yet" in cli("webhooks").stdout
    missing = cli("webhooks", "enable", endpoint_id)
    assert missing.exit_code == 2 and endpoint_id in missing.output and "hrishub webhooks" in missing.output


@pytest.mark.parametrize(
    "url",
    ["ftp://hooks.example.com/in", "http://hooks.example.com/in", "https://169.254.169.254/", "nonsense"],
)
def test_a_bad_url_exits_2_naming_url_and_the_fix(cli, outside: Outside, url: str):
    result = cli("webhooks", "add", url, "--customer", outside.customer_id)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert re.search(r"^\s*url\s", result.stderr, re.MULTILINE), result.stderr
    assert "Give " in result.stderr and "Fix:" in result.stderr
    assert "whsec_" not in result.output
    assert listed(cli) == []


def test_an_unknown_customer_exits_2_pointing_to_the_customer_list(cli, outside: Outside):
    result = cli("webhooks", "add", URL, "--customer", "cus_nobody")
    assert result.exit_code == 2, result.output
    assert "cus_nobody" in result.stderr and "hrishub customers" in result.stderr
    assert "Traceback" not in result.output and "whsec_" not in result.output
    assert listed(cli) == []


def test_redeliver_a_time_range(cli, outside: Outside):
    endpoint_id, _, _ = add(cli, outside)
    first, second = outside.event(), outside.event()
    outside.deliver()
    since = (outside.clock.now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")  # no offset: UTC
    again = cli("webhooks", "redeliver", endpoint_id, "--since", since)
    # the account's linking, recorded before the endpoint existed, is in the range too
    assert again.exit_code == 0 and again.stdout.startswith("3 deliveries queued"), again.output
    outside.deliver()
    assert outside.receiver.ids()[:2] == outside.receiver.ids()[3:] == [first, second]
    assert outside.receiver.bodies()[2]["type"] == "account.linked"
