"""Webhooks: the endpoints customers register, one delivery per event and endpoint, and each attempt.

Events may belong to a customer rather than an account (``events.customer_id``).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hub.store.tables import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    """Apply this revision."""
    # Events of a customer rather than of one account (an endpoint disabled) have no account. On
    # SQLite the table is rebuilt with AUTOINCREMENT: an event's position is never given twice, even
    # after the newest events were deleted with their account (cursors and queues rely on it).
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table(
        "events",
        recreate="always" if sqlite else "auto",
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch:
        batch.add_column(sa.Column("customer_id", sa.String(length=40), nullable=True))
        batch.alter_column("account_id", existing_type=sa.String(length=40), nullable=True)
        batch.create_index("ix_events_customer_id_seq", ["customer_id", "seq"])
    op.create_table(
        "webhook_endpoints",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("event_types", sa.Text(), nullable=True),
        sa.Column("account_ids", sa.Text(), nullable=True),
        sa.Column("secrets", sa.Text(), nullable=False),
        sa.Column("previous_until", UTCDateTime(timezone=True), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.Column("after_seq", sa.BigInteger(), nullable=False),
        sa.Column("failing_since", UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_webhook_endpoints_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_endpoints")),
    )
    op.create_index(
        op.f("ix_webhook_endpoints_customer_id"), "webhook_endpoints", ["customer_id"], unique=False
    )
    op.create_table(
        "webhook_deliveries",
        sa.Column("seq", _SEQ, autoincrement=True, nullable=False),
        sa.Column("endpoint_id", sa.String(length=40), nullable=False),
        sa.Column("event_seq", sa.BigInteger(), nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("claimed_by", sa.String(length=20), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["endpoint_id"],
            ["webhook_endpoints.id"],
            name=op.f("fk_webhook_deliveries_endpoint_id_webhook_endpoints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_webhook_deliveries")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_webhook_deliveries_endpoint_id_account_id_state_seq"),
        "webhook_deliveries",
        ["endpoint_id", "account_id", "state", "seq"],
        unique=False,
    )
    op.create_index(
        op.f("ix_webhook_deliveries_state_next_attempt_at"),
        "webhook_deliveries",
        ["state", "next_attempt_at"],
        unique=False,
    )
    op.create_table(
        "webhook_attempts",
        sa.Column("id", _SEQ, autoincrement=True, nullable=False),
        sa.Column("delivery_seq", sa.BigInteger(), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=False),
        sa.Column("response", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["delivery_seq"],
            ["webhook_deliveries.seq"],
            name=op.f("fk_webhook_attempts_delivery_seq_webhook_deliveries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_attempts")),
    )
    op.create_index(
        op.f("ix_webhook_attempts_delivery_seq"), "webhook_attempts", ["delivery_seq"], unique=False
    )


def downgrade() -> None:
    """Revert this revision."""
    op.execute("DELETE FROM events WHERE account_id IS NULL")
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_customer_id_seq")
        batch.drop_column("customer_id")
        batch.alter_column("account_id", existing_type=sa.String(length=40), nullable=False)
    op.drop_index(op.f("ix_webhook_attempts_delivery_seq"), table_name="webhook_attempts")
    op.drop_table("webhook_attempts")
    op.drop_index(op.f("ix_webhook_deliveries_state_next_attempt_at"), table_name="webhook_deliveries")
    op.drop_index(
        op.f("ix_webhook_deliveries_endpoint_id_account_id_state_seq"), table_name="webhook_deliveries"
    )
    op.drop_table("webhook_deliveries")
    op.drop_index(op.f("ix_webhook_endpoints_customer_id"), table_name="webhook_endpoints")
    op.drop_table("webhook_endpoints")
