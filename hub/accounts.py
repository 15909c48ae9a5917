"""Linked accounts: their credentials (never shown), options, and permissions report."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hub.connector import Action, Connector

__all__ = [
    "FILTER_KEYS",
    "LINKED",
    "NEEDS_ATTENTION",
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

FILTER_KEYS = ("company", "group", "status")
"""Employee filters an account may set: company and org unit (by the provider's id or code, or the
hub id) and employment status (``ACTIVE``, ``PENDING``, ``INACTIVE``, ``TERMINATED``)."""


def _is_zone(name: Any) -> bool:
    if not isinstance(name, str) or not name or len(name) > 64:
        return False
    try:
        ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        return False
    return True


@dataclass(frozen=True)
class AccountOptions:
    """Per-account choices: field overrides per model, employee filters, the provider's time zone.

    ``include_sensitive`` lets the account read sensitive fields (national id, date of birth,
    ethnicity); off by default, they are then returned empty. ``filters`` limits which employees
    are imported: ``{"company": [...], "group": [...], "status": [...]}`` (see :data:`FILTER_KEYS`);
    an employee is kept when it matches every filter given. ``sync_every`` is the worker's schedule.
    """

    overrides: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    include_sensitive: bool = False
    filters: Mapping[str, Any] = field(default_factory=dict)
    time_zone: str = "UTC"
    sync_every_hours: float = 24.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "overrides": {k: dict(v) for k, v in self.overrides.items()},
            "include_sensitive": self.include_sensitive,
            "filters": {k: list(v) for k, v in self.filters.items()},
            "time_zone": self.time_zone,
            "sync_every_hours": self.sync_every_hours,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccountOptions:
        """Options from their JSON form, every issue reported at once (:class:`InputError`)."""
        from hub.errors import FieldIssue, InvalidOptions

        issues: list[FieldIssue] = []
        known = {"overrides", "include_sensitive", "filters", "time_zone", "sync_every_hours"}
        for name in sorted(set(data) - known):
            issues.append(FieldIssue(name, "is not an account option.", f"Use one of {sorted(known)}."))
        filters = data.get("filters") or {}
        if not isinstance(filters, Mapping):
            issues.append(FieldIssue("filters", "must be an object.", 'Send {"status": ["ACTIVE"]}.'))
            filters = {}
        for name, values in filters.items():
            if name not in FILTER_KEYS:
                issues.append(
                    FieldIssue(f"filters.{name}", "is not a filter.", f"Filter by {', '.join(FILTER_KEYS)}.")
                )
            elif not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
                issues.append(
                    FieldIssue(f"filters.{name}", "must be a non-empty list of text.", 'Send ["value", ...].')
                )
        if "status" in filters and isinstance(filters["status"], list):
            from unified_models import EmploymentStatus

            valid = {s.value for s in EmploymentStatus}
            for value in filters["status"]:
                if value not in valid:
                    issues.append(
                        FieldIssue("filters.status", f"{value!r} is not a status.", f"Use {sorted(valid)}.")
                    )
        sensitive = data.get("include_sensitive", False)
        if not isinstance(sensitive, bool):
            # bool("false") is True: a text or number here must never switch sensitive data on.
            issues.append(
                FieldIssue(
                    "include_sensitive", "must be true or false.", "Send the JSON boolean true or false."
                )
            )
        every = data.get("sync_every_hours", 24.0)
        if isinstance(every, bool) or not isinstance(every, int | float) or not 0.5 <= every <= 24 * 30:
            issues.append(
                FieldIssue(
                    "sync_every_hours",
                    "must be a number of hours from 0.5 to 720.",
                    "Use 0.5 to 720 (default 24).",
                )
            )
        overrides = data.get("overrides") or {}
        if not isinstance(overrides, Mapping):
            issues.append(FieldIssue("overrides", "must be an object.", "Send {model: {field: source}}."))
            overrides = {}
        for model, fields in overrides.items():
            if not isinstance(fields, Mapping):
                issues.append(
                    FieldIssue(f"overrides.{model}", "must be an object.", 'Send {"first_name": "person.x"}.')
                )
        zone = data.get("time_zone", "UTC")
        if not _is_zone(zone):
            issues.append(
                FieldIssue(
                    "time_zone", "is not a known time zone.", "Use an IANA name such as America/Chicago."
                )
            )
        try:
            json.dumps(dict(data), ensure_ascii=False).encode("utf-8")
        except (UnicodeEncodeError, TypeError, ValueError):
            issues.append(
                FieldIssue("options", "hold text that is not valid Unicode.", "Send plain UTF-8 text.")
            )
        if issues:
            raise InvalidOptions(issues)
        return cls(
            overrides=dict(overrides),
            include_sensitive=sensitive is True,
            filters={k: list(v) for k, v in filters.items()},
            time_zone=str(data.get("time_zone", "UTC")),
            sync_every_hours=float(every),
        )


@dataclass(frozen=True)
class Account:
    """A linked provider account."""

    id: str
    connector: str
    credentials: Credentials = field(repr=False)
    permissions: PermissionReport
    options: AccountOptions = field(default_factory=AccountOptions)
    customer_id: str | None = None
