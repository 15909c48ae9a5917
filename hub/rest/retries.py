"""Bounded retries with stamina: no more attempts, and no longer, than the hub's ``HttpSettings`` allow.

A request that fails in a way worth another attempt (a 429, a 5xx, a dropped connection, a garbled
body) raises :class:`Retryable` around the hub error it would end in. :func:`retrying` has stamina
run it again after ``retry_initial_wait`` seconds, doubling each time with up to as much again of
jitter (at most :data:`LONGEST_BACKOFF`), or after what the provider's ``Retry-After`` asks for.
It gives up with that hub error once ``max_attempts`` requests are made or ``max_retry_seconds``
have passed, and at once when a ``Retry-After`` would end past ``max_retry_seconds`` (the error
then says how long the provider asked to wait).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import stamina

from hub.connector import HttpSettings
from hub.errors import HubError

__all__ = ["LONGEST_BACKOFF", "Retryable", "retrying"]

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


async def retrying(attempt: Callable[[], Awaitable[T]], settings: HttpSettings) -> T:
    """Await ``attempt()`` until it succeeds, retrying :class:`Retryable` within the settings' bounds.

    Any other exception leaves at once. Once the attempts or the time are spent, the last
    :class:`Retryable`'s hub error is raised.
    """
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
