"""The API's requests as the operator sees them: a latency metric, a span and one log event each.

:class:`ObserveMiddleware` (outermost, so a rate-limited answer is seen too) labels each request by
its route template (``/v1/accounts/{account_id}``, never the raw path or its query), binds
``request_id`` and the ``X-Account-Id`` to every event logged while it is answered, and logs one
``http.request`` event when it ends: method, route, status, duration, and the customer and account
the request was for (debug for scrapes and health checks; warning for 5xx); the answer carries the
``X-Request-Id`` its events name. uvicorn's own access log is off: it prints raw paths with queries.
"""

from __future__ import annotations

import secrets
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.observability import tracing
from hub.observability.logs import bound, get_logger, request_fields
from hub.observability.metrics import API_REQUEST_SECONDS

__all__ = ["QUIET_ROUTES", "UNMATCHED", "ObserveMiddleware", "route_of"]

log = get_logger("hub.api")

UNMATCHED = "unmatched"
"""The route label of a request no route matched (a 404 from the router, a probe for a path)."""

_ACCOUNT_ID = b"x-account-id"

QUIET_ROUTES = frozenset({"/metrics", "/healthz", "/readyz"})
"""Routes a scraper or a load balancer calls every few seconds: their ``http.request`` events are debug."""


def route_of(scope: Scope) -> str:
    """The template of the route that answered (``/v1/accounts/{account_id}/sync``), or :data:`UNMATCHED`."""
    route = scope.get("route")
    path = getattr(route, "path_format", None) or getattr(route, "path", None)
    if not path:
        return UNMATCHED
    root = scope.get("root_path", "")
    return f"{root}{path}" if root and not path.startswith(root) else path


class ObserveMiddleware:
    """The ASGI middleware: metrics, a server span and the ``http.request`` event for every request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer the request through the app, measured."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        method = scope["method"]
        status = 500
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", ())}
        account = headers.get(_ACCOUNT_ID.decode())
        request_id = headers.get("x-request-id") or secrets.token_hex(8)
        if len(request_id) > 64 or not request_id.isascii() or not request_id.isprintable():
            request_id = secrets.token_hex(8)
        rid = request_id.encode()

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                # The id the answer's log lines carry, for a caller reporting a problem.
                message = {**message, "headers": [*message.get("headers", ()), (b"x-request-id", rid)]}
            await send(message)

        attributes: dict[str, Any] = {"http.request.method": method, "hrishub.request_id": request_id}
        with (
            request_fields() as seen,
            bound(request_id=request_id, account_id=account[:64] if account else None),
            tracing.server_span(f"HTTP {method}", headers, attributes) as current,
        ):
            try:
                await self.app(scope, receive, sending)
            finally:
                route = route_of(scope)
                elapsed = time.perf_counter() - started
                API_REQUEST_SECONDS.labels(method, route, str(status)).observe(elapsed)
                if current.is_recording():
                    current.update_name(f"{method} {route}")
                    current.set_attributes({"http.route": route, "http.response.status_code": status})
                params = scope.get("path_params") or {}
                fields = {
                    "method": method,
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 2),
                    "customer_id": seen.get("customer_id"),
                    "account_id": params.get("account_id") or seen.get("account_id"),
                }
                level = "warning" if status >= 500 else "debug" if route in QUIET_ROUTES else "info"
                getattr(log, level)("http.request", **{k: v for k, v in fields.items() if v is not None})
