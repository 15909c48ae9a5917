"""How a record's raw provider data is kept: compact JSON (orjson), zlib-compressed.

Raw records are most of what a sync writes (a UKG employee's three source rows are several KB of
JSON); compressing them cuts the store's writes and size several times for a few microseconds each.
"""

from __future__ import annotations

import zlib
from typing import Any

import orjson

__all__ = ["pack_raw", "unpack_raw"]


def pack_raw(raw: Any) -> bytes:
    """``raw`` (JSON-ready) as compressed bytes; the same value always packs to the same bytes."""
    return zlib.compress(orjson.dumps(raw, default=str), 1)


def unpack_raw(packed: bytes) -> Any:
    """The value :func:`pack_raw` packed."""
    return orjson.loads(zlib.decompress(packed))
