"""Identifiers shaped like UKG Pro's, and a stable integer hash for lazily derived data.

UKG's ids seen in public samples: company ids of 5 upper-case letters/digits (``6Y4NV``, ``HDLBX``),
employee and system ids of 12 (``EQKKKU000020``, ``96ZZ520000K0``: 6 base-36 characters, then a
mostly-zero run and a short tenant suffix), zero-padded 9-digit employee numbers (``000012444``) and
GUIDs for person, address and phone ids.

Python's ``hash()`` of a string changes from process to process; everything here derives from
integers only, so the same seed gives the same tenant in every process.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

__all__ = [
    "BASE36",
    "company_id",
    "employee_number",
    "guid",
    "hashed_guid",
    "mix",
    "pick",
    "unique_employee_id",
    "unit",
]

T = TypeVar("T")

BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_MASK = (1 << 64) - 1
_MIDDLES = ("0000", "0000", "0010", "0020")
_VARIANT = "89ab"


def mix(*parts: int) -> int:
    """A stable 64-bit hash of integers (splitmix64 finaliser, chained)."""
    x = 0x243F6A8885A308D3
    for part in parts:
        x = (x ^ (part & _MASK)) + 0x9E3779B97F4A7C15 & _MASK
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9 & _MASK
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB & _MASK
        x ^= x >> 31
    return x


def unit(h: int) -> float:
    """Map a 64-bit hash to a float in [0, 1)."""
    return (h >> 11) / 9007199254740992.0


def pick(items: Sequence[T], h: int) -> T:
    """Choose one item by a hash."""
    return items[h % len(items)]


def company_id(rng: random.Random) -> str:
    """A 5-character company id with at least one letter, e.g. ``6Y4NV``."""
    chars = [rng.choice(BASE36) for _ in range(5)]
    if not any(c.isalpha() for c in chars):
        chars[rng.randrange(5)] = rng.choice(_LETTERS)
    return "".join(chars)


def unique_employee_id(rng: random.Random, suffix: str, taken: set[str]) -> str:
    """A new 12-character employee or system id like ``EQKKKU0000K0``, not in ``taken`` (which it joins)."""
    while True:
        bits = rng.getrandbits(34)
        v = bits >> 2
        head = (
            BASE36[v % 36]
            + BASE36[v // 36 % 36]
            + BASE36[v // 1296 % 36]
            + BASE36[v // 46656 % 36]
            + BASE36[v // 1679616 % 36]
            + BASE36[v // 60466176 % 36]
        )
        value = f"{head}{_MIDDLES[bits & 3]}{suffix}"
        if value not in taken:
            taken.add(value)
            return value


def hashed_guid(*parts: int) -> str:
    """A GUID derived from integers (for ids built on request rather than stored)."""
    v = mix(*parts) << 64 | mix(*parts, 0x6A09E667)
    h = f"{v:032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[v & 3]}{h[17:20]}-{h[20:]}"


def employee_number(n: int) -> str:
    """UKG's zero-padded 9-digit employee number."""
    return f"{n:09d}"


def guid(rng: random.Random) -> str:
    """A random (version 4) GUID in lower case, as UKG returns person and address ids."""
    v = rng.getrandbits(128)
    h = f"{v:032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[v & 3]}{h[17:20]}-{h[20:]}"
