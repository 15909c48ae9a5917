"""``hrishub sync`` (progress, summary, exit codes) and ``hrishub worker``."""

import json
import re

from hub import Hub


def row_of(output, model):
    """The summary table's row of ``model``: its cells (model, mode, read, created, ...)."""
    modes = "full|incremental|skipped|failed"
    line = next(line for line in output.splitlines() if re.match(rf"^\s*{model}\s+({modes})\s+\d", line))
    return line.split()


def note_of(output, model):
    """The notes printed below the table for ``model``."""
    return " ".join(line for line in output.splitlines() if line.strip().startswith(f"{model}:"))


def test_sync_json_is_the_report_and_accounts_shows_the_last_sync(cli, linked):
    result = cli("sync", linked, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["status"] == "succeeded" and report["kind"] == "full"
    employees = report["models"]["Employee"]
    assert employees["created"] == employees["read"] >= 30
    [row] = json.loads(cli("accounts", "--json").stdout)
    assert row["last_sync"]["status"] == "succeeded" and row["last_sync"]["id"] == report["run_id"]


def test_worker_once_syncs_the_due_accounts(cli, linked):
    result = cli("worker", "--once")
    assert result.exit_code == 0, result.output
    [line] = [li for li in result.stdout.splitlines() if linked in li]
    assert "succeeded" in line and "full" in line
    again = cli("worker", "--once")  # next sync in 24 h
    assert again.exit_code == 0 and "No account is due." in again.stdout


def test_sync_of_an_unknown_account_is_exit_2(cli):
    result = cli("sync", "acct_nope")
    assert result.exit_code == 2 and "hrishub accounts" in result.stderr
    assert "GET /v1" not in result.stderr  # the CLI's own way to list accounts, not an API route


def test_values_that_could_not_be_used_are_listed_with_their_field_and_value(cli, linked):
    hub = Hub()  # the same store as the CLI's (HRISHUB_HOME)
    hub.set_options(hub.account(linked), {"overrides": {"Employee": {"hire_date": "emp.addressLine1"}}})
    result = cli("sync", linked)
    assert result.exit_code == 0, result.output
    assert re.search(
        r"\d+ value\(s\) could not be used, their fields left empty: hire_date \d+", result.stdout
    )
    assert re.search(
        r"Employee \[.*\] hire_date: not a date: '.+' \(value '.+'; the field was left", result.stdout
    )


def test_first_sync_is_full_then_incremental_after_changes(cli, tiny, linked):
    first = cli("sync", linked)
    assert first.exit_code == 0, first.output
    assert "succeeded" in first.stdout and "read in full: Company" in first.stdout
    assert row_of(first.stdout, "Employee")[1] == "full" and "first sync" in note_of(first.stdout, "Employee")
    assert "read" in first.stdout  # the progress lines: "✓ Employee  full  30 read"
    assert row_of(first.stdout, "TimeOffRequest")[1] == "skipped"
    assert re.search(r"TimeOffRequest not read: ", first.stdout)

    tiny.sandbox.tenant.advance(hires=1, changes=2)
    second = cli("sync", linked)
    assert second.exit_code == 0, second.output
    employees = row_of(second.stdout, "Employee")
    assert employees[1] == "incremental"
    read, created, updated = (int(c) for c in employees[2:5])
    assert read >= 3 and created == 1 and updated >= 1
    assert "from the change feed: Employee, Employment" in second.stdout


def test_a_failed_sync_exits_1_and_says_what_to_fix(cli, tiny, linked):
    tiny.sandbox.replace_key("Replaced-Api-Key-0004")  # the key the hub holds was revoked
    result = cli("sync", linked)
    assert result.exit_code == 1, result.output
    assert "failed" in result.stdout and "Fix:" in result.stdout
    assert "Traceback" not in result.output
    assert Hub().store.accounts.row(linked).status == "needs_attention"
    # The progress lines mark a failed model with ✗, never the ✓ of a model that synced.
    assert re.search(r"✗\s+\w+\s+failed", result.stdout), result.stdout
    assert not re.search(r"✓\s+\w+\s+failed", result.stdout)
