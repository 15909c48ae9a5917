"""Many tenants, many workers: N UKG Pro sandbox tenants synced by 1, 2 and 4 `hrishub worker` processes.

    python3 bench/workers.py [--tenants 500] [--employees 5] [--latency-ms 50] [--concurrency 4] [--budget 16]

One PostgreSQL server (started from the system's binaries, as the test suite does) holds the store and the
task queue. One process serves every tenant on one loopback port, each chosen by its Customer API key
(connectors/ukg_pro/sandbox/tenants.py), with the given latency per request. The N accounts are linked
once into a template database; each run copies it, queues every account's sync and starts the workers.

Printed per run: accounts synced per minute, the scaling ratio against one worker (the baseline, measured
in the same run), the most requests in flight at the sandbox (must stay within the budget, all workers
together), and checks that every account was synced once and none by two workers at once. Then the kill
run: two workers, one killed with SIGKILL a third of the way through; no account may be lost, none synced
twice at once. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _sandbox_process import free_port  # noqa: E402

from hub import Hub  # noqa: E402
from hub.store import tables as t  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402

HRISHUB = [sys.executable, "-m", "hub.cli"]


def start_host(tenants: int, employees: int, latency_ms: int) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    command = [
        sys.executable, "-m", "connectors.ukg_pro.sandbox.tenants", "--tenants", str(tenants),
        "--employees", str(employees), "--latency-ms", "0", "--port", str(port),
    ]  # fmt: skip
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert child.stdout is not None
    child.stdout.readline()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(f"{base}/_sandbox/host", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.05)
    return child, base


def host_stats(base: str, *, reset: bool = False, latency_ms: int | None = None) -> dict[str, Any]:
    if reset:
        params = {"latency_ms": latency_ms} if latency_ms is not None else {}
        return httpx.post(f"{base}/_sandbox/host", params=params, timeout=10).json()
    return httpx.get(f"{base}/_sandbox/host", timeout=10).json()


def link_all(url: str, base: str, tenants: int) -> None:
    from connectors.ukg_pro.sandbox.tenants import TenantHost

    host = TenantHost(tenants)  # only for the credentials: each tenant's values come from its key and seed
    hub = Hub(database_url=url)
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda n: hub.link("ukg_pro", host.credentials(n, base)), range(1, tenants + 1)))
    hub.close()


def queue_due(url: str) -> int:
    from hub.queue.queue import JobQueue

    hub = Hub(database_url=url)

    async def go() -> int:
        async with JobQueue(hub, pool_size=2) as queue:
            return await queue.schedule_due()

    try:
        return asyncio.run(go())
    finally:
        hub.close()


def start_worker(env: dict[str, str], concurrency: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*HRISHUB, "worker", "--concurrency", str(concurrency)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )


def stop(workers: list[subprocess.Popen[str]]) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()


def synced(engine: Any) -> int:
    runs = t.sync_runs.c
    with engine.connect() as db:
        return int(
            db.execute(
                select(func.count(func.distinct(runs.account_id))).where(runs.status == "succeeded")
            ).scalar()
            or 0
        )


def checks(engine: Any, tenants: int) -> dict[str, int]:
    """Accounts never synced, synced twice, and pairs of one account's runs overlapping in time."""
    with engine.connect() as db:
        rows = db.execute(select(t.sync_runs).order_by(t.sync_runs.c.started_at)).all()
    succeeded: dict[str, int] = {}
    by_account: dict[str, list[Any]] = {}
    for row in rows:
        by_account.setdefault(row.account_id, []).append(row)
        if row.status == "succeeded":
            succeeded[row.account_id] = succeeded.get(row.account_id, 0) + 1
    overlaps = 0
    for account_runs in by_account.values():
        live = [r for r in account_runs if r.status not in ("queued", "skipped")]
        for before, after in itertools.pairwise(live):
            if before.finished_at is None or before.finished_at > after.started_at:
                overlaps += 1
    return {
        "lost": tenants - len(succeeded),
        "synced_twice": sum(1 for n in succeeded.values() if n > 1),
        "overlapping": overlaps,
        "interrupted": sum(1 for r in rows if r.status == "interrupted"),
        "failed": sum(1 for r in rows if r.status not in ("succeeded", "interrupted", "queued", "skipped")),
    }


def run(
    server: PostgresServer,
    env: dict[str, str],
    base: str,
    workers: int,
    args: argparse.Namespace,
    *,
    kill: bool,
) -> dict[str, Any]:
    url = server.copy("bench_template")
    engine = create_engine(url)
    queue_due(url)
    host_stats(base, reset=True, latency_ms=args.latency_ms)
    run_env = {**env, "HRISHUB_DATABASE_URL": url}
    started = time.perf_counter()
    processes = [start_worker(run_env, args.concurrency) for _ in range(workers)]
    killed_at = None
    try:
        deadline = started + args.timeout
        while (done := synced(engine)) < args.tenants:
            if kill and killed_at is None and done >= args.tenants // 3:
                os.killpg(processes[0].pid, signal.SIGKILL)
                killed_at = done
            if time.perf_counter() > deadline:
                break
            time.sleep(0.25)
        elapsed = time.perf_counter() - started
    finally:
        stop(processes)
    stats = host_stats(base)
    result = {
        "workers": workers,
        "seconds": round(elapsed, 2),
        "accounts_per_minute": round(synced(engine) / elapsed * 60, 1),
        "peak_in_flight": stats["peak_in_flight"],
        "requests": stats["requests"],
        **checks(engine, args.tenants),
    }
    if kill:
        result["killed_after"] = killed_at
    engine.dispose()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenants", type=int, default=500)
    parser.add_argument("--employees", type=int, default=5)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=4, help="jobs per worker process")
    parser.add_argument("--budget", type=int, default=16, help="HRISHUB_PROVIDER_BUDGET")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="hrishub-bench-")
    server = PostgresServer().start()
    host, base = start_host(args.tenants, args.employees, args.latency_ms)
    env = {
        **os.environ,
        "HRISHUB_HOME": home,
        "HRISHUB_SANDBOX_ORIGINS": base,
        "HRISHUB_PROVIDER_BUDGET": str(args.budget),
        "HRISHUB_WORKER_STALLED_SECONDS": "5",
        "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path]),
    }
    os.environ.update(
        {k: env[k] for k in ("HRISHUB_HOME", "HRISHUB_SANDBOX_ORIGINS", "HRISHUB_PROVIDER_BUDGET")}
    )
    try:
        template = server.new_database(name="bench_template")
        began = time.perf_counter()
        link_all(template, base, args.tenants)
        print(f"linked {args.tenants} tenants in {time.perf_counter() - began:.1f} s", flush=True)
        results = []
        for workers in [int(w) for w in args.workers.split(",")]:
            result = run(server, env, base, workers, args, kill=False)
            results.append(result)
            print(json.dumps(result), flush=True)
        killed = run(server, env, base, 2, args, kill=True)
        print(json.dumps(killed), flush=True)
    finally:
        host.terminate()
        host.wait(timeout=10)
        server.stop()

    baseline = results[0]["accounts_per_minute"]
    print()
    print(
        f"{args.tenants} tenants x {args.employees} employees, {args.latency_ms} ms latency, "
        f"{args.concurrency} jobs per worker, budget {args.budget} requests in flight, {os.cpu_count()} cores"
    )
    print(
        f"{'workers':>7}  {'seconds':>8}  {'accounts/min':>12}  {'vs 1 worker':>11}  {'peak in flight':>14}  checks"
    )
    for r in results:
        ok = "ok" if not (r["lost"] or r["synced_twice"] or r["overlapping"] or r["failed"]) else "FAILED"
        print(
            f"{r['workers']:>7}  {r['seconds']:>8.1f}  {r['accounts_per_minute']:>12.1f}  "
            f"{r['accounts_per_minute'] / baseline:>10.2f}x  {r['peak_in_flight']:>14}  {ok}"
        )
    print(
        f"kill: 2 workers, one SIGKILLed after {killed['killed_after']} accounts: lost {killed['lost']}, "
        f"synced twice {killed['synced_twice']}, overlapping {killed['overlapping']}, interrupted runs "
        f"{killed['interrupted']} (resumed by the other worker), {killed['seconds']:.1f} s in all"
    )
    print(
        json.dumps(
            {
                "bench": "workers",
                "tenants": args.tenants,
                "latency_ms": args.latency_ms,
                "budget": args.budget,
                "runs": results,
                "scaling": {
                    str(r["workers"]): round(r["accounts_per_minute"] / baseline, 2) for r in results
                },
                "kill": killed,
            }
        )
    )


if __name__ == "__main__":
    main()
