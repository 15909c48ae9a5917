"""What the sandbox's ASGI handlers share: the ASGI callables' types and the state a request reads."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Protocol

from connectors.ukg_pro.sandbox.auth import AccountStore
from connectors.ukg_pro.sandbox.faults import Faults
from connectors.ukg_pro.sandbox.settings import SandboxSettings
from connectors.ukg_pro.sandbox.stats import Stats
from connectors.ukg_pro.sandbox.tenant import Tenant

__all__ = ["Message", "Receive", "SandboxState", "Scope", "Send"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class SandboxState(Protocol):
    """What the app reads on every request (a :class:`~connectors.ukg_pro.sandbox.Sandbox`)."""

    settings: SandboxSettings
    tenant: Tenant
    accounts: AccountStore
    faults: Faults
    stats: Stats
