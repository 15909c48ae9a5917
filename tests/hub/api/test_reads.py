"""Reads an app expects, over real HTTP on a Tiny HRIS world: filters, deleted records, expand, paged runs.

Each filter keeps exactly the records a client would keep itself, in the store and in live reads;
filters combine with AND; a value a filter does not take, or a query member a route does not have,
is a 422 problem naming it; deleted records are hidden unless asked for; ``expand`` embeds the
referenced records in one call, with a number of SQL statements that does not grow with the page;
``modified_after`` means the hub's clock in store and live reads alike.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event

from hub.errors import InputError

from .conftest import page_through

pytestmark = pytest.mark.e2e

EVERY_FILTER = ("employment_status", "company_id", "group_id", "manager_id", "work_email", "remote_id")


def _get(client, path, account_id, **params):
    answer = client.get(path, params=params, headers={"X-Account-Id": account_id})
    assert answer.status_code == 200, answer.text
    return answer.json()


def _all(client, account_id, path="/v1/hris/employees", **params) -> list[dict[str, Any]]:
    return [r for page in page_through(client, path, account_id, page_size=1000, **params) for r in page]


def _value_for(name: str, employees: list[dict[str, Any]]) -> str:
    """A value of filter ``name`` that some, but not all, of ``employees`` have."""
    if name == "group_id":
        counts = Counter(g for e in employees for g in e["group_ids"] or ())
    else:
        counts = Counter(e[name] for e in employees if e[name] is not None)
    value, _ = counts.most_common(1)[0]
    return value


def _keeps(name: str, value: str, employee: dict[str, Any]) -> bool:
    if name == "group_id":
        return value in (employee["group_ids"] or ())
    return employee[name] == value


@pytest.mark.parametrize("mode", ["auto", "live"])
@pytest.mark.parametrize("name", EVERY_FILTER)
def test_each_employee_filter_keeps_exactly_the_matching_records(synced, name, mode):
    client, account = synced
    everyone = _all(client, account["id"])
    value = _value_for(name, everyone)
    expected = [e["id"] for e in everyone if _keeps(name, value, e)]
    assert 0 < len(expected) < len(everyone) or name in ("work_email", "remote_id")

    got = _all(client, account["id"], mode=mode, **{name: value})

    assert [e["id"] for e in got] == expected


def test_filters_combine_with_and(synced):
    client, account = synced
    everyone = _all(client, account["id"])
    company, group = _value_for("company_id", everyone), _value_for("group_id", everyone)
    expected = [e["id"] for e in everyone if e["company_id"] == company and group in (e["group_ids"] or ())]
    assert expected and len(expected) < len([e for e in everyone if e["company_id"] == company])

    for mode in ("auto", "live"):
        got = _all(client, account["id"], mode=mode, company_id=company, group_id=group)
        assert [e["id"] for e in got] == expected, mode
    assert _all(client, account["id"], company_id=company, remote_id="no-such-id") == []


def test_a_filtered_read_pages_with_cursors_like_any_list(synced):
    client, account = synced
    everyone = _all(client, account["id"])
    status = "ACTIVE"
    expected = [e["id"] for e in everyone if e["employment_status"] == status]

    for mode in ("auto", "live"):
        pages = page_through(
            client, "/v1/hris/employees", account["id"], page_size=7, mode=mode, employment_status=status
        )
        assert all(len(p) == 7 for p in pages[:-1]), mode
        assert [e["id"] for page in pages for e in page] == expected, mode


def test_work_email_is_matched_whatever_the_ascii_letter_case(synced):
    client, account = synced
    someone = _all(client, account["id"])[3]
    shouted = someone["work_email"].upper()
    for mode in ("auto", "live"):
        assert [e["id"] for e in _all(client, account["id"], mode=mode, work_email=shouted)] == [
            someone["id"]
        ]


def test_an_unknown_filter_value_is_a_422_naming_the_parameter_and_its_values(synced, assert_problem):
    client, account = synced
    answer = client.get(
        "/v1/hris/employees", params={"employment_status": "FOO"}, headers={"X-Account-Id": account["id"]}
    )
    body = assert_problem(answer, 422, "invalid-request")
    [error] = body["errors"]
    assert error["in"] == "query" and error["field"] == "employment_status"
    for allowed in ("ACTIVE", "PENDING", "LEAVE", "INACTIVE"):
        assert allowed in error["message"] and allowed in body["detail"]


@pytest.mark.parametrize(
    ("path", "params", "named"),
    [
        ("/v1/hris/employees", {"employment_stat": "ACTIVE"}, "employment_stat"),  # misspelt
        ("/v1/hris/companies", {"company_id": "x"}, "company_id"),  # not a filter of companies
        ("/v1/hris/companies", {"expand": "manager"}, "expand"),  # companies refer to nothing
        ("/v1/hris/employees/E001", {"page_size": "5"}, "page_size"),  # a get takes no page
    ],
)
def test_a_query_member_the_route_lacks_is_a_422_never_ignored(synced, assert_problem, path, params, named):
    client, account = synced
    answer = client.get(path, params=params, headers={"X-Account-Id": account["id"]})
    body = assert_problem(answer, 422, "invalid-request")
    assert [e["field"] for e in body["errors"]] == [named]
    assert "takes:" in body["errors"][0]["message"]


def test_deleted_records_are_hidden_unless_include_deleted(make_world):
    world = make_world(employees=20, seed=3)
    client = world.customer()
    account = world.link(client)
    world.sync(client, account["id"])
    gone = world.sb.tenant.leaf()
    world.sb.tenant.purge(gone["id"])
    assert world.sync(client, account["id"], full=True)["models"]["Employee"]["deleted"] == 1

    listed = _all(client, account["id"])
    assert gone["id"] not in {e["remote_id"] for e in listed}
    with_deleted = _all(client, account["id"], include_deleted="true")
    [deleted] = [e for e in with_deleted if e["remote_id"] == gone["id"]]
    assert deleted["remote_was_deleted"] is True
    assert len(with_deleted) == len(listed) + 1
    # The same through every path a list takes: filters, expand, the Python API.
    assert _all(client, account["id"], remote_id=gone["id"]) == []
    assert _all(client, account["id"], remote_id=gone["id"], include_deleted="true") == [deleted]
    assert gone["id"] not in {e["remote_id"] for e in _all(client, account["id"], expand="company")}
    assert gone["id"] not in {e.remote_id for e in world.hub.employees(account["id"]).list().results}
    # A get by id still answers, flagged.
    one = _get(client, f"/v1/hris/employees/{deleted['id']}", account["id"])
    assert one["remote_was_deleted"] is True and one["id"] == deleted["id"]
    # Its employment is deleted too: left out of an expansion unless asked for.
    manager = next(e for e in with_deleted if e["id"] == deleted["manager_id"])
    shown = _all(client, account["id"], remote_id=manager["remote_id"], expand="employments")
    assert shown[0]["employments"] and all(not j["remote_was_deleted"] for j in shown[0]["employments"])
    jobs = _all(client, account["id"], "/v1/hris/employments", employee_id=deleted["id"], include_deleted="1")
    assert jobs and all(j["remote_was_deleted"] for j in jobs)
    expanded = _all(client, account["id"], remote_id=gone["id"], include_deleted="true", expand="employments")
    assert [j["id"] for j in expanded[0]["employments"]] == [j["id"] for j in jobs]


def _by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records}


@pytest.mark.parametrize("mode", ["auto", "live"])
def test_expand_embeds_each_reference_in_one_call(synced, mode):
    client, account = synced
    employees = _by_id(_all(client, account["id"]))
    companies = _by_id(_all(client, account["id"], "/v1/hris/companies"))
    groups = _by_id(_all(client, account["id"], "/v1/hris/groups"))
    jobs = _all(client, account["id"], "/v1/hris/employments")
    hub_only = {"created_at", "modified_at"}

    def same(embedded, listed):
        strip = lambda r: {k: v for k, v in r.items() if mode == "auto" or k not in hub_only}  # noqa: E731
        return strip(embedded) == strip(listed)

    page = _get(
        client,
        "/v1/hris/employees",
        account["id"],
        page_size=15,
        mode=mode,
        expand="manager,company,groups,employments",
    )["results"]

    embedded = {"manager", "company", "groups", "employments"}
    assert all(same({k: v for k, v in e.items() if k not in embedded}, employees[e["id"]]) for e in page)
    assert any(e["manager"] for e in page) and any(e["manager"] is None for e in page)
    for employee in page:
        manager_id = employee["manager_id"]
        assert (
            employee["manager"] is None
            if manager_id is None
            else same(employee["manager"], employees[manager_id])
        )
        assert same(employee["company"], companies[employee["company_id"]])
        assert [g["id"] for g in employee["groups"]] == list(employee["group_ids"])
        assert all(same(g, groups[g["id"]]) for g in employee["groups"])
        own = [j for j in jobs if j["employee_id"] == employee["id"]]
        assert own and [j["id"] for j in employee["employments"]] == [j["id"] for j in own]
        if employee["manager"] is not None:  # one level deep: the manager's own references are ids
            assert "manager" not in employee["manager"] and "company" not in employee["manager"]


def test_expand_keeps_sensitive_fields_of_embedded_records_hidden(synced):
    client, account = synced
    page = _get(client, "/v1/hris/employees", account["id"], page_size=20, expand="manager")["results"]
    managers = [e["manager"] for e in page if e["manager"]]
    assert managers and all(m["national_id"] is None and m["date_of_birth"] is None for m in managers)


@contextmanager
def _statements(engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_expand_reads_a_bounded_number_of_sql_statements_whatever_the_page_size(world, synced):
    client, account = synced
    engine = world.hub.store.engine
    expand = "manager,company,groups,employments"

    def statements(**params) -> list[str]:
        with _statements(engine) as seen:
            _get(client, "/v1/hris/employees", account["id"], **params)
        return list(seen)

    statements(page_size=1, expand=expand)  # what the hub keeps in memory is read now
    plain = statements(page_size=40)
    small = statements(page_size=10, expand=expand)  # the first five employees have no manager
    large = statements(page_size=40, expand=expand)

    assert len(large) == len(small), "statements grow with the page: one per record (N+1)"
    # The page itself, then one batched read per reference.
    reads = [s for s in large if "FROM records" in s]
    assert len(reads) == 1 + 4, reads
    assert len(large) - len(plain) == 4, large


def test_an_unknown_expansion_is_a_422_naming_what_can_be_expanded(synced, assert_problem):
    client, account = synced
    answer = client.get(
        "/v1/hris/employees", params={"expand": "manager,boss"}, headers={"X-Account-Id": account["id"]}
    )
    body = assert_problem(answer, 422, "invalid-request")
    assert "boss" in body["detail"]
    for name in ("manager", "company", "groups", "employments"):
        assert name in body["remedy"]


def test_the_python_api_takes_the_same_filters_and_expansions(world, synced):
    _, account = synced
    employees = world.hub.employees(account["id"])
    everyone = employees.list(page_size=1000).results
    on_leave = employees.list(page_size=1000, employment_status="LEAVE").results
    assert on_leave and [e.id for e in on_leave] == [e.id for e in everyone if e.employment_status == "LEAVE"]
    page = employees.list(page_size=5, expand=["manager", "groups"], company_id=everyone[0].company_id)
    assert all(e.company_id == everyone[0].company_id for e in page.results)
    for employee in page.results:
        manager = page.expanded[employee.id]["manager"]
        assert (manager is None) == (employee.manager_id is None)
        assert manager is None or manager.id == employee.manager_id
        assert [g.id for g in page.expanded[employee.id]["groups"]] == list(employee.group_ids or ())
    as_json = employees.list_json(page_size=5, expand="company").results
    assert all(e["company"]["id"] == e["company_id"] for e in as_json)
    with pytest.raises(InputError, match=r"employment_status 'FOO'.*ACTIVE"):
        employees.list(employment_status="FOO")
    with pytest.raises(InputError, match="cannot be filtered by 'colour'"):
        employees.list(colour="red")


def test_sync_runs_are_paged_with_a_cursor_like_every_list(world, assert_problem):
    client = world.customer()
    account = world.link(client)
    runs = [world.sync(client, account["id"], force=True)["run_id"] for _ in range(3)]
    path = f"/v1/accounts/{account['id']}/syncs"

    seen, cursor = [], None
    while True:
        body = client.get(path, params={"page_size": 1, **({"cursor": cursor} if cursor else {})}).json()
        assert len(body["results"]) == 1
        seen.append(body["results"][0]["id"])
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == runs[::-1]
    whole = client.get(path, params={"page_size": 100}).json()
    assert [r["id"] for r in whole["results"]] == seen and whole["next_cursor"] is None
    assert [r["id"] for r in world.hub.sync_runs(account["id"], page_size=2).results] == seen[:2]

    forged = base64.urlsafe_b64encode(json.dumps({"t": "yesterday", "i": 1}).encode()).decode()
    for cursor in ("garbage!", forged):
        assert_problem(client.get(path, params={"cursor": cursor}), 422, "invalid-request")
    assert_problem(client.get(path, params={"page_size": 101}), 422, "invalid-request")


def test_modified_after_means_the_hubs_clock_in_store_and_live_reads(make_world):
    world = make_world(employees=30, seed=11)
    client = world.customer()
    account = world.link(client)
    ids = lambda **params: {e["id"] for e in _all(client, account["id"], **params)}  # noqa: E731

    # Before any sync the hub has stored nothing: every record is a change it sees now.
    start = datetime.now(UTC) - timedelta(seconds=1)
    assert len(ids(mode="live", modified_after=start.isoformat())) == 30
    assert ids(mode="live", modified_after=(datetime.now(UTC) + timedelta(minutes=1)).isoformat()) == set()

    world.sync(client, account["id"])
    moment = datetime.now(UTC).isoformat()
    # Synced and unchanged since: nothing changed after `moment`, by either read.
    assert ids(modified_after=moment) == set() == ids(mode="live", modified_after=moment)

    world.sb.tenant.advance(hires=2, changes=3, terminations=1)
    # Not synced yet: the store has not seen the changes, a live read sees them now.
    live_before_sync = ids(mode="live", modified_after=moment)
    assert len(live_before_sync) >= 4 and ids(modified_after=moment) == set()

    world.sync(client, account["id"], force=True)
    stored = ids(modified_after=moment)
    assert stored == ids(mode="live", modified_after=moment) == live_before_sync
    # The provider's clock plays no part: its change times of the old records are long past.
    old = min(e["remote_modified_at"] for e in _all(client, account["id"]))
    assert ids(modified_after=old) == ids(mode="live", modified_after=old) == ids()


@st.composite
def _filters(draw, everyone):
    """Some employee filters, each with a value some employee has or an arbitrary text."""
    chosen = draw(st.sets(st.sampled_from(EVERY_FILTER), min_size=1, max_size=3))
    params = {}
    for name in sorted(chosen):
        if name == "employment_status":
            values = st.sampled_from(["ACTIVE", "PENDING", "LEAVE", "INACTIVE"])
        else:
            held = (
                sorted({g for e in everyone for g in (e["group_ids"] or ())})
                if name == "group_id"
                else sorted({e[name] for e in everyone if e[name]})
            )
            anything = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12)
            values = st.sampled_from(held) | st.sampled_from(held).map(str.upper) | anything
        params[name] = draw(values)
    return params


def _ascii_lower(text):
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


def _python_keeps(params, employee):
    for name, value in params.items():
        if name == "group_id":
            if value not in (employee["group_ids"] or ()):
                return False
        elif name == "work_email":
            if _ascii_lower(employee["work_email"] or "") != _ascii_lower(value):
                return False
        elif employee[name] != value:
            return False
    return True


def test_any_filters_keep_what_a_client_would_keep(synced):
    client, account = synced
    everyone = _all(client, account["id"])

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(params=_filters(everyone))
    def check(params):
        expected = [e["id"] for e in everyone if _python_keeps(params, e)]
        assert [e["id"] for e in _all(client, account["id"], **params)] == expected

    check()


def test_polling_from_the_last_finished_runs_start_misses_no_change(make_world):
    world = make_world(employees=25, seed=13)
    client = world.customer()
    account = world.link(client)
    runs = f"/v1/accounts/{account['id']}/syncs"
    first = world.sync(client, account["id"])
    seen = {e["id"]: e for e in _all(client, account["id"], include_deleted="true")}
    mark = client.get(runs, params={"page_size": 1}).json()["results"][0]
    assert mark["id"] == first["run_id"] and mark["status"] == "succeeded"

    change = world.sb.tenant.advance(hires=1, changes=2, terminations=1)
    gone = world.sb.tenant.leaf()
    world.sb.tenant.purge(gone["id"])
    second = world.sync(client, account["id"], full=True)

    polled = _all(client, account["id"], include_deleted="true", modified_after=mark["started_at"])
    now = {e["id"]: e for e in _all(client, account["id"], include_deleted="true")}
    differs = {i for i, e in now.items() if seen.get(i) != e}
    assert {e["id"] for e in polled} == differs
    assert {e["remote_id"] for e in polled} == set(change.employee_ids) | {gone["id"]}
    newest = client.get(runs, params={"page_size": 1}).json()["results"][0]
    assert newest["id"] == second["run_id"]
    assert {e["modified_at"] for e in polled} == {newest["started_at"]}
    assert _all(client, account["id"], include_deleted="true", modified_after=newest["started_at"]) == []


def test_expanding_a_reference_the_account_cannot_read_is_a_403_naming_the_permission(
    make_world, assert_problem
):
    world = make_world(employees=10, seed=2)
    world.sb.revoke("Read organisation")
    client = world.customer()
    account = world.link(client)
    assert _all(client, account["id"])  # employees themselves are readable

    for mode in ("auto", "live"):
        answer = client.get(
            "/v1/hris/employees",
            params={"expand": "manager,company", "mode": mode},
            headers={"X-Account-Id": account["id"]},
        )
        body = assert_problem(answer, 403, "missing-permission")
        assert body["permissions"] == ["Read organisation"]
    page = _get(client, "/v1/hris/employees", account["id"], expand="manager")["results"]
    assert any(e["manager"] for e in page)
