"""Sandbox origins: the only non-provider hosts a connector may call, and only on this machine.

``HRISHUB_SANDBOX_ORIGINS`` (comma-separated) lets the hub call a local sandbox. Each origin must be
``http(s)://`` plus a loopback host (``127.0.0.0/8``, ``::1`` or ``localhost``) and an explicit port,
nothing more: a link-local metadata address (``169.254.169.254``), a private or public address, or
a host name would let a linked account make the hub call it, so the hub refuses to start with one.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable
from urllib.parse import urlsplit

from hub.errors import InvalidSetting

__all__ = [
    "SANDBOX_ORIGINS_ENV",
    "check_sandbox_origin",
    "check_sandbox_origins",
    "sandbox_origins_from_env",
]

SANDBOX_ORIGINS_ENV = "HRISHUB_SANDBOX_ORIGINS"

_EXAMPLE = "http://127.0.0.1:8765"


def _refuse(name: str, origin: str, why: str) -> InvalidSetting:
    shown = origin if len(origin) <= 80 and origin.isprintable() else f"{origin[:80]!r}"
    return InvalidSetting(
        name,
        f"holds {shown!r}, which {why}",
        remedy=f"Name only loopback origins with a port, e.g. {name}={_EXAMPLE} (as `hrishub sandbox` "
        f"prints), or unset {name}.",
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_sandbox_origin(origin: str, *, name: str = SANDBOX_ORIGINS_ENV) -> str:
    """``origin`` in the form the hub compares (``http://127.0.0.1:8765``), or :class:`InvalidSetting`."""
    text = origin.strip().removesuffix("/")
    if not text.isascii() or not text.isprintable() or any(c.isspace() for c in text):
        raise _refuse(name, origin, "holds spaces or characters no origin has.")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise _refuse(name, origin, "is not an origin (scheme://host:port).") from None
    if parts.scheme not in ("http", "https"):
        raise _refuse(name, origin, "is not an http:// or https:// origin.")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise _refuse(name, origin, "holds a user name.")
    if parts.path or parts.query or parts.fragment or "?" in text or "#" in text:
        raise _refuse(name, origin, "has a path, query or fragment; an origin is scheme://host:port.")
    host = (parts.hostname or "").lower()
    if not _is_loopback(host):
        raise _refuse(name, origin, "is not a loopback address (127.0.0.0/8, ::1 or localhost).")
    if port is None or not 0 < port < 65536:
        raise _refuse(name, origin, "has no port; a sandbox origin names its port.")
    shown_host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown_host}:{port}"


def check_sandbox_origins(origins: Iterable[str], *, name: str = SANDBOX_ORIGINS_ENV) -> frozenset[str]:
    """Every origin checked and normalised (:func:`check_sandbox_origin`)."""
    return frozenset(check_sandbox_origin(o, name=name) for o in origins)


def sandbox_origins_from_env() -> frozenset[str]:
    """Loopback sandbox origins the operator allows (``HRISHUB_SANDBOX_ORIGINS``, comma-separated).

    Raises :class:`InvalidSetting` naming the variable for any origin that is not a loopback one.
    """
    raw = os.environ.get(SANDBOX_ORIGINS_ENV, "")
    return check_sandbox_origins(o for o in raw.split(",") if o.strip())
