"""Bounded retries with stamina: no more attempts, and no longer, than the hub's ``HttpSettings`` allow.

A request that fails in a way worth another attempt (a 429, a 5xx, a dropped connection, a garbled
body) raises :class:`Retryable` around the hub error it would end in. :func:`retrying` has stamina
run it again after ``retry_initial_wait`` seconds, doubling each time with up to as much again of
jitter (at most :data:`LONGEST_BACKOFF`), or after what the provider's ``Retry-After`` asks for.
It gives up with that hub error once ``max_attempts`` requests are made or ``max_retry_seconds``
have passed, and at once when a ``Retry-After`` would end past ``max_retry_seconds`` (the error
then says how long the provider asked to wait).

Each retry is logged once, on the ``hub.rest.retries`` logger, in the hub's words: the host and path,
the attempt, the wait and the failure (never a credential), in place of stamina's bare
``stamina.retry_scheduled`` line (:func:`install_retry_log`), with its fields as the event's
(``retry_of``, ``attempt``, ``max_attempts``, ``wait_seconds``, ``error_type``), and counted in
``hrishub_provider_retries_total`` (:func:`count_retry`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import TypeVar

import stamina
from stamina.instrumentation import RetryDetails, get_on_retry_hooks, set_on_retry_hooks

from hub.connector import HttpSettings
from hub.errors import HubError
from hub.observability.logs import current_connector
from hub.observability.metrics import PROVIDER_RETRIES, UNKNOWN

__all__ = ["LONGEST_BACKOFF", "Retryable", "count_retry", "install_retry_log", "log_retry", "retrying"]

log = logging.getLogger(__name__)

T = TypeVar("T")

LONGEST_BACKOFF = 30.0
"""The longest wait between two attempts when the provider does not say how long (seconds)."""


class Retryable(Exception):
    """A transient failure worth another attempt.

    ``error`` is the hub error raised once no attempt is left; ``wait`` is the provider's
    ``Retry-After`` in seconds, if it sent one.
    """

    def __init__(self, error: HubError, wait: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.wait = wait


_TARGET: ContextVar[tuple[str, int, str | None]] = ContextVar("hub_retry_target", default=("", 0, None))
"""What :func:`retrying` is running now: a label (host and path, never credentials), its attempts and
the connector it is for."""


def log_retry(details: RetryDetails) -> None:
    """A stamina retry hook: one line per retry of a hub request, in the hub's words.

    Retries that are not the hub's (another library's use of stamina in the same process) are logged
    as stamina itself would.
    """
    if not isinstance(details.caused_by, Retryable):
        _stamina_log(details)
        return
    target, attempts, _ = _TARGET.get()
    error = details.caused_by.error
    log.warning(
        "%s: attempt %d of %d failed, retrying in %.1f s: %s",
        target or details.name,
        details.retry_num,
        attempts,
        details.wait_for,
        error.message,
        extra={
            "retry_of": target or details.name,
            "attempt": details.retry_num,
            "max_attempts": attempts,
            "wait_seconds": round(details.wait_for, 3),
            "error_type": error.type,
        },
    )


def count_retry(details: RetryDetails) -> None:
    """A stamina retry hook: ``hrishub_provider_retries_total`` by connector and the failure's error type."""
    if isinstance(details.caused_by, Retryable):
        connector = _TARGET.get()[2] or current_connector() or UNKNOWN
        PROVIDER_RETRIES.labels(connector, details.caused_by.error.type).inc()


def _stamina_log(details: RetryDetails) -> None:
    logging.getLogger("stamina").warning(
        "stamina.retry_scheduled",
        extra={
            "stamina.callable": details.name,
            "stamina.retry_num": details.retry_num,
            "stamina.caused_by": repr(details.caused_by),
            "stamina.wait_for": round(details.wait_for, 2),
        },
    )


_installed = False


def install_retry_log() -> None:
    """Log retries with :func:`log_retry` instead of stamina's standard-library logging hook (once).

    Other hooks (Prometheus, structlog, an embedding application's own) are kept.
    """
    global _installed
    if _installed:
        return
    _installed = True
    # stamina's logging hook is a closure made by its factory: recognised by name, as nothing else
    # tells it apart once the factory has run.
    kept = [h for h in get_on_retry_hooks() if getattr(h, "__name__", "") != "log_retries"]
    set_on_retry_hooks([*kept, log_retry, count_retry])


async def retrying(
    attempt: Callable[[], Awaitable[T]],
    settings: HttpSettings,
    *,
    target: str = "",
    connector: str | None = None,
) -> T:
    """Await ``attempt()`` until it succeeds, retrying :class:`Retryable` within the settings' bounds.

    Any other exception leaves at once. Once the attempts or the time are spent, the last
    :class:`Retryable`'s hub error is raised. ``target`` (host and path, never credentials) names
    the request in the retry log; ``connector`` labels its retries' metric (default: the bound one).
    """
    install_retry_log()
    token = _TARGET.set((target, settings.max_attempts, connector))
    try:
        return await _retrying(attempt, settings)
    finally:
        _TARGET.reset(token)


async def _retrying(attempt: Callable[[], Awaitable[T]], settings: HttpSettings) -> T:
    deadline = time.monotonic() + settings.max_retry_seconds

    def backoff(exc: Exception) -> bool | float:
        if not isinstance(exc, Retryable):
            return False
        if exc.wait is None:
            return True
        # The provider says when to come back: sleeping past the budget would break the cap on total
        # time, and coming back sooner is pointless. Give up now; the error says how long it asked for.
        return exc.wait if time.monotonic() + exc.wait <= deadline else False

    try:
        async for trial in stamina.retry_context(
            on=backoff,
            attempts=settings.max_attempts,
            timeout=settings.max_retry_seconds,
            wait_initial=settings.retry_initial_wait,
            wait_max=max(settings.retry_initial_wait, LONGEST_BACKOFF),
            wait_jitter=settings.retry_initial_wait,
            wait_exp_base=2,
        ):
            with trial:
                return await attempt()
    except Retryable as exc:
        raise exc.error from None
    raise AssertionError("unreachable")  # pragma: no cover
