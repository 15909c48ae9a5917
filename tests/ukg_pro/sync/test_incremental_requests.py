"""An incremental sync after 100 HR changes: the requests it sends, and the records it stores.

UKG publishes lists of employee ids (``employeeId=[A,B]``) on user-defined-fields and
compensation-details only: those are read for all the changed employees at once. person-details,
employment-details and the job history take one id per filter, so they are read once per changed
employee, employment-details once for both models. The records stored are those a full sync of the
same tenant stores (their data; the raw rows kept beside them may differ where the feed cannot see a
change, as a manager's new name on the rows of the reports).
"""

from collections import Counter
from types import SimpleNamespace
from urllib.parse import parse_qs

import pytest

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub

from .helpers import CountingTransport, stored_data

MODELS = ("Employee", "Employment")
ONE_ID_A_REQUEST = (
    "/personnel/v1/person-details",
    "/personnel/v1/employment-details",
    "/personnel/v1/employee-job-history-details",
)
LISTED = ("/personnel/v1/user-defined-fields", "/personnel/v1/compensation-details")


@pytest.fixture(scope="module")
def synced(tmp_path_factory) -> SimpleNamespace:
    """A 400-person tenant synced in full, changed 100 times, synced from the feed; then synced afresh."""
    folder = tmp_path_factory.mktemp("incremental")
    sandbox = Sandbox(employees=400, seed=11)
    counted = CountingTransport(sandbox.transport())
    hub = Hub(
        transport=counted,
        settings=HttpSettings(retry_initial_wait=0.001),
        database_url=f"sqlite:///{folder / 'incremental.db'}",
    )
    account = hub.link("ukg_pro", sandbox.credentials())
    assert hub.sync(account, models=MODELS).status == "succeeded"
    changes = sandbox.tenant.advance(hires=10, changes=80, terminations=10)
    counted.seen.clear()
    report = hub.sync(account, models=MODELS, force=True)
    incremental = stored_data(hub, account.id)
    hub.close()

    fresh = Hub(transport=sandbox.transport(), database_url=f"sqlite:///{folder / 'full.db'}")
    other = fresh.link("ukg_pro", sandbox.credentials())
    assert fresh.sync(other, models=MODELS).status == "succeeded"
    full = stored_data(fresh, other.id)
    fresh.close()
    return SimpleNamespace(
        report=report, seen=counted.seen, ids=changes.employee_ids, incremental=incremental, full=full
    )


def test_the_sync_asks_each_endpoint_as_few_times_as_ukg_allows(synced) -> None:
    report = synced.report
    assert report.status == "succeeded"
    assert {report.models[m].mode for m in MODELS} == {"feed"}
    assert len(synced.ids) == 100
    assert [key for key, n in synced.seen.items() if n > 1] == []  # nothing asked twice
    by_path = Counter(path for path, _, _ in synced.seen.elements())
    for path in ONE_ID_A_REQUEST:
        assert by_path[path] == len(synced.ids), path
    for path in LISTED:
        queries = [parse_qs(query) for p, query, _ in synced.seen if p == path]
        firsts = [q for q in queries if q["page"] == ["1"]]
        assert len(firsts) == 1 and len(queries) <= 2, path  # every id in one list, and one page more at most
        listed = firsts[0]["employeeId" if "employeeId" in firsts[0] else "employeeID"][0]
        assert set(listed.strip("[]").split(",")) == synced.ids, path
    assert by_path["/personnel/v1/employee-changes"] <= 2
    assert by_path["/configuration/v1/org-levels"] == by_path["/configuration/v1/code-tables/JOBCHANGE"] == 1
    assert report.requests == sum(by_path.values()) <= 3 * len(synced.ids) + 8


def test_the_records_stored_are_those_a_full_sync_stores(synced) -> None:
    report = synced.report
    assert report.models["Employee"].created == 10 and report.models["Employee"].read == 100
    assert len(synced.full) > 800
    assert synced.incremental == synced.full  # the same records, ids and data, sensitive fields too
