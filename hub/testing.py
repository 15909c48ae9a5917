"""Helpers for testing the hub and connector plugins.

``plugin_registered`` registers a plugin for the duration of a ``with`` block (the
``register_plugin`` pytest fixture does it for one test) and always unregisters it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from hub.plugins import in_process_plugins

__all__ = ["plugin_registered", "register_plugin"]


@contextmanager
def plugin_registered(plugin: object, name: str) -> Iterator[object]:
    """Make every ``Hub()`` created inside the block load ``plugin`` as if it had an entry point."""
    plugins = in_process_plugins()
    if name in plugins:
        raise ValueError(f"a plugin named {name!r} is already registered in this process")
    plugins[name] = plugin
    try:
        yield plugin
    finally:
        plugins.pop(name, None)


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
