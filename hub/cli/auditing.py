"""The audit entry of a command-line account action: who is ``cli`` and the operating-system user."""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hub.hub import Hub
    from hub.store.account_audit import AuditRecording

__all__ = ["cli_audited"]


def _os_user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment (a container without passwd)
        return None


def cli_audited(
    hub: Hub, action: str, account_id: str | None, customer_id: str | None, **details: Any
) -> AuditRecording:
    """A context manager writing the audit entry of ``action`` (see ``hub.store.account_audit``)."""
    from hub.store.account_audit import Actor

    actor = Actor(kind="cli", customer_id=customer_id, user=_os_user())
    return hub.store.account_audit.recording(action, actor, account_id=account_id, details=details)
