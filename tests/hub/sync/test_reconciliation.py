"""Deletions only after a complete read; a failed or partial read leaves the previous data intact."""

from datetime import timedelta

from sqlalchemy import update

from hub.store import tables as t

from .helpers import leaf, snapshot


def test_a_purged_employee_is_marked_deleted_by_the_next_complete_full_read(hub, account, sandbox, listener):
    hub.sync(account)
    gone = leaf(sandbox)
    sandbox.tenant.purge(gone.employee_id)

    # The change feed cannot see a purge: the employee stays as it was.
    hub.sync(account, force=True)
    assert f"{gone.company.company_id}:{gone.employee_id}" in {
        r["remote_id"] for r in snapshot(hub, account).values()
    }

    report = hub.sync(account, full=True)

    assert report.models["Employee"].deleted == 1
    record = hub.employees(account).get(gone.employee_id)
    assert record.remote_was_deleted is True
    [deleted] = listener.of("employee.deleted")
    assert deleted.record["remote_id"] == f"{gone.company.company_id}:{gone.employee_id}"
    # Deleted records stay listed, flagged, so `modified_after` readers learn of the deletion.
    changed = hub.employees(account).list(modified_after=record.modified_at.replace(microsecond=0)).results
    assert record.id in {r.id for r in changed}


def test_a_failed_read_deletes_nothing_and_keeps_the_previous_data(hub, account, sandbox, listener):
    hub.sync(account)
    before = snapshot(hub, account)
    gone = leaf(sandbox)
    sandbox.tenant.purge(gone.employee_id)
    sandbox.faults.update(
        {"malformed_page": ["/personnel/v1/user-defined-fields", 1], "malformed_count": 100}
    )

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
    hub.set_options(account, {"overrides": {"Employee": {"hire_date": "person.addressLine1"}}})
    account = hub.account(account.id)

    report = hub.sync(account, full=True)

    employee = report.models["Employee"]
    assert report.status == "succeeded" and employee.failed == 0 and employee.deleted == 0
    assert employee.problems == employee.problem_fields["hire_date"] > 0
    problem = employee.value_problems[0]
    assert problem.field == "hire_date" and "not a date" in problem.reason and len(problem.key) == 2
    street = next(r for r in sandbox_people(sandbox) if r["employeeId"] == problem.key[1])["addressLine1"]
    assert problem.value == repr(street)
    assert any(w.startswith("hire_date is empty on every Employee record") for w in employee.warnings)
    after = snapshot(hub, account)
    assert set(after) == set(before)  # every employee kept
    assert all(record["hire_date"] is None for record in after.values())
    assert {r["first_name"] for r in after.values()} == {r["first_name"] for r in before.values()}


def test_a_first_sync_keeps_every_employee_whatever_their_optional_dates(make_hub, sandbox):
    hub = make_hub()
    account = hub.link(
        "ukg_pro",
        sandbox.credentials(),
        options={"overrides": {"Employee": {"date_of_birth": "person.addressLine1"}}},
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
    import asyncio

    async def read():
        async with sandbox.client() as client:
            return (await client.get("/personnel/v1/person-details", params={"per_Page": 10000})).json()

    return asyncio.run(read())


def test_a_field_that_empties_while_the_sync_succeeds_is_warned_about(hub, account, sandbox):
    hub.sync(account)
    # Without Company Configuration the org-level labels are unreadable: "Department" resolves to nothing.
    sandbox.revoke(sandbox.credentials()["username"], "Company Configuration Integration")

    report = hub.sync(account, full=True)

    employee = report.models["Employee"]
    assert employee.complete and employee.fill.get("department_id", 0) == 0
    assert any(w.startswith("department_id was filled on") for w in employee.warnings)
    assert report.models["Group"].error  # 403, and the groups stored before stay
    assert snapshot(hub, account, "groups")


def test_a_periodic_full_read_catches_what_the_feed_misses(hub, account, sandbox):
    hub.sync(account)
    gone = sandbox.tenant.purge(leaf(sandbox).employee_id)
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


def test_a_join_that_matches_nothing_is_loud_on_the_first_sync(hub, account, sandbox):
    import dataclasses

    # The map as it was before UKG's published shape was followed: user-defined fields joined on
    # [companyId, employeeId], which UKG's rows do not carry (they hold employeeId only).
    maps = hub.registry.field_maps["ukg_pro"]
    employee = maps["Employee"]
    old = tuple(
        dataclasses.replace(s, key=("companyId", "employeeId"), on=()) if s.name == "udf" else s
        for s in employee.sources
    )
    maps["Employee"] = dataclasses.replace(employee, sources=old)
    try:
        report = hub.sync(account)
    finally:
        maps["Employee"] = employee

    model = report.models["Employee"]
    udf = model.joins["udf"]
    assert udf.rows_read > 0 and udf.joined == 0 and udf.key == ["companyId", "employeeId"]
    assert model.joins["employment"].joined == model.read  # the good join is counted too
    [join_warning] = [w for w in model.warnings if w.startswith("user-defined-fields (udf)")]
    assert f"{udf.rows_read} rows read, but only 0 of {udf.primary} records joined" in join_warning
    assert "[companyId, employeeId] = [companyId, employeeId]" in join_warning
    # The join warning says why custom_fields is empty; no second warning repeats it.
    assert not any(w.startswith("custom_fields is empty") for w in model.warnings)
    assert model.fill.get("custom_fields", 0) == 0

    fixed = hub.sync(account, full=True).models["Employee"]
    assert fixed.joins["udf"].joined == fixed.read and fixed.fill["custom_fields"] > 0
    assert not [w for w in fixed.warnings if "udf" in w]


def test_a_first_sync_warns_of_a_field_empty_everywhere_although_its_rows_were_joined(make_hub, sandbox):
    hub = make_hub()
    options = {"overrides": {"Employee": {"work_phone": "employment.workPhoneNumbr"}}}  # a typo
    account = hub.link("ukg_pro", sandbox.credentials(), options=options)
    model = hub.sync(account).models["Employee"]
    assert model.fill.get("work_phone", 0) == 0
    assert any(
        w.startswith(
            "work_phone is empty on every Employee record although employment-details rows were joined"
        )
        for w in model.warnings
    ), model.warnings


def test_codes_an_enum_table_does_not_list_are_counted_not_failed(hub, account, sandbox):
    report = hub.sync(account)
    employee = report.models["Employee"]
    # The UKG map knows marital codes S and M only: the tenant's D, W and P give null, and are counted.
    marital = employee.unmapped_codes.get("marital_status", {})
    assert set(marital) <= {"'D'", "'W'", "'P'"} and sum(marital.values()) > 0
    assert not employee.value_problems and employee.failed == 0
    assert all(
        p["marital_status"] in (None, "SINGLE", "MARRIED_FILING_JOINTLY")
        for p in snapshot(hub, account).values()
    )
