"""The :class:`Hub`: the Python face of hrishub (connectors, linking, unified reads)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

import httpx

from hub.accessors import ModelAccessor, call_or_await
from hub.accounts import Account, AccountOptions
from hub.connector import Connector, HttpSettings
from hub.errors import UnknownConnector
from hub.plugins import PluginFailure, PluginInfo, Registry

__all__ = ["Hub"]


class Hub:
    """One hub: the loaded connectors and the settings every connector client gets.

    ``Hub()`` loads the built-in connectors and every entry-point plugin (limited by
    ``HRISHUB_PLUGINS``, or by ``plugins=``). ``Hub(transport=...)`` hands an httpx transport to every
    connector client, so tests drive a connector with ``httpx.MockTransport`` or an ASGI app.
    """

    def __init__(
        self,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        plugins: Iterable[str] | None = None,
        settings: HttpSettings | None = None,
    ) -> None:
        base = settings or HttpSettings()
        if transport is not None:
            base = replace(base, transport=transport)
        self.settings = base
        self.registry = Registry.load(allow=plugins)

    @property
    def connectors(self) -> Mapping[str, Connector]:
        """Every loaded connector by name (read-only)."""
        return MappingProxyType(self.registry.connectors)

    @property
    def failures(self) -> list[PluginFailure]:
        """Plugins (or connectors) that failed to load, each with its package and reason."""
        return list(self.registry.failures)

    def connector(self, name: str) -> Connector:
        """The loaded connector ``name``, or :class:`UnknownConnector` listing the loaded ones."""
        try:
            return self.registry.connectors[name]
        except KeyError:
            raise UnknownConnector(name, self.registry.connectors) from None

    def origin(self, name: str) -> PluginInfo:
        """The plugin (entry point, package, version) that provided connector ``name``."""
        self.connector(name)
        return self.registry.origins[name]

    def field_maps(self, name: str) -> Mapping[str, Any]:
        """The validated field maps of connector ``name``, by unified model name."""
        self.connector(name)
        return self.registry.field_maps[name]

    # -- linking ---------------------------------------------------------------------------------

    async def alink(
        self, connector: str, credentials: Mapping[str, Any], *, options: AccountOptions | None = None
    ) -> Account:
        """Validate (every field at once), normalise, probe, and return the linked :class:`Account`.

        Raises :class:`hub.errors.InvalidCredentials` naming each field and its fix, or a provider
        error (:class:`hub.errors.ProviderAuthError`, :class:`hub.errors.ProviderUnreachable`, ...)
        with a remedy. Nothing is kept from a failed link.
        """
        from hub.linking import link_account

        return await link_account(self.connector(connector), credentials, self.settings, options=options)

    def link(self, connector: str, credentials: Mapping[str, Any], **options: Any) -> Any:
        """:meth:`alink` from sync code, or awaitable inside an event loop."""
        return call_or_await(self.alink(connector, credentials, **options))

    # -- one accessor per unified model ----------------------------------------------------------

    def employees(self, account: Account) -> ModelAccessor:
        """Employees of ``account``."""
        return ModelAccessor(self, account, "employees")

    def employments(self, account: Account) -> ModelAccessor:
        """Employments (job periods) of ``account``."""
        return ModelAccessor(self, account, "employments")

    def time_off_policies(self, account: Account) -> ModelAccessor:
        """Time-off policies of ``account``."""
        return ModelAccessor(self, account, "time_off_policies")

    def time_off_balances(self, account: Account) -> ModelAccessor:
        """Time-off balances of ``account``."""
        return ModelAccessor(self, account, "time_off_balances")

    def time_off_requests(self, account: Account) -> ModelAccessor:
        """Time-off requests of ``account``."""
        return ModelAccessor(self, account, "time_off_requests")

    def groups(self, account: Account) -> ModelAccessor:
        """Groups (org units) of ``account``."""
        return ModelAccessor(self, account, "groups")

    def locations(self, account: Account) -> ModelAccessor:
        """Locations of ``account``."""
        return ModelAccessor(self, account, "locations")

    def companies(self, account: Account) -> ModelAccessor:
        """Companies of ``account``."""
        return ModelAccessor(self, account, "companies")
