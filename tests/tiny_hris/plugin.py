"""The Tiny HRIS connector: its declaration and its hook (registered in tests, see ``tests/conftest.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hub.sdk import Connector, Passthrough, SandboxLike, hookimpl
from tests.tiny_hris.client import create_client
from tests.tiny_hris.credentials import CREDENTIALS_SCHEMA, normalize_credentials
from tests.tiny_hris.scopes import ACTIONS, CHANGE_FEED, FEATURES

__all__ = ["CONNECTOR", "register_connectors"]


def _sandbox(**options: Any) -> SandboxLike:
    from tests.tiny_hris.sandbox import Sandbox

    return Sandbox(**{name: value for name, value in options.items() if value is not None})


CONNECTOR = Connector(
    name="tiny_hris",
    title="Tiny HRIS",
    docs="In Tiny HRIS, Settings > API shows the API address and makes API keys with the permissions you tick.",
    credentials_schema=CREDENTIALS_SCHEMA,
    actions=ACTIONS,
    features=FEATURES,
    field_maps=Path(__file__).resolve().parent / "maps",
    client_factory=create_client,
    normalize_credentials=normalize_credentials,
    sandbox=_sandbox,
    change_feed=CHANGE_FEED,
    version="0.1",
    sensitive_raw_keys={"employees": frozenset({"dateOfBirth", "nationalId"})},
    grant_permissions="In Tiny HRIS, open Settings > API, edit the key, and tick each of these permissions.",
    passthrough=Passthrough(max_bytes=64 * 1024),
)
"""The Tiny HRIS declaration."""


@hookimpl
def register_connectors(register: Any) -> None:
    """Provide the Tiny HRIS connector."""
    register(CONNECTOR)
