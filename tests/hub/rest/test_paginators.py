"""Paginators end where the provider says, never page forever, and never follow a link to another host."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from hub.sdk import Cursor, LinkHeader, Offset, PageNumber, ProviderResponseError

from .conftest import BASE

PEOPLE = [{"id": f"E{i:03d}"} for i in range(1, 24)]


def query(request: httpx.Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(request.url.query.decode()).items()}


async def read(client, path="/employees", paginator=None, **params):
    rows = []
    async for page in client.paginate(path, paginator, **params):
        rows.extend(page)
    return rows


def numbered(rows, server_size=10, *, last_link=False, repeat=None):
    """``?page=N`` over ``rows``, ``server_size`` a page whatever is asked; ``repeat`` serves a page twice."""
    served: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(query(request).get("page", "1"))
        served.append(page)
        if repeat and page == repeat and served.count(page) == 1:
            page -= 1
        start = (page - 1) * server_size
        headers = {}
        if last_link:
            last = -(-len(rows) // server_size)
            headers["Link"] = f'<{BASE}/employees?page={last}>; rel="last"'
        return httpx.Response(200, json=rows[start : start + server_size], headers=headers)

    return handler, served


# -- page numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [0, 5, 10, 20, 23])
async def test_page_numbers_end_on_an_empty_or_a_short_page(client_for, count):
    handler, served = numbered(PEOPLE[:count])
    rows = await read(client_for(handler), paginator=PageNumber(size_param="per_page", page_size=10))
    assert rows == PEOPLE[:count]
    assert served == sorted(set(served))  # each page once, in order


async def test_a_server_capping_below_the_asked_size_loses_nothing(client_for):
    handler, _ = numbered(PEOPLE, server_size=4)
    assert await read(client_for(handler), paginator=PageNumber(size_param="size", page_size=100)) == PEOPLE


async def test_a_page_shorter_than_the_servers_smallest_cap_is_the_end_in_one_request(client_for):
    capped = PageNumber(size_param="size", page_size=100, smallest_cap=5)
    handler, served = numbered(PEOPLE[:3], server_size=10)
    assert await read(client_for(handler), paginator=capped) == PEOPLE[:3]
    assert served == [1]
    # As short as the cap itself: the page may be capped, so the next is asked for, and nothing is lost.
    handler, served = numbered(PEOPLE, server_size=5)
    assert await read(client_for(handler), paginator=capped) == PEOPLE
    assert 2 in served
    handler, served = numbered(PEOPLE[:3], server_size=10)
    assert (
        await read(client_for(handler), paginator=PageNumber(size_param="size", page_size=100)) == PEOPLE[:3]
    )
    assert served == [1, 2]  # no cap known: the short page is followed by a probe


async def test_a_short_page_of_no_size_the_server_caps_at_is_the_end_in_one_request(client_for):
    capped = PageNumber(size_param="size", page_size=100, known_caps=frozenset({4, 10}))
    handler, served = numbered(PEOPLE[:7], server_size=10)
    assert await read(client_for(handler), paginator=capped) == PEOPLE[:7]
    assert served == [1]  # 7 rows: neither cap, and fewer than asked
    # Exactly one of the caps: the page may have been capped, so the next is asked for.
    for size in (4, 10):
        handler, served = numbered(PEOPLE, server_size=size)
        assert await read(client_for(handler), paginator=capped) == PEOPLE
        assert 2 in served
    # As many as asked: more may follow, caps or not.
    full = PageNumber(size_param="size", page_size=5, known_caps=frozenset({10}))
    handler, served = numbered(PEOPLE, server_size=5)
    assert await read(client_for(handler), paginator=full) == PEOPLE


async def test_the_link_headers_last_page_ends_paging_without_asking_further(client_for):
    handler, served = numbered(PEOPLE[:20], last_link=True)
    assert await read(client_for(handler), paginator=PageNumber(page_size=10, size_param="n")) == PEOPLE[:20]
    assert max(served) == 2  # no empty third page asked for


async def test_a_last_link_to_another_host_is_ignored(client_for):
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(query(request)["page"])
        link = '<https://elsewhere.example/employees?page=1>; rel="last"'
        return httpx.Response(200, json=PEOPLE[(page - 1) * 10 : page * 10], headers={"Link": link})

    assert await read(client_for(handler)) == PEOPLE


async def test_pages_are_requested_ahead_but_arrive_in_order(client_for):
    in_flight = peak = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        page = int(query(request)["page"])
        await asyncio.sleep(0.01 * (5 - page % 5))  # later pages answer sooner
        in_flight -= 1
        return httpx.Response(200, json=[{"id": page * 1000 + i} for i in range(10)] if page <= 9 else [])

    client = client_for(handler, max_concurrency=4)
    rows = await read(client, paginator=PageNumber(size_param="per_page", page_size=10))
    assert [r["id"] for r in rows] == [p * 1000 + i for p in range(1, 10) for i in range(10)]
    assert 1 < peak <= 4


async def test_a_page_served_twice_is_read_again_then_refused_if_it_repeats(client_for):
    handler, _ = numbered(PEOPLE, repeat=2)
    assert await read(client_for(handler), paginator=PageNumber(page_size=10, size_param="n")) == PEOPLE

    def stuck(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=PEOPLE[:10])  # every page is the first

    with pytest.raises(ProviderResponseError, match="same records for pages 1 and 2 of /employees"):
        await read(client_for(stuck), paginator=PageNumber(page_size=10, size_param="n"))


async def test_paging_that_never_ends_stops_at_the_cap_with_a_typed_error(client_for):
    def endless(request: httpx.Request) -> httpx.Response:
        page = int(query(request)["page"])
        return httpx.Response(200, json=[{"id": page * 10 + i} for i in range(10)])

    client = client_for(endless)
    with pytest.raises(ProviderResponseError, match="after 5 pages") as caught:
        await read(client, paginator=PageNumber(page_size=10, size_param="n", max_pages=5))
    assert caught.value.provider == "acme" and "Acme" in caught.value.message
    assert client.requests == 5


async def test_a_page_that_is_not_a_list_is_a_typed_error(client_for):
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(query(request)["page"])
        return httpx.Response(200, json={"employees": PEOPLE[(page - 1) * 10 : page * 10]})

    with pytest.raises(ProviderResponseError, match="sent a dict where a list was expected from /employees"):
        await read(client_for(handler))
    assert await read(client_for(handler), paginator=PageNumber(rows="employees")) == PEOPLE
    with pytest.raises(ProviderResponseError, match="in its 'items' member"):
        await read(client_for(handler), paginator=PageNumber(rows="items"))


# -- offsets -------------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [0, 7, 10, 23])
async def test_offsets_end_on_an_empty_or_a_short_page(client_for, count):
    asked = []

    def handler(request: httpx.Request) -> httpx.Response:
        q = query(request)
        asked.append((int(q["offset"]), int(q["limit"])))
        start = int(q["offset"])
        return httpx.Response(200, json={"data": PEOPLE[:count][start : start + int(q["limit"])]})

    rows = await read(client_for(handler), paginator=Offset(page_size=10, rows="data"))
    assert rows == PEOPLE[:count]
    assert [offset for offset, _ in asked] == list(range(0, 10 * len(asked), 10))


async def test_an_ignored_offset_is_refused_rather_than_read_forever(client_for):
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=PEOPLE[:10])

    with pytest.raises(ProviderResponseError, match="same records for pages 1 and 2"):
        await read(client_for(handler), paginator=Offset(page_size=10))


async def test_offsets_stop_at_the_cap(client_for):
    def handler(request: httpx.Request) -> httpx.Response:
        start = int(query(request)["offset"])
        return httpx.Response(200, json=[{"id": start + i} for i in range(10)])

    with pytest.raises(ProviderResponseError, match="after 3 pages"):
        await read(client_for(handler), paginator=Offset(page_size=10, max_pages=3))


# -- cursors -------------------------------------------------------------------------------------


def cursored(rows, size=10, where="next_cursor"):
    def handler(request: httpx.Request) -> httpx.Response:
        start = int(query(request).get("cursor", "0"))
        after = start + size if start + size < len(rows) else None
        body = {"data": rows[start : start + size]}
        if where == "meta.next":
            body["meta"] = {"next": None if after is None else str(after)}
        else:
            body[where] = None if after is None else str(after)
        return httpx.Response(200, json=body)

    return handler


@pytest.mark.parametrize("count", [0, 10, 23])
async def test_cursors_end_when_the_answer_names_no_next_cursor(client_for, count):
    rows = await read(client_for(cursored(PEOPLE[:count])), paginator=Cursor())
    assert rows == PEOPLE[:count]


async def test_a_cursor_found_by_path_or_by_function(client_for):
    handler = cursored(PEOPLE, where="meta.next")
    assert await read(client_for(handler), paginator=Cursor(next_cursor="meta.next")) == PEOPLE
    by_function = Cursor(next_cursor=lambda body: body["meta"]["next"])
    assert await read(client_for(handler), paginator=by_function) == PEOPLE


async def test_a_cursor_that_comes_back_is_refused(client_for):
    def handler(request: httpx.Request) -> httpx.Response:
        cursor = query(request).get("cursor")
        after = {None: "a", "a": "b", "b": "a"}[cursor]
        return httpx.Response(200, json={"data": [{"id": cursor}], "next_cursor": after})

    with pytest.raises(ProviderResponseError, match="back at a page already read"):
        await read(client_for(handler), paginator=Cursor())


async def test_cursors_stop_at_the_cap(client_for):
    def handler(request: httpx.Request) -> httpx.Response:
        n = int(query(request).get("cursor", "0"))
        return httpx.Response(200, json={"data": [{"id": n}], "next_cursor": str(n + 1)})

    client = client_for(handler)
    with pytest.raises(ProviderResponseError, match="after 4 pages"):
        await read(client, paginator=Cursor(max_pages=4))
    assert client.requests == 4


# -- Link: rel="next" ----------------------------------------------------------------------------


def linked(rows, size=10, *, host=BASE, relative=False):
    def handler(request: httpx.Request) -> httpx.Response:
        q = query(request)
        start = int(q.get("from", "0"))
        headers = {}
        if start + size < len(rows):
            target = f"/employees?from={start + size}&size={q['size']}"
            headers["Link"] = (
                f'<{target if relative else host + target}>; rel="next", <{BASE}/x>; rel="first"'
            )
        return httpx.Response(200, json=rows[start : start + size], headers=headers)

    return handler


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
async def test_link_headers_are_followed_until_there_is_no_next(client_for, relative):
    client = client_for(linked(PEOPLE, relative=relative))
    assert await read(client, paginator=LinkHeader(size_param="size", page_size=10)) == PEOPLE
    assert client.requests == 3


async def test_a_next_link_to_another_host_is_never_followed(client_for):
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        return linked(PEOPLE, host="https://elsewhere.example")(request)

    with pytest.raises(ProviderResponseError, match=r"on another host \(elsewhere.example\)") as caught:
        await read(client_for(handler), paginator=LinkHeader(size_param="size", page_size=10))
    assert seen == ["api.acme.example"]
    assert caught.value.fields == {"base_url": "Check the API address."}


async def test_link_headers_stop_at_a_loop_or_the_cap(client_for):
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[{"id": 1}], headers={"Link": f'<{BASE}/employees>; rel="next"'})

    with pytest.raises(ProviderResponseError, match="back at a page already read"):
        await read(client_for(loop), paginator=LinkHeader())

    def endless(request: httpx.Request) -> httpx.Response:
        n = int(query(request).get("n", "0"))
        return httpx.Response(
            200, json=[{"id": n}], headers={"Link": f'<{BASE}/employees?n={n + 1}>; rel="next"'}
        )

    with pytest.raises(ProviderResponseError, match="after 6 pages"):
        await read(client_for(endless), paginator=LinkHeader(max_pages=6))


async def test_the_params_go_on_the_first_request_and_the_link_carries_them_after(client_for):
    urls = []

    def handler(request: httpx.Request) -> httpx.Response:
        urls.append(str(request.url))
        return linked(PEOPLE)(request)

    await read(client_for(handler), paginator=LinkHeader(size_param="size", page_size=10), status="active")
    assert urlsplit(urls[0]).query == "status=active&size=10"
    assert [urlsplit(u).query for u in urls[1:]] == ["from=10&size=10", "from=20&size=10"]
