"""Dependents, emergency contacts and bank accounts, live from the UKG Pro sandbox over loopback HTTP.

Through the three ways in: the Python accessors, the HTTP API (a real server) and the CLI. Sensitive values
(dependents' dates of birth and ids, disability, account numbers) are hidden unless the account allows them;
account numbers are masked unless the operator enables full numbers.
"""

from __future__ import annotations

import json
import re

import pytest

from connectors.ukg_pro.sandbox import Sandbox, run_server
from hub import HttpSettings, Hub
from hub.accounts import AccountOptions
from hub.errors import MissingPermission
from unified_models import BankAccountType, ContactRelationship

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def served():
    sb = Sandbox(employees=40, seed=5)
    with run_server(sb) as base_url:
        yield sb, base_url


def make_hub(base_url: str, **settings) -> Hub:
    return Hub(
        settings=HttpSettings(
            sandbox_origins=frozenset({base_url}), retry_initial_wait=0.01, max_attempts=3, **settings
        ),
        database_url="sqlite://",
    )


@pytest.fixture
def hub(served):
    return make_hub(served[1])


@pytest.fixture
def creds(served):
    sb, base_url = served
    return sb.credentials(base_url)


def contacts_of(sb: Sandbox) -> list[dict]:
    from connectors.ukg_pro.sandbox import records
    from connectors.ukg_pro.sandbox.records import RecordContext

    ctx = RecordContext(sb.tenant, sb.settings)
    rows = {}
    for e in sb.tenant.employments:
        for i in range(records.contact_count(e)):
            row = records.contacts((e, i), ctx)
            rows[(row["employeeId"], row["contactId"])] = row
    return list(rows.values())


def test_dependents_and_emergency_contacts_follow_ukg_contact_flags(hub, creds, served):
    sb, _ = served
    account = hub.link("ukg_pro", creds)
    dependents = hub.dependents(account).list(page_size=1000)
    contacts = hub.emergency_contacts(account).list(page_size=1000)
    assert not dependents.errors and not contacts.errors
    rows = contacts_of(sb)
    assert {d.remote_id for d in dependents.results} == {
        r["contactId"] for r in rows if r["isDependent"] or r["isBeneficiary"]
    }
    assert {c.remote_id for c in contacts.results} == {
        r["contactId"] for r in rows if r["isEmergencyContact"]
    }
    employees = {e.id for e in hub.employees(account).list(page_size=1000).results}
    assert all(d.employee_id in employees for d in dependents.results)
    assert all(c.employee_id in employees for c in contacts.results)
    assert {d.relationship for d in dependents.results} >= {
        ContactRelationship.SPOUSE,
        ContactRelationship.CHILD,
    }
    # Sensitive: hidden by default, even in raw data.
    assert all(d.date_of_birth is None and d.is_disabled is None for d in dependents.results)
    raw = hub.dependents(account).list(page_size=1000, include_raw=True).results
    assert all(d.remote_data["dependent-contacts"]["dateOfBirth"] is None for d in raw)
    allowed = hub.link("ukg_pro", creds, options=AccountOptions(include_sensitive=True))
    shown = hub.dependents(allowed).list(page_size=1000).results
    children = [d for d in shown if d.relationship == ContactRelationship.CHILD]
    assert children and all(d.date_of_birth is not None for d in children)


def test_bank_accounts_are_masked_unless_the_operator_enables_full_numbers(hub, creds, served):
    base_url = served[1]
    default = hub.link("ukg_pro", creds)
    hidden = hub.bank_accounts(default).list(page_size=1000, include_raw=True).results
    assert hidden and all(b.account_number is None for b in hidden)
    assert all(b.remote_data["direct-deposit"]["account"] is None for b in hidden)
    allowed = hub.link("ukg_pro", creds, options=AccountOptions(include_sensitive=True))
    shown = hub.bank_accounts(allowed).list(page_size=1000, include_raw=True).results
    assert all(re.fullmatch(r"\*{6,}\d{4}", b.account_number) for b in shown)
    assert all(re.fullmatch(r"\*+\d{4}", b.remote_data["direct-deposit"]["account"]) for b in shown)
    assert {b.account_type for b in shown} == {BankAccountType.CHECKING, BankAccountType.SAVINGS}
    by_employee: dict[str, list] = {}
    for b in shown:
        by_employee.setdefault(b.employee_id, []).append(b)
    for accounts in by_employee.values():  # one account takes what is left, and it comes last
        ordered = sorted(accounts, key=lambda b: b.order)
        assert [b.is_remainder for b in ordered][-1] is True
        assert all((b.amount is None) != (b.percent is None) for b in ordered[:-1])
    whole = make_hub(base_url, full_account_numbers=True)
    full = whole.bank_accounts(whole.link("ukg_pro", creds, options=AccountOptions(include_sensitive=True)))
    assert all(b.account_number.isdigit() for b in full.list(page_size=1000).results)


def test_bank_info_needs_employee_direct_deposit(hub, creds, served):
    sb, _ = served
    sb.revoke(creds["username"], "Employee Direct Deposit")
    try:
        account = hub.link("ukg_pro", creds)
        status = account.permissions.actions["bank_accounts.list"]
        assert not status.enabled and status.missing == ("Employee Direct Deposit",)
        with pytest.raises(MissingPermission):
            hub.bank_accounts(account).list()
        assert hub.dependents(account).list(page_size=2).results
    finally:
        sb.grant(creds["username"], "Employee Direct Deposit")


def test_sync_stores_them_sealed_and_the_cli_reads_them(served, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from hub.cli import app

    sb, base_url = served
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    hub = Hub(
        settings=HttpSettings(sandbox_origins=frozenset({base_url}), retry_initial_wait=0.01),
        database_url=url,
    )
    account = hub.link("ukg_pro", sb.credentials(base_url), options=AccountOptions(include_sensitive=True))
    report = hub.sync(account)
    for model in ("Dependent", "EmergencyContact", "BankInfo"):
        assert report.models[model].mode == "full" and report.models[model].read > 0, model
    stored = (tmp_path / "hub.db").read_bytes()
    sample = hub.bank_accounts(account).list(page_size=1).results[0].account_number
    assert sample and sample.encode() not in stored  # sealed at rest
    monkeypatch.setenv("HRISHUB_DATABASE_URL", url)
    monkeypatch.setenv("HRISHUB_SANDBOX_ORIGINS", base_url)
    result = CliRunner().invoke(app, ["records", account.id, "emergency-contacts", "--json"])
    assert result.exit_code == 0, result.output
    assert {r["remote_id"] for r in json.loads(result.stdout)} == {
        c.remote_id for c in hub.emergency_contacts(account).list(page_size=1000).results
    }
    wrong = CliRunner().invoke(app, ["records", account.id, "pets"])
    assert wrong.exit_code != 0 and "pets.list" in wrong.output
