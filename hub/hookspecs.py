"""The plugin contract: every hook a hrishub plugin may implement.

A plugin is a module (or object) registered under the entry-point group ``hrishub.connectors``.
It implements hooks by decorating functions with :data:`hookimpl`::

    from hub.sdk import hookimpl

    @hookimpl
    def register_connectors(register):
        register(MY_CONNECTOR)

The built-in UKG Pro connector is registered through this very same group and hook. A function
decorated with ``hookimpl`` whose name matches no hook below is an error at load
(``PluginManager.check_pending``), so a typo never turns into a silent no-op.

Hooks are grouped by when they run: at load (``register_connectors``, ``register_transforms``) and
during a sync (``sync_event``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from hub.connector import Connector
    from hub.events import SyncEvent

__all__ = ["PROJECT", "hookimpl", "hookspec", "register_connectors", "register_transforms", "sync_event"]

PROJECT = "hrishub"
"""The pluggy project name: the marker namespace of every hook."""

hookspec = pluggy.HookspecMarker(PROJECT)
"""Marks a hook specification (used by this module only)."""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a plugin's hook implementation: ``@hookimpl def register_connectors(register): ...``."""


# -- load time ---------------------------------------------------------------------------------------


@hookspec
def register_connectors(register: Callable[[Connector], None]) -> None:
    """Declare the connectors this plugin provides.

    When: once per plugin, when a :class:`hub.Hub` is created, after every plugin module has been
    imported and before any account is used.

    Results: every plugin's implementation is called (all results collected); return values are
    ignored. Each implementation is called on its own, so one that raises marks only its own plugin
    as broken; the others load.

    Parameters:
        register: call ``register(connector)`` once for each :class:`hub.connector.Connector` the
            plugin provides. The hub validates the declaration on the spot (credential schema against
            the JSON Schema metaschema, every action known, every field map valid against
            ``field_maps/schema.json`` and naming only real unified fields and registered
            transforms) and refuses a duplicate name. A declaration that fails is reported with the
            plugin's name, package and the reason, and is not loaded.

    Returns:
        Nothing.
    """


@hookspec
def register_transforms(register: Callable[[str, Callable[[Any], Any]], None]) -> None:
    """Add named field-map transforms that maps can use with ``transform: <name>``.

    When: once per plugin, when a :class:`hub.Hub` is created, **before** connectors are
    validated, so a connector's maps may use transforms its own plugin registers.

    Results: every plugin's implementation is called (all results collected); return values are
    ignored.

    Parameters:
        register: call ``register(name, function)`` for each transform. ``name`` is what maps refer to
            (maps never name an import path); ``function`` takes one value and returns the transformed
            value, returning ``None`` for "no value". Names are global: a name already taken by a
            built-in or another plugin is refused and reported.

    Returns:
        Nothing.
    """


# -- sync time ---------------------------------------------------------------------------------------


@hookspec
def sync_event(event: SyncEvent) -> None:
    """Hear about each change a sync finds, so a host can push it to webhooks, a queue or a directory.

    When: during a sync, after the change has been committed to the store, once per change
    (``employee.created``, ``employee.updated`` with the changed fields before and after,
    ``employee.terminated``, ``employee.deleted`` when a complete read no longer finds the
    employee); once when an account is linked (``account.linked``: its record holds the account's
    id, connector, customer and permissions report, and, when it was linked through a linking page,
    ``link_session_id`` and the customer's ``reference``), once at the end of each sync
    (``account.synced``, with the run's id and status) and once when an account is deleted
    (``account.deleted``: its record holds the account's id, connector and ``deleted_at``; the
    account's earlier events are deleted with it). A model's first load announces no
    per-record events: a new account does not report every existing employee as hired. Events are
    kept in the store until handed out, so an event a crashed sync committed is delivered by the
    next run (at least once; ``event.id`` is unique for de-duplication).

    Results: every plugin's implementation is called (all results collected); return values are
    ignored. An implementation that raises is logged and does not stop the sync or the other
    listeners.

    Parameters:
        event: the change: its ``type``, the ``account_id``, the unified ``record`` after the change,
            and for updates ``changes``: ``{field: (before, after)}``.

    Returns:
        Nothing.
    """
