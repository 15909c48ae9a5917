"""The connector through the hub: link, sync, read; edit the file, sync again, hear the changes."""

from datetime import date

import pytest

from hub.errors import InvalidCredentials
from unified_models import stable_id

from .helpers import BALANCES, BALANCES_HEADER, PEOPLE, people, person, to_csv


def emp_id(remote: str) -> str:
    return stable_id("csv_files", "Employee", [remote])


def by_remote(records):
    return {r.remote_id: r for r in records}


def test_a_synced_account_serves_what_the_files_say(files, make_hub):
    hub = make_hub()
    account = hub.link("csv_files", files, options={"include_sensitive": True})
    assert all(
        status.enabled
        for name, status in account.permissions.actions.items()
        if name != "time_off_requests.list"
    )
    report = hub.sync(account)
    assert report.status == "succeeded", report.to_dict()
    assert report.requests == 3
    people_ = by_remote(hub.employees(account).list(page_size=1000).results)
    assert set(people_) == {p[0] for p in PEOPLE}
    ada, grace, alan, kate = (people_[k] for k in ("E001", "E002", "E003", "E004"))
    assert (grace.first_name, grace.last_name, grace.preferred_name) == ("Grace", "Hopper", "Amazing Grace")
    assert grace.display_full_name == "Grace Hopper"
    assert grace.hire_date == date(2016, 7, 15) and grace.date_of_birth == date(1980, 12, 9)
    assert grace.id == emp_id("E002") and grace.manager_id == ada.id == emp_id("E001")
    assert ada.manager_id is None
    assert grace.department_id == stable_id("csv_files", "Group", ["ENG"])
    assert (ada.employment_status, alan.employment_status, kate.employment_status) == (
        "ACTIVE",
        "LEAVE",
        "ACTIVE",
    )
    assert (grace.employment_type, alan.employment_type, kate.employment_type) == (
        "FULL_TIME",
        "FULL_TIME",
        "PART_TIME",
    )
    assert ada.custom_fields == {"Badge Number": "B-17"} and alan.custom_fields is None
    assert ada.work_location_id == alan.work_location_id == stable_id("csv_files", "Location", ["London"])
    assert ada.company_id == stable_id("csv_files", "Company", ["Acme Ltd"])

    groups = by_remote(hub.groups(account).list().results)
    assert groups["ENG"].id == grace.department_id and groups["ENG"].name == "Engineering"
    assert groups["DATA"].parent_id == groups["ENG"].id and groups["DATA"].type == "TEAM"
    assert groups["EXEC"].label == "Division" and groups["EXEC"].parent_id is None
    locations = by_remote(hub.locations(account).list().results)
    assert locations["London"].id == ada.work_location_id and set(locations) == {"London", "New York"}
    assert {c.remote_id for c in hub.companies(account).list().results} == {"Acme Ltd", "Acme Inc"}

    jobs = {j.employee_id: j for j in hub.employments(account).list().results}
    assert jobs[grace.id].job_title == "VP Engineering" and jobs[grace.id].manager_id == ada.id
    assert jobs[grace.id].effective_date == date(2016, 7, 15) and jobs[grace.id].is_primary is True

    policies = by_remote(hub.time_off_policies(account).list().results)
    assert policies["Vacation"].policy_type == "VACATION" and policies["Sick Leave"].policy_type == "SICK"
    balances = hub.time_off_balances(account).list().results
    assert len(balances) == len(BALANCES)
    grace_vacation = next(b for b in balances if b.employee_id == grace.id)
    assert (grace_vacation.balance, grace_vacation.used, grace_vacation.unit) == (15.5, 4.5, "DAYS")
    assert grace_vacation.policy_id == policies["Vacation"].id and grace_vacation.as_of == date(2024, 6, 30)

    with pytest.raises(Exception, match="not support"):
        hub.time_off_requests(account).list()


def test_live_reads_equal_the_store(files, make_hub):
    hub = make_hub()
    account = hub.link("csv_files", files)
    live_before_sync = hub.employees(account).list(page_size=1000).results
    hub.sync(account)
    for resource in (
        "employees",
        "employments",
        "groups",
        "time_off_balances",
        "time_off_policies",
        "locations",
    ):
        accessor = getattr(hub, resource)(account)
        stored = accessor.list(page_size=1000).results
        live = accessor.list(page_size=1000, mode="live").results
        hub_fields = {"created_at", "modified_at"}
        assert [r.model_dump(exclude=hub_fields) for r in sorted(live, key=lambda r: r.id)] == [
            r.model_dump(exclude=hub_fields) for r in sorted(stored, key=lambda r: r.id)
        ], resource
    assert {r.id for r in live_before_sync} == {
        r.id for r in hub.employees(account).list(page_size=1000).results
    }
    assert hub.employees(account).get(emp_id("E003")).last_name == "Turing"


def test_editing_the_file_gives_created_terminated_and_updated_events(files, write, sync_events, make_hub):
    hub = make_hub()
    account = hub.link("csv_files", files)
    hub.sync(account)
    assert sync_events.of("employee.created") == []  # a first load announces nobody
    write(
        "employees.csv",
        people(
            ("E002", "Job Title", "CTO"),
            ("E004", "Employment Status", "Terminated"),
            ("E004", "Termination Date", "2024-06-30"),
            extra=[
                person(
                    "E005",
                    **{
                        "First Name": "Mary",
                        "Last Name": "Jackson",
                        "Manager ID": "E002",
                        "Hire Date": "2024-07-01",
                        "Employment Status": "Pending",
                    },
                )
            ],
        ),
    )
    sync_events.clear()
    report = hub.sync(account)
    assert report.status == "succeeded"
    (created,) = sync_events.of("employee.created")
    assert created.record_id == emp_id("E005") and created.record["first_name"] == "Mary"
    assert created.record["manager_id"] == emp_id("E002") and created.record["employment_status"] == "PENDING"
    (terminated,) = sync_events.of("employee.terminated")
    assert terminated.record_id == emp_id("E004")
    assert terminated.changes["employment_status"] == ("ACTIVE", "INACTIVE")
    assert terminated.changes["termination_date"] == (None, "2024-06-30")
    (updated,) = sync_events.of("employee.updated")
    assert updated.record_id == emp_id("E002") and updated.changes == {"job_title": ("VP Engineering", "CTO")}

    write("employees.csv", people(drop=("E003",)))  # E005 is gone too: back to the sample, less Alan
    sync_events.clear()
    hub.sync(account)
    assert {e.record_id for e in sync_events.of("employee.deleted")} == {emp_id("E003"), emp_id("E005")}


def test_a_renamed_column_is_mapped_by_an_account_override(write, make_hub):
    text = people().replace("First Name", "Given Name", 1)
    write("employees.csv", text)
    hub = make_hub()
    plain = hub.link("csv_files", {"employees_file": "employees.csv"})
    assert hub.employees(plain).list().results[0].first_name is None
    account = hub.link(
        "csv_files",
        {"employees_file": "employees.csv"},
        options={"overrides": {"Employee": {"first_name": {"label": "given  NAME"}}}},
    )
    hub.sync(account)
    ada = hub.employees(account).get(emp_id("E001"))
    assert ada.first_name == "Ada"
    # A column no default field reads stays in custom_fields, even when an override maps it.
    assert ada.custom_fields == {"Given Name": "Ada", "Badge Number": "B-17"}


def test_a_key_column_under_an_alias_and_headers_in_other_cases(write, make_hub):
    text = people().replace("Employee ID", "Emp ID", 1).replace("Hire Date", "HIRE  date", 1)
    write("employees.csv", text.replace(",", ";"))
    hub = make_hub()
    account = hub.link("csv_files", {"employees_file": "employees.csv"})
    hub.sync(account)
    grace = hub.employees(account).get(emp_id("E002"))
    assert grace.hire_date == date(2016, 7, 15) and grace.manager_id == emp_id("E001")


def test_nothing_is_stored_when_a_link_fails(write, make_hub):
    write("employees.csv", people(("E002", "Hire Date", "15/07/2016")))
    hub = make_hub()
    with pytest.raises(InvalidCredentials) as caught:
        hub.link("csv_files", {"employees_file": "employees.csv"})
    assert caught.value.to_problem()["errors"] == [
        {
            "field": "employees_file",
            "message": "row 3, column 'Hire Date': '15/07/2016' is not a date in the YYYY-MM-DD form.",
            "fix": caught.value.issues[0].fix,
        }
    ]
    with pytest.raises(InvalidCredentials):
        hub.link("csv_files", {"employees_file": "../../etc/passwd"})
    assert hub.accounts() == []


def test_a_file_broken_or_gone_after_linking_fails_the_sync_with_the_fix(files, write, root, make_hub):
    hub = make_hub()
    account = hub.link("csv_files", files)
    hub.sync(account)
    write("balances.csv", to_csv(BALANCES_HEADER, [*BALANCES, ["E002", "Sick", "many", "0", "hours", ""]]))
    report = hub.sync(account)
    assert report.status == "failed"
    error = next(e for e in report.errors if e["model"] == "Employee")
    assert error["type"] == "invalid-credentials"
    assert "row 5, column 'Balance': 'many' is not a number." in error["message"]
    assert len(hub.employees(account).list().results) == len(PEOPLE)  # the store stays as it was

    (root / "balances.csv").unlink()
    report = hub.sync(account)
    assert report.status == "failed"
    assert {e["type"] for e in report.errors} == {"provider-unreachable"}
    assert "Put the file back in" in report.errors[0]["remedy"]
