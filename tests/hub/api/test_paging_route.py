"""The usual page request (at most ``cursor`` and ``page_size``) skips FastAPI's solver, answering the same.

A list route calls its own dependencies directly for such a request (:class:`hub.api.routes_hris.PagingRoute`):
every answer, a page or a refusal, must be byte for byte the one FastAPI's path gives.
"""

from collections.abc import Iterator

import httpx
import pytest
from fastapi import Depends, FastAPI, HTTPException
from starlette.datastructures import QueryParams

from hub.api import create_app, routes_hris
from hub.api.routes_hris import PagingRoute, paging_query
from hub.serving import serve_in_thread
from tests.hub.api.conftest import GENEROUS, open_world

pytestmark = pytest.mark.e2e

VARYING = {"date", "x-request-id", "ratelimit-remaining", "ratelimit-reset"}


def _never() -> None:
    """A dependency no route has: overriding it sends every request down FastAPI's path."""


@pytest.fixture(scope="module")
def paged(tmp_path_factory) -> Iterator[tuple]:
    """More employees than a default page; the API served a second time, by an app the test can reach."""
    with open_world(tmp_path_factory.mktemp("paging"), employees=105) as world:
        client = world.customer("pager")
        account = world.link(client)
        world.sync(client, account["id"])
        app = create_app(world.hub, rate_limits=GENEROUS)
        with serve_in_thread(app) as url:
            yield world, client, account, url, app


def test_every_list_route_answers_plain_pages_itself():
    routes = [r for r in routes_hris.router.routes if isinstance(r, PagingRoute)]
    assert {r.name for r in routes} == {f"list_{name}" for name in routes_hris.RESOURCES.values()}
    # None means the route's dependencies are no longer those its plain read calls: update plain_read.
    assert all(r.plain is not None for r in routes)


def test_a_dependency_added_where_the_routes_are_included_is_never_skipped(paged):
    world, client, account, _, _ = paged

    async def refuse() -> None:
        raise HTTPException(403, "refused where the routes are included")

    app = FastAPI()
    app.state.hub = world.hub
    app.include_router(routes_hris.router, dependencies=[Depends(refuse)])
    headers = {"Authorization": client.headers["authorization"], "X-Account-Id": account["id"]}
    with serve_in_thread(app) as url:
        for params in ({}, {"page_size": 7}, {"include_deleted": "true"}):
            answer = httpx.get(url + "/v1/hris/employees", params=params, headers=headers, timeout=30)
            assert answer.status_code == 403, (params, answer.text)


@pytest.mark.parametrize(
    ("query", "given"),
    [
        ("", {}),
        ("page_size=7", {"page_size": 7}),
        ("cursor=abc&page_size=1000", {"cursor": "abc", "page_size": 1000}),
        ("page_size=1001", None),
        ("page_size=0", None),
        ("page_size=07", None),
        ("page_size=+7", None),
        ("page_size=7&page_size=8", None),
        ("cursor=", None),
        ("include_raw=false", None),
        ("page_size=7&nope=1", None),
    ],
)
def test_only_a_query_valid_for_certain_is_plain(query, given):
    assert paging_query(QueryParams(query)) == given


def _answers(url: str, app, path: str, params: dict, headers: dict) -> list[tuple]:
    seen = []
    for overrides in ({}, {_never: _never}):
        app.dependency_overrides = overrides
        try:
            answer = httpx.get(url + path, params=params, headers=headers, timeout=30)
        finally:
            app.dependency_overrides = {}
        kept = sorted((k, v) for k, v in answer.headers.items() if k not in VARYING)
        seen.append((answer.status_code, kept, answer.content))
    return seen


def test_plain_pages_and_refusals_are_what_fastapis_path_answers(paged, monkeypatch):
    world, client, account, url, app = paged
    key = client.headers["authorization"]
    other = world.customer("paging-other")
    taken: list[dict | None] = []

    def spied(query: QueryParams) -> dict | None:
        taken.append(paging_query(query))
        return taken[-1]

    monkeypatch.setattr(routes_hris, "paging_query", spied)
    first = httpx.get(
        url + "/v1/hris/employees",
        params={"page_size": 7},
        headers={"Authorization": key, "X-Account-Id": account["id"]},
    ).json()
    mine = {"Authorization": key, "X-Account-Id": account["id"]}
    cases = [
        ("/v1/hris/employees", {}, mine),
        ("/v1/hris/employees", {"page_size": 7, "cursor": first["next_cursor"]}, mine),
        ("/v1/hris/employees", {"cursor": first["next_cursor"]}, mine),
        ("/v1/hris/groups", {"page_size": 1000}, mine),
        ("/v1/hris/employees", {"cursor": "forged"}, mine),
        ("/v1/hris/employees", {}, {"X-Account-Id": account["id"]}),
        ("/v1/hris/employees", {}, {"Authorization": "Bearer hh_unknown", "X-Account-Id": account["id"]}),
        ("/v1/hris/employees", {}, {"Authorization": "Basic abc", "X-Account-Id": account["id"]}),
        ("/v1/hris/employees", {}, {"Authorization": key}),
        ("/v1/hris/employees", {}, {"Authorization": key, "X-Account-Id": "acct_nobody"}),
        (
            "/v1/hris/employees",
            {},
            {"Authorization": other.headers["authorization"], "X-Account-Id": account["id"]},
        ),
    ]
    statuses = []
    for path, params, headers in cases:
        taken.clear()
        plain, general = _answers(url, app, path, params, headers)
        assert taken and taken[0] is not None  # the first answer came from the plain read
        assert plain == general, (path, params)
        statuses.append(plain[0])
    assert statuses == [200, 200, 200, 200, 422, 401, 401, 401, 422, 404, 404]
