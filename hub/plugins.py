"""The plugin registry: finds connector plugins by entry point, validates them, isolates broken ones.

Plugins come from the entry-point group ``hrishub.connectors`` (the built-in UKG Pro connector
included: the hub never imports a provider by name) and from :func:`hub.testing.plugin_registered`
in tests. ``HRISHUB_PLUGINS`` (a comma-separated list of entry-point names) limits which entry
points load. A plugin that fails to import, implements a hook wrongly, raises in a hook, or declares
a connector that does not validate is recorded in :attr:`Registry.failures` with its name, package
and the reason; every other plugin still loads.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

import pluggy

from hub import hookspecs
from hub.connector import Connector
from hub.validation import ConnectorInvalid, validate_connector

__all__ = [
    "ENTRY_POINT_GROUP",
    "PluginFailure",
    "PluginInfo",
    "Registry",
    "in_process_plugins",
    "plugin_registered",
]

ENTRY_POINT_GROUP = "hrishub.connectors"
"""The entry-point group every connector plugin registers under."""

ALLOW_ENV = "HRISHUB_PLUGINS"
"""Environment variable: comma-separated entry-point names; when set, only those load."""

log = logging.getLogger(__name__)

_IN_PROCESS: dict[str, object] = {}


def in_process_plugins() -> dict[str, object]:
    """Plugins registered in this process without an entry point (tests use it via ``hub.testing``)."""
    return _IN_PROCESS


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


@dataclass(frozen=True)
class PluginInfo:
    """Where a loaded plugin came from: its entry-point name, distribution and version."""

    name: str
    package: str = ""
    version: str = ""


@dataclass(frozen=True)
class PluginFailure:
    """A plugin (or one connector of it) that did not load, and why."""

    plugin: str
    package: str
    reason: str
    connector: str = ""

    def __str__(self) -> str:
        what = f"{self.plugin}:{self.connector}" if self.connector else self.plugin
        pkg = f" ({self.package})" if self.package else ""
        return f"{what}{pkg}: {self.reason}"


@dataclass
class Registry:
    """Every loaded connector and transform, and every plugin that failed, for one hub."""

    allow: frozenset[str] | None = None
    connectors: dict[str, Connector] = field(default_factory=dict)
    origins: dict[str, PluginInfo] = field(default_factory=dict)
    transforms: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    field_maps: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    failures: list[PluginFailure] = field(default_factory=list)
    plugins: dict[str, PluginInfo] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)

    @classmethod
    def load(cls, allow: Iterable[str] | None = None) -> Registry:
        """Load every allowed plugin; ``allow`` defaults to ``HRISHUB_PLUGINS`` (unset: all)."""
        if allow is None:
            raw = os.environ.get(ALLOW_ENV, "").strip()
            allow = [n.strip() for n in raw.split(",") if n.strip()] if raw else None
        registry = cls(allow=frozenset(allow) if allow is not None else None)
        registry._register_modules()
        registry._collect_transforms()
        registry._collect_connectors()
        return registry

    # -- loading ---------------------------------------------------------------------------------

    def _fail(self, info: PluginInfo, reason: str, connector: str = "") -> None:
        failure = PluginFailure(plugin=info.name, package=info.package, reason=reason, connector=connector)
        log.warning("plugin not loaded: %s", failure)
        self.failures.append(failure)

    def _candidates(self) -> Iterator[tuple[PluginInfo, Callable[[], object]]]:
        # Sorted, so which of two clashing plugins wins never depends on the file system's order.
        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if self.allow is not None and ep.name not in self.allow:
                continue
            dist = getattr(ep, "dist", None)
            info = PluginInfo(ep.name, dist.name if dist else "", dist.version if dist else "")
            yield info, ep.load
        for name, plugin in list(_IN_PROCESS.items()):
            yield PluginInfo(name, "(in process)", ""), lambda plugin=plugin: plugin

    def _register_modules(self) -> None:
        for info, load in self._candidates():
            if info.name in self.plugins:
                self._fail(info, f"a plugin named {info.name!r} is already loaded")
                continue
            try:
                plugin = load()
                self.pm.register(plugin, name=info.name)
            except Exception as exc:  # a broken plugin must never take the hub down
                self._fail(info, _reason(exc))
                continue
            self.plugins[info.name] = info
        self._drop_unmatched_hooks()

    def announce(self, event: Any) -> None:
        """Hand ``event`` to every ``sync_event`` listener; one that raises is logged, not fatal."""
        for impl in self.pm.hook.sync_event.get_hookimpls():
            try:
                impl.function(event=event)
            except Exception:
                log.exception(
                    "sync_event listener %s failed on %s; carrying on", impl.plugin_name, event.type
                )

    def _drop_unmatched_hooks(self) -> None:
        """``check_pending`` for each plugin: a hook implementation with no spec is a load error."""
        while True:
            try:
                self.pm.check_pending()
                return
            except pluggy.PluginValidationError as exc:
                name = self.pm.get_name(exc.plugin) or "?"
                self.pm.unregister(exc.plugin)
                self._fail(self.plugins.pop(name, PluginInfo(name)), _reason(exc))

    def _impls(self, hook: str) -> Iterator[tuple[PluginInfo, Callable[..., Any]]]:
        for impl in getattr(self.pm.hook, hook).get_hookimpls():
            yield self.plugins[impl.plugin_name], impl.function

    def _collect_transforms(self) -> None:
        from field_maps import BUILTIN_TRANSFORMS

        self.transforms.update(BUILTIN_TRANSFORMS)
        for info, function in self._impls("register_transforms"):
            offered: dict[str, Callable[[Any], Any]] = {}

            def register(name: str, fn: Callable[[Any], Any], _offered: dict = offered) -> None:
                if not isinstance(name, str) or not name or not callable(fn):
                    raise TypeError("register(name, function) takes a non-empty name and a callable")
                if name in self.transforms or name in _offered:
                    raise ValueError(f"transform name {name!r} is already registered")
                _offered[name] = fn

            try:
                function(register=register)
            except Exception as exc:
                self._fail(info, f"register_transforms failed: {_reason(exc)}")
                continue
            self.transforms.update(offered)

    def _collect_connectors(self) -> None:
        for info, function in self._impls("register_connectors"):
            offered: list[Connector] = []
            try:
                function(register=offered.append)
            except Exception as exc:
                self._fail(info, f"register_connectors failed: {_reason(exc)}")
                continue
            for connector in offered:
                self._admit(info, connector)

    def _admit(self, info: PluginInfo, connector: object) -> None:
        name = getattr(connector, "name", "")
        if isinstance(name, str) and name in self.connectors:
            other = self.origins[name].name
            self._fail(info, f"connector name {name!r} is already provided by plugin {other!r}", name)
            return
        try:
            maps = validate_connector(connector, self.transforms)
        except ConnectorInvalid as exc:
            self._fail(info, str(exc), name if isinstance(name, str) else "")
            return
        assert isinstance(connector, Connector)
        self.connectors[connector.name] = connector
        self.origins[connector.name] = info
        self.field_maps[connector.name] = maps


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
