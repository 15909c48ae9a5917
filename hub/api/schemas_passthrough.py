"""Request and response bodies of the passthrough routes (pydantic), as shown in the OpenAPI document."""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from unified_models import UtcDatetime

__all__ = ["AuditEntryOut", "AuditPage", "PassthroughIn", "PassthroughOut"]


class PassthroughIn(BaseModel):
    """One request to send to the account's provider with its stored credentials."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"method": "GET", "path": "/personnel/v1/employee-ids", "params": {"page": 1, "per_Page": 10}}
            ]
        },
    )

    method: str = Field(
        default="GET",
        description="The HTTP method: GET, HEAD or OPTIONS unless the connector allows others.",
    )
    path: str = Field(
        description="A path on the connector's own host, starting with one `/` (never a URL, `//host`, `..`, "
        "a backslash, `@`, an encoded slash or a control character); the query goes in `params`.",
    )
    params: dict[str, Any] | None = Field(
        default=None, description="The query: name → text, number, boolean, or a list of them (repeated)."
    )
    headers: dict[str, Any] | None = Field(
        default=None,
        description="Extra request headers. Never `Authorization`, `Host`, `Cookie`, hop-by-hop headers or "
        "the connector's credential headers: the hub adds the credentials itself.",
    )
    body: Any = Field(default=None, description="A JSON body, for a method that takes one (at most 1 MB).")


class PassthroughOut(BaseModel):
    """The provider's answer, whatever its status, with every credential value redacted."""

    status: int = Field(description="The provider's HTTP status (a provider error is passed back as such).")
    headers: dict[str, str] = Field(
        description="The provider's harmless headers only (content-type, link, etag, retry-after, "
        "rate limits...); never `set-cookie` or anything carrying a credential."
    )
    body: Any = Field(
        description="The JSON value, the text, or base64, as `body_encoding` says; null if empty."
    )
    body_encoding: Literal["json", "text", "base64"] | None
    bytes: int = Field(description="The size of the provider's answer body, decoded.")
    audit_id: int = Field(description="This request's entry in GET /v1/accounts/{id}/passthrough-log.")
    duration_ms: int


class AuditEntryOut(BaseModel):
    """One passthrough request as audited: never a credential, a query value or a body."""

    id: int
    account_id: str
    customer_id: str | None
    method: str
    path: str = Field(description="The path as sent (credential values redacted); no query.")
    params: list[str] = Field(description="The names of the query parameters (their values are not kept).")
    status: int | None = Field(description="The provider's status; null when nothing was answered.")
    bytes: int
    duration_ms: int
    error: str | None = Field(
        description="The problem type when the hub refused it or the provider was unreachable."
    )
    at: UtcDatetime


class AuditPage(BaseModel):
    """Audit entries, newest first; pass ``next_cursor`` as ``cursor`` for the next page."""

    results: list[AuditEntryOut]
    next_cursor: str | None = None
