"""The unified API against its own OpenAPI description, with inputs schemathesis generates.

One hub on a SQLite file, one customer (A) with one UKG Pro sandbox account linked and synced, and a
second customer (B). Every operation is called with A's key and A's account: none answers 5xx, every
error is an RFC 9457 problem with the hub's members, and declared responses match their schema.
Then, by hand: unknown and malformed keys get 401 problems on every route that needs a key, and B
reaches A's account on no route (404 problems, exactly as for an id that does not exist).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub
from hub.api import create_app
from hub.api.ratelimit import Rate, RateLimits

PROBLEM_JSON = "application/problem+json"
PROBLEM_MEMBERS = ("type", "title", "status", "detail", "remedy")
UKG = "https://service4.ultipro.com"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    home: Path = tmp_path_factory.mktemp("schemathesis")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HRISHUB_HOME", str(home))
        mp.delenv("HRISHUB_SECRET_KEY", raising=False)
        mp.delenv("HRISHUB_DATABASE_URL", raising=False)
        sb = Sandbox(employees=12, seed=21)
        hub = Hub(
            transport=sb.transport(),
            settings=HttpSettings(retry_initial_wait=0.01, max_attempts=2),
            database_url=f"sqlite:///{home / 'hub.db'}",
        )
        a, key_a = hub.store.customers.add("customer-a")
        _, key_b = hub.store.customers.add("customer-b")
        account = hub.link("ukg_pro", sb.credentials(UKG), customer_id=a.id)
        report = hub.sync(account)
        assert report.status == "succeeded", report.errors
        employee = hub.employees(account).list(page_size=1).results[0]
        session = hub.link_sessions.create(a.id, "ukg_pro", reference="ref-a").session
        endpoint, _ = hub.webhook_endpoints.add(a.id, "https://app.example.com/hooks")
        app = create_app(hub, rate_limits=RateLimits(api=Rate(1_000_000), link=Rate(1_000_000)))
        try:
            yield SimpleNamespace(
                sb=sb,
                hub=hub,
                app=app,
                key_a=key_a,
                key_b=key_b,
                account=account.id,
                employee=employee.id,
                session=session.id,
                endpoint=endpoint.id,
            )
        finally:
            hub.close()


@pytest.fixture(scope="module")
def api_schema(world: SimpleNamespace) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", world.app)


schema = schemathesis.pytest.from_fixture("api_schema")


def problem_bodies(ctx: Any, response: Any, case: Any) -> bool:
    """Every 4xx/5xx answer is an RFC 9457 problem with the hub's members."""
    if response.status_code < 400:
        return True
    content_type = response.headers.get("content-type", [""])
    content_type = content_type[0] if isinstance(content_type, list) else content_type
    assert content_type == PROBLEM_JSON, f"{response.status_code} answered as {content_type!r}"
    body = response.json()
    missing = [m for m in PROBLEM_MEMBERS if not body.get(m)]
    assert not missing, f"problem lacks {missing}: {body}"
    assert body["status"] == response.status_code
    assert body["type"].startswith("https://hrishub.dev/problems/")
    assert "Traceback" not in response.text
    return True


def no_server_error(ctx: Any, response: Any, case: Any) -> bool:
    """No 5xx, but 501 ``not-supported``: the hub's declared answer for data a provider lacks (UKG Pro
    has no time-off requests), which is the same for every input."""
    if response.status_code == 501:
        assert response.json()["type"].endswith("/not-supported"), response.text
        return True
    assert response.status_code < 500, f"{response.status_code}: {response.text}"
    return True


CHECKS = [
    no_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    problem_bodies,
]


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
def test_every_operation_answers_without_5xx_and_errors_are_problems(
    case: Any, world: SimpleNamespace
) -> None:
    headers = dict(case.headers or {})
    headers["Authorization"] = f"Bearer {world.key_a}"
    if any(p.name == "X-Account-Id" for p in case.operation.headers):
        headers["X-Account-Id"] = world.account
    case.headers = headers
    if "account_id" in (case.path_parameters or {}) and case.method == "GET":
        case.path_parameters["account_id"] = world.account  # writes get generated (unknown) ids: 404
    response = case.call()
    case.validate_response(response, checks=CHECKS)


def test_the_document_files_every_error_answer_as_a_problem(world):
    spec = world.app.openapi()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")) and "content" in response:
                    assert list(response["content"]) == [PROBLEM_JSON], (method, path, status)
                    schema_ref = response["content"][PROBLEM_JSON]["schema"]["$ref"]
                    assert schema_ref.endswith("/Problem"), (method, path, status)
            if "requestBody" in operation:
                assert "400" in operation["responses"], (method, path)


# -- by hand: keys and isolation ------------------------------------------------------------------------


def secured_routes(app: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """Every (method, path, operation) of the app that needs the customer key."""
    spec = app.openapi()
    return [
        (method.upper(), path, op)
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
        if op.get("security")
    ]


def concrete(path: str, world: SimpleNamespace) -> str:
    """A path with every parameter filled with A's real ids."""
    values = {
        "account_id": world.account,
        "record_id": world.employee,
        "run_id": "run_unknown",
        "session_id": world.session,
        "endpoint_id": world.endpoint,
    }
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "x"), path)


def client_for(world: SimpleNamespace) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=world.app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://hub.test")


async def call(
    client: httpx.AsyncClient, world: SimpleNamespace, method: str, path: str, headers: dict[str, Any]
) -> Any:
    """Call one route with a body it accepts, so only the key or the account can make it fail."""
    body: Any = None
    if (method, path) == ("POST", "/v1/accounts"):
        body = {"connector": "ukg_pro", "credentials": world.sb.credentials(UKG)}
    elif path.endswith("/credentials"):
        body = {"credentials": world.sb.credentials(UKG)}
    elif method == "PATCH" and path.startswith("/v1/webhook-endpoints"):
        body = {"enabled": True}
    elif method == "PATCH":
        body = {"options": {}}
    elif path.endswith("/redeliver"):
        body = {"event_id": "evt_unknown"}
    elif path.endswith("/passthrough"):
        body = {"path": "/configuration/v1/jobs"}
    elif method == "POST":
        body = {}
    return await client.request(method, concrete(path, world), headers=headers, json=body)


def assert_problem(answer: Any, status: int, slug: str) -> dict[str, Any]:
    assert answer.status_code == status, (answer.request.method, answer.request.url, answer.text)
    assert answer.headers["content-type"] == PROBLEM_JSON
    body = answer.json()
    assert body["type"] == f"https://hrishub.dev/problems/{slug}", body
    assert body["status"] == status and all(body.get(m) for m in PROBLEM_MEMBERS), body
    return body


BAD_AUTHORIZATION = {
    "unknown key": "Bearer hh_this_key_was_never_issued_by_this_hub",
    "empty bearer": "Bearer ",
    "spaces": "Bearer      ",
    "no scheme": "hh_no_scheme",
    "basic scheme": "Basic dXNlcjpwYXNz",
    "bearer only": "Bearer",
    "two tokens": "Bearer a b",
    "huge": "Bearer " + "x" * 20_000,
    "non-ascii": "Bearer h\u00e9llo".encode(),
    "control bytes": b"Bearer \x7f\x01",
}


@pytest.mark.parametrize("authorization", BAD_AUTHORIZATION.values(), ids=BAD_AUTHORIZATION.keys())
async def test_unknown_and_malformed_keys_get_401_problems_on_every_route_that_needs_a_key(
    world, authorization
):
    async with client_for(world) as client:
        for method, path, _ in secured_routes(world.app):
            headers = {"X-Account-Id": world.account, "Authorization": authorization}
            answer = await call(client, world, method, path, headers)
            body = assert_problem(answer, 401, "unauthenticated")
            assert answer.headers["www-authenticate"].startswith("Bearer")
            assert world.key_a not in answer.text
            assert "x" * 100 not in body["detail"]  # the key sent is never echoed


async def test_a_missing_key_gets_a_401_problem_on_every_route_that_needs_one(world):
    async with client_for(world) as client:
        for method, path, _ in secured_routes(world.app):
            answer = await call(client, world, method, path, {"X-Account-Id": world.account})
            assert_problem(answer, 401, "unauthenticated")


async def test_customer_b_reaches_a_s_account_on_no_route(world):
    routes = [
        (method, path)
        for method, path, op in secured_routes(world.app)
        if "{account_id}" in path
        or "{session_id}" in path
        or "{endpoint_id}" in path
        or any(p["name"] == "X-Account-Id" for p in op.get("parameters", []))
    ]
    assert len(routes) >= 28  # every accounts, link sessions, syncs, hris and webhook endpoint route
    async with client_for(world) as client:
        own = {"Authorization": f"Bearer {world.key_a}", "X-Account-Id": world.account}
        assert (await client.get(f"/v1/hris/employees/{world.employee}", headers=own)).status_code == 200
        stranger = {"Authorization": f"Bearer {world.key_b}", "X-Account-Id": world.account}
        for method, path in routes:
            answer = await call(client, world, method, path, stranger)
            body = assert_problem(answer, 404, "not-found")
            assert world.employee not in answer.text, (method, path)
            assert "customer-a" not in answer.text and "ref-a" not in answer.text
            assert body["detail"]
        listed = await client.get("/v1/accounts", headers=stranger)
        assert listed.status_code == 200 and world.account not in listed.text
        sessions = await client.get("/v1/link-sessions", headers=stranger)
        assert sessions.status_code == 200 and world.session not in sessions.text
        # B's DELETE did not withdraw A's link.
        mine = await client.get(f"/v1/link-sessions/{world.session}", headers=own)
        assert mine.json()["status"] == "open"
        # A's account after all of B's attempts: unchanged and still A's.
        assert (await client.get(f"/v1/accounts/{world.account}", headers=own)).status_code == 200


# -- hostile bodies, by hand (schemathesis does not send lone surrogates or broken JSON) --------------------

HOSTILE_BODIES = {
    "deep array": b"[" * 100_000 + b"]" * 100_000,
    "deep object": b'{"options":' + b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"}",
    "NaN": b'{"options":{"sync_every_hours":NaN},"credentials":{"password":NaN}}',
    "overflowing number": b'{"options":{"sync_every_hours":1e999999}}',
    "huge integer": b'{"options":{"sync_every_hours":' + b"9" * 5000 + b"}}",
    "not UTF-8": b'{"credentials":{"username":"\xff\xfe"}}',
    "empty": b"",
    "null": b"null",
    "a string": b'"hello"',
    "lone surrogate key": b'{"connector":"ukg_pro","credentials":{"\\ud800":"x"},"options":{"\\udfff":1}}',
    "lone surrogate values": b'{"connector":"\\ud800","credentials":{"username":"\\ud800","password":"\\udfff"}}',
}


@pytest.mark.parametrize("body", HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
async def test_hostile_json_bodies_get_4xx_problems_on_every_route_that_reads_a_body(world, body):
    routes = [(m, p) for m, p, op in secured_routes(world.app) if "requestBody" in op]
    # link session, link, rotate credentials, options, sync, passthrough; webhook endpoint, its change,
    # redeliver
    assert len(routes) == 9
    headers = {"Authorization": f"Bearer {world.key_a}", "Content-Type": "application/json"}
    async with client_for(world) as client:
        for method, path in routes:
            if path.endswith("/sync") and body in (b"", b"null"):
                continue  # no body is a valid sync request: it would start a sync, not test parsing
            answer = await client.request(method, concrete(path, world), content=body, headers=headers)
            assert 400 <= answer.status_code < 500, (method, path, answer.status_code, answer.text[:300])
            assert answer.headers["content-type"] == PROBLEM_JSON
            assert all(answer.json().get(m) for m in PROBLEM_MEMBERS)
        # A's account answers as before.
        assert (await client.get(f"/v1/accounts/{world.account}", headers=headers)).status_code == 200


BAD_OPTIONS = {
    "unknown time zone": b'{"options":{"time_zone":"Mars/Olympus"}}',
    "override from an unknown source": b'{"options":{"overrides":{"Employee":{"first_name":"nobody.x"}}}}',
    "override that is not an object": b'{"options":{"overrides":{"Employee":"x"}}}',
    "lone surrogate in an option": b'{"options":{"time_zone":"\\ud800"}}',
}


@pytest.mark.parametrize("body", BAD_OPTIONS.values(), ids=BAD_OPTIONS.keys())
async def test_bad_account_options_are_refused_when_set_never_a_5xx_later(world, body):
    customer, key = world.hub.store.customers.add("customer-with-bad-options")  # A's listing stays sound
    account = await world.hub.alink("ukg_pro", world.sb.credentials(UKG), customer_id=customer.id)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    async with client_for(world) as client:
        answer = await client.patch(f"/v1/accounts/{account.id}", content=body, headers=headers)
        assert answer.status_code < 500, answer.text
        later = [
            await client.get(f"/v1/accounts/{account.id}", headers=headers),
            await client.get("/v1/hris/employees", headers={**headers, "X-Account-Id": account.id}),
        ]
        assert answer.status_code == 422 and all(a.status_code == 200 for a in later), [
            (a.status_code, a.text[:200]) for a in [answer, *later]
        ]
