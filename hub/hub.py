"""The :class:`Hub`: the Python face of hrishub (connectors, linking, unified reads)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import httpx

from field_maps import FieldMapError
from hub.accessors import ModelAccessor, call_or_await
from hub.accounts import Account, AccountOptions
from hub.connector import Connector, HttpSettings
from hub.errors import UnknownConnector
from hub.events import SyncEvent
from hub.plugins import PluginFailure, PluginInfo, Registry

if TYPE_CHECKING:
    from hub.accounts import PermissionReport
    from hub.link_sessions import LinkSessions
    from hub.store import AccountRow, Store
    from hub.sync import Progress, SyncReport

__all__ = ["SANDBOX_ORIGINS_ENV", "Hub", "sandbox_origins_from_env"]

SANDBOX_ORIGINS_ENV = "HRISHUB_SANDBOX_ORIGINS"


def sandbox_origins_from_env() -> frozenset[str]:
    """Loopback sandbox origins the operator allows (``HRISHUB_SANDBOX_ORIGINS``, comma-separated)."""
    return frozenset(
        o.strip().rstrip("/") for o in os.environ.get(SANDBOX_ORIGINS_ENV, "").split(",") if o.strip()
    )


AccountRef = Account | str


class Hub:
    """One hub: the loaded connectors and the settings every connector client gets.

    ``Hub()`` loads the built-in connectors and every entry-point plugin (limited by
    ``HRISHUB_PLUGINS``, or by ``plugins=``). ``Hub(transport=...)`` hands an httpx transport to every
    connector client, so tests drive a connector with ``httpx.MockTransport`` or an ASGI app.
    The store opens on first use: ``database_url`` (default ``HRISHUB_DATABASE_URL``, else the SQLite
    file in the data folder), or a ready :class:`hub.store.Store`.
    """

    def __init__(
        self,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        plugins: Iterable[str] | None = None,
        settings: HttpSettings | None = None,
        database_url: str | None = None,
        store: Store | None = None,
    ) -> None:
        base = settings or HttpSettings(sandbox_origins=sandbox_origins_from_env())
        if transport is not None:
            base = replace(base, transport=transport)
        self.settings = base
        self.registry = Registry.load(allow=plugins)
        self._database_url = database_url
        self._store = store
        self._store_lock = threading.Lock()

    @property
    def store(self) -> Store:
        """The hub's store, opened (and migrated) on first use, once even when threads ask at once.

        The API's first requests arrive together on worker threads; two of them must not both open
        (and migrate) the store.
        """
        if self._store is None:
            with self._store_lock:
                if self._store is None:
                    from hub.store import Store

                    self._store = Store(self._database_url)
        return self._store

    def close(self) -> None:
        """Release the store's connections."""
        if self._store is not None:
            self._store.close()

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
        self,
        connector: str,
        credentials: Mapping[str, Any],
        *,
        options: AccountOptions | Mapping[str, Any] | None = None,
        customer_id: str | None = None,
        announce: Mapping[str, str] | None = None,
    ) -> Account:
        """Validate (every field at once), normalise, probe, store encrypted; the linked :class:`Account`.

        The account's ``permissions`` report says, per action, whether it is enabled and which
        provider permissions to tick. Raises :class:`hub.errors.InvalidCredentials` naming each field
        and its fix, or a provider error (:class:`hub.errors.ProviderAuthError`,
        :class:`hub.errors.ProviderUnreachable`, ...) with a remedy; nothing is stored then.
        The ``account.linked`` event's record holds the account's id, connector and permissions
        report, plus ``announce`` (e.g. the link session and the customer's reference for it).
        """
        from hub.linking import link_account

        if isinstance(options, Mapping):
            options = AccountOptions.from_dict(options)
        if options is not None:
            self.check_overrides(connector, options)
        account = await link_account(self.connector(connector), credentials, self.settings, options=options)
        account = replace(account, customer_id=customer_id)
        self.store.add_account(account)
        record = {
            "id": account.id,
            "connector": account.connector,
            "customer_id": customer_id,
            "permissions": account.permissions.to_dict(),
            **(announce or {}),
        }
        self.registry.announce(
            SyncEvent(
                type="account.linked", account_id=account.id, connector=account.connector, record=record
            )
        )
        return account

    def link(self, connector: str, credentials: Mapping[str, Any], **options: Any) -> Any:
        """:meth:`alink` from sync code, or awaitable inside an event loop."""
        return call_or_await(self.alink(connector, credentials, **options))

    async def aupdate_credentials(
        self, account: AccountRef, credentials: Mapping[str, Any], *, customer_id: str | None = None
    ) -> Account:
        """Replace an account's credentials (a rotated password): validated and probed first.

        Synced data, cursors and options stay; the permissions report is refreshed. Wrong values
        raise as :meth:`alink` does and leave the stored credentials as they were.
        """
        from hub.linking import link_account

        current = self.account(account, customer_id=customer_id)
        fresh = await link_account(
            self.connector(current.connector),
            credentials,
            self.settings,
            options=current.options,
            account_id=current.id,
        )
        fresh = replace(fresh, customer_id=current.customer_id)
        self.store.replace_credentials(fresh)
        return fresh

    def update_credentials(self, account: AccountRef, credentials: Mapping[str, Any], **kw: Any) -> Any:
        """:meth:`aupdate_credentials` from sync code, or awaitable inside an event loop."""
        return call_or_await(self.aupdate_credentials(account, credentials, **kw))

    async def arecheck(self, account: AccountRef, *, customer_id: str | None = None) -> PermissionReport:
        """Ask the provider again which permissions the account holds; store and return the report.

        A refused login (401) marks the account ``needs_attention`` and raises
        :class:`hub.errors.ProviderAuthError`; the stored report is left as it was.
        """
        from hub.accounts import build_report
        from hub.errors import ProviderAuthError
        from hub.linking import probe_account

        found = self.account(account, customer_id=customer_id)
        connector = self.connector(found.connector)
        try:
            held = await probe_account(connector, found.credentials.reveal(), self.settings)
        except ProviderAuthError:
            self.store.set_status(found.id, "needs_attention")
            raise
        report = build_report(connector, held)
        self.store.replace_credentials(replace(found, permissions=report))
        return report

    def recheck(self, account: AccountRef, **kw: Any) -> Any:
        """:meth:`arecheck` from sync code, or awaitable inside an event loop."""
        return call_or_await(self.arecheck(account, **kw))

    @property
    def link_sessions(self) -> LinkSessions:
        """Single-use linking pages: create them for a customer, open and submit them by URL token."""
        from hub.link_sessions import LinkSessions

        return LinkSessions(self)

    def account(self, account: AccountRef, *, customer_id: str | None = None) -> Account:
        """A stored account (credentials opened), always as stored now: options set since apply.

        ``account`` is an id or an :class:`Account`; ``customer_id`` limits it to that customer's.
        """
        account_id = account.id if isinstance(account, Account) else account
        return self.store.account(account_id, customer_id=customer_id)

    def accounts(self, *, customer_id: str | None = None) -> list[AccountRow]:
        """Stored accounts (one customer's, if given), without credentials."""
        return self.store.accounts(customer_id=customer_id)

    def set_options(self, account: AccountRef, options: AccountOptions | Mapping[str, Any]) -> AccountOptions:
        """Change an account's options (employee filters, overrides, schedule); applied at the next sync.

        Raises :class:`hub.errors.InvalidOptions` naming each bad option (overrides are checked
        against the connector's field maps); nothing is changed then.
        """
        if isinstance(options, Mapping):
            options = AccountOptions.from_dict(options)
        stored = self.store.account_row(account.id if isinstance(account, Account) else account)
        self.check_overrides(stored.connector, options)
        self.store.set_options(stored.id, options)
        return options

    def check_overrides(self, connector: str, options: AccountOptions) -> None:
        """Refuse overrides that name a model the connector does not map, or that its maps cannot compile."""
        from hub.errors import FieldIssue, InvalidOptions

        maps = self.field_maps(connector)
        issues = []
        for model, fields in options.overrides.items():
            field_map = maps.get(model)
            if field_map is None:
                issues.append(
                    FieldIssue(
                        f"overrides.{model}",
                        "is not a model this connector maps.",
                        f"Use one of {sorted(maps)}.",
                    )
                )
                continue
            try:
                field_map.compile(
                    connector=connector,
                    overrides=fields,
                    transforms=self.registry.transforms,
                    tz=options.time_zone,
                )
            except FieldMapError as exc:
                issues += [
                    FieldIssue(
                        f"overrides.{model} ({i.path})",
                        i.message,
                        "Name a source this connector's map reads.",
                    )
                    for i in exc.issues
                ]
        if issues:
            raise InvalidOptions(issues)

    # -- syncing ---------------------------------------------------------------------------------

    async def async_sync(
        self,
        account: AccountRef,
        *,
        full: bool = False,
        force: bool = False,
        progress: Progress | None = None,
        models: Iterable[str] | None = None,
        run_id: str | None = None,
    ) -> SyncReport:
        """Sync one account into the store and return its :class:`hub.sync.SyncReport`.

        The first sync reads everything; later ones read the provider's change feed where it has
        one (``force`` reads it even sooner than the provider's minimum spacing; ``full`` reads
        everything and diffs). Each change is announced through the ``sync_event`` hook.
        Raises :class:`hub.errors.SyncInProgress` when another worker is syncing the account.
        """
        from hub.sync import SyncRun

        stored = self.account(account)
        chosen = tuple(models) if models is not None else None
        run = SyncRun(self, stored, full=full, force=force, progress=progress, models=chosen, run_id=run_id)
        return await run.run()

    def sync(self, account: AccountRef, **options: Any) -> Any:
        """:meth:`async_sync` from sync code (returns the report), or awaitable inside an event loop."""
        return call_or_await(self.async_sync(account, **options))

    def syncs(self, account: AccountRef, *, limit: int = 20) -> list[dict[str, Any]]:
        """The account's latest sync runs with their reports, newest first."""
        account_id = account.id if isinstance(account, Account) else account
        return self.store.runs(account_id, limit=limit)

    # -- one accessor per unified model ----------------------------------------------------------

    def _accessor(self, account: AccountRef, resource: str) -> ModelAccessor:
        # Always the stored account: credentials rotated or options changed since the caller got theirs.
        return ModelAccessor(self, self.account(account), resource)

    def employees(self, account: AccountRef) -> ModelAccessor:
        """Employees of ``account``."""
        return self._accessor(account, "employees")

    def employments(self, account: AccountRef) -> ModelAccessor:
        """Employments (job periods) of ``account``."""
        return self._accessor(account, "employments")

    def time_off_policies(self, account: AccountRef) -> ModelAccessor:
        """Time-off policies of ``account``."""
        return self._accessor(account, "time_off_policies")

    def time_off_balances(self, account: AccountRef) -> ModelAccessor:
        """Time-off balances of ``account``."""
        return self._accessor(account, "time_off_balances")

    def time_off_requests(self, account: AccountRef) -> ModelAccessor:
        """Time-off requests of ``account``."""
        return self._accessor(account, "time_off_requests")

    def groups(self, account: AccountRef) -> ModelAccessor:
        """Groups (org units) of ``account``."""
        return self._accessor(account, "groups")

    def locations(self, account: AccountRef) -> ModelAccessor:
        """Locations of ``account``."""
        return self._accessor(account, "locations")

    def companies(self, account: AccountRef) -> ModelAccessor:
        """Companies of ``account``."""
        return self._accessor(account, "companies")
