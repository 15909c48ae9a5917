"""Cassettes that replay and never leak: vcrpy settings, a scrubber for personal data, and a scanner.

Recording filters the credential headers and replaces personal data in JSON bodies with consistent
fakes (the same real value always becomes the same fake, so joins across records still work).
:func:`scan_cassette` finds anything that slipped through; tests run it over every cassette.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "FILTERED_HEADERS",
    "PLACEHOLDER",
    "Finding",
    "make_vcr",
    "scan_cassette",
    "scrub_body",
    "scrub_value",
    "vcr_config",
]

PLACEHOLDER = "<redacted>"
FILTERED_HEADERS = ("authorization", "us-customer-api-key", "us-client-id", "api-key", "x-api-key", "cookie")
"""Request headers whose values never reach a cassette."""

_DROPPED_RESPONSE_HEADERS = frozenset({"set-cookie", "www-authenticate"})

# Personal-data keys, by what their value is, matched on the key's lower-case form.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"e?mail")),
    ("phone", re.compile(r"(phone|phonenumber|mobile|mobilenumber|fax)$")),
    ("national_id", re.compile(r"^(ssn|nationalid|sin|socialsecuritynumber)$")),
    ("birth_date", re.compile(r"birth")),
    ("address", re.compile(r"^address(line[12])?$|^addressline|street")),
    ("postal", re.compile(r"zip|postal")),
    (
        "name",
        re.compile(
            r"^(first|last|middle|preferred|former|full|display|maiden)name$|^supervisor(first|last)name$"
        ),
    ),
    ("username", re.compile(r"^username$")),
    ("account_number", re.compile(r"^(account|accountnumber|foreignaccountnumber|bankaccountnumber)$")),
)


def _kind(key: str) -> str | None:
    lowered = key.lower().replace("_", "")
    for kind, pattern in _KINDS:
        if pattern.search(lowered):
            return kind
    return None


def _digest(value: str) -> str:
    return hashlib.blake2b(value.encode(), digest_size=8, person=b"hrishub-scrub").hexdigest()


def scrub_value(kind: str, value: Any) -> Any:
    """A consistent fake of the same shape for one personal value (None and "" are kept)."""
    if value is None or value == "" or isinstance(value, bool):
        return value
    h = _digest(f"{kind}:{value}")
    digits = str(int(h, 16)).rjust(12, "0")
    if kind == "email":
        return f"person-{h[:8]}@example.invalid"
    if kind == "phone":
        return f"555{digits[:7]}"
    if kind == "national_id":
        return f"900{digits[:6]}"
    if kind == "birth_date":
        text = str(value)
        fake = (
            f"19{60 + int(digits[:2]) % 40}-{1 + int(digits[2:4]) % 12:02d}-{1 + int(digits[4:6]) % 28:02d}"
        )
        return fake + text[10:] if len(text) > 10 else fake
    if kind == "address":
        return f"{int(digits[:4]) + 1} Example St"
    if kind == "postal":
        return digits[:5]
    if kind == "username":
        return f"user{h[:8]}"
    if kind == "account_number":
        return f"999{digits[: max(len(str(value)) - 3, 4)]}"
    return f"Name{h[:6].upper()}"


def _scrub(node: Any) -> Any:
    if isinstance(node, list):
        return [_scrub(item) for item in node]
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            kind = _kind(key) if isinstance(key, str) else None
            out[key] = (
                scrub_value(kind, value) if kind and not isinstance(value, dict | list) else _scrub(value)
            )
        return out
    return node


def scrub_body(body: bytes) -> bytes:
    """A JSON body with every personal value replaced; a non-JSON body is returned unchanged."""
    try:
        data = json.loads(body)
    except ValueError:
        return body
    return json.dumps(_scrub(data), separators=(",", ":")).encode()


def _before_record_response(response: dict[str, Any]) -> dict[str, Any]:
    response["headers"] = {
        k: v for k, v in response.get("headers", {}).items() if k.lower() not in _DROPPED_RESPONSE_HEADERS
    }
    body = response.get("body", {})
    if isinstance(body.get("string"), bytes | str):
        raw = body["string"].encode() if isinstance(body["string"], str) else body["string"]
        body["string"] = scrub_body(raw)
        for name in list(response["headers"]):
            if name.lower() == "content-length":
                response["headers"][name] = [str(len(body["string"]))]
    return response


def vcr_config(secrets: Iterable[str] = ()) -> dict[str, Any]:
    """Keyword arguments for ``vcr.VCR``: credential headers filtered, bodies scrubbed, host-blind matching.

    ``secrets`` are extra values (a password, an API key) that must never appear in a recorded request
    URL; a request carrying one is refused rather than recorded.
    """
    values = [s for s in secrets if s]

    def before_record_request(request: Any) -> Any:
        if any(v in request.uri for v in values):
            raise ValueError("refusing to record a request whose URL carries a credential")
        return request

    return {
        "filter_headers": [(name, PLACEHOLDER) for name in FILTERED_HEADERS],
        "before_record_request": before_record_request,
        "before_record_response": _before_record_response,
        "match_on": ("method", "path", "stable_query"),
        "decode_compressed_response": True,
    }


_MOVING_PARAMETERS = frozenset({"startdate", "enddate"})


def _body_members(request: Any) -> list[tuple[str, str]]:
    """A JSON object body's scalar members (a read that takes its filters and paging in a body)."""
    body = getattr(request, "body", None)
    if not body:
        return []
    try:
        data = json.loads(body)
    except (ValueError, TypeError):
        return []
    if not isinstance(data, dict):
        return []
    return [(f"body.{k}", str(v)) for k, v in data.items() if not isinstance(v, dict | list)]


def _stable_query(r1: Any, r2: Any) -> None:
    """Query (and JSON body) match that ignores time-window parameters, which move with the clock."""

    def stable(request: Any) -> list[tuple[str, str]]:
        pairs = [*request.query, *_body_members(request)]
        return sorted((k, v) for k, v in pairs if k.lower().removeprefix("body.") not in _MOVING_PARAMETERS)

    if stable(r1) != stable(r2):
        raise AssertionError(f"query {stable(r1)} != {stable(r2)}")


def make_vcr(cassette_dir: Path, record_mode: str = "none", secrets: Iterable[str] = ()) -> Any:
    """A ``vcr.VCR`` for one folder of cassettes; ``record_mode="none"`` (CI) never touches the network."""
    import vcr

    recorder = vcr.VCR(
        cassette_library_dir=str(cassette_dir),
        record_mode=record_mode,
        # A re-recording keeps only what the run asked for, so no stale interaction outlives a change;
        # a replay (record mode none) never writes.
        drop_unused_requests=record_mode != "none",
        **vcr_config(secrets),
    )
    recorder.register_matcher("stable_query", _stable_query)
    return recorder


class Finding(str):
    """One suspected leak in a cassette: ``file: where: what``."""


def _walk(node: Any, path: str = "$") -> Iterator[tuple[str, str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}")
            if isinstance(key, str) and not isinstance(value, dict | list):
                yield path, key, value
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(item, f"{path}[{i}]")


def _is_fake(kind: str, value: Any) -> bool:
    if value in (None, "") or isinstance(value, bool):
        return True
    text = str(value)
    checks: dict[str, Callable[[str], bool]] = {
        "email": lambda t: t.endswith("@example.invalid"),
        "phone": lambda t: t.startswith("555"),
        "national_id": lambda t: t.startswith("900"),
        "address": lambda t: t.endswith("Example St"),
        "username": lambda t: t.startswith("user"),
        "account_number": lambda t: t.startswith("999") or "*" in t,
        "name": lambda t: t.startswith("Name"),
    }
    check = checks.get(kind)
    return True if check is None else check(text)


def scan_cassette(path: Path, secrets: Iterable[str] = ()) -> list[Finding]:
    """Every credential header value, known secret or real-looking personal value in one cassette."""
    findings: list[Finding] = []
    text = path.read_text(encoding="utf-8")
    for secret in secrets:
        if secret and secret in text:
            findings.append(Finding(f"{path}: a known secret appears in the file"))
    document = yaml.safe_load(text) or {}
    for i, interaction in enumerate(document.get("interactions", [])):
        for name, values in (interaction.get("request", {}).get("headers") or {}).items():
            if name.lower() in FILTERED_HEADERS and any(v != PLACEHOLDER for v in values):
                findings.append(Finding(f"{path}: interaction {i}: header {name} is not redacted"))
        body = (interaction.get("response", {}).get("body") or {}).get("string", "")
        try:
            data = json.loads(body)
        except (ValueError, TypeError):
            continue
        for where, key, value in _walk(data):
            kind = _kind(key)
            if kind and not _is_fake(kind, value):
                findings.append(Finding(f"{path}: interaction {i}: {where}.{key} looks like real {kind}"))
    return findings
