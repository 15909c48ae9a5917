"""Where a webhook may be delivered: https to public addresses, checked again at every delivery.

A customer types the URL, so it is hostile until proven otherwise: a name that resolves to the
hub's own network (a metadata service, a database on a private address) would turn deliveries into
requests the customer could not make themselves. Registration checks the form (https, a host, no
user or password); each delivery resolves the host and refuses unless every address is public, then
connects to the address it checked (the name is kept for TLS and ``Host``), so a name that changes
its answer between the check and the request (DNS rebinding) gains nothing.

Operators running a receiver on their own machine or network allow it with ``HRISHUB_WEBHOOK_ALLOW``:
``loopback`` (http or https to 127.0.0.0/8, ::1, localhost) and ``private`` (RFC 1918 and unique
local addresses). Link-local addresses, where cloud metadata services live, are never allowed.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from hub.errors import FieldIssue, InvalidSetting

__all__ = [
    "ALLOW_ENV",
    "Destination",
    "DestinationPolicy",
    "Resolver",
    "url_issues",
]

ALLOW_ENV = "HRISHUB_WEBHOOK_ALLOW"
"""The environment variable listing the non-public destinations an operator allows."""

_KINDS = ("loopback", "private")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Iterable[str]]
"""Host and port → the addresses it resolves to (``socket.getaddrinfo`` by default)."""


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


@dataclass(frozen=True)
class Destination:
    """A checked delivery target: the URL to request (host replaced by ``address``), and the name."""

    url: str
    host: str
    address: str

    @property
    def request_url(self) -> str:
        """``url`` with its host replaced by the checked address (bracketed when IPv6)."""
        parts = urlsplit(self.url)
        shown = f"[{self.address}]" if ":" in self.address else self.address
        netloc = shown if parts.port is None else f"{shown}:{parts.port}"
        return parts._replace(netloc=netloc).geturl()


@dataclass(frozen=True)
class DestinationPolicy:
    """Which webhook destinations the hub may call: public ones, and what the operator allows."""

    loopback: bool = False
    private: bool = False

    @classmethod
    def from_env(cls) -> DestinationPolicy:
        """The policy ``HRISHUB_WEBHOOK_ALLOW`` sets (comma-separated ``loopback``, ``private``).

        Anything else there is an :class:`hub.errors.InvalidSetting`: the hub refuses to start with it.
        """
        words = {w.strip().lower() for w in os.environ.get(ALLOW_ENV, "").split(",") if w.strip()}
        unknown = sorted(words - set(_KINDS))
        if unknown:
            raise InvalidSetting(
                ALLOW_ENV,
                f"lists {', '.join(unknown)}, which it does not know.",
                remedy=f"Set {ALLOW_ENV} to a comma-separated list of {' and '.join(_KINDS)}, or leave it "
                "empty for public https receivers only.",
            )
        return cls(loopback="loopback" in words, private="private" in words)

    def address_issue(self, address: IPAddress) -> str | None:
        """Why the hub may not call ``address``, or None when it may."""
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if address.is_loopback:
            return (
                None
                if self.loopback
                else f"{address} is a loopback address (allow it with {ALLOW_ENV}=loopback)"
            )
        if address.is_link_local:
            return f"{address} is a link-local address (where metadata services answer); never allowed"
        if address.is_multicast or address.is_unspecified or address.is_reserved:
            return f"{address} is not an address a receiver can have"
        if address.is_private:
            return (
                None
                if self.private
                else f"{address} is a private address (allow it with {ALLOW_ENV}=private)"
            )
        return None if address.is_global else f"{address} is not a public address"

    def resolve(self, url: str, resolver: Resolver | None = None) -> Destination:
        """The address to deliver ``url`` to; ValueError saying why when the hub may not call it.

        Every address the name resolves to must be allowed (a name with one public and one private
        address is refused), and the first one is the one called.
        """
        issues = url_issues(url, self)
        if issues:
            raise ValueError(issues[0].message)
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        literal = _literal(host)
        try:
            found = [str(literal)] if literal else list((resolver or _system_resolver)(host, port))
        except OSError as exc:
            raise ValueError(f"the host {host} does not resolve ({exc.strerror or exc})") from None
        if not found:
            raise ValueError(f"the host {host} has no address")
        for text in found:
            why = self.address_issue(ipaddress.ip_address(text.split("%")[0]))
            if why:
                raise ValueError(f"{host} resolves to {why}")
        return Destination(url=url, host=host, address=found[0].split("%")[0])


def url_issues(url: object, policy: DestinationPolicy) -> list[FieldIssue]:
    """What is wrong with a webhook URL as typed (empty when it may be registered)."""

    def issue(message: str, fix: str) -> list[FieldIssue]:
        return [FieldIssue("url", message, fix)]

    if not isinstance(url, str) or not url.strip():
        return issue("is empty.", "Give the https URL that receives the events.")
    if len(url) > 2000:
        return issue("is longer than 2000 characters.", "Give a shorter URL.")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return issue("is not a URL.", "Give a URL such as https://app.example.com/hrishub/events.")
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host:
        return issue(
            "is not an http(s) URL with a host.", "Give a URL such as https://app.example.com/hooks."
        )
    if parts.username is not None or parts.password is not None:
        return issue("holds a user name or password.", "Remove them; every delivery is signed instead.")
    literal = _literal(host)
    loopback = host == "localhost" or (literal is not None and literal.is_loopback)
    if parts.scheme == "http" and not (loopback and policy.loopback):
        return issue(
            "is not https.", "Give an https URL (plain http only to loopback, when the operator allows it)."
        )
    if literal is not None:
        why = policy.address_issue(literal)
        if why:
            return issue(f"points at {why}.", "Give the public https URL of your receiver.")
    elif host == "localhost" and not policy.loopback:
        return issue(f"points at this machine (allow it with {ALLOW_ENV}=loopback).", "Give a public URL.")
    return []
