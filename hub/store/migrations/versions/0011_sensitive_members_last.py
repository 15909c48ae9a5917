"""Stored records keep their sensitive members last, as a sync now writes them.

A sync writes each record's sensitive members (``Employee.ethnicity``, ``national_id``,
``date_of_birth``; a dependent's and a bank account's) at the end of its JSON, so that a page for an
account that may not see them cuts them off the stored bytes instead of parsing every record
(:func:`hub.store.reads.encoded_page`). This moves them there in records written before. Values,
sealed or not, stay as they are, and so does each hash (it covers the record before it was stored,
not the stored text). Earlier versions read members in any order: the downgrade changes nothing.

The fields are frozen here as they are at this revision, not imported from the models.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SENSITIVE: dict[str, tuple[str, ...]] = {
    "Employee": ("ethnicity", "national_id", "date_of_birth"),
    "Dependent": ("date_of_birth", "national_id", "is_disabled"),
    "BankInfo": ("account_number",),
}

BATCH = 2_000

_records = sa.table(
    "records",
    sa.column("seq", sa.Integer),
    sa.column("model", sa.String),
    sa.column("data", sa.Text),
)


def _last(data: str, names: tuple[str, ...]) -> str:
    """``data`` (a record's JSON) with the members ``names`` it holds moved to its end, in that order."""
    parsed = orjson.loads(data)
    if not isinstance(parsed, dict):
        return data
    moved = {name: parsed.pop(name) for name in names if name in parsed}
    parsed.update(moved)
    return orjson.dumps(parsed).decode()


def upgrade() -> None:
    """Move the sensitive members of every stored record to its end."""
    db = op.get_bind()
    after = 0
    while True:
        rows = db.execute(
            sa.select(_records.c.seq, _records.c.model, _records.c.data)
            .where(_records.c.seq > after, _records.c.model.in_(list(SENSITIVE)))
            .order_by(_records.c.seq)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        after = rows[-1].seq
        changed = []
        for row in rows:
            text = _last(row.data, SENSITIVE[row.model])
            if text != row.data:
                changed.append({"b_seq": row.seq, "b_data": text})
        if changed:
            db.execute(
                sa.update(_records)
                .where(_records.c.seq == sa.bindparam("b_seq"))
                .values(data=sa.bindparam("b_data")),
                changed,
            )


def downgrade() -> None:
    """Nothing to undo: earlier versions read a record's members in any order."""
