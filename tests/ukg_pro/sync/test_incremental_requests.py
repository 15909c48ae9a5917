"""An incremental sync after 100 HR changes: the requests it sends, and the records it stores.

UKG publishes lists of employee ids (``employeeId=[A,B]``) on user-defined-fields and
compensation-details only: those are read for all the changed employees at once. person-details and
employment-details take one id per filter but publish ``dateTimeChanged``: each is read once as the rows
changed since the feed's window (employment-details once for both models), and the changed employees'
other rows are taken from what the last sync stored. The job history takes one id per filter and
publishes ``dateTimeCreated``: it is read once as the rows added since the window, and each employee
with new rows gets its stored rows with the new ones (a hire, its new rows alone). The records stored are those a full
sync of the same tenant stores (their data; the raw rows kept beside them may differ where the feed
cannot see a change, as a manager's new name on the rows of the reports).
"""

from collections import Counter
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs

import pytest
from sqlalchemy import update

from connectors.ukg_pro.sandbox import Sandbox
from connectors.ukg_pro.scopes import CHANGE_FEED
from hub.store import tables as t

from .helpers import fresh_full_sync, stored_data, synced_counting

MODELS = ("Employee", "Employment")
JOB_HISTORY = "/personnel/v1/employee-job-history-details"
CHANGED_SINCE = {
    "/personnel/v1/person-details": "dateTimeChanged",
    "/personnel/v1/employment-details": "dateTimeChanged",
    JOB_HISTORY: "dateTimeCreated",
}
LISTED = ("/personnel/v1/user-defined-fields", "/personnel/v1/compensation-details")


@pytest.fixture(scope="module")
def synced(tmp_path_factory) -> SimpleNamespace:
    """A 400-person tenant synced in full, changed 100 times, synced from the feed; then synced afresh."""
    folder = tmp_path_factory.mktemp("incremental")
    sandbox = Sandbox(employees=400, seed=11)
    hub, account, counted = synced_counting(sandbox, folder / "incremental.db", MODELS)
    changes = sandbox.tenant.advance(hires=10, changes=80, terminations=10)
    cursor = hub.store.sync_state.get(account.id, "Employee")["cursor"]
    counted.seen.clear()
    report = hub.sync(account, models=MODELS, force=True)
    incremental = stored_data(hub, account.id)
    hub.close()

    full = fresh_full_sync(sandbox, folder / "full.db", MODELS)
    return SimpleNamespace(
        report=report,
        seen=counted.seen,
        ids=changes.employee_ids,
        incremental=incremental,
        full=full,
        window_start=cursor - CHANGE_FEED.overlap,
    )


def test_the_sync_asks_each_endpoint_as_few_times_as_ukg_allows(synced) -> None:
    report = synced.report
    assert report.status == "succeeded"
    assert {report.models[m].mode for m in MODELS} == {"feed"}
    assert len(synced.ids) == 100
    assert [key for key, n in synced.seen.items() if n > 1] == []  # nothing asked twice
    by_path = Counter(path for path, _, _ in synced.seen.elements())
    day = (synced.window_start.date() - timedelta(days=2)).strftime("%m-%d-%Y")
    for path, moment in CHANGED_SINCE.items():
        queries = [parse_qs(query) for p, query, _ in synced.seen if p == path]
        assert queries and all(q[moment] == [f"=>{day}"] for q in queries), path
        assert all(set(q) == {moment, "page", "per_Page"} for q in queries), path  # no ids
        # Fewer rows than asked, and not a page size UKG caps at (100, 10,000): that page is the
        # last, with no request for an empty one after it.
        assert len(queries) == 1, path
    employee = report.models["Employee"].changed_reads
    for record in ("person-details", "employment-details"):
        counts = employee[record]
        assert counts["by_key"] == 0, record  # every changed employee was stored or came changed
        assert counts["changed"] + counts["stored"] == len(synced.ids), record
        assert counts["changed"] >= 10 and counts["stored"] >= 10, record  # hires changed; moves stored
    assert report.models["Employment"].changed_reads["employment-details"] == employee["employment-details"]
    history = report.models["Employment"].changed_reads["job-history-periods"]
    assert history["by_key"] == 0  # hires' rows are all new: their employment was created in the window
    assert history["changed"] + history["stored"] == len(synced.ids)
    assert history["changed"] >= 20 and history["stored"] >= 10  # hires, moves and leavers; address changes
    for path in LISTED:
        queries = [parse_qs(query) for p, query, _ in synced.seen if p == path]
        firsts = [q for q in queries if q["page"] == ["1"]]
        assert len(firsts) == 1 and len(queries) <= 2, path  # every id in one list, and one page more at most
        listed = firsts[0]["employeeId" if "employeeId" in firsts[0] else "employeeID"][0]
        assert set(listed.strip("[]").split(",")) == synced.ids, path
    assert by_path["/personnel/v1/employee-changes"] <= 2
    assert by_path["/configuration/v1/org-levels"] == by_path["/configuration/v1/code-tables/JOBCHANGE"] == 1
    assert report.requests == sum(by_path.values()) <= 12


def test_the_records_stored_are_those_a_full_sync_stores(synced) -> None:
    report = synced.report
    assert report.models["Employee"].created == 10 and report.models["Employee"].read == 100
    assert len(synced.full) > 800
    assert synced.incremental == synced.full  # the same records, ids and data, sensitive fields too


def synced_without_raw(
    sandbox: Sandbox, folder: Path, model: str, path: str, **changes: int
) -> tuple[Any, dict, Any, set[str]]:
    """Synced in full, ``model``'s raw data then emptied as if over the size cap, changed, synced from the
    feed: its report, what it stored, the changes, and the employee ids ``path`` was read for by id."""
    hub, account, counted = synced_counting(sandbox, folder / "hub.db", MODELS)
    changed = sandbox.tenant.advance(**changes)
    r = t.records.c
    with hub.store.begin() as db:
        db.execute(update(t.records).where(r.account_id == account.id, r.model == model).values(raw=None))
    counted.seen.clear()
    report = hub.sync(account, models=MODELS, force=True)
    incremental = stored_data(hub, account.id)
    hub.close()
    by_id = {
        parse_qs(query)["employeeId"][0]
        for seen, query, _ in counted.seen
        if seen == path and "employeeId" in parse_qs(query)
    }
    return report, incremental, changed, by_id


def test_changed_employees_with_nothing_stored_are_read_by_id_and_the_report_says_so(tmp_path) -> None:
    """Raw data over the size cap (stored as null) or a record never stored: its unchanged rows are
    not known, so that employee is read by id, as before changed reads existed."""
    sandbox = Sandbox(employees=60, seed=5)
    report, incremental, changes, by_id = synced_without_raw(
        sandbox, tmp_path, "Employee", "/personnel/v1/person-details", changes=6
    )
    employee = report.models["Employee"]
    person = employee.changed_reads["person-details"]
    assert person["stored"] == 0 and person["by_key"] > 0 and by_id
    assert person["changed"] + person["by_key"] == employee.read  # a key per (company, employee)
    assert by_id <= changes.employee_ids
    assert any("one key at a time" in warning for warning in employee.warnings)

    assert incremental == fresh_full_sync(sandbox, tmp_path / "full.db", MODELS)


def test_job_history_with_nothing_stored_is_read_by_id_except_a_hire_s(tmp_path) -> None:
    """An employee whose stored Employment rows are not known (raw data over the cap) has the job history
    read by id, whether it has new rows or not; a hire's rows are all new, so nothing is read by id."""
    sandbox = Sandbox(employees=60, seed=5)
    report, incremental, changes, by_id = synced_without_raw(
        sandbox, tmp_path, "Employment", JOB_HISTORY, hires=2, changes=8
    )
    assert by_id == set(changes.changed)
    history = report.models["Employment"].changed_reads["job-history-periods"]
    moved = {i for i, kind in changes.kinds.items() if kind not in ("address", "name")}
    assert 0 < len(moved) < len(changes.changed)  # new job-history rows for some, none for the others
    assert history["stored"] == 0 and history["changed"] == len(moved) + len(changes.hired)
    assert history["by_key"] == len(changes.changed) - len(moved)
    assert incremental == fresh_full_sync(sandbox, tmp_path / "full.db", MODELS)


def test_on_postgresql_the_stored_job_history_is_found_by_employee_and_the_data_is_a_full_syncs(
    postgres_url, tmp_path
) -> None:
    """The stored rows of the changed employees come through the store's index on ``employee_id``,
    spelled for PostgreSQL's jsonb: the same records as a fresh full sync's."""
    from hub import HttpSettings, Hub

    sandbox = Sandbox(employees=60, seed=8)
    hub = Hub(
        transport=sandbox.transport(),
        settings=HttpSettings(retry_initial_wait=0.001),
        database_url=postgres_url,
    )
    account = hub.link("ukg_pro", sandbox.credentials())
    assert hub.sync(account, models=MODELS).status == "succeeded"
    changes = sandbox.tenant.advance(hires=2, changes=8, terminations=1)
    report = hub.sync(account, models=MODELS, force=True)
    incremental = stored_data(hub, account.id)
    hub.close()

    history = report.models["Employment"].changed_reads["job-history-periods"]
    assert history["by_key"] == 0 and history["stored"] > 0 and history["changed"] > 0
    assert history["changed"] + history["stored"] == len(changes.employee_ids)
    assert incremental == fresh_full_sync(sandbox, tmp_path / "full.db", MODELS)


def test_a_feed_read_in_several_batches_reads_the_changed_rows_once(tmp_path, monkeypatch) -> None:
    """Each batch of the feed's keys takes its rows from the same changed-rows reads, made once."""
    from dataclasses import replace

    sandbox = Sandbox(employees=80, seed=4)
    hub, account, counted = synced_counting(sandbox, tmp_path / "hub.db", MODELS)
    connectors = hub.registry.connectors
    small_batches = replace(CHANGE_FEED, batch=4)
    monkeypatch.setitem(connectors, "ukg_pro", replace(connectors["ukg_pro"], change_feed=small_batches))
    changes = sandbox.tenant.advance(hires=2, changes=10, terminations=1)
    counted.seen.clear()
    report = hub.sync(account, models=MODELS, force=True)
    incremental = stored_data(hub, account.id)
    hub.close()

    assert report.status == "succeeded" and report.models["Employee"].read >= len(changes.employee_ids)
    for path, moment in CHANGED_SINCE.items():
        changed_reads = [q for seen, q, _ in counted.seen.elements() if seen == path and moment in q]
        assert len(changed_reads) == 1, path  # four batches at least, one read
    assert incremental == fresh_full_sync(sandbox, tmp_path / "full.db", MODELS)
