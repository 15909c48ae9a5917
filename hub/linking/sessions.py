"""Link sessions: a single-use URL a customer hands to an HR admin, who links the HR system there.

A customer creates a session (``POST /v1/link-sessions``) naming the connector, its own reference for
the end customer, an expiry and the actions it needs. The session's URL opens the linking page with no
hub account; it links once (a second submit after success is refused), expires, and counts submits
so nobody can try passwords through it. Only the URL token's hash is stored.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator

from hub.accounts import Account, PermissionReport
from hub.errors import (
    FieldIssue,
    InvalidCredentials,
    InvalidLinkSession,
    LinkUnavailable,
    NotFound,
    TooManyAttempts,
)
from hub.linking.rows import LinkSessionRow, LinkSessionStore

if TYPE_CHECKING:
    from hub.connector import Connector
    from hub.context import HubContext

__all__ = [
    "DEFAULT_TTL",
    "MAX_TTL",
    "MIN_TTL",
    "SUBMIT_LIMIT",
    "SUBMIT_WINDOW",
    "LinkSessions",
    "NewLinkSession",
    "hash_token",
    "secret_fields",
]

DEFAULT_TTL = timedelta(days=7)
"""How long a link works when the customer names no expiry."""
MIN_TTL = timedelta(minutes=5)
MAX_TTL = timedelta(days=30)
SUBMIT_LIMIT = 5
"""Submits that reach the provider, per session and :data:`SUBMIT_WINDOW`."""
SUBMIT_WINDOW = timedelta(minutes=10)
CLAIM_HOLD = timedelta(minutes=2)
"""How long one submit holds the session; a submit cut off mid-way frees it after this."""
_HOSTNAME = re.compile(
    r"(?=.{1,253}\Z)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*"
)
"""A DNS host name as ``urlsplit`` gives it (lower-cased), ASCII only."""


def hash_token(token: str) -> str:
    """The stored form of a URL token (or a browser's holder token): 256-bit random, so one SHA-256."""
    return hashlib.sha256(token.encode()).hexdigest()


def secret_fields(connector: Connector) -> frozenset[str]:
    """The linking fields the page masks (``format: password``): never rendered back, never previewed.

    A ``writeOnly`` field without that format (a key an admin reads off a screen) is shown as typed.
    """
    properties = connector.credentials_schema.get("properties", {})
    return frozenset(name for name, spec in properties.items() if spec.get("format") == "password")


@dataclass(frozen=True)
class NewLinkSession:
    """A session just created, with its URL token (shown only this once; the store keeps a hash)."""

    session: LinkSessionRow
    token: str


@dataclass(frozen=True)
class Linked:
    """A successful submit: the account, and the token that lets this browser see and re-check it."""

    account: Account
    holder_token: str


def _now() -> datetime:
    return datetime.now(UTC)


def _origin(raw: str) -> str | None:
    """``scheme://host[:port]`` if ``raw`` is an origin that may frame the page, else None.

    The host must be a DNS name (ASCII labels) or an IP literal: the origin goes into the page's
    ``Content-Security-Policy`` header, so nothing else (``;``, spaces, line breaks) may pass.
    """
    try:
        parts = urlsplit(raw.strip())
        port = parts.port
    except ValueError:  # a port that is not a number, or out of range
        return None
    host = parts.hostname or ""
    if parts.path.strip("/") or parts.query or parts.fragment or "@" in parts.netloc or "%" in host:
        return None
    try:
        shown = f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        if not _HOSTNAME.fullmatch(host):
            return None
        shown = host
    loopback = host in ("localhost", "127.0.0.1", "::1")
    if not (parts.scheme == "https" or (parts.scheme == "http" and loopback)):
        return None
    return f"{parts.scheme}://{shown}{f':{port}' if port else ''}"


def check_frame_origins(origins: Iterable[str]) -> tuple[tuple[str, ...], list[FieldIssue]]:
    """Normalised origins allowed to frame the page, and an issue for each that is not an origin."""
    kept: list[str] = []
    issues = []
    for raw in origins:
        origin = _origin(str(raw))
        if origin is not None:
            kept.append(origin)
        else:
            issues.append(
                FieldIssue(
                    "frame_origins",
                    f"{str(raw)[:80]!r} is not an https origin.",
                    "Give the origin of the page that embeds the form, e.g. https://app.example.com "
                    "(no path); plain http only for localhost.",
                )
            )
    return tuple(dict.fromkeys(kept)), issues


class LinkSessions:
    """The link sessions of one hub (its :class:`hub.context.HubContext`): create, open, submit, re-check."""

    def __init__(self, context: HubContext) -> None:
        self.context = context

    @property
    def _rows(self) -> LinkSessionStore:
        return LinkSessionStore(self.context.store.engine)

    # -- the customer's side (API key) -------------------------------------------------------------

    def create(
        self,
        customer_id: str,
        connector: str,
        *,
        reference: str,
        expires_in: timedelta | None = None,
        actions: Iterable[str] | None = None,
        frame_origins: Iterable[str] = (),
    ) -> NewLinkSession:
        """A new open session for ``connector``; raises :class:`InvalidLinkSession` naming each fault."""
        found = self.context.connector(connector)
        issues: list[FieldIssue] = []
        reference = reference.strip()
        if not reference or len(reference) > 200 or not reference.isprintable():
            issues.append(
                FieldIssue(
                    "reference",
                    "must be 1 to 200 printable characters.",
                    "Send your own id for the end customer (e.g. their tenant id in your app).",
                )
            )
        ttl = expires_in if expires_in is not None else DEFAULT_TTL
        if not MIN_TTL <= ttl <= MAX_TTL:
            issues.append(
                FieldIssue(
                    "expires_in",
                    f"must be between {MIN_TTL.total_seconds():.0f} and "
                    f"{MAX_TTL.total_seconds():.0f} seconds.",
                    "Give the link a life of 5 minutes to 30 days (default 7 days).",
                )
            )
        wanted = list(dict.fromkeys(actions or ()))
        for action in wanted:
            spec = found.actions.get(action)
            if spec is None or not spec.supported:
                issues.append(
                    FieldIssue(
                        "actions",
                        f"{action!r} is not an action {found.title} supports.",
                        f"Use some of: {', '.join(a for a, s in found.actions.items() if s.supported)}.",
                    )
                )
        origins, origin_issues = check_frame_origins(frame_origins)
        issues += origin_issues
        if issues:
            raise InvalidLinkSession(issues)
        now = _now()
        token = secrets.token_urlsafe(32)
        row = LinkSessionRow(
            id="ls_" + secrets.token_urlsafe(12),
            customer_id=customer_id,
            connector=connector,
            reference=reference,
            actions=tuple(wanted),
            frame_origins=origins,
            status="open",
            account_id=None,
            holder_hash=None,
            attempts=0,
            attempts_since=None,
            expires_at=now + ttl,
            created_at=now,
            completed_at=None,
        )
        self._rows.add(row, hash_token(token))
        return NewLinkSession(row, token)

    def get(self, session_id: str, *, customer_id: str | None = None) -> LinkSessionRow:
        """One session (one customer's, if given)."""
        return self._rows.get(session_id, customer_id=customer_id)

    def list(self, customer_id: str) -> list[LinkSessionRow]:
        """A customer's sessions, newest first."""
        return self._rows.list(customer_id)

    def revoke(self, session_id: str, customer_id: str) -> LinkSessionRow:
        """Close an open session now; a used one keeps its account."""
        return self._rows.revoke(session_id, customer_id)

    # -- the HR admin's side (URL token) -----------------------------------------------------------

    def open(self, token: str) -> LinkSessionRow:
        """The session behind a URL token, whatever its state; :class:`NotFound` for an unknown token."""
        row = self._rows.by_token_hash(hash_token(token)) if 20 <= len(token) <= 100 else None
        if row is None:
            raise NotFound(
                "This linking link is not valid.",
                remedy="Copy the whole link again from the message you received, or ask for a new one.",
            )
        return row

    def holds(self, row: LinkSessionRow, holder_token: str | None) -> bool:
        """Whether ``holder_token`` is the one handed to the browser that linked this session."""
        return bool(
            holder_token
            and row.holder_hash
            and secrets.compare_digest(row.holder_hash, hash_token(holder_token))
        )

    def usable(self, row: LinkSessionRow) -> None:
        """Raise :class:`LinkUnavailable` unless the session can still link an account."""
        if row.status == "linked":
            raise LinkUnavailable(
                "used",
                "This link was already used: the account is linked.",
                remedy="Nothing more to do here. To link another account, ask for a new link.",
            )
        if row.status == "revoked":
            raise LinkUnavailable("revoked", "This link was withdrawn.", remedy="Ask for a new link.")
        if row.expired(_now()):
            raise LinkUnavailable(
                "expired",
                "This link has expired.",
                remedy="Ask whoever sent it for a new link; nothing was linked.",
            )

    def preview(
        self, row: LinkSessionRow, values: Mapping[str, Any]
    ) -> tuple[dict[str, str], list[FieldIssue]]:
        """What the hub will make of the unmasked ``values`` typed so far, and the ones that can never work.

        Masked fields (passwords) are ignored even if sent. Nothing is called and nothing is stored.
        Where the connector's own preview names a field, its words replace the schema's.
        """
        connector = self.context.connector(row.connector)
        hidden = secret_fields(connector)
        properties = connector.credentials_schema.get("properties", {})
        shown = {
            k: v for k, v in values.items() if k in properties and k not in hidden and isinstance(v, str)
        }
        issues: list[FieldIssue] = []
        notes: dict[str, str] = {}
        for name, value in shown.items():
            if not value.strip():
                continue
            for error in Draft202012Validator(properties[name]).iter_errors(value):
                title = properties[name].get("title", name)
                issues.append(FieldIssue(name, error.message, f"Enter a valid {title}."))
        if connector.preview_credentials is not None:
            try:
                notes = dict(connector.preview_credentials(shown, self.context.settings))
            except InvalidCredentials as refused:
                named = {issue.field for issue in refused.issues}
                issues = [issue for issue in issues if issue.field not in named] + list(refused.issues)
        return notes, issues

    async def submit(self, row: LinkSessionRow, values: Mapping[str, Any]) -> Linked:
        """Validate and probe ``values`` as ``POST /v1/accounts`` does, then link the session's account.

        Raises :class:`LinkUnavailable` (expired, used, revoked, another submit running),
        :class:`InvalidCredentials` (nothing is counted against the budget), :class:`TooManyAttempts`,
        or the provider's error (:class:`hub.errors.ProviderAuthError`, ...); nothing is stored then.
        """
        from hub.linking.accounts import link_and_store, validate_credentials

        self.usable(row)
        # Store calls in a worker thread: a write can wait on a lock, and the event loop serves everyone.
        if not await asyncio.to_thread(self._rows.claim, row.id, _now(), CLAIM_HOLD):
            self.usable(await asyncio.to_thread(self.get, row.id))
            raise LinkUnavailable(
                "busy",
                "This link is being submitted in another window right now.",
                remedy="Wait a moment, then reload this page.",
            )
        try:
            settings = self.context.settings_for(row.customer_id)
            validate_credentials(self.context.connector(row.connector), values, settings)
            retry_at = await asyncio.to_thread(
                self._rows.spend_attempt, row.id, _now(), SUBMIT_WINDOW, SUBMIT_LIMIT
            )
            if retry_at is not None:
                raise TooManyAttempts((retry_at - _now()).total_seconds())
            account = await link_and_store(
                self.context,
                row.connector,
                values,
                customer_id=row.customer_id,
                announce={"link_session_id": row.id, "reference": row.reference},
            )
        except BaseException:
            self._rows.release(row.id)
            raise
        holder = secrets.token_urlsafe(32)
        await asyncio.to_thread(self._rows.complete, row.id, account.id, hash_token(holder), _now())
        return Linked(account, holder)

    async def recheck(self, row: LinkSessionRow) -> PermissionReport:
        """Ask the provider again which permissions the session's account holds (no secrets retyped).

        Counts against the submit budget, as a submit does.
        """
        if row.account_id is None:
            raise NotFound("This link has not linked an account yet.", remedy="Fill in the form first.")
        retry_at = await asyncio.to_thread(
            self._rows.spend_attempt, row.id, _now(), SUBMIT_WINDOW, SUBMIT_LIMIT
        )
        if retry_at is not None:
            raise TooManyAttempts((retry_at - _now()).total_seconds())
        from hub.linking.accounts import recheck_account

        account = await asyncio.to_thread(self.context.store.accounts.get, row.account_id)
        return await recheck_account(self.context, account)
