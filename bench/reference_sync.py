"""A hand-written reference sync of a UKG Pro tenant: what the hub's full sync does, without its engine.

Issue #19 asks that the hub take at most 1.1x the time of a hand-written sync doing the same work in the
same run. This is that sync: httpx (:mod:`_ref_http`: the hub's requests, paging and concurrency limit),
hand-written joins and mapping functions (:mod:`_ref_maps`), orjson, hashlib and sqlite3 (:mod:`_ref_store`:
the hub's ``records`` table, one transaction per model). It uses no compiled field map, no ``hub.sync``,
no ``hub.live`` and no ``connectors.ukg_pro`` client: only the format primitives that make the stored
bytes the same (the pydantic models and ``stable_id``, the UKG parsers and transforms the maps use,
``RawPacker``) and the hub's ``RecordSeal``, under a fresh key, so sensitive values are sealed with the
same work (``seal=None`` stores them in clear, and its figures say so: ``sealed``).

It reads what the hub reads, in the hub's order: model by model (``MODELS``), a model's joined sources
read at once and indexed, then its primary source streamed page by page, joined and mapped as it comes.
Endpoints two models read (``org-levels``: the "Department" label and groups; ``employment-details``:
employees and employments; ``pto-plans``: policies and balances) are read once and kept in memory
(the hub keeps them in scratch files). What the hub does beside the records (its run and sync-state
rows, fill rates, lineage, join and value-problem reports, leases, account events) is left out: that is
part of the overhead the ratio measures.

``bench/full_sync.py`` runs it after the hub's sync, against the same sandbox process, in a Python
process of its own (:func:`run_in_child`), and compares what both stored (``_ref_compare``). Alone:
``python3 bench/reference_sync.py --employees 2000``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _ref_maps as maps
from _ref_http import UkgReader
from _ref_store import ReferenceStore

from hub.secrets import SecretBox
from hub.store.sealing import RecordSeal

MODELS = (
    "Company",
    "Location",
    "Group",
    "Employee",
    "Employment",
    "TimeOffPolicy",
    "TimeOffBalance",
    "TimeOffRequest",
)
"""The models the reference syncs, in the hub's order (UKG's REST API has no time-off requests)."""

PERSON = "/personnel/v1/person-details"
EMPLOYMENT = "/personnel/v1/employment-details"
UDF = "/personnel/v1/user-defined-fields"
COMPENSATION = "/personnel/v1/compensation-details"
JOB_HISTORY = "/personnel/v1/employee-job-history-details"
PTO_PLANS = "/personnel/v1/pto-plans"


def _index(rows: list[dict[str, Any]], *key: str) -> dict[Any, dict[str, Any]]:
    """Rows by their key fields' values (the first row of a key wins)."""
    found: dict[Any, dict[str, Any]] = {}
    if len(key) == 1:
        (name,) = key
        for row in rows:
            found.setdefault(row.get(name), row)
    else:
        for row in rows:
            found.setdefault(tuple(row.get(name) for name in key), row)
    found.pop(None, None)
    return found


class ReferenceSync:
    """One run of the reference sync: ``counts = await ReferenceSync(reader, store).run(models)``."""

    def __init__(self, reader: UkgReader, store: ReferenceStore) -> None:
        self.reader = reader
        self.store = store
        self.counts: dict[str, int] = {}
        self._org_levels: list[dict[str, Any]] | None = None
        self._employment: dict[Any, dict[str, Any]] | None = None
        self._pto_plans: list[list[dict[str, Any]]] | None = None

    async def run(self, models: tuple[str, ...]) -> dict[str, int]:
        """Sync ``models`` (in the hub's order); the records stored per model."""
        self._org_levels = await self.reader.get("/configuration/v1/org-levels")
        for model in MODELS:
            if model in models and model != "TimeOffRequest":
                await getattr(self, f"_{model}")()
        return self.counts

    def _stored(self, model: str, writer: Any) -> None:
        self.counts[model] = len(writer.ids)

    async def _Company(self) -> None:
        with self.store.model("Company") as out:
            async for page in self.reader.pages("/configuration/v1/company-details"):
                for row in page:
                    out.add(maps.company(row), {"company-details": row})
        self._stored("Company", out)

    async def _Location(self) -> None:
        rows = await self.reader.get("/configuration/v1/locations")
        with self.store.model("Location") as out:
            for row in rows:
                out.add(maps.location(row), {"locations": row})
        self._stored("Location", out)

    async def _Group(self) -> None:
        with self.store.model("Group") as out:
            for row in self._org_levels or []:
                out.add(maps.group(row), {"org-levels": row})
        self._stored("Group", out)

    async def _employment_rows(self) -> dict[Any, dict[str, Any]]:
        if self._employment is None:
            self._employment = _index(await self.reader.rows(EMPLOYMENT), "companyID", "employeeID")
        return self._employment

    async def _Employee(self) -> None:
        employment, udf_rows = await asyncio.gather(self._employment_rows(), self.reader.rows(UDF))
        udfs = _index(udf_rows, "employeeId")
        department = maps.department_level(self._org_levels or [])
        with self.store.model("Employee") as out:
            async for page in self.reader.pages(PERSON):
                for person in page:
                    job = employment.get((person.get("companyId"), person.get("employeeId")))
                    udf = udfs.get(person.get("employeeId"))
                    raw = {"person-details": person}
                    if job is not None:
                        raw["employment-details"] = job
                    if udf is not None:
                        raw["user-defined-fields"] = udf
                    out.add(maps.employee(person, job, udf, department), raw)
        self._stored("Employee", out)

    async def _Employment(self) -> None:
        reasons = maps.code_table(await self.reader.get("/configuration/v1/code-tables/JOBCHANGE"))
        compensation, employment = await asyncio.gather(
            self.reader.rows(COMPENSATION), self._employment_rows()
        )
        pay = _index(compensation, "companyID", "employeeID")
        department = maps.department_level(self._org_levels or [])
        # A period ends the day before the employee's next one starts: known once every row is read.
        periods = maps.with_period_ends(await self.reader.rows(JOB_HISTORY))
        with self.store.model("Employment") as out:
            for job in periods:
                key = (job.get("companyId"), job.get("employeeId"))
                comp, current = pay.get(key), employment.get(key)
                raw = {"job-history-periods": job}
                if comp is not None:
                    raw["compensation-details"] = comp
                if current is not None:
                    raw["employment-details"] = current
                out.add(maps.employment(job, comp, current, department, reasons), raw)
        self._stored("Employment", out)

    async def _plan_pages(self) -> Any:
        """The pto-plans pages: read from UKG the first time (and kept), from memory after."""
        if self._pto_plans is not None:
            for page in self._pto_plans:
                yield page
            return
        kept = []
        async for page in self.reader.pages(PTO_PLANS, "per_page", 1_000):
            kept.append(page)
            yield page
        self._pto_plans = kept

    async def _TimeOffPolicy(self) -> None:
        seen: set[Any] = set()
        with self.store.model("TimeOffPolicy") as out:
            async for page in self._plan_pages():
                for row in page:
                    plan = maps.code(row.get("ptoPlan"))
                    if plan not in seen:  # one row per employee and plan: the plan's first row gives it
                        seen.add(plan)
                        out.add(maps.time_off_policy(row), {"pto-plans": row})
        self._stored("TimeOffPolicy", out)

    async def _TimeOffBalance(self) -> None:
        with self.store.model("TimeOffBalance") as out:
            async for page in self._plan_pages():
                for row in page:
                    out.add(maps.time_off_balance(row), {"pto-plans": row})
        self._stored("TimeOffBalance", out)


def fresh_key() -> bytes:
    """A new random key for the reference's sealing (the hub's own key is never used)."""
    return secrets.token_bytes(32)


def seal_of(key: bytes) -> RecordSeal:
    """The hub's record sealing under ``key``."""
    return RecordSeal(SecretBox([key]))


def run_reference(
    base_url: str,
    credentials: dict[str, str],
    concurrency: int,
    path: Path,
    models: tuple[str, ...] = MODELS,
    *,
    seal: RecordSeal | None = None,
    transport: Any = None,
) -> dict[str, Any]:
    """Run the reference sync into the SQLite file ``path``; its figures (wall and CPU time, requests, records).

    ``seal`` None stores sensitive values in clear (less work than the hub: ``sealed`` says so).
    ``transport`` replaces the network (a test's in-process sandbox).
    """
    store = ReferenceStore(path, seal)

    async def sync() -> tuple[dict[str, int], int]:
        reader = UkgReader(base_url, credentials, concurrency, transport)
        try:
            counts = await ReferenceSync(reader, store).run(models)
        finally:
            await reader.aclose()
        return counts, reader.requests

    try:
        start, cpu = time.perf_counter(), time.process_time()
        counts, requests = asyncio.run(sync())
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        store.close()  # outside the time, as the hub's close is
    records = sum(counts.values())
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "requests": requests,
        "records": records,
        "records_per_s": round(records / wall),
        "per_model": counts,
        "sealed": seal is not None,
    }


def run_in_child(
    base_url: str,
    credentials: dict[str, str],
    concurrency: int,
    path: Path,
    models: tuple[str, ...],
    key: bytes,
) -> dict[str, Any]:
    """:func:`run_reference` (sealing under ``key``) in a new Python process; its figures.

    A process of its own starts as cold as the hub's run did: nothing the hub's run loaded or cached
    (pycountry's tables, pydantic's serialisers, the transforms' caches) is there to speed it up.
    """
    job = {
        "base_url": base_url,
        "credentials": credentials,
        "concurrency": concurrency,
        "path": str(path),
        "models": list(models),
        "key": base64.b64encode(key).decode(),
    }
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--job"],
        input=json.dumps(job),  # on stdin: the credentials and the key stay out of the process list
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the reference sync failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _run_job() -> int:
    job = json.loads(sys.stdin.read())
    figures = run_reference(
        job["base_url"],
        job["credentials"],
        job["concurrency"],
        Path(job["path"]),
        tuple(job["models"]),
        seal=seal_of(base64.b64decode(job["key"])),
    )
    print(json.dumps(figures))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the reference alone against a fresh sandbox process and print its figures (``--job``: see
    :func:`run_in_child`)."""
    from _sandbox_process import sandbox_process

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=2_000)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--job", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.job:
        return _run_job()
    with (
        tempfile.TemporaryDirectory(prefix="hrishub-reference-") as folder,
        sandbox_process(args.employees, latency_ms=args.latency_ms) as (base, credentials),
    ):
        figures = run_reference(
            base, credentials, args.concurrency, Path(folder) / "reference.db", seal=seal_of(fresh_key())
        )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
