"""The generated tenant: deterministic, and shaped like a real UKG Pro customer's."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from types import SimpleNamespace

import httpx

from connectors.ukg_pro.sandbox import Sandbox, sandbox_factory

GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


async def everything(sb: Sandbox, path: str) -> bytes:
    async with sb.client() as client:
        return (await client.get(path)).content


async def test_same_seed_same_data(kit: SimpleNamespace) -> None:
    one, two = kit.make_sandbox(seed=21), kit.make_sandbox(seed=21)
    paths = [
        "person-details",
        "employment-details",
        "compensation-details",
        "employee-job-history-details",
        "pto-plans",
        "user-defined-fields",
        "contacts",
    ]
    for path in [f"/personnel/v1/{p}" for p in paths] + [
        "/configuration/v1/company-details",
        "/configuration/v1/org-levels",
    ]:
        assert await everything(one, path) == await everything(two, path), path
    assert one.tenant.advance(hires=2, changes=3, terminations=1) == two.tenant.advance(
        hires=2, changes=3, terminations=1
    )
    assert await everything(one, "/personnel/v1/person-details") == await everything(
        two, "/personnel/v1/person-details"
    )


async def test_other_seed_other_data(kit: SimpleNamespace) -> None:
    one, two = kit.make_sandbox(seed=21), kit.make_sandbox(seed=22)
    assert await everything(one, "/personnel/v1/person-details") != await everything(
        two, "/personnel/v1/person-details"
    )


def test_size_and_companies(sb: Sandbox) -> None:
    t = sb.tenant
    assert t.people_count() == 60
    master, component = t.companies
    assert master.is_master and not component.is_master and component.master_id == master.company_id
    assert (master.country, master.currency, component.country, component.currency) == (
        "USA",
        "USD",
        "CAN",
        "CAD",
    )
    counts = Counter(e.company.company_id for e in t.employments)
    assert counts[master.company_id] > counts[component.company_id] > 0
    for company in t.companies:
        assert len(company.company_id) == 5 and company.company_id.isalnum() and company.company_id.isupper()


def test_identifiers(sb: Sandbox) -> None:
    keys = set()
    for e in sb.tenant.employments:
        assert len(e.employee_id) == 12 and e.employee_id.isalnum() and e.employee_id.isupper()
        assert re.fullmatch(r"\d{9}", e.number)
        assert GUID.match(e.person.person_id)
        keys.add((e.employee_id, e.company.company_id))
    assert len(keys) == len(sb.tenant.employments)
    second_jobs = [e for e in sb.tenant.employments if not e.is_home]
    assert second_jobs
    for e in second_jobs:
        home = sb.tenant.home(e.employee_id)
        assert home is not None and home.person is e.person and home.company is not e.company


def test_supervisors_form_one_tree(sb: Sandbox) -> None:
    roots = [e for e in sb.tenant.employments if e.supervisor is None]
    assert len(roots) == 1 and roots[0].job.code == "CEO"
    for e in sb.tenant.employments:
        seen, node = set(), e
        while node.supervisor is not None:
            assert id(node) not in seen
            seen.add(id(node))
            node = node.supervisor
        assert node is roots[0]
    managers = [e for e in sb.tenant.employments if e.reports]
    assert all(m.status in ("A", "L") for m in managers)


async def test_org_levels_are_labelled_by_the_customer(client: httpx.AsyncClient, sb: Sandbox) -> None:
    levels = (await client.get("/configuration/v1/org-levels")).json()
    labels = {row["level"]: row["levelDescription"] for row in levels}
    assert labels == {1: "Division", 2: "Cost Center", 3: "Department", 4: "Team"}
    assert all(len(row["description"]) <= 25 for row in levels)
    assert any(not row["isActive"] for row in levels)
    departments = {row["code"] for row in levels if row["level"] == 3}
    assert {e.org[2] for e in sb.tenant.employments} <= departments
    relabelled = Sandbox(employees=10, org_level_labels=("Region", "Department", "Division", "Squad"))
    async with relabelled.client() as other:
        rows = (await other.get("/configuration/v1/org-levels")).json()
    assert {row["levelDescription"] for row in rows if row["level"] == 2} == {"Department"}


def test_the_workforce_mix(kit: SimpleNamespace) -> None:
    sb = kit.make_sandbox(employees=300, seed=8)
    t = sb.tenant
    employments = t.employments
    statuses = Counter(e.status for e in employments)
    assert {"A", "L", "T", "S", "R"} <= set(statuses)
    for e in employments:
        if e.status in ("T", "R"):
            assert e.term_date is not None and e.term_reason and e.term_type in ("V", "I")
            assert e.last_hire < e.term_date < t.as_of
        else:
            assert e.term_date is None
        assert e.original_hire <= e.last_hire
    assert any(e.last_hire > t.as_of for e in employments)  # future hires
    rehires = [e for e in employments if e.original_hire < e.last_hire]
    assert rehires and all([r.reason for r in e.history[1:3]] == ["500", "101"] for e in rehires)
    assert all(e.earlier and e.original_hire < e.earlier.terminated < e.last_hire for e in rehires)
    assert any(e.full_part == "P" for e in employments)
    assert any(e.salary_hourly == "H" for e in employments)
    assert {e.employee_type for e in employments} >= {"REG", "TMP"}
    assert {e.location.country for e in employments} == {"USA", "CAN"}
    assert all(e.location.country == e.company.country for e in employments)
    assert all(e.pay_group.country == e.company.country for e in employments)
    reasons = Counter(row.reason for e in employments for row in e.history)
    assert {"100", "200", "210", "300", "500"} <= set(reasons)
    for e in employments:
        assert e.history[0].reason == "100" and e.history[0].effective == e.original_hire
        assert e.history[-1].annual == e.annual and e.history[-1].job is e.job
        assert [r.effective for r in e.history] == sorted(r.effective for r in e.history)
        assert e.created_at <= e.changed_at
        assert e.changed_at < t.now and e.person.changed_at < t.now


async def test_compensation_pto_and_custom_fields(client: httpx.AsyncClient, sb: Sandbox) -> None:
    pay = (await client.get("/personnel/v1/compensation-details")).json()
    assert {p["currencyCode"].rstrip() for p in pay} == {"USD", "CAD"}
    for p in pay:
        assert p["annualSalary"] > 0 and p["hourlyPayRate"] > 0
        assert p["payPeriodPayRate"] == round(p["annualSalary"] / p["numberOfPayments"], 2)
    assert "dateOfNextSalayrReview" in pay[0]
    pto = (await client.get("/personnel/v1/pto-plans")).json()
    assert {p["ptoPlan"] for p in pto} >= {"PTO", "SICK", "VAC"}
    for p in pto:
        assert p["taken"] <= p["earned"] and p["pendingBalance"] >= 0
        assert p["earnedThroughDate"] is None or date.fromisoformat(p["earnedThroughDate"]) < sb.tenant.as_of
        assert date.fromisoformat(p["reset"]).month == 1
    udfs = (await client.get("/personnel/v1/user-defined-fields")).json()
    fields = udfs[0]["personnelUserDefinedFields"]
    assert fields["personnelUDField01"]["field"] == "T-Shirt Size"
    assert fields["personnelUDField02"]["field"] == "Remote Eligible"
    assert {u["personnelUserDefinedFields"]["personnelUDField02"]["value"] for u in udfs} == {"Y", "N"}
    assert all(
        isinstance(u["personnelUserDefinedFields"]["personnelUDField03"]["value"], float) for u in udfs
    )


async def test_records_with_nulls(client: httpx.AsyncClient) -> None:
    employment = (await client.get("/personnel/v1/employment-details")).json()
    assert any(r["jobTitle"] is None for r in employment) and any(r["jobTitle"] for r in employment)
    assert any(r["orgLevel4Code"] is None for r in employment)
    assert any(r["supervisorID"] is None for r in employment)
    people = (await client.get("/personnel/v1/person-details")).json()
    assert any(p["middleName"] is None for p in people) and any(p["addressCounty"] is None for p in people)


async def test_casing_and_typos_per_endpoint(client: httpx.AsyncClient) -> None:
    person = (await client.get("/personnel/v1/person-details", params={"per_Page": 1})).json()[0]
    assert {"employeeId", "companyId", "nameSufixCode", "ethnicIDCode"} <= set(person)
    assert "employeeID" not in person
    employment = (await client.get("/personnel/v1/employment-details", params={"per_Page": 1})).json()[0]
    assert {"employeeID", "companyID", "supervisorID"} <= set(employment) and "employeeId" not in employment
    history = (await client.get("/personnel/v1/employee-job-history-details", params={"per_Page": 1})).json()[
        0
    ]
    assert "isOrgchange" in history and "isOrgChange" not in history
    demographic = (
        await client.get("/personnel/v1/employee-demographic-details", params={"per_Page": 1})
    ).json()[0]
    assert {"ethnicIdCode", "nameSuffixCode"} <= set(demographic)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?", employment["dateTimeChanged"])
    assert employment["originalHireDate"].endswith("T00:00:00")


def test_factory_ignores_unset_options() -> None:
    sb = sandbox_factory(employees=12, seed=None, latency_ms=None)
    assert sb.settings.employees == 12 and sb.settings.seed == 7 and sb.faults.latency_ms == 0


def test_configure_refuses_generation_settings(sb: Sandbox) -> None:
    sb.configure(link_header=True)
    assert sb.settings.link_header and sb.tenant.settings.link_header
    try:
        sb.configure(employees=10)
    except ValueError as error:
        assert "new Sandbox" in str(error)
    else:
        raise AssertionError("configure accepted a generation setting")


def test_as_of_pins_the_generation(kit: SimpleNamespace) -> None:
    day = date(2024, 3, 1)
    one = Sandbox(employees=15, seed=2, as_of=day)
    two = Sandbox(employees=15, seed=2, as_of=day, now=kit.NOW)
    assert one.tenant.as_of == two.tenant.as_of == day
    assert [e.employee_id for e in one.tenant.employments] == [e.employee_id for e in two.tenant.employments]
    assert all(e.changed_at.date() < day for e in one.tenant.employments)
    assert one.tenant.now.date() > day + timedelta(days=1)
