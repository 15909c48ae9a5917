"""A sync packs each model's raw data with a zstd dictionary trained on the account's own records.

The first full sync of a model trains one on its first records (:data:`hub.store.codec.DICTIONARY_SAMPLES`,
lowered here to fit a small tenant) and keeps it in the store with the records, whether the model was
read here or by a read-ahead helper; later syncs pack with it. What is stored, once opened, is what a
sync without dictionaries stores.
"""

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import select

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub
from hub.store import codec
from hub.store import tables as t
from hub.store.codec import dictionary_id_of, unpack_raw
from hub.store.raw_dictionaries import RawDictionaryStore

MODELS = ("Employee", "Employment", "TimeOffBalance")
SAMPLES = 30


def _dictionaries(hub: Hub, account_id: str) -> dict[str, int]:
    """The account's dictionaries: model → id."""
    d = t.raw_dictionaries.c
    with hub.store.engine.connect() as db:
        rows = db.execute(select(d.model, d.id).where(d.account_id == account_id)).all()
    assert len(rows) == len({model for model, _ in rows}), "one dictionary per model"
    return {model: dictionary_id for model, dictionary_id in rows}


def _stored(hub: Hub, account_id: str) -> tuple[dict[tuple[str, str], Any], Counter[tuple[str, int]]]:
    """Every record, raw data opened; and how many records of each model name each dictionary id."""
    seal = hub.store.seal
    with hub.store.engine.connect() as db:
        rows = db.execute(select(t.records).where(t.records.c.account_id == account_id)).all()
    opened, packed_with = {}, Counter()
    for row in rows:
        raw = None if row.raw is None else seal.open_raw(row.id, unpack_raw(row.raw))
        opened[(row.model, row.id)] = (row.hash, seal.open_text(row.data), raw)
        if row.raw is not None:
            packed_with[(row.model, dictionary_id_of(row.raw))] += 1
    return opened, packed_with


def _hub(sandbox: Sandbox, path: Any, workers: int, url: str | None = None) -> Hub:
    return Hub(
        transport=sandbox.transport(),
        settings=HttpSettings(retry_initial_wait=0.001, sync_workers=workers),
        database_url=url or f"sqlite:///{path}",
    )


@pytest.fixture
def tenant() -> Sandbox:
    return Sandbox(employees=60, seed=5)


@pytest.fixture
def plain(tenant, tmp_path, monkeypatch) -> dict[tuple[str, str], Any]:
    """What a sync stores without dictionaries (``DICTIONARY_SAMPLES`` 0: none trained), raw data opened."""
    monkeypatch.setattr(codec, "DICTIONARY_SAMPLES", 0)
    hub = _hub(tenant, tmp_path / "plain.db", workers=0)
    try:
        account = hub.link("ukg_pro", tenant.credentials())
        assert hub.sync(account, models=MODELS).status == "succeeded"
        assert _dictionaries(hub, account.id) == {}
        return _stored(hub, account.id)[0]
    finally:
        hub.close()
        monkeypatch.setattr(codec, "DICTIONARY_SAMPLES", SAMPLES)


@pytest.mark.parametrize(
    ("workers", "database"),
    [(0, "sqlite"), (1, "sqlite"), (0, "postgresql")],
    ids=["read here", "read by helpers", "on postgresql"],
)
def test_a_first_sync_trains_a_dictionary_per_model_packs_with_it_and_stores_the_same_data(
    tenant, tmp_path, plain, workers, database, request, monkeypatch
) -> None:
    url = request.getfixturevalue("postgres_url") if database == "postgresql" else None
    # The ids a trained dictionary gets are reserved by the syncing process, checked against the store.
    reserved: list[int] = []
    unused_id = RawDictionaryStore.unused_id

    def reserving(self) -> int:
        reserved.append(unused_id(self))
        return reserved[-1]

    monkeypatch.setattr(RawDictionaryStore, "unused_id", reserving)
    hub = _hub(tenant, tmp_path / "hub.db", workers, url)
    try:
        account = hub.link("ukg_pro", tenant.credentials())
        report = hub.sync(account, models=MODELS)
        assert report.status == "succeeded", report.errors
        assert (report.helpers > 0) == (workers > 0)
        dictionaries = _dictionaries(hub, account.id)
        assert set(dictionaries) == set(MODELS)  # each has more records than the samples
        assert set(dictionaries.values()) <= set(reserved)
        stored, packed_with = _stored(hub, account.id)
        for model, dictionary_id in dictionaries.items():
            # The first records were packed before the dictionary was trained on them; the rest with it.
            assert packed_with[(model, 0)] == SAMPLES
            assert packed_with[(model, dictionary_id)] == report.models[model].read - SAMPLES
        assert stored == plain

        # Later syncs pack with the account's dictionary: none is trained again.
        tenant.tenant.advance(hires=3, changes=10, terminations=2)
        assert hub.sync(account, models=MODELS, force=True).status == "succeeded"
        assert hub.sync(account, models=MODELS, full=True).status == "succeeded"
        assert _dictionaries(hub, account.id) == dictionaries
        _, packed_after = _stored(hub, account.id)
        ids = {dictionary_id for _, dictionary_id in packed_after}
        assert ids <= {0, *dictionaries.values()}
        assert (
            packed_after[("Employee", dictionaries["Employee"])]
            > packed_with[("Employee", dictionaries["Employee"])]
        )
    finally:
        hub.close()


@pytest.fixture(autouse=True)
def _few_samples(monkeypatch) -> None:
    monkeypatch.setattr(codec, "DICTIONARY_SAMPLES", SAMPLES)


def test_an_account_deleted_takes_its_dictionaries_with_it(tenant, tmp_path) -> None:
    hub = _hub(tenant, tmp_path / "hub.db", workers=0)
    try:
        account = hub.link("ukg_pro", tenant.credentials())
        assert hub.sync(account, models=("Employee",)).status == "succeeded"
        assert set(_dictionaries(hub, account.id)) == {"Employee"}
        hub.delete_account(account.id)
        with hub.store.engine.connect() as db:
            assert db.execute(select(t.raw_dictionaries)).all() == []
    finally:
        hub.close()
