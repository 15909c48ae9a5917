"""RestClient: bounded retries honouring Retry-After, typed errors, JSON, the settings' transport and limits."""

from __future__ import annotations

import time

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.sdk import (
    HttpSettings,
    LabelTable,
    PageNumber,
    ProviderAuthError,
    ProviderErrors,
    ProviderResponseError,
    ProviderUnreachable,
    RateLimited,
    RestClient,
    Retryable,
    retrying,
)

from .conftest import BASE, ERRORS, make_client


def always(status: int, **kwargs):
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(status, **kwargs)

    return handler, calls


def failing_then(failures: int, status: int = 503, body=b"[]", **kwargs):
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) <= failures:
            return httpx.Response(status, **kwargs)
        return httpx.Response(200, content=body)

    return handler, calls


async def test_a_request_goes_through_the_settings_transport_with_the_auth_headers(client_for):
    handler, calls = failing_then(0, body=b'[{"id": 1}]')
    client = client_for(handler)
    assert await client.get("/employees", {"page": 1}) == [{"id": 1}]
    assert str(calls[0].url) == f"{BASE}/employees?page=1"
    assert calls[0].headers["Authorization"] == "Bearer k"
    assert calls[0].headers["Accept"] == "application/json"
    assert client.requests == 1


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
async def test_transient_statuses_are_retried_then_succeed(client_for, status):
    handler, calls = failing_then(2, status)
    client = client_for(handler)
    assert await client.get("/employees") == []
    assert len(calls) == client.requests == 3


async def test_a_status_that_keeps_failing_ends_after_max_attempts_in_a_typed_error(client_for):
    handler, calls = always(503)
    with pytest.raises(ProviderResponseError, match="Acme answered 503 on /employees"):
        await client_for(handler, max_attempts=4).get("/employees")
    assert len(calls) == 4


async def test_429_that_keeps_coming_is_rate_limited_with_the_wait_asked(client_for):
    handler, calls = always(429, headers={"Retry-After": "0"})
    with pytest.raises(RateLimited) as caught:
        await client_for(handler).get("/employees")
    assert len(calls) == 3 and caught.value.provider == "acme"


@pytest.mark.parametrize("status", [400, 401, 403, 404, 302])
async def test_other_statuses_are_not_retried(client_for, status):
    handler, calls = always(status, headers={"Location": "https://elsewhere.example/"})
    with pytest.raises(Exception) as caught:
        await client_for(handler).get("/employees")
    assert len(calls) == 1
    assert caught.value.type in {
        "provider-response",
        "provider-credentials-rejected",
        "missing-permission",
        "not-found",
    }
    if status == 401:
        assert isinstance(caught.value, ProviderAuthError)


async def test_a_retry_after_within_the_budget_is_waited_out(client_for):
    handler, calls = failing_then(1, 429, headers={"Retry-After": "0.3"})
    started = time.monotonic()
    assert await client_for(handler, retry_initial_wait=0.001).get("/employees") == []
    assert time.monotonic() - started >= 0.3  # the provider's wait, not the 1 ms backoff
    assert len(calls) == 2


async def test_a_retry_after_past_the_budget_gives_up_at_once(client_for):
    handler, calls = always(429, headers={"Retry-After": "30"})
    started = time.monotonic()
    with pytest.raises(RateLimited, match="it asks to wait 30 s") as caught:
        await client_for(handler, max_retry_seconds=5.0, max_attempts=6).get("/employees")
    assert time.monotonic() - started < 1.0
    assert len(calls) == 1 and caught.value.retry_after == 30.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.one_of(
        st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=30),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.integers(min_value=-5, max_value=10**6).map(str),
        st.floats(min_value=0, max_value=0.05).map(lambda s: f"{s:.3f}"),
    ),
    status=st.sampled_from([429, 503]),
)
async def test_whatever_retry_after_says_the_settings_bound_the_attempts_and_the_time(value, status):
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers=[(b"Retry-After", value.encode("latin-1"))])

    client = make_client(handler, max_attempts=3, max_retry_seconds=0.1, retry_initial_wait=0.001)
    started = time.monotonic()
    try:
        with pytest.raises((RateLimited, ProviderResponseError)):
            await client.get("/employees")
    finally:
        await client.aclose()
    assert client.requests <= 3
    assert time.monotonic() - started < 0.1 + 0.25


async def test_malformed_json_is_retried_then_a_typed_error_naming_the_path(client_for):
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b'[{"id": 1}, {"id":')

    client = client_for(handler)
    with pytest.raises(ProviderResponseError, match=r"Acme sent malformed JSON from /employees \(page 2\)"):
        await client.get("/employees", {"page": 2})
    assert client.requests == 3
    handler, _ = failing_then(0, body=b"<html>not json</html>")
    with pytest.raises(ProviderResponseError) as caught:
        await client_for(handler).get("/employees")
    assert caught.value.message == "Acme sent malformed JSON from /employees."


async def test_a_transport_failure_is_retried_then_unreachable(client_for):
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(ProviderUnreachable, match="Could not reach Acme") as caught:
        await client_for(handler).get("/employees")
    assert calls == 3 and caught.value.fields == {"base_url": "Check the API address."}


async def test_retrying_lets_anything_but_retryable_through_at_once():
    tries = 0

    async def attempt() -> int:
        nonlocal tries
        tries += 1
        if tries == 1:
            raise Retryable(ProviderResponseError("once"))
        raise KeyError("a bug, not a provider failure")

    with pytest.raises(KeyError):
        await retrying(attempt, HttpSettings(retry_initial_wait=0.001))
    assert tries == 2


# -- the limiter, through the client -----------------------------------------------------------------


async def test_a_429_shrinks_the_limit_and_successes_grow_it_back(client_for):
    handler, _ = failing_then(2, 429)
    client = client_for(handler, max_concurrency=8, max_attempts=5)
    await client.get("/employees")
    assert client.limiter.limit == 2  # halved twice
    for _ in range(2 * 20):
        await client.get("/employees")
    assert client.limiter.limit == 4  # one more per 20 successes
    for _ in range(4 * 20):
        await client.get("/employees")
    assert client.limiter.limit == 8  # and never past the account's concurrency


# -- the connector side: endpoints, a paginator, the query ------------------------------------------


class Acme(RestClient):
    endpoints = {"employees": "/employees", "departments": "/departments"}
    paginator = PageNumber(page_param="p")

    def __init__(self, settings: HttpSettings) -> None:
        super().__init__(BASE, settings, errors=ERRORS)

    def query(self, record, *, since, until, where):
        return {"id": list(where["id"])} if where else {}


async def test_records_read_the_endpoint_with_the_paginator_and_the_query():
    asked = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        page = int(request.url.params.get("p", "1"))
        return httpx.Response(200, json=[{"id": "E1"}, {"id": "E2"}] if page == 1 else [])

    async with Acme(HttpSettings(transport=httpx.MockTransport(handler))) as client:
        pages = [page async for page in client.records("employees", where={"id": ["E1", "E2"]})]
        assert pages == [[{"id": "E1"}, {"id": "E2"}]]
        assert asked == [f"{BASE}/employees?id=E1&id=E2&p=1", f"{BASE}/employees?id=E1&id=E2&p=2"]
        with pytest.raises(
            ValueError, match="unknown Acme record type 'jobs'; known: employees, departments"
        ):
            async for _ in client.records("jobs"):
                pass
        await client.probe()
        assert asked[-1] == f"{BASE}/employees"
        assert await client.labels("Employee") == LabelTable()
        assert repr(client) == f"Acme({BASE!r})"


async def test_redirects_are_never_followed(client_for):
    handler, calls = always(307, headers={"Location": "http://169.254.169.254/latest"})
    with pytest.raises(ProviderResponseError, match="never follows redirects"):
        await client_for(handler).get("/employees")
    assert [c.url.host for c in calls] == ["api.acme.example"]


def test_provider_errors_are_data_a_connector_declares():
    errors = ProviderErrors(provider="acme", title="Acme", retry_statuses=frozenset({503}))
    assert 429 not in errors.retry_statuses
