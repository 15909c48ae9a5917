"""Full sync of a large UKG Pro sandbox tenant, served by a separate process with added latency.

Usage: python3 bench/full_sync.py [--employees 50000] [--latency-ms 50] [--concurrency 8] [--no-baseline]
                                  [--no-reference] [--models core|all|Model ...] [--workers N|auto]
                                  [--timeline]

``--models core`` (the default) syncs the personnel, organisation and time-off models (``CORE_MODELS``);
``all`` adds pay, benefits and family, whose pay statements (one per employee and pay date, a year of
history) outnumber every other record several times over.

Reports wall time, requests, records/s and this process's peak memory (the hub alone: the sandbox runs
in its own process), the ideal (requests x latency / concurrency), the CPU floor (the same sync with no
added latency) and a one-request-at-a-time baseline, all in the same run. Last line: one JSON object.

For the core models, the hand-written reference sync (``bench/reference_sync.py``: httpx, hand-written
joins and mapping, sqlite3; the same requests, concurrency and stored bytes) then runs against the same
sandbox process (in a Python process of its own), and the bench prints ``hub / reference`` (issue #19:
at most 1.1) and whether both stored the same records: per model, the same ids, remote ids, hashes,
data and raw data, sealed values opened with each side's key. The ratio means something only when they
did; a difference is printed loudly, with examples. The reference runs again after the CPU floor, for
the same ratio with no latency to hide (``hub_over_reference_floor``). Each run's CPU time (its own
process's) is shown beside its wall time: on a machine others share, the ratio of CPU times
(``hub_over_reference_cpu``) moves less than that of wall times. ``--no-reference`` skips the reference.
"""

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ref_compare import compare_stores
from _sandbox_process import sandbox_process
from reference_sync import MODELS as REFERENCE_MODELS
from reference_sync import fresh_key, run_in_child, seal_of

from hub import HttpSettings, Hub
from hub.secrets import SecretBox
from hub.store import codec
from hub.store.sealing import RecordSeal
from hub.sync.runner import MODEL_ORDER

CORE_MODELS = MODEL_ORDER[: MODEL_ORDER.index("Dependent")]
"""The models before pay, benefits and family: personnel, organisation and time off."""
MODEL_SETS = {"core": CORE_MODELS, "all": MODEL_ORDER}


def workers_arg(text: str) -> int | None:
    """``--workers``: a whole number, or ``auto`` (None: the hub decides)."""
    if text == "auto":
        return None
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number or auto")
    return int(text)


def resolve_models(parser: argparse.ArgumentParser, names: list[str]) -> tuple[str, ...]:
    """``--models``: core, all, or model names (an unknown name is refused with the list)."""
    if len(names) == 1 and names[0] in MODEL_SETS:
        return tuple(MODEL_SETS[names[0]])
    if unknown := sorted(set(names) - set(MODEL_ORDER)):
        parser.error(
            f"--models: unknown {', '.join(unknown)}; use core, all, or some of {', '.join(MODEL_ORDER)}"
        )
    return tuple(names)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_cpu() -> float:
    """CPU seconds of this process's children that have ended (the sync's read-ahead helpers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def children_peak_mb() -> float:
    """The largest peak memory of this process's ended children (before any reference run: helpers)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def one_sync(
    base: str,
    credentials: dict,
    concurrency: int,
    prefetch: int | None,
    folder: Path,
    models: tuple,
    workers: int | None = None,
    timeline: bool = False,
) -> dict:
    settings = HttpSettings(
        sandbox_origins=frozenset({base}),
        max_concurrency=concurrency,
        page_prefetch=prefetch,
        read_timeout=300,
        sync_workers=workers,
    )
    hub = Hub(settings=settings, database_url=f"sqlite:///{folder / 'hub.db'}")
    account = hub.link("ukg_pro", credentials)
    start, cpu, helpers = time.perf_counter(), time.process_time(), children_cpu()

    def progress(model: str, stage: str, info: Any) -> None:
        if stage in ("start", "done"):  # when each model's read starts and its apply ends
            print(
                f"  {time.perf_counter() - start:7.2f} s  CPU {time.process_time() - cpu:6.2f} s  {model} {stage}"
            )

    report = hub.sync(account, models=models, progress=progress if timeline else None)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    helpers = children_cpu() - helpers  # read-ahead helpers (--workers), reaped by the sync's end
    hub.close()
    records = sum(m.read for m in report.models.values())
    assert report.status == "succeeded", report.errors
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "helpers_cpu_s": round(helpers, 2),
        "helpers": report.helpers,
        "requests": report.requests,
        "records": records,
        "records_per_s": round(records / wall),
        "per_model": {name: m.read for name, m in report.models.items() if m.read},
    }


def reference(
    base: str,
    credentials: dict[str, str],
    concurrency: int,
    home: Path,
    models: tuple[str, ...],
    hub: dict[str, Any],
) -> dict[str, Any]:
    """Time the reference sync, compare what it stored with the hub's run, print both; the figures."""
    (home / "reference").mkdir()
    key = fresh_key()
    stored = home / "reference" / "reference.db"
    figures = run_in_child(base, credentials, concurrency, stored, models, key)
    figures["hub_over_reference"] = round(hub["wall_s"] / figures["wall_s"], 2)
    figures["hub_over_reference_cpu"] = round(hub["cpu_s"] / figures["cpu_s"], 2)
    print(
        f"reference (hand-written, bench/reference_sync.py, sensitive values sealed): {figures['wall_s']} s "
        f"(CPU {figures['cpu_s']} s, hub's {hub['cpu_s']} s), {figures['requests']} requests -> "
        f"hub / reference = {figures['hub_over_reference']:.2f} (goal <= 1.1), "
        f"in CPU time {figures['hub_over_reference_cpu']:.2f}"
    )
    hub_seal = RecordSeal(SecretBox.from_environment(home))  # the key the hub's runs sealed with
    found = compare_stores(home / "run" / "hub.db", hub_seal, stored, seal_of(key), models)
    figures["stored_equal"] = found["equal"]
    if found["equal"]:
        print(
            f"stored records: the same in both (ids, remote ids, hashes, data, raw) for all "
            f"{sum(m['hub'] for m in found['models'].values()):,} records of {len(found['models'])} models"
        )
    else:
        figures["stored_differences"] = {k: v for k, v in found["models"].items() if "examples" in v}
        print("!" * 100)
        print("STORED RECORDS DIFFER between the hub and the reference: hub / reference is NOT meaningful")
        for model, entry in figures["stored_differences"].items():
            print(
                f"  {model}: hub {entry['hub']}, reference {entry['reference']}; only in the hub "
                f"{entry['only_hub']}, only in the reference {entry['only_reference']}, different {entry['different']}"
            )
            print(f"    e.g. {json.dumps(entry['examples'], default=str)[:2000]}")
        print("!" * 100)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--no-baseline", action="store_true", help="skip the sequential baseline")
    parser.add_argument("--no-reference", action="store_true", help="skip the hand-written reference sync")
    parser.add_argument("--models", nargs="+", default=["core"], help="core, all, or model names")
    parser.add_argument(
        "--workers",
        type=workers_arg,
        default=None,
        help="helper processes the sync reads ahead in (HttpSettings.sync_workers); default auto, the hub's "
        "choice: one where forking is safe and two cores are there",
    )
    parser.add_argument(
        "--timeline",
        action="store_true",
        help="print when each model's read starts and its apply ends, with this process's CPU so far: "
        "where the cores wait on each other",
    )
    parser.add_argument(
        "--no-raw-dictionary",
        action="store_true",
        help="the hub packs raw data without a zstd dictionary (the format before them): the same run's "
        "figures without that change",
    )
    args = parser.parse_args()
    models = resolve_models(parser, args.models)
    if args.no_raw_dictionary:
        codec.DICTIONARY_SAMPLES = 0  # nothing is trained
    home = Path(tempfile.mkdtemp(prefix="hrishub-bench-"))
    os.environ["HRISHUB_HOME"] = str(home)
    figures: dict = {
        "employees": args.employees,
        "latency_ms": args.latency_ms,
        "concurrency": args.concurrency,
        "models": list(models),
    }

    with sandbox_process(args.employees, latency_ms=args.latency_ms) as served:
        base, credentials = served
        (home / "run").mkdir()
        before = served.cpu()
        run = one_sync(
            base, credentials, args.concurrency, None, home / "run", models, args.workers, args.timeline
        )
        run["sandbox_cpu_s"] = round(served.cpu() - before, 2)
        figures["sync"] = run
        figures["peak_mb"] = round(peak_mb())
        figures["helpers_peak_mb"] = round(children_peak_mb())  # only helpers have ended so far
        ideal = run["requests"] * args.latency_ms / 1000 / args.concurrency
        figures["ideal_s"] = round(ideal, 2)
        print(
            f"full sync: {run['wall_s']} s, {run['requests']} requests, {run['records']:,} records "
            f"({run['records_per_s']:,}/s), peak {figures['peak_mb']} MB"
        )
        if run["helpers_cpu_s"]:
            print(
                f"read-ahead helpers: {run['helpers']} forked, CPU {run['helpers_cpu_s']} s "
                f"(the sync's own: {run['cpu_s']} s), "
                f"largest peak {figures['helpers_peak_mb']} MB (pages shared with the hub counted in both)"
            )
        print(
            f"ideal (requests x latency / concurrency): {ideal:.2f} s -> wall / ideal = {run['wall_s'] / ideal:.1f}"
        )
        cores = len(os.sched_getaffinity(0))
        busy = run["cpu_s"] + run["helpers_cpu_s"] + run["sandbox_cpu_s"]
        print(
            f"CPU: hub {run['cpu_s']} s + helpers {run['helpers_cpu_s']} s + sandbox {run['sandbox_cpu_s']} s "
            f"= {busy:.1f} s on {cores} cores -> no wall below {busy / cores:.1f} s on this machine"
        )
        if not args.no_reference:
            if set(models) <= set(REFERENCE_MODELS):
                ref = reference(base, credentials, args.concurrency, home, models, run)
                for name in (
                    "hub_over_reference",
                    "hub_over_reference_cpu",
                    "stored_equal",
                    "stored_differences",
                ):
                    if name in ref:
                        figures[name] = ref.pop(name)
                figures["reference"] = ref
            else:
                print("reference: skipped (it syncs the core models only; run with --models core)")
        if not args.no_baseline:
            (home / "seq").mkdir()
            seq = one_sync(base, credentials, 1, 1, home / "seq", models, args.workers)
            figures["sequential"] = seq
            figures["speedup_vs_sequential"] = round(seq["wall_s"] / run["wall_s"], 2)
            print(
                f"sequential baseline (1 request at a time): {seq['wall_s']} s -> "
                f"{figures['speedup_vs_sequential']}x faster at concurrency {args.concurrency}"
            )
    with sandbox_process(args.employees, latency_ms=0) as (base, credentials):
        (home / "floor").mkdir()
        floor = one_sync(base, credentials, args.concurrency, None, home / "floor", models, args.workers)
        figures["cpu_floor"] = floor
        print(
            f"CPU floor (same sync, no added latency): {floor['wall_s']} s -> "
            f"wall / max(ideal, floor) = {run['wall_s'] / max(ideal, floor['wall_s']):.2f}"
        )
        if "reference" in figures:  # the same comparison with no latency to hide: the CPU work alone
            (home / "floor-reference").mkdir()
            stored = home / "floor-reference" / "reference.db"
            ref_floor = run_in_child(base, credentials, args.concurrency, stored, models, fresh_key())
            figures["reference_cpu_floor"] = ref_floor
            figures["hub_over_reference_floor"] = round(floor["wall_s"] / ref_floor["wall_s"], 2)
            print(
                f"reference CPU floor: {ref_floor['wall_s']} s (CPU {ref_floor['cpu_s']} s, hub's {floor['cpu_s']} s) "
                f"-> hub / reference with no added latency = {figures['hub_over_reference_floor']:.2f}"
            )
    figures["wall_over_ideal"] = round(run["wall_s"] / ideal, 2)
    figures["wall_over_floor"] = round(run["wall_s"] / floor["wall_s"], 2)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
