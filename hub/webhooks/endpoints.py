"""Webhook endpoints: where a customer's events go, which ones, and the secrets that sign them.

A signing secret is shown once, when it is made, and stored sealed with the hub's key (like linked
accounts' credentials). Rotating it keeps the previous secret signing too for a grace period, so a
receiver can switch secrets without losing a delivery. A new endpoint receives the events recorded
after it was registered, not the history (redeliver asks for older ones).
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection

from hub.errors import FieldIssue, InvalidWebhookEndpoint, NotFound
from hub.events import EVENT_TYPES
from hub.store import Store
from hub.store import tables as t
from hub.store.clock import utcnow
from hub.webhooks.addresses import DestinationPolicy, url_issues

__all__ = ["ROTATION_GRACE", "WebhookEndpoint", "WebhookEndpoints", "new_secret"]

ROTATION_GRACE = timedelta(hours=24)
"""How long a rotated-out secret keeps signing deliveries beside the new one."""

_UNSET: Any = object()


def new_secret() -> str:
    """A Standard Webhooks signing secret: ``whsec_`` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


@dataclass(frozen=True)
class WebhookEndpoint:
    """A registered receiver of a customer's events (its secrets are not part of it)."""

    id: str
    customer_id: str
    url: str
    event_types: tuple[str, ...] | None
    account_ids: tuple[str, ...] | None
    enabled: bool
    disabled_reason: str | None
    failing_since: datetime | None
    previous_secret_until: datetime | None
    created_at: datetime

    def wants(self, event_type: str, account_id: str) -> bool:
        """Whether an event of ``event_type`` for ``account_id`` goes to this endpoint."""
        return (self.event_types is None or event_type in self.event_types) and (
            self.account_ids is None or account_id in self.account_ids
        )

    def to_dict(self) -> dict[str, Any]:
        """The endpoint as the API and the CLI's ``--json`` show it."""
        return {
            "id": self.id,
            "url": self.url,
            "event_types": list(self.event_types) if self.event_types is not None else None,
            "account_ids": list(self.account_ids) if self.account_ids is not None else None,
            "enabled": self.enabled,
            "disabled_reason": self.disabled_reason,
            "failing_since": self.failing_since,
            "previous_secret_until": self.previous_secret_until,
            "created_at": self.created_at,
        }


def _endpoint(row: Any) -> WebhookEndpoint:
    return WebhookEndpoint(
        id=row.id,
        customer_id=row.customer_id,
        url=row.url,
        event_types=tuple(json.loads(row.event_types)) if row.event_types is not None else None,
        account_ids=tuple(json.loads(row.account_ids)) if row.account_ids is not None else None,
        enabled=bool(row.enabled),
        disabled_reason=row.disabled_reason,
        failing_since=row.failing_since,
        previous_secret_until=row.previous_until,
        created_at=row.created_at,
    )


class WebhookEndpoints:
    """The ``webhook_endpoints`` table: register, list, change, rotate and remove endpoints."""

    def __init__(self, store: Store, policy: DestinationPolicy | None = None) -> None:
        self.store = store
        self.policy = policy if policy is not None else DestinationPolicy.from_env()

    # -- checks ------------------------------------------------------------------------------------

    def _issues(
        self,
        db: Connection,
        customer_id: str,
        *,
        url: Any = _UNSET,
        event_types: Any = _UNSET,
        account_ids: Any = _UNSET,
    ) -> list[FieldIssue]:
        issues: list[FieldIssue] = []
        if url is not _UNSET:
            issues += url_issues(url, self.policy)
        if event_types not in (_UNSET, None):
            unknown = sorted(set(event_types) - EVENT_TYPES)
            if unknown or not event_types:
                issues.append(
                    FieldIssue(
                        "event_types",
                        f"lists unknown types: {', '.join(unknown)}." if unknown else "is empty.",
                        f"Use types among {', '.join(sorted(EVENT_TYPES))}, or leave it out for every type.",
                    )
                )
        if account_ids not in (_UNSET, None):
            a = t.accounts.c
            query = select(a.id).where(a.customer_id == customer_id, a.id.in_(list(account_ids)))
            mine = set(db.execute(query).scalars())
            others = sorted(set(account_ids) - mine)
            if others or not account_ids:
                issues.append(
                    FieldIssue(
                        "account_ids",
                        f"names accounts you have not linked: {', '.join(others)}."
                        if others
                        else "is empty.",
                        "List yours with GET /v1/accounts, or leave it out for every account.",
                    )
                )
        return issues

    # -- writing -----------------------------------------------------------------------------------

    def add(
        self,
        customer_id: str,
        url: str,
        *,
        event_types: Sequence[str] | None = None,
        account_ids: Sequence[str] | None = None,
    ) -> tuple[WebhookEndpoint, str]:
        """Register an endpoint; returns it and its signing secret, which is shown only this once."""
        endpoint_id = "whe_" + secrets.token_urlsafe(9)
        secret = new_secret()
        now = utcnow()
        with self.store.begin() as db:
            issues = self._issues(db, customer_id, url=url, event_types=event_types, account_ids=account_ids)
            if issues:
                raise InvalidWebhookEndpoint(issues)
            last = db.execute(select(func.max(t.events.c.seq))).scalar()
            db.execute(
                t.webhook_endpoints.insert().values(
                    id=endpoint_id,
                    customer_id=customer_id,
                    url=url,
                    event_types=_json_list(event_types),
                    account_ids=_json_list(account_ids),
                    secrets=self.store.box.seal(endpoint_id, {"current": secret, "previous": None}),
                    enabled=True,
                    after_seq=last or 0,
                    created_at=now,
                )
            )
        return self.get(endpoint_id, customer_id=customer_id), secret

    def update(
        self,
        endpoint_id: str,
        *,
        customer_id: str | None = None,
        url: Any = _UNSET,
        event_types: Any = _UNSET,
        account_ids: Any = _UNSET,
        enabled: bool | None = None,
    ) -> WebhookEndpoint:
        """Change what is given (``None`` lists mean every type or account); enabling clears a failure."""
        current = self.get(endpoint_id, customer_id=customer_id)
        values: dict[str, Any] = {}
        with self.store.begin() as db:
            issues = self._issues(
                db, current.customer_id, url=url, event_types=event_types, account_ids=account_ids
            )
            if issues:
                raise InvalidWebhookEndpoint(issues)
            if url is not _UNSET:
                values["url"] = url
            if event_types is not _UNSET:
                values["event_types"] = _json_list(event_types)
            if account_ids is not _UNSET:
                values["account_ids"] = _json_list(account_ids)
            if enabled is not None:
                values["enabled"] = enabled
                values["disabled_reason"] = None if enabled else "disabled by its owner"
                if enabled:
                    values["failing_since"] = None
            if values:
                db.execute(
                    update(t.webhook_endpoints).where(t.webhook_endpoints.c.id == endpoint_id).values(values)
                )
        return self.get(endpoint_id)

    def rotate_secret(
        self, endpoint_id: str, *, customer_id: str | None = None, grace: timedelta = ROTATION_GRACE
    ) -> tuple[WebhookEndpoint, str]:
        """A new signing secret (shown only this once); the old one also signs for ``grace``."""
        self.get(endpoint_id, customer_id=customer_id)
        secret = new_secret()
        with self.store.begin() as db:
            sealed = db.execute(
                select(t.webhook_endpoints.c.secrets).where(t.webhook_endpoints.c.id == endpoint_id)
            )
            old = self.store.box.open(endpoint_id, sealed.scalar_one())["current"]
            db.execute(
                update(t.webhook_endpoints)
                .where(t.webhook_endpoints.c.id == endpoint_id)
                .values(
                    secrets=self.store.box.seal(endpoint_id, {"current": secret, "previous": old}),
                    previous_until=utcnow() + grace,
                )
            )
        return self.get(endpoint_id), secret

    def remove(self, endpoint_id: str, *, customer_id: str | None = None) -> None:
        """Delete an endpoint with its deliveries and their attempts (nothing more is sent to it)."""
        self.get(endpoint_id, customer_id=customer_id)
        d = t.webhook_deliveries.c
        with self.store.begin() as db:
            queued = select(d.seq).where(d.endpoint_id == endpoint_id)
            db.execute(delete(t.webhook_attempts).where(t.webhook_attempts.c.delivery_seq.in_(queued)))
            db.execute(delete(t.webhook_deliveries).where(d.endpoint_id == endpoint_id))
            db.execute(delete(t.webhook_endpoints).where(t.webhook_endpoints.c.id == endpoint_id))

    def disable(self, endpoint_id: str, reason: str) -> None:
        """Stop delivering to an endpoint (its queue is kept; enabling it resumes in order)."""
        with self.store.begin() as db:
            db.execute(
                update(t.webhook_endpoints)
                .where(t.webhook_endpoints.c.id == endpoint_id)
                .values(enabled=False, disabled_reason=reason)
            )

    # -- reading -----------------------------------------------------------------------------------

    def get(self, endpoint_id: str, *, customer_id: str | None = None) -> WebhookEndpoint:
        """One endpoint (of ``customer_id`` when given); NotFound otherwise."""
        w = t.webhook_endpoints.c
        query = select(t.webhook_endpoints).where(w.id == endpoint_id)
        if customer_id is not None:
            query = query.where(w.customer_id == customer_id)
        with self.store.engine.connect() as db:
            row = db.execute(query).first()
        if row is None:
            raise NotFound(f"No webhook endpoint {endpoint_id!r}.", what="webhook_endpoint")
        return _endpoint(row)

    def all(self, customer_id: str | None = None) -> list[WebhookEndpoint]:
        """Every endpoint (of one customer when given), oldest first."""
        w = t.webhook_endpoints.c
        query = select(t.webhook_endpoints).order_by(w.created_at, w.id)
        if customer_id is not None:
            query = query.where(w.customer_id == customer_id)
        with self.store.engine.connect() as db:
            return [_endpoint(row) for row in db.execute(query)]

    def signing_secrets(self, endpoint_id: str, now: datetime | None = None) -> list[str]:
        """The secrets that sign a delivery now: the current one, and the previous one in its grace."""
        w = t.webhook_endpoints.c
        with self.store.engine.connect() as db:
            row = db.execute(select(w.secrets, w.previous_until).where(w.id == endpoint_id)).one()
        values = self.store.box.open(endpoint_id, row.secrets)
        keep_previous = (
            values.get("previous") and row.previous_until and row.previous_until > (now or utcnow())
        )
        return [values["current"], values["previous"]] if keep_previous else [values["current"]]


def _json_list(values: Iterable[str] | None) -> str | None:
    return None if values is None else json.dumps(sorted(set(values)))
