"""UKG Pro in the API's connector catalogue: its actions, features and credentials schema."""

import pytest

pytestmark = pytest.mark.e2e


def test_connectors_are_listed_without_a_key(world):
    answer = world.anonymous().get("/v1/connectors")
    assert answer.status_code == 200
    (ukg,) = [c for c in answer.json()["results"] if c["name"] == "ukg_pro"]
    assert ukg["title"] == "UKG Pro" and ukg["version"] and ukg["docs"]
    assert "credentials_schema" not in ukg
    employees = ukg["actions"]["employees.list"]
    assert employees["supported"] and employees["scopes"] and isinstance(employees["optional_scopes"], dict)
    requests = ukg["actions"]["time_off_requests.list"]
    assert not requests["supported"] and "no time-off requests" in requests["reason"]
    assert "incremental_sync" in ukg["features"]


def test_one_connector_has_its_credentials_schema(world, assert_problem):
    client = world.anonymous()
    detail = client.get("/v1/connectors/ukg_pro").json()
    schema = detail["credentials_schema"]
    assert {"username", "password", "customer_api_key", "subdomain"} <= set(schema["required"])
    assert schema["properties"]["password"]["writeOnly"] is True
    listed = {c["name"]: c for c in client.get("/v1/connectors").json()["results"]}
    assert detail["actions"] == listed["ukg_pro"]["actions"]
    body = assert_problem(client.get("/v1/connectors/workday"), 404, "unknown-connector")
    assert "ukg_pro" in body["detail"]
