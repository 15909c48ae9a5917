"""The field-map transforms this connector registers (``register_transforms``)."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["TRANSFORMS", "code"]

_SEPARATORS = re.compile(r"[\s_\-/.]+")


def code(value: Any) -> str | None:
    """A typed code in the form the maps' enum tables use: lower case, one space between words.

    ``"Full-Time"``, ``"full_time"`` and ``" FULL  TIME "`` all become ``"full time"``, so a table lists
    each value once however a spreadsheet spells it.
    """
    if not isinstance(value, str):
        value = str(value)
    words = _SEPARATORS.split(value.casefold())
    return " ".join(w for w in words if w) or None


TRANSFORMS = {"csv_files_code": code}
"""Name → transform, as maps refer to them (``transform: csv_files_code``)."""
