"""A UKG Pro sync over loopback HTTP as the operator sees it: JSON log lines, metrics, one trace."""

import base64

import pytest
from opentelemetry.trace import SpanKind

from connectors.ukg_pro.sandbox import Sandbox, run_server
from hub import HttpSettings, Hub
from hub.observability.metrics import exposition
from tests.hub.observability.conftest import sample, samples
from tests.hub.observability.test_metrics import scrape
from tests.ukg_pro.api.conftest import open_world


@pytest.fixture
def served():
    sb = Sandbox(employees=12, seed=4)
    with run_server(sb) as base:
        yield sb, base


def make_hub(base, tmp_path):
    settings = HttpSettings(sandbox_origins=frozenset({base}), retry_initial_wait=0.01, max_attempts=3)
    return Hub(settings=settings, database_url=f"sqlite:///{tmp_path / 'hub.db'}")


def test_a_sync_logs_json_events_with_its_ids_and_no_secret(served, tmp_path, captured_logs):
    sb, base = served
    credentials = sb.credentials(base)
    hub = make_hub(base, tmp_path)
    try:
        account = hub.link("ukg_pro", credentials)
        sb.faults.error_burst = (503, 1)  # one retry, logged in the middle of the run
        retries_before = sample(exposition().decode(), "hrishub_provider_retries_total", connector="ukg_pro")
        report = hub.sync(account)
    finally:
        hub.close()
    assert report.status == "succeeded"

    events = captured_logs.events()  # every line is one JSON object (json.loads fails otherwise)
    assert all({"event", "level", "logger", "timestamp"} <= e.keys() for e in events)
    of_run = [e for e in events if e.get("run_id") == report.run_id]
    names = [e["event"] for e in of_run]
    assert names[0] == "sync.started" and names[-1] == "sync.finished"
    assert all(e["account_id"] == account.id and e["connector"] == "ukg_pro" for e in of_run)
    finished = of_run[-1]
    assert finished["status"] == "succeeded"
    assert finished["records_read"] == sum(m.read for m in report.models.values()) > 0
    assert finished["requests"] == report.requests

    # The retry: an event with its fields, inside the run, and counted.
    (retry,) = [e for e in of_run if e["logger"] == "hub.rest.retries"]
    assert retry["level"] == "warning"
    assert retry["attempt"] == 1 and retry["max_attempts"] == 3
    assert retry["error_type"] == "provider-response"
    assert retry["retry_of"].startswith("127.0.0.1:")
    assert "?" not in retry["retry_of"] and "?" not in retry["event"]  # no query, ever
    retries_after = sample(exposition().decode(), "hrishub_provider_retries_total", connector="ukg_pro")
    assert retries_after == retries_before + 1

    # None of the credentials that make a request is anywhere in the output (nor their Basic token).
    token = base64.b64encode(f"{credentials['username']}:{credentials['password']}".encode()).decode()
    for secret in (credentials["password"], credentials["customer_api_key"], credentials["username"], token):
        assert secret not in captured_logs.text


def test_metrics_count_a_sync_its_records_provider_calls_and_api_requests(tmp_path):
    with open_world(tmp_path / "world", employees=15, seed=2) as world:
        before = scrape(world.api_url)
        client = world.customer()
        account = world.link(client)
        report = world.sync(client, account["id"])
        assert client.get("/v1/accounts/acct_nope").status_code == 404
        after = scrape(world.api_url)

    def grew(name, **labels):
        return sample(after, name, **labels) - sample(before, name, **labels)

    assert report["status"] == "succeeded"
    assert grew("hrishub_sync_runs_total", connector="ukg_pro", outcome="succeeded") == 1
    assert grew("hrishub_sync_duration_seconds_count", connector="ukg_pro", outcome="succeeded") == 1
    for name, model in report["models"].items():
        assert grew("hrishub_sync_records_read_total", connector="ukg_pro", model=name) == model["read"]
        assert (
            grew("hrishub_sync_records_written_total", connector="ukg_pro", model=name, operation="created")
            == model["created"]
        )
    # The sync's requests and the linking probe's, each labelled with the connector.
    assert grew("hrishub_provider_requests_total", connector="ukg_pro", status="200") >= report["requests"]
    assert grew("hrishub_provider_requests_total", connector="unknown") == 0
    # API latency by route template and status; never a raw path with an id in it.
    sync_route = "/v1/accounts/{account_id}/sync"
    assert (
        grew("hrishub_api_request_duration_seconds_count", method="POST", route=sync_route, status="200") == 1
    )
    assert (
        grew("hrishub_api_request_duration_seconds_count", method="POST", route="/v1/accounts", status="201")
        == 1
    )
    assert (
        grew(
            "hrishub_api_request_duration_seconds_count",
            method="GET",
            route="/v1/accounts/{account_id}",
            status="404",
        )
        == 1
    )
    routes = {labels["route"] for labels in samples(after, "hrishub_api_request_duration_seconds_count")}
    assert not [r for r in routes if account["id"] in r or "acct_nope" in r]


def test_an_api_sync_is_one_trace_from_the_request_to_each_provider_call(tmp_path, spans):
    with open_world(tmp_path / "world", employees=8, seed=6) as world:
        client = world.customer()
        account = world.link(client)
        spans.clear()  # the link's spans are not this test's
        parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
        answer = client.post(
            f"/v1/accounts/{account['id']}/sync", params={"wait": "true"}, headers={"traceparent": parent}
        )
        assert answer.status_code == 200
        report = answer.json()
        world.sb.faults.error_burst = (500, 1)
        client.post(f"/v1/accounts/{account['id']}/sync", params={"wait": "true"}, json={"full": True})
    finished = spans.get_finished_spans()
    by_name = {}
    for span in finished:
        by_name.setdefault(span.name, []).append(span)

    (request,) = [
        s for s in finished if s.kind == SpanKind.SERVER and s.context.trace_id == int(parent[3:35], 16)
    ]
    assert request.name == "POST /v1/accounts/{account_id}/sync"
    assert request.attributes["http.route"] == "/v1/accounts/{account_id}/sync"
    assert request.attributes["http.response.status_code"] == 200
    assert request.parent.span_id == int(parent[36:52], 16)  # the caller's trace continued

    trace = [s for s in finished if s.context.trace_id == request.context.trace_id]
    (run,) = [s for s in trace if s.name == "sync"]
    assert run.attributes["hrishub.run_id"] == report["run_id"]
    assert run.attributes["hrishub.account_id"] == account["id"]
    assert run.attributes["hrishub.sync.status"] == "succeeded"
    models = [s for s in trace if s.name == "sync.model"]
    assert {s.attributes["hrishub.model"] for s in models} == {
        name for name, m in report["models"].items() if m["mode"] != "skipped"
    }
    assert all(s.parent.span_id == run.context.span_id for s in models)
    employees = next(s for s in models if s.attributes["hrishub.model"] == "Employee")
    assert employees.attributes["hrishub.records.read"] == report["models"]["Employee"]["read"]

    calls = [s for s in trace if s.kind == SpanKind.CLIENT]
    assert len(calls) == report["requests"]
    model_ids = {s.context.span_id for s in models}
    assert all(s.parent.span_id in model_ids | {run.context.span_id} for s in calls)
    first = calls[0]
    assert first.attributes["http.request.method"] == "GET"
    assert first.attributes["http.response.status_code"] == 200
    assert first.attributes["server.address"] == "127.0.0.1"
    assert first.name == f"GET {first.attributes['http.route']}"
    for span in calls:  # no query (filters, dates) and no credentials, in any attribute
        assert not [v for v in span.attributes.values() if "?" in str(v) or "page" in str(v)]
        assert world.creds["password"] not in str(span.attributes)

    # The failed attempt of the second sync is a span of its own, marked as the 500 it was.
    failed = [
        s
        for s in finished
        if s.kind == SpanKind.CLIENT and s.attributes.get("http.response.status_code") == 500
    ]
    assert len(failed) == 1
