"""``hrishub sync`` of a UKG Pro account: UKG's 3-hour change-feed floor, a deactivated service account."""

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


def test_first_sync_is_full_then_incremental_after_changes(cli, ukg, linked):
    first = cli("sync", linked)
    assert first.exit_code == 0, first.output
    assert "succeeded" in first.stdout and "read in full: Company" in first.stdout
    assert row_of(first.stdout, "Employee")[1] == "full" and "first sync" in note_of(first.stdout, "Employee")
    assert "read" in first.stdout  # the progress lines: "✓ Employee  full  31 read"
    assert row_of(first.stdout, "TimeOffRequest")[1] == "skipped"

    ukg.sandbox.tenant.advance(hires=1, changes=2)
    # UKG asks for 3 h between change-feed reads: --force reads it now
    second = cli("sync", linked, "--force")
    assert second.exit_code == 0, second.output
    employees = row_of(second.stdout, "Employee")
    assert employees[1] == "incremental"
    read, created, updated = (int(c) for c in employees[2:5])
    assert read >= 3 and created == 1 and updated >= 1
    # The summary wraps at the terminal's width: compare its words.
    assert "from the change feed: Employee, Employment;" in " ".join(second.stdout.split())

    third = cli("sync", linked)  # too soon for the feed: said so, not an error
    assert third.exit_code == 0
    assert "between change-feed reads" in third.stdout and row_of(third.stdout, "Employee")[1] == "skipped"
    assert "not read: Employee, Employment, TimeOffRequest" in third.stdout  # never "full read" alone
    # Below the summary, each model that was not read says so, whatever the run's kind.
    assert re.search(r"Employee not read: .*between change-feed reads", third.stdout)
    assert re.search(r"TimeOffRequest not read: ", first.stdout)


def test_a_failed_sync_exits_1_and_says_what_to_fix(cli, ukg, linked):
    ukg.sandbox.accounts.get(ukg.sandbox.username).active = False  # the service account was deactivated
    result = cli("sync", linked)
    assert result.exit_code == 1, result.output
    assert "failed" in result.stdout and "Fix:" in result.stdout
    assert "Traceback" not in result.output
    assert Hub().store.accounts.row(linked).status == "needs_attention"
    # The progress lines mark a failed model with ✗, never the ✓ of a model that synced.
    assert re.search(r"✗\s+\w+\s+failed", result.stdout), result.stdout
    assert not re.search(r"✓\s+\w+\s+failed", result.stdout)
