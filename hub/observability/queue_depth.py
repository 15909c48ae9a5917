"""The task queue's depth as a gauge read at each scrape: ``hrishub_queue_jobs{queue, status}``.

The API and each worker on PostgreSQL register a source (:func:`register_queue_depth`): a callable
giving ``(queue, status, jobs)`` rows, :meth:`hub.queue.queue.JobQueue.depth` made blocking by
:func:`on_loop`. A scrape calls every registered source; one that fails or takes longer than
:data:`SCRAPE_TIMEOUT` is left out of that scrape (``hrishub_queue_depth_up`` says so), never the
whole answer.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
from collections.abc import Awaitable, Callable, Iterable, Iterator
from typing import Any

from prometheus_client import REGISTRY
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

__all__ = ["SCRAPE_TIMEOUT", "DepthSource", "on_loop", "register_queue_depth"]

log = logging.getLogger(__name__)

DepthSource = Callable[[], Iterable[tuple[str, str, int]]]
"""What a registered source is: rows of (queue, status, jobs), read at each scrape."""

SCRAPE_TIMEOUT = 5.0
"""Seconds a scrape waits for the queue's database before answering without the depth."""


class _QueueDepth(Collector):
    """Collects ``hrishub_queue_jobs`` from the sources registered now."""

    def __init__(self) -> None:
        self.sources: dict[int, DepthSource] = {}
        self.lock = threading.Lock()

    def describe(self) -> Iterator[Any]:
        """No description up front: the registry then never calls :meth:`collect` at registration."""
        return iter(())

    def collect(self) -> Iterator[Any]:
        """The jobs per queue and status, summed over the sources (one per process, usually)."""
        with self.lock:
            sources = list(self.sources.values())
        if not sources:
            return
        totals: dict[tuple[str, str], int] = {}
        up = 1
        for source in sources:
            try:
                for queue, status, jobs in source():
                    totals[(queue, status)] = totals.get((queue, status), 0) + int(jobs)
            except Exception as exc:
                up = 0
                log.warning("queue depth unreadable for this scrape: %s", type(exc).__name__)
        gauge = GaugeMetricFamily(
            "hrishub_queue_jobs",
            "Jobs in the task queue, by queue and status (todo, doing, failed).",
            labels=["queue", "status"],
        )
        for (queue, status), jobs in sorted(totals.items()):
            gauge.add_metric([queue, status], jobs)
        yield gauge
        yield GaugeMetricFamily(
            "hrishub_queue_depth_up",
            "1 when the last scrape read the task queue's depth, 0 when not.",
            value=up,
        )


_COLLECTOR = _QueueDepth()
_REGISTERED = False
_REGISTER_LOCK = threading.Lock()
_KEYS = itertools.count()


def register_queue_depth(source: DepthSource) -> Callable[[], None]:
    """Report ``source``'s rows as ``hrishub_queue_jobs`` at each scrape; call the result to stop."""
    global _REGISTERED
    with _REGISTER_LOCK:
        if not _REGISTERED:
            REGISTRY.register(_COLLECTOR)
            _REGISTERED = True
    key = next(_KEYS)
    with _COLLECTOR.lock:
        _COLLECTOR.sources[key] = source

    def unregister() -> None:
        with _COLLECTOR.lock:
            _COLLECTOR.sources.pop(key, None)

    return unregister


def on_loop(
    depth: Callable[[], Awaitable[Iterable[tuple[str, str, int]]]],
    loop: asyncio.AbstractEventLoop,
    *,
    timeout: float = SCRAPE_TIMEOUT,
) -> DepthSource:
    """A blocking source that runs the coroutine function ``depth`` on ``loop`` (where its pool lives).

    A scrape is answered on another thread (the API's ``/metrics`` runs in its worker threads, the
    worker's metrics server in its own), so it waits on ``loop`` without blocking it.
    """

    def read() -> Iterable[tuple[str, str, int]]:
        async def run() -> Iterable[tuple[str, str, int]]:
            return await depth()

        future = asyncio.run_coroutine_threadsafe(run(), loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise

    return read
