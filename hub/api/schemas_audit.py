"""Response bodies of the account audit log route (pydantic), as shown in the OpenAPI document."""

from typing import Any, Literal

from pydantic import BaseModel, Field

from unified_models import UtcDatetime

__all__ = ["AccountAuditEntryOut", "AccountAuditPage"]


class AccountAuditEntryOut(BaseModel):
    """One account action as audited: who, when, from where, what, and its outcome; never a secret."""

    id: int
    account_id: str | None
    action: Literal["link", "credentials", "options", "pause", "resume", "delete", "sync"] = Field(
        description="`link`, `credentials` (rotated), `options` (changed), `pause`, `resume`, `delete`, "
        "or `sync` (started)."
    )
    outcome: Literal["succeeded", "refused", "failed"]
    problem: str | None = Field(
        description="The problem type slug the action was refused with (`provider-credentials-rejected`, "
        "`account-paused`, ...); null when it succeeded."
    )
    details: dict[str, Any] = Field(
        description="Non-secret details: the option names changed, the credential field names sent, "
        "`full`/`force`/`wait` and the `run_id` of a sync, the `connector` of a link."
    )
    actor: Literal["api", "link_page", "cli"] = Field(
        description="`api` (an API key), `link_page` (an HR admin on a linking page) or `cli`."
    )
    customer_id: str | None
    key_prefix: str | None = Field(description="The first characters of the API key used; never the key.")
    user: str | None = Field(description="The operating-system user of a command-line action.")
    address: str | None = Field(description="The client address the hub's server saw (no forwarded header).")
    at: UtcDatetime = Field(description="When the action was asked for.")


class AccountAuditPage(BaseModel):
    """Audit entries, newest first; pass ``next_cursor`` as ``cursor`` for the next page."""

    results: list[AccountAuditEntryOut]
    next_cursor: str | None = None
