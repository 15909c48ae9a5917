"""The store's whole cycle on every database backend at hand.

SQLite, and PostgreSQL on the real server the suite starts (``postgres_url`` in tests/conftest.py).
"""

import json
from datetime import timedelta

import pytest

from hub import Hub
from hub.accessors import ModelAccessor
from hub.errors import SyncInProgress
from hub.sync.lease import Lease
from tests.tiny_hris.sandbox import Sandbox


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.db'}"
    return request.getfixturevalue("postgres_url")


def spliced_employees(hub, account):
    accessor = ModelAccessor(hub.context, hub.store.accounts.get(account.id, sealed=True), "employees")
    return json.loads(accessor.store_body(page_size=50))["results"]


def test_link_sync_change_filter_and_lease(database_url):
    sandbox = Sandbox(employees=40, seed=4)
    hub = Hub(transport=sandbox.transport(), database_url=database_url)
    account = hub.link(
        "tiny_hris", sandbox.credentials(), options={"filters": {"status": ["ACTIVE", "LEAVE"]}}
    )

    first = hub.sync(account)
    assert first.status == "succeeded"
    stored = hub.store.sync_state.count_records(account.id, "Employee")
    assert first.models["Employee"].created == stored > 0

    sandbox.tenant.advance(hires=2, changes=4, terminations=1)
    second = hub.sync(account, force=True)
    employee = second.models["Employee"]
    assert (employee.mode, employee.created, employee.excluded) == ("feed", 2, 1)
    assert hub.store.sync_state.count_records(account.id, "Employee") == stored + 2 - 1

    page = hub.employees(account).list(page_size=5)
    assert len(page.results) == 5 and page.next_cursor
    assert hub.employees(account).get(page.results[0].remote_id).id == page.results[0].id

    # The API's spliced pages (sensitive fields emptied by the database itself) equal the parsed ones.
    for include_sensitive in (False, True):
        hub.set_options(account, {"include_sensitive": include_sensitive})
        for resource in ("employees", "employments", "companies"):
            accessor = ModelAccessor(hub.context, hub.store.accounts.get(account.id, sealed=True), resource)
            parsed = accessor.list_json(page_size=7)
            spliced = json.loads(accessor.store_body(page_size=7))
            assert spliced == {"results": parsed.results, "next_cursor": parsed.next_cursor}
        national_ids = [e["national_id"] for e in spliced_employees(hub, account)]
        assert any(national_ids) == include_sensitive

    other = Lease(hub.store, account.id, ttl=timedelta(minutes=5))
    other.owner = "elsewhere.example:1:abcd"
    other.acquire()
    with pytest.raises(SyncInProgress):
        hub.sync(account)
    hub.close()


def test_filters_deleted_records_and_expand_on_every_backend(database_url):
    # The filters run as SQL on the stored JSON (SQLite's JSON1, PostgreSQL's jsonb): each keeps
    # what a client would keep itself, on every database.
    sandbox = Sandbox(employees=30, seed=9)
    hub = Hub(transport=sandbox.transport(), database_url=database_url)
    account = hub.link("tiny_hris", sandbox.credentials())
    hub.sync(account)
    gone = sandbox.tenant.leaf()
    sandbox.tenant.purge(gone["id"])
    assert hub.sync(account, full=True).models["Employee"].deleted == 1
    employees = hub.employees(account)
    everyone = employees.list(page_size=1000, include_deleted=True).results
    first = everyone[7]
    cases = {
        "employment_status": ("LEAVE", lambda e: e.employment_status == "LEAVE"),
        "company_id": (first.company_id, lambda e: e.company_id == first.company_id),
        "group_id": (first.group_ids[0], lambda e: first.group_ids[0] in (e.group_ids or ())),
        "manager_id": (first.manager_id, lambda e: e.manager_id == first.manager_id),
        "work_email": (first.work_email.upper(), lambda e: e.id == first.id),
        "remote_id": (first.remote_id, lambda e: e.id == first.id),
    }
    for name, (value, keeps) in cases.items():
        expected = [e.id for e in everyone if keeps(e) and not e.remote_was_deleted]
        got = employees.list(page_size=1000, **{name: value}).results
        assert expected and [e.id for e in got] == expected, name
        spliced = json.loads(
            ModelAccessor(
                hub.context, hub.store.accounts.get(account.id, sealed=True), "employees"
            ).store_body(page_size=1000, **{name: value})
        )
        assert [e["id"] for e in spliced["results"]] == expected, name
    deleted = [e.id for e in everyone if e.remote_was_deleted]
    assert len(deleted) == 1 and deleted[0] not in {e.id for e in employees.list(page_size=1000).results}

    page = employees.list(page_size=1000, expand="manager,groups,employments")
    for employee in page.results:
        members = page.expanded[employee.id]
        assert (members["manager"].id if members["manager"] else None) == employee.manager_id
        assert [g.id for g in members["groups"]] == list(employee.group_ids or ())
        assert [j.employee_id for j in members["employments"]] == [employee.id]
    hub.close()


def test_records_of_an_employee_are_found_through_the_index_on_employee_id(database_url):
    """A change feed's re-read and the API's employee filter find an employee's records by index, not scan."""
    from sqlalchemy import select, text

    from hub.store import tables as t
    from hub.store.reads import records_by_field

    sandbox = Sandbox(employees=40, seed=4)
    hub = Hub(transport=sandbox.transport(), database_url=database_url)
    account = hub.link("tiny_hris", sandbox.credentials())
    assert hub.sync(account).status == "succeeded"
    employments = hub.employments(account).list(page_size=200).results
    employee_id = employments[0].employee_id
    wanted = {e.id for e in employments if e.employee_id == employee_id}

    found = records_by_field(hub.store, account.id, "Employment", "employee_id", [employee_id])
    assert {row.id for row in found} == wanted

    r = t.records.c
    query = select(r.id).where(
        r.account_id == account.id,
        r.model == "Employment",
        t.JsonMember(r.data, "employee_id") == employee_id,
    )
    engine = hub.store.engine
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as db:
        if engine.dialect.name == "sqlite":
            plan = " ".join(str(row[-1]) for row in db.execute(text("EXPLAIN QUERY PLAN " + sql)))
        else:
            db.execute(text("ANALYZE records"))  # 40 employees: statistics, so the planner weighs the index
            db.execute(text("SET enable_seqscan = off"))
            plan = " ".join(row[0] for row in db.execute(text("EXPLAIN " + sql)))
    assert "ix_records_employee_id" in plan, plan
