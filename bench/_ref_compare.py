"""Comparing what two stores hold: the hub's SQLite file and the reference sync's, model by model.

Each side's live records of a model are read in id order, their sealed values opened with that side's
key, and matched by id (a merge, so memory stays flat however large the tenant): ids only one side has,
and records whose remote id, hash, data or raw data differ. Hashes cover the data and the raw JSON as
they were before sealing and compression, so equal hashes mean equal bytes; data and raw data are
compared opened, since sealing draws a fresh nonce per value. Raw data is opened with the zstd
dictionaries each file keeps (``raw_dictionaries``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hub.store.codec import RawDictionary, register_dictionary, unpack_raw
from hub.store.sealing import RecordSeal

COLUMNS = ("remote_id", "hash", "data", "raw")

Entry = tuple[str, tuple[Any, ...]]


def _rows(path: Path, model: str, seal: RecordSeal) -> Iterator[Entry]:
    """A store's live records of ``model`` in id order: id, then (remote id, hash, data, raw) opened."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        query = (
            "SELECT id, remote_id, hash, data, raw FROM records WHERE model = ? AND NOT deleted ORDER BY id"
        )
        for record_id, remote_id, digest, data, raw in db.execute(query, (model,)):
            opened = None if raw is None else seal.open_raw(record_id, unpack_raw(raw))
            yield record_id, (remote_id, digest, seal.open_text(data), opened)
    finally:
        db.close()


def _example(record_id: str, hub: tuple[Any, ...], ref: tuple[Any, ...]) -> dict[str, Any]:
    """One differing record: its id and, per differing column, what each side holds (members that differ)."""
    shown: dict[str, Any] = {"id": record_id}
    for name, a, b in zip(COLUMNS, hub, ref, strict=True):
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            names = sorted(set(a) | set(b), key=str)
            shown[name] = {k: {"hub": a.get(k), "reference": b.get(k)} for k in names if a.get(k) != b.get(k)}
        else:
            shown[name] = {"hub": a, "reference": b}
    return shown


def compare_model(
    hub_path: Path, hub_seal: RecordSeal, ref_path: Path, ref_seal: RecordSeal, model: str, examples: int = 3
) -> dict[str, Any]:
    """How one model's records compare: counts per side and, when they differ, how and a few examples."""
    hub_rows, ref_rows = _rows(hub_path, model, hub_seal), _rows(ref_path, model, ref_seal)
    only_hub: list[str] = []
    only_ref: list[str] = []
    different: list[dict[str, Any]] = []  # the first few only: the count is kept apart
    counts = {"hub": 0, "reference": 0, "different": 0}
    hub_next, ref_next = next(hub_rows, None), next(ref_rows, None)
    while hub_next is not None or ref_next is not None:
        if ref_next is None or (hub_next is not None and hub_next[0] < ref_next[0]):
            assert hub_next is not None
            only_hub.append(hub_next[0])
            counts["hub"] += 1
            hub_next = next(hub_rows, None)
        elif hub_next is None or ref_next[0] < hub_next[0]:
            only_ref.append(ref_next[0])
            counts["reference"] += 1
            ref_next = next(ref_rows, None)
        else:
            counts["hub"] += 1
            counts["reference"] += 1
            if hub_next[1] != ref_next[1]:
                counts["different"] += 1
                if len(different) < examples:
                    different.append(_example(hub_next[0], hub_next[1], ref_next[1]))
            hub_next, ref_next = next(hub_rows, None), next(ref_rows, None)
    entry: dict[str, Any] = {"hub": counts["hub"], "reference": counts["reference"]}
    if only_hub or only_ref or different:
        entry.update(
            only_hub=len(only_hub),
            only_reference=len(only_ref),
            different=counts["different"],
            examples={
                "only_hub": only_hub[:examples],
                "only_reference": only_ref[:examples],
                "different": different,
            },
        )
    return entry


def compare_stores(
    hub_path: Path,
    hub_seal: RecordSeal,
    ref_path: Path,
    ref_seal: RecordSeal,
    models: tuple[str, ...],
    examples: int = 3,
) -> dict[str, Any]:
    """``{"equal": bool, "models": {model: entry}}``: :func:`compare_model` for each model."""
    for path in (hub_path, ref_path):
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            for dictionary_id, data in db.execute("SELECT id, data FROM raw_dictionaries"):
                register_dictionary(RawDictionary(dictionary_id, data))
        finally:
            db.close()
    found = {m: compare_model(hub_path, hub_seal, ref_path, ref_seal, m, examples) for m in models}
    return {"equal": not any("examples" in entry for entry in found.values()), "models": found}
