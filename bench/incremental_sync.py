"""Incremental sync after N changes in a large UKG Pro sandbox tenant (served by another process).

Usage: python3 bench/incremental_sync.py [--employees 50000] [--changes 100] [--latency-ms 50]

A full sync first (not timed as the figure), then HR changes through the sandbox's admin surface
(hires, changes, terminations), then one incremental sync of the employees the change feed names.
Reports that sync's requests (the feed's, by endpoint and in all) and wall time. Last line: one JSON object.

UKG publishes lists of ids (``employeeId=[A,B]``) on user-defined-fields and compensation-details only;
person-details and employment-details are read once as their rows changed since the window
(``dateTimeChanged``), the changed employees' other rows taken as stored; the job history once as the rows
added since the window (``dateTimeCreated``), each changed employee's periods rebuilt from its stored rows
and the new ones.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _sandbox_process import sandbox_process

from hub import HttpSettings, Hub

FEED_MODELS = ("Employee", "Employment")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--link-header",
        action="store_true",
        help="the sandbox sends the RFC 8288 Link header two UKG clients parse (inferred to exist): "
        "a read ends at its last page, with no request for an empty one after it",
    )
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="hrishub-bench-"))
    os.environ["HRISHUB_HOME"] = str(home)
    settings = {"link_header": True} if args.link_header else None
    with sandbox_process(args.employees, latency_ms=args.latency_ms, settings=settings) as (
        base,
        credentials,
    ):
        settings = HttpSettings(
            sandbox_origins=frozenset({base}), max_concurrency=args.concurrency, read_timeout=300
        )
        hub = Hub(settings=settings, database_url=f"sqlite:///{home / 'hub.db'}")
        account = hub.link("ukg_pro", credentials)
        start = time.perf_counter()
        full = hub.sync(account, models=FEED_MODELS)
        print(
            f"full sync of employees and employments: {time.perf_counter() - start:.1f} s, {full.requests} requests"
        )

        hires, terminations = args.changes // 10, args.changes // 10
        changes = args.changes - hires - terminations
        with httpx.Client(base_url=base) as admin:
            summary = admin.post(
                "/_sandbox/advance", json={"hires": hires, "changes": changes, "terminations": terminations}
            ).json()
            stats_before = admin.get("/_sandbox/stats").json()

        start = time.perf_counter()
        report = hub.sync(account, models=FEED_MODELS, force=True)
        wall = time.perf_counter() - start
        with httpx.Client(base_url=base) as admin:
            stats_after = admin.get("/_sandbox/stats").json()
        feed_path = "/personnel/v1/employee-changes"
        feed_requests = stats_after["requests"].get(feed_path, 0) - stats_before["requests"].get(feed_path, 0)
        by_endpoint = {
            path.rsplit("/v1/", 1)[-1]: n - stats_before["requests"].get(path, 0)
            for path, n in sorted(stats_after["requests"].items())
            if n > stats_before["requests"].get(path, 0)
        }
        employee = report.models["Employee"]
        assert report.status == "succeeded" and employee.mode == "feed", report.to_dict()
        changed = (
            len(summary.get("hired", []))
            + len(summary.get("changed", []))
            + len(summary.get("terminated", []))
        )
        figures = {
            "employees": args.employees,
            "changes": changed,
            "latency_ms": args.latency_ms,
            "link_header": args.link_header,
            "wall_s": round(wall, 2),
            "requests": report.requests,
            "feed_requests": feed_requests,
            "employees_read": employee.read,
            "employees_created": employee.created,
            "employees_updated": employee.updated,
            "employments_read": report.models["Employment"].read,
            "events": report.events,
            "requests_by_endpoint": by_endpoint,
        }
        print(
            f"incremental sync after {changed} changes: {wall:.2f} s, {report.requests} requests "
            f"({feed_requests} for the change feed), {employee.read} employees re-read, {report.events} events"
        )
        print("requests by endpoint: " + ", ".join(f"{path} {n}" for path, n in by_endpoint.items()))
        hub.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
