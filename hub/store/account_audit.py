"""The account audit log: who did what to an account, when, from where, and whether it was refused.

One row per account action (link, credential rotation, option change, pause, resume, deletion, a sync
started by the API): the actor (customer and API key prefix, or the command line's OS user), the peer
address, the action with a small JSON object of non-secret details, and the outcome with the
problem type of a refusal. Never a credential value, a password or an API key. Rows name the account
without a foreign key, so they outlive its deletion (operators read them with ``hrishub accounts
audit``).
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.engine import Engine

from hub.errors import HubError, InputError, NotFound
from hub.store import tables as t
from hub.store.clock import utcnow
from hub.store.cursors import decode_position, encode_position

__all__ = [
    "ACTIONS",
    "AccountAuditEntry",
    "AccountAuditStore",
    "Actor",
    "AuditRecording",
]

log = logging.getLogger("hub.store.account_audit")

ACTIONS = ("link", "credentials", "options", "pause", "resume", "delete", "sync")
"""The audited account actions."""

ActorKind = Literal["api", "link_page", "cli"]

_DETAILS_LIMIT = 2000
"""The longest details JSON kept: details are a few names and flags, never values a caller typed."""


@dataclass(frozen=True, kw_only=True)
class Actor:
    """Who acted: over the API (customer and key prefix), on a linking page, or at the command line."""

    kind: ActorKind
    customer_id: str | None = None
    key_prefix: str | None = None
    user: str | None = None
    address: str | None = None


@dataclass(frozen=True, kw_only=True)
class AccountAuditEntry:
    """One audited account action; ``problem`` is the refusal's problem type slug (None otherwise)."""

    id: int
    account_id: str | None
    customer_id: str | None
    actor: str
    key_prefix: str | None
    user: str | None
    address: str | None
    action: str
    details: dict[str, Any]
    outcome: str
    problem: str | None
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "id": self.id,
            "account_id": self.account_id,
            "action": self.action,
            "outcome": self.outcome,
            "problem": self.problem,
            "details": dict(self.details),
            "actor": self.actor,
            "customer_id": self.customer_id,
            "key_prefix": self.key_prefix,
            "user": self.user,
            "address": self.address,
            "at": self.at,
        }


@dataclass
class AuditRecording:
    """One action being audited: a context manager (``with`` or ``async with``) that writes its entry.

    The entry says ``succeeded`` when the block ends normally, ``refused`` with the problem type when
    it raises a :class:`hub.errors.HubError`, ``failed`` on any other exception (which goes on). A
    :class:`hub.errors.NotFound` for a named account writes nothing: the account is not the caller's
    (or no longer exists), so there is no account of theirs to audit. Set :attr:`account_id` (a link
    names its account only once made) and add to :attr:`details` inside the block.
    """

    store: AccountAuditStore
    action: str
    actor: Actor
    account_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=utcnow)

    def _outcome(self, error: BaseException | None) -> tuple[str, str | None] | None:
        if error is None:
            return "succeeded", None
        if isinstance(error, NotFound) and self.account_id is not None:
            return None
        if isinstance(error, HubError):
            return "refused", error.type
        if isinstance(error, Exception):
            return "failed", None
        return None  # cancelled or interrupted: nothing is known of the outcome

    def _write(self, outcome: tuple[str, str | None]) -> None:
        try:
            self.store.add(
                action=self.action,
                actor=self.actor,
                account_id=self.account_id,
                details=self.details,
                outcome=outcome[0],
                problem=outcome[1],
                at=self.at,
            )
        except Exception:  # the action is done (or refused) already: a lost entry must not change its answer
            log.exception("could not write the audit entry of %s on %s", self.action, self.account_id)

    def __enter__(self) -> AuditRecording:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        outcome = self._outcome(error)
        if outcome is not None:
            self._write(outcome)

    async def __aenter__(self) -> AuditRecording:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        outcome = self._outcome(error)
        if outcome is not None:
            await asyncio.to_thread(self._write, outcome)


class AccountAuditStore:
    """The ``account_audit`` table (``store.account_audit``): record, append, and read newest first."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def recording(
        self,
        action: str,
        actor: Actor,
        *,
        account_id: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> AuditRecording:
        """A context manager auditing one action (see :class:`AuditRecording`)."""
        return AuditRecording(self, action, actor, account_id, dict(details or {}))

    def add(
        self,
        *,
        action: str,
        actor: Actor,
        account_id: str | None,
        details: dict[str, Any],
        outcome: str,
        problem: str | None = None,
        at: datetime | None = None,
    ) -> int:
        """Append one entry; its id."""
        text = json.dumps(details, sort_keys=True, default=str)
        if len(text) > _DETAILS_LIMIT:
            text = json.dumps({"truncated": True})
        with self.engine.begin() as db:
            inserted = db.execute(
                t.account_audit.insert().values(
                    account_id=account_id,
                    customer_id=actor.customer_id,
                    actor=actor.kind,
                    key_prefix=actor.key_prefix or None,
                    user=actor.user[:120] if actor.user else None,
                    address=actor.address[:64] if actor.address else None,
                    action=action[:40],
                    details=text,
                    outcome=outcome,
                    problem=problem[:60] if problem else None,
                    at=at or utcnow(),
                )
            )
        key = inserted.inserted_primary_key
        assert key is not None
        return int(key[0])

    def page(
        self, account_id: str, *, cursor: str | None = None, page_size: int = 20
    ) -> tuple[list[AccountAuditEntry], str | None]:
        """One page of the account's entries, newest first, and the next page's cursor (None at the end)."""
        if not 1 <= page_size <= 100:
            raise InputError(
                f"page_size {page_size} is out of range.", remedy="Use a page_size from 1 to 100."
            )
        table = t.account_audit
        query = select(table).where(table.c.account_id == account_id)
        if cursor is not None:
            query = query.where(table.c.id < decode_position(cursor, "a", what="the audit log"))
        query = query.order_by(table.c.id.desc()).limit(page_size + 1)
        with self.engine.connect() as db:
            rows = db.execute(query).all()
        more = len(rows) > page_size
        entries = [_entry(row) for row in rows[:page_size]]
        return entries, (encode_position(entries[-1].id, "a") if more else None)


def _entry(row: Any) -> AccountAuditEntry:
    return AccountAuditEntry(
        id=row.id,
        account_id=row.account_id,
        customer_id=row.customer_id,
        actor=row.actor,
        key_prefix=row.key_prefix,
        user=row.user,
        address=row.address,
        action=row.action,
        details=json.loads(row.details),
        outcome=row.outcome,
        problem=row.problem,
        at=row.at,
    )
