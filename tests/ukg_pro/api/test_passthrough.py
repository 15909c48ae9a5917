"""Passthrough on UKG Pro: a GET of a real UKG path reaches the sandbox with the service account's
Basic auth and Customer API key, answers UKG's JSON, and shows none of the three values."""

import base64

import pytest

pytestmark = pytest.mark.e2e


def _send(client, account_id, **body):
    return client.post(f"/v1/accounts/{account_id}/passthrough", json=body)


def test_a_get_of_a_ukg_path_answers_its_json(world, linked):
    client, account = linked
    jobs = _send(client, account["id"], path="/configuration/v1/jobs")
    assert jobs.status_code == 200, jobs.text
    body = jobs.json()
    assert body["status"] == 200 and body["body_encoding"] == "json"
    assert isinstance(body["body"], list) and body["body"]
    assert {"jobCode", "title"} <= set(body["body"][0])

    people = _send(
        client, account["id"], path="/personnel/v1/person-details", params={"page": 1, "per_Page": 3}
    ).json()
    assert people["status"] == 200 and len(people["body"]) == 3
    one = people["body"][0]["employeeId"]
    person = _send(client, account["id"], path=f"/personnel/v1/person-details/{one}").json()
    assert person["status"] == 200 and person["body"]["employeeId"] == one

    creds = world.creds
    token = base64.b64encode(f"{creds['username']}:{creds['password']}".encode()).decode()
    for answer in (jobs.text, str(people), str(person)):
        for secret in (creds["password"], creds["customer_api_key"], token):
            assert secret not in answer


def test_ukg_credential_headers_and_writes_are_refused(world, linked, assert_problem):
    client, account = linked
    before = world.sb.stats.total
    header = _send(
        client, account["id"], path="/configuration/v1/jobs", headers={"US-Customer-Api-Key": "ABCDE"}
    )
    assert "headers.US-Customer-Api-Key" in [
        e["field"] for e in assert_problem(header, 422, "invalid-passthrough")["errors"]
    ]
    write = _send(client, account["id"], method="POST", path="/personnel/v1/person-details", body={"a": 1})
    errors = assert_problem(write, 422, "invalid-passthrough")["errors"]
    assert "method" in [e["field"] for e in errors] and "read-only" in errors[0]["message"]
    assert world.sb.stats.total == before


def test_a_missing_ukg_permission_comes_back_as_ukgs_403(make_world):
    world = make_world(employees=8, seed=2)
    client = world.customer()
    account = world.link(client)
    world.sb.revoke(world.sb.username, "Company Configuration Integration")
    answer = _send(client, account["id"], path="/configuration/v1/jobs").json()
    assert answer["status"] == 403
