"""Operator settings read from the environment: a malformed one stops the hub with its fix."""

from __future__ import annotations

import math
import os

from hub.errors import InvalidSetting

__all__ = ["count", "positive_number"]


def positive_number(name: str, default: float, *, unit: str) -> float:
    """The positive, finite number in environment variable ``name`` (``default`` when unset or empty).

    Anything else is an :class:`hub.errors.InvalidSetting` naming the variable, the ``unit`` (``seconds``,
    ``days``) and an example.
    """
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise InvalidSetting(
            name,
            f"is {text!r}, not a positive number of {unit}.",
            remedy=f"Set {name} to a positive number of {unit}, e.g. {default:g}.",
        )
    return value


def count(name: str, default: int) -> int:
    """The whole number (0 or more) in environment variable ``name`` (``default`` when unset or empty).

    Anything else is an :class:`hub.errors.InvalidSetting` naming the variable and an example.
    """
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit():
        raise InvalidSetting(
            name,
            f"is {text!r}, not a whole number.",
            remedy=f"Set {name} to a whole number, 0 or more (e.g. {default}), or leave it unset.",
        )
    return int(text)
