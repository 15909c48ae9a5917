"""Faults survived: each fault of the UKG Pro sandbox against a realistic sync, in one table.

Usage: python3 bench/faults_table.py [--only NAME ...]
Each scenario: a clean full sync of a 40-person tenant (small pages, so reads span several pages), HR
changes (2 hires, 5 changes, 1 termination), a sync under the fault, the fault cleared, then a rerun
(``force=True``: the change feed again, from the stored cursors). A faulty run either completes with the
store equal to a live read of the provider, or stops with a clear error (a message and a remedy) and the
previous data of the models it did not finish intact. The rerun must leave nothing lost, duplicated or
stale. The last line is one JSON object with the per-scenario outcomes.

The sync killed with SIGKILL mid-run is ``tests/hub/sync/test_interrupted.py``; its row runs that test.
"""

import argparse
import contextlib
import json
import logging
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from connectors.ukg_pro.sandbox import Sandbox, run_server
from hub import HttpSettings, Hub
from hub.store import tables as t

RESOURCES = {"employees": "Employee", "employments": "Employment", "time_off_balances": "TimeOffBalance"}
HUB_ONLY = {"created_at", "modified_at", "remote_was_deleted", "remote_data", "field_sources"}
PAGES = {  # small server pages, so full reads span several pages
    "/personnel/v1/person-details": 15,
    "/personnel/v1/employment-details": 15,
    "/personnel/v1/compensation-details": 15,
    "/personnel/v1/employee-job-history-details": 20,
    "/personnel/v1/pto-plans": 20,
}
PEOPLE = "/personnel/v1/person-details"
JOBS = "/personnel/v1/employee-job-history-details"
FEED = "/personnel/v1/employee-changes"
ATTEMPTS = 4
INTERRUPTED_TEST = "tests/hub/sync/test_interrupted.py::test_a_sync_killed_midway_is_finished_by_the_next_run"


@dataclass
class Scenario:
    """A fault: ``faults`` set before the faulty run, or only while ``during`` is read (then cleared)."""

    name: str
    fault: str
    faults: dict[str, Any] = field(default_factory=dict)
    during: str | None = None
    burst_each_model: bool = False  # arm ``faults`` again as each model starts
    act: Callable[[Sandbox], None] | None = None  # done once employees are applied
    full: bool = False
    loopback: bool = False


def _revoke(sb: Sandbox) -> None:
    sb.revoke(sb.username, "Employee Job History Details")


def _revoke_optional(sb: Sandbox) -> None:
    sb.revoke(sb.username, "Employee Compensation Details")


def _expire(sb: Sandbox) -> None:
    sb.expire_password(sb.username)


S, BURST, DOWN = Scenario, ATTEMPTS - 1, 10_000
# fmt: off
SCENARIOS = [
    S("429 + Retry-After: 0", "every 3rd request 429, Retry-After: 0", {"rate_limit_every": 3, "retry_after": 0}),
    S("429 + Retry-After: 1", "every 15th request 429, Retry-After: 1", {"rate_limit_every": 15, "retry_after": 1}),
    S("429, no Retry-After", "every 3rd request 429, no header", {"rate_limit_every": 3, "retry_after": None}),
    S("429 burst, no Retry-After", f"{BURST}x 429 as each model starts", {"error_burst": (429, BURST)},
      burst_each_model=True),
    *(S(f"{status} burst", f"{BURST}x {status} as each model starts", {"error_burst": (status, BURST)},
        burst_each_model=True) for status in (500, 502, 503)),
    S("dropped connections", "2 dropped mid-body as each model starts", {"drop_connection": 2},
      burst_each_model=True, loopback=True),
    S("read timeout", "2 reads stalled 2 s (read timeout 0.5 s)", {"stall_seconds": 2.0, "stall_count": 2},
      loopback=True),
    S("malformed page, once", "person-details page 2 truncated once (full sync)", {"malformed_page": (PEOPLE, 2)},
      full=True),
    S("page served twice", "person-details page 1 again as page 2 (full sync)", {"serve_page_twice": (PEOPLE, 1)},
      full=True),
    S("page served twice, job history", "job-history page 2 again as page 3 (full sync)",
      {"serve_page_twice": (JOBS, 2)}, full=True),
    S("page served twice, past the end", "change-feed page 1 again as the empty page 2",
      {"serve_page_twice": (FEED, 1)}),
    S("429 outlasting retries", "every request 429 while employments are read",
      {"rate_limit_every": 1, "retry_after": 0}, during="Employment"),
    S("Retry-After past the budget", "every request 429, Retry-After: 30 (budget 5 s), during employments",
      {"rate_limit_every": 1, "retry_after": 30}, during="Employment"),
    S("503 outlasting retries", "503 on every request while employments are read", {"error_burst": (503, DOWN)},
      during="Employment"),
    S("drops outlasting retries", "every connection dropped while employments are read",
      {"drop_connection": DOWN}, during="Employment", loopback=True),
    S("timeouts outlasting retries", "every read stalled while employments are read",
      {"stall_seconds": 2.0, "stall_count": DOWN}, during="Employment", loopback=True),
    S("malformed page, always", f"job-history page 1 truncated {ATTEMPTS + 2}x",
      {"malformed_page": (JOBS, 1), "malformed_count": ATTEMPTS + 2}),
    S("change feed unreadable", "503 on every request while the change feed is read", {"error_burst": (503, DOWN)},
      during="feed"),
    S("permission revoked mid-sync", '"Employee Job History Details" revoked after employees', act=_revoke),
    S("permission revoked mid-sync (full)", '"Employee Job History Details" revoked after employees (full sync)',
      act=_revoke, full=True),
    S("password expired mid-sync", "password expired after employees", act=_expire),
    S("optional permission revoked", '"Employee Compensation Details" revoked after employees (full sync)',
      act=_revoke_optional, full=True),
]
# fmt: on


class World:
    """A tenant synced once, then changed by HR; the hub that syncs it and the store's state before the fault."""

    def __init__(self, folder: Path, base: str | None, sb: Sandbox) -> None:
        self.sb = sb
        self.base = base or "https://service4.ultipro.com"
        options = {
            "retry_initial_wait": 0.002,
            "max_attempts": ATTEMPTS,
            "max_retry_seconds": 5,
            "read_timeout": 0.5,
        }
        if base is None:
            settings = HttpSettings(transport=sb.transport(), **options)
        else:
            settings = HttpSettings(sandbox_origins=frozenset({base}), **options)
        self.hub = Hub(settings=settings, database_url=f"sqlite:///{folder / 'hub.db'}")
        self.account = self.hub.link("ukg_pro", sb.credentials(self.base))
        assert self.hub.sync(self.account).status == "succeeded"
        self.changes = sb.tenant.advance(hires=2, changes=5, terminations=1)
        self.before = self.snapshots()

    def records(self, resource: str, mode: str = "auto") -> list[Any]:
        accessor = getattr(self.hub, resource)(self.account)
        out, cursor = [], None
        while True:
            page = accessor.list(page_size=1000, cursor=cursor, mode=mode)
            out.extend(page.results)
            cursor = page.next_cursor
            if cursor is None:
                return out

    def snapshots(self, mode: str = "auto") -> dict[str, dict[str, dict]]:
        return {
            resource: {
                r.id: r.model_dump(mode="json", exclude=HUB_ONLY) for r in self.records(resource, mode)
            }
            for resource in RESOURCES
        }

    def events(self) -> list[tuple[str, str]]:
        with self.hub.store.engine.connect() as db:
            return [tuple(row) for row in db.execute(select(t.events.c.type, t.events.c.record_id))]

    def status(self) -> str:
        return self.hub.accounts()[0].status

    def damage(self) -> dict[str, int]:
        """Records lost, duplicated and stale: the store against a live read, plus repeated events."""
        lost = duplicated = stale = 0
        for resource in RESOURCES:
            stored = self.records(resource)
            live = {r.id: r.model_dump(mode="json", exclude=HUB_ONLY) for r in self.records(resource, "live")}
            ids = Counter(r.id for r in stored)
            duplicated += sum(n - 1 for n in ids.values())
            kept = {r.id: r for r in stored}
            for rid, record in live.items():
                mine = kept.get(rid)
                if mine is None or mine.remote_was_deleted:
                    lost += 1
                elif mine.model_dump(mode="json", exclude=HUB_ONLY) != record:
                    stale += 1
            stale += sum(1 for rid, r in kept.items() if rid not in live and not r.remote_was_deleted)
        events = Counter(self.events())
        duplicated += sum(n - 1 for n in events.values())
        created = {rid for kind, rid in events if kind == "employee.created"}
        lost += max(0, len(self.changes.hired) - len(created))  # a hire never announced
        return {"lost": lost, "duplicated": duplicated, "stale": stale}


def _progress(scenario: Scenario, sb: Sandbox) -> Callable[[str, str, Any], None]:
    def progress(model: str, stage: str, info: Any) -> None:
        if scenario.burst_each_model and stage == "start":
            sb.faults.update(scenario.faults)
        if scenario.during == "feed" and stage == "start":
            sb.faults.reset()  # the feed is read before the first model starts
        if scenario.during == model:
            if stage == "start":
                sb.faults.update(scenario.faults)
            elif stage == "done":
                sb.faults.reset()
        if scenario.act is not None and model == "Employee" and stage == "done":
            scenario.act(sb)

    return progress


def _clear(world: World) -> None:
    """The fault cleared: faults off, the permission granted again, the password reset (and given to the hub)."""
    sb = world.sb
    sb.faults.reset()
    sb.grant(sb.username, "Employee Job History Details", "Employee Compensation Details")
    account = sb.accounts[sb.username]
    if account.password_expired:
        account.password, account.password_expired = account.password + "-new", False
        credentials = {**sb.credentials(world.base), "password": account.password}
        world.hub.update_credentials(world.account, credentials)


def run_scenario(scenario: Scenario, folder: Path) -> dict[str, Any]:
    sb = Sandbox(employees=40, seed=5, page_limits=PAGES)
    with contextlib.ExitStack() as stack:
        base = stack.enter_context(run_server(sb)) if scenario.loopback else None
        world = World(folder, base, sb)
        if not scenario.burst_each_model and scenario.during in (None, "feed"):
            sb.faults.update(scenario.faults)
        started = time.perf_counter()
        report = world.hub.sync(world.account, full=scenario.full, progress=_progress(scenario, sb))
        faulty_s = time.perf_counter() - started
        status_after_fault = world.status()
        _clear(world)
        now, live = world.snapshots(), world.snapshots("live")
        deleted = sum(r.remote_was_deleted for resource in RESOURCES for r in world.records(resource))
        models = report.models
        unfinished = [r for r, m in RESOURCES.items() if not models[m].complete]
        applied_ok = not deleted and all(now[r] == live[r] for r in RESOURCES if r not in unfinished)
        intact = all(now[r] == world.before[r] for r in unfinished)
        errors = [e for e in report.errors if e.get("message") and e.get("remedy")]
        clear = len(errors) == len(report.errors)
        rerun = world.hub.sync(world.account, force=True)
        damage = world.damage()
        return {
            "scenario": scenario.name,
            "fault": scenario.fault,
            "faulty_status": report.status,
            "faulty_s": round(faulty_s, 2),
            "errors": [f"{e['model']}: {e['message']}" for e in report.errors],
            "error_types": sorted({e["type"] for e in report.errors}),
            "warnings": [w for m in models.values() for w in m.warnings],
            "remedies": sorted({e["remedy"] for e in report.errors}),
            "clear_errors": clear,
            "account_status": status_after_fault,
            "unfinished": unfinished,
            "applied_equal_live": applied_ok,
            "wrongly_deleted_after_fault": deleted,
            "previous_intact": intact,
            "rerun_status": rerun.status,
            "rerun_account_status": world.status(),
            **damage,
        }


def run_interrupted() -> dict[str, Any]:
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            INTERRUPTED_TEST,
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    passed = done.returncode == 0
    return {
        "scenario": "sync killed (SIGKILL)",
        "fault": "worker killed mid-run, then rerun",
        "faulty_status": "killed",
        "faulty_s": round(time.perf_counter() - started, 2),
        "errors": [],
        "error_types": [],
        "warnings": [],
        "remedies": [],
        "clear_errors": True,
        "account_status": "linked",
        "unfinished": ["employments"],  # what the test checks is as before the dead run
        "applied_equal_live": passed,
        "wrongly_deleted_after_fault": 0,
        "previous_intact": passed,
        "rerun_status": "succeeded" if passed else "failed",
        "rerun_account_status": "linked",
        "lost": 0 if passed else -1,
        "duplicated": 0 if passed else -1,
        "stale": 0 if passed else -1,
        "test": INTERRUPTED_TEST,
    }


def _short(text: str, width: int = 150) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def survived(row: dict[str, Any]) -> bool:
    """Completed with the store equal to the provider, or stopped clearly with the rest intact; then a clean rerun."""
    return (
        row["applied_equal_live"]
        and row["previous_intact"]
        and row["clear_errors"]
        and row["rerun_status"] == "succeeded"
        and row["rerun_account_status"] == "linked"
        and row["lost"] == row["duplicated"] == row["stale"] == 0
    )


def outcome(row: dict[str, Any]) -> str:
    if row["faulty_status"] == "killed":
        return "killed (see test_interrupted.py)"
    if row["faulty_status"] == "succeeded":
        text = "completed" + ("" if row["applied_equal_live"] else ", store != provider")
        if row["warnings"]:
            text += f", warning: {_short(row['warnings'][0])}"
        return text
    first = _short(row["errors"][0]) if row["errors"] else "no error"
    more = f" (+{len(row['errors']) - 1})" if len(row["errors"]) > 1 else ""
    text = f"stopped ({row['faulty_status']}): {first}{more}"
    if row["account_status"] != "linked":
        text += f"; account {row['account_status']}"
    return text if row["clear_errors"] else text + " [NO REMEDY]"


def main() -> None:
    logging.getLogger("stamina").setLevel(logging.ERROR)  # one warning per retry otherwise
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", help="scenario names (substrings) to run")
    parser.add_argument("--skip-interrupted", action="store_true")
    args = parser.parse_args()
    chosen = [s for s in SCENARIOS if not args.only or any(o.lower() in s.name.lower() for o in args.only)]
    rows = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i, scenario in enumerate(chosen):
            folder = Path(tmp) / str(i)
            folder.mkdir()
            rows.append(run_scenario(scenario, folder))
    if not args.skip_interrupted and not args.only:
        rows.append(run_interrupted())
    header = (
        "scenario",
        "fault",
        "faulty run",
        "previous data intact",
        "rerun after clearing",
        "lost/dup/stale",
    )
    table = [
        (
            r["scenario"],
            r["fault"],
            outcome(r),
            ("yes: " + ", ".join(r["unfinished"]) if r["previous_intact"] else "NO")
            if r["unfinished"]
            else "n/a",
            r["rerun_status"]
            + ("" if r["rerun_account_status"] == "linked" else f", account {r['rerun_account_status']}"),
            f"{r['lost']}/{r['duplicated']}/{r['stale']}",
        )
        for r in rows
    ]
    widths = [max(len(str(c)) for c in col) for col in zip(header, *table, strict=True)]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for line in table:
        print(" | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)))
    for row in rows:
        row["survived"] = survived(row)
    failed = [r["scenario"] for r in rows if not r["survived"]]
    print(f"{len(rows)} scenarios in {time.perf_counter() - started:.1f} s; not survived: {failed or 'none'}")
    print(json.dumps({"all_survived": not failed, "not_survived": failed, "scenarios": rows}, default=str))


if __name__ == "__main__":
    main()
