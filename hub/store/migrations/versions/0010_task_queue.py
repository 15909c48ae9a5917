"""Task queue: procrastinate's schema (PostgreSQL only) and the provider request slots every worker shares.

Revision ID: 0010
Revises: 0009

The queue's tables and functions are procrastinate's own (``SchemaManager.get_schema()``, of the
procrastinate version the lock file pins). A later procrastinate release that changes its schema comes
with a migration of ours applying its migration files (see docs/deploying.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hub.store.tables import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "provider_slots",
        sa.Column("budget_key", sa.String(length=200), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(length=120), nullable=True),
        sa.Column("expires_at", UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("budget_key", "slot", name=op.f("pk_provider_slots")),
    )
    if op.get_bind().dialect.name == "postgresql":
        from procrastinate.schema import SchemaManager

        # Straight to psycopg with no parameters, so the schema's `%` signs are not read as placeholders.
        driver = op.get_bind().connection.driver_connection
        assert driver is not None
        driver.execute(SchemaManager.get_schema())


def downgrade() -> None:
    """Revert this revision."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "DROP TABLE IF EXISTS procrastinate_events, procrastinate_periodic_defers, procrastinate_jobs, "
            "procrastinate_workers CASCADE"
        )
        op.execute("DROP TYPE IF EXISTS procrastinate_job_status, procrastinate_job_event_type CASCADE")
    op.drop_table("provider_slots")
