"""The passthrough audit trail: who sent what to which provider path, its status, size and time."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from hub.store import tables as t
from hub.store.clock import utcnow

__all__ = ["AuditEntry", "PassthroughAuditStore"]


@dataclass(frozen=True, kw_only=True)
class AuditEntry:
    """One passthrough request as audited: never a credential, a query value or a body.

    ``status`` is the provider's (``None`` when nothing was answered); ``error`` the hub error's type
    when the hub refused the request or the provider could not be reached.
    """

    id: int
    account_id: str
    customer_id: str | None
    method: str
    path: str
    params: list[str]
    status: int | None
    bytes: int
    duration_ms: int
    error: str | None
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "account_id": self.account_id,
            "customer_id": self.customer_id,
            "method": self.method,
            "path": self.path,
            "params": list(self.params),
            "status": self.status,
            "bytes": self.bytes,
            "duration_ms": self.duration_ms,
            "error": self.error,
            "at": self.at,
        }


class PassthroughAuditStore:
    """The ``passthrough_audit`` table (``store.passthrough_audit``): append, and read newest first."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self,
        *,
        account_id: str,
        customer_id: str | None,
        method: str,
        path: str,
        params: list[str],
        status: int | None,
        size: int,
        duration_ms: int,
        error: str | None = None,
    ) -> int:
        """Append one entry; its id."""
        with self.engine.begin() as db:
            inserted = db.execute(
                t.passthrough_audit.insert().values(
                    account_id=account_id,
                    customer_id=customer_id,
                    method=method[:16],
                    path=path,
                    params=json.dumps(params),
                    status=status,
                    bytes=size,
                    duration_ms=duration_ms,
                    error=error,
                    at=utcnow(),
                )
            )
        key = inserted.inserted_primary_key
        assert key is not None
        return int(key[0])

    def page(self, account_id: str, *, limit: int = 50, before: int | None = None) -> list[AuditEntry]:
        """Up to ``limit`` entries of the account, newest first, older than entry ``before`` if given."""
        table = t.passthrough_audit
        query = select(table).where(table.c.account_id == account_id)
        if before is not None:
            query = query.where(table.c.id < before)
        query = query.order_by(table.c.id.desc()).limit(limit)
        with self.engine.connect() as db:
            rows = db.execute(query).all()
        return [
            AuditEntry(
                id=row.id,
                account_id=row.account_id,
                customer_id=row.customer_id,
                method=row.method,
                path=row.path,
                params=json.loads(row.params),
                status=row.status,
                bytes=row.bytes,
                duration_ms=row.duration_ms,
                error=row.error,
                at=row.at,
            )
            for row in rows
        ]
