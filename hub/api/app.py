"""The FastAPI app factory: routers, problem handlers, the hub and its background syncs."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI

from hub.api import (
    routes_accounts,
    routes_connectors,
    routes_health,
    routes_hris,
    routes_metrics,
    routes_passthrough,
    routes_syncs,
    routes_webhooks,
)
from hub.api.background import BackgroundSyncs
from hub.api.docs_page import install_docs_page
from hub.api.observe import ObserveMiddleware
from hub.api.operation_ids import operation_id_of_route
from hub.api.problems import install_problem_handlers
from hub.api.ratelimit import RateLimitMiddleware, RateLimits, document_rate_limits
from hub.api.webhook_docs import document_webhooks
from hub.hub import Hub
from hub.linking import api_routes as routes_link_sessions
from hub.linking import page as linkpage
from hub.linking.page.security import LinkTokenFilter
from hub.observability.queue_depth import on_loop, register_queue_depth
from hub.queue import uses_queue
from hub.webhooks.addresses import DestinationPolicy
from hub.webhooks.dispatch import WebhookDispatcher

__all__ = ["create_app"]

DESCRIPTION = """\
One API for every linked HR system.

1. `GET /v1/connectors` lists the providers this hub can link and the permissions each action needs.
2. `POST /v1/link-sessions` makes a single-use linking page to send to the end customer's HR admin;
   or `POST /v1/accounts` links an account with the provider's linking values (validated, probed, stored
   encrypted); the answer's permissions report says what is enabled and what to tick.
3. `POST /v1/accounts/{id}/sync` copies the account into the hub; later syncs read only the changes.
4. `GET /v1/hris/employees` (and the other models) with `X-Account-Id` reads the unified model
   in cursor pages.

Every route but `/v1/connectors` needs `Authorization: Bearer <your hrishub API key>`.
Every error is an RFC 9457 problem (`application/problem+json`) with a stable `type` and a `remedy`.

JSON forms, the same on every route and in the CLI's `--json`: every instant is RFC 3339 in UTC with six
fractional digits and `Z` (`2025-06-02T09:30:00.000000Z`); dates are `YYYY-MM-DD`; amounts (`pay_rate`,
time-off `balance`, `used`, `accrued`, `pending`, `amount`) are JSON numbers; custom field values keep the
provider's types. Fields marked `x-sensitive` are null unless the account's `include_sensitive` option is
on; likewise `include_raw` returns the provider's raw records with the members the connector declares
sensitive set to null and named in `remote_data_redacted` (`record.member`, e.g. `person-details.ssn`).
"""

TAGS = [
    {"name": "connectors", "description": "The providers this hub can link."},
    {"name": "linking", "description": "Single-use linking pages to hand to an end customer's HR admin."},
    {"name": "accounts", "description": "Your linked accounts: link, inspect, rotate credentials, options."},
    {"name": "syncs", "description": "Copy an account into the hub and follow the runs."},
    {"name": "hris", "description": "The unified HRIS models of one account (`X-Account-Id`)."},
    {
        "name": "webhooks",
        "description": "Changes pushed to your receivers, signed per the Standard Webhooks specification; "
        "the same events as a feed to poll.",
    },
    {
        "name": "passthrough",
        "description": "A request to the provider itself with an account's stored credentials; "
        "its audit trail.",
    },
]


def _version() -> str:
    try:
        return version("hrishub")
    except PackageNotFoundError:
        return "0"


def create_app(
    hub: Hub | None = None,
    *,
    rate_limits: RateLimits | None = None,
    deliver_webhooks: bool | WebhookDispatcher = False,
) -> FastAPI:
    """The unified HTTP API serving ``hub`` (``None`` builds ``Hub()``, closed when the app stops).

    Syncs started without waiting run in worker threads; on shutdown the app waits for them (up to a
    minute) so none is cut off mid-run. On a PostgreSQL store they are jobs of the task queue instead,
    as are webhook deliveries (:mod:`hub.queue`; ``HRISHUB_QUEUE=off`` keeps them in-process).
    Every API key is held to ``rate_limits`` (``None``: from
    ``HRISHUB_RATE_LIMIT`` and ``HRISHUB_LINK_RATE_LIMIT``; see :mod:`hub.api.ratelimit`). With
    ``deliver_webhooks`` the app also delivers webhooks while it runs (``hrishub serve`` does); a
    :class:`hub.webhooks.dispatch.WebhookDispatcher` given there is the one used.

    ``GET /metrics`` serves the Prometheus metrics (``HRISHUB_METRICS_TOKEN``: the bearer token a
    scrape needs); every request is measured, traced and logged by :mod:`hub.api.observe`.
    """
    limits = rate_limits or RateLimits.from_env()
    if deliver_webhooks is True:
        DestinationPolicy.from_env()  # a malformed HRISHUB_WEBHOOK_ALLOW stops the hub here, clearly
    owned = hub is None
    served = hub if hub is not None else Hub()
    syncs = BackgroundSyncs()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Opened (and migrated) before the first request, and tuned for a reading process.
        await asyncio.to_thread(lambda: served.store.tune_for_reading())
        async with contextlib.AsyncExitStack() as stack:
            if uses_queue(served.store.url):
                # Syncs started here and webhook deliveries are the workers' jobs (`hrishub worker`).
                from hub.queue.queue import JobQueue

                app.state.queue = queue = await stack.enter_async_context(JobQueue(served, pool_size=4))
                # Read at each scrape of /metrics (on a worker thread, waiting on this loop's pool).
                stack.callback(register_queue_depth(on_loop(queue.depth, asyncio.get_running_loop())))
                dispatcher = None
            else:
                dispatcher = (
                    deliver_webhooks
                    if isinstance(deliver_webhooks, WebhookDispatcher)
                    else served.webhook_dispatcher()
                    if deliver_webhooks
                    else None
                )
            deliveries = (
                asyncio.create_task(dispatcher.run(), name="hrishub-webhooks")
                if dispatcher is not None
                else None
            )
            yield
            if deliveries is not None:
                deliveries.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await deliveries
            await syncs.drain()
        if owned:
            served.close()

    app = FastAPI(
        title="hrishub",
        version=_version(),
        summary="The unified HRIS hub's HTTP API.",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        generate_unique_id_function=operation_id_of_route,
        lifespan=lifespan,
        docs_url=None,  # served from local files by install_docs_page, never from a CDN
        redoc_url=None,
    )
    app.state.hub = served
    app.state.syncs = syncs
    app.state.queue = None
    app.state.metrics_token = routes_metrics.metrics_token_from_env()
    install_problem_handlers(app)
    app.add_middleware(RateLimitMiddleware, limits=limits)
    app.add_middleware(ObserveMiddleware)  # outermost: rate-limited answers are measured too
    document_rate_limits(app)
    for module in (
        routes_connectors,
        routes_link_sessions,
        routes_accounts,
        routes_syncs,
        routes_passthrough,
        routes_hris,
        routes_webhooks,
    ):
        app.include_router(module.router)
    app.include_router(routes_webhooks.events_router)
    document_webhooks(app)
    app.include_router(linkpage.router)
    LinkTokenFilter.install()
    app.mount(linkpage.ASSETS_PATH, linkpage.assets(), name="link-assets")
    install_docs_page(app)
    app.include_router(routes_health.router)
    app.include_router(routes_metrics.router)
    return app
