"""One accessor per unified model: ``hub.employees(account).list()`` / ``.get(id)``, or awaited twins.

``list``/``get``/``list_json`` block until done; ``alist``/``aget``/``alist_json`` are their async twins.
A read answered from the store needs no event loop at all; one that must ask the provider runs the
async twin (and refuses, naming the twin, inside a running event loop: :mod:`hub.blocking`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import orjson

from field_maps import FieldProblem, MappingError
from hub.actions import LIST_ACTIONS
from hub.blocking import refuse_in_event_loop, run_blocking
from hub.errors import AmbiguousId, InputError, MissingPermission, NotFound, NotSupported
from hub.live import read_live, screened_problem
from hub.selection import Expansion, Selection, select_for
from hub.store.cursors import decode_position, encode_position
from unified_models import MODELS, SENSITIVE_FIELDS

if TYPE_CHECKING:
    from hub.accounts import Account
    from hub.context import HubContext
    from hub.store.codec import RawRedaction

# SENSITIVE_FIELDS is declared on the unified models' fields (unified_models.base.SENSITIVE).
__all__ = ["SENSITIVE_FIELDS", "ModelAccessor", "Page"]

Mode = Literal["auto", "live"]

R = TypeVar("R")
"""What a page holds: unified model instances, or JSON-ready dicts."""

M = TypeVar("M")
"""The unified model an accessor reads."""

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[R]):
    """One page of unified records; ``next_cursor`` is None on the last page.

    ``errors`` lists the records of this read that failed to map (key, field, reason); ``problems``
    the values a live read could not use (their fields are empty; a sync reports them instead).
    ``expanded`` holds, for a read of models with ``expand``, each result's embedded references:
    record id → member name (``manager``, ``groups``, ...) → a model, None, or a list of models.
    (JSON reads embed them in each result instead.)
    """

    results: list[R]
    next_cursor: str | None = None
    errors: list[MappingError] = field(default_factory=list)
    problems: list[FieldProblem] = field(default_factory=list)
    expanded: dict[str, dict[str, Any]] = field(default_factory=dict)


def _decode_read_cursor(cursor: str, kind: str) -> int:
    """The position in a read's cursor; ``kind`` is ``o`` (live offset) or ``s`` (store position)."""
    return decode_position(
        cursor,
        kind,
        what="this kind of read",
        remedy="Pass next_cursor from the previous page unchanged, with the same mode.",
    )


def _screened(
    record: Any, hidden: tuple[str, ...] | None, redaction: RawRedaction | None, include_raw: bool
) -> Any:
    """A record as the account may see it: ``hidden`` fields emptied, raw data redacted.

    ``hidden`` fields leave the values and the lineage; ``redaction`` (the connector's sensitive raw
    members) empties them in ``remote_data``, names them in ``remote_data_redacted``, and drops the raw
    value of any other field taken from one of them.
    """
    update: dict[str, Any] = dict.fromkeys(hidden) if hidden else {}
    sources = record.field_sources
    if sources and (hidden or redaction is not None):
        sources = {k: v for k, v in sources.items() if not hidden or k.split(".")[0] not in hidden}
        if redaction is not None:
            sources = {
                k: v.model_copy(update={"source_value": None}) if redaction.covers(v.api_name) else v
                for k, v in sources.items()
            }
        update["field_sources"] = sources
    if include_raw:
        raw, redacted = (
            redaction.apply(record.remote_data)
            if redaction is not None and record.remote_data
            else (record.remote_data, [])
        )
        update["remote_data"] = raw
        update["remote_data_redacted"] = tuple(redacted)
    return record.model_copy(update=update) if update else record


@dataclass(frozen=True)
class _ListRequest:
    """One list read's parameters, checked."""

    cursor: str | None
    page_size: int
    modified_after: datetime | None
    include_raw: bool
    include_sources: bool
    selection: Selection


def _member(record: Any, name: str) -> Any:
    """A field of a record, whether a JSON dict or a model."""
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


def _plain_json(record: Any) -> dict[str, Any]:
    """A record as JSON without raw data or field sources (what an embedded reference shows)."""
    data: dict[str, Any] = record.model_dump(mode="json")
    for name in ("remote_data", "remote_data_redacted", "field_sources"):
        data.pop(name, None)
    return data


def _found(expansion: Expansion, items: list[Any]) -> dict[str, Any]:
    """Referenced records by the key a referring record holds: their id, or for ``back`` the field."""
    if expansion.kind != "back":
        return {_member(item, "id"): item for item in items}
    grouped: dict[str, list[Any]] = {}
    for item in items:
        grouped.setdefault(_member(item, expansion.field), []).append(item)
    return grouped


class ModelAccessor(Generic[M]):
    """Reads one unified model (``M``) for one account: blocking methods and their awaited twins.

    ``context`` is the hub's (:attr:`hub.hub.Hub.context`); ``resource`` the unified resource name
    (``"employees"``). :meth:`hub.hub.Hub.employees` and its siblings build one for you.

    List reads take the resource's filters as keyword arguments (:data:`hub.selection.FILTERS`:
    employees by ``employment_status``, ``company_id``, ``group_id``, ``manager_id``, ``work_email``,
    ``remote_id``), combined with AND; ``include_deleted`` and ``expand`` as the HTTP API does.
    """

    def __init__(self, context: HubContext, account: Account, resource: str) -> None:
        self.context = context
        self.account = account
        self.resource = resource
        self.model = LIST_ACTIONS[resource]
        self.model_cls = MODELS[self.model]

    def _check(self, action: str) -> None:
        connector = self.context.connector(self.account.connector)
        spec = connector.action(action)
        if not spec.supported:
            raise NotSupported(f"{connector.title} does not support {action}: {spec.reason}")
        status = self.account.permissions.actions.get(action)
        if status is not None and not status.enabled:
            raise MissingPermission(
                f"This account cannot read {self.resource}: {connector.title} has not granted "
                f"{', '.join(status.missing)}.",
                permissions=status.missing,
                provider=connector.name,
                remedy=f"{connector.grant_permissions} Missing: {', '.join(status.missing)}. "
                "Then check the account again.",
            )

    async def _read_unscreened(
        self, include_raw: bool, include_sources: bool
    ) -> tuple[list[Any], list[MappingError], list[FieldProblem]]:
        """Every record of the model, live, as mapped (nothing hidden yet), and what failed to map."""
        connector = self.context.connector(self.account.connector)
        field_map = self.context.field_maps(connector.name)[self.model]
        records: list[Any] = []
        errors: list[MappingError] = []
        problems: list[FieldProblem] = []
        seen: set[str] = set()
        async for item in read_live(
            connector,
            field_map,
            self.account,
            self.context.settings_for(self.account.customer_id),
            self.context.registry.transforms,
            include_raw=include_raw,
            include_sources=include_sources,
            problems=problems,
        ):
            if isinstance(item, MappingError):
                errors.append(item)
            elif item.id not in seen:  # several provider rows may describe one record (a plan per employee)
                seen.add(item.id)
                records.append(item)
        return records, errors, problems

    def _screen(self, records: list[Any], include_raw: bool) -> list[Any]:
        hidden = self._hidden()
        redaction = self._redaction()
        return [_screened(r, hidden, redaction, include_raw) for r in records]

    def _screen_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        hidden = self._hidden() or ()
        return [screened_problem(p, hidden) for p in problems if not p.unmapped]

    async def _read(
        self, include_raw: bool, include_sources: bool
    ) -> tuple[list[Any], list[MappingError], list[FieldProblem]]:
        records, errors, problems = await self._read_unscreened(include_raw, include_sources)
        return self._screen(records, include_raw), errors, self._screen_problems(problems)

    def _synced(self) -> bool:
        return self.context.store.sync_state.is_synced(self.account.id, self.model)

    def _use_store(self, mode: str) -> bool:
        if mode not in ("auto", "live"):
            raise InputError(f"mode {mode!r} is not known.", remedy="Use mode 'auto' or 'live'.")
        return mode == "auto" and self._synced()

    def _start_list(self, page_size: int, mode: str, selection: Selection | None = None) -> bool:
        """Check a list read (page size, mode, its action, those it expands); whether it reads the store."""
        if not 1 <= page_size <= 1000:
            raise InputError(
                f"page_size {page_size} is out of range.", remedy="Use a page_size from 1 to 1000."
            )
        self._check(f"{self.resource}.list")
        for expansion in selection.expand if selection is not None else ():
            ModelAccessor[Any](self.context, self.account, expansion.resource)._check(
                f"{expansion.resource}.list"
            )
        return self._use_store(mode)

    def _request(
        self,
        cursor: str | None,
        page_size: int,
        modified_after: datetime | None,
        include_raw: bool,
        include_sources: bool,
        include_deleted: bool,
        expand: str | Iterable[str] | None,
        filters: dict[str, Any],
    ) -> _ListRequest:
        if modified_after is not None and modified_after.tzinfo is None:
            raise InputError(
                "modified_after has no time zone.",
                remedy="Pass an aware datetime, e.g. datetime(2026, 1, 31, tzinfo=UTC).",
            )
        selection = select_for(self.resource, filters, include_deleted=include_deleted, expand=expand)
        return _ListRequest(cursor, page_size, modified_after, include_raw, include_sources, selection)

    def _hidden(self) -> tuple[str, ...] | None:
        sensitive = SENSITIVE_FIELDS.get(self.model, ())
        return None if self.account.options.include_sensitive or not sensitive else sensitive

    def _redaction(self) -> RawRedaction | None:
        """The connector's sensitive raw members to redact, or None when the account sees them all."""
        from hub.store.codec import RawRedaction  # local: the store's modules load with the store

        if self.account.options.include_sensitive:
            return None
        return RawRedaction.of(self.context.connector(self.account.connector).sensitive_raw_keys)

    def _store_rows(
        self,
        request: _ListRequest,
        with_raw: bool = True,
        hidden: tuple[str, ...] = (),
        instants_as_text: bool = False,
    ) -> tuple[list[Any], str | None]:
        """One page of stored rows after the cursor's position, and the next cursor (None at the end)."""
        from hub.store.reads import record_page

        rows = record_page(
            self.context.store,
            self.account.id,
            self.model,
            after=self._after(request),
            limit=request.page_size + 1,
            modified_after=request.modified_after,
            with_raw=with_raw,
            hidden=hidden,
            instants_as_text=instants_as_text,
            include_deleted=request.selection.include_deleted,
            filters=request.selection.filters,
        )
        more = len(rows) > request.page_size
        rows = rows[: request.page_size]
        return rows, (encode_position(rows[-1].seq, "s") if more else None)

    @staticmethod
    def _after(request: _ListRequest) -> int:
        """The store position a list read starts after (0: the first page)."""
        return _decode_read_cursor(request.cursor, "s") if request.cursor else 0

    def _from_store(self, rows: list[Any], include_raw: bool, include_sources: bool) -> list[Any]:
        from hub.store.reads import lineage_of, to_model

        lineage = lineage_of(self.context.store, self.account.id, self.model) if include_sources else None
        hidden = self._hidden()
        redaction = self._redaction() if include_raw else None
        records = [
            to_model(self.model_cls, row, include_raw=include_raw, lineage=lineage, redaction=redaction)
            for row in rows
        ]
        return records if hidden is None else [_screened(r, hidden, None, False) for r in records]

    async def _off_loop(self, work: Callable[..., T], *args: Any) -> T:
        """Store work from async code: inline for an in-process database, else on a worker thread.

        A network database (PostgreSQL) is waited for; the event loop must not be held meanwhile.
        """
        if self.context.store.reads_inline:
            return work(*args)
        return await asyncio.to_thread(work, *args)

    def _store_page(self, request: _ListRequest) -> Page[M]:
        rows, following = self._store_rows(request)
        return Page(self._from_store(rows, request.include_raw, request.include_sources), following)

    async def _live_page(self, request: _ListRequest) -> Page[M]:
        offset = _decode_read_cursor(request.cursor, "o") if request.cursor else 0
        records, errors, problems = await self._read_unscreened(request.include_raw, request.include_sources)
        # The provider is asked for everything and cannot filter: the hub applies the filters here,
        # to the mapped records, before any field is hidden, exactly as the store's SQL does.
        selection = request.selection
        if selection.filters:
            records = [r for r in records if selection.keeps(r.__dict__)]
        if request.modified_after is not None:
            records = await self._off_loop(self._changed_since, records, request.modified_after)
        chunk = self._screen(records[offset : offset + request.page_size], request.include_raw)
        following = offset + request.page_size
        following_cursor = encode_position(following, "o") if following < len(records) else None
        return Page(chunk, following_cursor, errors, self._screen_problems(problems))

    def _changed_since(self, records: list[Any], moment: datetime) -> list[Any]:
        """The live ``records`` the hub's clock says changed after ``moment``, as a store read would.

        A record the store holds unchanged (same unified data, not marked deleted) changed when the
        store says (its ``modified_at``); one the store lacks or holds otherwise is a change the hub
        sees now, as the next sync would record it.
        """
        from hub.store.reads import records_by_id
        from hub.sync.staging import NOT_STORED

        if moment >= datetime.now(UTC):
            return []
        stored = {
            row.id: row
            for row in records_by_id(self.context.store, self.account.id, self.model, [r.id for r in records])
        }
        kept = []
        for record in records:
            row = stored.get(record.id)
            if (
                row is None
                or row.deleted
                or row.modified_at > moment
                or orjson.loads(row.data) != record.model_dump(mode="json", exclude=NOT_STORED)
            ):
                kept.append(record)
        return kept

    # -- expand: references embedded, a bounded number of reads per page ------------------------

    def _targets(self, records: list[Any], expansion: Expansion) -> tuple[ModelAccessor[Any], set[str]]:
        """The accessor of what ``expansion`` reads, and the keys to read for these ``records``."""
        target = ModelAccessor[Any](self.context, self.account, expansion.resource)
        keys: set[str] = set()
        for record in records:
            if expansion.kind == "back":
                keys.add(_member(record, "id"))
            elif expansion.kind == "many":
                keys.update(_member(record, expansion.field) or ())
            elif (value := _member(record, expansion.field)) is not None:
                keys.add(value)
        return target, keys

    def _refs_in_store(
        self, expansion: Expansion, keys: set[str], include_deleted: bool, as_json: bool
    ) -> dict[str, Any]:
        """What ``expansion`` embeds, read from this (the referenced) model's store: a query per 500 keys."""
        from hub.store.reads import records_by_field, records_by_id, to_json_dict

        if not keys:
            return {}
        store = self.context.store
        if expansion.kind == "back":
            rows = records_by_field(
                store, self.account.id, self.model, expansion.field, keys, include_deleted=include_deleted
            )
        else:
            rows = records_by_id(store, self.account.id, self.model, keys)
        if as_json:
            hidden = self._hidden() or ()
            return _found(expansion, [to_json_dict(row, hidden=hidden) for row in rows])
        return _found(expansion, self._from_store(rows, False, False))

    async def _refs_live(self, expansion: Expansion, keys: set[str], as_json: bool) -> dict[str, Any]:
        """What ``expansion`` embeds, read live from the provider (one read of the referenced model)."""
        if not keys:
            return {}
        records, _, _ = await self._read(False, False)
        field_name = expansion.field if expansion.kind == "back" else "id"
        wanted = [r for r in records if getattr(r, field_name, None) in keys]
        return _found(expansion, [_plain_json(r) for r in wanted] if as_json else wanted)

    @staticmethod
    def _attach(
        embedded: dict[str, dict[str, Any]], records: list[Any], expansion: Expansion, found: dict[str, Any]
    ) -> None:
        for record in records:
            record_id = _member(record, "id")
            members = embedded.setdefault(record_id, {})
            if expansion.kind == "back":
                members[expansion.name] = found.get(record_id, [])
            elif expansion.kind == "many":
                members[expansion.name] = [
                    found[i] for i in _member(record, expansion.field) or () if i in found
                ]
            else:
                value = _member(record, expansion.field)
                members[expansion.name] = found.get(value) if value is not None else None

    async def _aexpand(
        self, records: list[Any], selection: Selection, mode: str, as_json: bool
    ) -> dict[str, dict[str, Any]]:
        """Each record's embedded references (record id → member → value): one batch per reference."""
        embedded: dict[str, dict[str, Any]] = {}
        for expansion in selection.expand:
            target, keys = self._targets(records, expansion)
            if await self._off_loop(target._use_store, mode):
                found = await self._off_loop(
                    target._refs_in_store, expansion, keys, selection.include_deleted, as_json
                )
            else:
                found = await target._refs_live(expansion, keys, as_json)
            self._attach(embedded, records, expansion, found)
        return embedded

    def _expand(
        self, records: list[Any], selection: Selection, mode: str, as_json: bool
    ) -> dict[str, dict[str, Any]]:
        """:meth:`_aexpand` from blocking code: store reads directly, a live read on a fresh loop."""
        embedded: dict[str, dict[str, Any]] = {}
        for expansion in selection.expand:
            target, keys = self._targets(records, expansion)
            if target._use_store(mode):
                found = target._refs_in_store(expansion, keys, selection.include_deleted, as_json)
            else:
                found = run_blocking(
                    target._refs_live(expansion, keys, as_json),
                    method="ModelAccessor.list",
                    instead="accessor.alist",
                )
            self._attach(embedded, records, expansion, found)
        return embedded

    @staticmethod
    def _embed(page: Page[dict[str, Any]], embedded: dict[str, dict[str, Any]]) -> Page[dict[str, Any]]:
        for record in page.results:
            record.update(embedded.get(record["id"], {}))
        return page

    # -- list reads -----------------------------------------------------------------------------

    async def alist(
        self,
        *,
        cursor: str | None = None,
        page_size: int = 100,
        modified_after: datetime | None = None,
        include_raw: bool = False,
        include_sources: bool = False,
        mode: Mode = "auto",
        include_deleted: bool = False,
        expand: str | Iterable[str] | None = None,
        **filters: Any,
    ) -> Page[M]:
        """One page of records.

        ``mode="auto"`` reads the store once this model has been synced for the account (records in
        the order first stored; the cursor stays valid while a sync runs), and the provider before
        that; ``mode="live"`` always reads the provider.

        ``modified_after`` keeps the records that changed after that moment by the hub's clock (their
        ``modified_at``: the start of the sync that stored the change), in both modes: a live read
        keeps the records the store holds unchanged since then, and those it holds otherwise or not
        at all (changes the hub sees now). ``filters`` (keyword arguments, see
        :data:`hub.selection.FILTERS`) all must hold. Records deleted in the provider are left out
        unless ``include_deleted``.
        ``expand`` (``"manager,groups"`` or a list of names, see :data:`hub.selection.EXPANSIONS`)
        reads the referenced records too: :attr:`Page.expanded` holds them.
        """
        request = self._request(
            cursor, page_size, modified_after, include_raw, include_sources, include_deleted, expand, filters
        )
        if await self._off_loop(self._start_list, page_size, mode, request.selection):
            page = await self._off_loop(self._store_page, request)
        else:
            page = await self._live_page(request)
        if request.selection.expand:
            page.expanded.update(await self._aexpand(page.results, request.selection, mode, False))
        return page

    def list(
        self,
        *,
        cursor: str | None = None,
        page_size: int = 100,
        modified_after: datetime | None = None,
        include_raw: bool = False,
        include_sources: bool = False,
        mode: Mode = "auto",
        include_deleted: bool = False,
        expand: str | Iterable[str] | None = None,
        **filters: Any,
    ) -> Page[M]:
        """:meth:`alist`, blocking until the page is read (in async code, await :meth:`alist`)."""
        refuse_in_event_loop("ModelAccessor.list", "accessor.alist")
        request = self._request(
            cursor, page_size, modified_after, include_raw, include_sources, include_deleted, expand, filters
        )
        if self._start_list(page_size, mode, request.selection):
            page = self._store_page(request)
        else:
            page = run_blocking(
                self._live_page(request), method="ModelAccessor.list", instead="accessor.alist"
            )
        if request.selection.expand:
            page.expanded.update(self._expand(page.results, request.selection, mode, False))
        return page

    @staticmethod
    def _as_json(page: Page[M], include_raw: bool, include_sources: bool) -> Page[dict[str, Any]]:
        results = []
        for record in page.results:
            data = record.model_dump(mode="json")  # type: ignore[attr-defined]
            if not include_raw:
                data.pop("remote_data", None)
                data.pop("remote_data_redacted", None)
            if not include_sources:
                data.pop("field_sources", None)
            results.append(data)
        return Page(results, page.next_cursor, page.errors, page.problems)

    async def alist_json(
        self,
        *,
        cursor: str | None = None,
        page_size: int = 100,
        modified_after: datetime | None = None,
        include_raw: bool = False,
        include_sources: bool = False,
        mode: Mode = "auto",
        include_deleted: bool = False,
        expand: str | Iterable[str] | None = None,
        **filters: Any,
    ) -> Page[dict[str, Any]]:
        """:meth:`alist` with JSON-ready dicts for results (as ``model_dump(mode="json")`` gives).

        From the store it skips building models: the stored data was written by the model's own
        serializer. ``remote_data`` (with ``remote_data_redacted``) and ``field_sources`` appear only
        when asked for. With ``expand``, each result holds its references as extra members
        (``manager``: a record or null; ``groups``, ``employments``: lists).
        """
        request = self._request(
            cursor, page_size, modified_after, include_raw, include_sources, include_deleted, expand, filters
        )
        if await self._off_loop(self._start_list, page_size, mode, request.selection):
            page = await self._off_loop(self._store_json, request)
        else:
            page = self._as_json(await self._live_page(request), include_raw, include_sources)
        if request.selection.expand:
            self._embed(page, await self._aexpand(page.results, request.selection, mode, True))
        return page

    def _store_json(self, request: _ListRequest) -> Page[dict[str, Any]]:
        from hub.store.reads import lineage_of, to_json_dict

        include_raw, include_sources = request.include_raw, request.include_sources
        rows, following = self._store_rows(request, with_raw=include_raw)
        lineage = lineage_of(self.context.store, self.account.id, self.model) if include_sources else None
        hidden = self._hidden() or ()
        redaction = self._redaction() if include_raw else None
        results = [
            to_json_dict(r, include_raw=include_raw, lineage=lineage, hidden=hidden, redaction=redaction)
            for r in rows
        ]
        return Page(results, following)

    def list_json(
        self,
        *,
        cursor: str | None = None,
        page_size: int = 100,
        modified_after: datetime | None = None,
        include_raw: bool = False,
        include_sources: bool = False,
        mode: Mode = "auto",
        include_deleted: bool = False,
        expand: str | Iterable[str] | None = None,
        **filters: Any,
    ) -> Page[dict[str, Any]]:
        """:meth:`alist_json`, blocking (in async code, await :meth:`alist_json`).

        A store read needs no event loop: it runs directly.
        """
        refuse_in_event_loop("ModelAccessor.list_json", "accessor.alist_json")
        request = self._request(
            cursor, page_size, modified_after, include_raw, include_sources, include_deleted, expand, filters
        )
        if self._start_list(page_size, mode, request.selection):
            page = self._store_json(request)
        else:
            live = run_blocking(
                self._live_page(request), method="ModelAccessor.list_json", instead="accessor.alist_json"
            )
            page = self._as_json(live, include_raw, include_sources)
        if request.selection.expand:
            self._embed(page, self._expand(page.results, request.selection, mode, True))
        return page

    def store_body(
        self,
        *,
        cursor: str | None = None,
        page_size: int = 100,
        modified_after: datetime | None = None,
        include_raw: bool = False,
        mode: Mode = "auto",
        include_deleted: bool = False,
        **filters: Any,
    ) -> bytes | None:
        """A page from the store as the API's encoded body ``{"results": [...], "next_cursor": ...}``.

        The unified API's hot path: no record is parsed where it can be helped. Each record is its
        stored JSON with the store's members spliced on (on SQLite read as its stored bytes, see
        :func:`hub.store.reads.encoded_page`). With ``include_raw`` each record's raw data is unpacked,
        redacted for the account and spliced on (its unified data still unparsed). ``None`` when the
        read is not a plain store read (live, or the model not synced yet): use :meth:`list_json` then.
        """
        from hub.store.reads import encode_rows, encoded_page, hides_in_sql, reads_encoded

        request = self._request(
            cursor, page_size, modified_after, include_raw, False, include_deleted, None, filters
        )
        if not self._start_list(page_size, mode):
            return None
        hidden = self._hidden() or ()
        store = self.context.store
        records: list[bytes | memoryview]
        if not include_raw and reads_encoded(store):
            records, last = encoded_page(
                store,
                self.account.id,
                self.model,
                after=self._after(request),
                limit=request.page_size,
                modified_after=request.modified_after,
                hidden=hidden,
                include_deleted=request.selection.include_deleted,
                filters=request.selection.filters,
            )
            following = encode_position(last, "s") if last is not None else None
        else:
            in_sql = hides_in_sql(store)
            rows, following = self._store_rows(
                request, with_raw=include_raw, hidden=hidden if in_sql else (), instants_as_text=True
            )
            records = [
                b",".join(
                    encode_rows(
                        rows,
                        hidden=() if in_sql else hidden,
                        include_raw=include_raw,
                        redaction=self._redaction() if include_raw else None,
                    )
                )
            ]
        # One join: each + would copy the whole body again.
        return b"".join([b'{"results":[', *records, b'],"next_cursor":', orjson.dumps(following), b"}"])

    # -- one record -----------------------------------------------------------------------------

    def _get_check(self) -> None:
        connector = self.context.connector(self.account.connector)
        get = f"{self.resource}.get"
        self._check(get if get in connector.actions else f"{self.resource}.list")

    def _stored(self, record_id: str, include_raw: bool, include_sources: bool) -> M:
        from hub.store.reads import find_record

        row = find_record(self.context.store, self.account.id, self.model, record_id)
        if row is None:
            raise self._not_found(record_id)
        return self._from_store([row], include_raw, include_sources)[0]  # type: ignore[no-any-return]

    def _not_found(self, record_id: str) -> NotFound:
        return NotFound(f"No {self.model} with id {record_id!r} in account {self.account.id}.")

    async def _live_record(self, record_id: str, include_raw: bool, include_sources: bool) -> M:
        records, _, _ = await self._read(include_raw, include_sources)
        for record in records:
            if record_id in (record.id, getattr(record, "remote_id", None)):
                return record  # type: ignore[no-any-return]
        suffix = ":" + record_id
        partial = [r for r in records if (getattr(r, "remote_id", None) or "").endswith(suffix)]
        if len(partial) > 1:
            raise AmbiguousId(
                f"{record_id!r} is the provider id of {len(partial)} {self.model} records of account "
                f"{self.account.id} (one person with records in several companies).",
                sorted(r.remote_id for r in partial),
            )
        if partial:
            return partial[0]  # type: ignore[no-any-return]
        raise self._not_found(record_id)

    async def aget(
        self, record_id: str, *, include_raw: bool = False, include_sources: bool = False, mode: Mode = "auto"
    ) -> M:
        """One record by its hub id or its ``remote_id``, or :class:`NotFound`.

        The provider's own id alone also finds a record whose ``remote_id`` is composite (UKG's
        ``employeeId`` in ``companyId:employeeId``) when exactly one has it; when several do (a person
        employed in two companies) it raises :class:`AmbiguousId` listing their ``remote_id`` values,
        never picking one. Once the model is synced this is an indexed lookup in the store. A record
        deleted in the provider is still found, with ``remote_was_deleted`` true.
        """
        self._get_check()
        if await self._off_loop(self._use_store, mode):
            return await self._off_loop(self._stored, record_id, include_raw, include_sources)
        return await self._live_record(record_id, include_raw, include_sources)

    def get(
        self, record_id: str, *, include_raw: bool = False, include_sources: bool = False, mode: Mode = "auto"
    ) -> M:
        """:meth:`aget`, blocking (in async code, await :meth:`aget`)."""
        refuse_in_event_loop("ModelAccessor.get", "accessor.aget")
        self._get_check()
        if self._use_store(mode):
            return self._stored(record_id, include_raw, include_sources)
        return run_blocking(
            self._live_record(record_id, include_raw, include_sources),
            method="ModelAccessor.get",
            instead="accessor.aget",
        )
