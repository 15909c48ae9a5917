"""A provider's HTTP answers and transport failures as typed hub errors, in that provider's own words.

:class:`ProviderErrors` holds what differs from one provider to the next (its name and title, the
permission a path needs, which linking fields a refused sign-in or an unreachable host points at,
the remedies that name its admin screens, which statuses are worth another attempt) and builds the
:mod:`hub.errors` error for each failure. A connector passes one to its
:class:`~hub.rest.client.RestClient`; a method a provider needs worded otherwise is overridden in a
subclass. :func:`parse_retry_after` reads the ``Retry-After`` header.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from hub.errors import (
    HubError,
    MissingPermission,
    NotFound,
    ProviderAuthError,
    ProviderError,
    ProviderResponseError,
    ProviderUnreachable,
    RateLimited,
)

__all__ = ["MAX_RETRY_AFTER", "RETRY_STATUSES", "ProviderErrors", "parse_retry_after"]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
"""The statuses most providers mean as "try again": rate limited, and the server-side failures."""

MAX_RETRY_AFTER = 300.0
"""The longest ``Retry-After`` taken at its word, in seconds; the retry budget usually ends sooner."""


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value, between 0 and :data:`MAX_RETRY_AFTER`.

    Takes a number of seconds (``"120"``; a fraction or a negative number is read as a number) or
    an HTTP date (``"Wed, 21 Oct 2015 07:28:00 GMT"``, measured from ``now``). ``None`` when the
    header is absent or says nothing usable: the caller then backs off on its own.
    """
    text = (value or "").strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        seconds = (moment - (now or datetime.now(UTC))).total_seconds()
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


@dataclass(frozen=True, kw_only=True)
class ProviderErrors:
    """How one provider's failures become hub errors, each with a remedy a person can act on.

    Attributes:
        provider: the connector's name (``acme_hr``), carried by every error.
        title: the provider's name for people (``Acme HR``), used in every message.
        permissions: API path → the permission a 403 there means is missing, named as the
            provider's admin screen names it; a mapping or a function of the path.
        auth_remedy: what to check after a 401 (the default names the credentials in general).
        auth_fields: the linking fields a 401 points at, and what to check in each.
        host_remedy: what to check when the host does not answer, or answers as another service.
        host_fields: the linking fields an unreachable host points at, and what to check in each.
        timeout_remedy: what to do when the host is slow (default: ``host_remedy``, then "try again later").
        dropped_remedy: what to do when the connection broke mid-answer.
        retry_statuses: the statuses worth another attempt (429 also shrinks the request limiter).

    No message ever holds a secret: they are built from the path, the status and public facts.
    """

    provider: str
    title: str
    permissions: Mapping[str, str] | Callable[[str], str | None] = field(default_factory=dict)
    auth_remedy: str | None = None
    auth_fields: Mapping[str, str] = field(default_factory=dict)
    host_remedy: str | None = None
    host_fields: Mapping[str, str] = field(default_factory=dict)
    timeout_remedy: str | None = None
    dropped_remedy: str | None = None
    retry_statuses: frozenset[int] = RETRY_STATUSES

    # -- answers ---------------------------------------------------------------------------------

    def for_response(self, response: httpx.Response) -> HubError:
        """The hub error for an answer other than 200 (404 is :class:`~hub.errors.NotFound`)."""
        status = response.status_code
        if status == 401:
            return self.unauthorized(response)
        if status == 403:
            return self.forbidden(response)
        if status == 404:
            return self.not_found(response)
        if status == 429:
            return self.rate_limited(response)
        if 300 <= status < 400:
            return self.redirected(response)
        return self.failed(response)

    def unauthorized(self, response: httpx.Response) -> ProviderError:
        """401: the provider refused the credentials."""
        return ProviderAuthError(
            f"{self.title} refused the credentials (401) on {response.request.url.path}.",
            provider=self.provider,
            remedy=self.auth_remedy,
            fields=self.auth_fields,
        )

    def permission_for(self, path: str) -> str | None:
        """The permission a 403 on ``path`` means is missing, if known."""
        if isinstance(self.permissions, Mapping):
            return self.permissions.get(path)
        return self.permissions(path)

    def forbidden(self, response: httpx.Response) -> ProviderError:
        """403: the credentials lack the permission the path needs (named when known)."""
        path = response.request.url.path
        permission = self.permission_for(path)
        return MissingPermission(
            f"The credentials lack the permission {self.title} requires for {path} (403).",
            permissions=[permission] if permission else [],
            provider=self.provider,
        )

    def not_found(self, response: httpx.Response) -> HubError:
        """404: nothing at that path."""
        return NotFound(f"{self.title} has no record at {response.request.url.path} (404).")

    def rate_limited(self, response: httpx.Response) -> ProviderError:
        """429 after every allowed retry, with the wait the provider asked for, if any."""
        wait = parse_retry_after(response.headers.get("Retry-After"))
        asked = f" (it asks to wait {wait:g} s before the next request)" if wait else ""
        return RateLimited(
            f"{self.title} kept limiting requests (429) on {response.request.url.path} "
            f"after every allowed retry{asked}.",
            retry_after=wait,
            provider=self.provider,
        )

    def redirected(self, response: httpx.Response) -> ProviderError:
        """3xx: never followed, since a redirect could lead the hub's credentials to another host."""
        return ProviderResponseError(
            f"{self.title} redirected {response.request.url.path} ({response.status_code}); "
            "the hub never follows redirects.",
            provider=self.provider,
            remedy=self.host_remedy,
            fields=self.host_fields,
        )

    def failed(self, response: httpx.Response) -> ProviderError:
        """Any other status (5xx after retries, 400...), with the provider's own detail if any."""
        detail = self.detail(response)
        return ProviderResponseError(
            f"{self.title} answered {response.status_code} on {response.request.url.path}"
            f"{': ' + detail if detail else ''}.",
            provider=self.provider,
        )

    def detail(self, response: httpx.Response) -> str:
        """What the provider's error body says, for the message (none by default: override to read it)."""
        return ""

    # -- bodies ----------------------------------------------------------------------------------

    def malformed(self, path: str, params: Mapping[str, Any]) -> ProviderError:
        """The answer is not JSON (a cut or garbled body)."""
        where = f" (page {params['page']})" if "page" in params else ""
        return ProviderResponseError(
            f"{self.title} sent malformed JSON from {path}{where}.", provider=self.provider
        )

    def unexpected(self, path: str, body: Any, *, member: str | None = None) -> ProviderError:
        """The answer is JSON, but not the list of rows a page holds (in ``member``, when one is named)."""
        where = f" in its {member!r} member" if member else ""
        return ProviderResponseError(
            f"{self.title} sent a {type(body).__name__} where a list was expected{where} from {path}.",
            provider=self.provider,
        )

    def repeated(self, path: str, page: int) -> ProviderError:
        """Page ``page`` holds the same records as the page before it: paging would loop."""
        return ProviderResponseError(
            f"{self.title} returned the same records for pages {page - 1} and {page} of {path}; "
            "stopping rather than looping.",
            provider=self.provider,
        )

    def cycled(self, path: str, page: int) -> ProviderError:
        """The answer points back at a page already read (the same cursor or link again)."""
        return ProviderResponseError(
            f"{self.title} pointed page {page} of {path} back at a page already read; "
            "stopping rather than looping.",
            provider=self.provider,
        )

    def endless(self, path: str, pages: int) -> ProviderError:
        """Paging did not end within the paginator's cap."""
        return ProviderResponseError(
            f"{self.title} was still sending pages of {path} after {pages:,} pages; stopping rather than "
            "reading forever.",
            provider=self.provider,
            remedy=f"Report it with the endpoint named above: {self.title}'s paging does not end.",
        )

    def foreign_link(self, path: str, host: str) -> ProviderError:
        """A paging link points at another host: never followed (it would carry the credentials there)."""
        return ProviderResponseError(
            f"{self.title} sent a link to the next page of {path} on another host ({host}); "
            "the hub never follows it.",
            provider=self.provider,
            remedy=self.host_remedy,
            fields=self.host_fields,
        )

    # -- the network -----------------------------------------------------------------------------

    def for_transport(self, exc: httpx.TransportError, path: str) -> ProviderError:
        """A connection failure or timeout: the host is wrong, slow, or the connection broke."""
        kind = type(exc).__name__
        if isinstance(exc, httpx.TimeoutException):
            return ProviderUnreachable(
                f"{self.title} did not answer {path} in time ({kind}).",
                provider=self.provider,
                remedy=self.timeout_remedy
                or f"{self.host_remedy or ProviderUnreachable.default_remedy} If the host is right, "
                f"{self.title} is slow: try again later.",
                fields=self.host_fields,
                host_down=isinstance(exc, httpx.ConnectTimeout),
            )
        if isinstance(exc, httpx.ConnectError | httpx.UnsupportedProtocol | httpx.ProxyError):
            return ProviderUnreachable(
                f"Could not reach {self.title} for {path} ({kind}).",
                provider=self.provider,
                remedy=self.host_remedy,
                fields=self.host_fields,
                host_down=True,
            )
        # Connected, then the connection broke mid-exchange: the host is right, the network or the
        # provider is not.
        return ProviderUnreachable(
            f"{self.title} dropped the connection while answering {path} ({kind}).",
            provider=self.provider,
            remedy=self.dropped_remedy
            or f"The host was reached, but {self.title} or the network cut the connection before the "
            "answer was complete: try again later.",
        )
