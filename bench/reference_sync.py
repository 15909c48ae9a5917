"""A hand-written reference sync of a UKG Pro tenant: what the hub's full sync does, without its engine.

Issue #19 asks that the hub take at most 1.1x the time of a hand-written sync doing the same work in the
same run. This is that sync: httpx (:mod:`_ref_http`: the hub's requests, paging and concurrency limit),
hand-written joins and mapping functions (:mod:`_ref_maps`), orjson, hashlib and sqlite3 (:mod:`_ref_store`:
the hub's ``records`` table, one transaction per model). It uses no compiled field map, no ``hub.sync``,
no ``hub.live`` and no ``connectors.ukg_pro`` client: only the format primitives that make the stored
bytes the same (the pydantic models and ``stable_id``, the UKG parsers and transforms the maps use,
``pack_json``) and the hub's ``RecordSeal``, under a fresh key, so sensitive values are sealed with the
same work (``seal=False`` stores them in clear, and says so).

It reads what the hub reads, in the hub's order: model by model (``MODELS``), a model's joined sources
read at once and indexed, then its primary source streamed page by page, joined and mapped as it comes.
Endpoints two models read (``org-levels``: the "Department" label and groups; ``employment-details``:
employees and employments; ``pto-plans``: policies and balances) are read once and kept in memory.

``bench/full_sync.py`` times it after the hub's sync against the same sandbox and compares what both
stored (:func:`compare_stores`). Alone: ``python3 bench/reference_sync.py --employees 200``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _ref_maps as maps
from _ref_http import UkgReader
from _ref_store import ReferenceStore

from hub.secrets import SecretBox
from hub.store.codec import unpack_raw
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


def fresh_seal() -> RecordSeal:
    """The hub's record sealing under a new random key."""
    return RecordSeal(SecretBox([secrets.token_bytes(32)]))


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
    """Run the reference sync into the SQLite file ``path``; its figures (wall time, requests, records).

    ``seal`` None stores sensitive values in clear (less work than the hub). ``transport`` replaces the
    network (a test's in-process sandbox).
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
        start = time.perf_counter()
        counts, requests = asyncio.run(sync())
        wall = time.perf_counter() - start
    finally:
        store.close()  # outside the time, as the hub's close is
    records = sum(counts.values())
    return {
        "wall_s": round(wall, 2),
        "requests": requests,
        "records": records,
        "records_per_s": round(records / wall),
        "per_model": counts,
        "sealed": seal is not None,
    }


# -- comparing what the hub and the reference stored ------------------------------------------------


def _rows(path: Path, model: str, seal: RecordSeal) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """A store's live records of ``model`` by id, in id order: (remote id, hash, data, raw), opened."""
    import sqlite3

    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        query = (
            "SELECT id, remote_id, hash, data, raw FROM records WHERE model = ? AND NOT deleted ORDER BY id"
        )
        for record_id, remote_id, digest, data, raw in db.execute(query, (model,)):
            opened = None if raw is None else seal.open_raw(record_id, unpack_raw(raw))
            yield record_id, (remote_id, digest, seal.open_text(data), opened)
    finally:
        db.close()


def _differing(hub: tuple[Any, ...], ref: tuple[Any, ...]) -> list[str]:
    names = ("remote_id", "hash", "data", "raw")
    return [name for name, a, b in zip(names, hub, ref, strict=True) if a != b]


def compare_stores(
    hub_path: Path,
    hub_seal: RecordSeal,
    ref_path: Path,
    ref_seal: RecordSeal,
    models: tuple[str, ...],
    examples: int = 3,
) -> dict[str, Any]:
    """What differs between the records the hub and the reference stored, per model.

    Each side's live records of a model are read in id order (sealed values opened with that side's
    key) and matched by id: ids only one side has, and records whose remote id, hash, data or raw data
    differ. ``equal`` is True when nothing does.
    """
    report: dict[str, Any] = {"equal": True, "models": {}}
    for model in models:
        hub_rows, ref_rows = _rows(hub_path, model, hub_seal), _rows(ref_path, model, ref_seal)
        only_hub, only_ref, different = [], [], []
        counts = {"hub": 0, "reference": 0}
        hub_next, ref_next = next(hub_rows, None), next(ref_rows, None)
        while hub_next is not None or ref_next is not None:
            if ref_next is None or (hub_next is not None and hub_next[0] < ref_next[0]):
                only_hub.append(hub_next[0])  # type: ignore[index]
                counts["hub"] += 1
                hub_next = next(hub_rows, None)
            elif hub_next is None or ref_next[0] < hub_next[0]:
                only_ref.append(ref_next[0])
                counts["reference"] += 1
                ref_next = next(ref_rows, None)
            else:
                counts["hub"] += 1
                counts["reference"] += 1
                fields = _differing(hub_next[1], ref_next[1])
                if fields:
                    different.append((hub_next[0], fields, hub_next[1], ref_next[1]))
                hub_next, ref_next = next(hub_rows, None), next(ref_rows, None)
        entry: dict[str, Any] = dict(counts)
        if only_hub or only_ref or different:
            report["equal"] = False
            entry.update(
                only_hub=len(only_hub),
                only_reference=len(only_ref),
                different=len(different),
                examples={
                    "only_hub": only_hub[:examples],
                    "only_reference": only_ref[:examples],
                    "different": [_example(*d) for d in different[:examples]],
                },
            )
        report["models"][model] = entry
    return report


def _example(record_id: str, fields: list[str], hub: tuple[Any, ...], ref: tuple[Any, ...]) -> dict[str, Any]:
    """One differing record: its id and, per differing column, the values that differ."""
    shown: dict[str, Any] = {"id": record_id}
    for name in fields:
        position = ("remote_id", "hash", "data", "raw").index(name)
        a, b = hub[position], ref[position]
        if isinstance(a, dict) and isinstance(b, dict):
            keys = sorted(set(a) | set(b), key=str)
            shown[name] = {k: {"hub": a.get(k), "reference": b.get(k)} for k in keys if a.get(k) != b.get(k)}
        else:
            shown[name] = {"hub": a, "reference": b}
    return shown


def main(argv: list[str] | None = None) -> int:
    """Run the reference alone against a fresh sandbox process and print its figures."""
    from _sandbox_process import sandbox_process

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=2_000)
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory(prefix="hrishub-reference-") as folder,
        sandbox_process(args.employees, latency_ms=args.latency_ms) as (base, credentials),
    ):
        figures = run_reference(
            base, credentials, args.concurrency, Path(folder) / "reference.db", seal=fresh_seal()
        )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
