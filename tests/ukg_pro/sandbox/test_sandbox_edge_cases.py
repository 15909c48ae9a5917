"""UKG's edge cases are in every generated tenant, found in the rows it serves.

One test per edge case, over the tests' tenant (60 people, seed 11), the demo's (60, seed 7) and the
default one (250, seed 7), so a change to the generator cannot lose one silently. Rows holding an edge
case are validated against the published schemas too: padded codes and rehires stay UKG's shapes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from connectors.ukg_pro.sandbox import ENDPOINTS, Sandbox
from connectors.ukg_pro.sandbox.published import NULLABLE

EMPLOYMENT = "/personnel/v1/employment-details"
HISTORY = "/personnel/v1/employee-job-history-details"
UDF = "/personnel/v1/user-defined-fields"

TENANTS = {"tests": (60, 11), "demo": (60, 7), "default": (250, 7)}


@pytest.fixture(params=list(TENANTS))
def sb(request: pytest.FixtureRequest, kit: SimpleNamespace) -> Sandbox:
    """Each tenant in turn (the conftest's ``client`` serves it)."""
    employees, seed = TENANTS[request.param]
    return kit.make_sandbox(employees=employees, seed=seed)


@pytest.fixture
def rows_of(kit: SimpleNamespace, client: httpx.AsyncClient) -> Any:
    """Every row of an endpoint (all pages; one call when it is not paged)."""

    async def read(path: str, **params: Any) -> list[dict[str, Any]]:
        endpoint = next(e for e in ENDPOINTS if e.path == path)
        if endpoint.paged:
            return await kit.get_all(client, path, per_page=1_000, **params)
        response = await client.get(path, params=params)
        assert response.status_code == 200, response.text
        return response.json()

    return read


def assert_valid(kit: SimpleNamespace, spec: dict[str, Any], path: str, rows: list[dict[str, Any]]) -> None:
    errors = [e.message for e in kit.validator(spec, kit.response_schema(spec, path)).iter_errors(rows)]
    assert errors == [], (path, errors[:5])


async def test_a_person_with_jobs_in_two_companies(
    kit: SimpleNamespace, spec: dict[str, Any], rows_of: Any
) -> None:
    companies: dict[str, set[str]] = defaultdict(set)
    for row in await rows_of(EMPLOYMENT):
        companies[row["employeeID"]].add(row["companyID"])
    both = [employee for employee, ids in companies.items() if len(ids) == 2]
    assert both
    employee = both[0]
    jobs = await rows_of("/personnel/v1/employee-employment-details", employeeID=employee)
    assert sorted(row["isHomeCompany"] for row in jobs) == [False, True]
    home = next(row["companyID"] for row in jobs if row["isHomeCompany"])
    assert {row["homeCompany"] for row in jobs} == {home}
    # UDFs belong to the person: one row, the same whichever company is asked about.
    udfs = await rows_of(UDF, employeeId=employee)
    assert len(udfs) == 1 and set(udfs[0]) == {
        "employeeId",
        "personnelUserDefinedFields",
        "internationalUserDefinedFields",
    }
    for company in companies[employee]:
        assert [r for r in await rows_of(UDF, companyId=company) if r["employeeId"] == employee] == udfs
    everyone = await rows_of(UDF)
    assert len(everyone) == len({row["employeeId"] for row in everyone}) == len(companies)
    assert_valid(kit, spec, UDF, udfs)


async def test_a_rehire_with_the_earlier_spell_in_job_history(
    kit: SimpleNamespace, spec: dict[str, Any], rows_of: Any
) -> None:
    rehires = [
        row
        for row in await rows_of(EMPLOYMENT)
        if row["employeeStatusCode"].rstrip() == "A"
        and row["dateOfTermination"] is not None
        and row["originalHireDate"] < row["dateOfTermination"] < row["lastHireDate"]
    ]
    assert rehires
    rehire = rehires[0]
    assert rehire["termReason"] and rehire["dateLastWorked"] is None
    history = await rows_of(HISTORY, employeeId=rehire["employeeID"], companyId=rehire["companyID"])
    spells = [
        (row["jobEffectiveDate"], row["reasonCode"], row["employeeStatus"].rstrip())
        for row in sorted(history, key=lambda r: r["jobEffectiveDate"])
    ]
    assert spells[:3] == [
        (rehire["originalHireDate"], "100", "A"),
        (rehire["dateOfTermination"], "500", "T"),
        (rehire["lastHireDate"], "101", "A"),
    ]
    assert all(status == "A" for day, _, status in spells if day > rehire["lastHireDate"])
    assert_valid(kit, spec, EMPLOYMENT, [rehire])
    assert_valid(kit, spec, HISTORY, history)


async def test_a_supervisor_in_another_company(rows_of: Any) -> None:
    employments = await rows_of(EMPLOYMENT)
    jobs = {(row["employeeID"], row["companyID"]) for row in employments}
    across = [r for r in employments if r["supervisorCOID"] and r["supervisorCOID"] != r["companyID"]]
    assert across
    row = across[0]
    assert (row["supervisorID"], row["supervisorCOID"]) in jobs
    details = await rows_of(
        "/personnel/v1/employee-supervisor-details",
        employeeId=row["employeeID"],
        companyId=row["companyID"],
    )
    assert [(d["supervisorEmployeeID"], d["supervisorCompanyID"]) for d in details] == [
        (row["supervisorID"], row["supervisorCOID"])
    ]


async def test_us_and_canadian_addresses(rows_of: Any) -> None:
    people = await rows_of("/personnel/v1/person-details")
    by_country = defaultdict(list)
    for person in people:
        by_country[person["addressCountry"]].append(person)
    assert set(by_country) == {"USA", "CAN"}
    assert all(re.fullmatch(r"\d{5}", p["addressZipCode"]) for p in by_country["USA"])
    assert all(re.fullmatch(r"[A-Z]\d[A-Z] \d[A-Z]\d", p["addressZipCode"]) for p in by_country["CAN"])
    assert {p["addressState"] for p in by_country["CAN"]} <= {"ON", "BC", "QC", "AB", "MB", "NS"}


async def test_codes_padded_as_ukg_sends_them(
    kit: SimpleNamespace, spec: dict[str, Any], rows_of: Any
) -> None:
    employments = await rows_of(EMPLOYMENT)
    padded = [row for row in employments if row["fullTimeOrPartTimeCode"] in ("F ", "P ")]
    assert padded and all(
        row["employeeStatusCode"] == row["employeeStatusCode"].rstrip() + " " for row in padded
    )
    assert any(row["termReason"] and row["termReason"].endswith(" ") for row in padded)
    assert any(row["fullTimeOrPartTimeCode"] == "F" for row in employments)  # not every row
    pay = await rows_of("/personnel/v1/compensation-details")
    assert "CAD " in {row["currencyCode"] for row in pay} and "CAD" in {row["currencyCode"] for row in pay}
    history = await rows_of(HISTORY, employeeId=padded[0]["employeeID"], companyId=padded[0]["companyID"])
    assert all(row["fullTimeOrPartTime"].endswith(" ") for row in history)
    # Filters compare as UKG's SQL does, ignoring trailing spaces.
    full_time = await rows_of(EMPLOYMENT, fullTimeOrPartTimeCode="F")
    assert {r["employeeID"] for r in padded if r["fullTimeOrPartTimeCode"] == "F "} <= {
        r["employeeID"] for r in full_time
    }
    assert_valid(kit, spec, EMPLOYMENT, padded)
    assert_valid(kit, spec, "/personnel/v1/compensation-details", pay)


def _udf_schema_of_slot(spec: dict[str, Any]) -> dict[str, str]:
    """Each user-defined-field slot's published {field, value} schema (text, number or date-time)."""
    schemas = spec["components"]["schemas"]
    slots = {}
    for group in ("personnelUserDefinedFields", "internationalUserDefinedFields"):
        for slot, ref in schemas[f"UserDefinedFields_{group}"]["properties"].items():
            slots[slot] = ref["$ref"].rsplit("/", 1)[-1]
    return slots


async def test_a_null_in_every_optional_field(
    kit: SimpleNamespace, spec: dict[str, Any], rows_of: Any
) -> None:
    never_null: dict[str, set[str]] = {}
    seen: set[str] = set()
    slot_schema = _udf_schema_of_slot(spec)
    for endpoint in ENDPOINTS:
        if "{" in endpoint.path:
            continue  # the same records as the lists
        window = {"startDate": "1990-01-01", "endDate": kit.NOW.isoformat()}
        rows = await rows_of(endpoint.path, **(window if endpoint.path.endswith("employee-changes") else {}))
        name = kit.record_schema_name(spec, endpoint.path)
        records: dict[str, list[dict[str, Any]]] = {name: rows}
        if endpoint.path == UDF:
            records = defaultdict(list)
            for row in rows:
                for group in ("personnelUserDefinedFields", "internationalUserDefinedFields"):
                    for slot, pair in row[group].items():
                        records[slot_schema[slot]].append(pair)
        for schema, found in records.items():
            assert found, schema
            seen.add(schema)
            missing = {prop for prop in NULLABLE.get(schema, ()) if all(r[prop] is not None for r in found)}
            if missing:
                never_null[schema] = missing
    assert never_null == {}
    assert set(NULLABLE) <= seen


async def test_org_level_three_is_labelled_department(rows_of: Any) -> None:
    levels = await rows_of("/configuration/v1/org-levels")
    assert {row["levelDescription"] for row in levels if row["level"] == 3} == {"Department"}
    employments = await rows_of(EMPLOYMENT)
    departments = {row["code"] for row in levels if row["level"] == 3}
    assert {row["orgLevel3Code"] for row in employments} <= departments


@pytest.mark.parametrize("seed", range(1, 9))
def test_small_tenants_have_them_whatever_the_draws(kit: SimpleNamespace, seed: int) -> None:
    t = kit.make_sandbox(employees=20, seed=seed).tenant
    assert any(not e.is_home for e in t.employments)
    assert any(e.earlier is not None and e.status == "A" for e in t.employments)
    assert any(e.supervisor is not None and e.supervisor.company is not e.company for e in t.employments)
    assert {e.person.country for e in t.employments} == {"USA", "CAN"}
    converted = [e for e in t.employments if e.converted]
    assert any(e.company is t.component for e in converted) and any(e.status == "T" for e in converted)
