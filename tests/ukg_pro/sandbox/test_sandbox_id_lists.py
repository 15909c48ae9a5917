"""Several ids in one filter (``employeeId=[ABC, DEF]``): only where UKG's description publishes it.

UKG says so in an endpoint's description ("EmployeeId parameter can take in multiple employee Ids
separated by comma. ex: [ABC, DEF]") or in the parameter's published pattern (one that admits a comma).
Everywhere else an id filter takes one id, and a list matches nobody: the answer is ``[]``, as UKG
answers a filter matching nothing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import yaml

from connectors.ukg_pro.sandbox import ENDPOINTS, Sandbox

SPEC = yaml.safe_load((Path(__file__).parent / "data" / "openapi-subset.yaml").read_text())
ID_PARAMETER = re.compile(r"(id|number)$", re.IGNORECASE)
SAYS_MULTIPLE = re.compile(r"<li>\s*([A-Za-z ]+?) parameter\s+can take in multiple", re.IGNORECASE)


def published_id_lists(operation: dict[str, Any]) -> frozenset[str]:
    """The id parameters (lower case) the description or their pattern says take several values."""
    said = {name.replace(" ", "").lower() for name in SAYS_MULTIPLE.findall(operation.get("description", ""))}
    listed = set()
    for parameter in operation.get("parameters", []):
        name = parameter["name"].lower()
        if parameter["in"] != "query" or not ID_PARAMETER.search(name):
            continue
        if name in said or "," in parameter.get("schema", {}).get("pattern", ""):
            listed.add(name)
    return frozenset(listed)


def test_the_id_filters_taking_lists_are_exactly_those_ukg_publishes() -> None:
    for endpoint in ENDPOINTS:
        operation = SPEC["paths"].get(endpoint.path, {}).get(endpoint.method.lower())
        published = published_id_lists(operation) if operation else frozenset()
        assert endpoint.id_lists == published, endpoint.path
        for name, spec in endpoint.filters.items():
            if spec.kind == "text" and ID_PARAMETER.search(name):
                assert spec.several == (name in published), f"{endpoint.path} {name}"
    by_path = {e.path: e.id_lists for e in ENDPOINTS}
    assert by_path["/personnel/v1/user-defined-fields"] == {"employeeid", "companyid"}
    assert by_path["/personnel/v1/compensation-details"] == {"employeeid"}
    for unlisted in (
        "/personnel/v1/person-details",
        "/personnel/v1/employment-details",
        "/personnel/v1/employee-job-history-details",
    ):
        assert by_path[unlisted] == frozenset(), unlisted


async def test_a_list_reads_several_employees_where_published_and_nobody_elsewhere(
    client: httpx.AsyncClient, sb: Sandbox
) -> None:
    one, two = sb.tenant.employments[4], sb.tenant.employments[9]
    both = {one.employee_id, two.employee_id}
    listed = f"[{one.employee_id}, {two.employee_id}]"
    compensation = (
        await client.get("/personnel/v1/compensation-details", params={"employeeId": listed})
    ).json()
    assert {r["employeeID"] for r in compensation} == both
    fields = (await client.get("/personnel/v1/user-defined-fields", params={"employeeId": listed})).json()
    assert {r["employeeId"] for r in fields} == both
    bare = await client.get(
        "/personnel/v1/employee-supervisor-details",
        params={"employeeId": f"{one.employee_id},{two.employee_id}"},
    )
    assert {r["employeeID"] for r in bare.json()} == both
    for path, key in (
        ("/personnel/v1/person-details", "employeeId"),
        ("/personnel/v1/employment-details", "employeeID"),
        ("/personnel/v1/employee-job-history-details", "employeeId"),
        ("/personnel/v1/employee-employment-details", "employeeID"),
    ):
        answer = await client.get(path, params={key: listed})
        assert answer.status_code == 200 and answer.json() == [], path
        single = (await client.get(path, params={key: one.employee_id})).json()
        assert single and {r.get("employeeId", r.get("employeeID")) for r in single} == {one.employee_id}
    company = one.company.company_id
    both_companies = f"[{company}, {sb.tenant.component.company_id}]"
    assert (
        await client.get("/personnel/v1/employment-details", params={"companyId": both_companies})
    ).json() == []
    employments = (
        await client.get("/personnel/v1/employee-employment-details", params={"companyID": both_companies})
    ).json()
    assert len(employments) == len(sb.tenant.employments)
