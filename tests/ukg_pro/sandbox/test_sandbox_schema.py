"""Every sound endpoint's responses validate against UKG's OpenAPI description (the subset)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import yaml

from connectors.ukg_pro.sandbox import ENDPOINTS, Sandbox
from connectors.ukg_pro.sandbox.records import NULLABLE

SPEC_PATHS = sorted(
    yaml.safe_load((Path(__file__).parent / "data" / "openapi-subset.yaml").read_text())["paths"]
)
# The one endpoint whose published schema is unsound (see conftest.py); checked against UKG's sample below.
SOUND_PATHS = [p for p in SPEC_PATHS if p != "/personnel/v1/employee-employment-details"]

# Keys the sandbox sends beyond a schema's properties, each backed by README section 5 or a UKG sample.
ADDITIONS: dict[str, set[str]] = {
    "EmployeeJobHistoryDetail": {"unionLocal"},  # in UKG's published job-history sample row
    "UserDefinedFields": {"companyId"},  # inferred: the endpoint filters by companyId
    "jobs": {"jobCode", "longDescription", "flsaTypeCode"},  # README: jobCode, longDescription, flsaTypeCode
    "locations": {"addressLine1", "addressLine2", "locationGLSegment"},  # README and UKG's locations sample
}
# Schema properties the sandbox does not send.
OMISSIONS: dict[str, set[str]] = {
    "jobs": {"code"},  # sent as jobCode (settings.job_code_keys); see ukg_sandbox_support
    "locations": {"id", "name", "type", "country"},  # untyped leftovers ({}), absent from UKG's samples
}


def concrete(sb: Sandbox, path: str) -> list[str]:
    """URLs for a path template: several employees, every job and location code."""
    t = sb.tenant
    if "{employeeId}" in path:
        picks = [t.employments[0], t.employments[-1], next(e for e in t.employments if e.status == "T")]
        picks += [e for e in t.employments if not e.is_home][:1]
        return [
            path.replace("{employeeId}", e.employee_id).replace("{companyId}", e.company.company_id)
            for e in picks
        ]
    if path == "/configuration/v1/jobs/{code}":
        return [path.replace("{code}", j.code) for j in t.jobs]
    if path == "/configuration/v1/locations/{code}":
        return [path.replace("{code}", loc.code) for loc in t.locations]
    return [path]


def errors_of(schema_validator: Any, value: Any) -> list[str]:
    found = sorted(schema_validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    return [f"{list(e.absolute_path)}: {e.message}" for e in found[:8]]


async def fetch(kit: SimpleNamespace, sb: Sandbox, client: httpx.AsyncClient, url: str) -> Any:
    matched = sb.app.router.match(url)
    assert matched is not None, url
    endpoint = matched[0]
    if url == "/personnel/v1/employee-changes":
        response = await client.get(url, params={"startDate": "1990-01-01", "endDate": kit.NOW.isoformat()})
        assert response.status_code == 200
        return response.json()
    if endpoint.paged and not endpoint.single:
        return await kit.get_all(client, url, per_page=40)
    response = await client.get(url)
    assert response.status_code == 200, (url, response.text)
    return response.json()


def test_the_subset_has_the_expected_endpoints() -> None:
    served = {e.path for e in ENDPOINTS}
    assert set(SPEC_PATHS) <= served
    assert served - set(SPEC_PATHS) == {"/configuration/v1/code-tables/{table}"}


@pytest.mark.parametrize("path", SOUND_PATHS)
async def test_every_response_validates(
    kit: SimpleNamespace, sb: Sandbox, client: httpx.AsyncClient, spec: dict[str, Any], path: str
) -> None:
    sb.tenant.advance(hires=3, changes=8, terminations=2)  # new hires, promotions, terminations too
    schema = kit.response_schema(spec, path)
    assert schema is not None
    check = kit.validator(spec, schema)
    for url in concrete(sb, path):
        body = await fetch(kit, sb, client, url)
        assert body, url
        assert errors_of(check, body) == [], url


@pytest.mark.parametrize("path", SOUND_PATHS)
async def test_keys_are_the_schema_properties(
    kit: SimpleNamespace, sb: Sandbox, client: httpx.AsyncClient, spec: dict[str, Any], path: str
) -> None:
    name = kit.record_schema_name(spec, path)
    assert name is not None
    declared = set(spec["components"]["schemas"][name]["properties"])
    expected = declared - OMISSIONS.get(name, set()) | ADDITIONS.get(name, set())
    body = await fetch(kit, sb, client, concrete(sb, path)[0])
    rows = body if isinstance(body, list) else [body]
    for row in rows:
        assert set(row) == expected, (path, set(row) ^ expected)


def test_nullable_declarations_name_optional_properties(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for name, props in NULLABLE.items():
        schema = schemas[name]
        assert props <= set(schema["properties"]), (name, props - set(schema["properties"]))
        assert not props & set(schema.get("required", ())), name


async def test_a_null_outside_the_declared_ones_fails(
    kit: SimpleNamespace, spec: dict[str, Any], client: httpx.AsyncClient
) -> None:
    rows = (await client.get("/personnel/v1/person-details", params={"per_Page": 1})).json()
    rows[0]["firstName"] = None
    check = kit.validator(spec, kit.response_schema(spec, "/personnel/v1/person-details"))
    assert errors_of(check, rows)
    rows[0]["firstName"], rows[0]["datetimeChanged"] = "Ann", "2024-01-01T00:00:00Z"  # zoned: not UKG's
    assert errors_of(check, rows)


# Keys of UKG's published employee-employment-details sample (EQKKKU000020 / 6Y4NV).
SAMPLE_EMPLOYEE_EMPLOYMENT_KEYS = frozenset(
    [
        "companyID",
        "employeeID",
        "homeCompany",
        "isHomeCompany",
        "isSupervisor",
        "primaryJobCode",
        "orgLevel1Code",
        "orgLevel2Code",
        "orgLevel3Code",
        "orgLevel4Code",
        "originalHireDate",
        "lastHireDate",
        "fullTimeOrPartTimeCode",
        "primaryWorkLocationCode",
        "languageCode",
        "primaryProjectCode",
        "workPhoneNumber",
        "workPhoneExtension",
        "workPhoneCountry",
        "dateInJob",
        "dateLastWorked",
        "benefitSeniorityDate",
        "seniorityDate",
        "deductionGroupCode",
        "earningGroupCode",
        "jobChangeReasonCode",
        "jobTitle",
        "employeeTypeCode",
        "employeeStatusCode",
        "employeeNumber",
        "leaveReasonCode",
        "supervisorID",
        "autoAllocate",
        "clockCode",
        "dateLastPayDatePaid",
        "earlyRetirementDate",
        "retirementDate",
        "suspensionDate",
        "terminationDate",
        "payGroupCode",
        "payPeriod",
        "paidThruDate",
        "employeeStatusStartDate",
        "hireSource",
        "isAutoAllocated",
        "isAutoPaid",
        "isHighlyCompensated",
        "isMultipleJob",
        "jobCode",
        "jobGroupCode",
        "annualSalary",
        "mailstop",
        "okToRehire",
        "plannedLeaveReason",
        "positionCode",
        "salaryOrHourly",
        "scheduledAnnualHours",
        "scheduledFTE",
        "scheduledWorkHours",
        "shift",
        "shiftGroup",
        "terminationReasonCode",
        "terminationDescription",
        "termType",
        "timeClockID",
        "weeklyHours",
        "dateTimeCreated",
        "dateTimeChanged",
        "employeeStatusExpectedEndDate",
        "integrationRecordId",
        "currentCompanyCountryCode",
        "homeCompanyCountryCode",
        "isKeyEmployee",
        "hourlyPayRate",
        "salaryEffectiveDate",
        "unionLocalCode",
        "unionNationalCode",
    ]
)


async def test_employee_employment_details_follow_the_sample(
    kit: SimpleNamespace, client: httpx.AsyncClient, sb: Sandbox
) -> None:
    rows = await kit.get_all(client, "/personnel/v1/employee-employment-details", per_page=50)
    assert len(rows) == len(sb.tenant.employments)
    for row in rows:
        assert set(row) == SAMPLE_EMPLOYEE_EMPLOYMENT_KEYS
        assert isinstance(row["isHomeCompany"], bool)
        assert isinstance(row["annualSalary"], float)
        assert row["originalHireDate"].endswith("T00:00:00")
    assert {row["isHomeCompany"] for row in rows} == {True, False}


async def test_code_tables_link_to_their_codes(client: httpx.AsyncClient) -> None:
    tables = (await client.get("/configuration/v1/code-tables")).json()
    assert {"GENDER", "TERMREASON", "EMPLOYEESTATUS", "JOBCHANGE"} <= {t["codeTable"] for t in tables}
    for table in tables:
        assert table["url"].startswith("https://service4.ultipro.com/configuration/v1/code-tables/")
        codes = (await client.get(table["url"])).json()
        assert codes and all(set(c) == {"code", "description"} for c in codes)
    assert (await client.get("/configuration/v1/code-tables/NOPE")).status_code == 404
