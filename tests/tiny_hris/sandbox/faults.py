"""Failures on demand: set the attributes of ``sandbox.faults`` (or ``update({...})``) from a test.

- ``latency_ms``: added to every request.
- ``rate_limit_every`` = N: every Nth request answers 429 (``Retry-After: retry_after`` when set).
- ``error_burst`` = (status, count): the next ``count`` requests answer ``status`` (500 JSON, 502-504 HTML).
- ``malformed`` = {path: count}: the next ``count`` answers on ``path`` are truncated JSON.
- ``drop_connection`` = count: the next ``count`` requests lose the connection before an answer.
- ``stall_seconds`` with ``stall_count``: the next ``stall_count`` requests wait that long first.
- ``serve_page_twice`` = (path, page): the request for the page after it gets that page's rows again, once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = ["ConnectionDropped", "Faults"]


class ConnectionDropped(Exception):
    """Raised inside the app to cut the connection (the in-process transport makes it httpx's error)."""


@dataclass
class Faults:
    """The faults in force (mutable; see the module docstring)."""

    latency_ms: int = 0
    rate_limit_every: int | None = None
    retry_after: float | None = None
    error_burst: tuple[int, int] | None = None
    malformed: dict[str, int] = field(default_factory=dict)
    drop_connection: int = 0
    stall_seconds: float = 0.0
    stall_count: int = 0
    serve_page_twice: tuple[str, int] | None = None
    seen: int = 0

    def reset(self) -> None:
        """Clear every fault."""
        for f in fields(self):
            setattr(self, f.name, f.default_factory() if callable(f.default_factory) else f.default)

    def update(self, values: dict[str, Any]) -> None:
        """Set faults by name; an unknown name raises ValueError."""
        unknown = set(values) - {f.name for f in fields(self)}
        if unknown:
            raise ValueError(f"unknown fault(s) {sorted(unknown)}")
        for name, value in values.items():
            pair = name in ("error_burst", "serve_page_twice") and value
            setattr(self, name, tuple(value) if pair else value)

    def take_drop(self) -> bool:
        """Whether this request's connection drops (consumes one)."""
        if self.drop_connection > 0:
            self.drop_connection -= 1
            return True
        return False

    def take_stall(self) -> float:
        """Seconds this request waits before answering (consumes one)."""
        if self.stall_count > 0:
            self.stall_count -= 1
            return self.stall_seconds
        return 0.0

    def take_error(self) -> int | None:
        """The status of an error burst for this request (consumes one), or None."""
        if self.error_burst is None:
            return None
        status, count = self.error_burst
        self.error_burst = (status, count - 1) if count > 1 else None
        return status

    def take_rate_limit(self) -> tuple[bool, str | None]:
        """Whether this request is rate-limited, and its ``Retry-After`` value."""
        self.seen += 1
        if self.rate_limit_every and self.seen % self.rate_limit_every == 0:
            return True, None if self.retry_after is None else str(math.ceil(self.retry_after))
        return False, None

    def take_malformed(self, path: str) -> bool:
        """Whether this answer on ``path`` is broken JSON (consumes one)."""
        left = self.malformed.get(path, 0)
        if left > 0:
            self.malformed[path] = left - 1
            return True
        return False

    def take_repeat(self, path: str, page: int) -> int:
        """The page to serve for ``page``: the one before it once, when so set; else ``page``."""
        if self.serve_page_twice == (path, page - 1):
            self.serve_page_twice = None
            return page - 1
        return page
