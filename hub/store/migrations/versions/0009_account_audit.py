"""Account audit log: one row per account action (link, credentials, options, pause, resume, delete, sync).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hub.store.tables import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "account_audit",
        sa.Column("id", _SEQ, autoincrement=True, nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=True),
        sa.Column("customer_id", sa.String(length=40), nullable=True),
        sa.Column("actor", sa.String(length=16), nullable=False),
        sa.Column("key_prefix", sa.String(length=16), nullable=True),
        sa.Column("user", sa.String(length=120), nullable=True),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("problem", sa.String(length=60), nullable=True),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_audit")),
    )
    op.create_index(
        op.f("ix_account_audit_account_id_id"), "account_audit", ["account_id", "id"], unique=False
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(op.f("ix_account_audit_account_id_id"), table_name="account_audit")
    op.drop_table("account_audit")
