"""hrishub's host: the plugin contract, the registry, accounts, sync and the unified API.

Importing :mod:`hub` (or the contract modules :mod:`hub.connector`, :mod:`hub.hookspecs`,
:mod:`hub.errors`) stays light: the store, the HTTP app and the CLI load only when used, so a
connector plugin that imports the contract does not pull them in.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hub.connector import Action, Connector, HttpSettings
    from hub.hookspecs import hookimpl
    from hub.hub import Hub

__all__ = ["Action", "Connector", "HttpSettings", "Hub", "hookimpl"]

_LAZY = {
    "Hub": "hub.hub",
    "Connector": "hub.connector",
    "Action": "hub.connector",
    "HttpSettings": "hub.connector",
    "hookimpl": "hub.hookspecs",
}


def __getattr__(name: str) -> Any:
    """Import public names on first use, keeping ``import hub`` cheap."""
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'hub' has no attribute {name!r}")
