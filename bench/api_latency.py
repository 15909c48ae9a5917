"""The unified API on a large store: GET /v1/hris/employees?page_size=100 against a trivial endpoint.

Usage: python3 bench/api_latency.py [--employees 50000] [--requests 400] [--threads 4]

Syncs the employees of a sandbox tenant into a SQLite store, serves the API with `hrishub serve` in its
own process, then measures from this process: p50/p99 latency of sequential requests paging through
employees (cursor by cursor, random starting points), the server's CPU time per request meanwhile
(Linux), and requests/s with several threads, for the employees route and for /healthz on the same
server in the same run; and, in this process, the time the store takes to read one such page (no HTTP,
so a busy machine moves it less). Last line: one JSON object.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _sandbox_process import free_port, sandbox_process

from hub import HttpSettings, Hub


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def latencies(
    client: httpx.Client, path: str, count: int, headers: dict, cursors: list[str | None]
) -> list[float]:
    spent = []
    for i in range(count):
        params = {"page_size": 100} if "employees" in path else {}
        cursor = cursors[i % len(cursors)]
        if cursor:
            params["cursor"] = cursor
        start = time.perf_counter()
        answer = client.get(path, params=params, headers=headers)
        spent.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, answer.text
    return spent


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) process ``pid`` has used so far; None where /proc cannot tell (not Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def page_read_ms(hub: Hub, account_id: str, rounds: int = 5, pages: int = 200) -> float:
    """The best time, in ms, of one page of 100 employees as the API reads it, in this process.

    The store's part of a request, without HTTP: much less moved by a busy machine than latency is.
    """
    from sqlalchemy import func, select

    from hub.store import tables as t
    from hub.store.reads import encoded_page
    from unified_models import SENSITIVE_FIELDS

    hidden = SENSITIVE_FIELDS["Employee"]  # the bench's account does not see sensitive fields
    r = t.records.c
    with hub.store.engine.connect() as db:
        first, last = db.execute(
            select(func.min(r.seq), func.max(r.seq)).where(r.account_id == account_id, r.model == "Employee")
        ).one()
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _page in range(pages):
            after = random.randrange(first - 1, max(first, last - 100))
            encoded_page(hub.store, account_id, "Employee", after=after, limit=100, hidden=hidden)
        best = min(best, (time.perf_counter() - start) / pages * 1000)
    return round(best, 3)


def per_request_ms(before: float | None, after: float | None, count: int) -> float | None:
    return round((after - before) / count * 1000, 3) if before is not None and after is not None else None


def throughput(base: str, path: str, headers: dict, threads: int, seconds: float, cursors: list) -> float:
    done = [0] * threads
    stop = time.perf_counter() + seconds

    def work(n: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.perf_counter() < stop:
                latencies(client, path, 1, headers, [random.choice(cursors)])
                done[n] += 1

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return sum(done) / seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="hrishub-bench-"))
    os.environ["HRISHUB_HOME"] = str(home)
    url = f"sqlite:///{home / 'hub.db'}"
    with sandbox_process(args.employees) as (base, credentials):
        hub = Hub(
            settings=HttpSettings(sandbox_origins=frozenset({base}), read_timeout=300), database_url=url
        )
        account = hub.link("ukg_pro", credentials)
        _, key = hub.store.customers.add("bench")
        with hub.store.begin() as db:
            from sqlalchemy import update

            from hub.store import tables as t

            customer = hub.store.customers.for_key(key)
            db.execute(
                update(t.accounts).where(t.accounts.c.id == account.id).values(customer_id=customer.id)
            )
        start = time.perf_counter()
        report = hub.sync(account, models=("Employee",))
        stored = hub.store.sync_state.count_records(account.id, "Employee")
        print(f"store: {stored:,} employees synced in {time.perf_counter() - start:.1f} s")
        page_ms = page_read_ms(hub, account.id)
        hub.close()
        assert report.status == "succeeded"

    port = free_port()
    # The bench's one key sends far more than the default 120/minute: a limit it never reaches keeps
    # the rate-limit middleware's work in every measured request, without any 429.
    env = dict(os.environ, HRISHUB_DATABASE_URL=url, HRISHUB_RATE_LIMIT="1000000000/second")
    server = subprocess.Popen(
        [sys.executable, "-m", "hub.cli", "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    api = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {key}", "X-Account-Id": account.id}
    try:
        for _ in range(300):
            try:
                httpx.get(api + "/healthz", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        with httpx.Client(base_url=api, timeout=30) as client:
            # Cursors spread over the whole store, so reads do not all hit its first page.
            cursors: list[str | None] = [None]
            page = client.get("/v1/hris/employees", params={"page_size": 1000}, headers=headers).json()
            while page["next_cursor"] and len(cursors) < 60:
                cursors.append(page["next_cursor"])
                page = client.get(
                    "/v1/hris/employees",
                    params={"page_size": 1000, "cursor": page["next_cursor"]},
                    headers=headers,
                ).json()
            latencies(client, "/v1/hris/employees", 20, headers, cursors)  # warm up
            # The server's own CPU time per request too: unlike wall time, barely moved by what else
            # the machine runs meanwhile.
            start_cpu = cpu_seconds(server.pid)
            employees = latencies(client, "/v1/hris/employees", args.requests, headers, cursors)
            middle_cpu = cpu_seconds(server.pid)
            trivial = latencies(client, "/healthz", args.requests, {}, [None])
            employees_cpu = per_request_ms(start_cpu, middle_cpu, args.requests)
            trivial_cpu = per_request_ms(middle_cpu, cpu_seconds(server.pid), args.requests)
        employees_rps = throughput(api, "/v1/hris/employees", headers, args.threads, args.seconds, cursors)
        trivial_rps = throughput(api, "/healthz", {}, args.threads, args.seconds, [None])
    finally:
        server.terminate()
        server.wait(timeout=10)
    figures = {
        "employees_in_store": stored,
        # Both endpoints are measured in the same minute; on a shared machine, this says how busy it was.
        "load_average_1m": round(os.getloadavg()[0], 2),
        "page_read_ms": page_ms,
        "employees_p50_ms": round(statistics.median(employees), 2),
        "employees_p99_ms": round(percentile(employees, 0.99), 2),
        "trivial_p50_ms": round(statistics.median(trivial), 2),
        "trivial_p99_ms": round(percentile(trivial, 0.99), 2),
        "employees_server_cpu_ms": employees_cpu,
        "trivial_server_cpu_ms": trivial_cpu,
        "employees_rps": round(employees_rps, 1),
        "trivial_rps": round(trivial_rps, 1),
        "throughput_ratio": round(employees_rps / trivial_rps, 3),
    }
    print(
        f"GET /v1/hris/employees?page_size=100: p50 {figures['employees_p50_ms']} ms, "
        f"p99 {figures['employees_p99_ms']} ms, {figures['employees_rps']} req/s"
    )
    print(f"GET /healthz: p50 {figures['trivial_p50_ms']} ms, {figures['trivial_rps']} req/s")
    print(f"one page of 100 employees read from the store in this process: {page_ms} ms (best of 5 x 200)")
    print(
        f"server CPU per request: {figures['employees_server_cpu_ms']} ms (employees), "
        f"{figures['trivial_server_cpu_ms']} ms (/healthz)"
    )
    print(f"throughput ratio: {figures['throughput_ratio']:.0%} of the trivial endpoint's")
    print(f"load average (1 min) at the end: {figures['load_average_1m']} on {os.cpu_count()} CPUs")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
