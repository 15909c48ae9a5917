"""The UKG Pro connector plugin, registered through the ``hrishub.connectors`` entry point."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from connectors.ukg_pro.client import create_client
from connectors.ukg_pro.credentials import CREDENTIALS_SCHEMA, normalize_credentials, preview_credentials
from connectors.ukg_pro.scopes import ACTIONS, CHANGE_FEED, DATE_WINDOW, FEATURES
from connectors.ukg_pro.sensitive import SENSITIVE_RAW_KEYS
from connectors.ukg_pro.transforms import TRANSFORMS
from hub.sdk import Connector, Passthrough, SandboxLike, hookimpl

__all__ = ["CONNECTOR", "register_connectors", "register_transforms"]

DOCS = (
    "An administrator of your UKG Pro tenant creates a service account under System Configuration > "
    "Security > Service Account Administration (the Customer API key is shown at the top of that page; "
    "the password is shown once, on save), ticks the web-service permissions listed for the data you "
    "need, and reads the web-service host from System Configuration > Security > Web Services."
)


def _sandbox(**options: Any) -> SandboxLike:
    from connectors.ukg_pro.sandbox import sandbox_factory  # only when a sandbox is asked for

    return sandbox_factory(**options)


def _version() -> str:
    try:
        return version("hrishub")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return ""


MAPS_FOLDER = Path(__file__).resolve().parents[2] / "field_maps" / "ukg_pro"
"""This connector's field maps (the project keeps every connector's maps under ``field_maps/``)."""

CONNECTOR = Connector(
    name="ukg_pro",
    title="UKG Pro",
    docs=DOCS,
    credentials_schema=CREDENTIALS_SCHEMA,
    actions=ACTIONS,
    features=FEATURES,
    field_maps=MAPS_FOLDER,
    grant_permissions=(
        "In UKG Pro, open System Configuration > Security > Service Account Administration, edit the "
        'service account, and tick "View" for each of these permissions.'
    ),
    client_factory=create_client,
    normalize_credentials=normalize_credentials,
    sandbox=_sandbox,
    change_feed=CHANGE_FEED,
    date_window=DATE_WINDOW,
    version=_version(),
    preview_credentials=preview_credentials,
    sensitive_raw_keys=SENSITIVE_RAW_KEYS,
    # Read-only: UKG's web services also write (new hires, pay changes); the hub never relays those.
    passthrough=Passthrough(
        auth_headers=frozenset({"US-Customer-Api-Key"}), echo_fields=frozenset({"username"})
    ),
)
"""The UKG Pro declaration."""


@hookimpl
def register_connectors(register: Any) -> None:
    """Provide the UKG Pro connector."""
    register(CONNECTOR)


@hookimpl
def register_transforms(register: Any) -> None:
    """Provide UKG Pro's transforms (future hires → PENDING)."""
    for name, function in TRANSFORMS.items():
        register(name, function)
