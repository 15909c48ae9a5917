"""Link sessions over real loopback HTTP: the customer's API, then the linking page an HR admin opens.

No browser here (the Playwright tests drive one): an ``httpx.Client`` plays the admin's browser, keeping
its cookies, sending the form's CSRF token and, where a test says so, an ``Origin`` header.
"""

from __future__ import annotations

import logging
import re
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from hub.linking.page.security import CSRF_COOKIE, HOLDER_COOKIE
from hub.linking.sessions import DEFAULT_TTL, MAX_TTL, MIN_TTL, SUBMIT_LIMIT
from hub.store import tables as t
from hub.testing import EventRecorder

pytestmark = pytest.mark.e2e

WRONG_PASSWORD = "Wr0ng-Link-Pa55word!"
PRIVATE_REFERRER = ("no-referrer", "same-origin")
"""Referrer policies that never send the page's URL (its token) to another site."""
UKG_NOTE = re.compile(r"https://[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.ultipro\.(?:com|ca)")


# -- helpers -----------------------------------------------------------------------------------------


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the text inside each ``<li>``."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.items: list[str] = []
        self._in_li = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "li":
            self._in_li = True
            self.items.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._in_li = False

    def handle_data(self, data: str) -> None:
        if self._in_li:
            self.items[-1] += data

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]


def new_session(client: httpx.Client, **body: Any) -> dict[str, Any]:
    answer = client.post("/v1/link-sessions", json={"connector": "ukg_pro", "reference": "tenant-42", **body})
    assert answer.status_code == 201, answer.text
    return answer.json()


def token_of(session: dict[str, Any]) -> str:
    return session["url"].rsplit("/", 1)[1]


def open_page(browser: httpx.Client, url: str) -> tuple[httpx.Response, str]:
    """GET the linking form as a browser does; the answer and the form's CSRF token."""
    answer = browser.get(url)
    assert answer.status_code == 200, answer.text
    (hidden,) = [i for i in Tags(answer.text).all("input") if i.get("name") == "csrf_token"]
    assert hidden["value"] == browser.cookies[CSRF_COOKIE]
    return answer, hidden["value"]


def submit(browser: httpx.Client, url: str, csrf: str | None, values: dict[str, str], **headers: str):
    form = {**values, **({"csrf_token": csrf} if csrf is not None else {})}
    return browser.post(url, data=form, headers=headers)


def field_error(html: str, name: str) -> str:
    """The text of the error paragraph under one field of the form."""
    found = re.search(rf'<p class="error" id="error-{name}">(.*?)</p>', html, re.S)
    assert found, f"no error paragraph for {name}"
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def preview(browser: httpx.Client, url: str, csrf: str, values: dict[str, Any]) -> httpx.Response:
    return browser.post(f"{url}/preview", json={"values": values}, headers={"X-CSRF-Token": csrf})


def accounts_of(client: httpx.Client) -> list[dict[str, Any]]:
    answer = client.get("/v1/accounts")
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


@pytest.fixture
def browser(world) -> httpx.Client:
    """A fresh browser: no cookies."""
    return world.anonymous()


@pytest.fixture
def resolved(monkeypatch) -> list[str]:
    """Every host name the process looks up (the hub's clients resolve through ``socket.getaddrinfo``)."""
    hosts: list[str] = []
    real = socket.getaddrinfo

    def recording(host: Any, *args: Any, **kwargs: Any) -> Any:
        hosts.append(host.decode() if isinstance(host, bytes) else str(host))
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", recording)
    return hosts


# -- 1. creating a session ---------------------------------------------------------------------------


def test_create_answers_201_with_a_url_only_once(world):
    client = world.customer()
    actions = ["employees.list", "time_off_balances.list"]
    answer = client.post(
        "/v1/link-sessions", json={"connector": "ukg_pro", "reference": "tenant-1", "actions": actions}
    )
    assert answer.status_code == 201, answer.text
    session = answer.json()
    assert answer.headers["location"] == f"/v1/link-sessions/{session['id']}"
    assert session["status"] == "open" and session["account_id"] is None
    assert session["reference"] == "tenant-1" and session["actions"] == actions
    assert session["permissions_needed"] == world.hub.connectors["ukg_pro"].scopes_for(actions)
    assert session["url"].startswith(f"{world.api_url}/link/")
    token = token_of(session)
    assert len(token) >= 40

    expires = datetime.fromisoformat(session["expires_at"])
    created = datetime.fromisoformat(session["created_at"])
    assert expires - created == DEFAULT_TTL
    assert abs(expires - (datetime.now(UTC) + timedelta(days=7))) < timedelta(minutes=5)

    shown = client.get(answer.headers["location"])
    assert shown.status_code == 200
    assert shown.json()["url"] is None and token not in shown.text
    assert {k: v for k, v in shown.json().items() if k != "url"} == {
        k: v for k, v in session.items() if k != "url"
    }
    listed = client.get("/v1/link-sessions")
    assert [s["id"] for s in listed.json()["results"]] == [session["id"]]
    assert token not in listed.text


def test_create_without_actions_needs_every_supported_actions_permissions(world):
    session = new_session(world.customer())
    assert session["actions"] == []
    assert session["permissions_needed"] == world.hub.connectors["ukg_pro"].scopes_for()


def test_a_body_sent_as_a_form_is_told_to_send_json(world, assert_problem):
    client = world.customer()
    text = '{"connector": "ukg_pro", "reference": "tenant-1"}'
    # What `curl -d` sends without a Content-Type header.
    answer = client.post(
        "/v1/link-sessions", content=text, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    body = assert_problem(answer, 422, "invalid-request")
    assert "Content-Type: application/json" in body["remedy"]
    assert "application/x-www-form-urlencoded" in body["remedy"]
    sent_as_json = client.post(
        "/v1/link-sessions", content=text, headers={"Content-Type": "application/json"}
    )
    assert sent_as_json.status_code == 201, sent_as_json.text


def test_create_names_every_invalid_field(world, assert_problem):
    client = world.customer()
    answer = client.post(
        "/v1/link-sessions",
        json={
            "connector": "ukg_pro",
            "reference": "   ",
            "expires_in": 60,
            "actions": ["employees.list", "payroll.run", "time_off_requests.list"],
            "frame_origins": ["https://app.example.com/settings", "http://app.example.com"],
        },
    )
    body = assert_problem(answer, 422, "invalid-link-session")
    fields = [e["field"] for e in body["errors"]]
    assert sorted(set(fields)) == ["actions", "expires_in", "frame_origins", "reference"]
    assert fields.count("actions") == 2 and fields.count("frame_origins") == 2
    messages = " ".join(e["message"] for e in body["errors"])
    assert "payroll.run" in messages and "time_off_requests.list" in messages
    assert all(e["fix"] for e in body["errors"])
    assert client.get("/v1/link-sessions").json() == {"results": []}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"reference": ""}, "reference"),
        ({"reference": "x" * 201}, "reference"),
        ({"expires_in": int(MIN_TTL.total_seconds()) - 1}, "expires_in"),
        ({"expires_in": int(MAX_TTL.total_seconds()) + 1}, "expires_in"),
        ({"expires_in": 10**30}, "expires_in"),
        ({"expires_in": -(10**30)}, "expires_in"),
        ({"actions": ["employees.fire"]}, "actions"),
        ({"actions": ["time_off_requests.list"]}, "actions"),
        ({"frame_origins": ["https://app.example.com/embed"]}, "frame_origins"),
        ({"frame_origins": ["http://app.example.com"]}, "frame_origins"),
    ],
    ids=[
        "empty-reference",
        "long-reference",
        "short-life",
        "long-life",
        "life-beyond-any-date",
        "negative-life-beyond-any-date",
        "unknown-action",
        "unsupported-action",
        "origin-with-path",
        "plain-http",
    ],
)
def test_create_refuses_one_invalid_field(world, assert_problem, change, field):
    client = world.customer()
    answer = client.post("/v1/link-sessions", json={"connector": "ukg_pro", "reference": "r", **change})
    body = assert_problem(answer, 422, "invalid-link-session")
    assert [e["field"] for e in body["errors"]] == [field]


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (rb'{"reference": "tenant-\ud8d6"}', "reference"),
        (rb'{"reference": "tenant\u0000-42"}', "reference"),
        (rb'{"reference": "r", "frame_origins": ["https://app.example.com;script-src *"]}', "frame_origins"),
        (rb'{"reference": "r", "frame_origins": ["https://app.example.com:99999"]}', "frame_origins"),
        (rb'{"reference": "r", "frame_origins": ["https://\ud8d6.example.com"]}', "frame_origins"),
        (
            rb'{"reference": "r", "frame_origins": ["https://app.example.com\r\nX-Frame-Options: x"]}',
            "frame_origins",
        ),
        (rb'{"reference": "r", "frame_origins": ["https://@app.example.com"]}', "frame_origins"),
    ],
    ids=["surrogate-reference", "nul-reference", "csp-injection", "bad-port", "surrogate-host", "crlf", "at"],
)
def test_create_refuses_values_no_page_or_store_can_carry(world, assert_problem, raw, field):
    client = world.customer()
    body = raw.replace(b"{", b'{"connector": "ukg_pro", ', 1)
    answer = client.post("/v1/link-sessions", content=body, headers={"Content-Type": "application/json"})
    problem = assert_problem(answer, 422, "invalid-link-session")
    assert [e["field"] for e in problem["errors"]] == [field]
    assert client.get("/v1/link-sessions").json() == {"results": []}


def test_create_accepts_the_edges(world):
    client = world.customer()
    for seconds in (MIN_TTL, MAX_TTL):
        session = new_session(client, expires_in=int(seconds.total_seconds()), reference="r" * 200)
        expires = datetime.fromisoformat(session["expires_at"])
        assert expires - datetime.fromisoformat(session["created_at"]) == seconds
    local = new_session(
        client, frame_origins=["http://localhost:3000", "https://App.Example.com/", "http://[::1]:8080"]
    )
    assert local["frame_origins"] == ["http://localhost:3000", "https://app.example.com", "http://[::1]:8080"]


def test_create_for_an_unknown_connector_is_404_and_without_a_key_401(world, assert_problem):
    client = world.customer()
    answer = client.post("/v1/link-sessions", json={"connector": "workday", "reference": "r"})
    assert "ukg_pro" in assert_problem(answer, 404, "unknown-connector")["detail"]
    anonymous = world.anonymous()
    answer = anonymous.post("/v1/link-sessions", json={"connector": "ukg_pro", "reference": "r"})
    assert_problem(answer, 401, "unauthenticated")
    assert_problem(anonymous.get("/v1/link-sessions"), 401, "unauthenticated")


# -- 2. isolation ------------------------------------------------------------------------------------


def test_a_customer_cannot_see_or_revoke_another_customers_session(world, assert_problem):
    a, b = world.customer("a"), world.customer("b")
    session = new_session(a)
    path = f"/v1/link-sessions/{session['id']}"
    assert_problem(b.get(path), 404, "not-found")
    assert_problem(b.delete(path), 404, "not-found")
    assert b.get("/v1/link-sessions").json() == {"results": []}
    assert a.get(path).json()["status"] == "open"


# -- 3. the page -------------------------------------------------------------------------------------


def test_the_page_labels_every_field_and_lists_the_permissions(world, browser):
    actions = ["employees.list", "employments.list"]
    session = new_session(world.customer("Acme Reviews"), actions=actions)
    answer, _ = open_page(browser, session["url"])
    assert answer.headers["content-type"].startswith("text/html")
    page = Tags(answer.text)
    inputs = {i["id"]: i for i in page.all("input") if i.get("type") != "hidden"}
    labelled = {label["for"] for label in page.all("label")}
    properties = world.hub.connectors["ukg_pro"].credentials_schema["properties"]
    assert {i["name"] for i in inputs.values()} == set(properties)
    assert set(inputs) <= labelled
    types = {i["name"]: i["type"] for i in inputs.values()}
    assert types == {
        "username": "text",
        "password": "password",
        "customer_api_key": "text",  # read off UKG's screen: shown as typed, never returned by the API
        "domain": "text",
        "subdomain": "text",
    }
    for name in world.hub.connectors["ukg_pro"].scopes_for(actions):
        assert name in [item.strip() for item in page.items]
    assert "PTO Plan Integration" not in answer.text
    assert "Acme Reviews" in answer.text


def test_the_page_sends_security_headers(world, browser):
    session = new_session(world.customer())
    answer, _ = open_page(browser, session["url"])
    csp = answer.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["referrer-policy"] in PRIVATE_REFERRER  # the URL is a secret
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["x-content-type-options"] == "nosniff"
    cookie = answer.headers["set-cookie"]
    assert "httponly" in cookie.lower() and f"Path=/link/{token_of(session)};" in cookie


def test_a_page_framed_by_a_named_origin_allows_only_that_origin(world, browser):
    session = new_session(world.customer(), frame_origins=["https://app.example.com"])
    answer, _ = open_page(browser, session["url"])
    assert "frame-ancestors https://app.example.com" in answer.headers["content-security-policy"]
    assert "'none'" not in answer.headers["content-security-policy"].split("frame-ancestors")[1]
    assert "x-frame-options" not in answer.headers


@pytest.mark.parametrize("token", ["A" * 43, "short", "x" * 300])
def test_an_unknown_token_is_a_404_page(world, browser, token):
    answer = browser.get(f"{world.api_url}/link/{token}")
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "not valid" in answer.text and "Traceback" not in answer.text
    assert answer.headers["x-frame-options"] == "DENY"
    posted = browser.post(f"{world.api_url}/link/{token}", data={"csrf_token": "x"})
    assert posted.status_code == 404 and "Traceback" not in posted.text


# -- 4. CSRF -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ["no-token", "wrong-token", "foreign-origin", "no-cookie"])
def test_a_forged_submit_is_refused_and_links_nothing(world, browser, case):
    client = world.customer()
    session = new_session(client)
    url = session["url"]
    _, csrf = open_page(browser, url)
    if case == "no-token":
        answer = submit(browser, url, None, world.creds)
    elif case == "wrong-token":
        answer = submit(browser, url, csrf[::-1], world.creds)
    elif case == "foreign-origin":
        answer = submit(browser, url, csrf, world.creds, Origin="https://evil.example.com")
    else:
        browser.cookies.clear()
        answer = submit(browser, url, csrf, world.creds)
    assert answer.status_code == 403
    assert answer.headers["content-type"].startswith("text/html")
    assert HOLDER_COOKIE not in browser.cookies
    assert client.get(f"/v1/link-sessions/{session['id']}").json()["status"] == "open"
    assert accounts_of(client) == []
    assert world.creds["password"] not in answer.text


def test_a_same_origin_submit_is_accepted(world, browser):
    client = world.customer()
    session = new_session(client)
    _, csrf = open_page(browser, session["url"])
    answer = submit(browser, session["url"], csrf, world.creds, Origin=world.api_url)
    assert answer.status_code == 303, answer.text


# -- 5. submitting -----------------------------------------------------------------------------------


def test_good_values_link_the_account_once_and_announce_it(world, browser):
    client = world.customer()
    session = new_session(client, reference="tenant-777", actions=["employees.list"])
    url = session["url"]
    _, csrf = open_page(browser, url)
    recorder = EventRecorder()
    world.hub.registry.pm.register(recorder)
    try:
        answer = submit(browser, url, csrf, world.creds)
    finally:
        world.hub.registry.pm.unregister(recorder)
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == f"/link/{token_of(session)}"
    assert browser.cookies.get(HOLDER_COOKIE)
    assert answer.headers["referrer-policy"] in PRIVATE_REFERRER

    shown = client.get(f"/v1/link-sessions/{session['id']}").json()
    assert shown["status"] == "linked" and shown["account_id"] and shown["completed_at"]
    (account,) = accounts_of(client)
    assert account["id"] == shown["account_id"]
    assert account["permissions"]["actions"]["employees.list"]["enabled"] is True

    (event,) = recorder.of("account.linked")
    assert event.account_id == account["id"]
    assert event.record["link_session_id"] == session["id"]
    assert event.record["reference"] == "tenant-777"
    assert event.record["customer_id"] == client.customer_id  # type: ignore[attr-defined]

    summary = browser.get(url)
    assert summary.status_code == 200
    assert "is connected" in summary.text and 'id="all-set"' in summary.text
    for secret in (world.creds["password"], world.creds["customer_api_key"]):
        assert secret not in summary.text


def test_a_wrong_password_is_a_422_page_with_errors_on_the_sign_in_fields(world, browser):
    client = world.customer()
    session = new_session(client)
    _, csrf = open_page(browser, session["url"])
    answer = submit(browser, session["url"], csrf, {**world.creds, "password": WRONG_PASSWORD})
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("text/html")
    for name in ("username", "password", "customer_api_key"):
        assert "refused" in field_error(answer.text, name)
    assert field_error(answer.text, "subdomain") == ""
    assert WRONG_PASSWORD not in answer.text
    assert f'value="{world.creds["username"]}"' in answer.text  # the unmasked values are kept,
    assert f'value="{world.creds["customer_api_key"]}"' in answer.text  # the customer key included
    assert client.get(f"/v1/link-sessions/{session['id']}").json()["status"] == "open"
    assert accounts_of(client) == []


def test_a_host_that_does_not_answer_is_a_504_page_on_the_host_fields(make_world):
    world = make_world()
    # An allowed origin where nothing listens: the hub may call it, and the connection is refused.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{closed.getsockname()[1]}"
    world.hub.settings = replace(world.hub.settings, sandbox_origins=frozenset({world.sandbox_url, dead}))
    client = world.customer()
    session = new_session(client)
    browser = world.anonymous()
    _, csrf = open_page(browser, session["url"])
    answer = submit(browser, session["url"], csrf, {**world.creds, "domain": dead, "subdomain": ""})
    assert answer.status_code == 504
    for name in ("domain", "subdomain"):
        assert "no provider host answered there" in field_error(answer.text, name)
    assert "Web Services lists URLs" in field_error(answer.text, "subdomain")
    assert field_error(answer.text, "password") == ""
    assert world.creds["password"] not in answer.text
    assert accounts_of(client) == []


def test_a_short_customer_key_is_a_422_page_on_that_field_and_calls_nobody(world, browser):
    client = world.customer()
    session = new_session(client)
    _, csrf = open_page(browser, session["url"])
    before = world.sb.stats.total
    answer = submit(browser, session["url"], csrf, {**world.creds, "customer_api_key": "abc"})
    assert answer.status_code == 422
    assert "5 letters or digits" in field_error(answer.text, "customer_api_key")
    assert field_error(answer.text, "password") == ""
    assert world.sb.stats.total == before
    assert world.creds["password"] not in answer.text
    assert accounts_of(client) == []


def test_a_foreign_host_is_a_422_page_on_the_host_field_and_never_called(world, browser, resolved):
    client = world.customer()
    session = new_session(client)
    _, csrf = open_page(browser, session["url"])
    values = {**world.creds, "domain": "evil.example.com", "subdomain": ""}
    calls = world.sb.stats.total
    answer = submit(browser, session["url"], csrf, values)
    assert answer.status_code == 422
    assert "not a UKG web-service host" in field_error(answer.text, "domain")
    assert not [host for host in resolved if "example.com" in host]
    assert world.sb.stats.total == calls
    assert accounts_of(client) == []
    assert client.get(f"/v1/link-sessions/{session['id']}").json()["status"] == "open"


def test_typed_values_are_shown_back_escaped(world, browser):
    session = new_session(world.customer())
    _, csrf = open_page(browser, session["url"])
    hostile = '"><script>alert(1)</script>'
    answer = submit(
        browser, session["url"], csrf, {**world.creds, "username": hostile, "password": WRONG_PASSWORD}
    )
    assert answer.status_code == 422
    assert "<script>alert(1)" not in answer.text
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in answer.text


def test_two_submits_at_once_link_one_account(world):
    client = world.customer()
    session = new_session(client)
    browsers = [world.anonymous(), world.anonymous()]
    tokens = [open_page(b, session["url"])[1] for b in browsers]
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda b, c: submit(b, session["url"], c, world.creds), browsers, tokens))
    assert sorted(a.status_code for a in answers)[0] == 303
    assert sorted(a.status_code for a in answers)[1] in (409, 410)
    assert len(accounts_of(client)) == 1
    assert [HOLDER_COOKIE in b.cookies for b in browsers].count(True) == 1


# -- 6. single use, revoked, expired -----------------------------------------------------------------


def test_a_used_link_is_gone_for_others_and_a_second_submit_is_refused(world, browser):
    client = world.customer()
    session = new_session(client)
    url = session["url"]
    _, csrf = open_page(browser, url)
    assert submit(browser, url, csrf, world.creds).status_code == 303

    stranger = world.anonymous()
    answer = stranger.get(url)
    assert answer.status_code == 410
    assert "already" in answer.text.lower() and not Tags(answer.text).all("form")

    again = submit(browser, url, csrf, world.creds)  # the form still open in another tab
    assert again.status_code == 410
    assert "already" in again.text.lower() and "Traceback" not in again.text
    assert len(accounts_of(client)) == 1


def test_a_revoked_link_is_a_410_page(world, browser):
    client = world.customer()
    session = new_session(client)
    _, csrf = open_page(browser, session["url"])
    revoked = client.delete(f"/v1/link-sessions/{session['id']}")
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    answer = browser.get(session["url"])
    assert answer.status_code == 410 and "withdrawn" in answer.text
    assert submit(browser, session["url"], csrf, world.creds).status_code == 410
    assert accounts_of(client) == []
    assert preview(browser, session["url"], csrf, {"subdomain": "service4"}).status_code == 410


def test_revoking_a_used_link_keeps_its_account(world, browser):
    client = world.customer()
    session = new_session(client)
    _, csrf = open_page(browser, session["url"])
    assert submit(browser, session["url"], csrf, world.creds).status_code == 303
    kept = client.delete(f"/v1/link-sessions/{session['id']}").json()
    assert kept["status"] == "linked" and kept["account_id"]
    assert [a["id"] for a in accounts_of(client)] == [kept["account_id"]]


def test_an_expired_link_is_a_410_page(world, browser):
    client = world.customer()
    session = new_session(client)
    _, csrf = open_page(browser, session["url"])
    with world.hub.store.engine.begin() as db:
        db.execute(
            update(t.link_sessions)
            .where(t.link_sessions.c.id == session["id"])
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    assert client.get(f"/v1/link-sessions/{session['id']}").json()["status"] == "expired"
    answer = browser.get(session["url"])
    assert answer.status_code == 410 and "expired" in answer.text
    posted = submit(browser, session["url"], csrf, world.creds)
    assert posted.status_code == 410 and "expired" in posted.text
    assert accounts_of(client) == []


# -- 7. the submit budget ----------------------------------------------------------------------------


def test_submits_that_reach_the_provider_are_limited(world, browser):
    client = world.customer()
    session = new_session(client)
    url = session["url"]
    _, csrf = open_page(browser, url)
    refused = world.sb.stats.auth_failures

    calls = world.sb.stats.total
    for _ in range(SUBMIT_LIMIT + 2):  # refused by validation: never reach UKG, never counted
        answer = submit(browser, url, csrf, {**world.creds, "customer_api_key": "abc"})
        assert answer.status_code == 422
    assert world.sb.stats.total == calls

    for attempt in range(SUBMIT_LIMIT):
        before = sum(refused.values())
        answer = submit(browser, url, csrf, {**world.creds, "password": f"{WRONG_PASSWORD}{attempt}"})
        assert answer.status_code == 422, answer.text
        assert sum(refused.values()) > before  # it reached UKG

    before, calls = sum(refused.values()), world.sb.stats.total
    answer = submit(browser, url, csrf, world.creds)
    assert answer.status_code == 429
    assert 0 < int(answer.headers["retry-after"]) <= 601
    assert "too many times" in answer.text
    assert world.sb.stats.total == calls and sum(refused.values()) == before
    assert world.creds["password"] not in answer.text
    assert accounts_of(client) == []
    assert client.get(f"/v1/link-sessions/{session['id']}").json()["status"] == "open"


# -- 8. check again ----------------------------------------------------------------------------------


def test_check_again_sees_a_permission_granted_after_linking(make_world):
    w = make_world()
    ukg = w.hub.connectors["ukg_pro"]
    pto = "PTO Plan Integration"
    assert pto in ukg.actions["time_off_balances.list"].scopes
    assert pto not in ukg.actions["employees.list"].scopes
    w.sb.revoke(w.sb.username, pto)
    client = w.customer()
    session = new_session(client, actions=["employees.list", "time_off_balances.list"])
    url = session["url"]
    browser = w.anonymous()
    _, csrf = open_page(browser, url)
    assert submit(browser, url, csrf, w.creds).status_code == 303

    summary = browser.get(url)
    assert summary.status_code == 200
    to_tick = re.search(r'<section[^>]*id="to-tick">(.*?)</section>', summary.text, re.S)
    assert to_tick and pto in to_tick.group(1)
    account_id = client.get(f"/v1/link-sessions/{session['id']}").json()["account_id"]
    shown = client.get(f"/v1/accounts/{account_id}").json()
    assert shown["permissions"]["actions"]["time_off_balances.list"]["enabled"] is False

    w.sb.grant(w.sb.username, pto)
    holder = browser.cookies[HOLDER_COOKIE]
    stranger = w.anonymous()
    stranger.cookies.set(CSRF_COOKIE, csrf, path=f"/link/{token_of(session)}")
    refused = stranger.post(f"{url}/check", data={"csrf_token": csrf})
    assert refused.status_code == 403
    assert "PTO Plan Integration" not in refused.text

    checked = browser.post(f"{url}/check", data={"csrf_token": csrf})
    assert checked.status_code == 303, checked.text
    assert checked.headers["location"] == f"/link/{token_of(session)}?checked=1"
    assert browser.cookies[HOLDER_COOKIE] == holder
    page = browser.get(f"{url}?checked=1")
    assert page.status_code == 200
    assert 'id="to-tick"' not in page.text and 'id="all-set"' in page.text
    assert "Checked again" in page.text
    shown = client.get(f"/v1/accounts/{account_id}").json()
    assert shown["permissions"]["actions"]["time_off_balances.list"]["enabled"] is True
    assert pto not in shown["permissions"]["missing"]


def test_check_again_needs_the_csrf_token_too(world, browser):
    session = new_session(world.customer())
    _, csrf = open_page(browser, session["url"])
    assert submit(browser, session["url"], csrf, world.creds).status_code == 303
    assert browser.post(f"{session['url']}/check", data={}).status_code == 403
    answer = browser.post(
        f"{session['url']}/check", data={"csrf_token": csrf}, headers={"Origin": "https://evil.example.com"}
    )
    assert answer.status_code == 403


# -- 9. preview --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def previewing(world) -> Iterator[tuple[httpx.Client, str, str]]:
    """An open link's page loaded in one browser: (browser, url, csrf) for preview calls."""
    client = world.customer("previews")
    browser = world.anonymous()
    session = new_session(client)
    _, csrf = open_page(browser, session["url"])
    yield browser, session["url"], csrf


@pytest.mark.parametrize(
    ("values", "host"),
    [
        ({"subdomain": "service4"}, "https://service4.ultipro.com"),
        ({"subdomain": "service4", "domain": "ultipro.ca"}, "https://service4.ultipro.ca"),
        (
            {"subdomain": "https://service5.ultipro.com/services/EmployeePerson"},
            "https://service5.ultipro.com",
        ),
        ({"domain": "servicet.ultipro.com"}, "https://servicet.ultipro.com"),
    ],
)
def test_preview_shows_the_host_for_good_values(previewing, values, host):
    browser, url, csrf = previewing
    answer = preview(browser, url, csrf, values)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"notes": {"subdomain": host}, "errors": []}
    assert answer.headers["cache-control"] == "no-store"


def test_preview_shows_the_sandbox_pasted_whole(world, previewing):
    browser, url, csrf = previewing
    answer = preview(browser, url, csrf, {"subdomain": world.sandbox_url})
    assert answer.json() == {"notes": {"subdomain": world.sandbox_url}, "errors": []}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"subdomain": "169.254.169.254"}, "subdomain"),
        ({"subdomain": "http://169.254.169.254/latest/meta-data"}, "subdomain"),
        ({"domain": "evil.example.com"}, "domain"),
        ({"subdomain": "service4", "domain": "evil.example.com"}, "domain"),
    ],
)
def test_preview_flags_a_host_that_can_never_work(previewing, resolved, values, field):
    browser, url, csrf = previewing
    answer = preview(browser, url, csrf, values)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["notes"] == {}
    assert [e["field"] for e in body["errors"]] == [field]
    assert not [h for h in resolved if "example.com" in h or h.startswith("169.254")]


def test_preview_ignores_passwords_and_never_echoes_them(previewing):
    browser, url, csrf = previewing
    values = {"subdomain": "service4", "password": "Prev1ew-Secret-Pw"}
    answer = preview(browser, url, csrf, values)
    assert answer.json() == {"notes": {"subdomain": "https://service4.ultipro.com"}, "errors": []}
    assert "Prev1ew-Secret-Pw" not in answer.text


def test_preview_says_a_customer_key_must_be_five_letters_or_digits_in_the_clis_words(previewing):
    browser, url, csrf = previewing
    answer = preview(browser, url, csrf, {"customer_api_key": "ab"}).json()
    assert [e["field"] for e in answer["errors"]] == ["customer_api_key"]  # one message, not the schema's too
    assert answer["errors"][0]["message"] == "must be exactly 5 letters or digits."
    assert "does not match" not in str(answer)
    assert preview(browser, url, csrf, {"customer_api_key": "g2asy"}).json()["errors"] == []


def test_preview_needs_the_csrf_header_and_a_json_object(world, previewing):
    browser, url, csrf = previewing
    assert preview(browser, url, "not-the-token", {"subdomain": "service4"}).status_code == 403
    foreign = browser.post(
        f"{url}/preview",
        json={"values": {"subdomain": "service4"}},
        headers={"X-CSRF-Token": csrf, "Origin": "https://evil.example.com"},
    )
    assert foreign.status_code == 403
    for values in ({"subdomain": 5, "domain": None}, {"subdomain": ["service4"]}, {"other": "x"}):
        answer = preview(browser, url, csrf, values)
        assert answer.status_code == 200 and answer.json() == {"notes": {}, "errors": []}
    for body in (b"not json", b"[]", b'{"values": "service4"}'):
        answer = browser.post(
            f"{url}/preview",
            content=body,
            headers={"X-CSRF-Token": csrf, "Content-Type": "application/json"},
        )
        assert answer.status_code == 422, body


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(domain=st.text(max_size=80), subdomain=st.text(max_size=80))
@example(domain="ultipro.com", subdomain="service4")
@example(domain="", subdomain="https://Service4.UltiPro.ca./x")
@example(domain="ultipro.com.evil.example.com", subdomain="service4")
@example(domain="", subdomain="169.254.169.254")
def test_preview_never_fails_and_only_ever_names_a_ukg_host(world, previewing, domain, subdomain):
    browser, url, csrf = previewing
    answer = preview(browser, url, csrf, {"domain": domain, "subdomain": subdomain})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    for field, note in body["notes"].items():
        assert field == "subdomain"
        assert note == world.sandbox_url or UKG_NOTE.fullmatch(note), note
    assert {e["field"] for e in body["errors"]} <= {"domain", "subdomain"}
    assert not (body["notes"] and body["errors"])


# -- 10. secrets -------------------------------------------------------------------------------------


def test_typed_secrets_reach_no_log_and_no_page(world, browser, caplog):
    caplog.set_level(logging.DEBUG)
    client = world.customer()
    session = new_session(client)
    url = session["url"]
    typed = {"Typed-Wr0ng-Pw-1", "Typed-Wr0ng-Pw-2"}
    pages: list[str] = []

    form, csrf = open_page(browser, url)
    pages.append(form.text)
    for password in ("Typed-Wr0ng-Pw-1", "Typed-Wr0ng-Pw-2"):
        pages.append(submit(browser, url, csrf, {**world.creds, "password": password}).text)
    pages.append(submit(browser, url, csrf, {**world.creds, "customer_api_key": "Q7ZZ9"}).text)
    pages.append(submit(browser, url, csrf, {**world.creds, "customer_api_key": "Q7", "password": "x"}).text)
    pages.append(
        preview(browser, url, csrf, {"password": "Typed-Wr0ng-Pw-1", "customer_api_key": "Q7ZZ9"}).text
    )
    linked = submit(browser, url, csrf, world.creds)
    assert linked.status_code == 303
    pages.append(browser.get(url).text)
    pages.append(browser.post(f"{url}/check", data={"csrf_token": csrf}, follow_redirects=True).text)
    pages.append(client.get(f"/v1/link-sessions/{session['id']}").text)
    pages.append(client.get("/v1/accounts").text)

    secrets = typed | {world.creds["password"]}
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert caplog.records  # the hub and its HTTP clients did log at DEBUG
    for secret in secrets | {world.creds["customer_api_key"], "Q7ZZ9"}:
        assert secret not in logged, secret  # the customer key is never logged either,
    for secret in secrets:
        for page in pages:
            assert secret not in page, secret
    # but the admin sees the key they typed kept on the form (it is on UKG's screen anyway), and the API
    # never returns it.
    assert 'value="Q7ZZ9"' in pages[3]
    assert all("Q7ZZ9" not in page and world.creds["customer_api_key"] not in page for page in pages[-2:])


def test_a_provider_failure_on_the_page_names_what_to_check_never_an_api_path(make_world):
    world = make_world()
    world.sb.faults.update({"error_burst": (503, 50)})  # outlasts every retry of the probe
    client = world.customer()
    session = new_session(client)
    browser = world.anonymous()
    _, csrf = open_page(browser, session["url"])
    answer = submit(browser, session["url"], csrf, world.creds)
    assert answer.status_code == 502, answer.text
    banner = answer.text.split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    assert "/v1/" not in banner and "person-details" not in banner  # what the hub called is no help here
    assert "503" in banner and "web services" in banner
    assert "host fields" in banner and "try again in a few minutes" in banner
    # The API keeps the exact endpoint for the developer.
    world.sb.faults.update({"error_burst": (503, 50)})
    api = client.post("/v1/accounts", json={"connector": "ukg_pro", "credentials": world.creds})
    assert api.status_code == 502 and "/personnel/v1/" in api.json()["detail"]


def test_the_summary_page_of_a_deleted_account_says_it_is_gone(world, browser):
    client = world.customer()
    session = new_session(client)
    url = session["url"]
    _, csrf = open_page(browser, url)
    assert submit(browser, url, csrf, world.creds).status_code == 303
    assert browser.get(url).status_code == 200  # the summary, for the browser that linked
    (account,) = accounts_of(client)
    assert client.delete(f"/v1/accounts/{account['id']}").status_code == 204

    for answer in (browser.get(url), browser.post(f"{url}/check", data={"csrf_token": csrf})):
        assert answer.status_code == 410, answer.text
        assert answer.headers["content-type"].startswith("text/html")
        assert "deleted by the app" in answer.text and "ask that app for a new link" in answer.text
    assert client.get(f"/v1/link-sessions/{session['id']}").json()["account_id"] == account["id"]
