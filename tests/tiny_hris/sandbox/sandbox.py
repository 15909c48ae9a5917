"""The sandbox facade: a tenant, its API keys, faults, stats and ASGI app, with what links it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import httpx

from tests.tiny_hris.sandbox.app import TinyApp
from tests.tiny_hris.sandbox.faults import Faults
from tests.tiny_hris.sandbox.roster import Roster, utc_now
from tests.tiny_hris.sandbox.stats import Stats
from tests.tiny_hris.sandbox.transport import SandboxTransport
from tests.tiny_hris.scopes import PERMISSION_OF_PATH

__all__ = ["DEFAULT_BASE_URL", "PERMISSIONS", "Sandbox"]

DEFAULT_BASE_URL = "https://api.tiny-hris.example"
"""The address in-process clients use (never resolved: the transport is the app)."""
PERMISSIONS = frozenset(PERMISSION_OF_PATH.values())
"""Every permission an API key can hold."""


class Sandbox:
    """A local Tiny HRIS tenant: ``app`` to serve, ``credentials()`` to link it, knobs for tests.

    Args:
        employees: people in the generated tenant.
        seed: the generation seed (same seed and size → same tenant).
        page_size: the most rows a page holds (``page_limits`` lowers it per path).
        now: the clock that stamps changes (default: the real UTC time).

    """

    def __init__(
        self,
        employees: int = 40,
        seed: int = 7,
        *,
        page_size: int = 25,
        page_limits: dict[str, int] | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.roster = self.tenant = Roster(employees, seed, now)
        self.api_key = f"tiny-{seed:04d}-key-{employees:05d}"
        self.keys: dict[str, set[str]] = {self.api_key: set(PERMISSIONS)}
        self.page_size = page_size
        self.page_limits = dict(page_limits or {})
        self.faults = Faults()
        self.stats = Stats()
        self.app = TinyApp(self)

    def credentials(self, base_url: str = DEFAULT_BASE_URL) -> dict[str, str]:
        """The values that link this sandbox served at ``base_url``."""
        return {"base_url": base_url, "api_key": self.api_key}

    def banner(self, base_url: str) -> str:
        """The linking values, for a person."""
        return f"Tiny HRIS sandbox at {base_url}: link it with base_url={base_url} and its API key."

    def transport(self) -> SandboxTransport:
        """An in-process httpx transport to the app."""
        return SandboxTransport(self.app)

    def client(self, base_url: str = DEFAULT_BASE_URL) -> httpx.AsyncClient:
        """An ``httpx.AsyncClient`` on the app, with the API key."""
        headers = {"Authorization": f"Bearer {self.api_key}"}
        return httpx.AsyncClient(transport=self.transport(), base_url=base_url, headers=headers)

    def revoke(self, *permissions: str) -> None:
        """Take permissions away from the API key."""
        self.keys[self.api_key] -= set(permissions)

    def grant(self, *permissions: str) -> None:
        """Give permissions to the API key."""
        self.keys[self.api_key] |= set(permissions)

    def replace_key(self, new: str) -> str:
        """Revoke the API key and issue ``new`` with the same permissions (the old one then answers 401)."""
        self.keys[new] = self.keys.pop(self.api_key)
        self.api_key = new
        return new

    def rows(self, record: str) -> list[dict[str, Any]]:
        """A copy of the rows of one record type, as the API serves them."""
        return [dict(row) for row in self.roster.rows(record)]

    def add_key(self, key: str, permissions: Iterable[str] = PERMISSIONS) -> None:
        """Issue another API key."""
        self.keys[key] = set(permissions)
