"""The API as a published contract: one naming rule for operation ids, consistent tags, the committed document.

A generated client names its functions after the operation ids and its models after the schemas, so the
committed `docs/openapi.json` is what a client author builds on: it must be what a served hub answers.
"""

import json
import re
from pathlib import Path

import pytest
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st

from hub.api.document import openapi_document, openapi_json
from hub.api.operation_ids import operation_id, operation_id_of_route, singular

COMMITTED = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"
REFRESH = "Run `hrishub docs` (it writes docs/openapi.json) and commit the result."
METHODS = ("get", "put", "post", "delete", "patch")
CAMEL = re.compile(r"^(list|get|create|replace|update|delete|[a-z]+)[A-Z][A-Za-z0-9]*$")


def operations(spec):
    return [
        (method.upper(), path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


@pytest.fixture(scope="module")
def spec():
    return openapi_document()


# -- operation ids -----------------------------------------------------------------------------------


def test_every_operation_id_follows_the_rule_and_is_unique(spec):
    ids = []
    for method, path, op in operations(spec):
        assert op["operationId"] == operation_id(method, path), (method, path)
        assert CAMEL.match(op["operationId"]), op["operationId"]
        ids.append(op["operationId"])
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert len(ids) >= 30


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/v1/connectors", "listConnectors"),
        ("GET", "/v1/connectors/{name}", "getConnector"),
        ("POST", "/v1/accounts", "createAccount"),
        ("GET", "/v1/accounts/{account_id}", "getAccount"),
        ("PATCH", "/v1/accounts/{account_id}", "updateAccount"),
        ("PUT", "/v1/accounts/{account_id}/credentials", "replaceAccountCredentials"),
        ("POST", "/v1/accounts/{account_id}/sync", "syncAccount"),
        ("GET", "/v1/accounts/{account_id}/syncs", "listAccountSyncs"),
        ("GET", "/v1/accounts/{account_id}/syncs/{run_id}", "getAccountSync"),
        ("DELETE", "/v1/link-sessions/{session_id}", "deleteLinkSession"),
        ("GET", "/v1/hris/employees", "listEmployees"),
        ("GET", "/v1/hris/time-off-policies/{record_id}", "getTimeOffPolicy"),
        ("GET", "/v1/hris/companies/{record_id}", "getCompany"),
        ("GET", "/healthz", "getHealthz"),
        # Routes still to come get their names from the same rule.
        ("POST", "/v1/webhook-endpoints", "createWebhookEndpoint"),
        ("GET", "/v1/webhook-endpoints/{endpoint_id}/deliveries", "listWebhookEndpointDeliveries"),
        ("POST", "/v1/webhook-endpoints/{endpoint_id}/deliveries/{id}/retry", "retryWebhookEndpointDelivery"),
        ("POST", "/v1/accounts/{account_id}/passthrough", "passthroughAccount"),
        ("GET", "/v1/addresses", "listAddresses"),
    ],
)
def test_the_rule_names_an_operation_by_its_verb_and_resource(method, path, expected):
    assert operation_id(method, path) == expected


@pytest.mark.parametrize(
    ("plural", "one"),
    [("employees", "employee"), ("policies", "policy"), ("addresses", "address"), ("sync", "sync")],
)
def test_singular(plural, one):
    assert singular(plural) == one


SEGMENT = st.from_regex(r"\A[a-z]{1,8}(-[a-z]{1,8}){0,2}\Z")
PATHS = st.lists(
    st.one_of(SEGMENT, SEGMENT.map(lambda s: "{" + s.replace("-", "_") + "_id}")), min_size=1, max_size=6
).filter(lambda parts: not parts[0].startswith("{"))


@given(method=st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE"]), parts=PATHS)
def test_any_path_gets_a_camel_case_identifier_but_a_post_to_an_item(method, parts):
    path = "/" + "/".join(parts)
    if method == "POST" and parts[-1].startswith("{"):
        with pytest.raises(ValueError, match=r"no verb for POST on an item"):
            operation_id(method, path)
        return
    name = operation_id(method, path)
    assert re.fullmatch(r"[a-z]+[A-Z]?[A-Za-z0-9]*", name), name
    assert name.isidentifier()


def test_a_route_the_rule_cannot_name_is_refused_as_it_is_declared():
    app = FastAPI(generate_unique_id_function=operation_id_of_route)
    with pytest.raises(ValueError, match=r"POST /v1/things/\{thing_id\}: no verb"):

        @app.post("/v1/things/{thing_id}")
        def upsert_thing(thing_id: str) -> None:
            """Not nameable: POST on an item."""

    with pytest.raises(ValueError, match="declare one method per route"):
        app.add_api_route("/v1/things", lambda: None, methods=["GET", "POST"])


def test_a_path_without_a_resource_is_refused():
    with pytest.raises(ValueError, match="no resource"):
        operation_id("GET", "/{id}")


# -- tags ----------------------------------------------------------------------------------------------


def test_every_operation_has_one_declared_tag_and_every_tag_is_used(spec):
    declared = [tag["name"] for tag in spec["tags"]]
    assert len(declared) == len(set(declared))
    assert all(tag.get("description") for tag in spec["tags"])
    used = set()
    for method, path, op in operations(spec):
        assert len(op.get("tags", [])) == 1, (method, path, op.get("tags"))
        assert op["tags"][0] in declared, (method, path)
        assert op.get("summary"), (method, path)
        used.add(op["tags"][0])
    assert used == set(declared)


def test_the_operations_of_one_path_share_its_tag(spec):
    for path, item in spec["paths"].items():
        tags = {op["tags"][0] for method, op in item.items() if method in METHODS}
        assert len(tags) == 1, (path, tags)


# -- the committed document ----------------------------------------------------------------------------


def test_the_committed_document_is_what_a_served_hub_answers(world):
    """The served hub loads plugins, a store in a temporary home and rate limits: none of it shows."""
    served = world.anonymous().get("/openapi.json")
    assert served.status_code == 200
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == served.json(), (
        f"docs/openapi.json differs from the served document. {REFRESH}"
    )


def test_the_committed_document_is_written_pretty_with_sorted_keys_and_is_stable():
    committed = COMMITTED.read_text(encoding="utf-8")
    assert committed == openapi_json(), f"docs/openapi.json is stale. {REFRESH}"
    assert openapi_json() == openapi_json()
    assert committed == json.dumps(json.loads(committed), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert "servers" not in json.loads(committed)


def test_the_document_names_nothing_of_the_machine(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    monkeypatch.setenv("HRISHUB_RATE_LIMIT", "3/s")
    monkeypatch.setenv("HRISHUB_PLUGINS", "nothing")
    text = openapi_json()
    assert text == COMMITTED.read_text(encoding="utf-8")
    for leak in (str(Path.home()), str(tmp_path), "127.0.0.1", "localhost:"):
        assert leak not in text, leak
