"""Issue #15 item 3: the provider host is worked out again, under today's allow-list, for every client.

An account linked while a sandbox origin was allowed must not call it from a hub started without it,
and ``HRISHUB_SANDBOX_ORIGINS`` accepts only loopback origins with a port. Every request here goes to
an in-process transport that records it; nothing is sent to any address.
"""

import ipaddress
from dataclasses import replace

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub
from hub.errors import HostNotAllowed, InvalidSetting
from hub.origins import SANDBOX_ORIGINS_ENV, check_sandbox_origin, sandbox_origins_from_env

ORIGIN = "http://127.0.0.1:8765"


class Recording(httpx.AsyncBaseTransport):
    """The sandbox in-process, recording every request it is handed."""

    def __init__(self, sb: Sandbox) -> None:
        self.inner = sb.transport()
        self.sent: list[httpx.URL] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request.url)
        return await self.inner.handle_async_request(request)


@pytest.fixture
def linked_in_sandbox_mode(tmp_path):
    """An account linked to a sandbox on loopback while its origin was allowed; the store's URL."""
    sb = Sandbox(employees=3, seed=2)
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    hub = Hub(
        settings=HttpSettings(transport=Recording(sb), sandbox_origins=frozenset({ORIGIN})), database_url=url
    )
    account = hub.link("ukg_pro", sb.credentials(ORIGIN))
    hub.close()
    return sb, url, account.id


def test_a_hub_started_without_the_origin_never_calls_it(linked_in_sandbox_mode):
    sb, url, account_id = linked_in_sandbox_mode
    recorder = Recording(sb)
    hub = Hub(settings=HttpSettings(transport=recorder), database_url=url)
    try:
        report = hub.sync(account_id)
        assert report.status == "failed"
        assert {e["type"] for e in report.errors} == {"host-not-allowed"}
        with pytest.raises(HostNotAllowed) as caught:
            hub.employees(account_id).list(mode="live")
        assert caught.value.status == 409 and "HRISHUB_SANDBOX_ORIGINS" in caught.value.remedy
        with pytest.raises(HostNotAllowed):
            hub.recheck(account_id)
        assert recorder.sent == []
    finally:
        hub.close()


def test_the_same_account_works_again_once_the_origin_is_allowed(linked_in_sandbox_mode):
    sb, url, account_id = linked_in_sandbox_mode
    recorder = Recording(sb)
    hub = Hub(
        settings=HttpSettings(transport=recorder, sandbox_origins=frozenset({ORIGIN})), database_url=url
    )
    try:
        assert hub.sync(account_id).status == "succeeded"
        assert recorder.sent and {u.host for u in recorder.sent} == {"127.0.0.1"}
    finally:
        hub.close()


def test_the_api_answers_409_and_sends_nothing(make_world, assert_problem):
    world = make_world(employees=3)
    client = world.customer()
    account = world.link(client)
    world.hub.settings = replace(world.hub.settings, sandbox_origins=frozenset())
    before = world.sb.stats.total
    answer = client.get(
        "/v1/hris/employees", params={"mode": "live"}, headers={"X-Account-Id": account["id"]}
    )
    body = assert_problem(answer, 409, "host-not-allowed")
    assert str(world.hub.store.engine.url) not in body["detail"]
    assert world.sb.stats.total == before


# -- the variable itself -------------------------------------------------------------------------------

ports = st.integers(min_value=1, max_value=65535)
schemes = st.sampled_from(["http", "https"])
loopback_v4 = st.integers(min_value=0, max_value=2**24 - 1).map(
    lambda n: str(ipaddress.IPv4Address((127 << 24) + n))
)
loopback_hosts = st.one_of(loopback_v4, st.just("[::1]"), st.sampled_from(["localhost", "LOCALHOST"]))
not_loopback_ips = st.ip_addresses().filter(lambda ip: not ip.is_loopback)
names = st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z][a-z0-9-]{0,10}){0,3}", fullmatch=True).filter(
    lambda n: n != "localhost"
)


@given(schemes, loopback_hosts, ports)
def test_loopback_origins_with_a_port_are_accepted(scheme, host, port):
    origin = f"{scheme}://{host}:{port}"
    assert check_sandbox_origin(origin + "/") == origin.lower()


@given(schemes, not_loopback_ips, ports)
def test_any_other_address_is_refused(scheme, ip, port):
    host = f"[{ip}]" if ip.version == 6 else str(ip)
    with pytest.raises(InvalidSetting) as caught:
        check_sandbox_origin(f"{scheme}://{host}:{port}")
    assert SANDBOX_ORIGINS_ENV in str(caught.value)


@given(schemes, names, ports)
def test_host_names_are_refused(scheme, name, port):
    with pytest.raises(InvalidSetting):
        check_sandbox_origin(f"{scheme}://{name}:{port}")


@given(schemes, loopback_hosts)
def test_an_origin_without_a_port_is_refused(scheme, host):
    with pytest.raises(InvalidSetting):
        check_sandbox_origin(f"{scheme}://{host}")


@pytest.mark.parametrize(
    "origin",
    [
        "http://169.254.169.254:80",
        "http://10.0.0.5:8080",
        "https://8.8.8.8:443",
        "ftp://127.0.0.1:21",
        "http://127.0.0.1:8765/admin",
        "http://user@127.0.0.1:8765",
        "http://[::ffff:127.0.0.1]:80",
        "127.0.0.1:8765",
        "http://127.1:8765",
    ],
)
def test_a_hub_refuses_to_start_with_a_bad_origin(origin, monkeypatch, tmp_path):
    monkeypatch.setenv(SANDBOX_ORIGINS_ENV, f"{ORIGIN},{origin}")
    with pytest.raises(InvalidSetting) as caught:
        sandbox_origins_from_env()
    assert SANDBOX_ORIGINS_ENV in caught.value.message
    with pytest.raises(InvalidSetting):
        Hub(database_url=f"sqlite:///{tmp_path / 'hub.db'}")
    with pytest.raises(InvalidSetting):
        HttpSettings(sandbox_origins=frozenset({origin}))


def test_the_cli_names_the_variable_without_a_traceback(monkeypatch):
    from hub.cli import app

    monkeypatch.setenv(SANDBOX_ORIGINS_ENV, "http://169.254.169.254:80")
    result = CliRunner().invoke(app, ["accounts"])
    assert result.exit_code == 2
    assert SANDBOX_ORIGINS_ENV in result.output and "Traceback" not in result.output
