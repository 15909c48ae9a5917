"""Linking an account: validate every field at once, normalise, probe, and report permissions."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from jsonschema import Draft202012Validator

from hub.accounts import Account, AccountOptions, Credentials, all_permissions, build_report
from hub.connector import Connector, HttpSettings
from hub.errors import FieldIssue, InvalidCredentials

__all__ = ["link_account", "new_account_id", "probe_account", "validate_credentials"]


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


async def probe_account(
    connector: Connector, normalized: Mapping[str, Any], settings: HttpSettings
) -> dict[str, bool]:
    """Prove the credentials with one cheap call, then probe every permission the connector may use."""
    client = connector.client_factory(normalized, settings)
    try:
        await client.probe()
        return await client.check_permissions(all_permissions(connector))
    finally:
        await client.aclose()


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
