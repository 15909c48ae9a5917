"""Provider calls as the operator sees them: a metric per answer (or timeout, or error) and a client span.

:class:`hub.rest.RestClient` calls :func:`provider_call` around each HTTP request it sends, so every
connector built on the hub's REST toolkit is measured without a line of its own; the connector label
is the one :func:`hub.observability.logs.bound` set for the sync, link or passthrough at hand.
Spans carry the method, the host, the route as a template (ids in the path become ``{id}``) and the
status; never the query (it may hold a filter on personal data) or user info.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from hub.observability import tracing
from hub.observability.logs import current_connector
from hub.observability.metrics import PROVIDER_REQUEST_SECONDS, PROVIDER_REQUESTS, UNKNOWN

__all__ = ["ProviderCall", "provider_call", "route_template"]

_ID_SEGMENT = re.compile(
    r"""(?x)
    ^(
      \d[\d\-_.]*                                    # numbers, dates
    | [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}  # UUIDs
    | (?=[^/]*\d)[A-Za-z0-9_\-.~%]{12,}              # long tokens with a digit in them
    | [A-Za-z0-9_\-.~%]{33,}                         # anything very long
    | [^/]*[@%][^/]*                                 # e-mails and escaped text
    )$
    """
)


def route_template(path: str) -> str:
    """``path`` with id-like segments as ``{id}``: ``/v1/employees/12345`` becomes ``/v1/employees/{id}``."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    return "/".join(
        "{id}" if segment and _ID_SEGMENT.match(segment) else segment for segment in path.split("/")
    )


class ProviderCall:
    """One request being measured: say how it ended with :meth:`answered` or :meth:`failed`."""

    def __init__(self, connector: str, current: Any) -> None:
        self.connector = connector
        self.span = current
        self.started = time.perf_counter()
        self.status: str | None = None

    def answered(self, status: int) -> None:
        """The provider answered ``status``."""
        self._end(str(status))
        self.span.set_attribute("http.response.status_code", status)

    def failed(self, exc: BaseException) -> None:
        """No answer: a timeout, or another transport failure (refused, dropped, protocol)."""
        status = "timeout" if isinstance(exc, httpx.TimeoutException) else "error"
        self._end(status)
        self.span.set_attribute("error.type", type(exc).__name__ if status == "error" else "timeout")

    def _end(self, status: str) -> None:
        if self.status is not None:
            return
        self.status = status
        PROVIDER_REQUESTS.labels(self.connector, status).inc()
        PROVIDER_REQUEST_SECONDS.labels(self.connector).observe(time.perf_counter() - self.started)


@contextmanager
def provider_call(
    method: str, url: httpx.URL | None = None, *, connector: str | None = None
) -> Iterator[ProviderCall]:
    """Measure one provider request of ``connector`` (default: the bound one) to ``url``.

    ``url`` is only read while tracing is on. A transport failure leaving the block is counted by its
    kind if the block did not say.
    """
    connector = connector or current_connector() or UNKNOWN
    if not tracing.enabled() or url is None:
        call = ProviderCall(connector, tracing.NO_SPAN)
        try:
            yield call
        except httpx.TransportError as exc:
            call.failed(exc)
            raise
        return
    route = route_template(url.path)
    attributes = {
        "http.request.method": method,
        "http.route": route,
        "server.address": url.host,
        "hrishub.connector": connector,
    }
    if url.port:
        attributes["server.port"] = url.port
    with tracing.span(f"{method} {route}", kind="client", attributes=attributes) as current:
        call = ProviderCall(connector, current)
        try:
            yield call
        except httpx.TransportError as exc:
            call.failed(exc)
            raise
