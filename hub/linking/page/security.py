"""The linking page's defences: security headers, CSRF tokens, the linking browser's holder cookie."""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Iterable

from starlette.requests import Request
from starlette.responses import Response

__all__ = [
    "CSRF_COOKIE",
    "HOLDER_COOKIE",
    "LinkTokenFilter",
    "csrf_matches",
    "csrf_token",
    "same_origin",
    "security_headers",
    "set_cookie",
]

CSRF_COOKIE = "hrishub_link_csrf"
HOLDER_COOKIE = "hrishub_link_holder"


def security_headers(frame_origins: Iterable[str] = ()) -> dict[str, str]:
    """Headers for every page and answer of the linking flow.

    Scripts and styles only from the hub itself (no inline code); forms post only to the hub; no
    framing by other sites unless the customer named its origin; no referrer to other sites (the URL
    is a secret; ``same-origin`` keeps the ``Origin`` header that posts are checked with); no caching.
    """
    origins = " ".join(frame_origins)
    headers = {
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; "
            f"frame-ancestors {origins or chr(39) + 'none' + chr(39)}"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Cache-Control": "no-store",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    }
    if not origins:
        headers["X-Frame-Options"] = "DENY"
    return headers


def csrf_token(request: Request) -> str:
    """The browser's CSRF token (from its cookie), or a fresh one to set."""
    current = request.cookies.get(CSRF_COOKIE, "")
    return current if 30 <= len(current) <= 100 else secrets.token_urlsafe(32)


def csrf_matches(request: Request, sent: str | None) -> bool:
    """Whether the token sent with a form or a header is the one in the browser's cookie."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    return bool(cookie and sent) and secrets.compare_digest(cookie.encode(), str(sent).encode())


def same_origin(request: Request, public_url: str = "") -> bool:
    """Whether a state-changing request came from the hub's own pages (no ``Origin`` sent is allowed).

    Browsers send ``Origin`` with every form post and fetch; a value from another site is refused
    even when cookies would match.
    """
    origin = request.headers.get("origin")
    if origin is None:
        return True
    own = f"{request.url.scheme}://{request.url.netloc}"
    allowed = {own}
    if public_url:
        allowed.add(public_url.rstrip("/"))
    return origin.rstrip("/") in allowed


def set_cookie(
    response: Response, request: Request, name: str, value: str, path: str, *, framed: bool
) -> None:
    """A session cookie for this link's path only: HttpOnly, SameSite (None only when framed over https)."""
    secure = request.url.scheme == "https"
    response.set_cookie(
        name,
        value,
        path=path,
        httponly=True,
        secure=secure,
        samesite="none" if framed and secure else "strict",
    )


_LINK_PATH = re.compile(r"/link/[A-Za-z0-9_-]{8,}")


class LinkTokenFilter(logging.Filter):
    """Hide linking-page tokens in log lines (uvicorn's access log prints every path).

    A link's token lets whoever holds it link an account for the customer, so it is treated like a
    secret: ``/link/<token>/preview`` is logged as ``/link/…/preview``.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message arguments (and message) in place; never drop the record."""
        if isinstance(record.args, tuple):
            record.args = tuple(
                _LINK_PATH.sub("/link/…", a) if isinstance(a, str) else a for a in record.args
            )
        if isinstance(record.msg, str):
            record.msg = _LINK_PATH.sub("/link/…", record.msg)
        return True

    @classmethod
    def install(cls, *loggers: str) -> None:
        """Add the filter once to each named logger (by default uvicorn's access and error logs)."""
        for name in loggers or ("uvicorn.access", "uvicorn.error"):
            target = logging.getLogger(name)
            if not any(isinstance(f, cls) for f in target.filters):
                target.addFilter(cls())
