"""``/v1/hris/*``: the unified models of one linked account (named by ``X-Account-Id``), in cursor pages.

Each model has a list route and a get-by-id route (the hub id or the provider's own id). Reads come
from the store once the account has been synced, from the provider before that (``mode=auto``), or
always from the provider (``mode=live``).
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, Path, Query
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from hub.accessors import ModelAccessor
from hub.accounts import Account
from hub.actions import LIST_ACTIONS
from hub.api.auth import CallerRef, caller_ref, current_account, hub_of, resolve_account
from hub.api.schemas import Problem, page_model
from hub.hub import Hub
from unified_models import MODELS

__all__ = ["RESOURCES", "router"]

router = APIRouter(prefix="/v1/hris", tags=["hris"])

RESOURCES: dict[str, str] = {name.replace("_", "-"): name for name in LIST_ACTIONS}
"""URL segment (``time-off-policies``) → accessor name (``time_off_policies``)."""

_ERRORS = {
    401: {"model": Problem, "description": "The API key is missing or unknown."},
    403: {"model": Problem, "description": "The service account lacks a permission; `permissions` names it."},
    404: {"model": Problem, "description": "No such account for this caller (or no such record)."},
    422: {"model": Problem, "description": "Invalid query, cursor or missing X-Account-Id."},
    501: {"model": Problem, "description": "The provider has no such data."},
}

Mode = Literal["auto", "live"]


# An enum, not the Literal: one named schema in the OpenAPI document, so one enum in a generated client.
class ReadMode(StrEnum):
    """Where a read comes from: `auto`, the store once synced, else the provider; `live`, the provider."""

    AUTO = "auto"
    LIVE = "live"


@dataclass(frozen=True)
class RecordOptions:
    """What to include in each record, and where to read it."""

    include_raw: bool
    include_sources: bool
    mode: Mode


@dataclass(frozen=True)
class ListOptions(RecordOptions):
    """A page request."""

    cursor: str | None
    page_size: int
    modified_after: datetime | None


async def record_options(
    include_raw: Annotated[
        bool,
        Query(
            description=(
                "Add `remote_data`, the provider's raw records, and `remote_data_redacted`: unless the "
                "account's `include_sensitive` option is on, the raw members its connector declares "
                "sensitive are null, and listed there as `record.member`."
            )
        ),
    ] = False,
    include_sources: Annotated[
        bool, Query(description="Add `field_sources`: each field's provider API name, label and raw value.")
    ] = False,
    mode: Annotated[
        ReadMode,
        Query(description="`auto`: the store once synced, else the provider; `live`: always the provider."),
    ] = ReadMode.AUTO,
) -> RecordOptions:
    """The query members every read takes."""
    return RecordOptions(include_raw, include_sources, "live" if mode is ReadMode.LIVE else "auto")


async def list_options(
    options: Annotated[RecordOptions, Depends(record_options)],
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page, unchanged.")] = None,
    page_size: Annotated[int, Query(ge=1, le=1000, description="Records per page.")] = 100,
    modified_after: Annotated[
        datetime | None,
        Query(description="Only records changed after this moment (ISO 8601; without an offset, UTC)."),
    ] = None,
) -> ListOptions:
    """The query members of a list read."""
    if modified_after is not None and modified_after.tzinfo is None:
        modified_after = modified_after.replace(tzinfo=UTC)
    return ListOptions(
        options.include_raw, options.include_sources, options.mode, cursor, page_size, modified_after
    )


def record_json(record: Any, options: RecordOptions) -> dict[str, Any]:
    """A unified record as JSON: ``remote_data`` (with what it redacted) and ``field_sources`` on request."""
    data = record.model_dump(mode="json", exclude_none=False)
    if not options.include_raw:
        data.pop("remote_data", None)
        data.pop("remote_data_redacted", None)
    if not options.include_sources:
        data.pop("field_sources", None)
    return data


def _plain(options: ListOptions) -> bool:
    return not options.include_sources and options.mode == "auto"


def _store_page(hub: Hub, account: Account, resource: str, options: ListOptions) -> Response | None:
    """A plain list read (raw data or not) answered from the store, or None when it must go further."""
    if not _plain(options):
        return None
    spliced = ModelAccessor(hub.context, account, resource).store_body(
        cursor=options.cursor,
        page_size=options.page_size,
        modified_after=options.modified_after,
        include_raw=options.include_raw,
    )
    return Response(spliced, media_type="application/json") if spliced is not None else None


def _list_page(
    hub: Hub, ref: CallerRef, resource: str, options: ListOptions
) -> tuple[Account, Response | None]:
    """The caller's account and, for a plain store read, the answer: in a worker thread (blocking I/O)."""
    account = resolve_account(hub, ref)
    return account, _store_page(hub, account, resource, options)


async def _json_page(hub: Hub, account: Account, resource: str, options: ListOptions) -> Response:
    """A list read that is not a plain store read: live from the provider, or with field sources."""
    accessor = ModelAccessor[Any](hub.context, account, resource)
    page = await accessor.alist_json(
        cursor=options.cursor,
        page_size=options.page_size,
        modified_after=options.modified_after,
        include_raw=options.include_raw,
        include_sources=options.include_sources,
        mode=options.mode,
    )
    body: dict[str, Any] = {"results": page.results, "next_cursor": page.next_cursor}
    if page.errors:
        body["errors"] = jsonable_encoder(
            [
                {
                    "key": list(e.record_key) if e.record_key is not None else None,
                    "field": e.field,
                    "reason": e.reason,
                }
                for e in page.errors
            ]
        )
    if page.problems:
        body["problems"] = jsonable_encoder(
            [
                {
                    "key": list(p.record_key) if p.record_key is not None else None,
                    "field": p.field,
                    "value": p.value,
                    "reason": p.reason,
                }
                for p in page.problems
            ]
        )
    return Response(orjson.dumps(body), media_type="application/json")


def _add_routes(segment: str, resource: str) -> None:
    model = MODELS[LIST_ACTIONS[resource]]
    label = segment.replace("-", " ")

    async def list_records(
        hub: Annotated[Hub, Depends(hub_of)],
        ref: Annotated[CallerRef, Depends(caller_ref)],
        options: Annotated[ListOptions, Depends(list_options)],
    ) -> Response:
        # The key, the account and a store page in one go: inline for SQLite (in-process work), else
        # one worker-thread hop (a network database is waited for). Raw data is unpacked and redacted
        # record by record: too much work to hold the event loop for. A live read is awaited here.
        if hub.store.reads_inline and not options.include_raw:
            account = resolve_account(hub, ref)
            answered = _store_page(hub, account, resource, options)
        else:
            account, answered = await run_in_threadpool(_list_page, hub, ref, resource, options)
        return answered or await _json_page(hub, account, resource, options)

    async def get_record(
        record_id: Annotated[str, Path(description="The hub id, or the provider's own id.")],
        hub: Annotated[Hub, Depends(hub_of)],
        account: Annotated[Account, Depends(current_account)],
        options: Annotated[RecordOptions, Depends(record_options)],
    ) -> JSONResponse:
        record = await ModelAccessor[Any](hub.context, account, resource).aget(
            record_id,
            include_raw=options.include_raw,
            include_sources=options.include_sources,
            mode=options.mode,
        )
        return JSONResponse(record_json(record, options))

    list_records.__doc__ = (
        f"One page of {label}, in a stable order; pass `next_cursor` back for the next page "
        "(it stays valid while a sync runs)."
    )
    get_record.__doc__ = f"One of the {label}, by hub id or the provider's id."
    router.add_api_route(
        f"/{segment}",
        list_records,
        methods=["GET"],
        name=f"list_{resource}",
        summary=f"List {label}",
        response_model=page_model(model),
        responses=_ERRORS,
    )
    router.add_api_route(
        f"/{segment}/{{record_id}}",
        get_record,
        methods=["GET"],
        name=f"get_{resource}",
        summary=f"Get one of the {label}",
        response_model=model,
        responses=_ERRORS
        | {
            409: {
                "model": Problem,
                "description": "The provider id names several records (UKG: one person employed in two "
                "companies); the remedy lists each one's `remote_id`.",
            }
        },
    )


for _segment, _resource in RESOURCES.items():
    _add_routes(_segment, _resource)
