"""RestClient.passthrough: the same limiter and retry bounds as reads, no redirects, a size cap, secrets listed."""

from __future__ import annotations

import base64
import gzip

import httpx
import orjson
import pytest

from hub.sdk import (
    HttpSettings,
    PassthroughRequest,
    PassthroughTooLarge,
    ProviderUnreachable,
    RestClient,
)

from .conftest import BASE, ERRORS


def recorder(*answers: httpx.Response | Exception):
    """A handler answering in turn (the last one again and again), and the requests it saw."""
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        answer = answers[min(len(calls), len(answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        return answer

    return handler, calls


def _client(handler, *, auth=None, **settings) -> RestClient:
    options = {"max_attempts": 3, "retry_initial_wait": 0.001, "max_retry_seconds": 2.0, **settings}
    return RestClient(
        BASE,
        HttpSettings(transport=httpx.MockTransport(handler), **options),
        errors=ERRORS,
        auth=auth,
        headers=None if auth else {"Authorization": "Bearer the-api-key"},
    )


async def test_a_get_is_sent_with_the_clients_credentials_and_answers_as_given():
    handler, calls = recorder(httpx.Response(404, json={"error": "none"}, headers={"X-A": "1"}))
    client = _client(handler)
    answer = await client.passthrough(
        PassthroughRequest(
            method="GET", path="/v1/x", params={"a": ["1", "2"], "b": "c"}, headers={"X-T": "t"}
        )
    )
    await client.aclose()
    assert answer.status == 404 and orjson.loads(answer.content) == {"error": "none"}
    (sent,) = calls
    assert str(sent.url) == f"{BASE}/v1/x?a=1&a=2&b=c"
    assert sent.headers["authorization"] == "Bearer the-api-key" and sent.headers["x-t"] == "t"
    assert {"Bearer the-api-key", "the-api-key"} <= answer.secrets
    assert client.requests == 1


async def test_a_get_is_retried_within_the_settings_then_the_last_answer_comes_back():
    handler, calls = recorder(httpx.Response(503, text="down"))
    client = _client(handler)
    answer = await client.passthrough(PassthroughRequest(method="GET", path="/v1/x"))
    await client.aclose()
    assert answer.status == 503 and answer.content == b"down"
    assert len(calls) == 3


async def test_a_post_is_not_sent_twice_after_a_5xx_but_is_after_a_429():
    handler, calls = recorder(httpx.Response(503))
    client = _client(handler)
    answer = await client.passthrough(PassthroughRequest(method="POST", path="/v1/x", body={"n": 1}))
    assert answer.status == 503 and len(calls) == 1
    assert calls[0].content == b'{"n":1}' and calls[0].headers["content-type"] == "application/json"

    handler, calls = recorder(httpx.Response(429, headers={"Retry-After": "0"}), httpx.Response(201))
    client = _client(handler)
    answer = await client.passthrough(PassthroughRequest(method="POST", path="/v1/x", body=[]))
    await client.aclose()
    assert answer.status == 201 and len(calls) == 2


async def test_transport_failures_become_typed_errors_and_a_post_is_not_resent_after_a_drop():
    handler, calls = recorder(httpx.ConnectError("refused"))
    client = _client(handler)
    with pytest.raises(ProviderUnreachable):
        await client.passthrough(PassthroughRequest(method="GET", path="/v1/x"))
    assert len(calls) == 3

    handler, calls = recorder(httpx.ReadTimeout("slow"))
    client = _client(handler)
    with pytest.raises(ProviderUnreachable) as failed:
        await client.passthrough(PassthroughRequest(method="POST", path="/v1/x", body={}))
    await client.aclose()
    assert len(calls) == 1 and "did not answer /v1/x in time" in failed.value.message


async def test_a_redirect_is_returned_never_followed():
    handler, calls = recorder(httpx.Response(302, headers={"Location": "https://evil.example/steal"}))
    client = _client(handler)
    answer = await client.passthrough(PassthroughRequest(method="GET", path="/v1/x"))
    await client.aclose()
    assert answer.status == 302 and len(calls) == 1


async def test_an_answer_past_the_cap_is_refused_even_when_compressed_small():
    bomb = gzip.compress(b"0" * 200_000)
    assert len(bomb) < 1_000
    handler, _ = recorder(httpx.Response(200, content=bomb, headers={"Content-Encoding": "gzip"}))
    client = _client(handler)
    with pytest.raises(PassthroughTooLarge) as refused:
        await client.passthrough(PassthroughRequest(method="GET", path="/v1/x", max_bytes=100_000))
    assert refused.value.limit == 100_000

    handler, _ = recorder(httpx.Response(200, content=b"1" * 5000))
    client = _client(handler)
    small = await client.passthrough(PassthroughRequest(method="GET", path="/v1/x", max_bytes=5000))
    assert len(small.content) == 5000
    with pytest.raises(PassthroughTooLarge):
        await client.passthrough(PassthroughRequest(method="GET", path="/v1/x", max_bytes=4999))
    await client.aclose()


async def test_basic_auth_values_are_listed_as_secrets_each_alone():
    handler, _ = recorder(httpx.Response(200))
    client = _client(handler, auth=httpx.BasicAuth("svc-user", "pa55word!"))
    answer = await client.passthrough(PassthroughRequest(method="GET", path="/v1/x"))
    await client.aclose()
    token = base64.b64encode(b"svc-user:pa55word!").decode()
    assert {f"Basic {token}", token, "svc-user:pa55word!", "svc-user", "pa55word!"} <= answer.secrets
    assert not answer.secrets & {"application/json", "*/*"}


async def test_a_path_off_the_base_is_refused_by_the_client_itself():
    from hub.errors import InvalidPassthrough

    handler, calls = recorder(httpx.Response(200))
    client = _client(handler)
    for path in ("https://evil.example/x", "//evil.example/x", "/a/../../x", "/a/%2e%2e/x", "/a?b=c"):
        with pytest.raises(InvalidPassthrough):
            await client.passthrough(PassthroughRequest(method="GET", path=path))
    await client.aclose()
    assert calls == []
