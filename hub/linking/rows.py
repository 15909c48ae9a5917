"""Stored link sessions: single-use linking pages, their state and their submit budget."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.engine import Engine

from hub.errors import NotFound
from hub.store import tables as t

__all__ = ["LinkSessionRow", "LinkSessionStore"]


@dataclass(frozen=True)
class LinkSessionRow:
    """A link session as stored (its URL token only as a hash)."""

    id: str
    customer_id: str
    connector: str
    reference: str
    actions: tuple[str, ...]
    frame_origins: tuple[str, ...]
    status: str
    account_id: str | None
    holder_hash: str | None
    attempts: int
    attempts_since: datetime | None
    expires_at: datetime
    created_at: datetime
    completed_at: datetime | None

    def expired(self, now: datetime) -> bool:
        """Whether the link can no longer be used to link (it may still show what it linked)."""
        return now >= self.expires_at

    def state(self, now: datetime) -> str:
        """``open``, ``linked``, ``expired`` or ``revoked``, as the API and the CLI show it."""
        return "expired" if self.status == "open" and self.expired(now) else self.status


class LinkSessionStore:
    """The ``link_sessions`` table of one store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, row: LinkSessionRow, token_hash: str) -> None:
        """Store a new session."""
        with self.engine.begin() as db:
            db.execute(
                t.link_sessions.insert().values(
                    id=row.id,
                    token_hash=token_hash,
                    customer_id=row.customer_id,
                    connector=row.connector,
                    reference=row.reference,
                    actions=json.dumps(list(row.actions)),
                    frame_origins=json.dumps(list(row.frame_origins)),
                    status=row.status,
                    attempts=0,
                    expires_at=row.expires_at,
                    created_at=row.created_at,
                )
            )

    def by_token_hash(self, token_hash: str) -> LinkSessionRow | None:
        """The session whose URL token hashes to ``token_hash``, or None."""
        with self.engine.connect() as db:
            row = db.execute(
                select(t.link_sessions).where(t.link_sessions.c.token_hash == token_hash)
            ).first()
        return _session(row) if row else None

    def get(self, session_id: str, *, customer_id: str | None = None) -> LinkSessionRow:
        """One session (of one customer, if given); :class:`NotFound` otherwise, whoever owns it."""
        query = select(t.link_sessions).where(t.link_sessions.c.id == session_id)
        if customer_id is not None:
            query = query.where(t.link_sessions.c.customer_id == customer_id)
        with self.engine.connect() as db:
            row = db.execute(query).first()
        if row is None:
            raise NotFound(
                f"No link session {session_id!r} for this caller.",
                remedy="Check the link session id.",
                what="link_session",
            )
        return _session(row)

    def list(self, customer_id: str, *, limit: int = 100) -> list[LinkSessionRow]:
        """A customer's sessions, newest first."""
        query = (
            select(t.link_sessions)
            .where(t.link_sessions.c.customer_id == customer_id)
            .order_by(t.link_sessions.c.created_at.desc())
            .limit(limit)
        )
        with self.engine.connect() as db:
            return [_session(r) for r in db.execute(query).all()]

    def claim(self, session_id: str, now: datetime, hold: timedelta) -> bool:
        """Reserve an open, unexpired session for one submit; False if another submit holds it.

        The reservation lapses after ``hold``, so a process that died mid-submit does not lock the link.
        """
        c = t.link_sessions.c
        with self.engine.begin() as db:
            changed = db.execute(
                update(t.link_sessions)
                .where(
                    c.id == session_id,
                    c.status == "open",
                    c.expires_at > now,
                    or_(c.claimed_until.is_(None), c.claimed_until < now),
                )
                .values(claimed_until=now + hold)
            ).rowcount
        return changed == 1

    def release(self, session_id: str) -> None:
        """Drop a submit's reservation (the submit failed; the link stays usable)."""
        with self.engine.begin() as db:
            db.execute(
                update(t.link_sessions).where(t.link_sessions.c.id == session_id).values(claimed_until=None)
            )

    def complete(self, session_id: str, account_id: str, holder_hash: str, now: datetime) -> None:
        """Mark the session used: it linked ``account_id``; only the holder's browser may see the result."""
        with self.engine.begin() as db:
            db.execute(
                update(t.link_sessions)
                .where(t.link_sessions.c.id == session_id)
                .values(
                    status="linked",
                    account_id=account_id,
                    holder_hash=holder_hash,
                    claimed_until=None,
                    completed_at=now,
                )
            )

    def revoke(self, session_id: str, customer_id: str) -> LinkSessionRow:
        """Close an open session at once (its URL stops working); a used one is left as it is."""
        c = t.link_sessions.c
        with self.engine.begin() as db:
            db.execute(
                update(t.link_sessions)
                .where(c.id == session_id, c.customer_id == customer_id, c.status == "open")
                .values(status="revoked")
            )
        return self.get(session_id, customer_id=customer_id)

    def spend_attempt(self, session_id: str, now: datetime, window: timedelta, limit: int) -> datetime | None:
        """Count one submit against the session's budget; None if allowed, else when the next one is.

        At most ``limit`` submits per ``window``; the window starts at the first submit after the
        previous window ended. One conditional UPDATE, so concurrent submits cannot overspend.
        """
        c = t.link_sessions.c
        fresh = or_(c.attempts_since.is_(None), c.attempts_since <= now - window)
        with self.engine.begin() as db:
            if db.execute(
                update(t.link_sessions)
                .where(c.id == session_id, fresh)
                .values(attempts=1, attempts_since=now)
            ).rowcount:
                return None
            if db.execute(
                update(t.link_sessions)
                .where(c.id == session_id, and_(c.attempts < limit, c.attempts_since > now - window))
                .values(attempts=c.attempts + 1)
            ).rowcount:
                return None
            since = db.execute(select(c.attempts_since).where(c.id == session_id)).scalar_one()
        return since + window


def _session(row: Any) -> LinkSessionRow:
    return LinkSessionRow(
        id=row.id,
        customer_id=row.customer_id,
        connector=row.connector,
        reference=row.reference,
        actions=tuple(json.loads(row.actions)),
        frame_origins=tuple(json.loads(row.frame_origins)),
        status=row.status,
        account_id=row.account_id,
        holder_hash=row.holder_hash,
        attempts=row.attempts,
        attempts_since=row.attempts_since,
        expires_at=row.expires_at,
        created_at=row.created_at,
        completed_at=row.completed_at,
    )
