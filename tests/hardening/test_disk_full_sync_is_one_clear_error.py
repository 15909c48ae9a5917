"""Item 11: SQLite reporting "database or disk is full" during ``hrishub sync`` is one clear error.

The disk is made full honestly: every connection the hub opens gets ``PRAGMA max_page_count`` a few
pages above the file's size, so SQLite's own page allocation fails with SQLITE_FULL part way through
the sync's writes (no mock of the hub's code).
"""

import json
import sqlite3
from collections.abc import Iterator

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from hub.cli import app
from hub.serving import serve_in_thread
from tests.tiny_hris.sandbox import Sandbox

ROOM = 12
"""Pages the store may still grow by: the link fits, a 300-employee sync does not."""


@pytest.fixture
def cli(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def linked(cli, hub_home, monkeypatch) -> Iterator[str]:
    sandbox = Sandbox(employees=300, seed=5)
    with serve_in_thread(sandbox.app) as base:
        monkeypatch.setenv("HRISHUB_SANDBOX_ORIGINS", base)
        (hub_home / "tiny.json").write_text(json.dumps(sandbox.credentials(base)))
        result = cli("link", "tiny_hris", "--json-file", hub_home / "tiny.json", "--json")
        assert result.exit_code == 0, result.output
        yield json.loads(result.stdout)["id"]


@pytest.fixture
def full_disk(hub_home) -> Iterator[None]:
    with sqlite3.connect(hub_home / "hub.db") as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        limit = db.execute("PRAGMA page_count").fetchone()[0] + ROOM

    def cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit}")

    event.listen(Engine, "connect", cap)
    try:
        yield
    finally:
        event.remove(Engine, "connect", cap)


def test_a_sync_that_fills_the_disk_ends_with_one_clear_error(cli, linked, full_disk, hub_home):
    result = cli("sync", linked)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "sqlalchemy" not in result.output.lower()
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    [error] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert "full" in error
    assert "Free space" in result.stderr and "run the command (or sync) again" in result.stderr
    assert "No room left" not in result.stdout  # the report says where it stopped, the error says why
    assert "stopped here: the store failed" in result.stdout


def test_the_report_keeps_what_was_applied_before_the_disk_filled(cli, linked, full_disk, hub_home):
    result = cli("sync", linked, "--json")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    models = report["models"]
    assert report["status"] == "partial"
    for applied in ("Company", "Location", "Group"):
        assert models[applied]["complete"] and models[applied]["created"] == models[applied]["read"] > 0
    employees = models["Employee"]
    assert "No room left" in employees["error"] and employees["created"] == 0  # rolled back, not "300"
    for later in ("Employment", "TimeOffPolicy", "TimeOffBalance"):
        assert models[later]["mode"] == "skipped" and "store-full" in models[later]["reason"]
    assert [e["type"] for e in report["errors"]] == ["store-full"]
    with sqlite3.connect(hub_home / "hub.db") as db:
        kept = dict(db.execute("SELECT model, count(*) FROM records GROUP BY model").fetchall())
    assert kept == {"Company": 2, "Location": 2, "Group": 4}
