"""A per-account request limiter that backs off hard on 429 and eases up while requests succeed.

Few providers publish their rate limits, so a client starts with the hub's ``max_concurrency``
requests in flight, halves the allowance on each 429, and adds one back after a run of successes.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

__all__ = ["AdaptiveLimiter"]


class AdaptiveLimiter:
    """At most ``limit`` requests in flight; ``limit`` shrinks on throttling and grows back to ``maximum``.

    ``recover_after`` is the run of successes that earns one more request in flight.
    """

    def __init__(self, maximum: int, *, recover_after: int = 20) -> None:
        self.maximum = max(1, maximum)
        self.limit = self.maximum
        self.in_flight = 0
        self._recover_after = recover_after
        self._successes = 0
        self._changed = asyncio.Condition()

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one request slot for the duration of the block."""
        async with self._changed:
            await self._changed.wait_for(lambda: self.in_flight < self.limit)
            self.in_flight += 1
        try:
            yield
        finally:
            async with self._changed:
                self.in_flight -= 1
                self._changed.notify_all()

    async def throttled(self) -> None:
        """The provider answered 429: halve the allowance (at least one request)."""
        async with self._changed:
            self.limit = max(1, self.limit // 2)
            self._successes = 0

    async def succeeded(self) -> None:
        """A request succeeded: after a run of successes, allow one more in flight."""
        if self.limit >= self.maximum:
            return
        async with self._changed:
            self._successes += 1
            if self._successes >= self._recover_after:
                self.limit = min(self.maximum, self.limit + 1)
                self._successes = 0
                self._changed.notify_all()
