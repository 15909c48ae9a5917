"""Scrubbing secrets out of log events: by key, by the look of a value, and by the values the hub holds.

Three nets, applied to every field of every event (nested mappings and lists too), the message and the
traceback included:

- a field whose name says it holds a secret (``password``, ``api_key``, ``token``, ``authorization``,
  ``credentials``, ``cookie``, ``secret``...) keeps its name and loses its value;
- text that looks like a secret loses it: ``Bearer``/``Basic`` credentials, ``password=...`` and the like
  in a message or a URL's query, user info in a URL, JWTs, the hub's own API keys (``hh_...``) and webhook
  signing secrets (``whsec_...``);
- the very values the hub is handling now: :func:`secrets_scrubbed` names them (the sync of an account
  names its credentials), and any text holding one has it replaced, whatever its shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

__all__ = [
    "REDACTED",
    "SECRET_KEY_PARTS",
    "is_secret_key",
    "redact_event",
    "scrub_text",
    "secret_values",
    "secrets_scrubbed",
]

REDACTED = "[redacted]"
"""What a secret is replaced by."""

SECRET_KEY_PARTS = (
    "password",
    "passwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "authorization",
    "credential",
    "cookie",
    "private_key",
    "signature",
)
"""A field whose name (lower case, ``-`` read as ``_``) contains one of these holds a secret."""

_NOT_SECRET_KEYS = frozenset({"event", "level", "logger", "timestamp", "exception", "key_prefix"})

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization header values: "Bearer abc", "Basic dXNlcjpwYXNz".
    # (The name is kept, the credential dropped.)
    (
        re.compile(r"\b(Bearer|Basic|Token|Digest)\s+[A-Za-z0-9._~+/=\-]{4,}", re.IGNORECASE),
        r"\1 " + REDACTED,
    ),
    # name=value and "name": "value" pairs whose name says secret (query strings, reprs, JSON text).
    (
        re.compile(
            r"""(?ix)
            ((?:[\w-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|authorization|credentials?))
             ["']?\s*[:=]\s*["']?)
            (?!\[redacted\])([^\s"'&,;)}\]]+)
            """
        ),
        r"\1" + REDACTED,
    ),
    # User info in a URL: scheme://user:password@host.
    (re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s:@]+:[^/\s@]+@"), r"\1" + REDACTED + "@"),
    # JSON Web Tokens.
    (re.compile(r"\beyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*"), REDACTED),
    # The hub's customer API keys and Standard Webhooks signing secrets.
    (re.compile(r"\bhh_[A-Za-z0-9_\-]{20,}"), REDACTED),
    (re.compile(r"\bwhsec_[A-Za-z0-9+/=]{8,}"), REDACTED),
)

_KNOWN: ContextVar[tuple[str, ...]] = ContextVar("hrishub_known_secrets", default=())
"""Secret values in use in this context (an account's credentials during its sync), longest first."""

MIN_KNOWN_LENGTH = 4
"""Shorter values are not scrubbed by value (a two-letter password would blank every word holding it)."""


@contextmanager
def secrets_scrubbed(values: Iterable[Any]) -> Iterator[None]:
    """Within the block, any logged text holding one of ``values`` has it replaced by :data:`REDACTED`.

    Non-text and short values are ignored. The values stay in memory only as long as the block.
    """
    wanted = {v for v in values if isinstance(v, str) and len(v.strip()) >= MIN_KNOWN_LENGTH}
    if not wanted:
        yield
        return
    merged = tuple(sorted(wanted | set(_KNOWN.get()), key=len, reverse=True))
    token = _KNOWN.set(merged)
    try:
        yield
    finally:
        _KNOWN.reset(token)


def secret_values(values: Mapping[str, Any], schema: Mapping[str, Any] | None = None) -> list[Any]:
    """The secrets among an account's credential ``values``, for :func:`secrets_scrubbed`.

    A value is secret when its name says so (:func:`is_secret_key`) or when the connector's credentials
    schema marks it ``writeOnly`` or ``format: password``; a host or a user name is not.
    """
    declared = (schema or {}).get("properties", {})
    return [
        value
        for name, value in values.items()
        if is_secret_key(name)
        or declared.get(name, {}).get("writeOnly")
        or declared.get(name, {}).get("format") == "password"
    ]


def is_secret_key(key: str) -> bool:
    """Whether a field named ``key`` holds a secret (its value is never logged)."""
    name = key.lower().replace("-", "_")
    if name in _NOT_SECRET_KEYS:
        return False
    return any(part in name for part in SECRET_KEY_PARTS)


def scrub_text(text: str) -> str:
    """``text`` with every secret-looking part and every value of :func:`secrets_scrubbed` replaced."""
    for known in _KNOWN.get():
        if known in text:
            text = text.replace(known, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


MAX_DEPTH = 6
"""Nesting deeper than this is logged as its type only (a log event is not a data dump)."""


def _scrub(value: Any, depth: int) -> Any:
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, bool | int | float) or value is None:
        return value
    if depth >= MAX_DEPTH:
        return f"<{type(value).__name__}>"
    if isinstance(value, Mapping):
        return {
            k: REDACTED if isinstance(k, str) and is_secret_key(k) else _scrub(v, depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple | set | frozenset):
        return [_scrub(v, depth + 1) for v in value]
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return scrub_text(str(value))


def redact_event(_logger: Any, _method: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """The structlog processor: every secret in ``event`` replaced (see the module's description)."""
    for key in list(event):
        if key.startswith("_"):  # structlog's own bookkeeping (the stdlib record), never rendered
            continue
        if is_secret_key(key):
            event[key] = REDACTED
        else:
            event[key] = _scrub(event[key], 0)
    return event
