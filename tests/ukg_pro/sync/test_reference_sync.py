"""The hand-written reference sync of bench/ stores what the hub stores, byte for byte (issue #19).

``bench/full_sync.py`` divides the hub's time by the reference's; the ratio means something only if
both did the same work. Here both sync the same small tenant and every record matches: ids, remote ids,
hashes (over the data and raw JSON before sealing) and, opened with each side's key, data and raw data.
"""

import importlib.util
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"hrishub_bench_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    module = _load("reference_sync")  # puts bench/ on sys.path for its helper modules
    assert str(BENCH) in sys.path
    return module


@pytest.fixture
def both(reference, hub, account, sandbox, tmp_path):
    """The hub's store and the reference's after one full sync each of the core models."""
    report = hub.sync(account, models=reference.MODELS)
    assert report.status == "succeeded", report.errors
    hub_path = Path(hub.store.engine.url.database)
    key = reference.fresh_key()
    figures = reference.run_reference(
        "https://service4.ultipro.com",
        sandbox.credentials(),
        8,
        tmp_path / "reference.db",
        seal=reference.seal_of(key),
        transport=sandbox.transport(),
    )
    return report, hub_path, hub.store.seal, figures, tmp_path / "reference.db", reference.seal_of(key)


def test_the_reference_stores_the_same_records_as_the_hub(reference, both):
    report, hub_path, hub_seal, figures, ref_path, ref_seal = both
    from _ref_compare import compare_stores

    found = compare_stores(hub_path, hub_seal, ref_path, ref_seal, reference.MODELS)

    assert found["equal"], found
    read = {model: m.read for model, m in report.models.items() if m.read}
    assert figures["per_model"] == read
    assert set(read) == set(reference.MODELS) - {"TimeOffRequest"}  # UKG has no time-off requests
    assert figures["sealed"]
    with sqlite3.connect(ref_path) as db:  # sensitive values are sealed at rest, as the hub's are
        (data,) = db.execute("SELECT data FROM records WHERE model = 'Employee' LIMIT 1").fetchone()
    assert "hrishub:sealed:v1:" in data


def test_a_record_that_differs_or_is_missing_is_reported_with_its_id(reference, both):
    _, hub_path, hub_seal, _, ref_path, ref_seal = both
    from _ref_compare import compare_stores

    with sqlite3.connect(ref_path) as db:
        changed, gone = (r[0] for r in db.execute("SELECT id FROM records WHERE model = 'Location' LIMIT 2"))
        db.execute(
            "UPDATE records SET data = json_set(data, '$.name', 'Elsewhere') WHERE model = 'Location' AND id = ?",
            (changed,),
        )
        db.execute("DELETE FROM records WHERE id = ?", (gone,))

    found = compare_stores(hub_path, hub_seal, ref_path, ref_seal, ("Company", "Location"))

    assert not found["equal"]
    assert "examples" not in found["models"]["Company"]
    location = found["models"]["Location"]
    assert (location["only_hub"], location["only_reference"], location["different"]) == (1, 0, 1)
    assert location["examples"]["only_hub"] == [gone]
    (example,) = location["examples"]["different"]
    assert example["id"] == changed
    assert example["data"]["name"]["reference"] == "Elsewhere"
