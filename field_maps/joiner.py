"""Joining a map's provider records on their keys, whatever each record calls its key fields.

UKG's person-details says ``companyId``/``employeeId`` and employment-details ``companyID``/``employeeID``:
each source declares its own key API names, matched position by position. Key values are compared
as text (``12`` joins ``"12"``); a record with an empty key part joins nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from field_maps.spec import SourceSpec

__all__ = ["IndexedRows", "JoinLookup", "JoinStats", "join_records", "key_of", "normalise_key"]

JoinKey = tuple[str, ...]


@runtime_checkable
class JoinLookup(Protocol):
    """Records of a joined source kept elsewhere (on disk, say), found by join key on demand."""

    def lookup(self, key: JoinKey) -> Mapping[str, Any] | None:
        """The first record whose join key is ``key``, or None."""
        ...


def _part(value: Any) -> str | None:
    if value.__class__ is str:
        return None if not value or value.isspace() else value
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


def _dig(record: Any, name: str) -> Any:
    for segment in name.split("."):
        if not isinstance(record, Mapping):
            return None
        record = record.get(segment)
    return record


def key_of(record: Mapping[str, Any], key: Sequence[str]) -> JoinKey | None:
    """The join key of ``record`` by the API names in ``key``, or ``None`` when a part is empty."""
    parts = []
    for name in key:
        part = _part(record.get(name) if "." not in name else _dig(record, name))
        if part is None:
            return None
        parts.append(part)
    return tuple(parts)


def normalise_key(key: Any) -> JoinKey | None:
    """A caller's key (a tuple of parts, or one part for a one-part key) in the form joins compare."""
    parts = key if isinstance(key, tuple | list) else (key,)
    result = tuple(_part(p) for p in parts)
    return None if any(p is None for p in result) else result  # type: ignore[return-value]


def _index(
    source: SourceSpec, rows: Iterable[Mapping[str, Any]] | Mapping[Any, Mapping[str, Any]]
) -> dict[JoinKey, Mapping[str, Any]]:
    if isinstance(rows, Mapping):
        return {k: v for k, v in ((normalise_key(k), v) for k, v in rows.items()) if k is not None}
    index: dict[JoinKey, Mapping[str, Any]] = {}
    for row in rows:
        key = key_of(row, source.key)
        if key is not None:
            index.setdefault(key, row)  # first wins: a provider repeating a row should not reorder data
    return index


class IndexedRows:
    """A joined source's records indexed once by join key (first wins), for joins done page by page.

    A :class:`JoinLookup`: joining each page against it costs one dictionary look-up per record,
    where passing the records themselves would index them again for every page.
    """

    def __init__(
        self, source: SourceSpec, rows: Iterable[Mapping[str, Any]] | Mapping[Any, Mapping[str, Any]]
    ) -> None:
        self._index = _index(source, rows)

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, key: JoinKey) -> Mapping[str, Any] | None:
        """The first record whose join key is ``key``, or None."""
        return self._index.get(key)


class JoinStats:
    """How well a map's joined sources matched: primary records seen, and per alias how many found one.

    Pass one to :func:`join_records` (or ``CompiledMap.join``) and read it after the join is consumed;
    counts add up over several joins (a sync joins page by page).
    """

    __slots__ = ("joined", "primary")

    def __init__(self) -> None:
        self.primary = 0
        self.joined: dict[str, int] = {}

    def __repr__(self) -> str:
        return f"JoinStats(primary={self.primary}, joined={self.joined})"


def join_records(
    sources: Sequence[SourceSpec],
    primary: Iterable[Mapping[str, Any]],
    others: Mapping[str, Iterable[Mapping[str, Any]] | Mapping[Any, Mapping[str, Any]]],
    stats: JoinStats | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield ``{alias: record or None}`` per primary record; ``others`` are indexed once, up front.

    ``others`` is keyed by source alias; each value is the records of that source (an iterable), a
    mapping already keyed by join key, or a :class:`JoinLookup`. A source not given joins nothing.
    A source with ``on`` is looked up by those primary fields, the others by the primary's key.
    ``stats`` counts the primary records and the matches per source.
    """
    first, rest = sources[0], sources[1:]
    known = {s.name for s in rest}
    unknown = [alias for alias in others if alias not in known]
    if unknown:
        raise TypeError(
            f"unknown source(s) {', '.join(unknown)}; this map joins: {', '.join(sorted(known)) or 'none'}"
        )
    finders = []
    for s in rest:
        rows = others.get(s.name, {})
        find = rows.lookup if isinstance(rows, JoinLookup) else _index(s, rows).get
        finders.append((s.name, find, s.on or None))
    primary_key = first.key
    counts = None if stats is None else {s.name: 0 for s in rest}
    for record in primary:
        key = key_of(record, primary_key)
        joined: dict[str, Any] = {first.name: record}
        for alias, find, on in finders:
            own = key if on is None else key_of(record, on)
            found = joined[alias] = find(own) if own is not None else None
            if counts is not None and found is not None:
                counts[alias] += 1
        if stats is not None:
            stats.primary += 1
        yield joined
    if stats is not None and counts is not None:
        for alias, count in counts.items():
            stats.joined[alias] = stats.joined.get(alias, 0) + count
