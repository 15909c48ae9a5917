"""Linking, listing, inspecting, re-crediting and configuring accounts; one customer never sees another's."""

import socket
from dataclasses import replace

import pytest

pytestmark = pytest.mark.e2e


def test_link_answers_201_with_the_permissions_report_and_no_credentials(world):
    client = world.customer()
    answer = client.post("/v1/accounts", json={"connector": "tiny_hris", "credentials": world.creds})
    assert answer.status_code == 201, answer.text
    account = answer.json()
    assert answer.headers["location"] == f"/v1/accounts/{account['id']}"
    assert account["connector"] == "tiny_hris" and account["status"] == "linked"
    report = account["permissions"]
    assert report["missing"] == [] and "Read people" in report["granted"]
    assert report["actions"]["employees.list"]["enabled"] is True
    assert report["actions"]["time_off_requests.list"]["enabled"] is False
    assert account["last_sync"] is None and account["next_sync_at"]
    assert world.creds["api_key"] not in answer.text
    assert "credentials" not in account

    listed = client.get("/v1/accounts").json()["results"]
    assert [a["id"] for a in listed] == [account["id"]]
    shown = client.get(f"/v1/accounts/{account['id']}")
    assert shown.status_code == 200 and shown.json() == listed[0]
    assert world.creds["api_key"] not in shown.text


def test_link_with_options_stores_them(world):
    client = world.customer()
    account = world.link(client, options={"filters": {"status": ["ACTIVE"]}, "sync_every_hours": 6})
    assert account["options"]["filters"] == {"status": ["ACTIVE"]}
    assert account["options"]["sync_every_hours"] == 6


def test_unknown_connector_in_a_link_is_a_404_problem(world, assert_problem):
    answer = world.customer().post("/v1/accounts", json={"connector": "bamboo", "credentials": {}})
    body = assert_problem(answer, 404, "unknown-connector")
    assert "restart `hrishub serve`" in body["remedy"]  # a plugin installed after the server started


def test_a_customer_reaches_only_its_own_accounts(world, assert_problem, linked):
    alice, account = linked
    bob = world.customer("bob")
    account_id = account["id"]
    unknown = assert_problem(bob.get("/v1/accounts/acct_doesnotexist"), 404, "not-found")
    theirs = assert_problem(bob.get(f"/v1/accounts/{account_id}"), 404, "not-found")
    assert theirs == {**unknown, "detail": unknown["detail"].replace("acct_doesnotexist", account_id)}
    assert "GET /v1/accounts" in unknown["remedy"] and "hrishub" not in unknown["remedy"]  # the API's own way
    assert bob.get("/v1/accounts").json() == {"results": []}
    for answer in (
        bob.get("/v1/hris/employees", headers={"X-Account-Id": account_id}),
        bob.get("/v1/hris/companies/whatever", headers={"X-Account-Id": account_id}),
        bob.get(f"/v1/accounts/{account_id}/syncs"),
        bob.post(f"/v1/accounts/{account_id}/sync", params={"wait": "true"}),
        bob.patch(f"/v1/accounts/{account_id}", json={"options": {"sync_every_hours": 1}}),
        bob.put(f"/v1/accounts/{account_id}/credentials", json={"credentials": world.creds}),
    ):
        assert_problem(answer, 404, "not-found")
    assert alice.get(f"/v1/accounts/{account_id}").json()["options"]["sync_every_hours"] == 24
    assert alice.get("/v1/hris/employees", headers={"X-Account-Id": account_id}).status_code == 200


def test_patch_changes_options_and_keeps_the_others(world, assert_problem):
    client = world.customer()
    account = world.link(client, options={"filters": {"status": ["ACTIVE"]}})
    path = f"/v1/accounts/{account['id']}"
    answer = client.patch(path, json={"options": {"sync_every_hours": 12}})
    assert answer.status_code == 200, answer.text
    options = answer.json()["options"]
    assert options["sync_every_hours"] == 12 and options["filters"] == {"status": ["ACTIVE"]}

    answer = client.patch(path, json={"options": {"filters": {"colour": ["red"]}, "sync_every_hours": 0}})
    body = assert_problem(answer, 422, "invalid-options")
    assert {e["field"] for e in body["errors"]} == {"filters.colour", "sync_every_hours"}
    assert client.get(path).json()["options"] == options

    assert_problem(client.patch(path, json={"filters": {}}), 422, "invalid-request")


def test_a_revoked_key_gets_401_and_the_new_one_works(world, assert_problem):
    client = world.customer("rotating")
    account = world.link(client)
    customer_id = client.customer_id
    new_key = world.hub.store.customers.rotate_key(customer_id)

    refused = client.get(f"/v1/accounts/{account['id']}")  # still sending the old key
    assert_problem(refused, 401, "unauthenticated")
    with world.anonymous() as fresh:
        answer = fresh.get(f"/v1/accounts/{account['id']}", headers={"Authorization": f"Bearer {new_key}"})
    assert answer.status_code == 200 and answer.json()["id"] == account["id"]


def test_a_key_revoked_elsewhere_stops_reading_records_with_the_next_request(world, assert_problem):
    from hub.store import Store

    client = world.customer("rotating-reader")
    account = world.link(client)
    world.sync(client, account["id"])
    headers = {"X-Account-Id": account["id"]}
    for _ in range(2):  # the key's account is now remembered by the serving hub
        assert client.get("/v1/hris/employees", headers=headers).status_code == 200
    other = Store(
        world.hub.store.url, box=world.hub.store.box
    )  # another process on the same store: `hrishub customers rotate-key`
    try:
        new_key = other.customers.rotate_key(client.customer_id)
    finally:
        other.close()

    refused = client.get("/v1/hris/employees", params={"page_size": 5}, headers=headers)
    assert_problem(refused, 401, "unauthenticated")
    fresh = {"Authorization": f"Bearer {new_key}", **headers}
    with world.anonymous() as anonymous:
        assert anonymous.get("/v1/hris/employees", headers=fresh).status_code == 200
        world.hub.store.customers.rotate_key(client.customer_id)  # and in the serving process itself
        assert_problem(anonymous.get("/v1/hris/employees", headers=fresh), 401, "unauthenticated")


def test_a_wrong_key_is_a_422_provider_problem_and_nothing_is_stored(world, assert_problem):
    client = world.customer()
    answer = client.post(
        "/v1/accounts",
        json={"connector": "tiny_hris", "credentials": {**world.creds, "api_key": "Wr0ng-Secret-Key"}},
    )
    body = assert_problem(answer, 422, "provider-credentials-rejected")
    assert "revoked or replaced" in body["remedy"]
    assert "Wr0ng-Secret-Key" not in answer.text
    assert "www-authenticate" not in answer.headers  # the provider refused, not the hub
    assert client.get("/v1/accounts").json() == {"results": []}


def test_invalid_credentials_are_a_422_problem_naming_each_field(world, assert_problem):
    client = world.customer()
    bad = {"base_url": "http://10.0.0.1", "api_key": "   "}
    answer = client.post("/v1/accounts", json={"connector": "tiny_hris", "credentials": bad})
    body = assert_problem(answer, 422, "invalid-credentials")
    assert {e["field"] for e in body["errors"]} == {"base_url", "api_key"}
    assert all(e["message"] and e["fix"] for e in body["errors"])
    assert client.get("/v1/accounts").json() == {"results": []}

    answer = client.post("/v1/accounts", json={"connector": "tiny_hris", "credentials": {}})
    body = assert_problem(answer, 422, "invalid-credentials")
    assert {"base_url", "api_key"} <= {e["field"] for e in body["errors"]}


def test_an_unreachable_provider_is_a_504_problem(world, assert_problem, monkeypatch):
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    allowed = world.hub.settings.sandbox_origins | {dead}
    monkeypatch.setattr(world.hub, "settings", replace(world.hub.settings, sandbox_origins=allowed))
    client = world.customer()
    answer = client.post(
        "/v1/accounts", json={"connector": "tiny_hris", "credentials": {**world.creds, "base_url": dead}}
    )
    assert_problem(answer, 504, "provider-unreachable")
    assert world.creds["api_key"] not in answer.text
    assert client.get("/v1/accounts").json() == {"results": []}


def test_an_origin_the_operator_did_not_allow_is_refused_before_any_call(world, assert_problem):
    client = world.customer()
    creds = {**world.creds, "base_url": "http://127.0.0.1:9"}
    body = assert_problem(
        client.post("/v1/accounts", json={"connector": "tiny_hris", "credentials": creds}),
        422,
        "invalid-credentials",
    )
    assert [e["field"] for e in body["errors"]] == ["base_url"]


def test_linking_a_key_without_a_permission_disables_its_actions(world, assert_problem):
    world.sb.add_key("Limited-Api-Key-0003", ["Read people", "Read organisation", "Read changes"])
    client = world.customer()
    account = world.link(client, {**world.creds, "api_key": "Limited-Api-Key-0003"})
    report = account["permissions"]
    assert "Read time off" in report["missing"]
    answer = client.get("/v1/hris/time-off-balances", headers={"X-Account-Id": account["id"]})
    body = assert_problem(answer, 403, "missing-permission")
    assert body["permissions"] == report["actions"]["time_off_balances.list"]["missing"]
