"""The ``hrishub`` console script, run as a real process."""

import json
import os
import subprocess
import sys

HRISHUB = [sys.executable, "-c", "from hub.cli import main; main()"]


def run(*args, env=None):
    return subprocess.run([*HRISHUB, *args], capture_output=True, text=True, timeout=60, env=env)


def test_connectors_json_lists_packages_actions_scopes_and_failures(site, PLUGIN):
    site("acme-hris", "acme_plugin", PLUGIN, entry_name="acme")
    site("broken-hris", "broken_plugin", "raise ImportError('no such thing')\n", entry_name="broken")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "HRISHUB_PLUGINS": "acme,broken"}
    result = run("connectors", "--json", env=env)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    [acme] = body["connectors"]
    assert acme["name"] == "acme" and acme["package"] == "acme-hris" and acme["version"] == "1.2.3"
    assert acme["actions"]["companies.list"] == {"supported": True, "scopes": ["Company Read"]}
    [failure] = body["failures"]
    assert failure["plugin"] == "broken" and failure["package"] == "broken-hris"
    assert "no such thing" in failure["reason"]


def test_connectors_table_shows_the_failed_plugin_and_its_reason(site, PLUGIN):
    site("broken-hris", "broken_plugin", "raise ImportError('no such thing')\n", entry_name="broken")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "HRISHUB_PLUGINS": "broken"}
    result = run("connectors", env=env)
    assert result.returncode == 0
    assert "failed to load" in result.stdout and "no such thing" in result.stdout


def test_scopes_prints_the_checklist_and_unknown_connector_is_a_clear_error():
    result = run("scopes", "tiny_hris", "employees.list", "time_off_balances.list")
    assert result.returncode == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "[ ] Read people" in lines
    assert "[ ] Read time off" in lines
    assert "[ ] Read changes" not in lines
    bad = run("scopes", "tiny")
    assert bad.returncode == 2
    assert "No connector named 'tiny'" in bad.stderr and "Traceback" not in bad.stderr
