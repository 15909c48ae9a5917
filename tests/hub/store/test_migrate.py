"""Upgrading a store: `hrishub migrate` before a rollout, and processes that start together on PostgreSQL."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import inspect, text
from typer.testing import CliRunner

from hub.cli import app
from hub.store.database import open_engine
from hub.store.migrate import migration_state

runner = CliRunner()


def test_migrate_check_names_what_is_pending_then_migrate_applies_it(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_DATABASE_URL", f"sqlite:///{tmp_path / 'hub.db'}")

    checked = runner.invoke(app, ["migrate", "--check", "--json"])
    assert checked.exit_code == 1, checked.output
    pending = json.loads(checked.output)
    assert pending["revision"] is None
    assert pending["pending"][0] == "0001"
    assert pending["pending"][-1] == pending["head"]
    assert pending["applied"] == []

    applied = runner.invoke(app, ["migrate", "--json"])
    assert applied.exit_code == 0, applied.output
    result = json.loads(applied.output)
    assert result["applied"] == pending["pending"]
    assert result["revision"] == result["head"] and result["pending"] == []

    again = runner.invoke(app, ["migrate", "--check"])
    assert again.exit_code == 0
    assert f"is at {result['head']}" in again.output
    assert "Nothing to apply" in runner.invoke(app, ["migrate"]).output


def test_processes_starting_together_on_postgresql_migrate_one_at_a_time(postgres_server: Any) -> None:
    url = postgres_server.new_database(migrated=False)

    def start(_: int) -> str | None:
        engine = open_engine(url)
        try:
            return migration_state(engine).current
        finally:
            engine.dispose()

    with ThreadPoolExecutor(4) as pool:
        revisions = list(pool.map(start, range(4)))

    engine = open_engine(url, migrate=False)
    try:
        state = migration_state(engine)
        assert revisions == [state.head] * 4
        assert state.up_to_date
        tables = set(inspect(engine).get_table_names())
        assert {"accounts", "sync_runs", "provider_slots", "procrastinate_jobs"} <= tables
        with engine.connect() as db:
            assert db.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    finally:
        engine.dispose()
