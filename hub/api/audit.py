"""Auditing an API action on an account: the caller (customer, key prefix, peer address) and its outcome."""

from typing import Any

from fastapi import Request

from hub.hub import Hub
from hub.store import Customer
from hub.store.account_audit import Actor, AuditRecording

__all__ = ["audited", "peer_address"]


def peer_address(request: Request) -> str | None:
    """The client's address as the server saw it; a forwarded header is never trusted here."""
    return request.client.host if request.client is not None else None


def audited(
    request: Request, hub: Hub, customer: Customer, action: str, account_id: str | None = None, **details: Any
) -> AuditRecording:
    """A context manager that writes one audit entry for ``action`` once its block ends.

    ``details`` must be non-secret (names, flags, ids): see :class:`hub.store.account_audit.AuditRecording`.
    """
    actor = Actor(
        kind="api", customer_id=customer.id, key_prefix=customer.key_prefix, address=peer_address(request)
    )
    return hub.store.account_audit.recording(action, actor, account_id=account_id, details=details)
