"""Webhook tests: a hub on a SQLite file linked to Tiny HRIS in process, a receiver, fake DNS and a clock.

The receiver is the customer's, outside the part under test: an ``httpx.MockTransport`` that keeps
every request and answers what the test says, so nothing leaves the process. A fake resolver stands
in for DNS (host → addresses) and a clock the test moves drives retries and the days before an
endpoint is disabled, without sleeping.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from hub import HttpSettings, Hub
from hub.api import create_app
from hub.api.ratelimit import Rate, RateLimits
from hub.serving import serve_in_thread
from hub.store.events import record_account_event
from hub.webhooks.addresses import DestinationPolicy
from hub.webhooks.dispatch import WebhookDispatcher
from hub.webhooks.endpoints import WebhookEndpoints
from tests.tiny_hris.sandbox import Sandbox

PUBLIC = "93.184.216.34"
"""A public address the fake DNS answers for receivers' names (nothing is ever sent to it)."""
RECEIVER = "hooks.example.com"
OTHER = "other.example.com"
SCHEDULE = (timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1))
"""A short retry schedule: what the tests exercise is the schedule's use, not its hours."""


class Clock:
    """The dispatcher's time, moved by the test."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


class DNS:
    """A resolver: host → the addresses the test says it has; keeps every lookup."""

    def __init__(self) -> None:
        self.answers: dict[str, list[str]] = {RECEIVER: [PUBLIC], OTHER: [PUBLIC]}
        self.lookups: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.lookups.append((host, port))
        if host not in self.answers:
            raise OSError(f"no such host {host}")
        return list(self.answers[host])


@dataclass
class Receiver:
    """The customer's receiver: keeps each request; answers ``status(request)`` (204 by default)."""

    status: Callable[[httpx.Request], int] = lambda request: 204
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status(request), text="thanks")

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def to(self, host: str = RECEIVER) -> list[httpx.Request]:
        """The requests meant for ``host`` (by their Host header)."""
        return [r for r in self.requests if r.headers["host"].split(":")[0] == host]

    def ids(self, host: str = RECEIVER) -> list[str]:
        """The ``webhook-id`` of each request to ``host``, in the order they came."""
        return [r.headers["webhook-id"] for r in self.to(host)]

    def bodies(self, host: str = RECEIVER) -> list[dict[str, Any]]:
        return [json.loads(r.content) for r in self.to(host)]


@dataclass
class WebhookWorld:
    """One hub and its customer; the receiver, DNS and clock its deliveries meet."""

    hub: Hub
    sandbox: Sandbox
    customer_id: str
    api_key: str
    clock: Clock
    dns: DNS
    receiver: Receiver
    policy: DestinationPolicy = field(default_factory=DestinationPolicy)

    @property
    def endpoints(self) -> WebhookEndpoints:
        return WebhookEndpoints(self.hub.store, self.policy)

    def add(self, url: str = f"https://{RECEIVER}/hooks", **filters: Any) -> tuple[str, str]:
        """Register an endpoint of the customer; its id and secret."""
        endpoint, secret = self.endpoints.add(self.customer_id, url, **filters)
        return endpoint.id, secret

    def dispatcher(self, **options: Any) -> WebhookDispatcher:
        made: dict[str, Any] = {
            "policy": self.policy,
            "transport": self.receiver.transport,
            "resolver": self.dns,
            "clock": self.clock,
            "schedule": SCHEDULE,
        }
        return WebhookDispatcher(self.hub.store, **(made | options))

    def deliver(self, **options: Any) -> int:
        """One pass of the dispatcher: queue new events, send what is due; how many were sent."""
        return asyncio.run(self.dispatcher(**options).deliver_due())

    def link(self, customer_id: str | None = None, **options: Any) -> str:
        """Link the sandbox for the customer (or ``customer_id``); the account id."""
        account = self.hub.link(
            "tiny_hris",
            self.sandbox.credentials(),
            customer_id=customer_id or self.customer_id,
            options=options,
        )
        return account.id

    def event(
        self, account_id: str, type: str = "account.synced", at: datetime | None = None, **record: Any
    ) -> str:
        """Record one account event in the outbox (at ``at``, default now); its id."""
        with self.hub.store.begin() as db:
            return record_account_event(
                db, account_id=account_id, type=type, record=record or {"n": 1}, now=at or datetime.now(UTC)
            )

    def events(self, account_id: str, count: int) -> list[str]:
        return [self.event(account_id, n=n) for n in range(count)]

    def deliveries(self, endpoint_id: str) -> list[dict[str, Any]]:
        """The endpoint's deliveries, oldest first, with their attempts."""
        from hub.webhooks.feed import delivery_page

        return list(reversed(delivery_page(self.hub.store, endpoint_id, limit=200)[0]))


@contextmanager
def served(world: WebhookWorld, api_key: str | None = None) -> Iterator[httpx.Client]:
    """The world's hub served on loopback (no dispatcher: tests deliver), as a client of the customer."""
    app = create_app(world.hub, rate_limits=RateLimits(api=Rate(100_000), link=Rate(100_000)))
    with serve_in_thread(app) as url:
        auth = {"Authorization": f"Bearer {api_key or world.api_key}"}
        with httpx.Client(base_url=url, headers=auth, timeout=30) as client:
            yield client


def statuses(answers: Iterable[int]) -> Callable[[httpx.Request], int]:
    """A receiver answering these statuses in turn, then 204."""
    left = list(answers)
    return lambda request: left.pop(0) if left else 204


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(employees=12, seed=3)


@pytest.fixture
def world(tmp_path, sandbox) -> Iterator[WebhookWorld]:
    hub = Hub(
        transport=sandbox.transport(),
        settings=HttpSettings(retry_initial_wait=0.001, max_attempts=2),
        database_url=f"sqlite:///{tmp_path / 'hub.db'}",
    )
    try:
        customer, key = hub.store.customers.add("people-app")
        yield WebhookWorld(hub, sandbox, customer.id, key, Clock(), DNS(), Receiver())
    finally:
        hub.close()
