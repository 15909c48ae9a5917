"""Benefit plans and enrolments, live from the UKG Pro sandbox over loopback HTTP.

UKG's emp-deductions answers 400 without a deduction code: the connector enumerates the codes from the
recent payroll deductions history, then reads each plan's enrolments.
"""

from __future__ import annotations

import pytest

from connectors.ukg_pro.sandbox import Sandbox, run_server
from connectors.ukg_pro.sandbox.payroll import enrolments
from hub import HttpSettings, Hub
from hub.errors import MissingPermission
from unified_models import BenefitPlanType

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def served():
    sb = Sandbox(employees=30, seed=12)
    with run_server(sb) as base_url:
        yield sb, base_url


def make_hub(base_url: str) -> Hub:
    settings = HttpSettings(sandbox_origins=frozenset({base_url}), retry_initial_wait=0.01, max_attempts=3)
    return Hub(settings=settings, database_url="sqlite://")


def test_every_enrolment_is_read_plan_by_plan_and_names_its_plan(served):
    sb, base_url = served
    hub = make_hub(base_url)
    account = hub.link("ukg_pro", sb.credentials(base_url))
    plans = {p.id: p for p in hub.employer_benefits(account).list(page_size=1000).results}
    assert {p.remote_id for p in plans.values()} == {"401K", "RRSP", "MED", "DEN", "VIS", "LIFE"}
    kinds = {p.remote_id: p.benefit_plan_type for p in plans.values()}
    assert kinds["MED"] == BenefitPlanType.MEDICAL and kinds["401K"] == BenefitPlanType.RETIREMENT
    assert {p.remote_id: p.is_pre_tax for p in plans.values()}["LIFE"] is False
    benefits = hub.benefits(account).list(page_size=1000).results
    expected = sum(len(enrolments(e)) for e in sb.tenant.employments)
    assert len(benefits) == expected
    employees = {e.id for e in hub.employees(account).list(page_size=1000).results}
    for b in benefits:
        assert b.employee_id in employees and b.employer_benefit_id in plans
        assert b.provider_name == plans[b.employer_benefit_id].provider_name
        assert b.start_date is not None and (b.end_date is None) == b.is_active
    assert any(b.company_contribution and b.company_contribution > 0 for b in benefits)


def test_enrolments_need_payroll_integration_for_the_codes(served):
    sb, base_url = served
    creds = sb.credentials(base_url)
    sb.revoke(creds["username"], "Payroll Integration")
    try:
        hub = make_hub(base_url)
        account = hub.link("ukg_pro", creds)
        status = account.permissions.actions["benefits.list"]
        assert not status.enabled and status.missing == ("Payroll Integration",)
        with pytest.raises(MissingPermission):
            hub.benefits(account).list()
    finally:
        sb.grant(creds["username"], "Payroll Integration")
