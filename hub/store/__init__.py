"""The hub's store (SQLAlchemy): SQLite by default, PostgreSQL by URL, migrated by Alembic."""

from __future__ import annotations

from hub.store.store import AccountRow, Customer, Store, hash_api_key, utcnow

__all__ = ["AccountRow", "Customer", "Store", "hash_api_key", "utcnow"]
