"""The store's tables (SQLAlchemy Core): nothing SQLite-only, so PostgreSQL works by URL.

Every change to these tables ships with an Alembic revision in ``hub/store/migrations/versions``;
a test fails when the two disagree.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import TypeDecorator

__all__ = [
    "JsonMember",
    "UTCDateTime",
    "account_audit",
    "accounts",
    "customers",
    "events",
    "link_sessions",
    "metadata",
    "passthrough_audit",
    "records",
    "sync_runs",
    "sync_state",
    "webhook_attempts",
    "webhook_deliveries",
    "webhook_endpoints",
]

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every database (SQLite hands back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Store in UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware UTC datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        """Read back as aware UTC."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


_MEMBER_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class JsonMember(ColumnElement[str]):
    """A top-level member of a JSON text column, as the database reads it (text for strings).

    The member's name is written into the SQL, not bound: an index on the member (SQLite's
    ``json_extract(data, '$.employee_id')``, PostgreSQL's ``CAST(data AS JSONB) ->> 'employee_id'``)
    serves a query only when the query spells the same expression. Only plain names are accepted.
    """

    type = Text()
    inherit_cache = True
    _traverse_internals = [
        ("column", InternalTraversal.dp_clauseelement),
        ("name", InternalTraversal.dp_string),
    ]

    def __init__(self, column: ColumnElement[Any], name: str) -> None:
        if not _MEMBER_NAME.fullmatch(name):
            raise ValueError(f"not a plain JSON member name: {name!r}")
        self.column = column
        self.name = name


@compiles(JsonMember)
def _json_member(element: JsonMember, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_extract({compiler.process(element.column, **kw)}, '$.{element.name}')"


@compiles(JsonMember, "postgresql")
def _json_member_postgresql(element: JsonMember, compiler: SQLCompiler, **kw: Any) -> str:
    return f"(CAST({compiler.process(element.column, **kw)} AS JSONB) ->> '{element.name}')"


# An autoincrementing 64-bit key that SQLite also accepts as its rowid alias.
Sequence64 = BigInteger().with_variant(Integer(), "sqlite")

customers = Table(
    "customers",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("key_prefix", String(16), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

accounts = Table(
    "accounts",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("customer_id", String(40), ForeignKey("customers.id"), nullable=True, index=True),
    Column("connector", String(100), nullable=False),
    Column("credentials", Text, nullable=False),
    Column("permissions", Text, nullable=False),
    Column("options", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("sync_every_seconds", Integer, nullable=False),
    Column("next_sync_at", UTCDateTime(), nullable=True),
    Column("lease_owner", String(100), nullable=True),
    Column("lease_expires_at", UTCDateTime(), nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("seq", Sequence64, primary_key=True, autoincrement=True),
    Column("account_id", String(40), ForeignKey("accounts.id"), nullable=False),
    Column("model", String(40), nullable=False),
    Column("id", String(36), nullable=False),
    Column("remote_id", String(200), nullable=True),
    Column("hash", String(64), nullable=False),
    Column("data", Text, nullable=False),
    Column("raw", LargeBinary, nullable=True),  # hub.store.codec.pack_raw
    Column("deleted", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("modified_at", UTCDateTime(), nullable=False),
    UniqueConstraint("account_id", "model", "id"),
    Index(None, "account_id", "model", "seq"),
    Index(None, "account_id", "model", "modified_at"),
    Index(None, "account_id", "model", "remote_id"),
)
# The records of an employee (Employment, Dependent, BankInfo, ...): a change feed's re-read takes the
# stored rows of the employees it names, and the API filters by employee.
Index(
    "ix_records_employee_id",
    records.c.account_id,
    records.c.model,
    JsonMember(records.c.data, "employee_id"),
)

# The zstd dictionaries raw data is packed with (hub.store.codec.RawPacker), one per account and model,
# trained on the account's own records: the records' raw data cannot be read without them.
raw_dictionaries = Table(
    "raw_dictionaries",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False),  # the zstd dictionary id
    Column("account_id", String(40), ForeignKey("accounts.id"), nullable=False),
    Column("model", String(40), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Index(None, "account_id", "model"),
)

sync_runs = Table(
    "sync_runs",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("account_id", String(40), ForeignKey("accounts.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("status", String(20), nullable=False),
    Column("started_at", UTCDateTime(), nullable=False),
    Column("finished_at", UTCDateTime(), nullable=True),
    Column("report", Text, nullable=True),
    Index(None, "account_id", "started_at"),
)

sync_state = Table(
    "sync_state",
    metadata,
    Column("account_id", String(40), ForeignKey("accounts.id"), primary_key=True),
    Column("name", String(60), primary_key=True),
    Column("cursor", UTCDateTime(), nullable=True),
    Column("last_full_at", UTCDateTime(), nullable=True),
    Column("last_run_at", UTCDateTime(), nullable=True),
    Column("details", Text, nullable=True),
)

events = Table(
    "events",
    metadata,
    Column("seq", Sequence64, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("account_id", String(40), ForeignKey("accounts.id"), nullable=True),  # null: a customer's event
    Column("customer_id", String(40), nullable=True),  # set on events that concern no single account
    Column("run_id", String(40), nullable=True),
    Column("type", String(60), nullable=False),
    Column("record_id", String(36), nullable=True),
    Column("payload", Text, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("delivered_at", UTCDateTime(), nullable=True),
    Index(None, "account_id", "seq"),
    Index(None, "customer_id", "seq"),
    Index(None, "delivered_at"),
    sqlite_autoincrement=True,  # a position is never given twice, even after the newest were deleted
)

link_sessions = Table(
    "link_sessions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("customer_id", String(40), ForeignKey("customers.id"), nullable=False, index=True),
    Column("connector", String(100), nullable=False),
    Column("reference", String(200), nullable=False),
    Column("actions", Text, nullable=False),
    Column("frame_origins", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("account_id", String(40), ForeignKey("accounts.id"), nullable=True),
    Column("holder_hash", String(64), nullable=True),
    Column("claimed_until", UTCDateTime(), nullable=True),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("attempts_since", UTCDateTime(), nullable=True),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("completed_at", UTCDateTime(), nullable=True),
)

webhook_endpoints = Table(
    "webhook_endpoints",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("customer_id", String(40), ForeignKey("customers.id"), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("event_types", Text, nullable=True),  # a JSON list; null: every type
    Column("account_ids", Text, nullable=True),  # a JSON list; null: every account of the customer
    Column("secrets", Text, nullable=False),  # sealed: the signing secret, and the previous one in its grace
    Column("previous_until", UTCDateTime(), nullable=True),
    Column("enabled", Boolean, nullable=False),
    Column("disabled_reason", Text, nullable=True),
    Column("after_seq", BigInteger, nullable=False),  # events up to this seq are queued for this endpoint
    Column("failing_since", UTCDateTime(), nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("seq", Sequence64, primary_key=True, autoincrement=True),
    Column("endpoint_id", String(40), ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), nullable=False),
    Column("event_seq", BigInteger, nullable=False),
    Column("event_id", String(40), nullable=False),
    Column("account_id", String(40), nullable=False),
    Column("state", String(12), nullable=False),  # pending, delivered, failed
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", UTCDateTime(), nullable=True),
    Column("claimed_by", String(20), nullable=True),  # the dispatcher sending it now, until next_attempt_at
    Column("created_at", UTCDateTime(), nullable=False),
    Column("finished_at", UTCDateTime(), nullable=True),
    Index(None, "endpoint_id", "account_id", "state", "seq"),
    Index(None, "state", "next_attempt_at"),
    sqlite_autoincrement=True,
)

webhook_attempts = Table(
    "webhook_attempts",
    metadata,
    Column("id", Sequence64, primary_key=True, autoincrement=True),
    Column(
        "delivery_seq",
        BigInteger,
        ForeignKey("webhook_deliveries.seq", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("at", UTCDateTime(), nullable=False),
    Column("status", Integer, nullable=True),
    Column("latency_ms", Integer, nullable=False),
    Column("response", Text, nullable=True),  # the first characters of the answer's body
    Column("error", Text, nullable=True),
)

passthrough_audit = Table(
    "passthrough_audit",
    metadata,
    Column("id", Sequence64, primary_key=True, autoincrement=True),
    Column("account_id", String(40), nullable=False),  # no foreign key: the trail outlives nothing it names
    Column("customer_id", String(40), nullable=True),
    Column("method", String(16), nullable=False),
    Column("path", Text, nullable=False),  # credential values redacted; the query is never kept
    Column("params", Text, nullable=False),  # a JSON list of the query's parameter names, not their values
    Column("status", Integer, nullable=True),  # the provider's; null when nothing was answered
    Column("bytes", Integer, nullable=False),
    Column("duration_ms", Integer, nullable=False),
    Column("error", String(60), nullable=True),  # the hub error's type when refused or failed
    Column("at", UTCDateTime(), nullable=False),
    Index(None, "account_id", "id"),
)

account_audit = Table(
    "account_audit",
    metadata,
    Column("id", Sequence64, primary_key=True, autoincrement=True),
    # No foreign key: the log is kept after the account is deleted. Null for a link that was refused.
    Column("account_id", String(40), nullable=True),
    Column("customer_id", String(40), nullable=True),
    Column("actor", String(16), nullable=False),  # api, link_page or cli
    Column("key_prefix", String(16), nullable=True),  # the API key's stored prefix, never the key
    Column("user", String(120), nullable=True),  # the OS user of a command-line action
    Column("address", String(64), nullable=True),  # the peer address the server saw
    Column("action", String(40), nullable=False),
    Column("details", Text, nullable=False),  # a small JSON object of non-secret details
    Column("outcome", String(16), nullable=False),  # succeeded, refused or failed
    Column("problem", String(60), nullable=True),  # the problem type when refused
    Column("at", UTCDateTime(), nullable=False),
    Index(None, "account_id", "id"),
)

provider_slots = Table(
    "provider_slots",
    metadata,
    # One row per request slot of a provider host's budget, shared by every worker (hub.store.budget).
    Column("budget_key", String(200), primary_key=True),  # connector:host
    Column("slot", Integer, primary_key=True),
    Column("holder", String(120), nullable=True),  # the sync holding it (its lease owner), or free
    Column("expires_at", UTCDateTime(), nullable=True),  # a holder that stops renewing loses it
)
