"""`hrishub record`: scrubbed cassettes that replay a link and every read with recording off."""

import json

import pytest
from typer.testing import CliRunner

from hub import HttpSettings, Hub
from hub.cassettes import PLACEHOLDER, make_vcr, scan_cassette
from hub.cli import app
from hub.errors import ProviderResponseError


def test_record_then_replay_the_sandbox_with_nothing_secret_or_personal_kept(tmp_path):
    result = CliRunner().invoke(
        app, ["record", "tiny_hris", "--out", str(tmp_path), "--port", "0", "--employees", "8", "--seed", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "no secret or personal data left" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contract.yaml", "link.json", "refused.yaml"]
    for cassette in tmp_path.glob("*.yaml"):
        assert scan_cassette(cassette) == []
    meta = json.loads((tmp_path / "link.json").read_text())
    assert meta["credentials"]["api_key"] == PLACEHOLDER  # the form has no public example of a key
    employees = int(result.output.split("employees.list: ")[1].split()[0])

    # Replayed with recording off: no server runs now, yet the hub links and reads the same records.
    recorder = make_vcr(tmp_path, "none")
    with recorder.use_cassette("contract.yaml", allow_playback_repeats=True):
        hub = Hub(
            settings=HttpSettings(sandbox_origins=frozenset({meta["sandbox_origin"]}), max_attempts=1),
            database_url=f"sqlite:///{tmp_path / 'hub.db'}",
        )
        account = hub.link("tiny_hris", meta["credentials"])
        page = hub.employees(account).list(page_size=1000, mode="live")
    assert len(page.results) == employees > 0
    assert {e.last_name for e in page.results} <= {
        e.last_name for e in page.results if e.last_name.startswith("Name")
    }


def test_recording_a_tenant_needs_its_values_in_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("HRISHUB_RECORD_API_KEY", raising=False)
    result = CliRunner().invoke(app, ["record", "tiny_hris", "--tenant", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "HRISHUB_RECORD_API_KEY" in result.output
    assert not any(tmp_path.iterdir())


def test_recording_keeps_no_account_in_the_users_store(tmp_path, hub_home):
    before = set(hub_home.iterdir())
    result = CliRunner().invoke(
        app, ["record", "tiny_hris", "--out", str(tmp_path), "--port", "0", "--employees", "4"]
    )
    assert result.exit_code == 0, result.output
    assert not (hub_home / "hub.db").exists()  # the account was linked in a scratch store only
    assert Hub().accounts() == []
    assert {p.name for p in set(hub_home.iterdir()) - before} <= {
        "hub.db",
        "hub.db-wal",
        "hub.db-shm",
        "secret.key",
        "store.json",
    }


class StoppingHub(Hub):
    """A hub whose reads stop with ``failure`` (Ctrl+C, a provider error) once the account is linked."""

    failure: BaseException = KeyboardInterrupt()

    def records(self, account, resource):
        raise self.failure


@pytest.mark.parametrize(
    "failure",
    [KeyboardInterrupt(), ProviderResponseError("Tiny HRIS answered 500.")],
    ids=["ctrl-c", "provider"],
)
def test_a_recording_that_stops_midway_deletes_the_account_it_linked(tmp_path, tiny_sandbox, failure):
    from hub.recording import record_cassettes
    from hub.serving import serve_in_thread

    with serve_in_thread(tiny_sandbox.app) as base:
        hub = StoppingHub(
            settings=HttpSettings(sandbox_origins=frozenset({base}), max_attempts=1),
            database_url=f"sqlite:///{tmp_path / 'hub.db'}",
        )
        hub.failure = failure
        with pytest.raises(type(failure)):
            record_cassettes(
                hub, "tiny_hris", tiny_sandbox.credentials(base), tmp_path / "out", sandbox_origin=base
            )
    assert hub.accounts() == []
    with hub.store.engine.connect() as db:
        rows = db.exec_driver_sql("SELECT status, credentials FROM accounts").all()
    assert [tuple(r) for r in rows] == [("deleted", "")]  # linked, then deleted: only its tombstone is left
    hub.close()
