"""Requests the sandbox answered, per path and per status."""

from __future__ import annotations

import threading
from collections import Counter

__all__ = ["Stats"]


class Stats:
    """``requests[path]`` and ``statuses[status]`` counts; ``total`` every request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()

    @property
    def total(self) -> int:
        """Every request answered."""
        return sum(self.requests.values())

    def record(self, path: str, status: int) -> None:
        """Count one answer."""
        with self._lock:
            self.requests[path] += 1
            self.statuses[status] += 1

    def reset(self) -> None:
        """Forget every count."""
        with self._lock:
            self.requests.clear()
            self.statuses.clear()
