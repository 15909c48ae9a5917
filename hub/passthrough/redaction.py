"""What of a provider's answer a passthrough shows: harmless headers, the body, credentials redacted."""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import orjson

from hub.rest.passthrough import MIN_SECRET_LENGTH

if TYPE_CHECKING:
    from hub.connector import Connector, PassthroughResponse

__all__ = ["REDACTED", "RELAYED_HEADERS", "Scrubber", "account_secrets", "relayed", "shown_body"]

REDACTED = "[redacted]"
"""What replaces a credential value the provider echoed."""

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


def account_secrets(connector: Connector, credentials: Mapping[str, Any]) -> set[str]:
    """The values of the account's ``writeOnly`` credential fields and of the declared echo fields."""
    offer = connector.passthrough
    properties = connector.credentials_schema.get("properties", {})
    names = {name for name, spec in properties.items() if isinstance(spec, Mapping) and spec.get("writeOnly")}
    names |= set(offer.echo_fields if offer is not None else ())
    values = {str(credentials[name]) for name in names if credentials.get(name) not in (None, "")}
    return {v for v in values if len(v) >= MIN_SECRET_LENGTH}


class Scrubber:
    """Replaces each secret (longest first, so a value holding another goes whole) by :data:`REDACTED`."""

    def __init__(self, secrets: set[str] | frozenset[str]) -> None:
        # Longest first, so a value holding another is redacted whole.
        self.secrets = sorted({s for s in secrets if len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True)

    def text(self, text: str) -> str:
        """``text`` with every secret redacted."""
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text

    def raw(self, content: bytes) -> bytes:
        """``content`` with every secret (UTF-8) redacted."""
        for secret in self.secrets:
            content = content.replace(secret.encode(), REDACTED.encode())
        return content

    def value(self, value: Any) -> Any:
        """A decoded JSON value with every secret redacted from its strings and member names."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, dict):
            return {self.text(k): self.value(v) for k, v in value.items()}
        return value


def relayed(headers: Mapping[str, str], scrub: Scrubber) -> dict[str, str]:
    """The answer's headers a caller sees: :data:`RELAYED_HEADERS` and rate limits, redacted."""
    return {
        name.lower(): scrub.text(value)
        for name, value in headers.items()
        if name.lower() in RELAYED_HEADERS or _RATE_HEADER.match(name)
    }


def shown_body(answer: PassthroughResponse, scrub: Scrubber) -> tuple[Any, str | None]:
    """The answer's body as shown, redacted, and its encoding (``json``, ``text``, ``base64`` or None)."""
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
