"""The hub's Prometheus metrics: what it counts, and the text an operator's Prometheus scrapes.

Every metric is named ``hrishub_*`` and lives in the process's default registry (with the client's
own ``process_*`` and ``python_*`` metrics). The API serves them at ``GET /metrics``; a worker with
``--metrics-port`` serves its own. docs/operating.md lists each with its labels and what to alert on.

Labels take few values only: connector names, outcomes, HTTP status codes, route templates (never a
raw path, an id or a query).
"""

from __future__ import annotations

from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
)

__all__ = [
    "API_REQUEST_SECONDS",
    "CONTENT_TYPE",
    "PROVIDER_REQUESTS",
    "PROVIDER_REQUEST_SECONDS",
    "PROVIDER_RETRIES",
    "RECORDS_READ",
    "RECORDS_WRITTEN",
    "SYNC_RUNS",
    "SYNC_SECONDS",
    "UNKNOWN",
    "WEBHOOK_DELIVERIES",
    "exposition",
    "record_sync",
]

# The ``*_created`` timestamp series double what a scrape carries and serve no alert.
disable_created_metrics()

UNKNOWN = "unknown"
"""The connector label of provider traffic made outside a sync, a link or a passthrough (rare)."""

CONTENT_TYPE = CONTENT_TYPE_LATEST
"""The media type of :func:`exposition`'s text (the Prometheus text format)."""

SYNC_RUNS = Counter(
    "hrishub_sync_runs",
    "Sync runs ended, by connector and outcome (succeeded, partial, failed).",
    ["connector", "outcome"],
)
SYNC_SECONDS = Histogram(
    "hrishub_sync_duration_seconds",
    "Wall time of a sync run, by connector and outcome.",
    ["connector", "outcome"],
    buckets=(1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200),
)
RECORDS_READ = Counter(
    "hrishub_sync_records_read",
    "Provider records read and mapped by syncs, by connector and unified model.",
    ["connector", "model"],
)
RECORDS_WRITTEN = Counter(
    "hrishub_sync_records_written",
    "Unified records written to the store by syncs, by connector, model and operation "
    "(created, updated, deleted).",
    ["connector", "model", "operation"],
)
PROVIDER_REQUESTS = Counter(
    "hrishub_provider_requests",
    "HTTP requests to providers, by connector and status: the HTTP status code, or timeout / error "
    "(no answer: a connection refused or dropped).",
    ["connector", "status"],
)
PROVIDER_REQUEST_SECONDS = Histogram(
    "hrishub_provider_request_duration_seconds",
    "Time to a provider's answer (headers and body), by connector.",
    ["connector"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
PROVIDER_RETRIES = Counter(
    "hrishub_provider_retries",
    "Provider requests tried again after a transient failure, by connector and the hub error type "
    "the failure would have been (provider-rate-limited, provider-unreachable, ...).",
    ["connector", "reason"],
)
WEBHOOK_DELIVERIES = Counter(
    "hrishub_webhook_deliveries",
    "Webhook delivery attempts, by outcome: delivered (2xx), retrying (failed, tried again later), "
    "given_up (failed for the last time), gone (410: the endpoint disabled).",
    ["outcome"],
)
API_REQUEST_SECONDS = Histogram(
    "hrishub_api_request_duration_seconds",
    "Latency of the HTTP API's answers, by method, route template and status code.",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)


def record_sync(connector: str, report: Any) -> None:
    """Count one ended sync run: its outcome and duration, and the records it read and wrote per model.

    ``report`` is a :class:`hub.sync.SyncReport` (not imported: connectors reach this module through the
    REST toolkit, and may not depend on sync).
    """
    outcome = report.status
    SYNC_RUNS.labels(connector, outcome).inc()
    if report.duration_seconds is not None:
        SYNC_SECONDS.labels(connector, outcome).observe(report.duration_seconds)
    for model in report.models.values():
        if model.read:
            RECORDS_READ.labels(connector, model.model).inc(model.read)
        for operation in ("created", "updated", "deleted"):
            count = getattr(model, operation)
            if count:
                RECORDS_WRITTEN.labels(connector, model.model, operation).inc(count)


def exposition(registry: CollectorRegistry = REGISTRY) -> bytes:
    """The registry's metrics in the Prometheus text format (:data:`CONTENT_TYPE`)."""
    return generate_latest(registry)
