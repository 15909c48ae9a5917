"""The HTTP API over real loopback HTTP: a UKG Pro sandbox server, a hub on a SQLite file, the API server."""

import itertools
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from connectors.ukg_pro.sandbox import Sandbox, run_server
from hub import HttpSettings, Hub
from hub.api import create_app
from hub.serving import serve_in_thread
from tests.hub.api.conftest import GENEROUS

PROBLEM_JSON = "application/problem+json"


@dataclass
class World:
    """One sandbox tenant, one hub and the API serving it."""

    sb: Sandbox
    sandbox_url: str
    hub: Hub
    api_url: str
    clients: list[httpx.Client] = field(default_factory=list)

    @property
    def creds(self) -> dict[str, str]:
        return self.sb.credentials(self.sandbox_url)

    def anonymous(self) -> httpx.Client:
        client = httpx.Client(base_url=self.api_url, timeout=30)
        self.clients.append(client)
        return client

    def customer(self, name: str = "app") -> httpx.Client:
        """A new customer of the hub, as an httpx client sending its API key."""
        customer, key = self.hub.store.customers.add(name)
        client = httpx.Client(base_url=self.api_url, headers={"Authorization": f"Bearer {key}"}, timeout=30)
        client.customer_id = customer.id  # type: ignore[attr-defined]
        self.clients.append(client)
        return client

    def link(self, client: httpx.Client, creds: dict[str, Any] | None = None, **body: Any) -> dict[str, Any]:
        answer = client.post(
            "/v1/accounts", json={"connector": "ukg_pro", "credentials": creds or self.creds, **body}
        )
        assert answer.status_code == 201, answer.text
        return answer.json()

    def sync(self, client: httpx.Client, account_id: str, **body: Any) -> dict[str, Any]:
        answer = client.post(f"/v1/accounts/{account_id}/sync", params={"wait": "true"}, json=body or None)
        assert answer.status_code == 200, answer.text
        return answer.json()


@contextmanager
def open_world(home: Path, **sandbox: Any) -> Iterator[World]:
    """A sandbox served on loopback, a hub whose store lives in ``home``, the API served on loopback."""
    with ExitStack() as stack, pytest.MonkeyPatch.context() as mp:
        # The store's secret key file goes to this folder, never the user's data folder.
        mp.setenv("HRISHUB_HOME", str(home))
        mp.delenv("HRISHUB_SECRET_KEY", raising=False)
        mp.delenv("HRISHUB_DATABASE_URL", raising=False)
        sb = Sandbox(**({"employees": 40, "seed": 5} | sandbox))
        sandbox_url = stack.enter_context(run_server(sb))
        hub = Hub(
            settings=HttpSettings(
                sandbox_origins=frozenset({sandbox_url}), retry_initial_wait=0.01, max_attempts=3
            ),
            database_url=f"sqlite:///{home / 'hub.db'}",
        )
        hub.store  # noqa: B018  (opened now, while HRISHUB_HOME names this folder)
        stack.callback(hub.close)
        api_url = stack.enter_context(serve_in_thread(create_app(hub, rate_limits=GENEROUS)))
        world = World(sb, sandbox_url, hub, api_url)
        try:
            yield world
        finally:
            for client in world.clients:
                client.close()


@pytest.fixture(scope="session")
def world(tmp_path_factory) -> Iterator[World]:
    with open_world(tmp_path_factory.mktemp("api")) as w:
        yield w


@pytest.fixture(scope="session")
def linked(world) -> tuple[httpx.Client, dict[str, Any]]:
    """A customer with one linked account, not synced (shared: tests only read it)."""
    client = world.customer("linked")
    return client, world.link(client)


@pytest.fixture(scope="session")
def synced(world) -> tuple[httpx.Client, dict[str, Any]]:
    """A customer with one account linked and synced (shared: tests only read it)."""
    client = world.customer("reader")
    account = world.link(client)
    world.sync(client, account["id"])
    return client, account


@pytest.fixture
def make_world(tmp_path) -> Iterator[Callable[..., World]]:
    """A world of one's own, for tests that change the tenant."""
    with ExitStack() as stack:
        made = itertools.count()

        def make(**sandbox: Any) -> World:
            return stack.enter_context(open_world(tmp_path / f"world{next(made)}", **sandbox))

        yield make


def assert_problem(answer: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    """The answer is an RFC 9457 problem of that status and type; its body."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == PROBLEM_JSON
    body = answer.json()
    assert body["type"] == f"https://hrishub.dev/problems/{slug}"
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["remedy"]
    assert "Traceback" not in answer.text
    return body


def page_through(
    client: httpx.Client, path: str, account_id: str, **params: Any
) -> list[list[dict[str, Any]]]:
    """Every page of a list route, following next_cursor."""
    pages, cursor = [], None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        answer = client.get(path, params=query, headers={"X-Account-Id": account_id})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        pages.append(body["results"])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages


@pytest.fixture(name="assert_problem")
def assert_problem_fixture() -> Callable[..., dict[str, Any]]:
    return assert_problem


@pytest.fixture(name="page_through")
def page_through_fixture() -> Callable[..., list[list[dict[str, Any]]]]:
    return page_through
