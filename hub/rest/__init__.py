"""The REST toolkit: what a connector's client for a JSON REST API is built from.

- :class:`RestClient` (``client.py``): the base class; a connector names its endpoints and picks a
  paginator, the base does the rest;
- paginators (``paginators.py``): :class:`PageNumber`, :class:`Offset`, :class:`Cursor`,
  :class:`LinkHeader`, each with a hard cap on pages;
- statuses (``statuses.py``): :class:`ProviderErrors` turns statuses and transport failures into
  typed hub errors in the provider's words; :func:`parse_retry_after` reads ``Retry-After``;
- retries (``retries.py``): :func:`retrying` runs a request with stamina within the hub's
  ``HttpSettings`` (``max_attempts``, ``max_retry_seconds``, ``Retry-After``); :class:`Retryable`
  marks a failure worth another attempt;
- the limiter (``limiter.py``): :class:`AdaptiveLimiter`, fewer requests in flight after a 429.

Connectors take these names from :mod:`hub.sdk`.
"""

from __future__ import annotations

from hub.rest.client import RestClient
from hub.rest.limiter import AdaptiveLimiter
from hub.rest.paginators import Cursor, Fetch, LinkHeader, Offset, PageNumber, Paginator
from hub.rest.retries import Retryable, retrying
from hub.rest.statuses import RETRY_STATUSES, ProviderErrors, parse_retry_after

__all__ = [
    "RETRY_STATUSES",
    "AdaptiveLimiter",
    "Cursor",
    "Fetch",
    "LinkHeader",
    "Offset",
    "PageNumber",
    "Paginator",
    "ProviderErrors",
    "RestClient",
    "Retryable",
    "parse_retry_after",
    "retrying",
]
