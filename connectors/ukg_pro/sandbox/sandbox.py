"""The sandbox facade: one object holding a tenant, its accounts, faults, stats and ASGI app."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from connectors.ukg_pro.sandbox.app import SandboxApp
from connectors.ukg_pro.sandbox.auth import PERMISSIONS, Account, AccountStore, derive_password
from connectors.ukg_pro.sandbox.faults import Faults
from connectors.ukg_pro.sandbox.settings import SandboxSettings
from connectors.ukg_pro.sandbox.stats import Stats
from connectors.ukg_pro.sandbox.tenant import Tenant
from connectors.ukg_pro.sandbox.transport import SandboxTransport

__all__ = ["DEFAULT_BASE_URL", "Sandbox", "sandbox_factory"]

DEFAULT_BASE_URL = "https://service4.ultipro.com"
"""The base URL in-process clients use (any host works; this one looks like a real tenant's)."""

_UKG_HOST = re.compile(r"^([a-z0-9-]+)\.(ultipro\.(?:com|ca))$")
_GENERATION = frozenset(
    {
        "employees",
        "seed",
        "as_of",
        "company_name",
        "component_company_name",
        "email_domain",
        "component_share",
        "multi_company_share",
        "terminated_share",
        "leave_share",
        "future_hire_share",
        "part_time_share",
    }
)


class Sandbox:
    """A local UKG Pro tenant: ``app`` to serve, ``credentials()`` to link it, knobs for tests.

    Args:
        employees: people in the generated tenant.
        seed: the generation seed (same seed, size and ``as_of`` → same tenant).
        latency_ms: latency added to every request.
        now: the tenant clock: a naive-UTC ``datetime`` (frozen until moved) or a callable; default
            the real UTC time.
        **settings: any other :class:`SandboxSettings` field.

    """

    def __init__(
        self,
        employees: int = 250,
        seed: int = 7,
        latency_ms: int = 0,
        *,
        now: datetime | Callable[[], datetime] | None = None,
        **settings: Any,
    ) -> None:
        self._init(SandboxSettings(employees=employees, seed=seed, latency_ms=latency_ms, **settings), now)

    @classmethod
    def from_settings(
        cls, settings: SandboxSettings, *, now: datetime | Callable[[], datetime] | None = None
    ) -> Sandbox:
        """A sandbox from a complete :class:`SandboxSettings`."""
        sandbox = cls.__new__(cls)
        sandbox._init(settings, now)
        return sandbox

    def _init(self, settings: SandboxSettings, now: datetime | Callable[[], datetime] | None) -> None:
        self.settings = settings
        self.tenant = Tenant(settings, clock=now)
        self.accounts = AccountStore()
        self.password = settings.password or derive_password(settings.seed)
        self.accounts.add(
            settings.username, self.password, PERMISSIONS, email=f"hris.integration@{settings.email_domain}"
        )
        self.faults = Faults(latency_ms=settings.latency_ms)
        self.stats = Stats()
        self.app = SandboxApp(self)

    def __repr__(self) -> str:
        return (
            f"Sandbox(employees={self.settings.employees}, seed={self.settings.seed}, "
            f"as_of={self.tenant.as_of.isoformat()}, accounts={list(self.accounts)})"
        )

    # -- linking -----------------------------------------------------------------------------------------

    @property
    def username(self) -> str:
        """The default service account's username."""
        return self.settings.username

    @property
    def customer_api_key(self) -> str:
        """The tenant's Customer API key."""
        return self.settings.customer_api_key

    def credentials(self, base_url: str = DEFAULT_BASE_URL) -> dict[str, str]:
        """The five values that link this sandbox when it is served at ``base_url``.

        A UKG-looking host (``https://service4.ultipro.com``) splits into subdomain and domain; any
        other base URL (a loopback server) goes whole into ``subdomain``, as an admin pastes a whole
        web-service URL there, and ``domain`` keeps its default.
        """
        parts = urlsplit(base_url)
        host = (parts.hostname or "").lower()
        found = _UKG_HOST.match(host)
        if found and parts.scheme == "https" and parts.port is None:
            domain, subdomain = found.group(2), found.group(1)
        else:
            domain, subdomain = "ultipro.com", base_url.rstrip("/")
        return {
            "username": self.settings.username,
            "password": self.password,
            "customer_api_key": self.settings.customer_api_key,
            "domain": domain,
            "subdomain": subdomain,
        }

    def banner(self, base_url: str) -> str:
        """A short text with the five linking values (printed by ``serve``)."""
        values = self.credentials(base_url)
        summary = self.tenant.summary()
        lines = [
            f"UKG Pro sandbox at {base_url}: {summary['people']} people, seed {self.settings.seed}, "
            f"as of {summary['as_of']}. Link it with:",
            *(f"  {name:<17} {value}" for name, value in values.items()),
            f"Admin (not UKG): {base_url}/_sandbox/state",
        ]
        return "\n".join(lines)

    def auth_headers(self, username: str | None = None) -> dict[str, str]:
        """The headers UKG expects (Basic auth and ``US-Customer-Api-Key``) for an account."""
        account = self.accounts[username or self.settings.username]
        token = base64.b64encode(f"{account.username}:{account.password}".encode()).decode()
        return {
            "Authorization": f"Basic {token}",
            "US-Customer-Api-Key": self.settings.customer_api_key,
            "Accept": "application/json",
        }

    def transport(self) -> SandboxTransport:
        """An in-process httpx transport that maps drops and stalls to httpx's network errors."""
        return SandboxTransport(self.app)

    def client(
        self, *, username: str | None = None, base_url: str = DEFAULT_BASE_URL, **kwargs: Any
    ) -> httpx.AsyncClient:
        """An ``httpx.AsyncClient`` talking to this sandbox in process, authenticated as ``username``."""
        headers = {**self.auth_headers(username), **kwargs.pop("headers", {})}
        return httpx.AsyncClient(transport=self.transport(), base_url=base_url, headers=headers, **kwargs)

    # -- accounts ----------------------------------------------------------------------------------------

    def add_account(
        self,
        username: str,
        password: str,
        permissions: Iterable[str] | Mapping[str, Iterable[str]] = PERMISSIONS,
        *,
        email: str = "",
    ) -> Account:
        """Create a service account (permission names get the View role, or pass name → roles)."""
        return self.accounts.add(username, password, permissions, email=email)

    def grant(self, username: str, *permissions: str, roles: Iterable[str] = ("View",)) -> Account:
        """Grant permissions (View by default) to an account."""
        return self.accounts.grant(username, *permissions, roles=roles)

    def revoke(self, username: str, *permissions: str, roles: Iterable[str] | None = None) -> Account:
        """Revoke permissions (every role by default) from an account."""
        if roles is None:
            return self.accounts.revoke(username, *permissions)
        return self.accounts.revoke(username, *permissions, roles=roles)

    def expire_password(self, username: str) -> Account:
        """Mark an account's password expired (its calls then answer 401)."""
        account = self.accounts[username]
        account.password_expired = True
        return account

    def deactivate(self, username: str) -> Account:
        """Mark an account inactive (its calls then answer 401)."""
        account = self.accounts[username]
        account.active = False
        return account

    def activate(self, username: str) -> Account:
        """Make an account active again, with a valid password."""
        account = self.accounts[username]
        account.active, account.password_expired = True, False
        return account

    # -- behaviour ---------------------------------------------------------------------------------------

    def configure(self, **changes: Any) -> SandboxSettings:
        """Change behavioural settings (paging, Link header, field spellings …) of a running sandbox.

        Generation settings (size, seed, shares, names) cannot change: build a new sandbox.
        """
        _check_names(changes)
        frozen = set(changes) & _GENERATION
        if frozen:
            raise ValueError(f"{sorted(frozen)} shape the generated tenant; create a new Sandbox instead")
        self.settings = replace(self.settings, **changes)
        self.tenant.settings = self.settings
        return self.settings

    def serve(self, host: str = "127.0.0.1", port: int = 8765, **kwargs: Any) -> None:
        """Serve in the foreground (printing the linking values) until interrupted."""
        from connectors.ukg_pro.sandbox.server import serve

        serve(self, host, port, **kwargs)


def sandbox_factory(**options: Any) -> Sandbox:
    """A sandbox from options (``employees``, ``seed``, ``latency_ms``, any setting); None means the default.

    The connector declares this as its ``sandbox``, so the hub never imports the sandbox by name.
    """
    given = {name: value for name, value in options.items() if value is not None}
    now = given.pop("now", None)
    _check_names(given)
    return Sandbox(now=now, **given)


def _check_names(settings: Iterable[str]) -> None:
    """Raise ValueError, naming the settings there are, when one of ``settings`` is none of them."""
    known = sorted(f.name for f in fields(SandboxSettings))
    unknown = sorted(set(settings) - set(known))
    if unknown:
        raise ValueError(f"unknown setting(s) {unknown}; the settings are: {', '.join(known)}")
