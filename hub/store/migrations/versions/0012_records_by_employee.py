"""An index on the employee each record belongs to (its JSON ``employee_id``).

A change feed's re-read of the employees it names takes their stored Employment rows (and the API's
``employee_id`` filters read the same member): without the index, each was a scan of the account's
records of that model. The expression is frozen here as it is at this revision, and matches the
query's spelling (:class:`hub.store.tables.JsonMember`), so the database uses it.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_MEMBER = {
    "postgresql": "(CAST(data AS JSONB) ->> 'employee_id')",
    "sqlite": "json_extract(data, '$.employee_id')",
}


def upgrade() -> None:
    """Apply this revision."""
    member = _MEMBER[op.get_bind().dialect.name]
    op.execute(f"CREATE INDEX ix_records_employee_id ON records (account_id, model, {member})")


def downgrade() -> None:
    """Revert this revision."""
    op.execute("DROP INDEX ix_records_employee_id")
