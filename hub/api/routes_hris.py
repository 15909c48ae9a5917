"""``/v1/hris/*``: the unified models of one linked account (named by ``X-Account-Id``), in cursor pages.

Each model has a list route and a get-by-id route (the hub id or the provider's own id). Reads come
from the store once the account has been synced, from the provider before that (``mode=auto``), or
always from the provider (``mode=live``).
"""

import inspect
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi import routing as fastapi_routing
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams

from hub.accessors import ModelAccessor
from hub.accounts import Account
from hub.actions import LIST_ACTIONS
from hub.api.auth import (
    ACCOUNT_HEADER,
    CallerRef,
    api_key,
    bearer,
    caller_ref,
    current_account,
    hub_of,
    resolve_account,
)
from hub.api.schemas import Problem, expanded_model, page_model
from hub.hub import Hub
from hub.selection import EXPANSIONS, FILTERS, FilterSpec
from unified_models import MODELS

__all__ = ["MAX_PAGE_SIZE", "RESOURCES", "PagingRoute", "paging_query", "router"]

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

MAX_PAGE_SIZE = 1000


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
    include_deleted: bool = False
    filters: dict[str, Any] = field(default_factory=dict)
    expand: str | None = None


MODIFIED_AFTER = (
    "Only records that changed after this moment (ISO 8601; without an offset, UTC), by the hub's clock: "
    "a record's `modified_at` is the start of the sync that stored its change (not the provider's "
    "`remote_modified_at`). Live reads (`mode=live`) mean the same: a record the store holds unchanged "
    "counts from its `modified_at`; one the store holds otherwise, or not at all, is a change the hub "
    "sees now. To poll without missing a change, pass the `started_at` of the newest sync run that had "
    "finished when you last read (`GET /v1/accounts/{id}/syncs`), with `include_deleted=true`."
)
INCLUDE_DELETED = (
    "Also list records deleted in the provider (`remote_was_deleted` true; the hub keeps their last "
    "copy). Off by default. A get by id answers for a deleted record either way. Live reads hold no "
    "deleted records: the provider lists only what exists."
)


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
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Records per page.")] = 100,
    modified_after: Annotated[datetime | None, Query(description=MODIFIED_AFTER)] = None,
    include_deleted: Annotated[bool, Query(description=INCLUDE_DELETED)] = False,
) -> ListOptions:
    """The query members of a list read."""
    if modified_after is not None and modified_after.tzinfo is None:
        modified_after = modified_after.replace(tzinfo=UTC)
    return ListOptions(
        options.include_raw,
        options.include_sources,
        options.mode,
        cursor,
        page_size,
        modified_after,
        include_deleted,
    )


def _filter_type(spec: FilterSpec) -> Any:
    return Literal[spec.choices] if spec.choices else str


def filters_of(resource: str) -> Callable[..., Any]:
    """A dependency taking the resource's filters (:data:`hub.selection.FILTERS`) as query members."""
    specs = FILTERS.get(resource, {})

    async def filters(**values: Any) -> dict[str, Any]:
        return {name: value for name, value in values.items() if value is not None}

    filters.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                spec.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=None,
                annotation=Annotated[
                    _filter_type(spec) | None,
                    Query(description=f"{spec.description} Filters combine with AND."),
                ],
            )
            for spec in specs.values()
        ],
        return_annotation=dict[str, Any],
    )
    return filters


def expand_of(resource: str) -> Callable[..., Any]:
    """A dependency taking ``expand``, for a resource with references to embed (else none)."""
    possible = EXPANSIONS.get(resource, {})
    members = "; ".join(
        f"`{e.name}` ({'a record or null' if e.kind == 'one' else 'a list'}: {e.resource.replace('_', ' ')})"
        for e in possible.values()
    )
    description = (
        "References to embed in each result, one level deep, read in one batch per reference (no "
        f"request per record): a comma-separated list of {members}. Each becomes a member of the "
        "result beside the ids it expands."
    )

    async def expand(expand: Annotated[str | None, Query(description=description)] = None) -> str | None:
        return expand

    async def nothing() -> None:
        return None

    return expand if possible else nothing


_QUERY_NAMES: dict[str, frozenset[str]] = {}
"""Each route's query members by route name, worked out on its first request."""


def _query_names(dependant: Any) -> set[str]:
    """The query members a route's dependencies declare, all the way down."""
    names = {p.alias for p in dependant.query_params}
    for child in dependant.dependencies:
        names |= _query_names(child)
    return names


async def known_query(request: Request) -> None:
    """Refuse query members the route does not declare (a misspelt filter is never silently ignored)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    key = getattr(route, "name", "")
    names = _QUERY_NAMES.get(key)
    if names is None:
        names = frozenset(_query_names(dependant))
        _QUERY_NAMES[key] = names
    unknown = sorted(set(request.query_params) - names)
    if unknown:
        takes = ", ".join(sorted(names))
        raise RequestValidationError(
            [
                {"loc": ("query", name), "msg": f"is not a parameter of this route, which takes: {takes}"}
                for name in unknown
            ]
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
    return not options.include_sources and options.mode == "auto" and not options.expand


def _store_page(hub: Hub, account: Account, resource: str, options: ListOptions) -> Response | None:
    """A plain list read (raw data or not) answered from the store, or None when it must go further."""
    if not _plain(options):
        return None
    spliced = ModelAccessor(hub.context, account, resource).store_body(
        cursor=options.cursor,
        page_size=options.page_size,
        modified_after=options.modified_after,
        include_raw=options.include_raw,
        include_deleted=options.include_deleted,
        **options.filters,
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
        include_deleted=options.include_deleted,
        expand=options.expand,
        **options.filters,
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


_PAGE_SIZE = re.compile(r"[1-9][0-9]{0,3}")


def paging_query(query: QueryParams) -> dict[str, Any] | None:
    """``cursor`` and ``page_size`` as validation gives them, when a query holds nothing else (or nothing).

    None for any other query: another member, one given twice or empty, a page size that is not plain
    digits in range. Such a query is valid for certain, so checking it needs none of FastAPI's work.
    """
    given: dict[str, Any] = {}
    for name, value in query.multi_items():
        if name in given or not value:
            return None
        if name == "cursor":
            given[name] = value
        elif name == "page_size" and _PAGE_SIZE.fullmatch(value) and int(value) <= MAX_PAGE_SIZE:
            given[name] = int(value)
        else:
            return None
    return given


PlainRead = Callable[[Request, dict[str, Any]], Awaitable[Response]]
Tree = tuple[tuple[Any, "Tree"], ...]


def _tree(dependant: Any) -> Tree:
    """A route's dependencies as nested (callable, its dependencies) pairs, in the order they are solved."""
    return tuple((d.call, _tree(d)) for d in dependant.dependencies)


def _built_for(route: APIRoute) -> Any:
    """The dependencies FastAPI is building ``route``'s handler with, or None when that is unknown.

    A route included in a router or app with dependencies of its own gets a handler built for those
    too, inside an inclusion context FastAPI keeps in a context variable; without that variable (a
    FastAPI that has changed) the plain read is never used, rather than risk skipping a dependency.
    """
    context_var = getattr(fastapi_routing, "_effective_route_context_var", None)
    if context_var is None:
        return None
    context = context_var.get()
    built = context if context is not None and getattr(context, "original_route", None) is route else route
    return getattr(built, "dependant", None)


_PLAIN_READS: dict[Callable[..., Any], tuple[Tree, PlainRead]] = {}
"""A list endpoint → the dependencies its plain read stands in for, and that read."""


class PagingRoute(APIRoute):
    """A list route answering the usual page request (at most ``cursor`` and ``page_size``) directly.

    Such a request is valid whatever it holds (:func:`paging_query`), so its dependencies are called
    directly with the query's values, in the order FastAPI solves them, instead of by FastAPI's solver:
    validating each declared member of every dependency is most of a store page's framework time.
    Every other request, and every request once a dependency differs from those the plain read calls
    (or is overridden), takes FastAPI's path.
    """

    plain: PlainRead | None = None
    """The plain read of the handler built last, or None when its dependencies are not those it calls."""

    def get_route_handler(self) -> Callable[[Request], Awaitable[Response]]:
        """FastAPI's handler, or the plain read when the request allows."""
        full = super().get_route_handler()
        tree, plain = _PLAIN_READS.get(self.endpoint, ((), None))
        dependant = _built_for(self)
        self.plain = (
            plain if plain is not None and dependant is not None and _tree(dependant) == tree else None
        )
        if self.plain is None:
            return full
        read = self.plain

        async def handler(request: Request) -> Response:
            given = paging_query(request.query_params)
            if given is None or request.app.dependency_overrides:
                return await full(request)
            return await read(request, given)

        return handler


def _add_routes(segment: str, resource: str) -> None:
    model = MODELS[LIST_ACTIONS[resource]]
    label = segment.replace("-", " ")
    filter_dependency = filters_of(resource)
    expand_dependency = expand_of(resource)

    async def read_options(
        options: Annotated[ListOptions, Depends(list_options)],
        filters: Annotated[dict[str, Any], Depends(filter_dependency)],
        expand: Annotated[str | None, Depends(expand_dependency)],
    ) -> ListOptions:
        return replace(options, filters=filters, expand=expand)

    async def list_records(
        hub: Annotated[Hub, Depends(hub_of)],
        ref: Annotated[CallerRef, Depends(caller_ref)],
        options: Annotated[ListOptions, Depends(read_options)],
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

    async def plain_read(request: Request, given: dict[str, Any]) -> Response:
        # The dependencies of list_records in FastAPI's order (see _tree), each member not in the
        # query at its default; known_query has nothing to refuse in a query paging_query accepts.
        hub = await hub_of(request)
        ref = await caller_ref(await api_key(await bearer(request)), request.headers.get(ACCOUNT_HEADER))
        listed = await list_options(await record_options(), **given)
        options = await read_options(listed, await filter_dependency(), await expand_dependency())
        return await list_records(hub=hub, ref=ref, options=options)

    _PLAIN_READS[list_records] = (
        (
            (known_query, ()),
            (hub_of, ()),
            (caller_ref, ((api_key, ((bearer, ()),)),)),
            (
                read_options,
                (
                    (list_options, ((record_options, ()),)),
                    (filter_dependency, ()),
                    (expand_dependency, ()),
                ),
            ),
        ),
        plain_read,
    )

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
        "(it stays valid while a sync runs). Filters combine with AND; records deleted in the provider "
        "are left out unless `include_deleted=true`. An unknown query member is a 422 problem."
    )
    get_record.__doc__ = f"One of the {label}, by hub id or the provider's id."
    router.add_api_route(
        f"/{segment}",
        list_records,
        methods=["GET"],
        name=f"list_{resource}",
        summary=f"List {label}",
        response_model=page_model(expanded_model(model, EXPANSIONS.get(resource, {}))),
        responses=_ERRORS,
        dependencies=[Depends(known_query)],
        route_class_override=PagingRoute,
    )
    router.add_api_route(
        f"/{segment}/{{record_id}}",
        get_record,
        methods=["GET"],
        name=f"get_{resource}",
        summary=f"Get one of the {label}",
        response_model=model,
        dependencies=[Depends(known_query)],
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
