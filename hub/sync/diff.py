"""Field-level differences between two versions of a unified record, for ``*.updated`` events."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["diff_records", "flatten"]

_IGNORED = frozenset({"id"})


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"home_address": {"city": "X"}}`` → ``{"home_address.city": "X"}``; lists stay whole."""
    out: dict[str, Any] = {}
    for name, value in data.items():
        path = f"{prefix}{name}"
        if isinstance(value, Mapping) and value and name != "custom_fields":
            out.update(flatten(value, path + "."))
        else:
            out[path] = value
    return out


def diff_records(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Each changed field (dotted for nested ones) → ``(before, after)``."""
    old, new = flatten(before), flatten(after)
    changes: dict[str, tuple[Any, Any]] = {}
    for name in dict.fromkeys([*old, *new]):
        if name in _IGNORED:
            continue
        a, b = old.get(name), new.get(name)
        if a != b:
            changes[name] = (a, b)
    return changes
