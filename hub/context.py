"""What the hub's services share: the loaded plugins, the HTTP settings and the store.

:class:`hub.hub.Hub` builds one :class:`HubContext` and hands it to each service it offers (unified
reads, syncs, linking, link sessions). The services need these three things, never the ``Hub`` itself,
so none of them imports the module that imports them all.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hub.errors import UnknownConnector

if TYPE_CHECKING:
    from hub.connector import Connector, HttpSettings
    from hub.plugins import Registry
    from hub.store import Store

__all__ = ["HubContext"]


class HubContext:
    """The registry of loaded connectors, the settings every client gets, and the store.

    The store opens (and migrates) on first use, once even when threads ask at once: the API's first
    requests arrive together on worker threads.
    """

    def __init__(
        self,
        registry: Registry,
        settings: HttpSettings,
        *,
        database_url: str | None = None,
        store: Store | None = None,
    ) -> None:
        self.registry = registry
        self.settings = settings
        self._database_url = database_url
        self._store = store
        self._store_lock = threading.Lock()

    @property
    def store(self) -> Store:
        """The store, opened and migrated on first use."""
        if self._store is None:
            with self._store_lock:
                if self._store is None:
                    from hub.store import Store  # local: reading the registry needs no database

                    self._store = Store(self._database_url)
        return self._store

    @property
    def store_opened(self) -> bool:
        """Whether the store has been opened (closing a hub that never used it opens nothing)."""
        return self._store is not None

    def settings_for(self, customer_id: str | None) -> HttpSettings:
        """The settings a client of ``customer_id``'s account gets (see ``HttpSettings.customer_id``).

        The local owner's accounts (linked from the command line without a customer) are the
        operator's own: they get no customer, as accounts linked before the local owner existed.
        """
        from dataclasses import replace

        from hub.store.customers import LOCAL_CUSTOMER

        return replace(self.settings, customer_id=None if customer_id == LOCAL_CUSTOMER else customer_id)

    def connector(self, name: str) -> Connector:
        """The loaded connector ``name``, or :class:`UnknownConnector` listing the loaded ones."""
        try:
            return self.registry.connectors[name]
        except KeyError:
            raise UnknownConnector(name, self.registry.connectors) from None

    def field_maps(self, name: str) -> Mapping[str, Any]:
        """The validated field maps of connector ``name``, by unified model name."""
        self.connector(name)
        return self.registry.field_maps[name]
