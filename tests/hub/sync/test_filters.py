"""An account may import only some employees (by company, org unit or status), at link time or later."""

import pytest

from hub.errors import InvalidOptions

from .helpers import snapshot


def test_status_filter_at_link_time_keeps_only_those_employees_and_their_records(make_hub, sandbox):
    hub = make_hub()
    account = hub.link("tiny_hris", sandbox.credentials(), options={"filters": {"status": ["ACTIVE"]}})
    hub.sync(account)

    employees = snapshot(hub, account)
    everyone = snapshot(hub, account, mode="live")
    assert employees and set(employees) == {
        i for i, e in everyone.items() if e["employment_status"] == "ACTIVE"
    }
    employments = snapshot(hub, account, "employments")
    assert employments and {e["employee_id"] for e in employments.values()} <= set(employees)
    balances = snapshot(hub, account, "time_off_balances")
    assert balances and {b["employee_id"] for b in balances.values()} <= set(employees)


def test_a_filter_set_later_drops_the_others_quietly_at_the_next_sync(hub, account, listener):
    hub.sync(account)
    companies = snapshot(hub, account, "companies")
    first = min(companies.values(), key=lambda c: c["remote_id"])
    hub.set_options(account, {"filters": {"company": [first["remote_id"]]}})

    report = hub.sync(hub.account(account.id), force=True)

    employees = snapshot(hub, account)
    assert employees and {e["company_id"] for e in employees.values()} == {first["id"]}
    assert report.models["Employee"].excluded > 0
    assert listener.of("employee.deleted", "employee.terminated") == []  # not deleted: filtered out


def test_group_filter_matches_the_group_remote_id(hub, account):
    hub.sync(account)
    employees = snapshot(hub, account)
    groups = snapshot(hub, account, "groups")
    department = next(e["department_id"] for e in employees.values() if e["department_id"])
    hub.set_options(account, {"filters": {"group": [groups[department]["remote_id"]]}})

    hub.sync(hub.account(account.id), full=True)

    kept = snapshot(hub, account)
    assert kept and all(e["department_id"] == department for e in kept.values())
    assert len(kept) < len(employees)


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"filters": {"status": ["WORKING"]}}, "filters.status"),
        ({"filters": {"colour": ["red"]}}, "filters.colour"),
        ({"filters": {"company": "6Y4NV"}}, "filters.company"),
        ({"sync_every_hours": 0}, "sync_every_hours"),
        ({"schedule": "daily"}, "schedule"),
        ({"include_sensitive": "false"}, "include_sensitive"),  # bool("false") is True
        ({"include_sensitive": 1}, "include_sensitive"),
        ({"include_sensitive": None}, "include_sensitive"),
    ],
)
def test_bad_options_name_the_field_and_change_nothing(hub, account, options, field):
    with pytest.raises(InvalidOptions) as caught:
        hub.set_options(account, options)
    assert field in [i.field for i in caught.value.issues]
    kept = hub.account(account.id).options
    assert kept.filters == {} and kept.include_sensitive is False


def test_the_schedule_refusal_says_the_range(hub, account):
    with pytest.raises(InvalidOptions) as caught:
        hub.set_options(account, {"sync_every_hours": 0})
    [issue] = caught.value.issues
    assert "0.5 to 720" in issue.message


def test_an_employee_who_stops_matching_is_announced_then_leaves_the_store(make_hub, sandbox, listener):
    hub = make_hub()
    account = hub.link(
        "tiny_hris", sandbox.credentials(), options={"filters": {"status": ["ACTIVE", "LEAVE"]}}
    )
    hub.sync(account)
    summary = sandbox.tenant.advance(terminations=1)

    report = hub.sync(account, force=True)

    [gone] = summary.terminated
    [event] = listener.of("employee.terminated")
    assert event.record["remote_id"].split(":")[-1] == gone and event.changes["employment_status"] == (
        "ACTIVE",
        "INACTIVE",
    )
    assert gone not in {e["remote_id"].split(":")[-1] for e in snapshot(hub, account).values()}
    assert report.models["Employee"].excluded == 1


def test_when_employees_fail_to_read_the_filter_still_keeps_their_employments(make_hub, sandbox):
    hub = make_hub()
    account = hub.link("tiny_hris", sandbox.credentials(), options={"filters": {"status": ["ACTIVE"]}})
    hub.sync(account)
    employments = snapshot(hub, account, "employments")
    # Only the employee map reads /v1/employees: employees fail, employments still sync.
    sandbox.faults.update({"malformed": {"/v1/employees": 100}})

    report = hub.sync(account, full=True)

    assert report.models["Employee"].error and report.models["Employment"].complete
    assert report.models["Employment"].excluded == 0
    assert snapshot(hub, account, "employments") == employments
