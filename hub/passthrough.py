"""Passthrough: a customer's own request sent to the provider with an account's stored credentials.

The hub checks the request before any client sees it (:func:`check_request`): a method the
connector allows (read-only ones unless it declares others), a path relative to the connector's own
host (no absolute URL, scheme, ``//host``, ``..``, backslash, ``@``, encoded slash or dot, control
character), query parameters as names and plain values, headers that carry no credential and no
hop-by-hop meaning, a JSON body only with a method that takes one. Every refusal names the field and
nothing is sent. The connector's client then sends it (:class:`hub.connector.PassthroughClient`)
with its credentials, its limiter and its retries, never following a redirect, reading at most
:attr:`hub.connector.Passthrough.max_bytes`.

The answer (:class:`PassthroughResult`) keeps the provider's status, a few harmless headers and the
body (JSON when it is JSON, else text, else base64), with every credential value the request carried
or the account holds redacted, should the provider echo one. Each request, refused or sent, is one
row of the audit trail (:mod:`hub.store.passthrough_audit`): method, path, parameter names, status,
size and time; never a credential, a query value or a body.
"""

from __future__ import annotations

import asyncio
import base64
import re
import threading
import time
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from hub.accounts import NEEDS_ATTENTION
from hub.connector import READ_ONLY_METHODS, PassthroughClient, PassthroughRequest, PassthroughResponse
from hub.errors import (
    CredentialsRejected,
    FieldIssue,
    HubError,
    InvalidPassthrough,
    NotSupported,
    PassthroughBusy,
)
from hub.rest.passthrough import MIN_SECRET_LENGTH

if TYPE_CHECKING:
    from collections.abc import Iterator

    from hub.accounts import Account
    from hub.connector import Connector, Passthrough
    from hub.context import HubContext

__all__ = [
    "MAX_BODY_BYTES",
    "REDACTED",
    "REFUSED_HEADERS",
    "RELAYED_HEADERS",
    "PassthroughResult",
    "check_request",
    "send_passthrough",
]

REDACTED = "[redacted]"
"""What replaces a credential value the provider echoed."""

MAX_BODY_BYTES = 1024 * 1024
"""The largest request body (as JSON) a customer may send through."""

MAX_PATH = 2048
MAX_PARAMS = 100
MAX_HEADER_VALUE = 8192
MAX_HEADERS = 50

REFUSED_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "host",
        "connection",
        "keep-alive",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "content-length",
        "expect",
        "forwarded",
        "x-real-ip",
    }
)
"""Headers a caller may never send through: credentials, the host, hop-by-hop and framing headers."""

RELAYED_HEADERS = frozenset(
    {
        "content-type",
        "content-language",
        "content-range",
        "cache-control",
        "etag",
        "last-modified",
        "expires",
        "date",
        "link",
        "location",
        "retry-after",
        "x-total-count",
        "x-request-id",
    }
)
"""The provider's answer headers shown to the caller (and ``ratelimit-*``, ``x-ratelimit-*``); never
``set-cookie``, ``www-authenticate`` or anything that may carry a credential."""

_RATE_HEADER = re.compile(r"^(x-)?rate-?limit-", re.IGNORECASE)
_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,100}$")
_METHOD = re.compile(r"^[A-Z]{1,16}$")
_PATH_CHARS = re.compile(r"^/[A-Za-z0-9\-._~!$&'()*+,;=:/%]*$")
_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_ESCAPED = re.compile(r"%([0-9A-Fa-f]{2})")
_REFUSED_ESCAPED = frozenset(b"/\\.%?#@")
_BODY_METHODS_NOT = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class PassthroughResult:
    """The provider's answer as the caller sees it: credentials redacted, headers filtered.

    ``body`` is the decoded JSON value when the answer is JSON, the text when it is text, base64
    when it is neither (``body_encoding`` says which: ``json``, ``text``, ``base64``, or ``None`` for
    an empty body). ``audit_id`` is the entry of the audit trail.
    """

    status: int
    headers: dict[str, str]
    body: Any
    body_encoding: str | None
    bytes: int
    audit_id: int = 0
    duration_ms: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the HTTP API's answer)."""
        return {
            "status": self.status,
            "headers": dict(self.headers),
            "body": self.body,
            "body_encoding": self.body_encoding,
            "bytes": self.bytes,
            "audit_id": self.audit_id,
            "duration_ms": self.duration_ms,
        }


# -- checking a request --------------------------------------------------------------------------


def _path_issue(path: Any) -> str | None:
    """Why ``path`` may not be sent, or None."""
    if not isinstance(path, str) or not path:
        return "must be a path such as /v1/employees."
    if len(path) > MAX_PATH:
        return f"is longer than {MAX_PATH} characters."
    if not path.startswith("/") or path.startswith("//"):
        return "must start with a single / (a path on the provider's own host, never a URL or //host)."
    if not _PATH_CHARS.match(path):
        return (
            "holds a character a path may not have as is: a space, a control character, a backslash, "
            "@, ? or # are refused (put the query in params); percent-encode any other (é as %C3%A9)."
        )
    if _ESCAPE.search(path):
        return "holds a % that is not a percent-escape (%XX)."
    escaped = {int(code, 16) for code in _ESCAPED.findall(path)}
    if any(b in _REFUSED_ESCAPED or b < 0x20 or b == 0x7F for b in escaped):
        return "holds an encoded /, \\, ., %, ?, #, @ or control character."
    segments = path.split("/")[1:]
    if any(s in (".", "..") for s in segments):
        return "holds a . or .. segment."
    if "" in segments[:-1]:
        return "holds an empty segment (//)."
    return None


def _param_value(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return str(value)
    return None


def _check_params(params: Any, issues: list[FieldIssue]) -> dict[str, str | list[str]]:
    checked: dict[str, str | list[str]] = {}
    if params is None:
        return checked
    fix = 'Send {"name": "value"} or {"name": ["a", "b"]} with text, number or boolean values.'
    if not isinstance(params, Mapping):
        issues.append(FieldIssue("params", "must be an object.", fix))
        return checked
    if len(params) > MAX_PARAMS:
        issues.append(FieldIssue("params", f"holds more than {MAX_PARAMS} parameters.", "Send fewer."))
        return checked
    for name, value in params.items():
        if not isinstance(name, str) or not name or len(name) > 200 or not name.isprintable():
            issues.append(FieldIssue("params", "holds a parameter name that is empty or not text.", fix))
            continue
        values = value if isinstance(value, list) else [value]
        texts = [_param_value(v) for v in values]
        if not values or any(text is None for text in texts):
            issues.append(
                FieldIssue(f"params.{name}", "must be text, a number, a boolean or a list of them.", fix)
            )
            continue
        strings = [text for text in texts if text is not None]
        checked[name] = strings if isinstance(value, list) else strings[0]
    return checked


def _check_headers(headers: Any, offer: Passthrough, issues: list[FieldIssue]) -> dict[str, str]:
    checked: dict[str, str] = {}
    if headers is None:
        return checked
    if not isinstance(headers, Mapping):
        issues.append(FieldIssue("headers", "must be an object.", 'Send {"Accept-Language": "en-US"}.'))
        return checked
    if len(headers) > MAX_HEADERS:
        issues.append(FieldIssue("headers", f"holds more than {MAX_HEADERS} headers.", "Send fewer."))
        return checked
    for name, value in headers.items():
        shown = name if isinstance(name, str) and _TOKEN.match(name) else "?"
        where = f"headers.{shown}"
        if shown == "?":
            issues.append(
                FieldIssue(
                    "headers",
                    "holds a name that is not an HTTP header name.",
                    "Use a name such as Accept-Language.",
                )
            )
            continue
        lowered = name.lower()
        if lowered in REFUSED_HEADERS or lowered in offer.auth_headers or lowered.startswith("x-forwarded-"):
            issues.append(
                FieldIssue(
                    where,
                    "may not be sent through: the hub adds the credentials and the host itself.",
                    "Leave it out.",
                )
            )
            continue
        if (
            not isinstance(value, str)
            or len(value) > MAX_HEADER_VALUE
            or not value.isascii()
            or not all(c == "\t" or c.isprintable() for c in value)
        ):
            issues.append(
                FieldIssue(
                    where,
                    "must be one line of printable ASCII text.",
                    "Send the value without line breaks or other characters (encode them as the API says).",
                )
            )
            continue
        checked[name] = value
    return checked


def check_request(
    offer: Passthrough,
    *,
    method: Any,
    path: Any,
    params: Any = None,
    headers: Any = None,
    body: Any = None,
) -> PassthroughRequest:
    """The request to send, or :class:`InvalidPassthrough` naming every refused field at once."""
    issues: list[FieldIssue] = []
    verb = method.upper() if isinstance(method, str) else ""
    allowed = ", ".join(sorted(offer.methods))
    if not _METHOD.match(verb):
        issues.append(FieldIssue("method", "is not an HTTP method.", f"Use one of {allowed}."))
    elif verb not in offer.methods:
        read_only = " (read-only methods only)" if offer.methods <= READ_ONLY_METHODS else ""
        issues.append(
            FieldIssue(
                "method",
                f"{verb} is not allowed through this connector{read_only}.",
                f"Use one of {allowed}.",
            )
        )
    why = _path_issue(path)
    if why is not None:
        issues.append(
            FieldIssue("path", why, "Send a path on the provider's own host, such as /v1/employees.")
        )
    checked_params = _check_params(params, issues)
    checked_headers = _check_headers(headers, offer, issues)
    if body is not None:
        if verb in _BODY_METHODS_NOT:
            issues.append(
                FieldIssue(
                    "body", f"cannot be sent with {verb}.", "Send null, or use a method that takes a body."
                )
            )
        else:
            try:
                size = len(orjson.dumps(body))
            except (TypeError, orjson.JSONEncodeError):
                size = -1
            if size < 0:
                issues.append(
                    FieldIssue("body", "is not a JSON value.", "Send a JSON object, list or value.")
                )
            elif size > MAX_BODY_BYTES:
                issues.append(
                    FieldIssue("body", f"is larger than {MAX_BODY_BYTES:,} bytes.", "Send less at a time.")
                )
    if issues:
        raise InvalidPassthrough(issues)
    return PassthroughRequest(
        method=verb,
        path=str(path),
        params=checked_params,
        headers=checked_headers,
        body=body,
        max_bytes=offer.max_bytes,
    )


# -- redacting the answer ------------------------------------------------------------------------


def account_secrets(connector: Connector, credentials: Mapping[str, Any]) -> set[str]:
    """The values of the account's ``writeOnly`` credential fields and of the declared echo fields."""
    offer = connector.passthrough
    properties = connector.credentials_schema.get("properties", {})
    names = {name for name, spec in properties.items() if isinstance(spec, Mapping) and spec.get("writeOnly")}
    names |= set(offer.echo_fields if offer is not None else ())
    values = {str(credentials[name]) for name in names if credentials.get(name) not in (None, "")}
    return {v for v in values if len(v) >= MIN_SECRET_LENGTH}


class _Scrubber:
    def __init__(self, secrets: set[str] | frozenset[str]) -> None:
        # Longest first, so a value holding another is redacted whole.
        self.secrets = sorted({s for s in secrets if len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True)

    def text(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text

    def raw(self, content: bytes) -> bytes:
        for secret in self.secrets:
            content = content.replace(secret.encode(), REDACTED.encode())
        return content

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {self.text(k): self.value(v) for k, v in value.items()}
        return value


def _relayed(headers: Mapping[str, str], scrub: _Scrubber) -> dict[str, str]:
    return {
        name.lower(): scrub.text(value)
        for name, value in headers.items()
        if name.lower() in RELAYED_HEADERS or _RATE_HEADER.match(name)
    }


def _body(answer: PassthroughResponse, scrub: _Scrubber) -> tuple[Any, str | None]:
    if not answer.content:
        return None, None
    kind = next((v for k, v in answer.headers.items() if k.lower() == "content-type"), "").lower()
    if "json" in kind:
        try:
            return scrub.value(orjson.loads(answer.content)), "json"
        except orjson.JSONDecodeError:
            pass
    try:
        return scrub.text(answer.content.decode("utf-8")), "text"
    except UnicodeDecodeError:
        return base64.b64encode(scrub.raw(answer.content)).decode("ascii"), "base64"


# -- the per-account budget ----------------------------------------------------------------------


@dataclass
class _InFlight:
    """Passthrough requests in flight per account, in this process (any thread, any event loop)."""

    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def hold(self, account_id: str, limit: int) -> Iterator[None]:
        with self.lock:
            if self.counts.get(account_id, 0) >= limit:
                raise PassthroughBusy(account_id, limit)
            self.counts[account_id] = self.counts.get(account_id, 0) + 1
        try:
            yield
        finally:
            with self.lock:
                self.counts[account_id] -= 1
                if not self.counts[account_id]:
                    del self.counts[account_id]


IN_FLIGHT = _InFlight()
"""At most the settings' ``max_concurrency`` passthrough requests in flight per account."""


# -- sending -------------------------------------------------------------------------------------


def _shown_path(path: Any, scrub: _Scrubber) -> str:
    """The path as the audit keeps it: printable, at most 300 characters, credentials redacted."""
    text = path if isinstance(path, str) else repr(path)
    return scrub.text(ascii(text)[1:-1] if not text.isprintable() else text)[:300]


def _param_names(params: Any) -> list[str]:
    if not isinstance(params, Mapping):
        return []
    return [ascii(n)[1:-1][:100] if isinstance(n, str) else "?" for n in list(params)[:MAX_PARAMS]]


async def send_passthrough(
    context: HubContext,
    account: Account,
    *,
    method: Any,
    path: Any,
    params: Any = None,
    headers: Any = None,
    body: Any = None,
) -> PassthroughResult:
    """Check, send, redact and audit one passthrough request for ``account`` (see the module).

    A provider 401 marks the account ``needs_attention``, as a sync does: later passthroughs and
    syncs are refused without calling the provider until the credentials are updated.

    Raises :class:`NotSupported` when the connector offers no passthrough,
    :class:`InvalidPassthrough` for a refused request, :class:`CredentialsRejected` when the provider
    refused the account's credentials before, :class:`PassthroughBusy` past the account's requests
    in flight, :class:`~hub.errors.HostNotAllowed`, :class:`~hub.errors.PassthroughTooLarge`, or the
    provider's :class:`~hub.errors.ProviderUnreachable`. Each but the first is audited.
    """
    connector = context.connector(account.connector)
    offer = connector.passthrough
    if offer is None:
        raise NotSupported(
            f"{connector.title} offers no passthrough.",
            remedy="Read the unified models instead; this connector does not relay requests.",
        )
    store = context.store
    credentials = account.credentials.reveal()
    scrub = _Scrubber(account_secrets(connector, credentials))
    verb = method.upper()[:16] if isinstance(method, str) else "?"
    started = time.monotonic()

    def audit(status: int | None, size: int, error: HubError | None, shown: _Scrubber = scrub) -> int:
        return store.passthrough_audit.add(
            account_id=account.id,
            customer_id=account.customer_id,
            method=ascii(verb)[1:-1],
            path=_shown_path(path, shown),
            params=_param_names(params),
            status=status,
            size=size,
            duration_ms=round((time.monotonic() - started) * 1000),
            error=error.type if error is not None else None,
        )

    try:
        request = check_request(offer, method=method, path=path, params=params, headers=headers, body=body)
        row = await asyncio.to_thread(store.accounts.row, account.id)
        if row.status == NEEDS_ATTENTION:
            raise CredentialsRejected(account.id, provider=connector.title)
        with IN_FLIGHT.hold(account.id, context.settings.max_concurrency):
            answer = await _send(connector, credentials, context, request)
    except HubError as exc:
        await asyncio.to_thread(audit, None, 0, exc)
        raise
    if answer.status == 401:
        # As a sync does: the same credentials would be refused again, and repeated refusals can lock
        # the provider's service account. The caller still gets the provider's answer.
        await asyncio.to_thread(store.accounts.set_status, account.id, NEEDS_ATTENTION)
    scrub = _Scrubber(set(scrub.secrets) | answer.secrets)
    shown_body, encoding = _body(answer, scrub)
    audit_id = await asyncio.to_thread(audit, answer.status, len(answer.content), None, scrub)
    return PassthroughResult(
        status=answer.status,
        headers=_relayed(answer.headers, scrub),
        body=shown_body,
        body_encoding=encoding,
        bytes=len(answer.content),
        audit_id=audit_id,
        duration_ms=round((time.monotonic() - started) * 1000),
    )


async def _send(
    connector: Connector, credentials: Mapping[str, Any], context: HubContext, request: PassthroughRequest
) -> PassthroughResponse:
    client = connector.client_factory(credentials, context.settings)
    try:
        if not isinstance(client, PassthroughClient):
            raise NotSupported(
                f"{connector.title} declares a passthrough, but its client cannot send one.",
                remedy="Report it to the connector's authors: its client needs a passthrough method.",
            )
        return await client.passthrough(request)
    finally:
        await client.aclose()
