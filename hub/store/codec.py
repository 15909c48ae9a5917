"""How a record's raw provider data is kept: compact JSON (orjson), zstd-compressed; and how it is redacted.

Raw records are most of what a sync writes (a UKG employee's three source rows are several KB of
JSON); compressing them cuts the store's writes and size several times for a few microseconds each.
zstd (level 1) was chosen on measurements of a 10,000-employee sandbox tenant's 53,322 raw records
(~3 KB each): 12 µs per record against zlib level 1's 54 µs, at 38% of the JSON's size against 39%.
Data packed with zlib before that stays readable: :func:`unpack_raw` tells the two apart by their
first bytes. The store keeps raw data whole; :class:`RawRedaction` empties a connector's sensitive
members as records are read back for an account that may not see them.

A model's raw records are alike (the same members, the same codes), so a sync compresses them with a
zstd dictionary trained on the account's own records (:class:`RawPacker`): measured on the same
tenant, an employee's raw data packs to 13% of its JSON instead of 38%, in 10 µs instead of 22, and
unpacks in half the time (``bench/raw_format.py``). The dictionary is kept in the store
(``raw_dictionaries``) and named in each zstd frame, so :func:`unpack_raw` finds it
(:func:`add_dictionary_source`).
"""

from __future__ import annotations

import secrets
import threading
import weakref
import zlib
from collections.abc import Callable, Collection, Mapping
from typing import Any, ClassVar, NamedTuple

import orjson
import zstandard

from hub.errors import StorageError

__all__ = [
    "DICTIONARY_BYTES",
    "DICTIONARY_SAMPLES",
    "SEALED_RAW",
    "ZSTD_LEVEL",
    "RawDictionary",
    "RawDictionaryMissing",
    "RawPacker",
    "RawRedaction",
    "add_dictionary_source",
    "dictionary_id_of",
    "is_sealed_raw",
    "new_dictionary_id",
    "pack_json",
    "pack_raw",
    "register_dictionary",
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


def pack_raw(raw: Any, *, sealed: bool = False, like: bytes | None = None) -> bytes:
    """``raw`` (JSON-ready) as compressed bytes; the same value always packs to the same bytes.

    ``sealed`` marks data some of whose members :mod:`hub.store.sealing` encrypted, so a reader knows
    to open them without unpacking every record; ``like``: see :func:`pack_json`.
    """
    return pack_json(orjson.dumps(raw, default=str), sealed=sealed, like=like)


def pack_json(text: bytes, *, sealed: bool = False, like: bytes | None = None) -> bytes:
    """Raw data already written as JSON bytes, packed as :func:`pack_raw` packs it.

    ``like``: packed data whose dictionary to pack with too (raw data written again, as when its
    sealed members are sealed under a new key, stays as small as it was).
    """
    dictionary_id = dictionary_id_of(like) if like else 0
    packer = _dictionary_compressor(dictionary_id) if dictionary_id else _compressor()
    packed = packer.compress(text)
    return SEALED_RAW + packed if sealed else packed


class RawDictionary(NamedTuple):
    """A zstd dictionary raw data is packed with: its id (named in each frame) and its bytes."""

    id: int
    data: bytes


DICTIONARY_BYTES = 65_536
"""A dictionary's size: 16 KiB packed employees 8% larger, 110 KiB no smaller (``bench/raw_format.py``)."""

DICTIONARY_SAMPLES = 500
"""Raw records a dictionary is trained on (0.14 s for employees): twice as many gained 0.1% of size.

0: none is trained (raw data is packed without a dictionary, as before dictionaries)."""

_FIRST_ID, _LAST_ID = 32_768, 2**31 - 1  # zstd keeps ids below 32768 for registered dictionaries

_dictionaries: dict[int, zstandard.ZstdCompressionDict] = {}
_dictionary_bytes: dict[int, bytes] = {}
_sources: list[weakref.WeakMethod[Callable[[int], bytes | None]]] = []
_registry_lock = threading.Lock()


class RawDictionaryMissing(StorageError):
    """Raw data packed with a dictionary no open store holds (the store's ``raw_dictionaries``)."""

    def __init__(self, dictionary_id: int) -> None:
        super().__init__(
            f"Stored raw data was packed with dictionary {dictionary_id}, which no open store holds: the "
            "store's raw_dictionaries table lacks a row the records need.",
            remedy="Restore the raw_dictionaries table from the backup or copy the store was made from "
            "(records and raw_dictionaries go together); the records' own data is unaffected.",
        )


def register_dictionary(dictionary: RawDictionary) -> zstandard.ZstdCompressionDict:
    """Make ``dictionary`` known to this process's unpacking; its zstd form.

    Ids are drawn at random (:class:`RawPacker`): another dictionary under a known id is refused
    rather than risk opening data with the wrong one.
    """
    with _registry_lock:
        known = _dictionary_bytes.get(dictionary.id)
        if known is not None:
            if known != dictionary.data:
                raise ValueError(f"two raw-data dictionaries share the id {dictionary.id}")
            return _dictionaries[dictionary.id]
        compiled = zstandard.ZstdCompressionDict(dictionary.data)
        _dictionaries[dictionary.id] = compiled
        _dictionary_bytes[dictionary.id] = dictionary.data
        return compiled


def new_dictionary_id() -> int:
    """A dictionary id drawn at random that this process does not know yet.

    A store checks its own too (:meth:`hub.store.raw_dictionaries.RawDictionaryStore.unused_id`): among
    many accounts' dictionaries, two random 31-bit ids would meet sooner than one might think.
    """
    while True:
        dictionary_id = _FIRST_ID + secrets.randbelow(_LAST_ID - _FIRST_ID)
        if dictionary_id not in _dictionary_bytes:
            return dictionary_id


def add_dictionary_source(source: Callable[[int], bytes | None]) -> None:
    """Where :func:`unpack_json` looks up a dictionary it does not know yet: a store's bound method.

    Held weakly: a store that is gone stops being asked.
    """
    with _registry_lock:
        _sources[:] = [ref for ref in _sources if ref() is not None]
        _sources.append(weakref.WeakMethod(source))  # type: ignore[arg-type]


def _dictionary(dictionary_id: int) -> zstandard.ZstdCompressionDict:
    """A dictionary by id: known already, or from the newest store that holds it.

    A store that fails to answer (closed, its database gone) does not stop the others being asked;
    if none holds it, the first such failure is raised, as it may be the reason.
    """
    found = _dictionaries.get(dictionary_id)
    if found is not None:
        return found
    failure: Exception | None = None
    for ref in reversed(list(_sources)):
        source = ref()
        try:
            data = source(dictionary_id) if source is not None else None
        except Exception as exc:
            failure = failure or exc
            continue
        if data is not None:
            return register_dictionary(RawDictionary(dictionary_id, data))
    if failure is not None:
        raise failure
    raise RawDictionaryMissing(dictionary_id)


def dictionary_id_of(packed: bytes) -> int:
    """The id of the dictionary packed raw data was compressed with (0: none)."""
    if packed[:2] == SEALED_RAW:
        packed = packed[2:]
    if packed[:4] != _ZSTD_MAGIC or not packed[4] & 3:  # the frame header's Dictionary_ID_flag
        return 0
    return int(zstandard.get_frame_parameters(packed).dict_id)


def _held(kind: str, dictionary_id: int, make: Callable[[zstandard.ZstdCompressionDict], Any]) -> Any:
    """This thread's (de)compressor of one kind for one dictionary, made on first use."""
    held: dict[tuple[str, int], Any] | None = getattr(_codecs, "with_dictionary", None)
    if held is None:
        held = _codecs.with_dictionary = {}
    found = held.get((kind, dictionary_id))
    if found is None:
        found = held[(kind, dictionary_id)] = make(_dictionary(dictionary_id))
    return found


def _dictionary_compressor(dictionary_id: int) -> zstandard.ZstdCompressor:
    return _held("pack", dictionary_id, lambda d: zstandard.ZstdCompressor(level=ZSTD_LEVEL, dict_data=d))  # type: ignore[no-any-return]


def _dictionary_decompressor(dictionary_id: int) -> zstandard.ZstdDecompressor:
    return _held("unpack", dictionary_id, lambda d: zstandard.ZstdDecompressor(dict_data=d))  # type: ignore[no-any-return]


class RawPacker:
    """Packs one model's raw JSON for one write: with the account's dictionary, or training one.

    With ``dictionary`` it packs every record with it. With ``train`` (and none yet) it packs the
    first :data:`DICTIONARY_SAMPLES` records as :func:`pack_json` does, trains a dictionary on
    them, and packs the rest with it; :attr:`trained` then holds it, for the store to keep with the
    records (data packed with it cannot be read without it). Too few records, or records zstd finds
    nothing to learn from, leave it without one. Samples are the bytes as packed (sensitive members
    already sealed), so a dictionary holds nothing the stored raw data does not. One packer serves one
    writer in one thread (its compressor is not shared between threads).
    """

    def __init__(
        self,
        dictionary: RawDictionary | None = None,
        *,
        train: bool = False,
        samples: int | None = None,
        new_id: int | None = None,
    ) -> None:
        """``new_id``: the id a trained dictionary gets (one the store does not hold); else drawn here."""
        self.dictionary = dictionary
        self._new_id = new_id
        self.trained: RawDictionary | None = None
        self._wanted = (
            (DICTIONARY_SAMPLES if samples is None else samples) if train and dictionary is None else 0
        )
        self._samples: list[bytes] = []
        self._compressor = (
            zstandard.ZstdCompressor(level=ZSTD_LEVEL, dict_data=register_dictionary(dictionary))
            if dictionary is not None
            else _compressor()
        )

    def pack(self, text: bytes, *, sealed: bool = False) -> bytes:
        """JSON ``text`` packed as :func:`pack_json` packs it, with the dictionary if there is one."""
        packed = self._compressor.compress(text)
        if self._wanted:
            self._samples.append(text)
            if len(self._samples) >= self._wanted:
                self._train()
        return SEALED_RAW + packed if sealed else packed

    def _train(self) -> None:
        samples, self._samples, self._wanted = self._samples, [], 0
        dictionary_id = self._new_id or new_dictionary_id()
        try:
            trained = zstandard.train_dictionary(
                DICTIONARY_BYTES, samples, dict_id=dictionary_id, level=ZSTD_LEVEL
            )
        except zstandard.ZstdError:
            return  # nothing to learn (records too few, too small or all alike): packed without
        self.dictionary = self.trained = RawDictionary(dictionary_id, trained.as_bytes())
        self._compressor = zstandard.ZstdCompressor(
            level=ZSTD_LEVEL, dict_data=register_dictionary(self.trained)
        )


def is_sealed_raw(packed: bytes | None) -> bool:
    """Whether packed raw data holds sealed members."""
    return packed is not None and packed[:2] == SEALED_RAW


def unpack_json(packed: bytes) -> bytes:
    """The JSON bytes :func:`pack_json` packed (zstd, or zlib as stored before zstd)."""
    if packed[:2] == SEALED_RAW:
        packed = packed[2:]
    if packed[:4] == _ZSTD_MAGIC:
        dictionary_id = dictionary_id_of(packed)
        opener = _dictionary_decompressor(dictionary_id) if dictionary_id else _decompressor()
        return opener.decompress(packed)  # type: ignore[no-any-return]
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
