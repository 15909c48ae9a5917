"""Reading one unified model from the provider, through the field maps: whole, or for some keys only.

Used for ``mode="live"`` reads and by syncs. Joined sources are read once and indexed; the primary
source streams page by page. A joined, optional source the account may not read (403) joins nothing
rather than failing the read. Each record that fails to map comes out as its
:class:`field_maps.MappingError`.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import AsyncIterator, Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from field_maps import FieldProblem
from field_maps.joiner import IndexedRows, JoinKey, JoinStats, key_of, normalise_key
from hub.accounts import Account
from hub.connector import Connector, ConnectorClient, HttpSettings
from hub.errors import MissingPermission
from hub.observability.logs import bound
from hub.spill import SpilledRows

__all__ = ["ChangedReads", "ReadStats", "compile_for", "read_compiled", "read_live", "screened_problem"]

HIDDEN_VALUE = "(sensitive: hidden)"
"""What a reported problem shows instead of a value the account may not see."""


def screened_problem(problem: FieldProblem, hidden: Collection[str]) -> FieldProblem:
    """``problem`` as an account may see it: the value and its quotes removed for a hidden field."""
    if problem.field.split(".")[0] not in hidden:
        return problem
    reason = problem.reason.replace(problem.value, "(hidden)") if problem.value else problem.reason
    return FieldProblem(problem.record_key, problem.field, HIDDEN_VALUE, reason)


log = logging.getLogger(__name__)

Keys = Sequence[tuple[str, ...]]

SLICE = 500
"""Records joined and mapped at a time: a page's joined partners and built models stay this few."""


async def compile_for(
    client: ConnectorClient,
    connector: Connector,
    field_map: Any,
    account: Account,
    transforms: Mapping[str, Any],
) -> Any:
    """The account's compiled map: the provider's labels and the account's overrides applied."""
    code_tables: Mapping[str, Mapping[str, str]] = {}
    # Optional for a client: ``code_tables(names)`` gives the provider's code tables that fields with
    # ``code_table`` decode with (UKG's reason codes); without it those fields keep the codes.
    reader = getattr(client, "code_tables", None)
    if field_map.code_tables and reader is not None:  # both at once: each is a request of its own
        labels, code_tables = await asyncio.gather(
            client.labels(field_map.model), reader(sorted(field_map.code_tables))
        )
    else:
        labels = await client.labels(field_map.model)
    return field_map.compile(
        connector=connector.name,
        labels=labels,
        overrides=account.options.overrides.get(field_map.model),
        transforms=transforms,
        tz=account.options.time_zone,
        code_tables=code_tables,
    )


class ReadStats:
    """What a read joined: rows read per joined source (by alias) and the join's counts."""

    __slots__ = ("join", "rows")

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        self.join = JoinStats()


@dataclass
class ChangedReads:
    """How a change feed's keys are read where the provider says what changed (``ChangeFeed.changed_since``).

    For a source whose record type is in ``records`` (and that joins on the feed's key itself), the
    client is asked once for the rows changed since ``since`` (``client.changed_records``); a key it
    returned no row for takes the rows ``stored`` holds for it, and only a key with neither is read
    by key. ``counts`` tells, per record type, how many keys came each way.
    """

    since: datetime
    records: frozenset[str]
    stored: Callable[[str, JoinKey], list[dict[str, Any]] | None]
    """The rows of a record type stored for a key at the last sync (``[]``: it had none; None: not known)."""
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    """Record type → ``changed`` (keys the provider returned changed rows for), ``stored`` (keys whose
    stored rows were used) and ``by_key`` (keys read by key: nothing stored for them)."""

    def applies(self, source: Any) -> bool:
        """Whether ``source`` is read this way: its record type is declared, and it joins on its own key.

        Made only for a client that has ``changed_records`` (the sync checks it once per run).
        """
        return source.record in self.records and not getattr(source, "on", ())


async def _changed_rows(
    client: ConnectorClient, source: Any, keys: Keys, changed: ChangedReads
) -> list[dict[str, Any]]:
    """The rows of ``source`` for ``keys``: the changed ones read, the rest as stored, else read by key."""
    width = min(min(len(k) for k in keys), len(source.key))
    fields = source.key[:width]
    wanted = {k for k in (normalise_key(tuple(k)[:width]) for k in keys) if k is not None}
    found: dict[JoinKey, list[dict[str, Any]]] = {}
    where = _where(source, keys)["where"]
    reader = client.changed_records  # type: ignore[attr-defined]
    extra: dict[str, Any] = {}
    if _takes(reader, "stored"):

        def stored_for(values: Sequence[Any]) -> list[dict[str, Any]] | None:
            key = normalise_key(tuple(values))
            return None if key is None else changed.stored(source.record, key)

        extra["stored"] = stored_for
    async for page in reader(source.record, since=changed.since, where=where, **extra):
        for row in page:
            key = key_of(row, fields)
            if key in wanted:
                found.setdefault(key, []).append(row)
    rows = [row for found_rows in found.values() for row in found_rows]
    missing: list[JoinKey] = []
    stored = 0
    for key in wanted - found.keys():
        known = changed.stored(source.record, key)
        if known is None:
            missing.append(key)
        else:
            rows.extend(known)
            stored += 1
    if missing:
        unknown = set(missing)
        async for page in client.records(source.record, **_where(source, missing)):
            rows.extend(row for row in page if key_of(row, fields) in unknown)
    counts = changed.counts.setdefault(source.record, {"changed": 0, "stored": 0, "by_key": 0})
    counts["changed"] += len(found)
    counts["stored"] += stored
    counts["by_key"] += len(missing)
    return rows


def _takes(method: Callable[..., Any], name: str) -> bool:
    """Whether ``method`` accepts the keyword argument ``name``."""
    try:
        parameters = inspect.signature(method).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == name or p.kind is p.VAR_KEYWORD for p in parameters)


async def _changed_pages(
    client: ConnectorClient, source: Any, keys: Keys, changed: ChangedReads
) -> list[list[dict[str, Any]]]:
    return [await _changed_rows(client, source, keys, changed)]


def _where(source: Any, keys: Keys | None, primary_key: Sequence[str] | None = None) -> dict[str, Any]:
    """Filter parameters for ``keys`` (primary key values): each key position on the source's own field.

    A source joined ``on`` other primary fields is filtered only on those that are primary key parts.
    """
    if keys is None:
        return {}
    width = min(len(k) for k in keys)
    if not getattr(source, "on", ()) or primary_key is None:
        where = {source.key[i]: sorted({k[i] for k in keys}) for i in range(min(width, len(source.key)))}
        return {"where": where}
    where = {}
    for own, name in zip(source.key, source.on, strict=True):
        if name in primary_key and primary_key.index(name) < width:
            position = primary_key.index(name)
            where[own] = sorted({k[position] for k in keys})
    return {"where": where}


async def _collect(
    client: ConnectorClient,
    source: Any,
    keys: Keys | None,
    account_id: str,
    spill: Path | None,
    tolerate: Collection[str] | None,
    primary_key: Sequence[str],
    changed: ChangedReads | None = None,
) -> Any:
    rows: Any = [] if spill is None else SpilledRows(spill, source.name, source.key)
    add = rows.extend if spill is None else rows.add
    try:
        if keys is not None and changed is not None and changed.applies(source):
            add(await _changed_rows(client, source, keys, changed))
            return rows
        async for page in client.records(source.record, **_where(source, keys, primary_key)):
            add(page)
    except MissingPermission as exc:
        if source.required or (tolerate is not None and not set(exc.permissions) <= set(tolerate)):
            raise
        log.info("%s: %s not readable (permission missing); joined as empty", account_id, source.record)
        return []
    return rows


async def read_compiled(
    client: ConnectorClient,
    compiled: Any,
    account_id: str,
    *,
    keys: Keys | None = None,
    since: datetime | None = None,
    include_raw: bool = False,
    include_sources: bool = False,
    unmapped: bool = False,
    skip: Collection[Any] = (),
    spill: Path | None = None,
    tolerate: Collection[str] | None = None,
    stats: ReadStats | None = None,
    problems: list[FieldProblem] | None = None,
    changed: ChangedReads | None = None,
) -> AsyncIterator[list[Any]]:
    """Pages of unified records (or :class:`MappingError`) of one compiled map.

    A provider page comes out in slices of at most :data:`SLICE` records.

    ``unmapped`` yields the joined records unmapped (a sync maps them its own way:
    :mod:`hub.sync.packing`), leaving out those whose key (:meth:`record_key`) is in ``skip``. ``spill`` is a
    scratch folder: joined sources are kept there on disk rather than in memory. An optional joined
    source the account may not read (403) joins nothing; with ``tolerate``, only when the permission
    it lacks is one of those (the ones the account is known to miss), so a permission revoked since
    linking fails the read instead of emptying fields that used to be filled.

    ``since`` asks the client for the primary records dated from then on (a :class:`DateWindow` read).
    ``keys`` limits the read to the records whose first key parts are one of these tuples (a
    change feed's keys); the client is asked to filter, and rows it sends beyond them are dropped.
    ``stats`` counts the rows read per joined source and how many primary records each matched;
    ``problems`` collects the values that could not be used (their fields are left empty).
    ``changed``: with ``keys``, the sources read as rows changed since a moment (:class:`ChangedReads`).
    """
    primary, *joined = compiled.sources
    wanted = None if keys is None else {normalise_key(k) for k in keys}
    window = {} if since is None else {"since": since}
    # A keyed read's primary rows are few: read them alongside the joined sources, not after them.
    ahead: asyncio.Future[list[list[Any]]] | None = None
    if keys is not None and changed is not None and changed.applies(primary):
        ahead = asyncio.ensure_future(_changed_pages(client, primary, keys, changed))
    elif keys is not None:
        ahead = asyncio.ensure_future(
            _pages(client.records(primary.record, **_where(primary, keys), **window))
        )
    others: dict[str, Any] = {}
    try:
        tables = await asyncio.gather(
            *(_collect(client, s, keys, account_id, spill, tolerate, primary.key, changed) for s in joined)
        )
        others = {
            s.name: rows if isinstance(rows, SpilledRows) else IndexedRows(s, rows)
            for s, rows in zip(joined, tables, strict=True)
        }
        if stats is not None:
            for s, rows in zip(joined, tables, strict=True):
                stats.rows[s.name] = stats.rows.get(s.name, 0) + (
                    rows.count if isinstance(rows, SpilledRows) else len(rows)
                )
        width = None if keys is None else min(len(k) for k in keys)
        pages = (
            client.records(primary.record, **_where(primary, keys), **window)
            if ahead is None
            else _replay(ahead)
        )
        async for page in pages:
            if wanted is not None:
                page = [row for row in page if key_of(row, primary.key[:width]) in wanted]
            # Slice by slice, so only a slice's joined partners and models are held at once.
            for start in range(0, len(page), SLICE):
                chunk = page[start : start + SLICE]
                part = (
                    compiled.join(chunk, **others)
                    if stats is None
                    else compiled.join_counted(chunk, others, stats.join)
                )
                if unmapped:
                    yield _unseen(compiled, part, skip) if skip else list(part)
                else:
                    yield list(
                        compiled.map_many(
                            part, include_raw=include_raw, include_sources=include_sources, problems=problems
                        )
                    )
            del page
    finally:
        if ahead is not None and not ahead.done():
            ahead.cancel()
            await asyncio.gather(ahead, return_exceptions=True)
        for rows in others.values():
            if isinstance(rows, SpilledRows):
                rows.close()


def _unseen(compiled: Any, joined: Iterable[dict[str, Any]], skip: Collection[Any]) -> list[dict[str, Any]]:
    """The joined records whose key is not in ``skip``."""
    out = []
    for record in joined:
        try:
            if compiled.record_key(record) in skip:
                continue
        except TypeError:  # an unhashable key part: not a usable key, the map says why
            pass
        out.append(record)
    return out


async def _pages(read: AsyncIterator[list[Any]]) -> list[list[Any]]:
    """Every page of a read, kept."""
    return [page async for page in read]


async def _replay(kept: asyncio.Future[list[list[Any]]]) -> AsyncIterator[list[Any]]:
    """The pages a read ahead kept, once it has ended."""
    for page in await kept:
        yield page


async def read_live(
    connector: Connector,
    field_map: Any,
    account: Account,
    settings: HttpSettings,
    transforms: Mapping[str, Any],
    *,
    include_raw: bool = False,
    include_sources: bool = False,
    problems: list[FieldProblem] | None = None,
) -> AsyncIterator[Any]:
    """Stream the unified records of one model for one account, read live from the provider.

    ``problems`` collects the values that could not be used (their fields are left empty).
    """
    with bound(connector=connector.name):
        client = connector.client_factory(account.credentials.reveal(), settings)
    try:
        compiled = await compile_for(client, connector, field_map, account, transforms)
        async for page in read_compiled(
            client,
            compiled,
            account.id,
            include_raw=include_raw,
            include_sources=include_sources,
            problems=problems,
        ):
            for item in page:
                yield item
    finally:
        await client.aclose()
