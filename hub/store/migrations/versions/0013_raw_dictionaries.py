"""The zstd dictionaries raw data is packed with, one per account and model.

Downgrading packs the raw data that names a dictionary again without one (as revision 0012 reads
it), then drops the table.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
import zstandard
from alembic import op

from hub.store.tables import UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_SEALED = b"S1"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_CHUNK = 1000


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "raw_dictionaries",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("model", sa.String(length=40), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_raw_dictionaries_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_raw_dictionaries")),
    )
    op.create_index(
        op.f("ix_raw_dictionaries_account_id_model"),
        "raw_dictionaries",
        ["account_id", "model"],
        unique=False,
    )


def _without_dictionary(packed: bytes, dictionaries: dict[int, bytes]) -> bytes | None:
    """``packed`` packed again without its dictionary (None: it names none)."""
    prefix = _SEALED if packed[:2] == _SEALED else b""
    frame = packed[len(prefix) :]
    if frame[:4] != _ZSTD_MAGIC or not frame[4] & 3:
        return None
    dictionary_id = zstandard.get_frame_parameters(frame).dict_id
    opened = zstandard.ZstdDecompressor(dict_data=zstandard.ZstdCompressionDict(dictionaries[dictionary_id]))
    return prefix + zstandard.ZstdCompressor(level=1).compress(opened.decompress(frame))


def downgrade() -> None:
    """Revert this revision."""
    db = op.get_bind()
    dictionaries = {int(i): bytes(d) for i, d in db.execute(sa.text("SELECT id, data FROM raw_dictionaries"))}
    if dictionaries:
        last = 0
        while True:
            rows = db.execute(
                sa.text(
                    "SELECT seq, raw FROM records WHERE seq > :last AND raw IS NOT NULL ORDER BY seq LIMIT :n"
                ),
                {"last": last, "n": _CHUNK},
            ).all()
            if not rows:
                break
            last = rows[-1].seq
            for seq, raw in rows:
                packed = _without_dictionary(bytes(raw), dictionaries)
                if packed is not None:
                    db.execute(
                        sa.text("UPDATE records SET raw = :raw WHERE seq = :seq"), {"raw": packed, "seq": seq}
                    )
    op.drop_index(op.f("ix_raw_dictionaries_account_id_model"), table_name="raw_dictionaries")
    op.drop_table("raw_dictionaries")
