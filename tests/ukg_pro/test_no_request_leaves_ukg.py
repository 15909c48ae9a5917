"""End to end: whatever an admin types and whatever the provider answers, no request leaves UKG's hosts.

Every request the connector makes goes through a recording transport handed to ``Hub(transport=...)``:
hostile linking values make none at all, a genuine link, a sync and live reads stay on the linked
host, and a provider redirect (to a host of its choosing) is a clear hub error, never followed.
"""

from __future__ import annotations

import httpx
import pytest

from connectors.ukg_pro.sandbox import Sandbox
from hub import Hub
from hub.errors import InvalidCredentials, ProviderResponseError

UKG = "https://service4.ultipro.com"
ALLOWED_SUFFIXES = (".ultipro.com", ".ultipro.ca")
EVIL = "https://evil.example/personnel/v1/person-details"


class Recorder:
    """A transport that records every request URL and serves allowed hosts from a sandbox."""

    def __init__(self, sb: Sandbox) -> None:
        self.inner = sb.transport()
        self.urls: list[httpx.URL] = []
        self.redirect: tuple[int, str] | None = None  # (status, location) to answer instead

    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(request.url)
        if not (request.url.host or "").endswith(ALLOWED_SUFFIXES):
            return httpx.Response(599, text="the test transport refuses to reach this host")
        if self.redirect is not None:
            status, location = self.redirect
            return httpx.Response(status, headers={"Location": location})
        return await self.inner.handle_async_request(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def assert_only_ukg(self) -> None:
        outside = [str(u) for u in self.urls if u.scheme != "https" or not u.host.endswith(ALLOWED_SUFFIXES)]
        assert not outside, outside
        assert all(u.port in (None, 443) for u in self.urls)


@pytest.fixture(scope="module")
def sb() -> Sandbox:
    return Sandbox(employees=12, seed=4)


@pytest.fixture
def recorder(sb: Sandbox) -> Recorder:
    return Recorder(sb)


@pytest.fixture
def hub(recorder: Recorder) -> Hub:
    hub = Hub(transport=recorder.transport(), database_url="sqlite://")
    yield hub
    hub.close()


HOSTILE = [
    {"subdomain": "127.0.0.1", "domain": ""},
    {"subdomain": "", "domain": "http://169.254.169.254/latest/meta-data/"},
    {"subdomain": "https://service4.ultipro.com@evil.example/", "domain": ""},
    {"subdomain": "evil.example#@service4.ultipro.com", "domain": ""},
    {"subdomain": "service4.ultipro.com.evil.example", "domain": ""},
    {"subdomain": "service4", "domain": "ultipro.com.evil.example"},
    {"subdomain": "service4.ultipro.com:8443", "domain": ""},
    {"subdomain": "service4.ultiprо.com", "domain": ""},  # Cyrillic o
    {"subdomain": "[::ffff:127.0.0.1]", "domain": ""},
    {"subdomain": "0x7f000001", "domain": ""},
    {"subdomain": "metadata.google.internal", "domain": ""},
    {"subdomain": "file:///etc/passwd", "domain": ""},
    {"subdomain": "service4.ultipro.com\\@evil.example", "domain": ""},
]


@pytest.mark.parametrize("host", HOSTILE, ids=[h["subdomain"] or h["domain"] for h in HOSTILE])
def test_hostile_linking_values_make_no_request_at_all(hub, recorder, sb, host):
    with pytest.raises(InvalidCredentials):
        hub.link("ukg_pro", {**sb.credentials(UKG), **host})
    assert recorder.urls == []


def test_a_genuine_link_sync_and_live_reads_stay_on_the_linked_host(hub, recorder, sb):
    account = hub.link(
        "ukg_pro", {**sb.credentials(UKG), "subdomain": "HTTP://Service4.UltiPro.com./services/x"}
    )
    report = hub.sync(account)
    assert report.status == "succeeded", report.errors
    assert len(hub.employees(account).list(mode="live", page_size=100).results) >= 12
    assert hub.employees(account).list(page_size=100).results
    assert recorder.urls
    recorder.assert_only_ukg()
    assert {u.host for u in recorder.urls} == {"service4.ultipro.com"}


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_while_linking_is_a_clear_error_and_is_never_followed(hub, recorder, sb, status):
    recorder.redirect = (status, EVIL)
    with pytest.raises(ProviderResponseError) as info:
        hub.link("ukg_pro", sb.credentials(UKG))
    assert "redirected" in info.value.message and str(status) in info.value.message
    assert "evil.example" not in str(info.value)
    assert "domain and subdomain" in info.value.remedy
    recorder.assert_only_ukg()
    assert not hub.accounts()  # nothing was stored


@pytest.mark.parametrize("status", [302, 307])
def test_a_redirect_after_linking_fails_reads_and_syncs_loudly_and_is_never_followed(
    hub, recorder, sb, status
):
    account = hub.link("ukg_pro", sb.credentials(UKG))
    recorder.redirect = (status, EVIL)
    with pytest.raises(ProviderResponseError, match="redirected"):
        hub.employees(account).list(mode="live")
    report = hub.sync(account)
    assert report.status == "failed", report
    assert report.errors and any("redirected" in str(e) for e in report.errors), report.errors
    recorder.assert_only_ukg()


def test_a_relative_redirect_to_another_path_is_not_followed_either(hub, recorder, sb):
    recorder.redirect = (301, "/personnel/v1/elsewhere")
    with pytest.raises(ProviderResponseError, match="redirected"):
        hub.link("ukg_pro", sb.credentials(UKG))
    assert {u.path for u in recorder.urls} == {"/personnel/v1/person-details"}
    recorder.assert_only_ukg()
