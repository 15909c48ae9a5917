"""Full sync of a large UKG Pro sandbox tenant, served by a separate process with added latency.

Usage: python3 bench/full_sync.py [--employees 50000] [--latency-ms 50] [--concurrency 8] [--no-baseline]
                                  [--models core|all|Model ...]

``--models core`` (the default) syncs the personnel, organisation and time-off models (``CORE_MODELS``);
``all`` adds pay, benefits and family, whose pay statements (one per employee and pay date, a year of
history) outnumber every other record several times over.

Reports wall time, requests, records/s and this process's peak memory (the hub alone: the sandbox runs
in its own process), the ideal (requests x latency / concurrency), the CPU floor (the same sync with no
added latency) and a one-request-at-a-time baseline, all in the same run. Last line: one JSON object.
"""

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _sandbox_process import sandbox_process

from hub import HttpSettings, Hub
from hub.sync.runner import MODEL_ORDER

CORE_MODELS = MODEL_ORDER[: MODEL_ORDER.index("Dependent")]
"""The models before pay, benefits and family: personnel, organisation and time off."""
MODEL_SETS = {"core": CORE_MODELS, "all": MODEL_ORDER}


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


def one_sync(
    base: str, credentials: dict, concurrency: int, prefetch: int | None, folder: Path, models: tuple
) -> dict:
    settings = HttpSettings(
        sandbox_origins=frozenset({base}),
        max_concurrency=concurrency,
        page_prefetch=prefetch,
        read_timeout=300,
    )
    hub = Hub(settings=settings, database_url=f"sqlite:///{folder / 'hub.db'}")
    account = hub.link("ukg_pro", credentials)
    start = time.perf_counter()
    report = hub.sync(account, models=models)
    wall = time.perf_counter() - start
    hub.close()
    records = sum(m.read for m in report.models.values())
    assert report.status == "succeeded", report.errors
    return {
        "wall_s": round(wall, 2),
        "requests": report.requests,
        "records": records,
        "records_per_s": round(records / wall),
        "per_model": {name: m.read for name, m in report.models.items() if m.read},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--no-baseline", action="store_true", help="skip the sequential baseline")
    parser.add_argument("--models", nargs="+", default=["core"], help="core, all, or model names")
    args = parser.parse_args()
    models = resolve_models(parser, args.models)
    home = Path(tempfile.mkdtemp(prefix="hrishub-bench-"))
    os.environ["HRISHUB_HOME"] = str(home)
    figures: dict = {
        "employees": args.employees,
        "latency_ms": args.latency_ms,
        "concurrency": args.concurrency,
        "models": list(models),
    }

    with sandbox_process(args.employees, latency_ms=args.latency_ms) as (base, credentials):
        (home / "run").mkdir()
        run = one_sync(base, credentials, args.concurrency, None, home / "run", models)
        figures["sync"] = run
        figures["peak_mb"] = round(peak_mb())
        ideal = run["requests"] * args.latency_ms / 1000 / args.concurrency
        figures["ideal_s"] = round(ideal, 2)
        print(
            f"full sync: {run['wall_s']} s, {run['requests']} requests, {run['records']:,} records "
            f"({run['records_per_s']:,}/s), peak {figures['peak_mb']} MB"
        )
        print(
            f"ideal (requests x latency / concurrency): {ideal:.2f} s -> wall / ideal = {run['wall_s'] / ideal:.1f}"
        )
        if not args.no_baseline:
            (home / "seq").mkdir()
            seq = one_sync(base, credentials, 1, 1, home / "seq", models)
            figures["sequential"] = seq
            figures["speedup_vs_sequential"] = round(seq["wall_s"] / run["wall_s"], 2)
            print(
                f"sequential baseline (1 request at a time): {seq['wall_s']} s -> "
                f"{figures['speedup_vs_sequential']}x faster at concurrency {args.concurrency}"
            )
    with sandbox_process(args.employees, latency_ms=0) as (base, credentials):
        (home / "floor").mkdir()
        floor = one_sync(base, credentials, args.concurrency, None, home / "floor", models)
        figures["cpu_floor"] = floor
        print(
            f"CPU floor (same sync, no added latency): {floor['wall_s']} s -> "
            f"wall / max(ideal, floor) = {run['wall_s'] / max(ideal, floor['wall_s']):.2f}"
        )
    figures["wall_over_ideal"] = round(run["wall_s"] / ideal, 2)
    figures["wall_over_floor"] = round(run["wall_s"] / floor["wall_s"], 2)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
