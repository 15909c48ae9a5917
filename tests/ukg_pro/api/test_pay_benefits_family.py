"""The pay, benefits and family resources through the HTTP API (a real server), synced from the sandbox."""

from __future__ import annotations

import pytest

SEGMENTS = (
    "pay-groups",
    "payroll-runs",
    "employee-payroll-runs",
    "dependents",
    "emergency-contacts",
    "bank-accounts",
)


@pytest.mark.parametrize("segment", SEGMENTS)
def test_each_new_resource_is_listed_from_the_store_and_got_by_id(synced, page_through, segment):
    client, account = synced
    rows = [
        row
        for page in page_through(client, f"/v1/hris/{segment}", account["id"], page_size=500)
        for row in page
    ]
    assert rows and len({row["id"] for row in rows}) == len(rows)
    one = client.get(f"/v1/hris/{segment}/{rows[-1]['id']}", headers={"X-Account-Id": account["id"]})
    assert one.status_code == 200 and one.json()["id"] == rows[-1]["id"]


def test_a_pay_statement_has_its_lines_as_json_numbers_and_expands_its_run(synced):
    client, account = synced
    answer = client.get(
        "/v1/hris/employee-payroll-runs",
        params={"page_size": 5, "expand": "payroll_run,employee"},
        headers={"X-Account-Id": account["id"]},
    )
    assert answer.status_code == 200, answer.text
    for row in answer.json()["results"]:
        assert isinstance(row["gross_pay"], (int, float)) and row["earnings"] and row["taxes"]
        assert isinstance(row["earnings"][0]["amount"], (int, float))
        assert row["payroll_run"]["check_date"] == row["check_date"]
        assert row["employee"]["id"] == row["employee_id"]


def test_sensitive_family_and_bank_fields_are_null_by_default(synced, page_through):
    client, account = synced
    banks = [
        r for p in page_through(client, "/v1/hris/bank-accounts", account["id"], page_size=500) for r in p
    ]
    assert banks and all(r["account_number"] is None and r["routing_number"] for r in banks)
    family = [r for p in page_through(client, "/v1/hris/dependents", account["id"], page_size=500) for r in p]
    assert family and all(r["date_of_birth"] is None and r["national_id"] is None for r in family)
