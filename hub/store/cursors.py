"""Page cursors that hold one position in the store: opaque to callers, checked when they come back.

A cursor is ``{"<kind>": position}`` as JSON in unpadded base64url. The kind names what the position
counts (``s`` a record's position, ``o`` a live read's offset, ``e`` an event, ``d`` a webhook delivery,
``a`` an audit entry, ``b`` a passthrough log entry), so a cursor of one list is refused by another.
"""

from __future__ import annotations

import base64
import binascii
import json

from hub.errors import InputError

__all__ = ["decode_position", "encode_position"]

_LARGEST = 2**63 - 1
"""A database integer (64-bit) holds every real position; anything larger is forged."""


def encode_position(position: int, kind: str) -> str:
    """The cursor for ``position`` of ``kind``."""
    return base64.urlsafe_b64encode(json.dumps({kind: position}).encode()).decode().rstrip("=")


def decode_position(
    cursor: str,
    kind: str,
    *,
    what: str,
    remedy: str = "Pass next_cursor from the previous page unchanged.",
) -> int:
    """The position a cursor of ``kind`` holds; an :class:`InputError` naming ``what`` for any other text."""
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))[kind]
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < _LARGEST:
            raise ValueError
        return value
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InputError(f"The cursor is not one this hub issued for {what}.", remedy=remedy) from None
