"""The UKG Pro REST client for one linked account, on the hub's REST toolkit (``hub.sdk.RestClient``).

It reads record types by the names field maps use, pages them the way UKG pages (``page`` plus the
endpoint's ``per_Page``/``per_page``; the end is ``[]`` or a page shorter than the server's page
size; a ``Link`` header's ``last`` is honoured: the toolkit's ``PageNumber``), and leaves to the
toolkit the bounded number of requests in flight and the retries of 429, 5xx, dropped connections,
timeouts and malformed pages with backoff, within a cap on attempts and on total time. Every failure
leaves as a hub error with a remedy in UKG's words (:mod:`connectors.ukg_pro.failures`).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Callable, Collection, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from connectors.ukg_pro.auth import UkgAuth
from connectors.ukg_pro.credentials import current_base_url
from connectors.ukg_pro.derived import DERIVED, GROWING, Growing
from connectors.ukg_pro.endpoints import ENDPOINTS, Endpoint
from connectors.ukg_pro.failures import ERRORS, HOST_FIELDS, HOST_REMEDY, PROVIDER
from connectors.ukg_pro.keyed import keyed_queries, one_each
from connectors.ukg_pro.labels import label_table, org_level_labels
from connectors.ukg_pro.masking import mask_rows
from connectors.ukg_pro.reuse import REREAD, ReadOnce
from connectors.ukg_pro.scopes import (
    COMPANY_CONFIGURATION,
    DIRECT_DEPOSIT,
    EMPLOYEE_EXPORT,
    PAY_STATEMENTS,
    PAYROLL_INTEGRATION,
)
from hub.sdk import (
    HttpSettings,
    LabelTable,
    MissingPermission,
    NotFound,
    PageNumber,
    ProviderUnreachable,
    RestClient,
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
    DIRECT_DEPOSIT: "direct-deposit",
    PAYROLL_INTEGRATION: "paygroup-payperiods",
    PAY_STATEMENTS: "pay-statements",
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


FIRST_PAY_DATE = datetime(2000, 1, 1, tzinfo=UTC)
"""Where a read of the whole pay history starts (UKG requires a start date; it publishes no earliest)."""


CHANGED_MARGIN = timedelta(days=2)
"""How many days before a change feed window's first day a read of changed rows starts: one for the
tenant's time zone (UKG's dates are local, the window UTC), one for ``=>`` read as strictly after."""


RECENT_DEDUCTIONS = timedelta(days=62)
"""How far back the payroll deductions history is read for the tenant's plans: two months of checks
before the tenant's latest pay date."""

PAY_DATES_AHEAD = timedelta(days=31)
"""How far past now a pay-statement read reaches: a run is processed days before its pay date (inferred)."""


SMALLEST_PAGE_CAP = 100
"""The fewest rows UKG puts on a page when more were asked for: the smallest page maximum it ever
published (100 on its main personnel endpoints before 2022, 10,000 since; 200 and 1,000 seen elsewhere).

A read of one employee (a change feed's) returns that employee's few rows, fewer than this: its first
page is then known to be its last, with no request for a second. Whole reads keep asking for the page
after a short one, so a tenant capping pages below UKG's sizes (the tests' tenants cap at 15) loses nothing.
"""


def _changed_day(since: datetime) -> date:
    """The day a changed read of ``since`` names: :data:`CHANGED_MARGIN` before its UTC day."""
    return since.astimezone(UTC).date() - CHANGED_MARGIN


def _paginator(endpoint: Endpoint, *, one_employee: bool = False, narrow: bool = False) -> PageNumber:
    """UKG's paging of one endpoint: ``page`` and the endpoint's spelling of the page size.

    ``narrow``: a read of some rows (a change feed's: changed rows, or a list of ids), whose short first
    page of a size the endpoint never caps at is its last (:attr:`Endpoint.page_caps`).
    """
    return PageNumber(
        page_param="page",
        size_param=endpoint.page_param,
        page_size=endpoint.page_size,
        rows_in_flight=ROWS_IN_FLIGHT,
        smallest_cap=SMALLEST_PAGE_CAP if one_employee else None,
        known_caps=endpoint.page_caps if narrow and endpoint.page_caps else None,
    )


class UkgProClient(RestClient):
    """Reads one UKG Pro tenant for one linked account."""

    def __init__(self, credentials: Mapping[str, Any], settings: HttpSettings) -> None:
        self.auth = UkgAuth(credentials["username"], credentials["password"], credentials["customer_api_key"])
        base_url = current_base_url(credentials, settings)  # never the stored one: see its docstring
        super().__init__(base_url, settings, errors=ERRORS, auth=self.auth)
        self._levels: dict[int, str] | None = None
        self._code_tables: dict[str, dict[str, str]] = {}
        self._deduction_code_list: list[str] | None = None
        self.read_once = ReadOnce()

    # -- paging ----------------------------------------------------------------------------------

    async def pages(
        self, endpoint: Endpoint, *, one_employee: bool = False, narrow: bool = False, **params: Any
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Every page of an endpoint, in order, with up to ``page_prefetch`` pages requested ahead.

        ``one_employee``: the read is of one employee's rows (fewer than :data:`SMALLEST_PAGE_CAP`
        as a rule), so a page shorter than that is the last. ``narrow``: a read of some rows (changed
        ones, or a list of ids): a short first page of none of the endpoint's published page maxima
        is the last.
        """
        if endpoint.method == "POST":
            async for page in self._posted_pages(endpoint, params):
                yield page
            return
        if not endpoint.paged:
            body = await self.get(endpoint.path, params)
            if not isinstance(body, list):
                body = [body]
            yield body
            return
        paginator = _paginator(endpoint, one_employee=one_employee, narrow=narrow)
        async for page in self.paginate(endpoint.path, paginator, **params):
            yield page

    async def _keyed_pages(
        self, endpoint: Endpoint, queries: list[dict[str, Any]], keys: frozenset[str]
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """The pages of several keyed queries, read at once (the limiter bounds the requests in flight).

        A query naming one value per key in ``keys`` reads one employee: see :meth:`pages`. Each
        query's pages are held until their turn comes; a keyed read's rows are few.
        """

        async def read(query: dict[str, Any]) -> list[list[dict[str, Any]]]:
            one = one_each(query, keys)
            return [page async for page in self.pages(endpoint, one_employee=one, narrow=True, **query)]

        tasks = [asyncio.ensure_future(read(query)) for query in queries]
        try:
            for task in tasks:
                for page in await task:
                    yield page
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _posted_pages(
        self, endpoint: Endpoint, filters: Mapping[str, Any]
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """A POST read's pages, one after another: filters and paging (``page``, ``per_Page``) in the body.

        The end is ``[]``, or a page shorter than the longest one so far: the server may cap the page
        below the size asked for, so a first page shorter than asked is not the end.
        """
        number, longest = 1, 0
        while True:
            body = {**filters, "page": number, endpoint.page_param: endpoint.page_size}
            page = await self.post(endpoint.path, body)
            if not isinstance(page, list):
                raise self.errors.malformed(endpoint.path, {"page": number})
            if not page:
                return
            yield page
            if len(page) < longest:
                return
            longest = max(longest, len(page))
            number += 1

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
        filters by key fields: as UKG's list filters (``employeeId=[A,B]``) where UKG publishes them,
        else one id per request (:func:`connectors.ukg_pro.keyed.keyed_queries`); rows beyond the
        keys may come too. A derived type (:mod:`connectors.ukg_pro.derived`) is read whole, then
        built and yielded once. A read several maps make (:data:`~connectors.ukg_pro.reuse.REREAD`)
        is made once per client, whole or for the same keys, and replayed after; so is a read of the
        rows changed since a day (:meth:`changed_records`), the same for each batch of a feed's keys.
        """
        if record == "emp-deductions" and not any(k.lower() == "dedcode" for k in params):
            # UKG requires dedCode: every plan's enrolments, code by code.
            for code in await self._deduction_codes():
                async for page in self.records(record, where=where, dedCode=code):
                    yield page
            return
        if record == "payroll-deductions-history" and not any(k.lower() == "startpercontrol" for k in params):
            params["startPerControl"] = await self._recent_period_control()
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
        if endpoint.method == "POST":  # pay statements: a pay-date window, always (UKG requires one)
            since = since or FIRST_PAY_DATE
            until = until or datetime.now(UTC) + PAY_DATES_AHEAD
        if since is not None:
            params["startDate"] = _format_change_date(since)
        if until is not None:
            params["endDate"] = _format_change_date(until, ceil=True)
        name = f"{record}?{sorted(params.items())}"
        keys = frozenset(where or ())
        queries = keyed_queries(endpoint, where, params) if where else [params]
        if where:
            name += f" where {sorted((k, sorted(map(str, v))) for k, v in where.items())}"
        whole = self.settings.full_account_numbers
        changed = endpoint.changed_filter is not None and endpoint.changed_filter in params

        async def fetch() -> AsyncIterator[list[dict[str, Any]]]:
            pages = (
                self._keyed_pages(endpoint, queries, keys)
                if where
                else self.pages(endpoint, narrow=changed, **params)
            )
            async for page in pages:
                yield page if whole else mask_rows(record, page)

        # A changed-rows read is the same for each batch of a change feed's keys: read once, replayed.
        read = self.read_once.read(name, fetch) if record in REREAD or changed else fetch()
        async for page in read:
            yield page

    async def changed_records(
        self,
        record: str,
        *,
        since: datetime,
        where: Mapping[str, Sequence[Any]] | None = None,
        stored: Callable[[Sequence[Any]], list[dict[str, Any]] | None] | None = None,
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """The rows of ``record`` UKG says changed on or after ``since``'s day, page by page.

        One filtered read (``dateTimeChanged=>MM-DD-YYYY``, the endpoint's
        :attr:`~connectors.ukg_pro.endpoints.Endpoint.changed_filter`) instead of one request per
        employee: UKG takes one id per filter on these endpoints, so ``where`` is not sent and rows
        of other employees come too (the hub keeps those it asked for). UKG's date filters take a
        day, in the tenant's time zone, and describe ``=>`` as "greater than": the filter names the
        day :data:`CHANGED_MARGIN` before ``since``'s (UTC) day, so neither a time zone nor a strict
        "after" loses a change. Both models' reads of employment-details are one read (it is in
        :data:`~connectors.ukg_pro.reuse.REREAD`).

        A derived type that grows (:data:`~connectors.ukg_pro.derived.GROWING`: job-history periods) needs
        ``stored``, the rows the hub stored for a key (its values by the type's key fields), and
        gives the whole rows again of each key with rows created since: its stored rows with the new
        ones, a key with nothing stored read whole by key. UKG publishes only ``dateTimeCreated`` on
        job history: a row edited in place, not added, is seen at the next full read.
        """
        growing = GROWING.get(record)
        if growing is not None:
            if stored is None:
                raise ValueError(f"{record!r} is rebuilt from the rows stored for each key: pass stored")
            rows = await self._grown(DERIVED[record][0], growing, since, where, stored)
            if rows:
                yield growing.build(rows)
            return
        endpoint = ENDPOINTS.get(record)
        if endpoint is None or endpoint.changed_filter is None:
            raise ValueError(f"UKG Pro publishes no filter on when a {record!r} row changed")
        params: dict[str, Any] = {endpoint.changed_filter: "=>" + _changed_day(since).strftime("%m-%d-%Y")}
        async for page in self.records(record, **params):
            yield page

    async def _grown(
        self,
        source: str,
        growing: Growing,
        since: datetime,
        where: Mapping[str, Sequence[Any]] | None,
        stored: Callable[[Sequence[Any]], list[dict[str, Any]] | None],
    ) -> list[dict[str, Any]]:
        """The ``source`` rows of each key of ``where`` with rows created since ``since``: stored and new."""
        listed = {name: {str(v) for v in values} for name, values in (where or {}).items()}
        added: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
        async for page in self.changed_records(source, since=since):
            for row in page:
                if all(str(row.get(name)) in values for name, values in listed.items()):
                    added.setdefault(tuple(row.get(name) for name in growing.key), []).append(row)
        rows: list[dict[str, Any]] = []
        unknown: set[tuple[Any, ...]] = set()
        for key, new in added.items():
            known = stored(key)
            if known is None:
                unknown.add(key)
                continue
            rows.extend(growing.rebuilt(known, new))
        if unknown:
            for key in await self._created_after(growing.owner, since, unknown):
                rows.extend(added[key])  # a hire: every row of the employment is new
                unknown.discard(key)
        if unknown:
            by_key = {name: sorted({str(key[i]) for key in unknown}) for i, name in enumerate(growing.key)}
            async for page in self.records(source, where=by_key):
                rows.extend(row for row in page if tuple(row.get(name) for name in growing.key) in unknown)
        return rows

    async def _created_after(
        self, owner: tuple[str, tuple[str, ...], str], since: datetime, keys: Collection[tuple[Any, ...]]
    ) -> set[tuple[Any, ...]]:
        """Those of ``keys`` whose ``owner`` record was created after the day of a changed read of ``since``.

        From the owner's own changed read (the one the sync makes anyway: it is kept for replay).
        """
        record, fields, created = owner
        day = _changed_day(since).isoformat()
        wanted = {tuple(map(str, key)): key for key in keys}
        found: set[tuple[Any, ...]] = set()
        async for page in self.changed_records(record, since=since):
            for row in page:
                key = wanted.get(tuple(str(row.get(name)) for name in fields))
                moment = row.get(created)
                if key is not None and isinstance(moment, str) and moment[:10] > day:
                    found.add(key)
        return found

    async def aclose(self) -> None:
        """Close the connection pool and drop the whole reads kept for replay."""
        self.read_once.close()
        await super().aclose()

    async def _recent_period_control(self) -> str:
        """The period control two months before the tenant's latest pay date (``YYYYMMDD`` then ``0``).

        Taken from the tenant's own pay periods rather than this machine's clock, so a tenant whose
        payroll stopped, or a test tenant, still shows its plans.
        """
        latest: date | None = None
        async for page in self.records("paygroup-payperiods"):
            for row in page:
                value = row.get("payDate")
                try:
                    paid = date.fromisoformat(value[:10]) if isinstance(value, str) else None
                except ValueError:
                    paid = None
                if paid is not None and (latest is None or paid > latest):
                    latest = paid
        since = (latest or datetime.now(UTC).date()) - RECENT_DEDUCTIONS
        return since.strftime("%Y%m%d") + "0"

    async def _deduction_codes(self) -> list[str]:
        """The deduction codes on the tenant's checks of the last two months (read once, cached)."""
        if self._deduction_code_list is None:
            codes: dict[str, None] = {}
            async for page in self.records("payroll-deductions-history"):
                for row in page:
                    code = row.get("deductionCode")
                    if isinstance(code, str) and code.strip() and not any(c in code for c in ",[]*"):
                        codes[code.strip()] = None
            self._deduction_code_list = sorted(codes)
        return self._deduction_code_list

    async def probe(self) -> None:
        """One cheap call that proves the host and credentials (a 403 still proves the credentials)."""
        endpoint = ENDPOINTS["person-details"]
        try:
            await self.get(endpoint.path, {"page": 1, endpoint.page_param: 1})
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
            if endpoint.method == "POST":
                now = datetime.now(UTC)
                window = {"startDate": _format_change_date(now - timedelta(days=1)), "page": 1}
                try:
                    await self.post(
                        endpoint.path, {**window, "endDate": _format_change_date(now), "per_Page": 1}
                    )
                except MissingPermission:
                    return False
                return True
            if endpoint.paged:
                params = {"page": 1, endpoint.page_param: 1}
            if record == "employee-changes":
                now = datetime.now(UTC)
                params |= {
                    "startDate": _format_change_date(now - timedelta(minutes=1)),
                    "endDate": _format_change_date(now),
                }
            try:
                await self.get(endpoint.path, params)
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
                rows = await self.get(f"{ENDPOINTS['code-tables'].path}/{name}")
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


def create_client(credentials: Mapping[str, Any], settings: HttpSettings) -> UkgProClient:
    """The connector's client factory (see :class:`hub.connector.Connector`)."""
    return UkgProClient(credentials, settings)
