"""One accessor per unified model: ``hub.employees(account).list()`` / ``.get(id)``, or awaited twins.

``list``/``get``/``list_json`` block until done; ``alist``/``aget``/``alist_json`` are their async twins.
A read answered from the store needs no event loop at all; one that must ask the provider runs the
async twin (and refuses, naming the twin, inside a running event loop: :mod:`hub.blocking`).
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import orjson

from field_maps import FieldProblem, MappingError
from hub.actions import LIST_ACTIONS
from hub.blocking import refuse_in_event_loop, run_blocking
from hub.errors import AmbiguousId, InputError, MissingPermission, NotFound, NotSupported
from hub.live import read_live, screened_problem
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
    """

    results: list[R]
    next_cursor: str | None = None
    errors: list[MappingError] = field(default_factory=list)
    problems: list[FieldProblem] = field(default_factory=list)


def _encode_cursor(position: int, where: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({where: position}).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, where: str) -> int:
    """The position in a cursor; ``where`` is ``o`` (live offset) or ``s`` (store position)."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        position = json.loads(base64.urlsafe_b64decode(padded))[where]
        # Positions are sequence numbers and offsets: a database integer (64-bit) holds every real one.
        if not isinstance(position, int) or isinstance(position, bool) or not 0 <= position < 2**63 - 1:
            raise ValueError
        return position
    except (ValueError, KeyError, TypeError):
        raise InputError(
            "The cursor is not one this hub issued for this kind of read.",
            remedy="Pass next_cursor from the previous page unchanged, with the same mode.",
        ) from None


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


class ModelAccessor(Generic[M]):
    """Reads one unified model (``M``) for one account: blocking methods and their awaited twins.

    ``context`` is the hub's (:attr:`hub.hub.Hub.context`); ``resource`` the unified resource name
    (``"employees"``). :meth:`hub.hub.Hub.employees` and its siblings build one for you.
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

    async def _read(
        self, include_raw: bool, include_sources: bool
    ) -> tuple[list[Any], list[MappingError], list[FieldProblem]]:
        connector = self.context.connector(self.account.connector)
        field_map = self.context.field_maps(connector.name)[self.model]
        records: list[Any] = []
        errors: list[MappingError] = []
        problems: list[FieldProblem] = []
        seen: set[str] = set()
        hidden = self._hidden()
        redaction = self._redaction()
        async for item in read_live(
            connector,
            field_map,
            self.account,
            replace(self.context.settings, customer_id=self.account.customer_id),
            self.context.registry.transforms,
            include_raw=include_raw,
            include_sources=include_sources,
            problems=problems,
        ):
            if isinstance(item, MappingError):
                errors.append(item)
            elif item.id not in seen:  # several provider rows may describe one record (a plan per employee)
                seen.add(item.id)
                records.append(_screened(item, hidden, redaction, include_raw))
        return records, errors, [screened_problem(p, hidden or ()) for p in problems if not p.unmapped]

    def _synced(self) -> bool:
        return self.context.store.sync_state.is_synced(self.account.id, self.model)

    def _use_store(self, mode: str) -> bool:
        if mode not in ("auto", "live"):
            raise InputError(f"mode {mode!r} is not known.", remedy="Use mode 'auto' or 'live'.")
        return mode == "auto" and self._synced()

    def _start_list(self, page_size: int, mode: str) -> bool:
        """Check a list read's page size, mode and action; whether it reads the store."""
        if not 1 <= page_size <= 1000:
            raise InputError(
                f"page_size {page_size} is out of range.", remedy="Use a page_size from 1 to 1000."
            )
        self._check(f"{self.resource}.list")
        return self._use_store(mode)

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
        cursor: str | None,
        page_size: int,
        modified_after: datetime | None,
        with_raw: bool = True,
        hidden: tuple[str, ...] = (),
        instants_as_text: bool = False,
    ) -> tuple[list[Any], str | None]:
        """One page of stored rows after the cursor's position, and the next cursor (None at the end)."""
        from hub.store.reads import record_page

        after = _decode_cursor(cursor, "s") if cursor else 0
        rows = record_page(
            self.context.store,
            self.account.id,
            self.model,
            after=after,
            limit=page_size + 1,
            modified_after=modified_after,
            with_raw=with_raw,
            hidden=hidden,
            instants_as_text=instants_as_text,
        )
        more = len(rows) > page_size
        rows = rows[:page_size]
        return rows, (_encode_cursor(rows[-1].seq, "s") if more else None)

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

    def _store_page(
        self,
        cursor: str | None,
        page_size: int,
        modified_after: datetime | None,
        include_raw: bool,
        include_sources: bool,
    ) -> Page[M]:
        rows, following = self._store_rows(cursor, page_size, modified_after)
        return Page(self._from_store(rows, include_raw, include_sources), following)

    async def _live_page(
        self,
        cursor: str | None,
        page_size: int,
        modified_after: datetime | None,
        include_raw: bool,
        include_sources: bool,
    ) -> Page[M]:
        offset = _decode_cursor(cursor, "o") if cursor else 0
        records, errors, problems = await self._read(include_raw, include_sources)
        if modified_after is not None:
            records = [
                r
                for r in records
                if getattr(r, "remote_modified_at", None) is None or r.remote_modified_at > modified_after
            ]
        chunk = records[offset : offset + page_size]
        following = offset + page_size
        following_cursor = _encode_cursor(following, "o") if following < len(records) else None
        return Page(chunk, following_cursor, errors, problems)

    async def alist(
        self,
        *,
        cursor: str | None = None,
        page_size: int = 100,
        modified_after: datetime | None = None,
        include_raw: bool = False,
        include_sources: bool = False,
        mode: Mode = "auto",
    ) -> Page[M]:
        """One page of records.

        ``mode="auto"`` reads the store once this model has been synced for the account (records in
        the order first stored; the cursor stays valid while a sync runs), and the provider before
        that; ``mode="live"`` always reads the provider. ``modified_after`` keeps records changed
        after that moment (the hub's change time in the store, the provider's in live reads).
        """
        if await self._off_loop(self._start_list, page_size, mode):
            return await self._off_loop(
                self._store_page, cursor, page_size, modified_after, include_raw, include_sources
            )
        return await self._live_page(cursor, page_size, modified_after, include_raw, include_sources)

    def list(
        self,
        *,
        cursor: str | None = None,
        page_size: int = 100,
        modified_after: datetime | None = None,
        include_raw: bool = False,
        include_sources: bool = False,
        mode: Mode = "auto",
    ) -> Page[M]:
        """:meth:`alist`, blocking until the page is read (in async code, await :meth:`alist`)."""
        refuse_in_event_loop("ModelAccessor.list", "accessor.alist")
        if self._start_list(page_size, mode):
            return self._store_page(cursor, page_size, modified_after, include_raw, include_sources)
        return run_blocking(
            self._live_page(cursor, page_size, modified_after, include_raw, include_sources),
            method="ModelAccessor.list",
            instead="accessor.alist",
        )

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
    ) -> Page[dict[str, Any]]:
        """:meth:`alist` with JSON-ready dicts for results (as ``model_dump(mode="json")`` gives).

        From the store it skips building models: the stored data was written by the model's own
        serializer. ``remote_data`` (with ``remote_data_redacted``) and ``field_sources`` appear only
        when asked for.
        """
        if await self._off_loop(self._start_list, page_size, mode):
            return await self._off_loop(
                self._store_json, cursor, page_size, modified_after, include_raw, include_sources
            )
        page = await self._live_page(cursor, page_size, modified_after, include_raw, include_sources)
        return self._as_json(page, include_raw, include_sources)

    def _store_json(
        self,
        cursor: str | None,
        page_size: int,
        modified_after: datetime | None,
        include_raw: bool,
        include_sources: bool,
    ) -> Page[dict[str, Any]]:
        from hub.store.reads import lineage_of, to_json_dict

        rows, following = self._store_rows(cursor, page_size, modified_after, with_raw=include_raw)
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
    ) -> Page[dict[str, Any]]:
        """:meth:`alist_json`, blocking (in async code, await :meth:`alist_json`).

        A store read needs no event loop: it runs directly.
        """
        refuse_in_event_loop("ModelAccessor.list_json", "accessor.alist_json")
        if self._start_list(page_size, mode):
            return self._store_json(cursor, page_size, modified_after, include_raw, include_sources)
        page = run_blocking(
            self._live_page(cursor, page_size, modified_after, include_raw, include_sources),
            method="ModelAccessor.list_json",
            instead="accessor.alist_json",
        )
        return self._as_json(page, include_raw, include_sources)

    def store_body(
        self,
        *,
        cursor: str | None = None,
        page_size: int = 100,
        modified_after: datetime | None = None,
        include_raw: bool = False,
        mode: Mode = "auto",
    ) -> bytes | None:
        """A page from the store as the API's encoded body ``{"results": [...], "next_cursor": ...}``.

        The records are spliced from their stored JSON, unparsed where no field must be hidden: the
        unified API's hot path. With ``include_raw`` each record's raw data is unpacked, redacted
        for the account and spliced on (its unified data still unparsed). ``None`` when the read is
        not a plain store read (live, or the model not synced yet): use :meth:`list_json` then.
        """
        from hub.store.reads import encode_rows, hides_in_sql

        if not self._start_list(page_size, mode):
            return None
        hidden = self._hidden() or ()
        in_sql = hides_in_sql(self.context.store)
        rows, following = self._store_rows(
            cursor,
            page_size,
            modified_after,
            with_raw=include_raw,
            hidden=hidden if in_sql else (),
            instants_as_text=True,
        )
        records = b",".join(
            encode_rows(
                rows,
                hidden=() if in_sql else hidden,
                include_raw=include_raw,
                redaction=self._redaction() if include_raw else None,
            )
        )
        return b'{"results":[' + records + b'],"next_cursor":' + orjson.dumps(following) + b"}"

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
        never picking one. Once the model is synced this is an indexed lookup in the store.
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
