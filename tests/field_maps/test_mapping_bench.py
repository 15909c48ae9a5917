"""The mapping benchmark runs, and its hand-written function agrees with the engine (small sample)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "mapping.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hrishub_bench_mapping", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_runs_and_ends_with_one_json_object(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--records", "300", "--runs", "1"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    figures = json.loads(last)
    assert set(figures) == {"records", "engine_rps", "validated_rps", "handwritten_rps", "ratio"}
    assert figures["records"] == 300


def test_generated_records_are_deterministic_and_ukg_shaped(bench: ModuleType) -> None:
    people, jobs = bench.generate(50)
    assert (people, jobs) == bench.generate(50)
    assert {"employeeId", "companyId", "firstName", "datetimeChanged"} <= set(people[0])
    assert {"employeeID", "companyID", "employeeNumber", "employeeStatusCode"} <= set(jobs[0])
    assert all(len(j["employeeNumber"]) == 9 for j in jobs)
