"""Turning joined provider records into staged rows: map, dump, hash (what a sync does per record).

:func:`pack_slice` does it for a slice of joined records: each becomes its model, the JSON the store
keeps of it, its raw provider records as JSON and the hash of both, or the reason it could not be
mapped. The results are plain values, whether packed by the syncing process or by a read-ahead
helper (:mod:`hub.sync.read_ahead`), which stages them in a file the syncing process applies.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

import orjson

from field_maps import FieldProblem, MappingError
from hub.store.codec import RawPacker
from hub.store.sealing import RecordSeal
from hub.sync.caps import MAX_RAW_BYTES, MAX_REMOTE_ID_CHARS, MAX_VALUE_BYTES, cap_fields, cap_raw
from hub.sync.report import Oversized
from unified_models import HUB_FIELDS, stable_id

__all__ = [
    "MAPPED_KEYS_KEPT",
    "NOT_STORED",
    "Excluded",
    "PackSpec",
    "Packed",
    "Refused",
    "StagedRow",
    "pack_slice",
    "remember_keys",
]

NOT_STORED = frozenset({"remote_data", "field_sources", "created_at", "modified_at", "remote_was_deleted"})
"""Fields kept beside a record's data rather than in it (columns, or computed on read)."""

_KEY_TYPES = (str, int)

MAPPED_KEYS_KEPT = 16_384
"""How many record keys a read remembers to skip repeats (then it starts afresh: memory stays flat)."""


class StagedRow(NamedTuple):
    """One staged record: its data as the store keeps it, its raw data as JSON bytes (packed when written).

    ``hash`` covers the data and the raw JSON, not its compressed form, so a change of compression
    never reads as a change of the record.
    """

    id: str
    remote_id: str | None
    hash: str
    data: str
    raw: bytes | None
    sensitive: bool = False
    """Whether the raw data holds a record type with sensitive members (to be sealed when written)."""
    packed: bool = False
    """Whether ``raw`` is already as the store keeps it (compressed, sealed): packed by a helper."""


class Packed(NamedTuple):
    """A record mapped and packed: its staged row and what the run report counts of it."""

    row: StagedRow
    key: tuple[Any, ...] | None
    """The provider key (a later record with the same key is the same record), None if unusable."""
    filled: tuple[str, ...]
    """The model's fields with a value (:func:`hub.sync.staging.is_filled`)."""
    oversized: tuple[Oversized, ...]
    problems: tuple[FieldProblem, ...]


class Refused(NamedTuple):
    """A record that was not staged: the error the report lists, and the stored id it must not delete."""

    key: list[Any] | None
    field: str | None
    reason: str
    protect: str | None
    """The id of the stored record this one would have replaced (kept, not deleted), if known."""
    problems: tuple[FieldProblem, ...]


class Excluded(NamedTuple):
    """A record the account's employee filters leave out: its id and stored data (for its event)."""

    id: str
    data: str
    problems: tuple[FieldProblem, ...]


@dataclass(frozen=True)
class PackSpec:
    """What packing needs beside the compiled map (a helper process inherits it when forked)."""

    connector: str
    model: str
    sensitive_raw: Mapping[str, Collection[str]] = field(default_factory=dict)
    """The connector's sensitive raw members (record type → names): rows holding one are sealed."""
    seal: RecordSeal | None = None
    """The store's sealing, for :attr:`pack_raw`."""
    pack_raw: bool = False
    """Compress (and seal) the raw data now rather than when written: a read-ahead helper does it
    (:mod:`hub.sync.read_ahead`), even for a record that turns out unchanged, so the process writing
    the store need not."""
    packer: RawPacker = field(default_factory=RawPacker)
    """What compresses it then: with the account's dictionary, training one, or plain zstd."""

    @cached_property
    def sensitive_records(self) -> frozenset[str]:
        """The raw record types with sensitive members."""
        return frozenset(record for record, names in self.sensitive_raw.items() if names)


def pack_slice(
    compiled: Any,
    spec: PackSpec,
    joined: Iterable[dict[str, Any]],
    keep: Callable[[Any], bool] | None = None,
) -> list[Packed | Refused | Excluded]:
    """Map and pack each joined record, in order; ``keep(record)`` False makes it :class:`Excluded`.

    A record whose key a record before it in the slice was packed with is the same record again: it is
    skipped (the sync keeps the first of each id), unless :data:`MAPPED_KEYS_KEPT` is 0.
    """
    out: list[Packed | Refused | Excluded] = []
    packed: set[tuple[Any, ...]] = set()
    remember = MAPPED_KEYS_KEPT > 0
    fields: tuple[str, ...] | None = None
    build, raw_of, record_key = compiled.build, compiled.raw_of, compiled.record_key
    sensitive = spec.sensitive_records
    pack = _raw_packer(spec)
    for record in joined:
        problems: list[FieldProblem] = []
        key: tuple[Any, ...] | None = record_key(record)
        if not all(part.__class__ in _KEY_TYPES for part in key):  # type: ignore[union-attr]
            key = None  # not a usable key: the map says why
        elif key in packed:
            continue
        try:
            item = build(record, problems=problems)
        except MappingError as exc:
            error_key = list(exc.record_key) if exc.record_key is not None else None
            protect = (
                stable_id(spec.connector, spec.model, exc.record_key)
                if exc.record_key is not None and all(p is not None for p in exc.record_key)
                else None
            )
            out.append(Refused(error_key, exc.field, exc.reason, protect, tuple(problems)))
            continue
        values = item.__dict__
        remote_id = values.get("remote_id")
        if isinstance(remote_id, str) and len(remote_id) > MAX_REMOTE_ID_CHARS:
            reason = (
                f"the remote id is {len(remote_id)} characters long, over the "
                f"{MAX_REMOTE_ID_CHARS} the store keeps: the record was not stored"
            )
            out.append(Refused([remote_id[:40] + "…"], "remote_id", reason, None, tuple(problems)))
            continue
        if keep is not None and not keep(item):
            out.append(Excluded(item.id, item.model_dump_json(exclude=NOT_STORED), tuple(problems)))
            continue
        if fields is None:
            fields = tuple(n for n in type(item).model_fields if n not in HUB_FIELDS)
        out.append(_packed(item, raw_of(record), key, fields, sensitive, tuple(problems), pack))
        if key is not None and remember:
            packed.add(key)
    return out


def remember_keys(results: list[Packed | Refused | Excluded], mapped: set[Any]) -> list[Any]:
    """``results``, after adding the keys of the packed ones to ``mapped`` (a read's repeats to skip).

    ``mapped`` holds at most :data:`MAPPED_KEYS_KEPT` keys: then it starts afresh (memory stays flat).
    """
    kept = MAPPED_KEYS_KEPT
    for result in results:
        key = result.key if result.__class__ is Packed else None  # type: ignore[union-attr]
        if key is not None:
            if len(mapped) >= kept:
                mapped.clear()
            if kept:
                mapped.add(key)
    return results


def _packed(
    item: Any,
    raw: Any,
    key: tuple[Any, ...] | None,
    fields: tuple[str, ...],
    sensitive_records: Collection[str],
    problems: tuple[FieldProblem, ...],
    pack: Callable[[StagedRow], StagedRow] | None,
) -> Packed:
    data = item.model_dump_json(exclude=NOT_STORED)
    encoded = data.encode()
    remote_id = item.__dict__.get("remote_id")
    oversized: list[Oversized] = []
    if len(encoded) > MAX_VALUE_BYTES:  # only then can one of its values be over the cap
        item, over = cap_fields(item)
        if over:
            oversized.extend(Oversized(remote_id, name, size, MAX_VALUE_BYTES) for name, size in over.items())
            data = item.model_dump_json(exclude=NOT_STORED)
            encoded = data.encode()
    values = item.__dict__
    filled = tuple(
        name
        for name in fields
        if (value := values[name]) is not None and value != "" and value != [] and value != {}
    )
    text = None
    if raw:
        text = orjson.dumps(raw, default=str)
        if len(text) > MAX_VALUE_BYTES:
            raw, over = cap_raw(raw)
            for name, size in over.items():
                cap = MAX_RAW_BYTES if name == "remote_data" else MAX_VALUE_BYTES
                oversized.append(Oversized(remote_id, name, size, cap))
            text = orjson.dumps(raw, default=str) if raw is not None else None
    digest = hashlib.sha256(encoded)
    if text is not None:
        digest.update(b"\0" + text)
    sensitive = text is not None and not sensitive_records.isdisjoint(raw)  # type: ignore[attr-defined]
    row = StagedRow(item.id, remote_id, digest.hexdigest(), data, text, sensitive)
    return Packed(row if pack is None else pack(row), key, filled, tuple(oversized), problems)


def _raw_packer(spec: PackSpec) -> Callable[[StagedRow], StagedRow] | None:
    """What packs a row's raw data as the store keeps it, with :attr:`PackSpec.pack_raw`."""
    if not spec.pack_raw:
        return None
    seal, members, packer = spec.seal, spec.sensitive_raw, spec.packer

    def pack(row: StagedRow) -> StagedRow:
        if row.raw is None:
            return row
        if row.sensitive and seal is not None:
            raw = seal.seal_raw_json(row.id, row.raw, members, packer)
        else:
            raw = packer.pack(row.raw)
        return row._replace(raw=raw, packed=True)

    return pack
