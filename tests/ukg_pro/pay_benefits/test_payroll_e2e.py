"""Pay groups, pay runs and pay statements, live from the UKG Pro sandbox over loopback HTTP.

Pay statements are UKG's POST reads (filters and paging in a JSON body, all-lowercase keys); a sync after
the first reads them by pay date, from the last sync less an overlap, not the whole history again.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from connectors.ukg_pro.sandbox import Sandbox, run_server
from hub import HttpSettings, Hub
from hub.accounts import AccountOptions
from hub.errors import MissingPermission
from unified_models import EarningType, PayFrequency, PayrollRunState, PayrollRunType

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def served():
    sb = Sandbox(employees=30, seed=9)
    with run_server(sb) as base_url:
        yield sb, base_url


def make_hub(base_url: str, database_url: str = "sqlite://") -> Hub:
    settings = HttpSettings(sandbox_origins=frozenset({base_url}), retry_initial_wait=0.01, max_attempts=3)
    return Hub(settings=settings, database_url=database_url)


def every(accessor) -> list:
    found, cursor = [], None
    while True:
        page = accessor.list(page_size=1000, cursor=cursor)
        assert not page.errors, page.errors[:3]
        found += page.results
        cursor = page.next_cursor
        if cursor is None:
            return found


def test_pay_runs_and_statements_join_up_and_add_up(served):
    sb, base_url = served
    hub = make_hub(base_url)
    account = hub.link("ukg_pro", sb.credentials(base_url))
    groups = {g.id: g for g in every(hub.pay_groups(account))}
    assert {g.remote_id for g in groups.values()} == {g.code for g in sb.tenant.pay_groups}
    assert {g.pay_frequency for g in groups.values()} == {
        PayFrequency.WEEKLY,
        PayFrequency.BIWEEKLY,
        PayFrequency.SEMIMONTHLY,
    }
    runs = {r.id: r for r in every(hub.payroll_runs(account))}
    assert all(r.pay_group_id in groups and r.run_type == PayrollRunType.REGULAR for r in runs.values())
    assert {r.run_state for r in runs.values()} == {PayrollRunState.CLOSED, PayrollRunState.DRAFT}
    assert all(r.start_date <= r.end_date <= r.check_date for r in runs.values())
    statements = every(hub.employee_payroll_runs(account))
    employees = {e.id for e in every(hub.employees(account))}
    assert len(statements) > 10 * len(employees) // 2
    for s in statements:
        assert s.employee_id in employees and s.payroll_run_id in runs and s.pay_group_id in groups
        run = runs[s.payroll_run_id]
        assert (run.check_date, run.start_date, run.end_date) == (s.check_date, s.start_date, s.end_date)
        assert sum(e.amount for e in s.earnings) == s.gross_pay
        assert sum(d.employee_deduction for d in s.deductions) == s.total_deductions
        assert sum(t.amount for t in s.taxes) == s.total_taxes
        assert abs(s.gross_pay - s.total_deductions - s.total_taxes - s.net_pay) <= Decimal("0.02")
        assert all(t.employer_tax is False for t in s.taxes)
    kinds = {e.type for s in statements for e in s.earnings}
    assert {EarningType.SALARY, EarningType.REGULAR, EarningType.OVERTIME} <= kinds
    pre_tax = {d.code: d.is_pre_tax for s in statements for d in s.deductions}
    assert pre_tax["MED"] is True and pre_tax["LIFE"] is False
    assert any(d.company_deduction > 0 for s in statements for d in s.deductions)


def test_statement_raw_data_hides_the_ssn_and_masks_account_numbers(served):
    sb, base_url = served
    hub = make_hub(base_url)
    default = hub.link("ukg_pro", sb.credentials(base_url))
    raw = hub.employee_payroll_runs(default).list(page_size=50, include_raw=True).results
    assert all(s.remote_data["pay-statements"]["ssn"] is None for s in raw)
    allowed = hub.link("ukg_pro", sb.credentials(base_url), options=AccountOptions(include_sensitive=True))
    shown = hub.employee_payroll_runs(allowed).list(page_size=200, include_raw=True).results
    numbers = [n["accountnumber"] for s in shown for n in s.remote_data["pay-statements"]["netpay"]]
    assert numbers and all(n.startswith("*") and n[-4:].isdigit() for n in numbers)
    assert any(s.remote_data["pay-statements"]["ssn"] for s in shown)


def test_pay_statements_need_their_permission_and_say_which(served):
    sb, base_url = served
    creds = sb.credentials(base_url)
    sb.revoke(creds["username"], "Employee Pay Statements")
    try:
        hub = make_hub(base_url)
        account = hub.link("ukg_pro", creds)
        status = account.permissions.actions["employee_payroll_runs.list"]
        assert not status.enabled and status.missing == ("Employee Pay Statements",)
        assert account.permissions.actions["payroll_runs.list"].enabled
        with pytest.raises(MissingPermission) as info:
            hub.employee_payroll_runs(account).list()
        assert info.value.permissions == ["Employee Pay Statements"]
    finally:
        sb.grant(creds["username"], "Employee Pay Statements")


def test_later_syncs_read_pay_statements_by_date_window(tmp_path):
    # The tenant's clock stands three weeks back, so the days it travels forward are still in the past.
    sb = Sandbox(employees=20, seed=4, now=datetime.now(UTC) - timedelta(days=21))
    with run_server(sb) as base_url:
        hub = make_hub(base_url, f"sqlite:///{tmp_path / 'hub.db'}")
        account = hub.link("ukg_pro", sb.credentials(base_url))
        first = hub.sync(account).models["EmployeePayrollRun"]
        assert first.mode == "full" and first.created == first.read > 100
        sb.tenant.travel(timedelta(days=15))  # two more weekly pay days, one more biweekly or semi-monthly
        second = hub.sync(account, force=True).models["EmployeePayrollRun"]
        assert second.mode == "window" and "less 35 days" in second.reason
        assert 0 < second.created < second.read < first.read / 3  # the window, not the history
        assert second.deleted == 0
        stored = every(hub.employee_payroll_runs(account))
        assert len(stored) == first.read + second.created
        full = hub.sync(account, full=True).models["EmployeePayrollRun"]
        assert full.mode == "full" and full.read == len(stored) and full.deleted == 0


def test_the_cli_lists_pay_runs(served, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from hub.cli import app

    sb, base_url = served
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    hub = make_hub(base_url, url)
    account = hub.link("ukg_pro", sb.credentials(base_url))
    hub.sync(account)
    monkeypatch.setenv("HRISHUB_DATABASE_URL", url)
    monkeypatch.setenv("HRISHUB_SANDBOX_ORIGINS", base_url)
    result = CliRunner().invoke(app, ["records", account.id, "payroll-runs", "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == len(every(hub.payroll_runs(account)))
