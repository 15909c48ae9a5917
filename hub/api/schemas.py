"""Request and response bodies of the HTTP API (pydantic), as shown in the OpenAPI document."""

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from hub.actions import LIST_ACTIONS
from hub.selection import Expansion
from unified_models import MODELS, UtcDatetime

__all__ = [
    "AccountList",
    "AccountOut",
    "AccountUpdate",
    "ActionOut",
    "ConnectorDetail",
    "ConnectorList",
    "ConnectorOut",
    "CredentialsUpdate",
    "LinkRequest",
    "LinkSessionCreate",
    "LinkSessionList",
    "LinkSessionOut",
    "Problem",
    "RecordError",
    "Run",
    "RunList",
    "RunSummary",
    "SyncRequest",
    "SyncStarted",
    "ValueProblem",
    "expanded_model",
    "page_model",
]


class Problem(BaseModel):
    """An RFC 9457 problem: every error answer of this API."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="A stable URI naming the kind of problem.")
    title: str = Field(description="The kind of problem, short.")
    status: int = Field(description="The HTTP status of this answer.")
    detail: str = Field(description="What went wrong this time.")
    remedy: str = Field(description="What to do about it.")
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="One entry per invalid field (validation problems)."
    )
    permissions: list[str] | None = Field(
        default=None, description="Provider permissions to tick, by their exact screen names (403)."
    )


class ActionOut(BaseModel):
    """One unified action (or feature) of a connector and the provider permissions it needs."""

    supported: bool
    scopes: list[str] = Field(
        description="Provider permissions the action needs, as the admin screen names them."
    )
    optional_scopes: dict[str, str] = Field(
        description="Permissions that add data when granted → what they add."
    )
    reason: str = Field(description="Why the action is not supported, when it is not.")


class ConnectorOut(BaseModel):
    """A loaded connector."""

    name: str
    title: str
    version: str
    docs: str = Field(description="Where the HR admin finds each linking value.")
    actions: dict[str, ActionOut]
    features: dict[str, ActionOut]


class ConnectorDetail(ConnectorOut):
    """A loaded connector with the JSON Schema of its linking values."""

    credentials_schema: dict[str, Any] = Field(description="JSON Schema (2020-12); secrets are `writeOnly`.")


class ConnectorList(BaseModel):
    """Every loaded connector, by name."""

    results: list[ConnectorOut]


class RunSummary(BaseModel):
    """One sync run, without its report."""

    id: str
    kind: str = Field(
        description="`full` (every offered model read in full), `incremental` (every one from the change "
        "feed), `mixed` (models read differently, or some not read this time: `models` says which), or "
        "`auto` while running."
    )
    status: str = Field(
        description="`queued` (waiting for a worker of the task queue), `running`, `succeeded`, `partial`, "
        "`failed`, `interrupted` (its process stopped mid-run; a later run resumes) or `skipped` (queued, "
        "then not run: the account was paused, deleted or already syncing)."
    )
    started_at: UtcDatetime
    finished_at: UtcDatetime | None = None
    models: dict[str, str] = Field(
        default_factory=dict,
        description="What the run did per model: `full` (read in full), `feed` (from the provider's change "
        "feed), `window` (records dated since the last sync, such as pay statements), `skipped` (not read; "
        "the report's `reason` says why, e.g. the provider's minimum spacing "
        "between feed reads) or `failed`. `kind` sums these up; this says which model did what.",
    )


class Run(RunSummary):
    """One sync run with its report (per model: read, created, updated, deleted, errors)."""

    account_id: str
    report: dict[str, Any] | None = None


class RunList(BaseModel):
    """One page of sync runs, newest first; `next_cursor` is null on the last page."""

    results: list[Run]
    next_cursor: str | None = None


class AccountOut(BaseModel):
    """A linked account (never its credentials)."""

    id: str
    connector: str
    status: str = Field(
        description="`linked`, `needs_attention` when the provider refused the credentials, or `paused` "
        "(not synced until resumed)."
    )
    permissions: dict[str, Any] = Field(
        description="What the service account holds and, per action, whether it is enabled and what to tick."
    )
    options: dict[str, Any] = Field(description="Filters, overrides, time zone and sync schedule.")
    created_at: UtcDatetime
    updated_at: UtcDatetime
    next_sync_at: UtcDatetime | None = None
    last_sync: RunSummary | None = Field(default=None, description="The newest sync run, if any.")


class AccountList(BaseModel):
    """The caller's linked accounts, oldest first."""

    results: list[AccountOut]


class LinkRequest(BaseModel):
    """Link an account: the connector's linking values (validated, probed, then stored encrypted)."""

    model_config = ConfigDict(extra="forbid")

    connector: str = Field(examples=["ukg_pro"])
    credentials: dict[str, Any] = Field(
        json_schema_extra={"writeOnly": True},
        description="The values the connector's `credentials_schema` describes.",
    )
    options: dict[str, Any] | None = Field(default=None, description="Account options (filters, schedule).")


class CredentialsUpdate(BaseModel):
    """New linking values for an account (a rotated password); validated and probed first."""

    model_config = ConfigDict(extra="forbid")

    credentials: dict[str, Any] = Field(json_schema_extra={"writeOnly": True})


class AccountUpdate(BaseModel):
    """Options to change; the options not named keep their values."""

    model_config = ConfigDict(extra="forbid")

    options: dict[str, Any] = Field(
        examples=[{"filters": {"status": ["ACTIVE"]}, "sync_every_hours": 12}],
        description="`filters`, `overrides`, `include_sensitive`, `time_zone`, `sync_every_hours`.",
    )


class SyncRequest(BaseModel):
    """How to sync."""

    model_config = ConfigDict(extra="forbid")

    full: bool = Field(
        default=False, description="Read everything and diff, even where a change feed exists."
    )
    force: bool = Field(
        default=False, description="Read the change feed even sooner than the provider allows."
    )


class SyncStarted(BaseModel):
    """A sync started in the background; follow it at ``Location``."""

    run_id: str
    account_id: str
    status: str


class RecordError(BaseModel):
    """A provider record that could not be mapped in a live read."""

    key: list[Any] | None = None
    field: str | None = None
    reason: str


class ValueProblem(BaseModel):
    """A provider value a live read could not use: its field is empty, the record is kept."""

    key: list[Any] | None = None
    field: str
    value: str = Field(description="The provider's value, as text (hidden for a sensitive field).")
    reason: str


def expanded_model(model: type[BaseModel], expansions: Mapping[str, Expansion]) -> type[BaseModel]:
    """``model`` with the members ``expand`` may add (each absent unless asked for), or ``model`` itself."""
    if not expansions:
        return model
    members: dict[str, Any] = {}
    for expansion in expansions.values():
        target = MODELS[LIST_ACTIONS[expansion.resource]]
        kind: Any = target | None if expansion.kind == "one" else list[target] | None  # type: ignore[valid-type]
        what = "the record" if expansion.kind == "one" else "the records"
        members[expansion.name] = (
            kind,
            Field(
                default=None,
                description=f"With `expand={expansion.name}`: {what} of `{expansion.field}`"
                + (" (this record's id there)" if expansion.kind == "back" else "")
                + ". Absent otherwise.",
            ),
        )
    return create_model(
        f"{model.__name__}Listed",
        __base__=model,
        __doc__=f"{model.__doc__}\n\nIn a list, with the references `expand` asked for.",
        **members,
    )


def page_model(model: type[BaseModel]) -> type[BaseModel]:
    """The page body for one unified model (for the OpenAPI document)."""
    return create_model(
        f"{model.__name__}Page",
        __doc__=f"One page of {model.__name__} records; `next_cursor` is null on the last page.",
        results=(list[model], ...),  # type: ignore[valid-type]
        next_cursor=(str | None, None),
        errors=(
            list[RecordError] | None,
            Field(default=None, description="Only when a live read failed to map."),
        ),
        problems=(
            list[ValueProblem] | None,
            Field(
                default=None,
                description="Only when a live read could not use some values (their fields are empty).",
            ),
        ),
    )


class LinkSessionCreate(BaseModel):
    """A request for a single-use linking page to hand to an HR admin."""

    model_config = ConfigDict(extra="forbid")

    connector: str = Field(description="The connector to link, e.g. `ukg_pro`.", examples=["ukg_pro"])
    reference: str = Field(
        description="Your own id for the end customer (1-200 characters); it comes back on the session "
        "and in the `account.linked` event.",
        examples=["tenant-4711"],
    )
    expires_in: int | None = Field(
        default=None,
        description="Seconds the link works: 300 to 2,592,000 (30 days); default 604,800 (7 days).",
    )
    actions: list[str] | None = Field(
        default=None,
        description="The unified actions you need (e.g. `employees.list`): the page lists the provider "
        "permissions they need before the admin starts. Default: every supported action.",
    )
    frame_origins: list[str] = Field(
        default_factory=list,
        description="Origins allowed to embed the page in a frame (e.g. `https://app.example.com`); "
        "by default no other site may frame it.",
    )


class LinkSessionOut(BaseModel):
    """A link session: its state and, once used, the account it linked."""

    id: str
    connector: str
    reference: str
    actions: list[str]
    frame_origins: list[str]
    status: str = Field(description="`open`, `linked`, `expired` or `revoked`.")
    account_id: str | None = Field(description="The linked account, once the admin has linked it.")
    expires_at: UtcDatetime
    created_at: UtcDatetime
    completed_at: UtcDatetime | None
    permissions_needed: list[str] = Field(
        description="The provider permissions the requested actions need, as the admin screen names them."
    )
    url: str | None = Field(
        default=None,
        description="The single-use linking page: shown only in the answer that created the session.",
    )


class LinkSessionList(BaseModel):
    """Your link sessions, newest first."""

    results: list[LinkSessionOut]
