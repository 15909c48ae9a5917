"""Staged records keep the provider's order.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 17:06:38.483569
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("staged", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("staged", schema=None) as batch_op:
        batch_op.drop_column("position")
