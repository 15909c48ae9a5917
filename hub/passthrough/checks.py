"""What a passthrough request may be; every refusal names the field.

A method the connector allows, a plain path on the provider's host, plain query values, harmless
headers, and a JSON body only with a method that takes one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import orjson

from hub.connector import READ_ONLY_METHODS, PassthroughRequest
from hub.errors import FieldIssue, InvalidPassthrough

if TYPE_CHECKING:
    from hub.connector import Passthrough

__all__ = ["MAX_BODY_BYTES", "MAX_PARAMS", "REFUSED_HEADERS", "check_request"]

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

_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,100}$")
_METHOD = re.compile(r"^[A-Z]{1,16}$")
_PATH_CHARS = re.compile(r"^/[A-Za-z0-9\-._~!$&'()*+,;=:/%]*$")
_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_ESCAPED = re.compile(r"%([0-9A-Fa-f]{2})")
_REFUSED_ESCAPED = frozenset(b"/\\.%?#@")
_BODY_METHODS_NOT = frozenset({"GET", "HEAD", "OPTIONS"})


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
