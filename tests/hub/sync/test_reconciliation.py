"""Deletions only after a complete read; a failed or partial read leaves the previous data intact."""

from datetime import timedelta

from sqlalchemy import update

from hub.store import tables as t

from .helpers import leaf, snapshot


def test_a_purged_employee_is_marked_deleted_by_the_next_complete_full_read(hub, account, sandbox, listener):
    hub.sync(account)
    gone = leaf(sandbox)
    sandbox.tenant.purge(gone["id"])

    # The change feed cannot see a purge: the employee stays as it was.
    hub.sync(account, force=True)
    assert gone["id"] in {r["remote_id"] for r in snapshot(hub, account).values()}

    report = hub.sync(account, full=True)

    assert report.models["Employee"].deleted == 1
    record = hub.employees(account).get(gone["id"])
    assert record.remote_was_deleted is True
    [deleted] = listener.of("employee.deleted")
    assert deleted.record["remote_id"] == gone["id"]
    # Deleted records stay in the store, flagged: `modified_after` readers who ask for deleted
    # records learn of the deletion; plain lists leave them out.
    since = record.modified_at.replace(microsecond=0)
    changed = hub.employees(account).list(modified_after=since, include_deleted=True).results
    assert record.id in {r.id for r in changed}
    assert record.id not in {r.id for r in hub.employees(account).list(modified_after=since).results}


def test_a_failed_read_deletes_nothing_and_keeps_the_previous_data(hub, account, sandbox, listener):
    hub.sync(account)
    before = snapshot(hub, account)
    gone = leaf(sandbox)
    sandbox.tenant.purge(gone["id"])
    sandbox.faults.update({"malformed": {"/v1/employees": 100}})

    report = hub.sync(account, full=True)

    assert report.status == "partial"
    employee = report.models["Employee"]
    assert not employee.complete and "JSON" in employee.error, employee.error
    assert employee.deleted == 0
    assert snapshot(hub, account) == before  # untouched, the purged employee included
    assert report.models["Company"].complete  # the other models went on
    assert listener.of("employee.deleted") == []
    [failure] = report.errors
    assert failure["model"] == "Employee" and failure["remedy"]

    sandbox.faults.reset()
    assert hub.sync(account, full=True).models["Employee"].deleted == 1


def test_a_value_that_does_not_parse_empties_its_field_and_keeps_the_record(hub, account, sandbox):
    hub.sync(account)
    before = snapshot(hub, account)
    # Map hire_date from a free-text address line: the values that are there are not dates.
    hub.set_options(account, {"overrides": {"Employee": {"hire_date": "emp.addressLine1"}}})
    account = hub.account(account.id)

    report = hub.sync(account, full=True)

    employee = report.models["Employee"]
    assert report.status == "succeeded" and employee.failed == 0 and employee.deleted == 0
    assert employee.problems == employee.problem_fields["hire_date"] > 0
    problem = employee.value_problems[0]
    assert problem.field == "hire_date" and "not a date" in problem.reason and len(problem.key) == 1
    street = next(r for r in sandbox_people(sandbox) if r["id"] == problem.key[0])["addressLine1"]
    assert problem.value == repr(street)
    assert any(w.startswith("hire_date is empty on every Employee record") for w in employee.warnings)
    after = snapshot(hub, account)
    assert set(after) == set(before)  # every employee kept
    assert all(record["hire_date"] is None for record in after.values())
    assert {r["first_name"] for r in after.values()} == {r["first_name"] for r in before.values()}


def test_a_first_sync_keeps_every_employee_whatever_their_optional_dates(make_hub, sandbox):
    hub = make_hub()
    account = hub.link(
        "tiny_hris",
        sandbox.credentials(),
        options={"overrides": {"Employee": {"date_of_birth": "emp.addressLine1"}}},
    )
    report = hub.sync(account)
    employee = report.models["Employee"]
    assert employee.failed == 0 and employee.problem_fields["date_of_birth"] > 0
    assert employee.read == len(sandbox_people(sandbox))
    assert len(snapshot(hub, account)) == len(sandbox_people(sandbox))
    # date_of_birth is sensitive and this account may not see it: the report does not quote the value.
    streets = {p["addressLine1"] for p in sandbox_people(sandbox) if p["addressLine1"]}
    for problem in employee.value_problems:
        assert problem.value == "(sensitive: hidden)"
        assert not any(street in problem.reason for street in streets), problem.reason


def sandbox_people(sandbox):
    return sandbox.rows("employees")


def test_a_periodic_full_read_catches_what_the_feed_misses(hub, account, sandbox):
    hub.sync(account)
    gone = sandbox.tenant.purge(leaf(sandbox)["id"])
    assert hub.sync(account, force=True).models["Employee"].mode == "feed"
    # A week after the last full read, the next sync reconciles on its own.
    week_ago = hub.store.sync_state.get(account.id, "Employee")["last_full_at"] - timedelta(days=7)
    with hub.store.begin() as db:
        db.execute(
            update(t.sync_state).where(t.sync_state.c.account_id == account.id).values(last_full_at=week_ago)
        )

    report = hub.sync(account, force=True)

    employee = report.models["Employee"]
    assert employee.mode == "full" and "reconciliation" in employee.reason
    assert employee.deleted == len(gone) == 1
