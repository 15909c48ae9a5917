"""Stored records take the JSON forms the models now write: amounts as numbers, instants in one form.

Amounts (``pay_rate``, time-off ``balance``, ``used``, ``accrued``, ``pending``, ``amount``) were strings
(``"337198.07"``) and become JSON numbers (an integer when whole); instants (``remote_modified_at``,
``remote_created_at``, ``start_time``, ``end_time`` and instants among ``custom_fields``) were written
``2025-06-02T09:30:00Z`` or with six fractional digits, and now always carry six. Each rewritten row gets
the hash a sync computes for that data, so the next sync sees no change (and announces none).

The rules are frozen here as they are at this revision, not imported from the models.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

import orjson
import sqlalchemy as sa
import zstandard
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

AMOUNTS: dict[str, tuple[str, ...]] = {
    "Employment": ("pay_rate",),
    "TimeOffBalance": ("balance", "used", "accrued", "pending"),
    "TimeOffRequest": ("amount",),
}
INSTANTS: dict[str, tuple[str, ...]] = {
    "Employee": ("remote_modified_at", "remote_created_at"),
    "TimeOffRequest": ("remote_modified_at", "start_time", "end_time"),
}
"""Instant fields besides ``remote_modified_at``, which every model has."""

BATCH = 2_000

_OLD_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{6})?Z")
_NEW_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")

_records = sa.table(
    "records",
    sa.column("seq", sa.Integer),
    sa.column("model", sa.String),
    sa.column("hash", sa.String),
    sa.column("data", sa.Text),
    sa.column("raw", sa.LargeBinary),
)


def _number(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    if not value.is_finite():
        return text
    return int(value) if value == value.to_integral_value() else float(value)


def _text(number: Any) -> Any:
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        return number
    return str(Decimal(repr(number)) if isinstance(number, float) else number)


def _six_digits(text: Any) -> Any:
    if isinstance(text, str) and _OLD_INSTANT.fullmatch(text) and len(text) == 20:
        return text[:-1] + ".000000Z"
    return text


def _short(text: Any) -> Any:
    # As pydantic wrote an instant before: the fraction only when not zero.
    if isinstance(text, str) and _NEW_INSTANT.fullmatch(text) and text.endswith(".000000Z"):
        return text[:-8] + "Z"
    return text


def _rewrite(
    data: dict[str, Any], model: str, amount: Callable[[Any], Any], instant: Callable[[Any], Any]
) -> None:
    for name in AMOUNTS.get(model, ()):
        if data.get(name) is not None:
            data[name] = amount(data[name])
    for name in INSTANTS.get(model, ("remote_modified_at",)):
        if data.get(name) is not None:
            data[name] = instant(data[name])
    custom = data.get("custom_fields")
    if isinstance(custom, dict):
        for label, value in custom.items():
            custom[label] = instant(value)


def _migrate(amount: Callable[[Any], Any], instant: Callable[[Any], Any]) -> None:
    db = op.get_bind()
    after = 0
    while True:
        rows = db.execute(
            sa.select(_records.c.seq, _records.c.model, _records.c.data, _records.c.raw)
            .where(_records.c.seq > after)
            .order_by(_records.c.seq)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        after = rows[-1].seq
        changed = []
        for row in rows:
            data = orjson.loads(row.data)
            _rewrite(data, row.model, amount, instant)
            text = orjson.dumps(data).decode()
            if text != row.data:
                # The hash hub.sync.staging gives a record: its data, then its raw data's JSON.
                digest = hashlib.sha256(text.encode())
                if row.raw is not None:
                    digest.update(b"\0" + _raw_json(row.raw))
                changed.append({"b_seq": row.seq, "b_data": text, "b_hash": digest.hexdigest()})
        if changed:
            db.execute(
                sa.update(_records)
                .where(_records.c.seq == sa.bindparam("b_seq"))
                .values(data=sa.bindparam("b_data"), hash=sa.bindparam("b_hash")),
                changed,
            )


def _raw_json(packed: bytes) -> bytes:
    """Packed raw data's JSON: zstd or zlib, after the sealed marker if any (as hub.store.codec packs it)."""
    if packed[:2] == b"S1":
        packed = packed[2:]
    if packed[:4] == b"\x28\xb5\x2f\xfd":
        return zstandard.ZstdDecompressor().decompress(packed)  # type: ignore[no-any-return]
    return zlib.decompress(packed)


def upgrade() -> None:
    """Amounts as JSON numbers, instants with six fractional digits."""
    _migrate(_number, _six_digits)


def downgrade() -> None:
    """Amounts as text again, instants without a zero fraction (the values stay equal)."""
    _migrate(_text, _short)
