"""Linked accounts: their credentials (never shown), options, and permissions report."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hub.connector import Action, Connector
from hub.options import FILTER_KEYS, AccountOptions

__all__ = [
    "DELETED",
    "FILTER_KEYS",
    "LINKED",
    "NEEDS_ATTENTION",
    "PAUSED",
    "Account",
    "AccountOptions",
    "ActionStatus",
    "Credentials",
    "PermissionReport",
    "build_report",
]


class Credentials:
    """A linked account's normalised credentials; ``repr`` and ``str`` never show a value.

    ``Credentials.sealed(opener)`` opens them only when first revealed, so reads that never call the
    provider (the unified API on a synced account) never decrypt them.
    """

    __slots__ = ("_opener", "_values")

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values: dict[str, Any] | None = dict(values)
        self._opener: Callable[[], Mapping[str, Any]] | None = None

    @classmethod
    def sealed(cls, opener: Callable[[], Mapping[str, Any]]) -> Credentials:
        """Credentials opened by ``opener`` on first use (a decryption error surfaces then)."""
        made = cls({})
        made._values, made._opener = None, opener
        return made

    def _open(self) -> dict[str, Any]:
        if self._values is None:
            assert self._opener is not None
            self._values = dict(self._opener())
        return self._values

    def reveal(self) -> dict[str, Any]:
        """The values themselves, for the connector's client factory only."""
        return dict(self._open())

    def __repr__(self) -> str:
        if self._values is None:
            return "Credentials(<sealed>)"
        return f"Credentials({', '.join(sorted(self._values))}: <redacted>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Credentials) and other._open() == self._open()

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._open())))


@dataclass(frozen=True)
class ActionStatus:
    """Whether one action is enabled for an account, and what to tick if it is not."""

    enabled: bool
    missing: tuple[str, ...] = ()
    optional_missing: Mapping[str, str] = field(default_factory=dict)
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out: dict[str, Any] = {"enabled": self.enabled, "missing": list(self.missing)}
        if self.optional_missing:
            out["optional_missing"] = dict(self.optional_missing)
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass(frozen=True)
class PermissionReport:
    """What the service account holds, and for each action whether it is enabled and what to tick."""

    granted: tuple[str, ...]
    missing: tuple[str, ...]
    actions: Mapping[str, ActionStatus]
    features: Mapping[str, ActionStatus] = field(default_factory=dict)

    def enabled(self, action: str) -> bool:
        """Whether ``action`` can be called for this account."""
        status = self.actions.get(action)
        return bool(status and status.enabled)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PermissionReport:
        """The report :meth:`to_dict` wrote."""

        def status(item: Mapping[str, Any]) -> ActionStatus:
            return ActionStatus(
                enabled=item["enabled"],
                missing=tuple(item.get("missing", ())),
                optional_missing=dict(item.get("optional_missing", {})),
                reason=item.get("reason", ""),
            )

        return cls(
            granted=tuple(data["granted"]),
            missing=tuple(data["missing"]),
            actions={k: status(v) for k, v in data["actions"].items()},
            features={k: status(v) for k, v in data.get("features", {}).items()},
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "granted": list(self.granted),
            "missing": list(self.missing),
            "actions": {k: v.to_dict() for k, v in self.actions.items()},
            "features": {k: v.to_dict() for k, v in self.features.items()},
        }


def _status(spec: Action, held: Mapping[str, bool]) -> ActionStatus:
    if not spec.supported:
        return ActionStatus(enabled=False, reason=spec.reason)
    missing = tuple(s for s in spec.scopes if not held.get(s))
    optional = {s: adds for s, adds in spec.optional_scopes.items() if not held.get(s)}
    reason = f"Tick {', '.join(repr(s) for s in missing)} on the service account." if missing else ""
    return ActionStatus(enabled=not missing, missing=missing, optional_missing=optional, reason=reason)


def all_permissions(connector: Connector) -> list[str]:
    """Every permission a connector's actions and features may use, required or optional."""
    names: dict[str, None] = {}
    for spec in [*connector.actions.values(), *connector.features.values()]:
        if spec.supported:
            names.update(dict.fromkeys(spec.scopes))
            names.update(dict.fromkeys(spec.optional_scopes))
    return list(names)


def build_report(connector: Connector, held: Mapping[str, bool]) -> PermissionReport:
    """The permissions report from what a probe found the account holds."""
    names = all_permissions(connector)
    return PermissionReport(
        granted=tuple(n for n in names if held.get(n)),
        missing=tuple(n for n in names if not held.get(n)),
        actions={name: _status(spec, held) for name, spec in connector.actions.items()},
        features={name: _status(spec, held) for name, spec in connector.features.items()},
    )


LINKED = "linked"
"""An account's status while its credentials work."""

NEEDS_ATTENTION = "needs_attention"
"""An account's status once the provider refused its credentials: syncs are refused until they change."""

PAUSED = "paused"
"""An account's status while paused: no sync runs (reads of its stored data still work) until resumed."""

DELETED = "deleted"
"""The status of a deleted account's tombstone: no credentials, data or events left; not found anywhere."""


@dataclass(frozen=True)
class Account:
    """A linked provider account."""

    id: str
    connector: str
    credentials: Credentials = field(repr=False)
    permissions: PermissionReport
    options: AccountOptions = field(default_factory=AccountOptions)
    customer_id: str | None = None
