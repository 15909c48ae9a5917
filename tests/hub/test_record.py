"""`hrishub record`: scrubbed cassettes that replay a link and every read with recording off."""

import json

from typer.testing import CliRunner

from hub import HttpSettings, Hub
from hub.cassettes import PLACEHOLDER, make_vcr, scan_cassette
from hub.cli import app


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
