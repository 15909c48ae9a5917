"""Requests the sandbox answered, per path and per status, and the most it held in flight at once."""

from __future__ import annotations

import threading
from collections import Counter

__all__ = ["Stats"]


class Stats:
    """``requests[path]`` and ``statuses[status]`` counts; ``total`` every request; ``peak_in_flight``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self.in_flight = 0
        self.peak_in_flight = 0

    def entered(self) -> None:
        """A request arrived (it is in flight until :meth:`left`)."""
        with self._lock:
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)

    def left(self) -> None:
        """A request was answered (or dropped)."""
        with self._lock:
            self.in_flight -= 1

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
            self.peak_in_flight = self.in_flight
