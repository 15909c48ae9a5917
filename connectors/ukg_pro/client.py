"""The UKG Pro REST client for one linked account (httpx, async).

It reads record types by the names field maps use, pages them the way UKG pages (``page`` plus the
endpoint's ``per_Page``/``per_page``; the end is ``[]`` or a page shorter than the server's page
size; a ``Link`` header's ``last`` is honoured), keeps a bounded number of requests in flight, and
retries 429, 5xx, dropped connections, timeouts and malformed pages with backoff, within a cap on
attempts and on total time. Every failure leaves as a :mod:`hub.errors` error with a remedy.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import time
from collections.abc import AsyncIterator, Collection, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import orjson
import stamina

from connectors.ukg_pro.auth import UkgAuth
from connectors.ukg_pro.derived import DERIVED
from connectors.ukg_pro.endpoints import ENDPOINTS, Endpoint
from connectors.ukg_pro.failures import (
    HOST_FIELDS,
    HOST_REMEDY,
    PROVIDER,
    RETRY_STATUSES,
    Retryable,
    error_for_response,
    error_for_transport,
    retry_after,
)
from connectors.ukg_pro.labels import label_table, org_level_labels
from connectors.ukg_pro.limiter import AdaptiveLimiter
from connectors.ukg_pro.scopes import (
    COMPANY_CONFIGURATION,
    EMPLOYEE_EXPORT,
)
from hub.sdk import (
    HttpSettings,
    LabelTable,
    MissingPermission,
    NotFound,
    ProviderResponseError,
    ProviderUnreachable,
)

__all__ = ["PERMISSION_PROBES", "UkgProClient", "create_client"]

log = logging.getLogger(__name__)

PERMISSION_PROBES: dict[str, str] = {
    "Employee Person Details": "person-details",
    "Personnel Integration": "employment-details",
    COMPANY_CONFIGURATION: "company-details",
    "Employee Compensation Details": "compensation-details",
    "Employee Job History Details": "employee-job-history-details",
    "PTO Plan Integration": "pto-plans",
    EMPLOYEE_EXPORT: "employee-changes",
}
"""Permission → the record type whose first row proves it is granted (a 403 proves it is not)."""


ROWS_IN_FLIGHT = 5_000
"""The most rows one list may have requested ahead of the caller (bounds memory on wide pages).

Two 2,500-row pages: a full sync reads two joined sources at once, and 7,500 here put a 50,000-employee
sync over 300 MB at its peak for no measurable gain in time."""


def _format_change_date(moment: datetime, *, ceil: bool = False) -> str:
    """UKG's window bound, to the second; ``ceil`` rounds an end up so its last second is covered."""
    moment = moment.astimezone(UTC)
    if ceil and moment.microsecond:
        moment = moment.replace(microsecond=0) + timedelta(seconds=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _list_filter(values: Sequence[Any]) -> str:
    """UKG's filter for "one of": a bare value, or ``[A,B,C]`` (UKG's list syntax)."""
    texts = [str(v) for v in dict.fromkeys(values)]
    for text in texts:
        if any(c in text for c in ",[]*"):
            raise ValueError(f"{text!r} cannot be sent in a UKG list filter")
    return texts[0] if len(texts) == 1 else "[" + ",".join(texts) + "]"


class UkgProClient:
    """Reads one UKG Pro tenant for one linked account."""

    def __init__(self, credentials: Mapping[str, Any], settings: HttpSettings) -> None:
        self.base_url = credentials["base_url"]
        self.settings = settings
        self.auth = UkgAuth(credentials["username"], credentials["password"], credentials["customer_api_key"])
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            auth=self.auth,
            transport=settings.transport,
            timeout=settings.timeout,
            follow_redirects=False,
            headers={"Accept": "application/json"},
            limits=httpx.Limits(max_connections=settings.max_concurrency * 2),
        )
        self.limiter = AdaptiveLimiter(settings.max_concurrency)
        self.requests = 0
        self._levels: dict[int, str] | None = None
        self._code_tables: dict[str, dict[str, str]] = {}

    def __repr__(self) -> str:
        return f"UkgProClient({self.base_url!r})"

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> UkgProClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- one request -----------------------------------------------------------------------------

    async def _attempt(self, path: str, params: Mapping[str, Any]) -> tuple[Any, httpx.Response]:
        async with self.limiter.slot():
            self.requests += 1
            try:
                response = await self._http.get(path, params=params)
            except httpx.TransportError as exc:
                raise Retryable(error_for_transport(exc, path)) from exc
        if response.status_code == 429:
            await self.limiter.throttled()
        if response.status_code in RETRY_STATUSES:
            raise Retryable(error_for_response(response), retry_after(response))
        if response.status_code != 200:
            raise error_for_response(response)
        try:
            body = orjson.loads(response.content)
        except ValueError as exc:
            error = ProviderResponseError(
                f"UKG Pro sent malformed JSON from {path} (page {params.get('page', 1)}).",
                provider="ukg_pro",
            )
            raise Retryable(error) from exc
        await self.limiter.succeeded()
        return body, response

    async def get_json(
        self, path: str, params: Mapping[str, Any] | None = None
    ) -> tuple[Any, httpx.Response]:
        """GET ``path`` with retries; the parsed JSON body and the response."""
        settings = self.settings
        deadline = time.monotonic() + settings.max_retry_seconds

        def backoff(exc: Exception) -> bool | float:
            if not isinstance(exc, Retryable):
                return False
            if exc.wait is None:
                return True
            # UKG's Retry-After says when to come back: sleeping past the retry budget would break the
            # cap on total time, and coming back sooner is pointless. Give up now; the error says when.
            return exc.wait if time.monotonic() + exc.wait <= deadline else False

        try:
            async for attempt in stamina.retry_context(
                on=backoff,
                attempts=settings.max_attempts,
                timeout=settings.max_retry_seconds,
                wait_initial=settings.retry_initial_wait,
                wait_max=max(settings.retry_initial_wait, 30.0),
                wait_jitter=settings.retry_initial_wait,
                wait_exp_base=2,
            ):
                with attempt:
                    return await self._attempt(path, params or {})
        except Retryable as exc:
            raise exc.error from None
        raise AssertionError("unreachable")  # pragma: no cover

    # -- paging ----------------------------------------------------------------------------------

    async def _page(
        self, endpoint: Endpoint, page: int, params: Mapping[str, Any]
    ) -> tuple[list[dict[str, Any]], int | None]:
        """One page's rows and the ``last`` page its ``Link`` header names.

        The response itself is let go: its body would double a prefetched page's memory.
        """
        query = {**params, "page": page, endpoint.page_param: endpoint.page_size}
        body, response = await self.get_json(endpoint.path, query)
        if not isinstance(body, list):
            raise ProviderResponseError(
                f"UKG Pro sent a {type(body).__name__} where a list was expected from {endpoint.path}.",
                provider="ukg_pro",
            )
        return body, self._last_page(response)

    def _last_page(self, response: httpx.Response) -> int | None:
        """The ``last`` page number from an RFC 5988 ``Link`` header on our own host, if any."""
        link = response.links.get("last") if "link" in response.headers else None
        if not link or "url" not in link:
            return None
        url = urlsplit(link["url"])
        if url.netloc and url.netloc != urlsplit(self.base_url).netloc:
            return None  # never trust a link to another host
        pages = parse_qs(url.query).get("page")
        try:
            return int(pages[0]) if pages else None
        except ValueError:
            return None

    async def pages(self, endpoint: Endpoint, **params: Any) -> AsyncIterator[list[dict[str, Any]]]:
        """Every page of an endpoint, in order, with up to ``page_prefetch`` pages requested ahead."""
        if not endpoint.paged:
            body, _ = await self.get_json(endpoint.path, params)
            if not isinstance(body, list):
                body = [body]
            yield body
            return
        full_depth = depth = max(1, self.settings.page_prefetch or self.settings.max_concurrency)
        first, last = await self._page(endpoint, 1, params)
        if not first:
            return
        server_size = len(first)  # the server may cap below what we asked for
        previous = _digest(first)
        yield first
        del first  # the caller has it; holding it here would keep a whole page alive for the whole read
        # Read ahead by pages, but never hold more than ROWS_IN_FLIGHT rows: 8 pages of wide records
        # would be most of a gigabyte.
        full_depth = min(full_depth, max(1, ROWS_IN_FLIGHT // max(server_size, 1)))
        depth = min(depth, full_depth)
        if server_size < endpoint.page_size and last is None:
            depth = 1  # short first page: either the end or a lower server cap; probe one page at a time
        if last == 1:
            return
        next_page = 2
        tasks: dict[int, asyncio.Future[tuple[list[dict[str, Any]], int | None]]] = {}
        try:
            while True:
                while len(tasks) < depth and (last is None or next_page + len(tasks) <= last):
                    n = next_page + len(tasks)
                    tasks[n] = asyncio.ensure_future(self._page(endpoint, n, params))
                if next_page not in tasks:
                    return
                body, _ = await tasks.pop(next_page)
                if not body:
                    return
                digest = _digest(body)
                if digest == previous:
                    # A repeated page: read it again (empty now when the repeat stood in for the end).
                    body, _ = await self._page(endpoint, next_page, params)
                    if not body:
                        return
                    digest = _digest(body)
                    if digest == previous:
                        raise ProviderResponseError(
                            f"UKG Pro returned the same records for pages {next_page - 1} and {next_page} "
                            f"of {endpoint.path}; stopping rather than looping.",
                            provider="ukg_pro",
                        )
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

    # -- the hub's client protocol ---------------------------------------------------------------

    async def records(
        self,
        record: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        where: Mapping[str, Sequence[Any]] | None = None,
        **params: Any,
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Stream UKG records of one type (``person-details``, ``org-levels``, ...) page by page.

        ``since``/``until`` bound the change feed's window (``startDate``/``endDate``); ``where``
        filters by key fields, sent as UKG's list filters (``employeeId=[A,B]``). A derived type
        (:mod:`connectors.ukg_pro.derived`) is read whole, then built and yielded once.
        """
        if record in DERIVED:
            source, build = DERIVED[record]
            async for page in build(self.records(source, since=since, until=until, where=where, **params)):
                yield page
            return
        try:
            endpoint = ENDPOINTS[record]
        except KeyError:
            raise ValueError(
                f"unknown UKG Pro record type {record!r}; known: {', '.join(ENDPOINTS)}"
            ) from None
        if since is not None:
            params["startDate"] = _format_change_date(since)
        if until is not None:
            params["endDate"] = _format_change_date(until, ceil=True)
        for name, values in (where or {}).items():
            params[name] = _list_filter(values)
        async for page in self.pages(endpoint, **params):
            yield page

    async def probe(self) -> None:
        """One cheap call that proves the host and credentials (a 403 still proves the credentials)."""
        endpoint = ENDPOINTS["person-details"]
        try:
            await self.get_json(endpoint.path, {"page": 1, endpoint.page_param: 1})
        except MissingPermission:
            return
        except NotFound:
            # A list route never answers 404 on UKG: the host answered, but it is not UKG's web services.
            raise ProviderUnreachable(
                f"The host answered, but not as UKG Pro's web services do (404 on {endpoint.path}).",
                provider=PROVIDER,
                remedy=HOST_REMEDY,
                fields=HOST_FIELDS,
            ) from None

    async def check_permissions(self, permissions: Iterable[str]) -> dict[str, bool]:
        """Whether the account holds each permission, probed with one tiny read per permission."""
        wanted = list(dict.fromkeys(permissions))

        async def holds(permission: str) -> bool:
            record = PERMISSION_PROBES.get(permission)
            if record is None:
                return False
            endpoint = ENDPOINTS[record]
            params: dict[str, Any] = {}
            if endpoint.paged:
                params = {"page": 1, endpoint.page_param: 1}
            if record == "employee-changes":
                now = datetime.now(UTC)
                params |= {
                    "startDate": _format_change_date(now - timedelta(minutes=1)),
                    "endDate": _format_change_date(now),
                }
            try:
                await self.get_json(endpoint.path, params)
            except MissingPermission:
                return False
            return True

        granted = await asyncio.gather(*(holds(p) for p in wanted))
        return dict(zip(wanted, granted, strict=True))

    async def labels(self, model: str) -> LabelTable:
        """The customer's org-level labels for one unified model's map (read once, then cached).

        Without Company Configuration Integration the labels cannot be read; maps then fall back to
        the generic ``Org Level N`` labels.
        """
        if self._levels is None:
            rows: list[dict[str, Any]] = []
            try:
                async for page in self.records("org-levels"):
                    rows.extend(page)
            except MissingPermission:
                log.warning(
                    "org-level labels unreadable without %r; using Org Level N", COMPANY_CONFIGURATION
                )
            self._levels = org_level_labels(rows)
        return label_table(self._levels, model)

    async def code_tables(self, names: Collection[str]) -> dict[str, dict[str, str]]:
        """The tenant's code tables by name: ``{code: the customer's description}`` (read once, cached).

        Each is ``GET /configuration/v1/code-tables/{TABLE}`` (Company Configuration Integration). The
        path is built from the table name, never from the ``url`` links UKG's table list carries, so a
        response cannot point the hub elsewhere. A table the account cannot read, or that the tenant
        lacks, is left out; the maps then keep UKG's codes.
        """
        for name in sorted(set(names) - set(self._code_tables)):
            if not _TABLE_NAME.fullmatch(name):
                raise ValueError(f"not a UKG code table name: {name!r}")
            try:
                rows, _ = await self.get_json(f"{ENDPOINTS['code-tables'].path}/{name}")
            except (MissingPermission, NotFound):
                log.warning("code table %s unreadable; fields decoded with it keep UKG's codes", name)
                rows = []
            self._code_tables[name] = {
                str(row["code"]).strip(): str(row["description"]).strip()
                for row in rows
                if isinstance(row, dict)
                if isinstance(row.get("code"), str | int) and isinstance(row.get("description"), str)
            }
        return {name: self._code_tables[name] for name in names if self._code_tables.get(name)}


_TABLE_NAME = re.compile(r"[A-Za-z0-9_]{1,64}")


def _digest(page: list[dict[str, Any]]) -> bytes:
    """A cheap fingerprint of a page: its first and last rows."""
    ends = json.dumps([page[0], page[-1], len(page)], sort_keys=True, default=str)
    return hashlib.blake2b(ends.encode(), digest_size=16).digest()


def create_client(credentials: Mapping[str, Any], settings: HttpSettings) -> UkgProClient:
    """The connector's client factory (see :class:`hub.connector.Connector`)."""
    return UkgProClient(credentials, settings)
