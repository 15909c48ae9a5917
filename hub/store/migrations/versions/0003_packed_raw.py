"""Raw provider data is stored packed (orjson + zlib) instead of as JSON text.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import json
import zlib

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_records = sa.table(
    "records",
    sa.column("seq", sa.Integer),
    sa.column("raw", sa.Text),
    sa.column("raw_packed", sa.LargeBinary),
)


def upgrade() -> None:
    """Pack every stored raw value; staged rows are transient and are dropped."""
    op.execute("DELETE FROM staged")
    with op.batch_alter_table("staged") as batch:
        batch.drop_column("raw")
        batch.add_column(sa.Column("raw", sa.LargeBinary(), nullable=True))
    op.add_column("records", sa.Column("raw_packed", sa.LargeBinary(), nullable=True))
    db = op.get_bind()
    rows = db.execute(sa.select(_records.c.seq, _records.c.raw).where(_records.c.raw.is_not(None))).all()
    for seq, raw in rows:
        packed = zlib.compress(orjson.dumps(json.loads(raw)), 1)
        db.execute(sa.update(_records).where(_records.c.seq == seq).values(raw_packed=packed))
    with op.batch_alter_table("records") as batch:
        batch.drop_column("raw")
        batch.alter_column("raw_packed", new_column_name="raw")


def downgrade() -> None:
    """Store raw values as JSON text again."""
    op.execute("DELETE FROM staged")
    with op.batch_alter_table("staged") as batch:
        batch.drop_column("raw")
        batch.add_column(sa.Column("raw", sa.Text(), nullable=True))
    op.add_column("records", sa.Column("raw_text", sa.Text(), nullable=True))
    db = op.get_bind()
    packed_rows = sa.table(
        "records",
        sa.column("seq", sa.Integer),
        sa.column("raw", sa.LargeBinary),
        sa.column("raw_text", sa.Text),
    )
    query = sa.select(packed_rows.c.seq, packed_rows.c.raw).where(packed_rows.c.raw.is_not(None))
    for seq, raw in db.execute(query).all():
        text = json.dumps(orjson.loads(zlib.decompress(raw)))
        db.execute(sa.update(packed_rows).where(packed_rows.c.seq == seq).values(raw_text=text))
    with op.batch_alter_table("records") as batch:
        batch.drop_column("raw")
        batch.alter_column("raw_text", new_column_name="raw")
