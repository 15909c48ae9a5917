"""Paginators: how a provider splits a list into pages, and how to tell the last one.

Each paginator is a small frozen object a client picks per endpoint. Its ``pages(fetch, path,
params)`` requests the pages through ``fetch`` (a :meth:`RestClient.fetch
<hub.rest.client.RestClient.fetch>`: retried, limited, decoded), yields each page's rows, and stops
at the end the provider signals. None of them pages forever: past ``max_pages`` pages, or when a
provider serves the same page or points back at one already read, it raises a
:class:`~hub.errors.ProviderResponseError`.

- :class:`PageNumber`: ``?page=1``, ``?page=2``... with pages requested ahead of the reader;
- :class:`Offset`: ``?offset=0&limit=100``, ``?offset=100&limit=100``...;
- :class:`Cursor`: ``?cursor=<the cursor the last answer named>``;
- :class:`LinkHeader`: the ``Link: <...>; rel="next"`` header (RFC 8288).
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

import httpx

from hub.rest.statuses import ProviderErrors

__all__ = ["Cursor", "Fetch", "LinkHeader", "Offset", "PageNumber", "Paginator"]

Rows = list[dict[str, Any]]

Fetch = Callable[[str, Mapping[str, Any]], Awaitable[tuple[Any, httpx.Response]]]
"""``fetch(path_or_url, params)``: one GET, its decoded JSON body and the response (for headers)."""

_ANY_PROVIDER = ProviderErrors(provider="", title="The provider")


class Paginator(Protocol):
    """What every paginator offers: the pages of one list, and a cap on how many there may be."""

    @property
    def max_pages(self) -> int:
        """The most pages one list may take before the paginator calls it endless."""
        ...

    def pages(
        self,
        fetch: Fetch,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        errors: ProviderErrors | None = None,
        prefetch: int = 1,
    ) -> AsyncIterator[Rows]:
        """Yield the rows of each page of ``path`` in order, with ``params`` on every request.

        ``errors`` words the failures for the provider; ``prefetch`` is how many pages a paginator
        that can may request ahead of the reader.
        """
        ...


def _rows(body: Any, member: str | None, path: str, errors: ProviderErrors) -> Rows:
    """The rows of a page: the body itself, or its ``member``; anything but a list is an error."""
    rows = body.get(member) if member is not None and isinstance(body, dict) else body
    if not isinstance(rows, list):
        raise errors.unexpected(path, rows, member=member)
    return rows


def _digest(page: Rows) -> bytes:
    """A cheap fingerprint of a page: its first and last rows, and its length."""
    ends = json.dumps([page[0], page[-1], len(page)], sort_keys=True, default=str)
    return hashlib.blake2b(ends.encode(), digest_size=16).digest()


def _sized(params: Mapping[str, Any] | None, size_param: str | None, page_size: int | None) -> dict[str, Any]:
    query = dict(params or {})
    if size_param is not None and page_size is not None:
        query[size_param] = page_size
    return query


@dataclass(frozen=True, kw_only=True)
class PageNumber:
    """Numbered pages: ``?page=1``, ``?page=2``... requested ahead of the reader.

    The end is an empty page, a page shorter than the ones the server has already filled, or the
    page the ``Link`` header's ``last`` names (on the same host; a link elsewhere is ignored). The
    server may cap pages below ``page_size``: a short first page is then read on one page at a
    time until the server's own size is known, unless it is shorter than ``smallest_cap`` too (then
    it is the end). A page served twice in a row is read again once (the repeat may stand in for the
    end); served twice again, it is an error.

    Attributes:
        page_param: the page number's query parameter.
        size_param: the page size's query parameter (``None``: the size is not sent).
        page_size: the size asked for; ``None`` when the server decides.
        first: the number of the first page.
        rows: the member of the JSON body that holds the rows (``None``: the body is the list).
        rows_in_flight: the most rows requested ahead of the reader (bounds memory on wide pages).
        max_pages: the most pages one list may take.
        smallest_cap: the fewest rows the server is known to put on a page when more were asked for
            and more remain; a first page shorter than both this and ``page_size`` is then the end,
            read in one request. ``None`` (unknown): a short first page is followed by a request for
            the next, which proves the end.
        known_caps: the page maxima the server is known to use (its published ones): a capped page
            holds exactly one of them, so a first page shorter than ``page_size`` and of none of these
            sizes is the end, read in one request. ``None`` (unknown): probed as above.

    """

    page_param: str = "page"
    size_param: str | None = None
    page_size: int | None = None
    first: int = 1
    rows: str | None = None
    rows_in_flight: int = 5_000
    max_pages: int = 10_000
    smallest_cap: int | None = None
    known_caps: frozenset[int] | None = None

    async def _page(
        self, fetch: Fetch, path: str, params: Mapping[str, Any], page: int, errors: ProviderErrors
    ) -> tuple[Rows, int | None]:
        """One page's rows and the ``last`` page its ``Link`` header names.

        The response itself is let go: its body would double a prefetched page's memory.
        """
        query = {**params, self.page_param: page}
        if self.size_param is not None and self.page_size is not None:
            query[self.size_param] = self.page_size
        body, response = await fetch(path, query)
        return _rows(body, self.rows, path, errors), self._last_page(response)

    def _last_page(self, response: httpx.Response) -> int | None:
        """The ``last`` page number of an RFC 8288 ``Link`` header on the answering host, if any."""
        link = response.links.get("last") if "link" in response.headers else None
        if not link or "url" not in link:
            return None
        url = urlsplit(link["url"])
        if url.netloc and url.netloc != urlsplit(str(response.request.url)).netloc:
            return None  # never trust a link to another host
        pages = parse_qs(url.query).get(self.page_param)
        try:
            return int(pages[0]) if pages else None
        except ValueError:
            return None

    async def pages(
        self,
        fetch: Fetch,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        errors: ProviderErrors | None = None,
        prefetch: int = 1,
    ) -> AsyncIterator[Rows]:
        """Every page of ``path`` in order, with up to ``prefetch`` pages requested ahead."""
        errors = errors or _ANY_PROVIDER
        query = dict(params or {})
        full_depth = depth = max(1, prefetch)
        first, last = await self._page(fetch, path, query, self.first, errors)
        if not first:
            return
        server_size = len(first)  # the server may cap below what was asked for
        previous = _digest(first)
        yield first
        del first  # the caller has it; holding it here would keep a whole page alive for the whole read
        # Read ahead by pages, but never hold more than rows_in_flight rows: a few pages of wide records
        # can be most of a gigabyte.
        full_depth = min(full_depth, max(1, self.rows_in_flight // max(server_size, 1)))
        depth = min(depth, full_depth)
        if last is None and (self.page_size is None or server_size < self.page_size):
            if self.smallest_cap is not None and server_size < self.smallest_cap:
                return  # shorter than any page the server caps: nothing follows
            if self.known_caps is not None and server_size not in self.known_caps:
                return  # not the size of a page the server caps: nothing follows
            depth = 1  # short first page: either the end or a lower server cap; probe one page at a time
        if last == self.first:
            return
        cap = self.first + self.max_pages - 1
        next_page = self.first + 1
        tasks: dict[int, asyncio.Future[tuple[Rows, int | None]]] = {}
        try:
            while True:
                while len(tasks) < depth:
                    n = next_page + len(tasks)
                    if n > cap or (last is not None and n > last):
                        break
                    tasks[n] = asyncio.ensure_future(self._page(fetch, path, query, n, errors))
                if next_page not in tasks:
                    if last is not None and next_page > last:
                        return
                    raise errors.endless(path, self.max_pages)
                body, _ = await tasks.pop(next_page)
                if not body:
                    return
                digest = _digest(body)
                if digest == previous:
                    # A repeated page: read it again (empty now when the repeat stood in for the end).
                    body, _ = await self._page(fetch, path, query, next_page, errors)
                    if not body:
                        return
                    digest = _digest(body)
                    if digest == previous:
                        raise errors.repeated(path, next_page)
                previous = digest
                size = len(body)
                yield body
                del body
                server_size = max(server_size, size)
                if last is None and size < server_size:
                    return  # shorter than a page the server has already filled: the end
                if size == server_size:
                    depth = full_depth  # the server's page size is known now: read ahead again
                next_page += 1
        finally:
            for task in tasks.values():
                task.cancel()
            await asyncio.gather(*tasks.values(), return_exceptions=True)


@dataclass(frozen=True, kw_only=True)
class Offset:
    """Pages by row offset: ``?offset=0&limit=100``, ``?offset=100&limit=100``..., one at a time.

    The end is an empty page or one shorter than ``page_size``.

    Attributes:
        offset_param: the offset's query parameter (rows to skip).
        limit_param: the page size's query parameter.
        page_size: the rows asked for per page.
        rows: the member of the JSON body that holds the rows (``None``: the body is the list).
        max_pages: the most pages one list may take.

    """

    offset_param: str = "offset"
    limit_param: str = "limit"
    page_size: int = 100
    rows: str | None = None
    max_pages: int = 10_000

    async def pages(
        self,
        fetch: Fetch,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        errors: ProviderErrors | None = None,
        prefetch: int = 1,
    ) -> AsyncIterator[Rows]:
        """Every page of ``path`` in order (``prefetch`` is unused: each offset follows the last page)."""
        errors = errors or _ANY_PROVIDER
        offset, previous = 0, b""
        for number in itertools.count(1):
            query = {**(params or {}), self.offset_param: offset, self.limit_param: self.page_size}
            body, _ = await fetch(path, query)
            rows = _rows(body, self.rows, path, errors)
            if not rows:
                return
            if number > self.max_pages:
                raise errors.endless(path, self.max_pages)
            digest = _digest(rows)
            if digest == previous:
                raise errors.repeated(path, number)  # the offset is ignored: every page would be this one
            previous = digest
            yield rows
            if len(rows) < self.page_size:
                return
            offset += len(rows)


def _member(body: Any, dotted: str) -> Any:
    """``body["a"]["b"]`` for ``"a.b"``; ``None`` when a step is missing or not an object."""
    for key in dotted.split("."):
        if not isinstance(body, dict):
            return None
        body = body.get(key)
    return body


@dataclass(frozen=True, kw_only=True)
class Cursor:
    """Pages chained by a cursor: each answer names the cursor of the next page, the last names none.

    Attributes:
        cursor_param: the query parameter the cursor is sent in.
        next_cursor: where an answer names the next cursor: a dotted path into the JSON body
            (``"meta.next"``) or a function of the body. Missing, null or empty: the last page.
        rows: the member of the JSON body that holds the rows (``None``: the body is the list).
        size_param: the page size's query parameter (``None``: the size is not sent).
        page_size: the rows asked for per page.
        max_pages: the most pages one list may take.

    """

    cursor_param: str = "cursor"
    next_cursor: str | Callable[[Any], Any] = "next_cursor"
    rows: str | None = "data"
    size_param: str | None = None
    page_size: int | None = None
    max_pages: int = 10_000

    async def pages(
        self,
        fetch: Fetch,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        errors: ProviderErrors | None = None,
        prefetch: int = 1,
    ) -> AsyncIterator[Rows]:
        """Every page of ``path`` in order (``prefetch`` is unused: each cursor comes with the last page)."""
        errors = errors or _ANY_PROVIDER
        query = _sized(params, self.size_param, self.page_size)
        seen: set[str] = set()
        for number in itertools.count(1):
            body, _ = await fetch(path, query)
            rows = _rows(body, self.rows, path, errors)
            if rows:
                yield rows
            found = self.next_cursor(body) if callable(self.next_cursor) else _member(body, self.next_cursor)
            if found is None or found == "":
                return
            cursor = str(found)
            if cursor in seen:
                raise errors.cycled(path, number + 1)
            if number >= self.max_pages:
                raise errors.endless(path, self.max_pages)
            seen.add(cursor)
            query = {**query, self.cursor_param: cursor}


@dataclass(frozen=True, kw_only=True)
class LinkHeader:
    """Pages chained by the ``Link`` header (RFC 8288): each answer links the next page, the last does not.

    The next page's address is taken as the provider wrote it (its query carries the paging), but
    only on the host that answered: a link to another host is an error, never followed, since the
    request would carry the account's credentials there.

    Attributes:
        size_param: the page size's query parameter on the first request (``None``: not sent).
        page_size: the rows asked for per page.
        rows: the member of the JSON body that holds the rows (``None``: the body is the list).
        max_pages: the most pages one list may take.

    """

    size_param: str | None = None
    page_size: int | None = None
    rows: str | None = None
    max_pages: int = 10_000

    async def pages(
        self,
        fetch: Fetch,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        errors: ProviderErrors | None = None,
        prefetch: int = 1,
    ) -> AsyncIterator[Rows]:
        """Every page of ``path`` in order (``prefetch`` is unused: each link comes with the last page)."""
        errors = errors or _ANY_PROVIDER
        url, query = path, _sized(params, self.size_param, self.page_size)
        seen: set[str] = set()
        for number in itertools.count(1):
            body, response = await fetch(url, query)
            rows = _rows(body, self.rows, path, errors)
            if rows:
                yield rows
            link = response.links.get("next", {}).get("url") if "link" in response.headers else None
            if not link:
                return
            here = response.request.url
            target = here.join(link)
            if (target.scheme, target.netloc) != (here.scheme, here.netloc):
                raise errors.foreign_link(path, target.host)
            if str(target) in seen:
                raise errors.cycled(path, number + 1)
            if number >= self.max_pages:
                raise errors.endless(path, self.max_pages)
            seen.add(str(target))
            url, query = str(target), {}
