"""Paging as UKG Pro does it: page + per_Page/per_page in any case, defaults and maxima, [] past the end."""

from __future__ import annotations

from types import SimpleNamespace

import httpx
import pytest

from connectors.ukg_pro.sandbox import DEFAULT_PAGE_LIMITS, Sandbox

PERSON = "/personnel/v1/person-details"


@pytest.mark.parametrize("name", ["per_Page", "per_page", "PER_PAGE", "Per_Page", "pEr_pAgE"])
async def test_both_page_size_spellings_in_any_case(client: httpx.AsyncClient, name: str) -> None:
    response = await client.get(PERSON, params={"page": 2, name: 7})
    assert response.status_code == 200
    assert len(response.json()) == 7
    assert (await client.get(PERSON, params={"PAGE": 2, name: 7})).json() == response.json()


async def test_pages_concatenate_to_everything_and_end_with_empty(
    client: httpx.AsyncClient, sb: Sandbox
) -> None:
    everything = (await client.get(PERSON)).json()
    assert len(everything) == len(sb.tenant.employments)
    pages = []
    for page in range(1, 100):
        batch = (await client.get(PERSON, params={"page": page, "per_Page": 16})).json()
        if not batch:
            break
        pages.append(batch)
    assert [len(p) for p in pages[:-1]] == [16] * (len(pages) - 1)
    assert [row for p in pages for row in p] == everything
    past = await client.get(PERSON, params={"page": 999, "per_Page": 16})
    assert past.status_code == 200
    assert past.json() == []


async def test_employee_changes_and_pto_plans_take_per_page(client: httpx.AsyncClient) -> None:
    rows = (await client.get("/personnel/v1/pto-plans", params={"page": 1, "per_page": 5})).json()
    assert len(rows) == 5
    changes = await client.get(
        "/personnel/v1/employee-changes",
        params={"startDate": "2000-01-01T00:00:00", "endDate": "2025-06-02T00:00:00", "per_page": 3},
    )
    assert len(changes.json()) == 3


async def test_defaults_and_maxima(kit: SimpleNamespace) -> None:
    sb = kit.make_sandbox(
        employees=130, seed=3, page_limits={"/personnel/v1/employee-supervisor-details": 50}
    )
    async with sb.client() as client:
        assert len((await client.get(PERSON)).json()) == len(sb.tenant.employments)
        assert len((await client.get(PERSON, params={"per_Page": 100_000})).json()) == len(
            sb.tenant.employments
        )
        supervisors = "/personnel/v1/employee-supervisor-details"
        assert len((await client.get(supervisors)).json()) == 50
        assert len((await client.get(supervisors, params={"per_Page": 500})).json()) == 50
        assert (
            len((await client.get(supervisors, params={"page": 3})).json())
            == len(sb.tenant.employments) - 100
        )
        pto = (await client.get("/personnel/v1/pto-plans")).json()
        assert len(pto) == 200
        sb.configure(legacy_paging=True)
        assert len((await client.get(PERSON)).json()) == 100
        assert len((await client.get(PERSON, params={"per_Page": 10_000})).json()) == 100
        assert len((await client.get(PERSON, params={"page": 2})).json()) == len(sb.tenant.employments) - 100
    assert DEFAULT_PAGE_LIMITS[PERSON] == 10_000
    assert DEFAULT_PAGE_LIMITS["/personnel/v1/compensation-details"] == 10_000


@pytest.mark.parametrize(
    "path", ["/configuration/v1/org-levels", "/configuration/v1/jobs", "/configuration/v1/locations",
             "/configuration/v1/code-tables", "/configuration/v1/code-tables/TERMREASON"],
)  # fmt: skip
async def test_configuration_endpoints_are_not_paged(client: httpx.AsyncClient, path: str) -> None:
    everything = (await client.get(path)).json()
    assert len(everything) > 2
    for params in ({"page": 1, "per_Page": 2}, {"page": 2, "per_page": 1}, {"page": 50}, {"per_Page": 0}):
        response = await client.get(path, params=params)
        assert response.status_code == 200
        assert response.json() == everything


@pytest.mark.parametrize(
    "params", [{"page": 0}, {"page": -1}, {"per_Page": 0}, {"page": "two"}, {"per_page": "x"}]
)
async def test_bad_paging_values_are_400(client: httpx.AsyncClient, params: dict[str, object]) -> None:
    response = await client.get(PERSON, params=params)
    assert response.status_code == 400
    assert "modelstate" in response.json()["errors"]


async def test_no_link_header_unless_switched_on(client: httpx.AsyncClient, sb: Sandbox) -> None:
    assert "link" not in (await client.get(PERSON, params={"per_Page": 10})).headers
    sb.configure(link_header=True)
    response = await client.get(PERSON, params={"page": 2, "per_Page": 10, "companyId": ""})
    links = {
        part.split("; ")[1]: part.split("; ")[0].strip("<>") for part in response.headers["link"].split(", ")
    }
    last = -(-len(sb.tenant.employments) // 10)
    assert links['rel="first"'].endswith("page=1&per_Page=10")
    assert links['rel="previous"'].endswith("page=1&per_Page=10")
    assert links['rel="next"'].endswith("page=3&per_Page=10")
    assert links['rel="last"'].endswith(f"page={last}&per_Page=10")
    assert links['rel="next"'].startswith(
        "https://service4.ultipro.com/personnel/v1/person-details?companyId=&"
    )
    final = await client.get(links['rel="last"'])
    assert 'rel="next"' not in final.headers["link"]
    assert 'rel="previous"' in final.headers["link"]
    lower = await client.get("/personnel/v1/pto-plans", params={"per_page": 4})
    assert "per_page=4" in lower.headers["link"]
    assert "link" not in (await client.get("/configuration/v1/jobs")).headers


async def test_paths_match_in_any_case_and_with_a_trailing_slash(client: httpx.AsyncClient) -> None:
    expected = (await client.get(PERSON, params={"per_Page": 3})).json()
    for path in ("/Personnel/V1/Person-Details", PERSON + "/"):
        response = await client.get(path, params={"per_Page": 3})
        assert response.status_code == 200
        assert response.json() == expected


async def test_unknown_paths_and_methods(client: httpx.AsyncClient) -> None:
    missing = await client.get("/personnel/v1/nothing-here")
    assert missing.status_code == 404
    assert "No HTTP resource was found" in missing.json()["message"]
    posted = await client.post(PERSON, json={})
    assert posted.status_code == 405
    assert posted.headers["allow"] == "GET"
    assert (await client.get("/services/EmployeePerson")).status_code == 404
