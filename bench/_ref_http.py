"""The reference sync's UKG Pro reads, written by hand on httpx: auth headers, a semaphore, UKG's paging.

The requests are the hub's: the same paths, ``page`` with the endpoint's spelling of the page size
(``per_Page``, ``per_page`` on pto-plans) and the same sizes asked for (2,500; 1,000 on pto-plans).
UKG's end of a list is an empty page or a page shorter than the longest one so far: the server may cap
a page below the size asked for, so a short first page is not the end, and pages are read one at a
time until a second page as long as the first shows the server's page size. Then pages are requested
ahead of the reader, as many as keep :data:`ROWS_AHEAD` rows in flight (the hub's client holds as many),
all requests of the run sharing one limit of ``concurrency`` in flight.

A 429, a 5xx or a dropped connection is tried again a few times (the bench's sandbox sends none).
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator, Mapping
from typing import Any

import httpx
import orjson

ROWS_AHEAD = 5_000
"""Rows a list may have requested ahead of its reader: the bound the hub's UKG client keeps."""

PAGE_SIZE = 2_500
"""Rows asked for per page (the hub's UKG client asks for as many)."""

ATTEMPTS = 4
"""Tries of one request before its failure is raised."""

Rows = list[dict[str, Any]]


class UkgReader:
    """Reads one UKG Pro tenant: ``await get(path)`` for one call, ``pages(...)`` for a paged list.

    ``transport`` replaces the network (a test's in-process sandbox).
    """

    def __init__(
        self,
        base_url: str,
        credentials: Mapping[str, str],
        concurrency: int,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        token = base64.b64encode(f"{credentials['username']}:{credentials['password']}".encode()).decode()
        self.http = httpx.AsyncClient(
            base_url=base_url,
            headers={
                "Accept": "application/json",
                "Authorization": f"Basic {token}",
                "US-Customer-Api-Key": credentials["customer_api_key"],
            },
            timeout=httpx.Timeout(300),
            limits=httpx.Limits(max_connections=concurrency),
            follow_redirects=False,
            transport=transport,
        )
        self.concurrency = concurrency
        self.slots = asyncio.Semaphore(concurrency)
        self.requests = 0

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self.http.aclose()

    async def get(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """The decoded JSON body of ``GET path``, tried again on 429, 5xx and dropped connections."""
        for attempt in range(1, ATTEMPTS + 1):
            async with self.slots:
                self.requests += 1
                try:
                    response = await self.http.get(path, params=params)
                except httpx.TransportError:
                    if attempt == ATTEMPTS:
                        raise
                    response = None
            if response is not None:
                if response.status_code == 200:
                    return orjson.loads(response.content)
                if attempt == ATTEMPTS or not (response.status_code == 429 or response.status_code >= 500):
                    raise httpx.HTTPStatusError(
                        f"{response.status_code} on {path}", request=response.request, response=response
                    )
            await asyncio.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")

    async def pages(
        self, path: str, size_param: str = "per_Page", size: int = PAGE_SIZE
    ) -> AsyncIterator[Rows]:
        """Every page of a paged list, in order."""
        pending: dict[int, asyncio.Task[Any]] = {}
        number, longest, window = 1, 0, 1
        try:
            while True:
                while len(pending) < window:
                    n = number + len(pending)
                    pending[n] = asyncio.ensure_future(self.get(path, {"page": n, size_param: size}))
                page = await pending.pop(number)
                if not isinstance(page, list):
                    raise ValueError(f"{path} page {number}: not a list")
                if not page:
                    return
                yield page
                if len(page) < longest:
                    return
                if len(page) == longest or len(page) >= size:  # the server's page size is known
                    window = max(1, min(self.concurrency, ROWS_AHEAD // len(page)))
                longest = max(longest, len(page))
                number += 1
        finally:
            for task in pending.values():
                task.cancel()
            await asyncio.gather(*pending.values(), return_exceptions=True)

    async def rows(self, path: str, size_param: str = "per_Page", size: int = PAGE_SIZE) -> Rows:
        """Every row of a paged list."""
        found: Rows = []
        async for page in self.pages(path, size_param, size):
            found.extend(page)
        return found
