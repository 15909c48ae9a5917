"""``GET /metrics``: the hub's Prometheus metrics, for the operator's scraper (not in the API document).

Open by default (bind the API to a private address, or put it behind the proxy that guards the rest);
with ``HRISHUB_METRICS_TOKEN`` set, a scrape must send ``Authorization: Bearer <that token>`` and
anything else answers 401.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from hub.errors import Unauthenticated
from hub.observability.metrics import CONTENT_TYPE, exposition
from hub.observability.server import METRICS_TOKEN_SETTING, authorized, metrics_token_from_env

__all__ = ["METRICS_TOKEN_SETTING", "metrics_token_from_env", "router"]

router = APIRouter()


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    """The metrics in Prometheus's text format.

    A plain ``def``: answered on a worker thread, so the queue depth read at the scrape can wait on the
    event loop that holds the queue's connections.
    """
    if not authorized(request.headers.get("authorization"), request.app.state.metrics_token):
        raise Unauthenticated(
            "This hub's /metrics needs 'Authorization: Bearer <token>'.",
            remedy=f"Send the token the operator set as {METRICS_TOKEN_SETTING} (in the scraper's "
            "authorization settings).",
        )
    return Response(exposition(), media_type=CONTENT_TYPE)
