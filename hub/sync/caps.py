"""Size caps on what a provider sends, so one bad record cannot bloat the store or every answer.

A provider record is kept even when one of its values is too large: that value is not stored (its
unified field is left empty, its raw member set to null) and the run report lists it per record
(:class:`hub.sync.report.Oversized`: remote id, field, size, cap) with a warning on the model. The
record is not skipped: a full read that skipped it would delete the stored copy (and announce the
employee as deleted), which is worse for every app than one empty field.

Checking costs nothing for ordinary records: a record's JSON is measured anyway, and only one over
:data:`MAX_VALUE_BYTES` in total is looked at field by field.
"""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel

from unified_models import HUB_FIELDS

__all__ = ["MAX_RAW_BYTES", "MAX_REMOTE_ID_CHARS", "MAX_VALUE_BYTES", "cap_fields", "cap_raw"]

MAX_VALUE_BYTES = 64 * 1024
"""The most one value may take, in UTF-8 bytes of its JSON: a unified field (a nested one such as
``home_address`` as a whole) or one text member of the raw provider data. No HR value (a name, a job
title, a note) comes near it; what exceeds it is not stored."""

MAX_RAW_BYTES = 1024 * 1024
"""The most a record's raw provider data may take in total (its JSON, after oversized members were
emptied). Larger raw data is not stored at all (``remote_data`` is null for that record)."""

MAX_REMOTE_ID_CHARS = 200
"""The longest remote id a record may have (the store's column): a record with a longer one is refused,
as a record error, since it could not be found again by it."""


def _size(value: Any) -> int:
    if isinstance(value, str):
        return len(value.encode()) + 2
    if isinstance(value, BaseModel):
        return len(value.model_dump_json())
    return len(orjson.dumps(value, default=str))


def cap_fields(record: BaseModel) -> tuple[BaseModel, dict[str, int]]:
    """``record`` with each field over :data:`MAX_VALUE_BYTES` emptied, and those fields' sizes."""
    over = {}
    for name, value in record.__dict__.items():
        if name in HUB_FIELDS or value is None:
            continue
        size = _size(value)
        if size > MAX_VALUE_BYTES:
            over[name] = size
    if not over:
        return record, over
    return record.model_copy(update=dict.fromkeys(over)), over


def cap_raw(raw: Any) -> tuple[Any, dict[str, int]]:
    """Raw data with each text member over :data:`MAX_VALUE_BYTES` set to null, and what was cut.

    The raw data is None when, even so, it is over :data:`MAX_RAW_BYTES`. What was cut maps
    ``remote_data.<record>.<member>`` (or ``remote_data``, the whole) to its size in bytes.
    """
    over: dict[str, int] = {}

    def walk(node: Any, path: str) -> Any:
        if isinstance(node, str):
            size = len(node.encode()) + 2
            if size > MAX_VALUE_BYTES:
                over[path] = size
                return None
            return node
        if isinstance(node, dict):
            return {key: walk(value, f"{path}.{key}") for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value, path) for value in node]
        return node

    capped = walk(raw, "remote_data")
    size = len(orjson.dumps(capped, default=str))
    if size > MAX_RAW_BYTES:
        over["remote_data"] = size
        return None, over
    return capped, over
