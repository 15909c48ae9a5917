"""Structured logs from a real sync over loopback HTTP: one JSON event per line, the ids bound, no secret."""

import json
import logging

import pytest

from hub.errors import InvalidSetting
from hub.observability.logs import bound, configure_logging, get_logger


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
