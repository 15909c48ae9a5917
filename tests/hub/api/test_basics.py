"""Connectors, customer authentication, problems for every kind of error, and the OpenAPI document."""

import httpx
import pytest

pytestmark = pytest.mark.e2e


def test_connectors_are_listed_without_a_key(world):
    answer = world.anonymous().get("/v1/connectors")
    assert answer.status_code == 200
    (tiny,) = [c for c in answer.json()["results"] if c["name"] == "tiny_hris"]
    assert tiny["title"] == "Tiny HRIS" and tiny["version"] and tiny["docs"]
    assert "credentials_schema" not in tiny
    employees = tiny["actions"]["employees.list"]
    assert employees["supported"] and employees["scopes"] and isinstance(employees["optional_scopes"], dict)
    requests = tiny["actions"]["time_off_requests.list"]
    assert not requests["supported"] and "no time-off requests" in requests["reason"]
    assert "incremental_sync" in tiny["features"]


def test_one_connector_has_its_credentials_schema(world, assert_problem):
    client = world.anonymous()
    detail = client.get("/v1/connectors/tiny_hris").json()
    schema = detail["credentials_schema"]
    assert {"base_url", "api_key"} <= set(schema["required"])
    assert schema["properties"]["api_key"]["writeOnly"] is True
    listed = {c["name"]: c for c in client.get("/v1/connectors").json()["results"]}
    assert detail["actions"] == listed["tiny_hris"]["actions"]
    body = assert_problem(client.get("/v1/connectors/workday"), 404, "unknown-connector")
    assert "tiny_hris" in body["detail"]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer hh_not-a-key"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer"},
    ],
    ids=["missing", "unknown", "basic", "empty"],
)
@pytest.mark.parametrize("path", ["/v1/accounts", "/v1/hris/employees", "/v1/accounts/acct_x/syncs"])
def test_a_missing_or_unknown_key_is_a_401_problem(world, assert_problem, headers, path):
    answer = world.anonymous().get(path, headers=headers)
    body = assert_problem(answer, 401, "unauthenticated")
    assert answer.headers["www-authenticate"].startswith("Bearer")
    assert "Authorization: Bearer" in body["remedy"]
    assert "hh_not-a-key" not in answer.text


def test_unknown_routes_and_methods_are_problems(world, assert_problem):
    client = world.customer()
    body = assert_problem(client.get("/v1/payroll"), 404, "not-found")
    assert "/v1/payroll" in body["detail"]
    answer = client.delete("/v1/connectors")
    body = assert_problem(answer, 405, "method-not-allowed")
    assert "GET" in answer.headers["allow"] and "GET" in body["remedy"]


def test_request_validation_errors_are_422_problems_listing_each_field(world, assert_problem, linked):
    client, account = linked
    answer = client.post(
        "/v1/accounts", json={"connector": "tiny_hris", "credentials": "hunter2", "color": 1}
    )
    body = assert_problem(answer, 422, "invalid-request")
    fields = {(e["in"], e["field"]) for e in body["errors"]}
    assert fields == {("body", "credentials"), ("body", "color")}
    assert "hunter2" not in answer.text

    answer = client.post("/v1/accounts", content=b"{not json", headers={"content-type": "application/json"})
    assert_problem(answer, 422, "invalid-request")

    answer = client.get(
        "/v1/hris/employees",
        params={"page_size": 0, "mode": "sometimes", "modified_after": "yesterday"},
        headers={"X-Account-Id": account["id"]},
    )
    body = assert_problem(answer, 422, "invalid-request")
    assert {e["field"] for e in body["errors"]} == {"page_size", "mode", "modified_after"}
    assert all(e["in"] == "query" for e in body["errors"])

    answer = client.get(
        "/v1/hris/employees", params={"page_size": 1001}, headers={"X-Account-Id": account["id"]}
    )
    assert_problem(answer, 422, "invalid-request")


def test_a_missing_account_header_is_a_422_problem_naming_it(world, assert_problem):
    body = assert_problem(world.customer().get("/v1/hris/employees"), 422, "invalid-request")
    assert body["errors"] == [
        {
            "in": "header",
            "field": "X-Account-Id",
            "message": "Field required",
            "fix": "Send the id of one of your linked accounts (GET /v1/accounts) as X-Account-Id.",
        }
    ]
    assert "X-Account-Id" in body["detail"]


def test_an_unexpected_failure_is_a_generic_500_problem(world, assert_problem, monkeypatch, caplog):
    def broken(**_):
        raise RuntimeError("internal detail hunter2")

    monkeypatch.setattr(world.hub, "accounts", broken)
    answer = world.customer().get("/v1/accounts")
    body = assert_problem(answer, 500, "internal-error")
    assert "hunter2" not in answer.text and "RuntimeError" not in answer.text
    assert "unexpectedly" in body["detail"]
    assert "unexpected error answering GET /v1/accounts" in caplog.text


def test_the_openapi_document_and_docs_are_served(world):
    client = world.anonymous()
    assert client.get("/docs").status_code == 200
    assert "swagger" in client.get("/docs").text.lower()
    spec = client.get("/openapi.json").json()
    assert spec["info"]["title"] == "hrishub"
    assert {t["name"] for t in spec["tags"]} == {
        "connectors",
        "linking",
        "accounts",
        "syncs",
        "hris",
        "webhooks",
        "passthrough",
    }
    assert spec["components"]["securitySchemes"]["CustomerApiKey"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "hrishub API key",
        "description": spec["components"]["securitySchemes"]["CustomerApiKey"]["description"],
    }
    employees = spec["paths"]["/v1/hris/employees"]["get"]
    assert employees["summary"] == "List employees" and employees["tags"] == ["hris"]
    assert employees["security"] == [{"CustomerApiKey": []}]
    assert {p["name"] for p in employees["parameters"]} >= {
        "X-Account-Id",
        "cursor",
        "page_size",
        "modified_after",
        "include_raw",
        "include_sources",
        "mode",
    }
    assert "security" not in spec["paths"]["/v1/connectors"]["get"]
    assert spec["paths"]["/v1/accounts"]["post"]["responses"]["422"]
    for path, item in spec["paths"].items():
        for operation in item.values():
            assert operation.get("summary"), path
            assert operation.get("tags"), path


def test_problem_bodies_never_come_as_plain_json(world):
    with httpx.Client(base_url=world.api_url) as client:
        for answer in (client.get("/v1/accounts"), client.get("/nowhere"), client.get("/v1/connectors/x")):
            assert answer.headers["content-type"] == "application/problem+json"
