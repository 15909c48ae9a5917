"""Faults on demand, in process (the real-HTTP variants are in test_sandbox_server.py)."""

from __future__ import annotations

import json

import httpx
import pytest

from connectors.ukg_pro.sandbox import Faults, Sandbox

PERSON = "/personnel/v1/person-details"


async def test_429_every_n_requests_with_retry_after(client: httpx.AsyncClient, sb: Sandbox) -> None:
    sb.faults.rate_limit_every = 3
    sb.faults.retry_after = 2
    statuses = [(await client.get(PERSON, params={"per_Page": 1})).status_code for _ in range(9)]
    assert statuses == [200, 200, 429] * 3
    sb.faults.seen = 2
    response = await client.get(PERSON)
    assert response.status_code == 429
    assert response.headers["retry-after"] == "2"
    assert sb.stats.statuses[429] == 4


async def test_429_without_retry_after(client: httpx.AsyncClient, sb: Sandbox) -> None:
    sb.faults.rate_limit_every = 1
    response = await client.get(PERSON)
    assert response.status_code == 429
    assert "retry-after" not in response.headers
    sb.faults.rate_limit_every = None
    assert (await client.get(PERSON)).status_code == 200


async def test_fractional_retry_after_rounds_up(client: httpx.AsyncClient, sb: Sandbox) -> None:
    sb.faults.update({"rate_limit_every": 1, "retry_after": 0.2})
    assert (await client.get(PERSON)).headers["retry-after"] == "1"


@pytest.mark.parametrize(("status", "json_body"), [(500, True), (502, False), (503, False), (504, False)])
async def test_5xx_bursts(client: httpx.AsyncClient, sb: Sandbox, status: int, json_body: bool) -> None:
    sb.faults.error_burst = (status, 2)
    first, second, third = [await client.get(PERSON, params={"per_Page": 1}) for _ in range(3)]
    assert (first.status_code, second.status_code, third.status_code) == (status, status, 200)
    if json_body:
        assert first.json() == {"message": "An error has occurred."}
    else:
        assert first.headers["content-type"] == "text/html"
        assert str(status) in first.text
    assert sb.faults.error_burst is None


async def test_malformed_json_page(client: httpx.AsyncClient, sb: Sandbox) -> None:
    sb.faults.malformed_page = (PERSON, 2)
    good = await client.get(PERSON, params={"page": 1, "per_Page": 10})
    assert len(good.json()) == 10
    broken = await client.get(PERSON, params={"page": 2, "per_Page": 10})
    assert broken.status_code == 200
    assert broken.headers["content-type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.content)
    again = await client.get(PERSON, params={"page": 2, "per_Page": 10})
    assert len(again.json()) == 10


async def test_dropped_connection(client: httpx.AsyncClient, sb: Sandbox) -> None:
    sb.faults.drop_connection = 1
    with pytest.raises(httpx.RemoteProtocolError):
        await client.get(PERSON)
    assert (await client.get(PERSON)).status_code == 200


async def test_stall_past_the_read_timeout(client: httpx.AsyncClient, sb: Sandbox) -> None:
    sb.faults.stall_seconds, sb.faults.stall_count = 30, 1
    with pytest.raises(httpx.ReadTimeout):
        await client.get(PERSON, timeout=httpx.Timeout(5, read=0.05))
    assert (await client.get(PERSON)).status_code == 200
    assert sb.faults.stall_count == 0


async def test_stall_then_answer_when_the_client_waits(client: httpx.AsyncClient, sb: Sandbox) -> None:
    sb.faults.stall_seconds, sb.faults.stall_count = 0.05, 1
    assert (await client.get(PERSON, params={"per_Page": 2})).status_code == 200


async def test_serve_page_twice(client: httpx.AsyncClient, sb: Sandbox) -> None:
    sb.faults.serve_page_twice = (PERSON, 1)
    first = (await client.get(PERSON, params={"page": 1, "per_Page": 5})).json()
    repeated = (await client.get(PERSON, params={"page": 2, "per_Page": 5})).json()
    assert repeated == first
    assert (await client.get(PERSON, params={"page": 2, "per_Page": 5})).json() != first


async def test_latency_is_added_and_faults_skip_the_admin_surface(
    client: httpx.AsyncClient, anonymous: httpx.AsyncClient, sb: Sandbox
) -> None:
    sb.faults.latency_ms = 5
    sb.faults.rate_limit_every = 1
    assert (await anonymous.get("/_sandbox/state")).status_code == 200
    assert (await client.get(PERSON)).status_code == 429
    assert sb.stats.requests[PERSON] == 1


async def test_faults_over_the_admin_surface(
    anonymous: httpx.AsyncClient, client: httpx.AsyncClient, sb: Sandbox
) -> None:
    response = await anonymous.post(
        "/_sandbox/faults", json={"error_burst": [503, 1], "malformed_page": [PERSON, 3], "retry_after": None}
    )
    assert response.status_code == 200
    assert response.json()["error_burst"] == [503, 1]
    assert sb.faults.malformed_page == (PERSON, 3)
    assert (await client.get(PERSON)).status_code == 503
    assert (await anonymous.post("/_sandbox/faults", json={"explode": True})).status_code == 400
    cleared = await anonymous.post("/_sandbox/faults", json={"reset": True})
    assert cleared.json()["malformed_page"] is None
    assert (await anonymous.get("/_sandbox/faults")).json() == Faults().to_dict()


def test_sandbox_latency_sets_the_initial_fault(kit: object) -> None:
    assert Sandbox(employees=5, latency_ms=40).faults.latency_ms == 40
    faults = Faults(latency_ms=40, drop_connection=2)
    faults.reset(keep_latency=True)
    assert (faults.latency_ms, faults.drop_connection) == (40, 0)
