"""Linking UKG Pro over the API: its service-account fields, wording and permissions."""

import socket
from dataclasses import replace

import pytest

pytestmark = pytest.mark.e2e


def test_a_wrong_password_is_a_422_provider_problem_and_nothing_is_stored(world, assert_problem):
    client = world.customer()
    answer = client.post(
        "/v1/accounts",
        json={"connector": "ukg_pro", "credentials": {**world.creds, "password": "Wr0ng-Secret!"}},
    )
    body = assert_problem(answer, 422, "provider-credentials-rejected")
    assert "case-sensitive" in body["remedy"]
    assert "Wr0ng-Secret!" not in answer.text
    assert "www-authenticate" not in answer.headers  # the provider refused, not the hub
    assert client.get("/v1/accounts").json() == {"results": []}


def test_invalid_credentials_are_a_422_problem_naming_each_field(world, assert_problem):
    client = world.customer()
    bad = {
        **world.creds,
        "password": "Unique-Pa55word-Value",
        "customer_api_key": "abc",
        "subdomain": "",
        "domain": "http://10.0.0.1",
        "username": "two words",
    }
    answer = client.post("/v1/accounts", json={"connector": "ukg_pro", "credentials": bad})
    body = assert_problem(answer, 422, "invalid-credentials")
    assert {e["field"] for e in body["errors"]} == {"customer_api_key", "domain", "username"}
    assert all(e["message"] and e["fix"] for e in body["errors"])
    assert "Unique-Pa55word-Value" not in answer.text
    assert client.get("/v1/accounts").json() == {"results": []}

    answer = client.post("/v1/accounts", json={"connector": "ukg_pro", "credentials": {}})
    body = assert_problem(answer, 422, "invalid-credentials")
    assert {"username", "password", "customer_api_key"} <= {e["field"] for e in body["errors"]}


def test_rotating_credentials_keeps_synced_data_and_refreshes_permissions(world, assert_problem):
    """A second service account: linked and synced, then loses a permission and its credentials are rotated."""
    username = "svc-rotate"
    world.sb.add_account(username, "Rotate-Pa55word")
    creds = {**world.creds, "username": username, "password": "Rotate-Pa55word"}
    client = world.customer()
    account = world.link(client, creds)
    account_id = account["id"]
    world.sync(client, account_id)
    headers = {"X-Account-Id": account_id}
    employees = client.get("/v1/hris/employees", params={"page_size": 1000}, headers=headers).json()[
        "results"
    ]
    assert client.get("/v1/hris/time-off-balances", headers=headers).status_code == 200

    world.sb.revoke(username, "PTO Plan Integration")
    answer = client.put(f"/v1/accounts/{account_id}/credentials", json={"credentials": creds})
    assert answer.status_code == 200, answer.text
    rotated = answer.json()
    assert rotated["id"] == account_id
    assert rotated["permissions"]["actions"]["time_off_balances.list"] == {
        "enabled": False,
        "missing": ["PTO Plan Integration"],
        "reason": "Tick 'PTO Plan Integration' on the service account.",
    }
    assert "Rotate-Pa55word" not in answer.text

    answer = client.get("/v1/hris/time-off-balances", headers=headers)
    body = assert_problem(answer, 403, "missing-permission")
    assert body["permissions"] == ["PTO Plan Integration"]
    assert "PTO Plan Integration" in body["remedy"]
    kept = client.get("/v1/hris/employees", params={"page_size": 1000}, headers=headers).json()["results"]
    assert kept == employees

    # A wrong password is refused and changes nothing: live reads still use the stored credentials.
    answer = client.put(
        f"/v1/accounts/{account_id}/credentials", json={"credentials": {**creds, "password": "Not-It-123"}}
    )
    assert_problem(answer, 422, "provider-credentials-rejected")
    live = client.get("/v1/hris/companies", params={"mode": "live"}, headers=headers)
    assert live.status_code == 200 and live.json()["results"]


def test_linking_an_account_without_a_permission_disables_its_actions(world, assert_problem):
    username = "svc-limited"
    granted = [
        p for p in ("Employee Person Details", "Personnel Integration", "Company Configuration Integration")
    ]
    world.sb.add_account(username, "Limited-Pa55word", granted)
    client = world.customer()
    account = world.link(client, {**world.creds, "username": username, "password": "Limited-Pa55word"})
    report = account["permissions"]
    assert "PTO Plan Integration" in report["missing"]
    answer = client.get("/v1/hris/time-off-balances", headers={"X-Account-Id": account["id"]})
    body = assert_problem(answer, 403, "missing-permission")
    assert body["permissions"] == report["actions"]["time_off_balances.list"]["missing"]


def test_an_unreachable_provider_is_a_504_problem(world, assert_problem, monkeypatch):
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    allowed = world.hub.settings.sandbox_origins | {dead}
    monkeypatch.setattr(world.hub, "settings", replace(world.hub.settings, sandbox_origins=allowed))
    client = world.customer()
    answer = client.post(
        "/v1/accounts",
        json={"connector": "ukg_pro", "credentials": {**world.creds, "subdomain": "", "domain": dead}},
    )
    assert_problem(answer, 504, "provider-unreachable")
    assert world.creds["password"] not in answer.text
    assert client.get("/v1/accounts").json() == {"results": []}


def test_an_origin_the_operator_did_not_allow_is_refused_before_any_call(world, assert_problem):
    client = world.customer()
    creds = {**world.creds, "subdomain": "", "domain": "http://127.0.0.1:9"}
    body = assert_problem(
        client.post("/v1/accounts", json={"connector": "ukg_pro", "credentials": creds}),
        422,
        "invalid-credentials",
    )
    assert [e["field"] for e in body["errors"]] == ["domain"]
