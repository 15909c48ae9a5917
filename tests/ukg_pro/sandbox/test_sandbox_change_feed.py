"""The change feed after advancing the tenant, and the tenant clock."""

from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

import httpx
import pytest

from connectors.ukg_pro.sandbox import Sandbox

FEED = "/personnel/v1/employee-changes"
US_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$")


async def feed(client: httpx.AsyncClient, start: str, end: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    page = 1
    while True:
        response = await client.get(
            FEED, params={"startDate": start, "endDate": end, "page": page, "per_page": 4}
        )
        assert response.status_code == 200, response.text
        if not response.json():
            return rows
        rows.extend(response.json())
        page += 1


async def test_nothing_changed_after_generation(client: httpx.AsyncClient, sb: Sandbox) -> None:
    midnight = sb.tenant.as_of.isoformat() + "T00:00:00"
    assert await feed(client, midnight, sb.tenant.now.isoformat()) == []


async def test_feed_reports_exactly_the_advanced_employees(client: httpx.AsyncClient, sb: Sandbox) -> None:
    sb.tenant.travel(timedelta(hours=3))
    start = sb.tenant.now
    summary = sb.tenant.advance(hires=3, changes=5, terminations=2)
    assert (len(summary.hired), len(summary.changed), len(summary.terminated)) == (3, 5, 2)
    assert len(summary.employee_ids) == 10 and summary.at == start
    sb.tenant.travel(timedelta(minutes=5))
    rows = await feed(client, (start - timedelta(seconds=1)).isoformat(), sb.tenant.now.isoformat())
    assert {r["employeeId"] for r in rows} == summary.employee_ids
    by_id = {r["employeeId"]: r for r in rows}
    for employee_id in summary.terminated:
        row = by_id[employee_id]
        assert row["isActive"] is False and row["employeeStatus"].rstrip() == "T"
        assert row["terminationDate"] == f"{start.month}/{start.day}/{start.year} 12:00:00 AM"
    for employee_id in summary.hired:
        row = by_id[employee_id]
        assert row["isActive"] is True and row["employeeStatus"].rstrip() == "A"
        assert row["hireDate"] == f"{start.month}/{start.day}/{start.year} 12:00:00 AM"
        assert row["terminationDate"] == ""
    # a window before the advance sees none of it
    assert (
        await feed(
            client, (start - timedelta(hours=2)).isoformat(), (start - timedelta(seconds=1)).isoformat()
        )
        == []
    )


async def test_feed_rows_are_snapshots_in_the_feeds_own_style(client: httpx.AsyncClient, sb: Sandbox) -> None:
    summary = sb.tenant.advance(changes=12)
    rows = await feed(client, sb.tenant.as_of.isoformat(), sb.tenant.now.isoformat())
    assert {r["employeeId"] for r in rows} == set(summary.changed)
    everyone = await feed(client, "2000-01-01", sb.tenant.now.isoformat())
    assert len(everyone) == len(sb.tenant.employments)
    rows += everyone
    for row in rows:
        assert all(value is not None for value in row.values())
        assert US_DATE.match(str(row["hireDate"])) and US_DATE.match(str(row["dateOfLastHire"]))
        assert row["terminationDate"] == "" or US_DATE.match(str(row["terminationDate"]))
        assert isinstance(row["employeeNumber"], str) and len(str(row["employeeNumber"])) == 9
        assert "workLocation" in row and "workLocationCode" not in row
        assert row["userIntegrationKey"] == ""
    assert any(row["orgLevel4Code"] == "" or row["middleName"] == "" for row in rows)


async def test_feed_location_key_follows_the_setting(client: httpx.AsyncClient, sb: Sandbox) -> None:
    sb.configure(change_feed_location_key="workLocationCode")
    sb.tenant.advance(changes=1)
    rows = await feed(client, sb.tenant.as_of.isoformat(), sb.tenant.now.isoformat())
    assert "workLocationCode" in rows[0] and "workLocation" not in rows[0]


async def test_changes_show_in_the_other_endpoints(client: httpx.AsyncClient, sb: Sandbox) -> None:
    summary = sb.tenant.advance(hires=2, terminations=1)
    stamp = sb.tenant.now.isoformat(timespec="milliseconds").rstrip("0").rstrip(".")
    for employee_id in summary.hired:
        person = (await client.get(f"/personnel/v1/person-details/{employee_id}")).json()
        assert person["datetimeCreated"] == stamp
        history = await client.get(
            "/personnel/v1/employee-job-history-details", params={"employeeId": employee_id}
        )
        assert [h["reasonCode"] for h in history.json()] == ["100"]
    gone = summary.terminated[0]
    employment = (await client.get("/personnel/v1/employment-details", params={"employeeId": gone})).json()[0]
    assert employment["employeeStatusCode"].rstrip() == "T" and employment["dateTimeChanged"] == stamp
    assert employment["termReason"] and employment["termType"] in ("V", "I")
    recent = (
        await client.get("/personnel/v1/employment-details", params={"dateTimeChanged": f">={stamp}"})
    ).json()
    assert {r["employeeID"] for r in recent} == set(summary.hired) | {gone}


async def test_promotions_and_transfers_add_job_history(kit: SimpleNamespace) -> None:
    sb = kit.make_sandbox(employees=120, seed=4)
    summary = sb.tenant.advance(changes=40)
    kinds = set(summary.kinds.values())
    assert {"promotion", "merit", "transfer"} <= kinds
    for employee_id, kind in summary.kinds.items():
        e = sb.tenant.home(employee_id)
        assert e is not None
        last = e.history[-1]
        if kind == "promotion":
            assert last.is_promotion and last.is_job_change and last.reason == "200"
        elif kind == "transfer":
            assert last.is_transfer and last.is_org_change


async def test_without_start_date_the_feed_continues_from_the_last_call(
    client: httpx.AsyncClient, sb: Sandbox
) -> None:
    first = await client.get(FEED)
    assert first.status_code == 200 and first.json() == []
    sb.tenant.travel(timedelta(hours=3))
    summary = sb.tenant.advance(changes=2)
    sb.tenant.travel(timedelta(minutes=1))
    second = await client.get(FEED)
    assert {r["employeeId"] for r in second.json()} == set(summary.changed)
    sb.tenant.travel(timedelta(hours=3))
    assert (await client.get(FEED)).json() == []


@pytest.mark.parametrize(
    "params",
    [
        {"startDate": "not a date"},
        {"endDate": "2024-13-01"},
        {"startDate": "2025-02-01", "endDate": "2025-01-01"},
    ],
)
async def test_bad_windows_are_400(client: httpx.AsyncClient, params: dict[str, str]) -> None:
    assert (await client.get(FEED, params=params)).status_code == 400


async def test_window_formats(client: httpx.AsyncClient, sb: Sandbox) -> None:
    summary = sb.tenant.advance(changes=3)
    day = sb.tenant.now
    for start, end in [
        (day.date().isoformat(), day.date().isoformat()),  # bare end date: the whole day
        (f"{day.month}/{day.day}/{day.year}", f"{day.month}/{day.day}/{day.year} 11:59:59 PM"),
        ((day - timedelta(minutes=1)).isoformat() + "Z", (day + timedelta(minutes=1)).isoformat() + "+00:00"),
    ]:
        rows = await feed(client, start, end)
        assert {r["employeeId"] for r in rows} == set(summary.changed), (start, end)


async def test_admin_advance_and_clock(
    sb: Sandbox, anonymous: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    clock = await anonymous.post("/_sandbox/clock", json={"now": "2025-07-01T10:00:00"})
    assert clock.json() == {"now": "2025-07-01T10:00:00"}
    advanced = await anonymous.post("/_sandbox/advance", json={"hires": 1, "changes": 2, "terminations": 1})
    assert advanced.status_code == 200
    body = advanced.json()
    assert body["at"] == "2025-07-01T10:00:00"
    assert len(body["hired"]) == 1 and len(body["changed"]) == 2 and len(body["terminated"]) == 1
    rows = await feed(client, "2025-07-01T09:59:00", "2025-07-01T10:01:00")
    assert {r["employeeId"] for r in rows} == set(body["hired"] + body["changed"] + body["terminated"])
    moved = await anonymous.post("/_sandbox/clock", json={"advance_seconds": 60})
    assert moved.json() == {"now": "2025-07-01T10:01:00"}
    state = (await anonymous.get("/_sandbox/state")).json()
    assert state["tenant"]["now"] == "2025-07-01T10:01:00"
    assert state["tenant"]["version"] == 1
    too_many = await anonymous.post("/_sandbox/advance", json={"terminations": 10_000})
    assert too_many.status_code == 400


def test_clock_controls(kit: SimpleNamespace) -> None:
    sb = kit.make_sandbox(employees=10)
    start = sb.tenant.now
    assert start == kit.NOW
    assert sb.tenant.travel(timedelta(days=1)) == kit.NOW + timedelta(days=1)
    sb.tenant.now = kit.NOW
    assert sb.tenant.now == kit.NOW
    sb.tenant.unfreeze()
    assert sb.tenant.now >= kit.NOW
    live = Sandbox(employees=10)
    assert live.tenant.as_of == live.tenant.now.date()
