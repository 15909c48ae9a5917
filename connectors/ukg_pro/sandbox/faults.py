"""Faults on demand: the failures a UKG client meets in production, switched on per tenant.

Set the attributes of :class:`Faults` (``sb.faults``) from a test, or POST them to
``/_sandbox/faults``. They apply only to UKG's surface, never to the admin one.

- ``latency_ms``: added to every request.
- ``rate_limit_every`` = N: every Nth request answers 429, with ``Retry-After: retry_after`` when
  that is set and without the header when it is None (UKG sends it only sometimes).
- ``error_burst`` = (status, count): the next ``count`` requests answer ``status`` (a JSON body for
  500, an HTML gateway page for 502-504, as load balancers send).
- ``malformed_page`` = (endpoint path, page): that page answers 200 with truncated JSON,
  ``malformed_count`` times.
- ``drop_connection`` = count: the next ``count`` requests lose the connection mid-body.
- ``stall_seconds`` with ``stall_count``: the next ``stall_count`` requests send nothing for
  ``stall_seconds`` (past the client's read timeout), then answer normally if the client waits.
- ``serve_page_twice`` = (endpoint path, page): the request for the page after it answers that
  page's rows again (a paging bug clients must detect), once.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any

__all__ = ["ConnectionDropped", "Faults"]


class ConnectionDropped(Exception):
    """Raised inside the app to cut the connection mid-response (a dropped connection fault)."""


@dataclass
class Faults:
    """The faults in force on a sandbox tenant (mutable; see the module docstring)."""

    latency_ms: int = 0
    rate_limit_every: int | None = None
    retry_after: float | None = None
    error_burst: tuple[int, int] | None = None
    malformed_page: tuple[str, int] | None = None
    malformed_count: int = 1
    drop_connection: int = 0
    stall_seconds: float = 0.0
    stall_count: int = 0
    serve_page_twice: tuple[str, int] | None = None
    seen: int = field(default=0, repr=False)

    def reset(self, *, keep_latency: bool = False) -> None:
        """Clear every fault (and the request counter of the rate limit)."""
        latency = self.latency_ms
        for f in fields(self):
            setattr(self, f.name, f.default)
        if keep_latency:
            self.latency_ms = latency

    def update(self, values: dict[str, Any]) -> None:
        """Set faults from a JSON object (the admin endpoint); unknown names raise ValueError."""
        names = {f.name for f in fields(self)} - {"seen"}
        unknown = set(values) - names
        if unknown:
            raise ValueError(f"unknown fault(s) {sorted(unknown)}; known: {sorted(names)}")
        for name, value in values.items():
            if name in ("error_burst", "malformed_page", "serve_page_twice") and value is not None:
                first, second = value
                value = (int(first), int(second)) if name == "error_burst" else (str(first), int(second))
            setattr(self, name, value)
        if "rate_limit_every" in values:
            self.seen = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return asdict(self)

    # -- decisions, made by the app for each UKG request ------------------------------------------------

    def take_drop(self) -> bool:
        """Whether this request's connection is dropped (consumes one)."""
        if self.drop_connection > 0:
            self.drop_connection -= 1
            return True
        return False

    def take_stall(self) -> float:
        """Seconds this request stalls before answering (consumes one), or 0."""
        if self.stall_count > 0 and self.stall_seconds > 0:
            self.stall_count -= 1
            return self.stall_seconds
        return 0.0

    def take_error(self) -> int | None:
        """The status this request fails with from an error burst (consumes one), or None."""
        if self.error_burst is not None:
            status, count = self.error_burst
            self.error_burst = (status, count - 1) if count > 1 else None
            return status
        return None

    def take_rate_limit(self) -> tuple[bool, str | None]:
        """Whether this request is rate-limited, and the ``Retry-After`` value to send (or None)."""
        self.seen += 1
        every = self.rate_limit_every
        if every and self.seen % every == 0:
            if self.retry_after is None:
                return True, None
            return True, str(max(0, math.ceil(self.retry_after)))
        return False, None

    def take_malformed(self, path: str, page: int) -> bool:
        """Whether this page of this endpoint answers with broken JSON (consumes one)."""
        target = self.malformed_page
        if target is not None and target[0].lower() == path.lower() and target[1] == page:
            self.malformed_count -= 1
            if self.malformed_count <= 0:
                self.malformed_page, self.malformed_count = None, 1
            return True
        return False

    def take_repeat(self, path: str, page: int) -> int | None:
        """The page to serve instead of ``page`` (the one before it), once, or None."""
        target = self.serve_page_twice
        if target is not None and target[0].lower() == path.lower() and target[1] + 1 == page:
            self.serve_page_twice = None
            return target[1]
        return None
