"""Where a full sync's CPU goes: microseconds per record by stage, sampled with py-spy.

Usage: python3 bench/sync_profile.py [--employees 10000] [--models core|all|Model ...] [--rate 200]

Runs one full sync of a sandbox tenant (served by its own process, no added latency, so the hub's
own work is all there is to see) in a child process under ``py-spy record``, then sorts the samples
taken inside the sync into stages by the innermost hub function on the stack: HTTP and JSON
decoding, spilled joins, joining, mapping (building and validating models), staging (JSON of data
and raw data, hashing), the staging scratch file, sealing, compression, store writes, and the rest.
Prints the hub's CPU time, µs per record in all and per stage (the stage's share of the samples times
the CPU time). Last line: one JSON object. Needs ``py-spy`` (the ``test`` extra installs it).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

STAGES = (
    ("sealing", "seal_raw"),
    ("compression", "pack_json"),
    ("compression", "pack_raw"),
    ("compression", "RawPacker"),
    ("staging: JSON, hash", "_packed"),
    ("staging: JSON, hash", "Stager.accept"),
    ("staging: scratch file", "Stager.flush"),
    ("staging: scratch file", "Stager.batches"),
    ("mapping: build, validate", "CompiledMap.build"),
    ("mapping: raw data", "raw_of"),
    ("joining", "join_records"),
    ("joining", "join_counted"),
    ("spilled joins", "SpilledRows"),
    ("read-once spool", "PageSpool"),
    ("derived records", "derived.py"),
    ("HTTP, JSON decoding", "RestClient"),
    ("HTTP, JSON decoding", "paginators"),
    ("store writes", "_upsert_staged"),
    ("store writes", "apply_model"),
    ("store writes", "save_state"),
    ("sync loop", "_sync_model"),
)
"""(stage, marker): a sample belongs to the stage of the innermost frame whose name holds a marker."""


def stage_of(frames: list[str]) -> str:
    """The stage a sampled stack belongs to."""
    for frame in reversed(frames):
        for stage, marker in STAGES:
            if marker in frame:
                return stage
    return "other (event loop, httpx, scheduling)"


def child(employees: int, models: tuple[str, ...]) -> None:
    """One full sync, timed; prints its CPU seconds and records as JSON."""
    from _sandbox_process import sandbox_process

    from hub import HttpSettings, Hub

    home = Path(tempfile.mkdtemp(prefix="hrishub-profile-"))
    os.environ["HRISHUB_HOME"] = str(home)
    with sandbox_process(employees, latency_ms=0) as (base, credentials):
        # No read-ahead helpers: every stage is sampled in this one process.
        settings = HttpSettings(
            sandbox_origins=frozenset({base}), max_concurrency=8, read_timeout=300, sync_workers=0
        )
        hub = Hub(settings=settings, database_url=f"sqlite:///{home / 'hub.db'}")
        account = hub.link("ukg_pro", credentials)
        cpu, wall = time.process_time(), time.perf_counter()
        report = hub.sync(account, models=models)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        hub.close()
    assert report.status == "succeeded", report.errors
    records = sum(m.read for m in report.models.values())
    print(json.dumps({"cpu_s": cpu, "wall_s": wall, "records": records, "requests": report.requests}))
    shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    from full_sync import resolve_models

    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--models", nargs="+", default=["core"], help="core, all, or model names")
    parser.add_argument("--rate", type=int, default=200, help="samples per second")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    models = resolve_models(parser, args.models)
    if args.child:
        child(args.employees, models)
        return
    spy = shutil.which("py-spy")
    if spy is None:
        parser.error("py-spy is not installed: python3 -m pip install -c requirements/test.lock py-spy")
    with tempfile.TemporaryDirectory() as folder:
        samples = Path(folder) / "samples.txt"
        command = [spy, "record", "-r", str(args.rate), "-f", "raw", "-o", str(samples), "--"]
        command += [sys.executable, __file__, "--child", "--employees", str(args.employees)]
        command += ["--models", *models]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        figures = json.loads([line for line in done.stdout.splitlines() if line.startswith("{")][-1])
        counts: Counter[str] = Counter()
        for line in samples.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            frames = stack.split(";")
            if any("Hub.sync" in frame for frame in frames):
                counts[stage_of(frames)] += int(count)
    total = sum(counts.values())
    per_record = figures["cpu_s"] * 1e6 / figures["records"]
    stages = {stage: round(per_record * n / total, 1) for stage, n in counts.most_common()}
    print(
        f"full sync of {figures['records']:,} records ({args.employees:,} employees, no added latency): "
        f"{figures['wall_s']:.2f} s wall, {figures['cpu_s']:.2f} s CPU in the hub = {per_record:.0f} µs/record"
    )
    for stage, micros in stages.items():
        print(f"  {micros:7.1f} µs/record  {100 * counts[stage] / total:5.1f}%  {stage}")
    print(json.dumps({**figures, "employees": args.employees, "us_per_record": per_record, "stages": stages}))


if __name__ == "__main__":
    main()
