"""What a REST client needs to send a customer's passthrough request safely.

:meth:`hub.rest.RestClient.passthrough` builds on these: :func:`confined_url` makes sure the request
goes to the client's own base URL and nowhere else (checked again after the hub's own checks, so a
client is safe even when called directly); :func:`read_capped` reads an answer no larger than the
limit; :func:`sent_secrets` lists the credential values a request carried, so the hub can redact
them should the provider echo them back.
"""

from __future__ import annotations

import base64
import binascii
import logging
from urllib.parse import unquote

import httpx

from hub.errors import FieldIssue, InvalidPassthrough, PassthroughTooLarge

__all__ = [
    "IDEMPOTENT_METHODS",
    "MIN_SECRET_LENGTH",
    "confined_url",
    "hide_response_headers",
    "read_capped",
    "sent_secrets",
]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
"""Methods sent again after a 5xx or a dropped connection; others only when nothing reached the provider."""

MIN_SECRET_LENGTH = 4
"""Shorter values are not redacted from answers: a 2-character value would blank half the text."""

_PLAIN_HEADERS = frozenset(
    {"accept", "accept-encoding", "connection", "content-length", "content-type", "host", "user-agent"}
)
"""Headers a client adds that never hold a credential."""


def confined_url(base_url: httpx.URL, path: str) -> httpx.URL:
    """``path`` under ``base_url`` (appended to its path), or :class:`InvalidPassthrough` if it would leave.

    The result has the base's scheme, host and port, no user info, and a path that starts with the
    base's path and has no ``..`` or empty segment.
    """
    refused = InvalidPassthrough(
        [
            FieldIssue(
                "path", "does not stay on the provider's own host.", "Send a path such as /v1/employees."
            )
        ]
    )
    # Checked as sent and as a server may decode it: httpx would resolve "/a/../b" to "/b" silently.
    decoded = unquote(path)
    if (
        not path.startswith("/")
        or any(bad in text for text in (path, decoded) for bad in ("//", "\\"))
        or any(s in (".", "..") for s in decoded.split("/"))
    ):
        raise refused
    try:
        relative = httpx.URL(path)
    except httpx.InvalidURL:
        raise refused from None
    if relative.is_absolute_url or relative.query or relative.fragment:
        raise refused
    base_path = base_url.raw_path.rstrip(b"/")
    url = base_url.copy_with(raw_path=base_path + relative.raw_path, query=None, fragment=None)
    segments = url.raw_path.split(b"/")[1:]
    if (
        (url.scheme, url.host, url.port) != (base_url.scheme, base_url.host, base_url.port)
        or url.userinfo
        or not url.raw_path.startswith(base_path + b"/")
        or any(s in (b".", b"..") for s in segments)
        or b"" in segments[:-1]
    ):
        raise refused
    return url


async def read_capped(response: httpx.Response, limit: int, *, path: str = "") -> bytes:
    """The decoded body of a streamed answer, or :class:`PassthroughTooLarge` once past ``limit`` bytes.

    Counted after decompression, so a small compressed answer cannot unpack past the limit.
    """
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit and "content-encoding" not in response.headers:
        raise PassthroughTooLarge(limit, path=path)
    chunks: list[bytes] = []
    total = 0
    async for chunk in response.aiter_bytes():
        total += len(chunk)
        if total > limit:
            raise PassthroughTooLarge(limit, path=path)
        chunks.append(chunk)
    return b"".join(chunks)


def sent_secrets(sent: httpx.Headers, supplied: httpx.Headers) -> frozenset[str]:
    """The credential values among the headers a request carried that its caller did not supply.

    An ``Authorization`` value counts whole, by its token, and (Basic) by its user name, password and
    both together; values shorter than :data:`MIN_SECRET_LENGTH` are left out.
    """
    found: set[str] = set()
    for name, value in sent.multi_items():
        lowered = name.lower()
        if lowered in _PLAIN_HEADERS or (lowered in supplied and supplied[lowered] == value):
            continue
        found.add(value)
        scheme, _, token = value.partition(" ")
        if token:
            found.add(token.strip())
        if scheme.lower() == "basic" and token:
            try:
                pair = base64.b64decode(token.strip(), validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                continue
            user, _, password = pair.partition(":")
            found.update({pair, user, password})
    return frozenset(s for s in found if len(s) >= MIN_SECRET_LENGTH)


class _HeadersHidden(logging.Filter):
    """Keeps httpcore's debug line of an answer's headers, without the headers."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("receive_response_headers.complete"):
            record.msg, record.args = "receive_response_headers.complete (headers hidden by hrishub)", ()
        return True


_hidden = False


def hide_response_headers() -> None:
    """Keep providers' answer headers out of httpcore's debug log (once per process).

    A provider may echo a credential in a header (a cookie, a debugging header); at DEBUG level
    httpcore would log every answer's headers whole.
    """
    global _hidden
    if _hidden:
        return
    _hidden = True
    for name in ("httpcore.http11", "httpcore.http2"):
        logging.getLogger(name).addFilter(_HeadersHidden())
