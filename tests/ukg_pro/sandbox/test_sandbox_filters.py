"""The filters the OpenAPI description names: ids, codes, statuses, booleans and date expressions."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlencode

import httpx
import pytest

from connectors.ukg_pro.sandbox import Sandbox
from connectors.ukg_pro.sandbox.query import FilterSpec, QueryParams, compile_filters

EMPLOYMENT = "/personnel/v1/employment-details"
PERSON = "/personnel/v1/person-details"


async def test_company_id_filter(client: httpx.AsyncClient, sb: Sandbox) -> None:
    component = sb.tenant.component.company_id
    rows = (await client.get(EMPLOYMENT, params={"companyId": component})).json()
    assert rows and {r["companyID"] for r in rows} == {component}
    assert len(rows) == sum(1 for e in sb.tenant.employments if e.company is sb.tenant.component)
    people = (await client.get(PERSON, params={"companyid": component.lower()})).json()
    assert {p["companyId"] for p in people} == {component}


async def test_employee_id_filter(client: httpx.AsyncClient, sb: Sandbox) -> None:
    # Lists of ids: test_sandbox_id_lists.py (only where UKG publishes them).
    one, two = sb.tenant.employments[4], sb.tenant.employments[9]
    rows = (await client.get(PERSON, params={"employeeId": one.employee_id})).json()
    assert [r["employeeId"] for r in rows] == [one.employee_id]
    assert [
        r["employeeID"] for r in (await client.get(EMPLOYMENT, params={"employeeID": two.employee_id})).json()
    ] == [two.employee_id]
    lower = await client.get(
        "/personnel/v1/compensation-details", params={"employeeId": two.employee_id.lower()}
    )
    assert [r["employeeID"] for r in lower.json()] == [two.employee_id]
    history = await client.get(
        "/personnel/v1/employee-job-history-details", params={"employeeId": one.employee_id}
    )
    assert len(history.json()) == len(one.history)
    assert (await client.get(PERSON, params={"employeeId": "NOSUCHPERSON"})).json() == []


async def test_status_filter(client: httpx.AsyncClient, sb: Sandbox) -> None:
    terminated = (await client.get(EMPLOYMENT, params={"employeeStatusCode": "T"})).json()
    # Codes of converted records come padded ("T "); the filter matches them as UKG's SQL does.
    assert terminated and all(
        r["employeeStatusCode"].rstrip() == "T" and r["dateOfTermination"] for r in terminated
    )
    assert any(r["employeeStatusCode"] == "T " for r in terminated)
    both = (await client.get(EMPLOYMENT, params={"employeeStatusCode": "A,L"})).json()
    assert {r["employeeStatusCode"].rstrip() for r in both} == {"A", "L"}
    assert len(both) + len(terminated) + sum(e.status in ("R", "S") for e in sb.tenant.employments) == len(
        sb.tenant.employments
    )


async def test_other_text_and_boolean_filters(client: httpx.AsyncClient, sb: Sandbox) -> None:
    part_time = (await client.get(EMPLOYMENT, params={"fullTimeOrPartTimeCode": "p"})).json()
    assert part_time and {r["fullTimeOrPartTimeCode"].rstrip() for r in part_time} == {"P"}
    hourly = (
        await client.get("/personnel/v1/compensation-details", params={"salaryOrHourlyCode": "H"})
    ).json()
    assert hourly and all(r["hourlyPayRate"] > 0 and r["salaryOrHourlyCode"] == "H" for r in hourly)
    second_jobs = (await client.get(EMPLOYMENT, params={"isHomeCompany": "false"})).json()
    assert len(second_jobs) == sum(1 for e in sb.tenant.employments if not e.is_home)
    promotions = await client.get(
        "/personnel/v1/employee-job-history-details", params={"isPromotion": "true"}
    )
    assert promotions.json() and all(r["isPromotion"] for r in promotions.json())
    active_jobs = (await client.get("/configuration/v1/jobs", params={"isActive": "false"})).json()
    assert [j["jobCode"] for j in active_jobs] == ["DATAENT"]
    canada = (await client.get("/configuration/v1/locations", params={"countryCode": "CAN"})).json()
    assert canada and {loc["countryCode"] for loc in canada} == {"CAN"}
    teams = (await client.get("/configuration/v1/org-levels", params={"levelDescription": "Team"})).json()
    assert teams and {t["level"] for t in teams} == {4}
    master = (
        await client.get("/configuration/v1/company-details", params={"isMasterCompany": "true"})
    ).json()
    assert [c["companyID"] for c in master] == [sb.tenant.master.company_id]


async def test_wildcards_on_demographics(client: httpx.AsyncClient, sb: Sandbox) -> None:
    last = sb.tenant.employments[0].person.last_name
    rows = (
        await client.get("/personnel/v1/employee-demographic-details", params={"lastName": last[:2] + "*"})
    ).json()
    assert rows and all(r["lastName"].lower().startswith(last[:2].lower()) for r in rows)


def _day(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def test_date_filters(client: httpx.AsyncClient, sb: Sandbox) -> None:
    everyone = (await client.get(EMPLOYMENT)).json()
    hires = sorted(_day(r["originalHireDate"]) for r in everyone)
    pivot = hires[len(hires) // 2]
    us_date = f"{pivot.month:02d}-{pivot.day:02d}-{pivot.year}"

    before = (await client.get(EMPLOYMENT, params={"originalHireDate": f"<{us_date}"})).json()
    after = (await client.get(EMPLOYMENT, params={"originalHireDate": f">{us_date}"})).json()
    on = (await client.get(EMPLOYMENT, params={"originalHireDate": us_date})).json()
    assert all(_day(r["originalHireDate"]) < pivot for r in before)
    assert all(_day(r["originalHireDate"]) > pivot for r in after)
    assert on and all(_day(r["originalHireDate"]) == pivot for r in on)
    assert len(before) + len(after) + len(on) == len(everyone)

    low, high = hires[5], hires[-5]
    between = (
        await client.get(
            EMPLOYMENT, params={"originalHireDate": f"{{{low.date().isoformat()},{high.date().isoformat()}}}"}
        )
    ).json()
    assert len(between) == sum(1 for h in hires if low <= h <= high)

    changed = sorted(_day(r["dateTimeChanged"]) for r in everyone)
    since = changed[-10]
    recent = (await client.get(EMPLOYMENT, params={"dateTimeChanged": f">={since.isoformat()}"})).json()
    assert len(recent) == sum(1 for c in changed if c >= since)
    people = (await client.get(PERSON, params={"dateTimeChanged": f">{since.isoformat()}"})).json()
    assert all(_day(p["datetimeChanged"]) > since for p in people)


@pytest.mark.parametrize("value", ["<yesterday", "{2024-01-01}", "13-45-2020", "2024-02-30"])
async def test_bad_dates_are_400(client: httpx.AsyncClient, value: str) -> None:
    response = await client.get(EMPLOYMENT, params={"dateTimeChanged": value})
    assert response.status_code == 400
    assert "dateTimeChanged" in response.json()["errors"]["modelstate"]


async def test_bad_boolean_is_400_and_unknown_parameters_are_ignored(client: httpx.AsyncClient) -> None:
    assert (await client.get("/configuration/v1/jobs", params={"isActive": "maybe"})).status_code == 400
    everything = (await client.get(PERSON)).json()
    assert (await client.get(PERSON, params={"favouriteColour": "blue"})).json() == everything


async def test_single_records_and_404s(client: httpx.AsyncClient, sb: Sandbox) -> None:
    e = sb.tenant.employments[7]
    one = await client.get(f"{PERSON}/{e.employee_id}")
    assert one.status_code == 200 and one.json()["employeeId"] == e.employee_id
    assert isinstance(one.json(), dict)
    assert (await client.get(f"{PERSON}/ZZZZZZZZZZZZ")).status_code == 404
    pto = await client.get(
        f"/personnel/v1/companies/{e.company.company_id}/employees/{e.employee_id}/pto-plans"
    )
    assert pto.status_code == 200 and {p["employeeId"] for p in pto.json()} == {e.employee_id}
    wrong_company = "ZZZZZ"
    missing = await client.get(f"/personnel/v1/companies/{wrong_company}/employees/{e.employee_id}/pto-plans")
    assert missing.status_code == 404
    assert (await client.get("/configuration/v1/jobs/swe1")).json()["jobCode"] == "SWE1"
    assert (await client.get("/configuration/v1/jobs/NOPE")).status_code == 404
    assert (await client.get("/configuration/v1/locations/tor01")).json()["countryCode"] == "CAN"


@pytest.mark.parametrize(
    ("path", "parameter", "field"),
    [
        (PERSON, "dateTimeChanged", "datetimeChanged"),
        (PERSON, "dateTimeCreated", "datetimeCreated"),
        (EMPLOYMENT, "dateTimeChanged", "dateTimeChanged"),
        (EMPLOYMENT, "dateTimeCreated", "dateTimeCreated"),
        ("/personnel/v1/employee-job-history-details", "dateTimeCreated", "dateTimeCreated"),
    ],
)
async def test_moments_filtered_before_records_are_built_match_the_records_served(
    client: httpx.AsyncClient, path: str, parameter: str, field: str
) -> None:
    """These filters read the employment behind a row (a large tenant builds only the matches); the
    answer is what filtering the served records by their own value gives, for every form of expression."""
    everyone = (await client.get(path)).json()
    moments = sorted(r[field] for r in everyone)
    middle = moments[len(moments) // 2]
    day = middle[:10]
    us_day = f"{day[5:7]}-{day[8:10]}-{day[:4]}"
    for expression in (f"=>{us_day}", f"=<{us_day}", us_day, f"{{{us_day},{us_day}}}", f">={middle}", middle):
        got = (await client.get(path, params={parameter: expression})).json()
        spec = {parameter.lower(): FilterSpec(field, "date")}
        (keep,) = compile_filters(spec, QueryParams(urlencode({parameter: expression})))
        expected = [r for r in everyone if keep(r, None)]
        assert got == expected, expression
        assert expression == f"=<{us_day}" or expected  # the expressions match something


async def test_a_filtered_read_pages_through_one_filtering_and_sees_the_tenant_change(
    client: httpx.AsyncClient, sb: Sandbox
) -> None:
    """The rows a date filter keeps are held for the query's next pages, never past a change."""
    moments = sorted(r["dateTimeChanged"] for r in (await client.get(EMPLOYMENT)).json())
    recent = datetime.fromisoformat(moments[-8][:10]).date() - timedelta(days=1)
    since = {"dateTimeChanged": f"=>{recent.strftime('%m-%d-%Y')}"}
    before = (await client.get(EMPLOYMENT, params=since)).json()
    assert len(before) >= 6
    pages = [
        (await client.get(EMPLOYMENT, params={**since, "page": n, "per_Page": 2})).json() for n in (1, 2, 3)
    ]
    assert [row for page in pages for row in page] == before[:6]
    changed = sb.tenant.advance(changes=3)
    after = (await client.get(EMPLOYMENT, params=since)).json()
    assert {r["employeeID"] for r in after} == {r["employeeID"] for r in before} | set(changed.changed)
