"""Benchmark: the stored raw-data format, on the raw records a full sync of a sandbox tenant writes.

Syncs a sandbox tenant (in process, no dictionary trained), reads every stored record's raw JSON back,
and packs each model's records several ways in the same run: zstd level 1 alone (the format before
dictionaries, the baseline), zlib level 1 (the format before that), and zstd level 1 (and 3) with a
dictionary trained on the model's first records (:data:`hub.store.codec.DICTIONARY_SAMPLES`) at three
sizes. Prints, per model and format: packed size as a share of the JSON, µs per record to pack and to
unpack (best of three passes), the training time, and each against the baseline. Only models with more
records than the samples are measured. The last line is one JSON object.

    python bench/raw_format.py [--employees 10000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import zstandard
from sqlalchemy import select

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub
from hub.store import codec
from hub.store import tables as t
from hub.store.codec import DICTIONARY_SAMPLES, ZSTD_LEVEL, unpack_json

MODELS = ("Company", "Location", "Group", "Employee", "Employment", "TimeOffPolicy", "TimeOffBalance")
SIZES = (16_384, 65_536, 112_640)


def raw_texts(employees: int) -> dict[str, list[bytes]]:
    """Each model's raw JSON records, as a first full sync of a fresh tenant stores them, in order."""
    codec.DICTIONARY_SAMPLES = 0  # nothing trained: the records as they came
    with tempfile.TemporaryDirectory() as folder:
        sandbox = Sandbox(employees=employees, seed=7)
        hub = Hub(
            transport=sandbox.transport(),
            settings=HttpSettings(sync_workers=0, read_timeout=300),
            database_url=f"sqlite:///{Path(folder) / 'hub.db'}",
        )
        try:
            account = hub.link("ukg_pro", sandbox.credentials())
            report = hub.sync(account, models=MODELS)
            assert report.status == "succeeded", report.errors
            r = t.records.c
            query = select(r.model, r.raw).where(r.raw.is_not(None)).order_by(r.seq)
            with hub.store.engine.connect() as db:
                rows = db.execute(query).all()
        finally:
            hub.close()
    codec.DICTIONARY_SAMPLES = DICTIONARY_SAMPLES
    texts: dict[str, list[bytes]] = {}
    for model, raw in rows:
        texts.setdefault(model, []).append(unpack_json(raw))
    return texts


def best(passes: int, work: Callable[[], Any]) -> float:
    """The fastest of ``passes`` timed runs of ``work``, in seconds."""
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(texts: list[bytes]) -> dict[str, dict[str, float]]:
    """Each format's packed share, µs per record packing and unpacking, and training ms."""
    size = sum(map(len, texts))
    n = len(texts)
    formats: dict[str, dict[str, float]] = {}

    def record(
        name: str, pack: Callable[[bytes], bytes], unpack: Callable[[bytes], bytes], train: float
    ) -> None:
        packed = [pack(text) for text in texts]
        assert [unpack(p) for p in packed] == texts
        formats[name] = {
            "share": sum(map(len, packed)) / size,
            "pack_us": best(3, lambda: [pack(text) for text in texts]) * 1e6 / n,
            "unpack_us": best(3, lambda: [unpack(p) for p in packed]) * 1e6 / n,
            "train_ms": train * 1e3,
        }

    plain = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
    record("zstd-1", plain.compress, zstandard.ZstdDecompressor().decompress, 0.0)
    record("zlib-1", lambda text: zlib.compress(text, 1), zlib.decompress, 0.0)
    samples = texts[:DICTIONARY_SAMPLES]
    for dictionary_size in SIZES:
        start = time.perf_counter()
        trained = zstandard.train_dictionary(dictionary_size, samples, level=ZSTD_LEVEL)
        train = time.perf_counter() - start
        for level in (1, 3) if dictionary_size == 65_536 else (1,):
            packer = zstandard.ZstdCompressor(level=level, dict_data=trained)
            opener = zstandard.ZstdDecompressor(dict_data=trained)
            record(
                f"zstd-{level} + {dictionary_size // 1024} KiB dict",
                packer.compress,
                opener.decompress,
                train,
            )
    return formats


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--employees", type=int, default=10_000)
    args = parser.parse_args()
    texts = raw_texts(args.employees)
    results: dict[str, Any] = {}
    for model, records in texts.items():
        if len(records) <= DICTIONARY_SAMPLES:
            continue
        formats = measure(records)
        base = formats["zstd-1"]
        average = sum(map(len, records)) / len(records)
        print(f"{model}: {len(records):,} records, JSON {average:,.0f} bytes on average")
        for name, f in formats.items():
            print(
                f"  {name:24} {f['share']:6.1%} of the JSON ({f['share'] / base['share']:4.2f}x)"
                f"  pack {f['pack_us']:6.1f} µs ({f['pack_us'] / base['pack_us']:4.2f}x)"
                f"  unpack {f['unpack_us']:5.1f} µs ({f['unpack_us'] / base['unpack_us']:4.2f}x)"
                + (f"  trained in {f['train_ms']:.0f} ms" if f["train_ms"] else "")
            )
        results[model] = {"records": len(records), "json_bytes": average, "formats": formats}
    print(json.dumps({"employees": args.employees, "samples": DICTIONARY_SAMPLES, "models": results}))


if __name__ == "__main__":
    sys.exit(main())
