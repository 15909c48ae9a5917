"""Linking an account: validate every field at once, normalise, probe, report permissions, store.

The functions that store take the hub's :class:`hub.context.HubContext` (registry, settings, store);
:class:`hub.hub.Hub` and :class:`hub.linking.sessions.LinkSessions` both link through them.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from jsonschema import Draft202012Validator

from field_maps import FieldMapError
from hub.accounts import (
    NEEDS_ATTENTION,
    Account,
    AccountOptions,
    Credentials,
    PermissionReport,
    all_permissions,
    build_report,
)
from hub.connector import Connector, HttpSettings
from hub.errors import FieldIssue, InvalidCredentials, InvalidOptions, ProviderAuthError, ProviderUnreachable
from hub.events import SyncEvent
from hub.observability.logs import bound
from hub.rest.statuses import ProviderErrors
from hub.store.clock import utcnow
from hub.store.events import record_account_event

if TYPE_CHECKING:
    from hub.context import HubContext

__all__ = [
    "check_overrides",
    "link_account",
    "link_and_store",
    "new_account_id",
    "probe_account",
    "probe_settings",
    "recheck_account",
    "relink",
    "validate_credentials",
]


def new_account_id() -> str:
    """A fresh, unguessable account id."""
    return "acct_" + secrets.token_urlsafe(12)


def validate_credentials(
    connector: Connector, values: Mapping[str, Any], settings: HttpSettings
) -> dict[str, Any]:
    """Check ``values`` against the connector's schema and normaliser; every issue in one error."""
    if not isinstance(values, Mapping):
        raise InvalidCredentials(
            [FieldIssue("credentials", "must be an object of field values.", "Send the fields of the form.")],
            connector=connector.name,
        )
    if connector.normalize_credentials is not None:
        return connector.normalize_credentials(values, settings)
    issues = []
    properties = connector.credentials_schema.get("properties", {})
    for error in Draft202012Validator(connector.credentials_schema).iter_errors(dict(values)):
        field = ".".join(str(p) for p in error.absolute_path) or _missing_field(error.message)
        title = properties.get(field, {}).get("title", field)
        secret = properties.get(field, {}).get("writeOnly")
        message = "is not valid." if secret else error.message  # never echo a secret back
        issues.append(FieldIssue(field, message, f"Enter a valid {title}."))
    if issues:
        raise InvalidCredentials(issues, connector=connector.name)
    return dict(values)


def _missing_field(message: str) -> str:
    # jsonschema says "'password' is a required property" for a missing field.
    return message.split("'")[1] if message.count("'") >= 2 else "credentials"


def probe_settings(settings: HttpSettings) -> HttpSettings:
    """The settings of a linking probe: done within ``probe_seconds``, never retrying a refused host.

    A person (or an API caller) waits on a probe, and a wrong host is the commonest mistake: it
    should say so in seconds, not after a sync's patient retries.
    """
    budget = settings.probe_seconds
    return replace(
        settings,
        retry_refused=False,
        connect_timeout=min(settings.connect_timeout, budget),
        read_timeout=min(settings.read_timeout, budget),
        max_retry_seconds=min(settings.max_retry_seconds, budget),
    )


async def probe_account(
    connector: Connector, normalized: Mapping[str, Any], settings: HttpSettings
) -> dict[str, bool]:
    """Prove the credentials with one cheap call, then probe every permission the connector may use.

    The whole probe, retries included, ends within ``settings.probe_seconds``; past that it raises
    :class:`hub.errors.ProviderUnreachable` naming the host fields to check.
    """
    bounded = probe_settings(settings)
    with bound(connector=connector.name):
        client = connector.client_factory(normalized, bounded)
    try:
        async with asyncio.timeout(bounded.probe_seconds):
            await client.probe()
            return await client.check_permissions(all_permissions(connector))
    except TimeoutError:
        raise _too_slow(connector, client, bounded.probe_seconds) from None
    finally:
        await client.aclose()


def _too_slow(connector: Connector, client: object, seconds: float) -> ProviderUnreachable:
    errors = getattr(client, "errors", None)
    host_fields = errors.host_fields if isinstance(errors, ProviderErrors) else {}
    host_remedy = errors.host_remedy if isinstance(errors, ProviderErrors) else None
    return ProviderUnreachable(
        f"{connector.title} did not answer the linking probe within {seconds:g} s.",
        provider=connector.name,
        remedy=f"{host_remedy or ProviderUnreachable.default_remedy} If the host is right, "
        f"{connector.title} is slow: try again later.",
        fields=host_fields,
    )


async def link_account(
    connector: Connector,
    values: Mapping[str, Any],
    settings: HttpSettings,
    *,
    options: AccountOptions | None = None,
    account_id: str | None = None,
) -> Account:
    """Validate, normalise and probe; the linked :class:`Account` with its permissions report.

    Raises :class:`hub.errors.InvalidCredentials` (nothing is called), or a provider error such as
    :class:`hub.errors.ProviderAuthError` (nothing is kept).
    """
    normalized = validate_credentials(connector, values, settings)
    held = await probe_account(connector, normalized, settings)
    return Account(
        id=account_id or new_account_id(),
        connector=connector.name,
        credentials=Credentials(normalized),
        permissions=build_report(connector, held),
        options=options or AccountOptions(),
    )


def check_overrides(context: HubContext, connector: str, options: AccountOptions) -> None:
    """Refuse overrides that name a model the connector does not map, or that its maps cannot compile."""
    maps = context.field_maps(connector)
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
                transforms=context.registry.transforms,
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


async def link_and_store(
    context: HubContext,
    connector: str,
    credentials: Mapping[str, Any],
    *,
    options: AccountOptions | Mapping[str, Any] | None = None,
    customer_id: str | None = None,
    announce: Mapping[str, str] | None = None,
) -> Account:
    """Link an account (see :meth:`hub.hub.Hub.alink`), store it encrypted and announce ``account.linked``."""
    if isinstance(options, Mapping):
        options = AccountOptions.from_dict(options)
    if options is not None:
        check_overrides(context, connector, options)
    settings = context.settings_for(customer_id)
    account = await link_account(context.connector(connector), credentials, settings, options=options)
    account = replace(account, customer_id=customer_id)
    # A worker thread: a store write can wait on a lock, and the event loop serves every other request.
    await asyncio.to_thread(context.store.accounts.add, account)
    record = {
        "id": account.id,
        "connector": account.connector,
        "customer_id": customer_id,
        "permissions": account.permissions.to_dict(),
        **(announce or {}),
    }
    now = utcnow()

    def store_event() -> str:
        with context.store.begin() as db:
            return record_account_event(
                db, account_id=account.id, type="account.linked", record=record, now=now
            )

    event_id = await asyncio.to_thread(store_event)
    context.registry.announce(
        SyncEvent(
            id=event_id,
            type="account.linked",
            account_id=account.id,
            connector=account.connector,
            record=record,
            occurred_at=now,
        )
    )
    return account


async def relink(context: HubContext, current: Account, credentials: Mapping[str, Any]) -> Account:
    """Replace ``current``'s credentials once the new ones pass validation and the probe.

    See :meth:`hub.hub.Hub.aupdate_credentials`.
    """
    fresh = await link_account(
        context.connector(current.connector),
        credentials,
        context.settings_for(current.customer_id),
        options=current.options,
        account_id=current.id,
    )
    fresh = replace(fresh, customer_id=current.customer_id)
    await asyncio.to_thread(context.store.accounts.replace_credentials, fresh)
    return fresh


async def recheck_account(context: HubContext, account: Account) -> PermissionReport:
    """Probe ``account``'s permissions again and store the report (see :meth:`hub.hub.Hub.arecheck`)."""
    connector = context.connector(account.connector)
    try:
        settings = context.settings_for(account.customer_id)
        held = await probe_account(connector, account.credentials.reveal(), settings)
    except ProviderAuthError:
        await asyncio.to_thread(context.store.accounts.set_status, account.id, NEEDS_ATTENTION)
        raise
    report = build_report(connector, held)
    await asyncio.to_thread(context.store.accounts.replace_credentials, replace(account, permissions=report))
    return report
