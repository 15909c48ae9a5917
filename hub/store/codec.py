"""How a record's raw provider data is kept: compact JSON (orjson), zstd-compressed; and how it is redacted.

Raw records are most of what a sync writes (a UKG employee's three source rows are several KB of
JSON); compressing them cuts the store's writes and size several times for a few microseconds each.
zstd (level 1) was chosen on measurements of a 10,000-employee sandbox tenant's 53,322 raw records
(~3 KB each): 12 µs per record against zlib level 1's 54 µs, at 38% of the JSON's size against 39%.
Data packed with zlib before that stays readable: :func:`unpack_raw` tells the two apart by their
first bytes. The store keeps raw data whole; :class:`RawRedaction` empties a connector's sensitive
members as records are read back for an account that may not see them.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Collection, Mapping
from typing import Any, ClassVar

import orjson
import zstandard

__all__ = [
    "SEALED_RAW",
    "ZSTD_LEVEL",
    "RawRedaction",
    "is_sealed_raw",
    "pack_json",
    "pack_raw",
    "unpack_json",
    "unpack_raw",
]

SEALED_RAW = b"S1"
"""The start of packed raw data holding sealed members (zstd and zlib data never start with it)."""

ZSTD_LEVEL = 1
"""zstd's fastest standard level: higher ones cost more time than they save bytes on records this small."""

_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_codecs = threading.local()  # a zstd (de)compressor is not safe to share between threads


def _compressor() -> zstandard.ZstdCompressor:
    found = getattr(_codecs, "compressor", None)
    if found is None:
        found = _codecs.compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
    return found  # type: ignore[no-any-return]


def _decompressor() -> zstandard.ZstdDecompressor:
    found = getattr(_codecs, "decompressor", None)
    if found is None:
        found = _codecs.decompressor = zstandard.ZstdDecompressor()
    return found  # type: ignore[no-any-return]


def pack_raw(raw: Any, *, sealed: bool = False) -> bytes:
    """``raw`` (JSON-ready) as compressed bytes; the same value always packs to the same bytes.

    ``sealed`` marks data some of whose members :mod:`hub.store.sealing` encrypted, so a reader knows
    to open them without unpacking every record.
    """
    return pack_json(orjson.dumps(raw, default=str), sealed=sealed)


def pack_json(text: bytes, *, sealed: bool = False) -> bytes:
    """Raw data already written as JSON bytes, packed as :func:`pack_raw` packs it."""
    packed = _compressor().compress(text)
    return SEALED_RAW + packed if sealed else packed


def is_sealed_raw(packed: bytes | None) -> bool:
    """Whether packed raw data holds sealed members."""
    return packed is not None and packed[:2] == SEALED_RAW


def unpack_json(packed: bytes) -> bytes:
    """The JSON bytes :func:`pack_json` packed (zstd, or zlib as stored before zstd)."""
    if packed[:2] == SEALED_RAW:
        packed = packed[2:]
    if packed[:4] == _ZSTD_MAGIC:
        return _decompressor().decompress(packed)  # type: ignore[no-any-return]
    return zlib.decompress(packed)


def unpack_raw(packed: bytes) -> Any:
    """The value :func:`pack_raw` packed (sealed members left sealed)."""
    return orjson.loads(unpack_json(packed))


Path = tuple[str, ...]


class RawRedaction:
    """A connector's sensitive raw members (``Connector.sensitive_raw_keys``), ready to redact records.

    :meth:`apply` takes ``remote_data`` (record type → a provider row, or a list of rows) and gives it
    back with each sensitive member present set to null, plus the sorted ``record.member`` names it
    redacted. Rows without a sensitive member are shared, not copied; the input is never changed.
    """

    __slots__ = ("_names", "_plan")

    _compiled: ClassVar[dict[int, tuple[Mapping[str, Collection[str]], RawRedaction]]] = {}

    def __init__(self, keys: Mapping[str, Collection[str]]) -> None:
        """Compile ``keys``: record type → API names (dotted for nested members)."""
        self._plan: tuple[tuple[str, tuple[str, ...], tuple[Path, ...]], ...] = tuple(
            (
                record,
                tuple(sorted(n for n in names if "." not in n)),
                tuple(sorted(tuple(n.split(".")) for n in names if "." in n)),
            )
            for record, names in keys.items()
            if names
        )
        self._names = frozenset(f"{record}.{name}" for record, names in keys.items() for name in names)

    @classmethod
    def of(cls, keys: Mapping[str, Collection[str]]) -> RawRedaction:
        """The compiled redaction of ``keys``, compiled once per declaration."""
        held = cls._compiled.get(id(keys))
        if held is None or held[0] is not keys:
            held = cls._compiled[id(keys)] = (keys, cls(keys))
        return held[1]

    @property
    def members(self) -> tuple[tuple[str, tuple[str, ...], tuple[Path, ...]], ...]:
        """Per record type: its top-level sensitive names, and the paths of its nested ones."""
        return self._plan

    def covers(self, api_name: str | None) -> bool:
        """Whether a field source's ``api_name`` (``record.member``, several joined by ``", "``) is sensitive.

        A member nested under a sensitive one is sensitive too.
        """
        if not api_name or not self._names:
            return False
        for name in api_name.split(","):
            parts = name.strip().split(".")
            if any(".".join(parts[:end]) in self._names for end in range(2, len(parts) + 1)):
                return True
        return False

    def apply(self, raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
        """``raw`` with its sensitive members null, and their ``record.member`` names, sorted."""
        out: dict[str, Any] | None = None
        redacted: list[str] = []
        for record, flat, nested in self._plan:
            value = raw.get(record)
            if isinstance(value, dict):
                new, hits = _redact_row(value, flat, nested)
            elif isinstance(value, list):
                new, hits = _redact_rows(value, flat, nested)
            else:
                continue
            if hits:
                if out is None:
                    out = dict(raw)
                out[record] = new
                redacted += [f"{record}.{name}" for name in hits]
        if out is None:
            return raw if isinstance(raw, dict) else dict(raw), redacted
        redacted.sort()
        return out, redacted


def _redact_row(
    row: dict[str, Any], flat: tuple[str, ...], nested: tuple[Path, ...]
) -> tuple[Any, list[str]]:
    hits = [name for name in flat if name in row]
    deep = [path for path in nested if _holds(row, path)]
    if not hits and not deep:
        return row, hits
    row = dict(row)
    for name in hits:
        row[name] = None
    for path in deep:
        row = _emptied(row, path)
    return row, hits + [".".join(path) for path in deep]


def _redact_rows(rows: list[Any], flat: tuple[str, ...], nested: tuple[Path, ...]) -> tuple[Any, list[str]]:
    found: dict[str, None] = {}
    out = []
    for row in rows:
        if isinstance(row, dict):
            row, hits = _redact_row(row, flat, nested)
            found.update(dict.fromkeys(hits))
        out.append(row)
    return (out, list(found)) if found else (rows, [])


def _holds(row: Mapping[str, Any], path: Path) -> bool:
    node: Any = row
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _emptied(node: dict[str, Any], path: Path) -> dict[str, Any]:
    # A copy of ``node`` with the member at ``path`` null, copying only the objects on the way down.
    head, *rest = path
    copy = dict(node)
    copy[head] = _emptied(node[head], tuple(rest)) if rest else None
    return copy
