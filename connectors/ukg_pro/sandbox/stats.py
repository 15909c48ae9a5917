"""Request counts per endpoint and status, for tests and benchmarks."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

__all__ = ["Stats"]


class Stats:
    """What the sandbox answered: counts per endpoint (its path template), per status, and 401 reasons.

    ``requests["/personnel/v1/person-details"]`` counts calls to that endpoint; ``statuses[429]``
    the 429s; ``auth_failures["wrong_password"]`` why 401s were sent; ``rows`` the records served.
    Unknown paths count under ``"(unmatched)"``; the admin surface is not counted.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self.by_endpoint_status: Counter[tuple[str, int]] = Counter()
        self.auth_failures: Counter[str] = Counter()
        self.rows: Counter[str] = Counter()

    @property
    def total(self) -> int:
        """Requests to UKG's surface."""
        return sum(self.requests.values())

    def record(self, endpoint: str, status: int, rows: int = 0) -> None:
        """Count one answered request."""
        with self._lock:
            self.requests[endpoint] += 1
            self.statuses[status] += 1
            self.by_endpoint_status[(endpoint, status)] += 1
            if rows:
                self.rows[endpoint] += rows

    def record_auth_failure(self, reason: str) -> None:
        """Count why a request got 401."""
        with self._lock:
            self.auth_failures[reason] += 1

    def reset(self) -> None:
        """Forget every count."""
        with self._lock:
            for counter in (
                self.requests,
                self.statuses,
                self.by_endpoint_status,
                self.auth_failures,
                self.rows,
            ):
                counter.clear()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        with self._lock:
            return {
                "total": sum(self.requests.values()),
                "requests": dict(self.requests),
                "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
                "auth_failures": dict(self.auth_failures),
                "rows": dict(self.rows),
            }

    def __repr__(self) -> str:
        return f"Stats(total={self.total}, statuses={dict(self.statuses)})"
