"""``hrishub scopes ukg_pro``: UKG's permission checklist, as its admin screen names them."""

import subprocess
import sys

HRISHUB = [sys.executable, "-c", "from hub.cli import main; main()"]


def run(*args, env=None):
    return subprocess.run([*HRISHUB, *args], capture_output=True, text=True, timeout=60, env=env)


def test_scopes_prints_the_ukg_checklist_and_unknown_connector_is_a_clear_error():
    result = run("scopes", "ukg_pro", "employees.list", "time_off_balances.list")
    assert result.returncode == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "[ ] Employee Person Details" in lines
    assert "[ ] Personnel Integration" in lines
    assert "[ ] PTO Plan Integration" in lines
    assert "[ ] Employee Export" not in lines
    bad = run("scopes", "ukg")
    assert bad.returncode == 2
    assert "No connector named 'ukg'" in bad.stderr and "Traceback" not in bad.stderr
