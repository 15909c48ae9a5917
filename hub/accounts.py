"""Linked accounts: their credentials (never shown), options, and permissions report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hub.connector import Action, Connector

__all__ = ["Account", "AccountOptions", "ActionStatus", "Credentials", "PermissionReport", "build_report"]


class Credentials:
    """A linked account's normalised credentials; ``repr`` and ``str`` never show a value."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)

    def reveal(self) -> dict[str, Any]:
        """The values themselves, for the connector's client factory only."""
        return dict(self._values)

    def __repr__(self) -> str:
        return f"Credentials({', '.join(sorted(self._values))}: <redacted>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Credentials) and other._values == self._values

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._values)))


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


@dataclass(frozen=True)
class AccountOptions:
    """Per-account choices: field overrides per model, employee filters, the provider's time zone.

    ``include_sensitive`` lets the account read sensitive fields (national id, date of birth,
    ethnicity); off by default, they are then returned empty.
    """

    overrides: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    include_sensitive: bool = False
    filters: Mapping[str, Any] = field(default_factory=dict)
    time_zone: str = "UTC"


@dataclass(frozen=True)
class Account:
    """A linked provider account."""

    id: str
    connector: str
    credentials: Credentials = field(repr=False)
    permissions: PermissionReport
    options: AccountOptions = field(default_factory=AccountOptions)
