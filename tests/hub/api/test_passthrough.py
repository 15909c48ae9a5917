"""Passthrough over real HTTP: a customer's request reaches Tiny HRIS with the stored key, never anything else.

The hub is served on loopback, Tiny HRIS's sandbox too; refusals are shown to send nothing (the
sandbox counts every request it answers), the answer never shows the key even when the sandbox
echoes it, and every request, refused or sent, is audited and readable.
"""

import json

import pytest

from hub.api import create_app
from hub.api.ratelimit import Rate, RateLimits
from hub.passthrough import REDACTED
from hub.serving import serve_in_thread
from tests.tiny_hris.sandbox.app import ECHO_PATH

pytestmark = pytest.mark.e2e


def _send(client, account_id, **body):
    return client.post(f"/v1/accounts/{account_id}/passthrough", json=body)


def test_a_get_reaches_the_provider_with_the_stored_key_and_answers_its_json(make_world):
    world = make_world(employees=12, seed=3)
    client = world.customer()
    account = world.link(client)
    world.sb.stats.reset()

    answer = _send(client, account["id"], path="/v1/employees", params={"page": 1, "per_page": 5})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["status"] == 200 and body["body_encoding"] == "json"
    assert [row["id"] for row in body["body"]] == [row["id"] for row in world.sb.rows("employees")[:5]]
    assert body["headers"]["content-type"] == "application/json"
    assert body["bytes"] > 0 and body["audit_id"] > 0
    assert world.sb.stats.requests == {"/v1/employees": 1}


def test_provider_errors_come_back_as_the_providers_status(make_world):
    world = make_world(employees=5, seed=3)
    client = world.customer()
    account = world.link(client)

    missing = _send(client, account["id"], path="/v1/no-such-thing")
    assert missing.status_code == 200, missing.text
    assert missing.json()["status"] == 404 and missing.json()["body"] == {"error": "no such path"}

    world.sb.revoke("Read organisation")
    forbidden = _send(client, account["id"], path="/v1/companies").json()
    assert forbidden["status"] == 403 and "Read organisation" in forbidden["body"]["error"]

    # A 5xx is retried within the hub's settings (3 attempts here), then passed back as it came.
    world.sb.stats.reset()
    world.sb.faults.update({"error_burst": (503, 10)})
    failing = _send(client, account["id"], path="/v1/employees").json()
    assert failing["status"] == 503 and failing["body_encoding"] == "text"
    assert world.sb.stats.requests["/v1/employees"] == 3


def test_the_key_never_shows_even_when_the_provider_echoes_it(make_world):
    world = make_world(employees=5, seed=3)
    client = world.customer()
    account = world.link(client)
    key = world.sb.api_key

    answer = _send(client, account["id"], path=ECHO_PATH, params={"q": "x"}, headers={"X-Trace": "t-1"})
    assert answer.status_code == 200, answer.text
    assert key not in answer.text
    body = answer.json()
    echoed = body["body"]
    # The sandbox did receive the key (the hub added it), and the hub redacted every echo of it.
    assert echoed["headers"]["authorization"] in (REDACTED, f"Bearer {REDACTED}")
    assert echoed["message"] == f"signed in with key {REDACTED}"
    assert REDACTED in echoed  # the key as a member name
    assert echoed["headers"]["x-trace"] == "t-1" and echoed["query"] == {"q": ["x"]}
    # Headers: only harmless ones, and those redacted too.
    assert "set-cookie" not in body["headers"] and "x-echo-key" not in body["headers"]
    assert body["headers"]["location"] == f"https://elsewhere.example/?key={REDACTED}"
    assert body["headers"]["link"] == '</v1/debug/echo?page=2>; rel="next"'

    text = _send(client, account["id"], path=ECHO_PATH, params={"as": "text"})
    assert text.json()["body"] == f"key={REDACTED}\n" and text.json()["body_encoding"] == "text"
    assert key not in text.text

    log = client.get(f"/v1/accounts/{account['id']}/passthrough-log")
    assert key not in log.text


def test_a_redirect_is_passed_back_never_followed(make_world):
    world = make_world(employees=5, seed=3)
    client = world.customer()
    account = world.link(client)
    world.sb.stats.reset()
    answer = _send(client, account["id"], path=ECHO_PATH, params={"status": 302}).json()
    assert answer["status"] == 302
    assert answer["headers"]["location"].startswith("https://elsewhere.example/")
    assert world.sb.stats.total == 1


def test_an_answer_past_the_limit_is_refused_whole(make_world, assert_problem):
    world = make_world(employees=5, seed=3)
    client = world.customer()
    account = world.link(client)
    # Tiny HRIS relays at most 64 KiB.
    small = _send(client, account["id"], path=ECHO_PATH, params={"pad": 1000})
    assert small.json()["status"] == 200
    big = _send(client, account["id"], path=ECHO_PATH, params={"pad": 70_000})
    body = assert_problem(big, 502, "passthrough-too-large")
    assert "65,536 bytes" in body["detail"] and "page size" in body["remedy"]
    assert world.sb.api_key not in big.text


@pytest.mark.parametrize(
    ("request_body", "field"),
    [
        ({"path": "https://evil.example/v1/employees"}, "path"),
        ({"path": "//evil.example/v1/employees"}, "path"),
        ({"path": "/v1/../../admin"}, "path"),
        ({"path": "/v1/%2e%2e/admin"}, "path"),
        ({"path": "/v1%2fadmin"}, "path"),
        ({"path": "/v1/employees@evil.example"}, "path"),
        ({"path": "/v1\\employees"}, "path"),
        ({"path": "/v1/employees\r\nHost: evil.example"}, "path"),
        ({"path": "/v1/employees?api_key=x"}, "path"),
        ({"path": "v1/employees"}, "path"),
        ({"method": "DELETE", "path": "/v1/employees"}, "method"),
        ({"method": "POST", "path": "/v1/employees", "body": {"name": "x"}}, "method"),
        ({"method": "GET", "path": "/v1/employees", "body": {"name": "x"}}, "body"),
        ({"path": "/v1/employees", "headers": {"Authorization": "Bearer mine"}}, "headers.Authorization"),
        ({"path": "/v1/employees", "headers": {"host": "evil.example"}}, "headers.host"),
        ({"path": "/v1/employees", "headers": {"Cookie": "a=b"}}, "headers.Cookie"),
        ({"path": "/v1/employees", "headers": {"X-Forwarded-Host": "evil"}}, "headers.X-Forwarded-Host"),
        ({"path": "/v1/employees", "headers": {"X-Note": "a\r\nHost: evil"}}, "headers.X-Note"),
        ({"path": "/v1/employees", "headers": {"X-Note": "caf\u00e9"}}, "headers.X-Note"),
        ({"path": "/v1/employees", "headers": {"X Bad Name": "1"}}, "headers"),
        ({"path": "/v1/employees", "params": {"page": {"nested": 1}}}, "params.page"),
    ],
)
def test_refused_requests_name_the_field_and_send_nothing(world, linked, assert_problem, request_body, field):
    client, account = linked
    before = world.sb.stats.total
    answer = _send(client, account["id"], **request_body)
    body = assert_problem(answer, 422, "invalid-passthrough")
    assert field in [error["field"] for error in body["errors"]]
    assert "nothing was sent" in body["remedy"]
    assert world.sb.stats.total == before


def test_every_request_is_audited_and_the_log_pages(make_world, assert_problem):
    world = make_world(employees=5, seed=3)
    client = world.customer()
    account = world.link(client)
    path = f"/v1/accounts/{account['id']}"
    _send(client, account["id"], path="/v1/employees", params={"page": 1, "per_page": 2})
    _send(client, account["id"], path="/v1/nowhere")
    _send(client, account["id"], method="DELETE", path="/v1/employees")
    _send(client, account["id"], path=ECHO_PATH, params={"secret_token": "s3cr3t-value"})

    first = client.get(f"{path}/passthrough-log", params={"limit": 3})
    assert first.status_code == 200, first.text
    page = first.json()
    assert [(e["method"], e["path"], e["status"], e["error"]) for e in page["results"]] == [
        ("GET", ECHO_PATH, 200, None),
        ("DELETE", "/v1/employees", None, "invalid-passthrough"),
        ("GET", "/v1/nowhere", 404, None),
    ]
    newest = page["results"][0]
    assert newest["params"] == ["secret_token"] and "s3cr3t-value" not in first.text
    assert newest["customer_id"] == client.customer_id and newest["account_id"] == account["id"]
    assert newest["bytes"] > 0 and newest["duration_ms"] >= 0 and newest["at"].endswith("Z")

    rest = client.get(f"{path}/passthrough-log", params={"limit": 3, "cursor": page["next_cursor"]}).json()
    assert [(e["path"], e["params"]) for e in rest["results"]] == [("/v1/employees", ["page", "per_page"])]
    assert rest["next_cursor"] is None

    assert_problem(client.get(f"{path}/passthrough-log", params={"cursor": "nope"}), 422, "invalid-request")
    other = world.customer("other")
    assert_problem(other.get(f"{path}/passthrough-log"), 404, "not-found")
    assert_problem(_send(other, account["id"], path="/v1/employees"), 404, "not-found")


def test_refused_credentials_are_passed_back_once_then_not_sent_again(make_world, assert_problem):
    world = make_world(employees=5, seed=3)
    client = world.customer()
    account = world.link(client)
    world.sb.replace_key("tiny-new-key-0001")
    refused = _send(client, account["id"], path="/v1/employees")
    assert refused.status_code == 200 and refused.json()["status"] == 401
    assert client.get(f"/v1/accounts/{account['id']}").json()["status"] == "needs_attention"
    world.sb.stats.reset()
    again = _send(client, account["id"], path="/v1/employees")
    assert "PUT /v1/accounts/" in assert_problem(again, 409, "credentials-rejected")["remedy"]
    assert world.sb.stats.total == 0
    # New credentials: passthrough works again.
    rotated = client.put(
        f"/v1/accounts/{account['id']}/credentials",
        json={"credentials": world.sb.credentials(world.sandbox_url)},
    )
    assert rotated.status_code == 200, rotated.text
    assert _send(client, account["id"], path="/v1/employees").json()["status"] == 200


def test_passthrough_spends_the_linking_rate(tmp_path, make_world, assert_problem):
    world = make_world(employees=5, seed=3)
    tight = RateLimits(api=Rate(1000), link=Rate(2))
    with serve_in_thread(create_app(world.hub, rate_limits=tight)) as url:
        client = world.customer()
        client.base_url = url
        account = world.link(client)  # one linking request of the two
        assert _send(client, account["id"], path="/v1/employees").status_code == 200
        world.sb.stats.reset()
        refused = _send(client, account["id"], path="/v1/employees")
        body = assert_problem(refused, 429, "too-many-requests")
        assert "linking requests" in body["detail"] and refused.headers["Retry-After"]
        assert world.sb.stats.total == 0
        assert json.loads(client.get(f"/v1/accounts/{account['id']}/passthrough-log").text)["results"]
