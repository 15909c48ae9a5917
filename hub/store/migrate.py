"""Schema migrations (Alembic): bring any earlier hrishub database up to this version's tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

__all__ = ["MigrationState", "alembic_config", "migration_state", "upgrade"]

_SCRIPTS = Path(__file__).with_name("migrations")

MIGRATION_LOCK = 0x68726973_6875620A
"""The PostgreSQL advisory lock every process takes around a migration (``hrishub\\n`` as a number)."""


@dataclass(frozen=True)
class MigrationState:
    """Where a database stands: the revision it is at, this version's head and the revisions between."""

    current: str | None
    head: str
    pending: tuple[str, ...]

    @property
    def up_to_date(self) -> bool:
        """True when nothing is left to apply."""
        return not self.pending


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at hrishub's revisions (and at ``connection``, if given)."""
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    config.attributes["connection"] = connection
    return config


def migration_state(engine: Engine) -> MigrationState:
    """The revision the database behind ``engine`` is at and the ones this version would apply."""
    scripts = ScriptDirectory.from_config(alembic_config())
    head = scripts.get_current_head()
    assert head is not None
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    pending = [s.revision for s in scripts.iterate_revisions(head, current)]
    return MigrationState(current=current, head=head, pending=tuple(reversed(pending)))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database behind ``engine`` to ``revision`` (idempotent).

    On PostgreSQL the migration runs under an advisory lock held to the end of its transaction, so
    API processes and workers started together migrate one after the other: the first applies the
    revisions, the others find nothing left to do.
    """
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        command.upgrade(alembic_config(connection), revision)
