"""The ``staged`` table goes: a sync stages its records in a scratch file (``hub.sync.staging``).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision; rows left in ``staged`` belonged to dead runs and are dropped with it."""
    op.drop_table("staged")


def downgrade() -> None:
    """Revert this revision: an empty ``staged`` table, as revisions 0001 to 0003 left it."""
    op.create_table(
        "staged",
        sa.Column("run_id", sa.String(length=40), nullable=False),
        sa.Column("model", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("remote_id", sa.String(length=200), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=True),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("run_id", "model", "id", name=op.f("pk_staged")),
    )
