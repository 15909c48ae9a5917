"""Hostile passthrough paths and headers are refused before anything is sent; the rest stay on the host.

A Tiny HRIS account is linked on an in-process sandbox behind a transport that records every request
the hub sends (nothing ever leaves the process), then the Python API is driven with generated input.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import replace

import httpx
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub import HttpSettings, Hub
from hub.connector import Passthrough
from hub.errors import InvalidPassthrough, PassthroughBusy
from hub.hookspecs import hookimpl
from hub.passthrough import REFUSED_HEADERS
from hub.rest.passthrough import confined_url
from tests.tiny_hris.sandbox import DEFAULT_BASE_URL, Sandbox
from tests.tiny_hris.sandbox.app import ECHO_PATH

HOST = httpx.URL(DEFAULT_BASE_URL).host


class Recording(httpx.AsyncBaseTransport):
    """Passes each request to the sandbox in process and keeps it."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.sent: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return await self.inner.handle_async_request(request)


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> Iterator[tuple[Hub, str, Recording, Sandbox]]:
    sb = Sandbox(employees=6, seed=9)
    recording = Recording(sb.transport())
    home = tmp_path_factory.mktemp("passthrough-paths")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HRISHUB_HOME", str(home))
        hub = Hub(
            settings=HttpSettings(transport=recording, retry_initial_wait=0.01, max_attempts=2),
            database_url=f"sqlite:///{home / 'hub.db'}",
        )
        account = hub.link("tiny_hris", sb.credentials())
        try:
            yield hub, account.id, recording, sb
        finally:
            hub.close()


segment = st.text(string.ascii_letters + string.digits + "-_", min_size=1, max_size=8)
tail = st.lists(segment, max_size=3).map(lambda parts: "/" + "/".join(parts))
hosts = st.sampled_from(
    ["evil.example", "169.254.169.254", "127.0.0.1:22", f"{HOST}.evil.example", "[::1]", HOST]
)


def _inserted(text: str, piece: str, at: int) -> str:
    at = 1 + at % len(text) if len(text) > 1 else 1
    return text[:at] + piece + text[at:]


hostile_paths = st.one_of(
    st.builds(
        "{}:{}{}{}".format,
        st.sampled_from(["http", "https", "HTTPS", "ftp", "file", "javascript"]),
        st.sampled_from(["//", "/", ""]),
        hosts,
        tail,
    ),
    st.builds("//{}{}".format, hosts, tail),
    st.builds("/{}{}".format, st.sampled_from(["\\", "\\\\", "/\\"]), hosts),
    st.builds(
        _inserted,
        tail,
        st.sampled_from(["/../", "/./", "/%2e%2e/", "/%2E./", "/.%2e/", "/%2e/", "/%2E%2E/"]),
        st.integers(0, 40),
    ),
    st.builds("{}{}".format, tail, st.sampled_from(["/..", "/.", "/%2e%2e", "/%2E", "/.%2E"])),
    st.builds(
        _inserted,
        tail,
        st.sampled_from(["%2f", "%2F", "%5c", "%5C", "%252f", "%00", "%0d%0a"]),
        st.integers(0, 40),
    ),
    st.builds(_inserted, tail, st.sampled_from(["\\", "//"]), st.integers(0, 40)),
    st.builds("{}@{}{}".format, tail, hosts, tail),
    st.builds("/@{}{}".format, hosts, tail),
    st.builds(
        _inserted,
        tail,
        st.sampled_from(["\r\n", "\n", "\r", "\x00", "\t", " ", "\x7f", "\u2028"]),
        st.integers(0, 40),
    ),
    st.builds("{}{}".format, segment, tail),
    st.builds("{}{}{}".format, tail, st.sampled_from(["?", "#"]), segment),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=hostile_paths)
def test_hostile_paths_are_refused_and_nothing_is_sent(linked, path):
    hub, account_id, recording, _ = linked
    before = len(recording.sent)
    with pytest.raises(InvalidPassthrough) as refused:
        hub.passthrough(account_id, "GET", path)
    assert "path" in [issue.field for issue in refused.value.issues]
    assert len(recording.sent) == before


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.one_of(
        st.text(max_size=40),
        st.text(max_size=40).map("/".__add__),
        st.text(string.printable, max_size=40).map("/".__add__),
        hostile_paths,
    )
)
def test_any_path_is_refused_or_sent_to_the_providers_own_host_as_given(linked, path):
    hub, account_id, recording, _ = linked
    before = len(recording.sent)
    try:
        result = hub.passthrough(account_id, "GET", path)
    except InvalidPassthrough:
        assert len(recording.sent) == before
        return
    assert 200 <= result.status < 600
    (sent,) = recording.sent[before:]
    assert (sent.url.scheme, sent.url.host, sent.url.port) == ("https", HOST, None)
    assert sent.url.raw_path.decode("ascii") == path and not sent.url.query
    assert sent.method == "GET"


@given(path=st.one_of(st.text(max_size=40), hostile_paths))
def test_the_toolkit_never_builds_a_url_off_its_base(path):
    base = httpx.URL("https://api.example.test/base/")
    try:
        url = confined_url(base, path)
    except InvalidPassthrough:
        return
    assert (url.scheme, url.host, url.port, url.userinfo) == ("https", "api.example.test", None, b"")
    assert url.raw_path.startswith(b"/base/") and b"/../" not in url.raw_path + b"/"


def _case_variants(name: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=len(name), max_size=len(name)).map(
        lambda ups: "".join(c.upper() if up else c for c, up in zip(name, ups, strict=True))
    )


refused_header_names = st.sampled_from(sorted(REFUSED_HEADERS | {"x-forwarded-for"})).flatmap(_case_variants)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=refused_header_names, value=st.text(string.printable.strip(), min_size=1, max_size=20))
def test_credential_host_and_hop_by_hop_headers_are_refused(linked, name, value):
    hub, account_id, recording, _ = linked
    before = len(recording.sent)
    with pytest.raises(InvalidPassthrough) as refused:
        hub.passthrough(account_id, "GET", "/v1/employees", headers={name: value})
    assert f"headers.{name}" in [issue.field for issue in refused.value.issues]
    assert len(recording.sent) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(method=st.sampled_from(["POST", "PUT", "PATCH", "DELETE", "CONNECT", "TRACE", "get ", "G\r\nET", ""]))
def test_only_read_only_methods_are_sent(linked, method):
    hub, account_id, recording, _ = linked
    before = len(recording.sent)
    with pytest.raises(InvalidPassthrough) as refused:
        hub.passthrough(account_id, method, "/v1/employees")
    assert [issue.field for issue in refused.value.issues] == ["method"]
    assert len(recording.sent) == before


def test_head_and_options_are_sent(linked):
    hub, account_id, recording, _ = linked
    for method in ("HEAD", "OPTIONS", "get"):
        before = len(recording.sent)
        hub.passthrough(account_id, method, "/v1/employees")
        assert recording.sent[-1].method == method.upper() and len(recording.sent) == before + 1


async def test_requests_in_flight_per_account_are_bounded(linked):
    import asyncio

    hub, account_id, _recording, sb = linked
    limit = hub.settings.max_concurrency
    sb.faults.latency_ms = 300
    try:
        results = await asyncio.gather(
            *(hub.apassthrough(account_id, "GET", "/v1/employees") for _ in range(limit + 2)),
            return_exceptions=True,
        )
    finally:
        sb.faults.latency_ms = 0
    busy = [r for r in results if isinstance(r, PassthroughBusy)]
    assert len(busy) == 2 and all(not isinstance(r, Exception) for r in results if r not in busy)
    log = hub.passthrough_log(account_id, limit=limit + 2)
    assert [entry.error for entry in log].count("passthrough-busy") == 2


class _Writer:
    """Tiny HRIS again, as a connector that lets customers write (POST) through it."""

    @hookimpl
    def register_connectors(self, register):
        from tests.tiny_hris.plugin import CONNECTOR

        register(
            replace(
                CONNECTOR,
                name="tiny_writer",
                passthrough=Passthrough(methods=frozenset({"GET", "POST"}), max_bytes=10_000),
            )
        )


def test_a_connector_that_declares_writes_lets_them_through_and_no_others(register_plugin, tmp_path):
    register_plugin(_Writer(), "tiny-writer")
    sb = Sandbox(employees=3, seed=1)
    recording = Recording(sb.transport())
    hub = Hub(transport=recording, database_url=f"sqlite:///{tmp_path / 'hub.db'}")
    try:
        account = hub.link("tiny_writer", sb.credentials())
        answer = hub.passthrough(account, "POST", ECHO_PATH, body={"name": "Ada", "tags": [1, 2]})
        assert answer.status == 200 and answer.body["method"] == "POST"
        sent = recording.sent[-1]
        assert sent.method == "POST" and orjson.loads(sent.content) == {"name": "Ada", "tags": [1, 2]}
        assert sent.headers["content-type"] == "application/json"
        before = len(recording.sent)
        with pytest.raises(InvalidPassthrough) as refused:
            hub.passthrough(account, "DELETE", ECHO_PATH)
        assert "Use one of GET, POST." in str(refused.value)
        assert len(recording.sent) == before
        assert [e.method for e in hub.passthrough_log(account)] == ["DELETE", "POST"]
    finally:
        hub.close()
