"""A request rate per API key: a token bucket per key, ``429`` past it, ``RateLimit-*`` headers always.

Every request that carries an API key (``Authorization: Bearer``) spends one token of that key's
bucket for :attr:`RateLimits.api` (``HRISHUB_RATE_LIMIT``, default ``120/minute``). The linking
routes, which call the provider (``POST /v1/accounts``, ``PUT /v1/accounts/{id}/credentials``,
``POST /v1/accounts/{id}/passthrough``, and a linking page's submit and check), also spend one of a
smaller bucket, :attr:`RateLimits.link` (``HRISHUB_LINK_RATE_LIMIT``, default ``10/minute``); a
linking page counts by its link, as it has no API key. A bucket holds ``count`` tokens and refills
at ``count`` per period, so a key may burst to its whole allowance, then goes at the steady rate.

Every such answer carries the IETF draft headers (draft-ietf-httpapi-ratelimit-headers):
``RateLimit-Limit``, ``RateLimit-Remaining``, ``RateLimit-Reset`` (seconds until the bucket is full
again) and ``RateLimit-Policy`` (``120;w=60``), for the tighter bucket on linking routes. Past the
limit the answer is a ``429`` problem (``too-many-requests``) with ``Retry-After``; the route is not
run. Buckets live in the process: with several server processes, each has its own.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.api.problems import PROBLEM_JSON, problem_response
from hub.errors import InputError, TooManyRequests

__all__ = [
    "LINK_RATE_ENV",
    "RATE_ENV",
    "Buckets",
    "Rate",
    "RateLimitMiddleware",
    "RateLimits",
    "Verdict",
    "document_rate_limits",
]

RATE_ENV = "HRISHUB_RATE_LIMIT"
LINK_RATE_ENV = "HRISHUB_LINK_RATE_LIMIT"

_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_ALIASES = {"s": "second", "sec": "second", "m": "minute", "min": "minute", "h": "hour", "d": "day"}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*([a-z]+?)s?\s*$")

_LINK_ROUTES = (
    ("POST", re.compile(r"^/v1/accounts/?$")),
    ("PUT", re.compile(r"^/v1/accounts/[^/]+/credentials/?$")),
    ("POST", re.compile(r"^/v1/accounts/[^/]+/passthrough/?$")),
)
_LINK_PAGE = re.compile(r"^/link/([^/]+)(?:/check)?/?$")


@dataclass(frozen=True)
class Rate:
    """``count`` requests per ``unit`` (``second``, ``minute``, ``hour`` or ``day``)."""

    count: int
    unit: str = "minute"

    @property
    def seconds(self) -> int:
        """The period in seconds."""
        return _UNITS[self.unit]

    def __str__(self) -> str:
        return f"{self.count}/{self.unit}"

    @classmethod
    def parse(cls, text: str, *, name: str = RATE_ENV) -> Rate:
        """``"120/minute"`` (also ``120/min``, ``5/s``, ``1000/hour``) as a rate; ``name`` is the setting."""
        found = _RATE.match(text.lower())
        unit = found and _ALIASES.get(found.group(2), found.group(2))
        if found is None or unit not in _UNITS or int(found.group(1)) < 1:
            raise InputError(
                f"{name}={text!r} is not a request rate.",
                remedy=f"Set {name} to a count of at least 1 per unit, e.g. 120/minute "
                "(units: second, minute, hour, day).",
            )
        return cls(int(found.group(1)), str(unit))


@dataclass(frozen=True)
class RateLimits:
    """The rate of every API key (``api``) and the tighter one of the linking routes (``link``)."""

    api: Rate = Rate(120)
    link: Rate = Rate(10)

    @classmethod
    def from_env(cls) -> RateLimits:
        """``HRISHUB_RATE_LIMIT`` and ``HRISHUB_LINK_RATE_LIMIT``, each defaulting as the class does."""
        default = cls()
        api, link = os.environ.get(RATE_ENV, "").strip(), os.environ.get(LINK_RATE_ENV, "").strip()
        return cls(
            api=Rate.parse(api, name=RATE_ENV) if api else default.api,
            link=Rate.parse(link, name=LINK_RATE_ENV) if link else default.link,
        )


@dataclass(frozen=True)
class Verdict:
    """One request's outcome against one bucket (the headers' values)."""

    rate: Rate
    linking: bool
    """Whether it is the linking routes' bucket."""
    allowed: bool
    remaining: int
    reset: float
    """Seconds until the bucket is full again."""
    retry_after: float
    """Seconds until one token is back (0 when allowed)."""

    def headers(self) -> list[tuple[bytes, bytes]]:
        """The ``RateLimit-*`` headers, plus ``Retry-After`` when refused."""
        pairs = [
            ("ratelimit-limit", str(self.rate.count)),
            ("ratelimit-remaining", str(self.remaining)),
            ("ratelimit-reset", str(math.ceil(self.reset))),
            ("ratelimit-policy", f"{self.rate.count};w={self.rate.seconds}"),
        ]
        if not self.allowed:
            pairs.append(("retry-after", str(max(1, math.ceil(self.retry_after)))))
        return [(k.encode(), v.encode()) for k, v in pairs]


@dataclass
class _Bucket:
    tokens: float
    at: float


@dataclass
class Buckets:
    """A token bucket per key at one :class:`Rate`; used from the event loop only (no lock)."""

    rate: Rate
    clock: Callable[[], float] = time.monotonic
    linking: bool = False
    """The linking routes' bucket (its refusals say so)."""
    max_keys: int = 100_000
    """Past this many keys, full (idle) buckets are forgotten: unknown keys cannot grow memory forever."""
    _buckets: dict[str, _Bucket] = field(default_factory=dict)

    def take(self, key: str) -> Verdict:
        """Spend one token of ``key``'s bucket if it has one."""
        now = self.clock()
        per_second = self.rate.count / self.rate.seconds
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_keys:
                self._forget_full(now)
            bucket = self._buckets[key] = _Bucket(float(self.rate.count), now)
        bucket.tokens = min(float(self.rate.count), bucket.tokens + (now - bucket.at) * per_second)
        bucket.at = now
        allowed = bucket.tokens >= 1
        if allowed:
            bucket.tokens -= 1
        return Verdict(
            rate=self.rate,
            linking=self.linking,
            allowed=allowed,
            remaining=int(bucket.tokens),
            reset=(self.rate.count - bucket.tokens) / per_second,
            retry_after=0.0 if allowed else (1 - bucket.tokens) / per_second,
        )

    def _forget_full(self, now: float) -> None:
        per_second = self.rate.count / self.rate.seconds
        full = [
            k for k, b in self._buckets.items() if b.tokens + (now - b.at) * per_second >= self.rate.count
        ]
        for key in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[key]


def _bearer(headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name == b"authorization":
            scheme, _, key = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and key.strip():
                return key.strip()
    return None


def _digest(text: str) -> str:
    # Buckets are keyed by a digest: the process keeps no API key or link token in plain text.
    return hashlib.sha256(text.encode()).hexdigest()


class RateLimitMiddleware:
    """The ASGI middleware applying :class:`RateLimits` (see the module's description)."""

    def __init__(
        self, app: ASGIApp, limits: RateLimits, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.app = app
        self.limits = limits
        self.api = Buckets(limits.api, clock)
        self.link = Buckets(limits.link, clock, linking=True)

    def _verdicts(self, scope: Scope) -> list[Verdict]:
        method, path = scope["method"], scope["path"]
        page = _LINK_PAGE.match(path) if method == "POST" else None
        if page is not None:
            return [self.link.take("page:" + _digest(page.group(1)))]
        key = _bearer(scope["headers"])
        if key is None:
            return []
        account = _digest(key)
        verdicts = [self.api.take(account)]
        if any(method == m and pattern.match(path) for m, pattern in _LINK_ROUTES):
            verdicts.append(self.link.take(account))
        return verdicts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse a request past its key's rate with a 429 problem; add the headers to every answer."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        verdicts = self._verdicts(scope)
        if not verdicts:
            await self.app(scope, receive, send)
            return
        refused = [v for v in verdicts if not v.allowed]
        if refused:
            shown = max(refused, key=lambda v: v.retry_after)
            what = "linking requests" if shown.linking else "requests"
            error = TooManyRequests(str(shown.rate), shown.retry_after, what=what)
            response = problem_response(error.to_problem())
            response.raw_headers.extend(shown.headers())
            await response(scope, receive, send)
            return
        shown = min(verdicts, key=lambda v: v.remaining)
        extra = shown.headers()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


_HEADERS_DOC = {
    "RateLimit-Limit": "The requests the key's bucket holds (the linking routes': the tighter one).",
    "RateLimit-Remaining": "The requests left now.",
    "RateLimit-Reset": "Seconds until the bucket is full again.",
    "Retry-After": "Seconds to wait before the next request.",
}


def document_rate_limits(app: FastAPI) -> None:
    """Declare the ``429`` problem answer on every route that takes an API key, in the OpenAPI document."""
    build = app.openapi
    too_many = {
        "description": "Too many requests for this API key: wait `Retry-After` seconds.",
        "headers": {
            name: {"description": text, "schema": {"type": "integer"}} for name, text in _HEADERS_DOC.items()
        },
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }

    def openapi() -> dict[str, Any]:
        spec = build()
        for item in spec.get("paths", {}).values():
            for operation in item.values():
                if isinstance(operation, dict) and operation.get("security"):
                    operation.setdefault("responses", {}).setdefault("429", too_many)
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
