"""The :class:`Hub`: the Python face of hrishub (connectors, linking, unified reads)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import httpx

from hub.accessors import ModelAccessor, Page
from hub.accounts import Account, AccountOptions
from hub.blocking import run_blocking
from hub.connector import Connector, HttpSettings
from hub.context import HubContext
from hub.env_settings import count, positive_number
from hub.origins import SANDBOX_ORIGINS_ENV, sandbox_origins_from_env
from hub.plugins import PluginFailure, PluginInfo, Registry

if TYPE_CHECKING:
    from hub.accounts import PermissionReport
    from hub.linking.sessions import LinkSessions
    from hub.passthrough import PassthroughResult
    from hub.store import AccountRow, Store
    from hub.store.account_audit import AccountAuditEntry
    from hub.store.passthrough_audit import AuditEntry
    from hub.sync import Progress, SyncReport
    from hub.webhooks.dispatch import WebhookDispatcher
    from hub.webhooks.endpoints import WebhookEndpoints
    from unified_models import (
        BankInfo,
        Benefit,
        Company,
        Dependent,
        EmergencyContact,
        Employee,
        EmployeePayrollRun,
        EmployerBenefit,
        Employment,
        Group,
        Location,
        PayGroup,
        PayrollRun,
        TimeOffBalance,
        TimeOffPolicy,
        TimeOffRequest,
    )

__all__ = [
    "FULL_ACCOUNT_NUMBERS_ENV",
    "SANDBOX_ORIGINS_ENV",
    "SYNC_DEADLINE_ENV",
    "Hub",
    "full_account_numbers_from_env",
    "sandbox_origins_from_env",
    "sync_deadline_from_env",
    "sync_workers_from_env",
]

SYNC_DEADLINE_ENV = "HRISHUB_SYNC_DEADLINE"
SYNC_WORKERS_ENV = "HRISHUB_SYNC_WORKERS"
FULL_ACCOUNT_NUMBERS_ENV = "HRISHUB_FULL_ACCOUNT_NUMBERS"


def sync_workers_from_env() -> int | None:
    """The read-ahead helpers the operator set (``HRISHUB_SYNC_WORKERS``), or None: the hub's choice.

    None when unset, empty or ``auto`` (:mod:`hub.sync.read_ahead`); otherwise a whole number.
    """
    if os.environ.get(SYNC_WORKERS_ENV, "").strip().lower() in ("", "auto"):
        return None
    return count(SYNC_WORKERS_ENV, 1)


def full_account_numbers_from_env() -> bool:
    """Whether the operator enabled whole bank account numbers (``HRISHUB_FULL_ACCOUNT_NUMBERS=1``).

    Only ``1``/``true``/``yes`` enable them; anything else (or unset) keeps them masked.
    """
    return os.environ.get(FULL_ACCOUNT_NUMBERS_ENV, "").strip().lower() in {"1", "true", "yes"}


def sync_deadline_from_env() -> float:
    """Seconds one sync may run (``HRISHUB_SYNC_DEADLINE``; default :class:`HttpSettings`'s)."""
    return positive_number(SYNC_DEADLINE_ENV, HttpSettings().sync_deadline, unit="seconds")


AccountRef = Account | str


def _account_id(account: AccountRef) -> str:
    return account.id if isinstance(account, Account) else account


class Hub:
    """One hub: the loaded connectors and the settings every connector client gets.

    ``Hub()`` loads the built-in connectors and every entry-point plugin (limited by
    ``HRISHUB_PLUGINS``, or by ``plugins=``). ``Hub(transport=...)`` hands an httpx transport to every
    connector client, so tests drive a connector with ``httpx.MockTransport`` or an ASGI app.
    The store opens on first use: ``database_url`` (default ``HRISHUB_DATABASE_URL``, else the SQLite
    file in the data folder), or a ready :class:`hub.store.Store`.

    Every method that talks to a provider or changes an account comes twice: a blocking one for plain
    code (``link``, ``sync``, ``recheck``, ``update_credentials``, ``pause``, ``resume``,
    ``delete_account``) and an async twin to await in async code (``alink``, ``async_sync``,
    ``arecheck``, ``aupdate_credentials``, ``apause``, ``aresume``, ``adelete_account``). A blocking
    method called inside a running event loop raises :class:`hub.blocking.CalledInEventLoop` naming
    its twin.
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
        base = settings or HttpSettings(
            sandbox_origins=sandbox_origins_from_env(),
            sync_deadline=sync_deadline_from_env(),
            sync_workers=sync_workers_from_env(),
            full_account_numbers=full_account_numbers_from_env(),
        )
        if transport is not None:
            base = replace(base, transport=transport)
        self.context = HubContext(Registry.load(allow=plugins), base, database_url=database_url, store=store)
        """What the hub's services share (registry, settings, store); hand it to a service you build."""

    @property
    def settings(self) -> HttpSettings:
        """The HTTP settings every connector client gets (timeouts, retries, transport)."""
        return self.context.settings

    @settings.setter
    def settings(self, settings: HttpSettings) -> None:
        self.context.settings = settings

    @property
    def registry(self) -> Registry:
        """The loaded plugins: connectors, field maps, transforms, listeners."""
        return self.context.registry

    @property
    def store(self) -> Store:
        """The hub's store, opened (and migrated) on first use, once even when threads ask at once."""
        return self.context.store

    def close(self) -> None:
        """Release the store's connections."""
        if self.context.store_opened:
            self.context.store.close()

    @property
    def connectors(self) -> Mapping[str, Connector]:
        """Every loaded connector by name (read-only)."""
        return MappingProxyType(self.registry.connectors)

    @property
    def failures(self) -> list[PluginFailure]:
        """Plugins (or connectors) that failed to load, each with its package and reason."""
        return list(self.registry.failures)

    def connector(self, name: str) -> Connector:
        """The loaded connector ``name``, or :class:`hub.errors.UnknownConnector` listing the loaded ones."""
        return self.context.connector(name)

    def origin(self, name: str) -> PluginInfo:
        """The plugin (entry point, package, version) that provided connector ``name``."""
        self.connector(name)
        return self.registry.origins[name]

    def field_maps(self, name: str) -> Mapping[str, Any]:
        """The validated field maps of connector ``name``, by unified model name."""
        return self.context.field_maps(name)

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
        and its fix, :class:`hub.errors.InvalidOptions` for options the connector's maps refuse, or a
        provider error (:class:`hub.errors.ProviderAuthError`, :class:`hub.errors.ProviderUnreachable`,
        ...) with a remedy; nothing is stored then. The ``account.linked`` event's record holds the
        account's id, connector and permissions report, plus ``announce`` (e.g. the link session and
        the customer's reference for it).
        """
        from hub.linking.accounts import link_and_store

        return await link_and_store(
            self.context, connector, credentials, options=options, customer_id=customer_id, announce=announce
        )

    def link(
        self,
        connector: str,
        credentials: Mapping[str, Any],
        *,
        options: AccountOptions | Mapping[str, Any] | None = None,
        customer_id: str | None = None,
        announce: Mapping[str, str] | None = None,
    ) -> Account:
        """:meth:`alink`, blocking until the account is linked (in async code, await :meth:`alink`)."""
        return run_blocking(
            self.alink(connector, credentials, options=options, customer_id=customer_id, announce=announce),
            method="Hub.link",
            instead="hub.alink",
        )

    async def aupdate_credentials(
        self, account: AccountRef, credentials: Mapping[str, Any], *, customer_id: str | None = None
    ) -> Account:
        """Replace an account's credentials (a rotated password): validated and probed first.

        Synced data, cursors and options stay; the permissions report is refreshed. Wrong values
        raise as :meth:`alink` does and leave the stored credentials as they were.
        """
        from hub.linking.accounts import relink

        current = await asyncio.to_thread(self.account, account, customer_id=customer_id)
        return await relink(self.context, current, credentials)

    def update_credentials(
        self, account: AccountRef, credentials: Mapping[str, Any], *, customer_id: str | None = None
    ) -> Account:
        """:meth:`aupdate_credentials`, blocking (in async code, await :meth:`aupdate_credentials`)."""
        return run_blocking(
            self.aupdate_credentials(account, credentials, customer_id=customer_id),
            method="Hub.update_credentials",
            instead="hub.aupdate_credentials",
        )

    async def arecheck(self, account: AccountRef, *, customer_id: str | None = None) -> PermissionReport:
        """Ask the provider again which permissions the account holds; store and return the report.

        A refused login (401) marks the account ``needs_attention`` and raises
        :class:`hub.errors.ProviderAuthError`; the stored report is left as it was.
        """
        from hub.linking.accounts import recheck_account

        current = await asyncio.to_thread(self.account, account, customer_id=customer_id)
        return await recheck_account(self.context, current)

    def recheck(self, account: AccountRef, *, customer_id: str | None = None) -> PermissionReport:
        """:meth:`arecheck`, blocking (in async code, await :meth:`arecheck`)."""
        return run_blocking(
            self.arecheck(account, customer_id=customer_id), method="Hub.recheck", instead="hub.arecheck"
        )

    @property
    def link_sessions(self) -> LinkSessions:
        """Single-use linking pages: create them for a customer, open and submit them by URL token."""
        from hub.linking.sessions import LinkSessions

        return LinkSessions(self.context)

    @property
    def webhook_endpoints(self) -> WebhookEndpoints:
        """Where customers' events are pushed: register, change, rotate secrets, remove."""
        from hub.webhooks.endpoints import WebhookEndpoints

        return WebhookEndpoints(self.store)

    def webhook_dispatcher(self, **options: Any) -> WebhookDispatcher:
        """A dispatcher delivering this hub's events to the registered endpoints.

        ``options`` go to :class:`hub.webhooks.dispatch.WebhookDispatcher` (``transport``, ``policy``...);
        ``await hub.webhook_dispatcher().run()`` delivers until cancelled (``hrishub serve`` and
        ``hrishub worker`` run one).
        """
        from hub.webhooks.dispatch import WebhookDispatcher

        return WebhookDispatcher(self.store, **options)

    def account(self, account: AccountRef, *, customer_id: str | None = None) -> Account:
        """A stored account (credentials opened), always as stored now: options set since apply.

        ``account`` is an id or an :class:`Account`; ``customer_id`` limits it to that customer's.
        """
        account_id = account.id if isinstance(account, Account) else account
        return self.store.accounts.get(account_id, customer_id=customer_id)

    def accounts(self, *, customer_id: str | None = None) -> list[AccountRow]:
        """Stored accounts (one customer's, if given), without credentials."""
        return self.store.accounts.all(customer_id=customer_id)

    def set_options(self, account: AccountRef, options: AccountOptions | Mapping[str, Any]) -> AccountOptions:
        """Change an account's options (employee filters, overrides, schedule); applied at the next sync.

        Raises :class:`hub.errors.InvalidOptions` naming each bad option (overrides are checked
        against the connector's field maps); nothing is changed then.
        """
        from hub.linking.accounts import check_overrides

        if isinstance(options, Mapping):
            options = AccountOptions.from_dict(options)
        stored = self.store.accounts.row(account.id if isinstance(account, Account) else account)
        check_overrides(self.context, stored.connector, options)
        self.store.accounts.set_options(stored.id, options)
        return options

    # -- an account's life ----------------------------------------------------------------------

    async def adelete_account(self, account: AccountRef, *, customer_id: str | None = None) -> None:
        """Delete an account and everything stored for it; announce ``account.deleted``.

        Its credentials, records (raw provider data too), sync state, sync runs and events are
        removed in one transaction; one ``account.deleted`` event is recorded and handed to
        ``sync_event`` listeners. The account is then unknown everywhere (:class:`hub.errors.NotFound`,
        also for a second delete). Raises :class:`hub.errors.SyncInProgress` while a sync of the
        account runs: nothing is deleted then; try again once it has finished.
        """
        from hub.linking.lifecycle import delete_account

        await asyncio.to_thread(delete_account, self.context, _account_id(account), customer_id=customer_id)

    def delete_account(self, account: AccountRef, *, customer_id: str | None = None) -> None:
        """:meth:`adelete_account`, blocking (in async code, await :meth:`adelete_account`)."""
        return run_blocking(
            self.adelete_account(account, customer_id=customer_id),
            method="Hub.delete_account",
            instead="hub.adelete_account",
        )

    async def apause(self, account: AccountRef, *, customer_id: str | None = None) -> AccountRow:
        """Pause an account: no sync runs (worker, API or command line) until :meth:`aresume`.

        Reads of its stored data keep working; a sync already running finishes. A sync asked for
        meanwhile raises :class:`hub.errors.AccountPaused`. Returns the account as stored now.
        """
        from hub.linking.lifecycle import pause_account

        return await asyncio.to_thread(
            pause_account, self.context, _account_id(account), customer_id=customer_id
        )

    def pause(self, account: AccountRef, *, customer_id: str | None = None) -> AccountRow:
        """:meth:`apause`, blocking (in async code, await :meth:`apause`)."""
        return run_blocking(
            self.apause(account, customer_id=customer_id), method="Hub.pause", instead="hub.apause"
        )

    async def aresume(self, account: AccountRef, *, customer_id: str | None = None) -> AccountRow:
        """Resume a paused account with the status it had before (``needs_attention`` stays so).

        A sync that fell due while it was paused runs at the worker's next round. Resuming an
        account that is not paused changes nothing. Returns the account as stored now.
        """
        from hub.linking.lifecycle import resume_account

        return await asyncio.to_thread(
            resume_account, self.context, _account_id(account), customer_id=customer_id
        )

    def resume(self, account: AccountRef, *, customer_id: str | None = None) -> AccountRow:
        """:meth:`aresume`, blocking (in async code, await :meth:`aresume`)."""
        return run_blocking(
            self.aresume(account, customer_id=customer_id), method="Hub.resume", instead="hub.aresume"
        )

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
        run = SyncRun(
            self.context, stored, full=full, force=force, progress=progress, models=chosen, run_id=run_id
        )
        return await run.run()

    def sync(
        self,
        account: AccountRef,
        *,
        full: bool = False,
        force: bool = False,
        progress: Progress | None = None,
        models: Iterable[str] | None = None,
        run_id: str | None = None,
    ) -> SyncReport:
        """:meth:`async_sync`, blocking until the report is ready (in async code, await that)."""
        return run_blocking(
            self.async_sync(account, full=full, force=force, progress=progress, models=models, run_id=run_id),
            method="Hub.sync",
            instead="hub.async_sync",
        )

    def syncs(self, account: AccountRef, *, limit: int = 20) -> list[dict[str, Any]]:
        """The account's latest sync runs with their reports, newest first."""
        account_id = account.id if isinstance(account, Account) else account
        return self.store.runs.latest(account_id, limit=limit)

    def sync_runs(
        self, account: AccountRef, *, cursor: str | None = None, page_size: int = 20
    ) -> Page[dict[str, Any]]:
        """One page of the account's sync runs with their reports, newest first (as ``GET .../syncs``).

        Pass ``next_cursor`` back as ``cursor`` for the next page; ``page_size`` is 1 to 100.
        """
        account_id = account.id if isinstance(account, Account) else account
        runs, following = self.store.runs.page(account_id, cursor=cursor, page_size=page_size)
        return Page(runs, following)

    # -- passthrough -----------------------------------------------------------------------------

    async def apassthrough(
        self,
        account: AccountRef,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        customer_id: str | None = None,
    ) -> PassthroughResult:
        """Send one request to the account's provider with its stored credentials; the provider's answer.

        ``path`` is relative to the connector's own host (``/personnel/v1/employee-ids``); ``params``
        the query. Only the methods the connector allows (read-only unless it declares others); the
        answer keeps the provider's status, whatever it is, with credential values redacted. Raises
        :class:`hub.errors.InvalidPassthrough` naming each refused field (nothing is sent),
        :class:`hub.errors.NotSupported` when the connector offers no passthrough, or, for a request that
        could not be answered, a provider error. Every request is audited (:meth:`passthrough_log`).
        """
        from hub.passthrough import send_passthrough

        stored = await asyncio.to_thread(self.account, account, customer_id=customer_id)
        return await send_passthrough(
            self.context, stored, method=method, path=path, params=params, headers=headers, body=body
        )

    def passthrough(
        self,
        account: AccountRef,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        customer_id: str | None = None,
    ) -> PassthroughResult:
        """:meth:`apassthrough`, blocking (in async code, await :meth:`apassthrough`)."""
        return run_blocking(
            self.apassthrough(
                account, method, path, params=params, headers=headers, body=body, customer_id=customer_id
            ),
            method="Hub.passthrough",
            instead="hub.apassthrough",
        )

    def passthrough_log(
        self,
        account: AccountRef,
        *,
        limit: int = 50,
        before: int | None = None,
        customer_id: str | None = None,
    ) -> list[AuditEntry]:
        """The account's passthrough audit trail, newest first (older than entry ``before``, if given)."""
        account_id = account.id if isinstance(account, Account) else account
        self.store.accounts.row(account_id, customer_id=customer_id)
        return self.store.passthrough_audit.page(account_id, limit=limit, before=before)

    def account_audit_log(
        self,
        account: AccountRef,
        *,
        cursor: str | None = None,
        page_size: int = 20,
        customer_id: str | None = None,
    ) -> Page[AccountAuditEntry]:
        """One page of the account's audit log (as ``GET .../audit-log``), newest first.

        Raises :class:`hub.errors.NotFound` for an account that is not ``customer_id``'s or is deleted
        (its entries stay in the store: ``hrishub accounts audit`` reads them).
        """
        account_id = account.id if isinstance(account, Account) else account
        self.store.accounts.row(account_id, customer_id=customer_id)
        entries, following = self.store.account_audit.page(account_id, cursor=cursor, page_size=page_size)
        return Page(entries, following)

    # -- one accessor per unified model ----------------------------------------------------------

    def records(self, account: AccountRef, resource: str) -> ModelAccessor[Any]:
        """The reader of one unified resource (``"employees"``, ``"groups"``, ...) of ``account``.

        The account is always read as stored now (credentials rotated or options changed since the
        caller got theirs). The typed shortcuts below (:meth:`employees`, ...) say what they return.
        """
        return ModelAccessor(self.context, self.account(account), resource)

    def employees(self, account: AccountRef) -> ModelAccessor[Employee]:
        """Employees of ``account``."""
        return self.records(account, "employees")

    def employments(self, account: AccountRef) -> ModelAccessor[Employment]:
        """Employments (job periods) of ``account``."""
        return self.records(account, "employments")

    def time_off_policies(self, account: AccountRef) -> ModelAccessor[TimeOffPolicy]:
        """Time-off policies of ``account``."""
        return self.records(account, "time_off_policies")

    def time_off_balances(self, account: AccountRef) -> ModelAccessor[TimeOffBalance]:
        """Time-off balances of ``account``."""
        return self.records(account, "time_off_balances")

    def time_off_requests(self, account: AccountRef) -> ModelAccessor[TimeOffRequest]:
        """Time-off requests of ``account``."""
        return self.records(account, "time_off_requests")

    def groups(self, account: AccountRef) -> ModelAccessor[Group]:
        """Groups (org units) of ``account``."""
        return self.records(account, "groups")

    def locations(self, account: AccountRef) -> ModelAccessor[Location]:
        """Locations of ``account``."""
        return self.records(account, "locations")

    def companies(self, account: AccountRef) -> ModelAccessor[Company]:
        """Companies of ``account``."""
        return self.records(account, "companies")

    def dependents(self, account: AccountRef) -> ModelAccessor[Dependent]:
        """Dependents and beneficiaries of the employees of ``account``."""
        return self.records(account, "dependents")

    def emergency_contacts(self, account: AccountRef) -> ModelAccessor[EmergencyContact]:
        """Emergency contacts of the employees of ``account``."""
        return self.records(account, "emergency_contacts")

    def bank_accounts(self, account: AccountRef) -> ModelAccessor[BankInfo]:
        """Direct-deposit bank accounts of the employees of ``account`` (account numbers masked)."""
        return self.records(account, "bank_accounts")

    def pay_groups(self, account: AccountRef) -> ModelAccessor[PayGroup]:
        """Pay groups of ``account``."""
        return self.records(account, "pay_groups")

    def payroll_runs(self, account: AccountRef) -> ModelAccessor[PayrollRun]:
        """Pay runs of ``account`` (one per pay group and pay date)."""
        return self.records(account, "payroll_runs")

    def employee_payroll_runs(self, account: AccountRef) -> ModelAccessor[EmployeePayrollRun]:
        """Pay statements of the employees of ``account``: earnings, deductions, taxes, gross and net."""
        return self.records(account, "employee_payroll_runs")

    def employer_benefits(self, account: AccountRef) -> ModelAccessor[EmployerBenefit]:
        """Benefit plans the employer of ``account`` offers (by payroll deduction code)."""
        return self.records(account, "employer_benefits")

    def benefits(self, account: AccountRef) -> ModelAccessor[Benefit]:
        """Benefit enrolments of the employees of ``account``."""
        return self.records(account, "benefits")
