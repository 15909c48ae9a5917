"""The account audit log over real HTTP: every account action is one entry (who, when, from where, what,
outcome), never a secret; readable by its owner only, paged; kept after the account is deleted."""

import json
import re
import sqlite3
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hub.cli import app as cli_app
from hub.linking.page.security import CSRF_COOKIE

from .conftest import World, assert_problem, page_through

pytestmark = pytest.mark.e2e

WRONG_KEY = "Wr0ng-Audit-Secret-Key-81"


def _log(client: httpx.Client, account_id: str, **params: Any) -> list[dict[str, Any]]:
    answer = client.get(f"/v1/accounts/{account_id}/audit-log", params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def _finished(client: httpx.Client, location: str) -> None:
    """Wait for a background sync to end (a sync asked for meanwhile would be refused)."""
    deadline = time.monotonic() + 30
    while client.get(location).json()["status"] == "running":
        assert time.monotonic() < deadline, "the background sync did not finish"
        time.sleep(0.05)


def _key_prefix(world: World, client: httpx.Client) -> str:
    customer = world.hub.store.customers.get(client.customer_id)  # type: ignore[attr-defined]
    assert customer is not None
    return customer.key_prefix


def _rows(world: World, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(world.hub.store.engine.url.database or "") as db:
        return db.execute(sql, params).fetchall()


def _cli(world: World, *args: str) -> Any:
    """``hrishub ARGS`` in process, on the world's store file; its result."""
    home = str(Path(world.hub.store.engine.url.database or "").parent)  # the world's key file is there
    env = {"HRISHUB_DATABASE_URL": str(world.hub.store.engine.url), "HRISHUB_HOME": home, "COLUMNS": "200"}
    return CliRunner().invoke(cli_app, list(args), env=env)


def test_each_api_action_writes_one_entry_with_actor_key_prefix_address_details_and_outcome(world):
    client = world.customer("auditor")
    prefix = _key_prefix(world, client)
    account_id = world.link(client, options={"sync_every_hours": 12})["id"]

    assert client.patch(f"/v1/accounts/{account_id}", json={"options": {"sync_every_hours": 6}}).is_success
    assert client.put(f"/v1/accounts/{account_id}/credentials", json={"credentials": world.creds}).is_success
    assert client.post(f"/v1/accounts/{account_id}/pause").is_success
    refused = client.post(f"/v1/accounts/{account_id}/sync", json={"full": True})
    assert_problem(refused, 409, "account-paused")
    assert client.post(f"/v1/accounts/{account_id}/resume").is_success
    started = client.post(f"/v1/accounts/{account_id}/sync")
    assert started.status_code == 202, started.text
    _finished(client, started.headers["location"])
    waited = world.sync(client, account_id, force=True)

    entries = _log(client, account_id)
    assert [(e["action"], e["outcome"], e["problem"]) for e in entries] == [
        ("sync", "succeeded", None),
        ("sync", "succeeded", None),
        ("resume", "succeeded", None),
        ("sync", "refused", "account-paused"),
        ("pause", "succeeded", None),
        ("credentials", "succeeded", None),
        ("options", "succeeded", None),
        ("link", "succeeded", None),
    ]
    for entry in entries:
        assert entry["account_id"] == account_id
        assert entry["actor"] == "api"
        assert entry["customer_id"] == client.customer_id  # type: ignore[attr-defined]
        assert entry["key_prefix"] == prefix and prefix.startswith("hh_")
        assert entry["address"] == "127.0.0.1"
        assert entry["user"] is None
    at = [e["at"] for e in entries]
    assert at == sorted(at, reverse=True)
    by_action = {(e["action"], e["outcome"]): e["details"] for e in entries}
    assert by_action[("link", "succeeded")] == {"connector": "tiny_hris", "options": ["sync_every_hours"]}
    assert by_action[("options", "succeeded")] == {
        "named": ["sync_every_hours"],
        "changed": ["sync_every_hours"],
    }
    assert by_action[("credentials", "succeeded")] == {"fields": sorted(world.creds)}
    assert by_action[("sync", "refused")]["full"] is True
    assert entries[1]["details"] == {
        "full": False,
        "force": False,
        "wait": False,
        "run_id": started.json()["run_id"],
    }
    assert entries[0]["details"]["wait"] is True and entries[0]["details"]["force"] is True
    assert entries[0]["details"]["run_id"] == waited["run_id"]


def test_refusals_are_recorded_with_their_problem_type(world):
    client = world.customer("refused")
    answer = client.post(
        "/v1/accounts",
        json={"connector": "tiny_hris", "credentials": {**world.creds, "api_key": WRONG_KEY}},
    )
    assert_problem(answer, 422, "provider-credentials-rejected")
    # A refused link makes no account: its entry names none, and is kept for the hub's operators.
    rows = _rows(
        world,
        "SELECT account_id, actor, key_prefix, address, action, details, outcome, problem "
        "FROM account_audit WHERE customer_id = ?",
        client.customer_id,  # type: ignore[attr-defined]
    )
    assert rows == [
        (
            None,
            "api",
            _key_prefix(world, client),
            "127.0.0.1",
            "link",
            json.dumps({"connector": "tiny_hris", "options": []}),
            "refused",
            "provider-credentials-rejected",
        )
    ]

    account_id = world.link(client)["id"]
    wrong = {**world.creds, "api_key": WRONG_KEY}
    rotated = client.put(f"/v1/accounts/{account_id}/credentials", json={"credentials": wrong})
    assert_problem(rotated, 422, "provider-credentials-rejected")
    bad = client.patch(f"/v1/accounts/{account_id}", json={"options": {"sync_every_hours": -3}})
    assert bad.status_code == 422, bad.text
    entries = _log(client, account_id)
    assert [(e["action"], e["outcome"], e["problem"]) for e in entries] == [
        ("options", "refused", bad.json()["type"].rsplit("/", 1)[1]),
        ("credentials", "refused", "provider-credentials-rejected"),
        ("link", "succeeded", None),
    ]


def test_another_customer_cannot_read_or_write_an_accounts_log(world):
    owner = world.customer("owner")
    account_id = world.link(owner)["id"]
    stranger = world.customer("stranger")
    assert_problem(stranger.get(f"/v1/accounts/{account_id}/audit-log"), 404, "not-found")
    assert_problem(stranger.post(f"/v1/accounts/{account_id}/pause"), 404, "not-found")
    assert_problem(stranger.delete(f"/v1/accounts/{account_id}"), 404, "not-found")
    # The stranger's attempts name no account of theirs: nothing about them lands in the owner's log.
    assert [e["action"] for e in _log(owner, account_id)] == ["link"]
    assert_problem(world.anonymous().get(f"/v1/accounts/{account_id}/audit-log"), 401, "unauthenticated")


def test_the_log_pages_newest_first_without_gaps_or_repeats(world):
    client = world.customer("pager")
    account_id = world.link(client)["id"]
    for _ in range(4):
        assert client.post(f"/v1/accounts/{account_id}/pause").is_success
        assert client.post(f"/v1/accounts/{account_id}/resume").is_success
    pages = page_through(client, f"/v1/accounts/{account_id}/audit-log", account_id, page_size=3)
    assert [len(p) for p in pages] == [3, 3, 3]
    ids = [e["id"] for page in pages for e in page]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 9
    assert [e["action"] for page in pages for e in page][-1] == "link"
    assert _log(client, account_id, page_size=100) == [e for page in pages for e in page]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cursor=st.text(min_size=1, max_size=40))
def test_a_cursor_the_hub_did_not_issue_is_a_422_problem(linked, cursor):
    client, account = linked
    answer = client.get(f"/v1/accounts/{account['id']}/audit-log", params={"cursor": cursor})
    if answer.status_code == 200:  # a text that happens to decode to a position: a valid (older) page
        assert all(isinstance(e["id"], int) for e in answer.json()["results"])
        return
    assert_problem(answer, 422, "invalid-request")


def test_the_log_survives_deletion_and_the_cli_reads_it(world):
    client = world.customer("leaver")
    account_id = world.link(client)["id"]
    assert client.delete(f"/v1/accounts/{account_id}").status_code == 204
    assert_problem(client.get(f"/v1/accounts/{account_id}/audit-log"), 404, "not-found")
    assert_problem(client.delete(f"/v1/accounts/{account_id}"), 404, "not-found")

    result = _cli(world, "accounts", "audit", account_id, "--json")
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert [(e["action"], e["outcome"]) for e in entries] == [("delete", "succeeded"), ("link", "succeeded")]
    assert {e["key_prefix"] for e in entries} == {_key_prefix(world, client)}
    table = _cli(world, "accounts", "audit", account_id)
    assert table.exit_code == 0, table.output
    assert "delete" in table.stdout and "127.0.0.1" in table.stdout


def test_command_line_actions_are_recorded_as_cli_with_the_os_user(world):
    client = world.customer("operator")
    account_id = world.link(client)["id"]
    for command in ("pause", "resume"):
        result = _cli(world, "accounts", command, account_id)
        assert result.exit_code == 0, result.output
    entries = _log(client, account_id)
    assert [(e["action"], e["actor"]) for e in entries] == [
        ("resume", "cli"),
        ("pause", "cli"),
        ("link", "api"),
    ]
    for entry in entries[:2]:
        assert entry["user"] and entry["key_prefix"] is None and entry["address"] is None
        assert entry["customer_id"] == client.customer_id  # type: ignore[attr-defined]


def _open_form(browser: httpx.Client, url: str) -> str:
    page = browser.get(url)
    assert page.status_code == 200, page.text
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', page.text
    )
    assert found, "no CSRF token in the form"
    assert found.group(1) == browser.cookies[CSRF_COOKIE]
    return found.group(1)


def test_a_linking_page_submit_is_recorded_for_the_sessions_customer_without_a_key(world):
    client = world.customer("pages")
    session = client.post("/v1/link-sessions", json={"connector": "tiny_hris", "reference": "audit"})
    assert session.status_code == 201, session.text
    url = session.json()["url"]
    with httpx.Client(timeout=30) as browser:
        csrf = _open_form(browser, url)
        wrong = browser.post(url, data={**world.creds, "api_key": WRONG_KEY, "csrf_token": csrf})
        assert wrong.status_code == 422, wrong.text
        linked = browser.post(url, data={**world.creds, "csrf_token": csrf})
        assert linked.status_code == 303, linked.text

    (account,) = client.get("/v1/accounts").json()["results"]
    (entry,) = _log(client, account["id"])
    assert entry["action"] == "link" and entry["outcome"] == "succeeded"
    assert entry["actor"] == "link_page" and entry["key_prefix"] is None
    assert entry["customer_id"] == client.customer_id  # type: ignore[attr-defined]
    assert entry["address"] == "127.0.0.1"
    assert entry["details"] == {"connector": "tiny_hris", "link_session": session.json()["id"]}
    refused = _rows(
        world,
        "SELECT actor, outcome, problem FROM account_audit WHERE customer_id = ? AND account_id IS NULL",
        client.customer_id,  # type: ignore[attr-defined]
    )
    assert refused == [("link_page", "refused", "provider-credentials-rejected")]


def _store_bytes(world: World) -> bytes:
    path = Path(world.hub.store.engine.url.database or "")
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_no_secret_reaches_the_store_file_through_the_log(make_world, secret_guard):
    world = make_world(employees=5, seed=9)
    customer, key = world.hub.store.customers.add("secretive")
    client = httpx.Client(base_url=world.api_url, headers={"Authorization": f"Bearer {key}"}, timeout=30)
    try:
        account_id = world.link(client)["id"]
        assert client.put(
            f"/v1/accounts/{account_id}/credentials", json={"credentials": world.creds}
        ).is_success
        wrong = {**world.creds, "api_key": WRONG_KEY}
        rotated = client.put(f"/v1/accounts/{account_id}/credentials", json={"credentials": wrong})
        assert rotated.status_code == 422
        assert (
            client.post("/v1/accounts", json={"connector": "tiny_hris", "credentials": wrong}).status_code
            == 422
        )
        assert len(_log(client, account_id)) == 3
    finally:
        client.close()
    data = _store_bytes(world)
    assert b"account_audit" in data and customer.key_prefix.encode() in data  # the file is the one written
    for secret in (world.sb.api_key, WRONG_KEY, key):
        assert secret.encode() not in data, secret[:4]
    assert not secret_guard.leaks(
        {world.sb.api_key, WRONG_KEY, key}, files=[Path(world.hub.store.engine.url.database or "")]
    )
