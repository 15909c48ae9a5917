"""Filtered reads of 50,000 stored employees in SQLite: a filtered page against an unfiltered one.

Usage: python3 bench/filtered_reads.py [--employees 50000] [--repeat 5]

The store holds N employees of one account (3 companies, 40 departments, 97 teams, 1 in 50 on
leave). Each filter of ``GET /v1/hris/employees`` reads one page of 100 through
:func:`hub.store.reads.record_page`; the baseline, measured in the same run, is the unfiltered first
page. A filter that matches few records walks most of the account (SQL on the stored JSON, by the
account's index), so its ratio says what that walk costs. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from hub.selection import FILTERS
from hub.store import Store
from hub.store import tables as t
from hub.store.reads import record_page
from unified_models import Employee

ACCOUNT = "acct_bench"


def _employee(n: int) -> str:
    return Employee(
        id=f"emp-{n:06d}",
        remote_id=f"E{n:06d}",
        employee_number=str(n),
        company_id=f"co-{n % 3}",
        first_name="Ada",
        last_name=f"Lovelace {n}",
        display_full_name=f"Ada Lovelace {n}",
        work_email=f"ada.lovelace{n}@big.example",
        manager_id=None if n < 10 else f"emp-{n % 10:06d}",
        department_id=f"grp-{n % 40}",
        group_ids=(f"grp-{n % 40}", f"team-{n % 97}"),
        job_title="Engineer",
        employment_status="ACTIVE" if n % 50 else "LEAVE",
        custom_fields={f"field_{i}": f"value {i} of {n}" for i in range(8)},
        remote_modified_at=datetime(2026, 1, 1, tzinfo=UTC),
    ).model_dump_json(
        exclude={"remote_data", "field_sources", "created_at", "modified_at", "remote_was_deleted"}
    )


def _store(employees: int) -> Store:
    home = Path(tempfile.mkdtemp(prefix="hrishub-bench-reads-"))
    os.environ["HRISHUB_HOME"] = str(home)
    store = Store(f"sqlite:///{home / 'hub.db'}")
    now = datetime.now(UTC)
    with store.engine.begin() as db:
        db.execute(
            insert(t.accounts).values(
                id=ACCOUNT,
                connector="bench",
                credentials="-",
                permissions="{}",
                options="{}",
                status="linked",
                sync_every_seconds=3600,
                created_at=now,
                updated_at=now,
            )
        )
        for start in range(0, employees, 10_000):
            rows = [
                {
                    "account_id": ACCOUNT,
                    "model": "Employee",
                    "id": f"emp-{n:06d}",
                    "remote_id": f"E{n:06d}",
                    "hash": "-",
                    "data": _employee(n),
                    "deleted": n % 1000 == 999,
                    "created_at": now,
                    "modified_at": now,
                }
                for n in range(start, min(start + 10_000, employees))
            ]
            db.execute(insert(t.records), rows)
    return store


def _best(store: Store, repeat: int, **filters: str) -> float:
    specs = FILTERS["employees"]
    chosen = [(specs[name], specs[name].normalise(value)) for name, value in filters.items()]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        record_page(store, ACCOUNT, "Employee", limit=101, include_deleted=False, filters=chosen)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    store = _store(args.employees)
    last = args.employees - 2
    cases = {
        "unfiltered (baseline)": {},
        "company_id (1 in 3)": {"company_id": "co-1"},
        "work_email (one, near the end)": {"work_email": f"ADA.LOVELACE{last}@big.example"},
        "remote_id (one, near the end)": {"remote_id": f"E{last:06d}"},
        "group_id + employment_status (rare)": {"group_id": "team-3", "employment_status": "LEAVE"},
    }
    results = {name: _best(store, args.repeat, **filters) for name, filters in cases.items()}
    baseline = results["unfiltered (baseline)"]
    for name, seconds in results.items():
        print(f"{name:40} {seconds * 1000:8.1f} ms  x{seconds / baseline:6.1f}", file=sys.stderr)
    print(json.dumps({"employees": args.employees, "seconds": results}))
    store.close()


if __name__ == "__main__":
    main()
