"""``hrishub serve`` (a real process), ``hrishub secret-key`` and a fast ``hrishub --help``."""

import base64
import subprocess
import sys
import time

import httpx


def test_serve_runs_the_api_on_the_given_port(hrishub, tmp_path):
    port = hrishub.free_port()
    proc = hrishub.popen("serve", "--port", port, env=hrishub.env(HRISHUB_HOME=str(tmp_path / "home")))
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        answer = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                answer = httpx.get(base + "/v1/connectors", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert answer is not None, proc.communicate(timeout=5)
        assert answer.status_code == 200
        assert "tiny_hris" in answer.text
        assert httpx.get(base + "/docs", timeout=5).status_code == 200
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"hrishub API on {base}" in out and f"{base}/docs" in out


def test_secret_key_prints_a_fresh_32_byte_key(hrishub):
    first, second = hrishub.run("secret-key"), hrishub.run("secret-key")
    assert first.returncode == 0
    key = first.stdout.strip()
    assert len(base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))) == 32
    assert key != second.stdout.strip()
    assert "HRISHUB_SECRET_KEY" in first.stderr


def test_help_lists_every_command_without_loading_the_hub(hrishub):
    result = hrishub.run("--help")
    assert result.returncode == 0
    for command in (
        "demo", "connectors", "scopes", "sandbox", "customers", "link", "relink", "accounts", "check",
        "options", "sync", "employees", "worker", "serve", "secret-key",
    ):  # fmt: skip
        assert f" {command} " in result.stdout, command
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, hub.cli; print(sorted(m for m in ('hub.hub', 'sqlalchemy', 'fastapi', 'uvicorn',"
            " 'httpx', 'connectors', 'tests.tiny_hris') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert heavy.stdout.strip() == "[]", heavy.stderr


def test_a_malformed_webhook_allow_list_stops_serve_with_its_fix(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from hub.cli import app

    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    monkeypatch.setenv("HRISHUB_WEBHOOK_ALLOW", "loopback,lan")
    result = CliRunner().invoke(app, ["serve", "--port", "0"])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "HRISHUB_WEBHOOK_ALLOW lists lan" in said and "list of loopback and private" in said
    assert "Traceback" not in result.output
