"""Helpers for testing the hub and connector plugins.

``plugin_registered`` registers a plugin for the duration of a ``with`` block (the
``register_plugin`` pytest fixture does it for one test) and always unregisters it.
``ConnectorConformance`` is the conformance suite a connector subclasses (see :mod:`hub.conformance`).
``EventRecorder`` is a ``sync_event`` listener that keeps what it hears; the ``sync_events`` fixture
registers one for a test (create the ``Hub`` after asking for it: hubs load plugins when made).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from hub.conformance import ConnectorConformance
from hub.hookspecs import hookimpl
from hub.plugins import in_process_plugins, plugin_registered

__all__ = ["ConnectorConformance", "EventRecorder", "plugin_registered", "register_plugin", "sync_events"]


class EventRecorder:
    """A ``sync_event`` listener that records every event, for assertions."""

    def __init__(self) -> None:
        self.events: list[Any] = []

    @hookimpl
    def sync_event(self, event: Any) -> None:
        """Keep the event."""
        self.events.append(event)

    def of(self, *types: str) -> list[Any]:
        """The recorded events of these types, in order."""
        return [e for e in self.events if e.type in types]

    def clear(self) -> None:
        """Forget what was recorded."""
        self.events.clear()


@pytest.fixture
def register_plugin() -> Iterator[Callable[[object, str], object]]:
    """Register plugins for one test: ``register_plugin(module_or_object, "name")``."""
    names: list[str] = []
    plugins = in_process_plugins()

    def register(plugin: object, name: str) -> object:
        if name in plugins:
            raise ValueError(f"a plugin named {name!r} is already registered in this process")
        plugins[name] = plugin
        names.append(name)
        return plugin

    try:
        yield register
    finally:
        for name in names:
            plugins.pop(name, None)


@pytest.fixture
def sync_events(register_plugin: Callable[[object, str], object]) -> EventRecorder:
    """An :class:`EventRecorder` registered for one test (make the ``Hub`` after requesting it)."""
    recorder = EventRecorder()
    register_plugin(recorder, "hrishub-test-event-recorder")
    return recorder
