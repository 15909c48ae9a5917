"""UKG Pro traffic replayed from cassettes (recorded over real HTTP against the sandbox, scrubbed).

CI replays with recording off. To refresh the cassettes on purpose:
``HRISHUB_RECORD=all python3 -m pytest tests/ukg_pro/test_replay.py``. That also records the full sync
that ``tests/ukg_pro/replay/test_unified_models_replayed.py`` replays and checks field by field: its
expected values are read from the cassette, so re-read them when the tenant below changes.

The tenant (40 people, seed 21) holds each of UKG's edge cases (``connectors/ukg_pro/sandbox/README.md``):
EXO2A/PR0PX 0RY7TS0020L0 has a job in both companies, EXO2A XQQAYN0020L0 is a rehire, PR0PX 3NUFAR0020L0
lives in Canada and reports to EXO2A B8CQJG0010L0, EXO2A JM1K4D0000L0 is a converted record with padded
codes ("F ", "A "), EXO2A C3M7G80000L0 has nulls in most optional fields. Every paged endpoint serves 15
rows a page at most, so each list takes several pages.
"""

import os
from contextlib import nullcontext
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from connectors.ukg_pro.sandbox import Sandbox, run_server
from connectors.ukg_pro.sandbox.settings import DEFAULT_PAGE_LIMITS
from hub import HttpSettings, Hub
from hub.cassettes import make_vcr
from hub.errors import MissingPermission, ProviderAuthError
from unified_models import EmploymentStatus

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes" / "ukg_pro" / "test_replay"
RECORD_MODE = os.environ.get("HRISHUB_RECORD", "none")
PORT = 18765
BASE_URL = f"http://127.0.0.1:{PORT}"
SANDBOX = {
    "employees": 40,
    "seed": 21,
    "as_of": date(2026, 1, 15),
    "now": datetime(2026, 1, 15, 12, tzinfo=UTC),
    "page_limits": dict.fromkeys(DEFAULT_PAGE_LIMITS, 15),
}


@pytest.fixture(scope="module")
def tenant():
    """The recorded tenant: served for real only while recording."""
    sb = Sandbox(**SANDBOX)
    with run_server(sb, port=PORT) if RECORD_MODE != "none" else nullcontext(BASE_URL):
        yield sb


@pytest.fixture
def cassette(request, tenant):
    creds = tenant.credentials(BASE_URL)
    recorder = make_vcr(CASSETTES, RECORD_MODE, secrets=[creds["password"], creds["customer_api_key"]])
    with recorder.use_cassette(f"{request.node.name}.yaml"):
        yield creds


def hub():
    return Hub(settings=HttpSettings(sandbox_origins=frozenset({BASE_URL}), max_attempts=1))


def test_link_and_list_employees_replayed(cassette):
    h = hub()
    account = h.link("ukg_pro", cassette)
    assert account.permissions.missing == ()
    page = h.employees(account).list(page_size=1000)
    assert not page.errors
    ids = [e.id for e in page.results]
    assert len(ids) == len(set(ids)) == 41  # 40 people, one of them employed in both companies
    assert all(
        e.employment_status is None or isinstance(e.employment_status, EmploymentStatus) for e in page.results
    )
    if RECORD_MODE == "none":  # replayed bodies carry scrubbed fakes, never the tenant's personal data
        assert all(e.work_email is None or e.work_email.endswith("@example.invalid") for e in page.results)


def test_organisation_replayed(cassette):
    h = hub()
    account = h.link("ukg_pro", cassette)
    groups = h.groups(account).list(page_size=1000).results
    companies = h.companies(account).list().results
    assert {g.label for g in groups} >= {"Department"}
    assert len(companies) == 2 and sum(bool(c.is_parent) for c in companies) == 1


def test_employments_and_time_off_replayed(cassette):
    h = hub()
    account = h.link("ukg_pro", cassette)
    employments = h.employments(account).list(page_size=1000)
    balances = h.time_off_balances(account).list(page_size=1000)
    policies = h.time_off_policies(account).list(page_size=1000)
    assert employments.results and not employments.errors
    employees = {e.id for e in h.employees(account).list(page_size=1000).results}
    assert {j.employee_id for j in employments.results} <= employees
    assert {b.policy_id for b in balances.results} <= {p.id for p in policies.results}


def test_full_sync_replayed(cassette):
    """A first (full) sync: every supported model completes, no record fails, every value is used."""
    h = hub()
    account = h.link("ukg_pro", cassette, options={"include_sensitive": True})
    report = h.sync(account)
    assert report.status == "succeeded", report.errors
    for model, part in report.models.items():
        if model == "TimeOffRequest":
            assert part.mode == "skipped"
            continue
        assert part.complete and part.read, model
        assert (part.failed, part.problems, part.warnings) == (0, 0, []), model


def test_wrong_password_replayed(cassette):
    with pytest.raises(ProviderAuthError) as info:
        hub().link("ukg_pro", {**cassette, "password": "Wrong-Passw0rd"})
    assert "Service Account Administration" in info.value.remedy


def test_missing_permission_replayed(cassette, tenant):
    tenant.revoke(cassette["username"], "PTO Plan Integration")
    try:
        h = hub()
        account = h.link("ukg_pro", cassette)
        assert account.permissions.missing == ("PTO Plan Integration",)
        with pytest.raises(MissingPermission) as info:
            h.time_off_balances(account).list()
        assert info.value.permissions == ["PTO Plan Integration"]
    finally:
        tenant.grant(cassette["username"], "PTO Plan Integration")
