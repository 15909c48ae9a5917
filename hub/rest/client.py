"""``RestClient``: the base of a connector's client for a JSON REST API.

It holds what every such client repeats: an ``httpx.AsyncClient`` built from the hub's
:class:`~hub.connector.HttpSettings` (``transport``, ``timeout``, no redirects), the account's auth
headers, an :class:`~hub.rest.limiter.AdaptiveLimiter`, retries bounded by the settings
(:mod:`hub.rest.retries`), every failure as a typed hub error worded for the provider
(:class:`~hub.rest.statuses.ProviderErrors`), JSON decoding, and a count of requests. A subclass
names its endpoints and picks a paginator; it writes ``check_permissions`` and, when the provider
filters or has a change feed, :meth:`RestClient.query`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime
from typing import Any, ClassVar, Self

import httpx
import orjson

from field_maps import LabelTable
from hub.connector import HttpSettings, PassthroughRequest, PassthroughResponse
from hub.errors import HubError
from hub.observability import tracing
from hub.observability.logs import current_connector
from hub.observability.provider import provider_call
from hub.rest.limiter import AdaptiveLimiter
from hub.rest.paginators import PageNumber, Paginator
from hub.rest.passthrough import (
    IDEMPOTENT_METHODS,
    confined_url,
    hide_response_headers,
    read_capped,
    sent_secrets,
)
from hub.rest.retries import Retryable, retrying
from hub.rest.statuses import ProviderErrors, parse_retry_after

__all__ = ["RestClient"]


class RestClient:
    """One linked account's client for a JSON REST API; subclass it per provider.

    Attributes:
        endpoints: record type (as field maps name it) → API path, read by :meth:`records`.
        paginator: how those paths page (:class:`~hub.rest.paginators.PageNumber` by default).
        errors: how the provider's failures become hub errors.
        requests: the HTTP requests made so far (sync reports show it).
        answered: the requests the provider answered (any status): none means its host never did.
        limiter: the requests in flight, fewer after a 429.

    """

    endpoints: ClassVar[Mapping[str, str]] = {}
    paginator: ClassVar[Paginator] = PageNumber()

    def __init__(
        self,
        base_url: str,
        settings: HttpSettings,
        *,
        errors: ProviderErrors,
        auth: httpx.Auth | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.base_url = base_url
        self.settings = settings
        self.errors = errors
        self._http = httpx.AsyncClient(
            base_url=base_url,
            auth=auth,
            transport=settings.transport,
            timeout=settings.timeout,
            follow_redirects=False,  # a redirect could carry the account's credentials to another host
            headers={"Accept": "application/json", **(headers or {})},
            limits=httpx.Limits(max_connections=settings.max_concurrency * 2),
        )
        self.limiter = AdaptiveLimiter(settings.max_concurrency)
        self.requests = 0
        self.answered = 0
        # The connector label of this client's metrics: the one the hub bound where it made the client.
        self.connector_label = current_connector()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.base_url!r})"

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- one request -----------------------------------------------------------------------------

    async def _attempt(
        self, path: str, params: Mapping[str, Any], body: Any = None
    ) -> tuple[Any, httpx.Response]:
        async with self.limiter.slot():
            self.requests += 1
            url = self._url(path) if tracing.enabled() else None
            method = "GET" if body is None else "POST"
            with provider_call(method, url, connector=self.connector_label) as call:
                try:
                    # No params at all rather than none: httpx would drop the query of a link followed as is.
                    if body is None:
                        response = await self._http.get(path, params=params or None)
                    else:
                        response = await self._http.post(path, params=params or None, json=body)
                except httpx.TransportError as exc:
                    call.failed(exc)
                    error = self.errors.for_transport(exc, path)
                    if isinstance(exc, httpx.ConnectError) and not self.settings.retry_refused:
                        raise error from None  # refused, or no such host: another attempt finds the same
                    raise Retryable(error) from exc
                call.answered(response.status_code)
        self.answered += 1
        if response.status_code == 429:
            await self.limiter.throttled()
        if response.status_code in self.errors.retry_statuses:
            wait = parse_retry_after(response.headers.get("Retry-After"))
            raise Retryable(self.errors.for_response(response), wait)
        if response.status_code != 200:
            raise self.errors.for_response(response)
        try:
            body = orjson.loads(response.content)
        except ValueError as exc:
            raise Retryable(self.errors.malformed(path, params)) from exc
        await self.limiter.succeeded()
        return body, response

    async def fetch(self, path: str, params: Mapping[str, Any] | None = None) -> tuple[Any, httpx.Response]:
        """GET ``path`` (or a URL on the same host) with retries: the decoded JSON body and the response.

        Raises the hub error of :attr:`errors` for the last failure once the retries are spent.
        """
        query = dict(params or {})
        return await retrying(
            lambda: self._attempt(path, query),
            self.settings,
            target=self._target(path),
            connector=self.connector_label,
        )

    def _url(self, path: str) -> httpx.URL:
        """The URL ``path`` resolves to, without its query (for spans and the retry log)."""
        return self._http.base_url.join(httpx.URL(path).copy_with(query=None))

    def _target(self, path: str) -> str:
        """Host and path for the retry log: no query, no user info (neither may hold a secret)."""
        url = self._url(path)
        port = f":{url.port}" if url.port else ""
        return f"{url.host}{port}{url.path}"

    async def get(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        """GET ``path`` with retries: the decoded JSON body."""
        body, _ = await self.fetch(path, params)
        return body

    async def post(self, path: str, body: Any, params: Mapping[str, Any] | None = None) -> Any:
        """POST a JSON ``body`` with retries: the decoded JSON answer.

        Only for reads a provider takes its filters for in a body (UKG's pay statements): such a POST
        changes nothing, so it is retried like a GET.
        """
        query = dict(params or {})
        answer, _ = await retrying(
            lambda: self._attempt(path, query, body), self.settings, target=self._target(path)
        )
        return answer

    def paginate(
        self, path: str, paginator: Paginator | None = None, **params: Any
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Every page of ``path`` (``params`` on each request), by ``paginator`` or else :attr:`paginator`."""
        return (paginator or self.paginator).pages(
            self.fetch,
            path,
            params,
            errors=self.errors,
            prefetch=self.settings.page_prefetch or self.settings.max_concurrency,
        )

    # -- the hub's client protocol ---------------------------------------------------------------

    def query(
        self,
        record: str,
        *,
        since: datetime | None,
        until: datetime | None,
        where: Mapping[str, Sequence[Any]] | None,
    ) -> dict[str, Any]:
        """The query parameters that ask the provider for a change-feed window or for some keys only.

        None by default: every row is read (the hub keeps only the keys it asked for). Override it
        when the provider can filter, or for a change feed.
        """
        return {}

    async def records(
        self,
        record: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        where: Mapping[str, Sequence[Any]] | None = None,
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """The pages of one record type, read from its path in :attr:`endpoints`."""
        try:
            path = self.endpoints[record]
        except KeyError:
            raise ValueError(
                f"unknown {self.errors.title} record type {record!r}; known: {', '.join(self.endpoints)}"
            ) from None
        async for page in self.paginate(path, **self.query(record, since=since, until=until, where=where)):
            yield page

    async def probe(self) -> None:
        """One request to the first endpoint: proves the address and the credentials.

        Override it when the provider has a cheaper call.
        """
        path = next(iter(self.endpoints.values()), None)
        if path is None:
            raise NotImplementedError(f"{type(self).__name__}: name its endpoints, or override probe()")
        await self.get(path)

    async def labels(self, model: str) -> LabelTable:
        """The customer's own names for fields: none by default."""
        return LabelTable()

    # -- passthrough -----------------------------------------------------------------------------

    async def passthrough(self, request: PassthroughRequest) -> PassthroughResponse:
        """Send a customer's request to this client's own base URL with its credentials; the answer.

        The request shares :attr:`limiter` and the retry bounds of the settings with every other
        request of the client; 429 and the retry statuses are tried again (a non-idempotent method
        only on 429 or when no connection was made), then the last answer is returned whatever its
        status. Redirects are never followed; an answer past ``request.max_bytes`` raises
        :class:`~hub.errors.PassthroughTooLarge`; a transport failure after the retries raises the
        provider's :class:`~hub.errors.ProviderUnreachable`.
        """
        hide_response_headers()
        url = confined_url(self._http.base_url, request.path)
        supplied = httpx.Headers(dict(request.headers))
        body = None if request.body is None else orjson.dumps(request.body)
        if body is not None and "content-type" not in supplied:
            supplied["Content-Type"] = "application/json"
        idempotent = request.method in IDEMPOTENT_METHODS

        async def attempt() -> PassthroughResponse:
            built = self._http.build_request(
                request.method, url, params=dict(request.params) or None, headers=supplied, content=body
            )
            async with self.limiter.slot():
                self.requests += 1
                where = built.url.copy_with(query=None)
                with provider_call(request.method, where, connector=self.connector_label) as call:
                    try:
                        response = await self._http.send(built, stream=True)
                        try:
                            content = await read_capped(response, request.max_bytes, path=request.path)
                        finally:
                            await response.aclose()
                    except httpx.TransportError as exc:
                        call.failed(exc)
                        error = self.errors.for_transport(exc, request.path)
                        unsent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                        if (unsent and not self.settings.retry_refused) or not (idempotent or unsent):
                            raise error from None
                        raise Retryable(error) from exc
                    call.answered(response.status_code)
            self.answered += 1
            answer = PassthroughResponse(
                status=response.status_code,
                headers=dict(response.headers.items()),
                content=content,
                secrets=sent_secrets(response.request.headers, supplied),
            )
            if response.status_code == 429:
                await self.limiter.throttled()
            if response.status_code in self.errors.retry_statuses and (
                idempotent or response.status_code == 429
            ):
                wait = parse_retry_after(response.headers.get("Retry-After"))
                raise Retryable(_Answered(answer), wait)
            await self.limiter.succeeded()
            return answer

        try:
            return await retrying(
                attempt, self.settings, target=self._target(request.path), connector=self.connector_label
            )
        except _Answered as last:
            return last.answer


class _Answered(HubError):
    """The last answer when the retries are spent: passed back as the provider gave it, not as an error."""

    def __init__(self, answer: PassthroughResponse) -> None:
        super().__init__(f"the provider answered {answer.status}")
        self.answer = answer
