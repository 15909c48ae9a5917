"""A sync whose records are packed in helper processes stores and reports what packing here does.

The helpers are forked from the test process once a read passes ``OFFLOAD_AFTER`` records (0 here,
so every read uses them); they map, hash, compress and seal, and this process writes what they
hand back. Every model of the sandbox tenant is synced, pay and banking ones (sealed raw data)
included, and compared row by row with sealed values opened.
"""

import logging
import os
from typing import Any

import pytest
from sqlalchemy import select

from hub import HttpSettings, Hub
from hub.env_settings import count
from hub.errors import InvalidSetting
from hub.store import tables as t
from hub.store.codec import unpack_raw
from hub.sync import offload
from hub.sync.offload import Packer


def _sync(sandbox, tmp_path, name: str, workers: int) -> tuple[dict, dict, dict[str, int]]:
    hub = Hub(
        transport=sandbox.transport(),
        settings=HttpSettings(retry_initial_wait=0.001, sync_workers=workers),
        database_url=f"sqlite:///{tmp_path / name}",
    )
    try:
        account = hub.link("ukg_pro", sandbox.credentials())
        report = hub.sync(account)
        assert report.status == "succeeded", report.errors
        first = _stored(hub, account.id)
        # A second full read over the same provider data changes nothing, whoever packs it.
        again = hub.sync(account, full=True)
        assert again.events == 0
        assert all(m.created == m.updated == m.deleted == 0 for m in again.models.values())
        assert _stored(hub, account.id) == first
        counts = {
            f"{name}.{field}": getattr(model, field)
            for name, model in report.models.items()
            for field in ("read", "created", "failed", "problems")
        }
        return first, {name: model.fill for name, model in report.models.items()}, counts
    finally:
        hub.close()


def _stored(hub: Hub, account_id: str) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Every stored record by (model, id): remote id, hash, data and raw data, sealed values opened."""
    seal = hub.store.seal
    with hub.store.engine.connect() as db:
        rows = db.execute(select(t.records).where(t.records.c.account_id == account_id)).all()
    stored = {}
    for row in rows:
        raw = None if row.raw is None else seal.open_raw(row.id, unpack_raw(row.raw))
        stored[(row.model, row.id)] = (row.remote_id, row.hash, seal.open_text(row.data), raw, row.deleted)
    return stored


@pytest.fixture
def counted(monkeypatch) -> dict[str, int]:
    """Records packed by helpers over the test, counted as each read's packer closes."""
    counts = {"offloaded": 0}
    close = Packer.close

    def counting(self: Packer) -> None:
        counts["offloaded"] += self.offloaded
        close(self)

    monkeypatch.setattr(Packer, "close", counting)
    monkeypatch.setattr(offload, "OFFLOAD_AFTER", 0)
    return counts


def test_records_packed_by_helpers_are_stored_as_records_packed_here(sandbox, tmp_path, counted) -> None:
    here = _sync(sandbox, tmp_path, "here.db", workers=0)
    assert counted["offloaded"] == 0
    helped = _sync(sandbox, tmp_path, "helped.db", workers=1)
    assert counted["offloaded"] > 1000  # the helpers packed the reads, not this process
    stored, stored_here = helped[0], here[0]
    assert stored.keys() == stored_here.keys()
    assert {model for model, _ in stored} >= {"Employee", "BankInfo", "EmployeePayrollRun", "TimeOffBalance"}
    assert stored == stored_here
    assert helped[1:] == here[1:]  # fill rates and counts of the report


def _dying(joined: Any) -> Any:
    os._exit(3)  # a helper killed mid-read (out of memory, a signal)


def test_what_a_dead_helper_left_is_packed_here_and_nothing_is_lost(
    sandbox, tmp_path, counted, monkeypatch, caplog
) -> None:
    here = _sync(sandbox, tmp_path, "here.db", workers=0)
    monkeypatch.setattr(offload, "_pack_adopted", _dying)
    with caplog.at_level(logging.WARNING, logger="hub.sync.offload"):
        helped = _sync(sandbox, tmp_path, "helped.db", workers=1)
    assert counted["offloaded"] == 0  # every slice handed out came back to be packed here
    assert "a sync helper process died" in caplog.text
    assert helped == here


def test_the_number_of_helpers_comes_from_the_environment_and_a_bad_one_is_refused(monkeypatch) -> None:
    monkeypatch.setenv("HRISHUB_SYNC_WORKERS", "2")
    assert count("HRISHUB_SYNC_WORKERS", 0) == 2
    assert Hub(plugins=(), database_url="sqlite://").settings.sync_workers == 2
    monkeypatch.setenv("HRISHUB_SYNC_WORKERS", "two")
    with pytest.raises(InvalidSetting) as refused:
        count("HRISHUB_SYNC_WORKERS", 0)
    assert "HRISHUB_SYNC_WORKERS" in str(refused.value) and "'two'" in str(refused.value)
    assert "whole number" in refused.value.remedy
