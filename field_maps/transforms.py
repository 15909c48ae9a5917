"""The built-in named transforms and the registry type plugins extend.

A transform is a plain callable of one value. Maps refer to it by name (``transform: country_alpha2``),
never by import path; plugins add names through the hub's ``register_transforms`` hook. The names
below are stable public API. A transform is never called with ``None``: a missing value passes
through untouched (use ``default`` for a fallback). A transform signals a bad value by raising
:class:`~field_maps.errors.MappingError`; any other exception is reported the same way, with the
transform's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import pycountry

from field_maps.errors import MappingError
from field_maps.parsers import parse_boolean

__all__ = [
    "ALPHA2",
    "BUILTIN_TRANSFORMS",
    "TRANSFORM_NAME",
    "Transform",
    "country_alpha2",
    "lower",
    "strip",
    "upper",
]

Transform = Callable[[Any], Any]
"""A named transform: one value in, one value out."""

TRANSFORM_NAME = re.compile(r"[a-z][a-z0-9_]*")
"""What a transform name looks like: lower snake case, so it can never be an import path."""

# Common names that are not ISO codes or ISO names but are what people type.
_COUNTRY_ALIASES = {
    "UK": "GB",
    "U.K.": "GB",
    "GREAT BRITAIN": "GB",
    "ENGLAND": "GB",
    "SCOTLAND": "GB",
    "WALES": "GB",
    "NORTHERN IRELAND": "GB",
    "U.S.": "US",
    "U.S.A.": "US",
    "AMERICA": "US",
    "RUSSIA": "RU",
    "SOUTH KOREA": "KR",
    "KOREA": "KR",
    "NORTH KOREA": "KP",
    "TAIWAN": "TW",
    "VIETNAM": "VN",
    "IVORY COAST": "CI",
    "CZECHIA": "CZ",
    "HOLLAND": "NL",
}


def _text(name: str, value: Any) -> str:
    if isinstance(value, str):
        return value
    raise MappingError(None, None, f"{name} needs text, got {value!r}")


def strip(value: Any) -> str | None:
    """Text without leading and trailing whitespace; empty becomes ``None``."""
    return _text("strip", value).strip() or None


def upper(value: Any) -> str:
    """Text in upper case."""
    return _text("upper", value).upper()


def lower(value: Any) -> str:
    """Text in lower case."""
    return _text("lower", value).lower()


@lru_cache(maxsize=4096)
def _country(text: str) -> str | None:
    key = " ".join(text.split()).upper()
    if not key:
        return None
    if key in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[key]
    try:
        return str(pycountry.countries.lookup(key).alpha_2)
    except LookupError:
        return None


ALPHA2 = r"^[A-Z]{2}$"
"""What :func:`country_alpha2` returns: two upper-case letters (the pattern of ``unified_models.CountryCode``,
so a compiled map stores its results without validating them)."""


def country_alpha2(value: Any) -> str | None:
    """ISO 3166-1 alpha-2 from alpha-3 (``USA`` → ``US``, ``CAN`` → ``CA``), alpha-2, numeric or a name.

    An unknown country gives ``None``, not an error: the raw value stays in ``remote_data``. A code is
    always two upper-case letters (:data:`ALPHA2`).
    """
    if value.__class__ is str:
        return _country(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return _country(f"{value:03d}")
    raise MappingError(None, None, f"country_alpha2 needs text, got {value!r}")


BUILTIN_TRANSFORMS: Mapping[str, Transform] = MappingProxyType(
    {
        "strip": strip,
        "upper": upper,
        "lower": lower,
        "country_alpha2": country_alpha2,
        "yes_no": parse_boolean,
    }
)
"""The transforms every map may name. ``yes_no`` is the parser behind ``type: boolean``; a provider's own
date formats come from its plugin (``register_transforms``)."""
