"""The sandbox over real HTTP on a loopback port (uvicorn in a background thread)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from connectors.ukg_pro.sandbox import Sandbox, run_server

pytestmark = pytest.mark.e2e

PERSON = "/personnel/v1/person-details"


@pytest.fixture
def http(served: tuple[Sandbox, str]) -> Iterator[httpx.Client]:
    sb, base_url = served
    sb.faults.reset()
    with httpx.Client(base_url=base_url, headers=sb.auth_headers(), timeout=10) as client:
        yield client


def test_serves_pages_over_loopback(served: tuple[Sandbox, str], http: httpx.Client) -> None:
    sb, base_url = served
    assert base_url.startswith("http://127.0.0.1:")
    rows = http.get(PERSON, params={"page": 1, "per_Page": 10}).json()
    assert len(rows) == 10
    assert http.get(PERSON, params={"page": 99, "per_page": 10}).json() == []
    response = http.get(PERSON)
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert len(response.json()) == len(sb.tenant.employments)


def test_credentials_for_a_loopback_server(served: tuple[Sandbox, str]) -> None:
    sb, base_url = served
    creds = sb.credentials(base_url)
    assert creds["subdomain"] == base_url and creds["domain"] == "ultipro.com"
    assert base_url in sb.banner(base_url) and creds["password"] in sb.banner(base_url)


def test_401_over_http(served: tuple[Sandbox, str]) -> None:
    _, base_url = served
    response = httpx.get(
        base_url + PERSON, auth=("HrisHubSandbox", "wrong"), headers={"US-Customer-Api-Key": "SBX01"}
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Basic")


def test_code_table_urls_point_at_the_server(served: tuple[Sandbox, str], http: httpx.Client) -> None:
    _, base_url = served
    tables = http.get("/configuration/v1/code-tables").json()
    assert all(t["url"].startswith(base_url + "/configuration/v1/code-tables/") for t in tables)
    assert http.get(tables[0]["url"]).status_code == 200


def test_dropped_connection_over_http(served: tuple[Sandbox, str], http: httpx.Client) -> None:
    sb, _ = served
    sb.faults.drop_connection = 1
    with pytest.raises(httpx.RemoteProtocolError):
        http.get(PERSON)
    assert http.get(PERSON, params={"per_Page": 1}).status_code == 200


def test_stall_over_http(served: tuple[Sandbox, str], http: httpx.Client) -> None:
    sb, _ = served
    sb.faults.stall_seconds, sb.faults.stall_count = 30, 1
    with pytest.raises(httpx.ReadTimeout):
        http.get(PERSON, timeout=httpx.Timeout(5, read=0.2))
    assert http.get(PERSON, params={"per_Page": 1}).status_code == 200


def test_malformed_page_and_429_over_http(served: tuple[Sandbox, str], http: httpx.Client) -> None:
    sb, _ = served
    sb.faults.malformed_page = (PERSON, 1)
    broken = http.get(PERSON)
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken.content)
    sb.faults.update({"rate_limit_every": 1, "retry_after": 3})
    limited = http.get(PERSON)
    assert (limited.status_code, limited.headers["retry-after"]) == (429, "3")


def test_admin_over_http(served: tuple[Sandbox, str], http: httpx.Client) -> None:
    _, base_url = served
    state = httpx.get(base_url + "/_sandbox/state").json()
    assert state["tenant"]["people"] == 40 and state["customer_api_key"] == "SBX01"
    assert all("password" not in a for a in state["accounts"])
    summary = httpx.post(base_url + "/_sandbox/advance", json={"changes": 2}).json()
    assert len(summary["changed"]) == 2
    rows = http.get(
        "/personnel/v1/employee-changes", params={"startDate": summary["at"], "endDate": summary["at"]}
    ).json()
    assert {r["employeeId"] for r in rows} == set(summary["changed"])


def test_run_server_takes_a_free_port_each_time() -> None:
    sb = Sandbox(employees=5)
    with run_server(sb) as first, run_server(sb) as second:
        assert first != second
        assert httpx.get(first + PERSON, headers=sb.auth_headers()).status_code == 200
        assert httpx.get(second + PERSON, headers=sb.auth_headers()).status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(first + PERSON, headers=sb.auth_headers())


def test_loopback_only() -> None:
    with pytest.raises(ValueError, match="loopback"), run_server(Sandbox(employees=5), host="0.0.0.0"):
        pass


def test_the_connector_declares_this_sandbox() -> None:
    from connectors.ukg_pro.plugin import CONNECTOR

    assert CONNECTOR.sandbox is not None
    sb = CONNECTOR.sandbox(employees=12, seed=3, latency_ms=0)
    assert isinstance(sb, Sandbox)
    assert sb.settings.employees == 12
    assert set(sb.credentials("http://127.0.0.1:8765")) == {
        "username",
        "password",
        "customer_api_key",
        "domain",
        "subdomain",
    }
