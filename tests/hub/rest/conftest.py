"""A RestClient against an ``httpx.MockTransport`` (nothing leaves the process), with tiny retry limits."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from hub.sdk import HttpSettings, ProviderErrors, RestClient

BASE = "https://api.acme.example"
ERRORS = ProviderErrors(
    provider="acme",
    title="Acme",
    permissions={"/employees": "Read employees"},
    host_remedy="Check the API address.",
    host_fields={"base_url": "Check the API address."},
)
QUICK = {"max_attempts": 3, "retry_initial_wait": 0.001, "max_retry_seconds": 2.0}

Handler = Callable[[httpx.Request], httpx.Response]


def make_client(handler: Handler, **settings: Any) -> RestClient:
    """A client of the Acme API whose every request goes to ``handler``."""
    options = {**QUICK, **settings, "transport": httpx.MockTransport(handler)}
    return RestClient(BASE, HttpSettings(**options), errors=ERRORS, headers={"Authorization": "Bearer k"})


@pytest.fixture
async def client_for() -> AsyncIterator[Callable[..., RestClient]]:
    """``client_for(handler, **settings)``; every client made is closed after the test."""
    made: list[RestClient] = []

    def make(handler: Handler, **settings: Any) -> RestClient:
        made.append(make_client(handler, **settings))
        return made[-1]

    yield make
    for client in made:
        await client.aclose()
