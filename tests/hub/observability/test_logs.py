"""Structured logs from a real sync over loopback HTTP: one JSON event per line, the ids bound, no secret."""

import base64
import json
import logging

import pytest

from connectors.ukg_pro.sandbox import Sandbox, run_server
from hub import HttpSettings, Hub
from hub.errors import InvalidSetting
from hub.observability.logs import bound, configure_logging, get_logger
from hub.observability.metrics import exposition
from tests.hub.observability.conftest import sample


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


def test_an_event_holding_secrets_is_scrubbed_before_it_is_written(captured_logs):
    log = get_logger("hub.test")
    with bound(account_id="acct_1", run_id="run_1", customer_id="cus_1"):
        log.warning(
            "provider.call",
            credentials={"username": "svc", "password": "hunter2-very-secret"},
            headers={"Authorization": "Basic c3ZjOmh1bnRlcjI=", "Accept": "application/json"},
            url="https://svc:hunter2-very-secret@host.example/personnel?api_key=abc123456&page=2",
            customer_api_key="K3Y-ABCDE",
        )
        logging.getLogger("httpx").warning("sent Authorization: Bearer hh_%s", "x" * 40)
    provider, library = captured_logs.events()
    assert provider["account_id"] == "acct_1" and provider["run_id"] == "run_1"
    assert provider["customer_id"] == "cus_1"
    assert provider["credentials"] == "[redacted]"
    assert provider["headers"] == {"Authorization": "[redacted]", "Accept": "application/json"}
    assert provider["customer_api_key"] == "[redacted]"
    assert "hunter2" not in provider["url"] and "abc123456" not in provider["url"]
    assert provider["url"].endswith("page=2")
    assert library["logger"] == "httpx" and library["customer_id"] == "cus_1"
    assert "hh_" not in library["event"] and "[redacted]" in library["event"]
    for secret in ("hunter2", "c3ZjOmh1bnRlcjI", "K3Y-ABCDE", "abc123456"):
        assert secret not in captured_logs.text


def test_a_terminal_gets_readable_lines_and_a_pipe_json(tmp_path):
    class Terminal:
        def __init__(self):
            self.lines = []

        def isatty(self):
            return True

        def write(self, text):
            self.lines.append(text)

        def flush(self):
            pass

    root = logging.getLogger()
    level = root.level
    terminal = Terminal()
    handler = configure_logging("info", stream=terminal)
    try:
        with bound(run_id="run_x"):
            logging.getLogger("hub.test").info("hello %s", "there")
            logging.getLogger("hub.test").debug("not at info")
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    (line,) = "".join(terminal.lines).splitlines()
    assert "hello there" in line and "run_id=run_x" in line
    with pytest.raises(json.JSONDecodeError):
        json.loads(line)


def test_a_wrong_log_level_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("HRISHUB_LOG_LEVEL", "loud")
    with pytest.raises(InvalidSetting) as caught:
        configure_logging()
    assert "HRISHUB_LOG_LEVEL" in str(caught.value) and "debug" in caught.value.remedy


def test_an_api_request_is_one_event_with_its_route_customer_and_account(tmp_path, captured_logs):
    from tests.hub.api.conftest import open_world

    with open_world(tmp_path / "world") as world:
        client = world.customer()
        account = world.link(client)
        answer = client.get(
            "/v1/hris/employees",
            params={"page_size": 2, "work_email": "someone.private@example.com"},
            headers={"X-Account-Id": account["id"], "X-Request-Id": "req-42"},
        )
        assert answer.status_code == 200, answer.text
        assert answer.headers["x-request-id"] == "req-42"
        scrape = world.anonymous().get("/metrics")
    (event,) = [
        e for e in captured_logs.events() if e.get("request_id") == "req-42" and e["event"] == "http.request"
    ]
    assert event["route"] == "/v1/hris/employees" and event["method"] == "GET"
    assert event["status"] == answer.status_code and event["duration_ms"] > 0
    assert event["customer_id"] == client.customer_id and event["account_id"] == account["id"]
    assert "someone.private" not in captured_logs.text and "page_size" not in captured_logs.text
    (scraped,) = [
        e for e in captured_logs.events() if e.get("route") == "/metrics" and e["event"] == "http.request"
    ]
    assert scrape.status_code == 200 and scraped["level"] == "debug"  # scrapes are no news


def test_serve_refuses_a_wrong_log_level_naming_the_option(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from hub.cli import app

    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    result = CliRunner().invoke(app, ["serve", "--port", "0", "--log-level", "chatty"])
    said = " ".join(result.output.split())
    assert result.exit_code == 2, result.output
    assert "--log-level" in said and "debug, info, warning, error" in said
    assert "Traceback" not in result.output
