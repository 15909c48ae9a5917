"""The ``hrishub`` command line (typer + rich).

One module per group of commands, each registering on :data:`app`: ``catalog`` (connectors,
scopes), ``sandbox``, ``recording`` (record), ``scaffolding`` (new-connector), ``accounts``
(customers, link, relink, accounts, check, options), :mod:`hub.linking.cli` (link-pages), ``syncing``
(sync, worker), ``reading`` (employees), ``serving`` (serve, secret-key), ``keys``, ``migrating``
(migrate), ``passthrough``, ``webhooks``, ``audit`` and ``demo``.
"""

from __future__ import annotations

# Each module registers its commands on `app`; the order here is the order of `hrishub --help`.
from hub.cli import (  # noqa: F401
    accounts,
    audit,
    catalog,
    demo,
    docs,
    keys,
    migrating,
    passthrough,
    reading,
    recording,
    records,
    sandbox,
    scaffolding,
    serving,
    syncing,
    webhooks,
)
from hub.cli.app import app
from hub.linking import cli as linking_cli  # noqa: F401

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
