"""A worker's own ``/metrics``: a small HTTP server on a thread of the worker process.

``hrishub worker --metrics-port 9464`` starts it (``--metrics-host``, default ``127.0.0.1``). It answers
``GET /metrics`` with the process's metrics (and ``HRISHUB_METRICS_TOKEN`` guards it as it guards the
API's), 404 to anything else.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from hub.observability.metrics import CONTENT_TYPE, exposition

__all__ = ["METRICS_TOKEN_SETTING", "authorized", "metrics_token_from_env", "serve_metrics"]

METRICS_TOKEN_SETTING = "HRISHUB_METRICS_TOKEN"
"""The operator setting: the bearer token a scrape of ``/metrics`` must send (unset: no token)."""


def metrics_token_from_env() -> str | None:
    """``HRISHUB_METRICS_TOKEN``, or None when it is unset or blank."""
    return os.environ.get(METRICS_TOKEN_SETTING, "").strip() or None


def authorized(header: str | None, token: str | None) -> bool:
    """Whether an ``Authorization`` header value carries ``token`` (always, when there is no token)."""
    if token is None:
        return True
    scheme, _, given = (header or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def _handler(token: str | None) -> type[BaseHTTPRequestHandler]:
    class MetricsHandler(BaseHTTPRequestHandler):
        """Answers ``GET /metrics``; logs nothing (a scrape every 15 s is not news)."""

        def do_GET(self) -> None:
            if self.path.split("?", 1)[0] != "/metrics":
                self._answer(404, b"Not found: the metrics are at /metrics.\n", "text/plain; charset=utf-8")
            elif not authorized(self.headers.get("Authorization"), token):
                self._answer(
                    401,
                    b"Send 'Authorization: Bearer <HRISHUB_METRICS_TOKEN>'.\n",
                    "text/plain; charset=utf-8",
                    {"WWW-Authenticate": 'Bearer realm="hrishub-metrics"'},
                )
            else:
                self._answer(200, exposition(), CONTENT_TYPE)

        def _answer(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    return MetricsHandler


@contextmanager
def serve_metrics(host: str, port: int, *, token: str | None = None) -> Iterator[str]:
    """Serve ``/metrics`` on ``host:port`` until the block ends; yields its URL (``port=0``: any free)."""
    server = ThreadingHTTPServer((host, port), _handler(token))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="hrishub-metrics", daemon=True)
    thread.start()
    bound_port = server.server_address[1]
    shown = f"[{host}]" if ":" in host else host
    try:
        yield f"http://{shown}:{bound_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
