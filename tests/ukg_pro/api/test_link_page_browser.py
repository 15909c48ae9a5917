"""The linking page in a real headless Chromium: an HR admin linking UKG Pro through the hub's own form.

The hub and a UKG Pro sandbox tenant are served on loopback; Playwright drives Debian's ``chromium``
(``HRISHUB_CHROMIUM`` names another binary). Screenshots of the empty form, a field error and the
permissions summary are written to ``build-output/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import update

from hub.store import tables as t
from hub.testing import EventRecorder
from tests.browser import launched_chromium, shot


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launched_chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.set_default_timeout(15_000)
    opened = context.new_page()
    yield opened
    context.close()


def new_session(client: httpx.Client, **body: Any) -> dict[str, Any]:
    answer = client.post("/v1/link-sessions", json={"connector": "ukg_pro", "reference": "tenant-42", **body})
    assert answer.status_code == 201, answer.text
    return answer.json()


def fill(page: Page, creds: dict[str, str], **changes: str) -> None:
    values = {**creds, **changes}
    page.get_by_label("Service account username").fill(values["username"])
    page.get_by_label("Service account password").fill(values["password"])
    page.get_by_label("Customer API key").fill(values["customer_api_key"])
    page.get_by_label("Web-service domain").fill(values["domain"])
    page.get_by_label("Web-service subdomain").fill(values["subdomain"])


def test_an_admin_links_ukg_pro_with_the_keyboard_alone(world, page):
    client = world.customer("Acme Reviews")
    session = new_session(client, actions=["employees.list", "employments.list"])
    recorder = EventRecorder()
    world.hub.registry.pm.register(recorder)
    try:
        page.goto(session["url"])
        expect(page.get_by_role("heading", level=1)).to_have_text("Connect UKG Pro")
        expect(page.locator(".lead")).to_contain_text("Acme Reviews asks you to connect")
        checklist = page.get_by_role("region", name=re.compile("the permissions the account needs"))
        expect(checklist).to_contain_text('tick "View"')  # the connector's words, not the hub's
        for permission in session["permissions_needed"]:
            expect(checklist).to_contain_text(permission)
        # Every input is labelled, explained, and secrets are hidden.
        shown = (
            "Service account username",
            "Customer API key",
            "Web-service domain",
            "Web-service subdomain",
        )
        for title in shown:
            expect(page.get_by_label(title)).to_have_attribute("type", "text")
        expect(page.get_by_label("Service account password")).to_have_attribute("type", "password")
        expect(page.get_by_label("Web-service domain")).to_have_accessible_description(
            re.compile("System Configuration > Security > Web Services")
        )
        shot(page, "01-empty-form")

        # Keyboard only: Tab from the top of the page into each field in order, then Enter.
        page.reload()  # focus starts at the top of the page again
        values = [
            world.creds["username"],
            world.creds["password"],
            world.creds["customer_api_key"],
            world.creds["domain"],  # its default, retyped
            world.creds["subdomain"],  # the sandbox's whole URL, pasted as a web-service URL would be
        ]
        page.keyboard.press("Tab")
        for i, value in enumerate(values):
            while page.evaluate("document.activeElement.tagName") != "INPUT":
                page.keyboard.press("Tab")
            page.keyboard.press("ControlOrMeta+a")  # the domain field holds its default (ultipro.com)
            page.keyboard.type(value)
            if i < len(values) - 1:
                page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") == "subdomain"
        expect(page.locator("#note-subdomain")).to_have_text(f"Will connect to: {world.sandbox_url}")
        page.keyboard.press("Enter")

        expect(page.get_by_role("heading", level=1)).to_have_text("UKG Pro is connected")
        expect(page.locator("#all-set")).to_be_visible()
        for action in ("List employees", "List employments"):
            expect(page.get_by_role("row", name=re.compile(action))).to_contain_text("Granted")
        assert world.creds["password"] not in page.content()
    finally:
        world.hub.registry.pm.unregister(recorder)

    state = client.get(f"/v1/link-sessions/{session['id']}").json()
    assert state["status"] == "linked" and state["account_id"]
    account = client.get(f"/v1/accounts/{state['account_id']}").json()
    assert account["permissions"]["actions"]["employees.list"]["enabled"]
    (linked,) = recorder.of("account.linked")
    assert linked.account_id == state["account_id"]
    assert linked.record["link_session_id"] == session["id"]
    assert linked.record["reference"] == "tenant-42"


def test_a_wrong_password_lands_on_the_sign_in_fields_and_is_never_shown_back(world, page):
    client = world.customer("wrong-password")
    session = new_session(client)
    page.goto(session["url"])
    wrong = "Not-the-password-7"
    fill(page, world.creds, password=wrong)
    page.get_by_role("button", name="Connect UKG Pro").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("refused the service account's credentials")
    expect(summary).to_be_focused()
    what_to_check = {
        "Service account username": "may be wrong: the provider refused the sign-in. Check the username "
        "on Service Account Administration: it is case-sensitive.",
        "Service account password": "reset it on Service Account Administration",
        "Customer API key": "the 5 characters at the top of Service Account Administration",
    }
    for title, check in what_to_check.items():
        field = page.get_by_label(title)
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile(re.escape(check)))
    for title in ("Web-service domain", "Web-service subdomain"):
        expect(page.get_by_label(title)).not_to_have_attribute("aria-invalid", "true")
    # The password is never rendered back: its field is empty, and the page does not hold it.
    expect(page.get_by_label("Service account password")).to_have_value("")
    assert wrong not in page.content()
    # What is not masked is kept, the customer key read off UKG's screen included: only the password is retyped.
    expect(page.get_by_label("Service account username")).to_have_value(world.creds["username"])
    expect(page.get_by_label("Customer API key")).to_have_value(world.creds["customer_api_key"])
    shot(page, "02-field-error")

    page.get_by_label("Service account password").fill(world.creds["password"])
    page.get_by_role("button", name="Connect UKG Pro").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("UKG Pro is connected")
    assert client.get(f"/v1/link-sessions/{session['id']}").json()["status"] == "linked"


def test_a_pasted_url_shows_its_host_and_impossible_values_are_flagged_before_submit(world, page):
    client = world.customer("pasted-url")
    session = new_session(client)
    page.goto(session["url"])
    # A whole web-service URL pasted into the subdomain field: the host the hub will call is shown.
    page.get_by_label("Web-service subdomain").fill(f"{world.sandbox_url}/services/EmployeePerson")
    expect(page.locator("#note-subdomain")).to_have_text(f"Will connect to: {world.sandbox_url}")

    # A real UKG URL shows its UKG host.
    page.get_by_label("Web-service subdomain").fill("https://service4.ultipro.com/services/EmployeePerson")
    expect(page.locator("#note-subdomain")).to_have_text("Will connect to: https://service4.ultipro.com")

    # A host that is not UKG's is flagged at the field, before anything is submitted.
    page.get_by_label("Web-service subdomain").fill("https://login.evil.example.com/services")
    expect(page.locator("#error-subdomain")).to_contain_text("only hosts under ultipro.com")
    expect(page.get_by_label("Web-service subdomain")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#note-subdomain")).to_have_text("")

    # A 3-letter customer key is flagged when the admin leaves the field.
    page.get_by_label("Customer API key").fill("AB1")
    page.get_by_label("Customer API key").press("Tab")
    expect(page.locator("#error-customer_api_key")).to_contain_text(
        "Customer API key must be exactly 5 letters or digits."  # the CLI's words, from the connector
    )

    # Submit is held back: the summary lists both fields, focused, and the page did not post.
    fill(page, world.creds, customer_api_key="AB1", subdomain="https://login.evil.example.com/services")
    posts: list[str] = []
    page.on(
        "request", lambda r: posts.append(r.url) if r.method == "POST" and "preview" not in r.url else None
    )
    page.get_by_role("button", name="Connect UKG Pro").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("2 values need fixing")
    expect(summary).to_contain_text("Customer API key")
    expect(summary).to_contain_text("Web-service subdomain")
    assert posts == []
    assert client.get(f"/v1/link-sessions/{session['id']}").json()["status"] == "open"


def test_a_missing_permission_is_named_then_check_again_sees_it_granted(make_world, page):
    world = make_world()
    client = world.customer("check-again")
    connector = world.hub.connector("ukg_pro")
    probe_scope = set(connector.required_scopes("employees.list"))
    needed = [s for s in connector.required_scopes("employments.list") if s not in probe_scope]
    assert needed, "employments.list needs a permission the probe does not"
    world.sb.revoke(world.sb.username, needed[0])
    session = new_session(client, actions=["employees.list", "employments.list"])

    page.goto(session["url"])
    fill(page, world.creds)
    page.get_by_role("button", name="Connect UKG Pro").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("UKG Pro is connected")
    row = page.get_by_role("row", name=re.compile("List employments"))
    expect(row).to_contain_text("Missing")
    expect(row).to_contain_text(needed[0])
    expect(page.get_by_role("region", name="Permissions still missing")).to_contain_text(needed[0])
    expect(page.get_by_role("row", name=re.compile("List employees"))).to_contain_text("Granted")
    shot(page, "03-permissions-summary")

    world.sb.grant(world.sb.username, needed[0])
    page.get_by_role("button", name="Check again").click()
    expect(page.get_by_role("status").first).to_contain_text("Checked again just now")
    expect(page.get_by_role("row", name=re.compile("List employments"))).to_contain_text("Granted")
    expect(page.locator("#all-set")).to_be_visible()
    account_id = client.get(f"/v1/link-sessions/{session['id']}").json()["account_id"]
    account = client.get(f"/v1/accounts/{account_id}").json()
    assert account["permissions"]["actions"]["employments.list"]["enabled"]


def test_an_expired_link_and_a_used_link_are_refused_politely(world, browser, page):
    client = world.customer("single-use")
    expired = new_session(client)
    with world.hub.store.begin() as db:
        db.execute(
            update(t.link_sessions)
            .where(t.link_sessions.c.id == expired["id"])
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    answer = page.goto(expired["url"])
    assert answer is not None and answer.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text("This link has expired")
    expect(page.get_by_role("status")).to_contain_text("Ask whoever sent it for a new link")
    expect(page.locator("form")).to_have_count(0)

    used = new_session(client)
    page.goto(used["url"])
    second_tab = page.context.new_page()
    second_tab.goto(used["url"])  # the form open in another tab, before the link is used
    fill(page, world.creds)
    page.get_by_role("button", name="Connect UKG Pro").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("UKG Pro is connected")

    fill(second_tab, world.creds)
    with second_tab.expect_navigation() as navigation:
        second_tab.get_by_role("button", name="Connect UKG Pro").click()
    assert navigation.value is not None and navigation.value.status == 410
    expect(second_tab.get_by_role("heading", level=1)).to_have_text("Already connected")
    expect(second_tab.get_by_role("status")).to_contain_text("already used")

    # Someone else opening the link later (another browser) sees it used, not the form or the summary.
    other = browser.new_context()
    try:
        stranger = other.new_page()
        answer = stranger.goto(used["url"])
        assert answer is not None and answer.status == 410
        expect(stranger.get_by_role("heading", level=1)).to_have_text("Already connected")
        expect(stranger.locator("table")).to_have_count(0)
    finally:
        other.close()
    accounts = client.get("/v1/accounts").json()["results"]
    assert len(accounts) == 1


def test_link_tokens_never_reach_the_access_log(world):
    """uvicorn's access log prints paths; a link's token is a secret and is masked there."""
    import logging

    client = world.customer("access-log")
    url = new_session(client)["url"]
    token = url.rsplit("/", 1)[1]
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "POST", f"/link/{token}/preview", "1.1", 200),
        None,
    )
    # The app installed the filter on uvicorn's access logger (which does not propagate to the root).
    assert logging.getLogger("uvicorn.access").filter(record)
    assert token not in record.getMessage()
    assert '"POST /link/…/preview HTTP/1.1" 200' in record.getMessage()
