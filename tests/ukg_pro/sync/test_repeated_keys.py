"""A full sync maps the first record of each key once: repeats (UKG's pto-plans rows) are not mapped again."""

from collections import Counter

from sqlalchemy import select

from field_maps.compiler import CompiledMap
from hub import HttpSettings, Hub
from hub.store import tables as t
from hub.sync import packing


def _policies(hub: Hub, account_id: str) -> list[tuple[str, str, str]]:
    with hub.store.engine.connect() as db:
        rows = db.execute(
            select(t.records.c.id, t.records.c.hash, t.records.c.data).where(
                t.records.c.account_id == account_id, t.records.c.model == "TimeOffPolicy"
            )
        ).all()
    return sorted(tuple(r) for r in rows)


def _synced(sandbox, tmp_path, name, monkeypatch) -> tuple[list, Counter]:
    built: Counter[str] = Counter()
    build = CompiledMap.build

    def counting(self, joined, **options):
        built[self.model_name] += 1
        return build(self, joined, **options)

    monkeypatch.setattr(CompiledMap, "build", counting)
    hub = Hub(
        transport=sandbox.transport(),
        settings=HttpSettings(retry_initial_wait=0.001),
        database_url=f"sqlite:///{tmp_path / name}",
    )
    account = hub.link("ukg_pro", sandbox.credentials())
    report = hub.sync(account, models=("TimeOffPolicy",))
    assert report.status == "succeeded"
    stored = _policies(hub, account.id)
    hub.close()
    return stored, built


def test_a_policy_listed_once_per_enrolled_employee_is_mapped_once(sandbox, tmp_path, monkeypatch):
    stored, built = _synced(sandbox, tmp_path, "first.db", monkeypatch)
    assert 0 < len(stored) == built["TimeOffPolicy"]  # one build per policy, not per pto-plans row

    # Remembering no key at all maps every row: the store ends up the same, records and hashes.
    monkeypatch.setattr(packing, "MAPPED_KEYS_KEPT", 0)
    again, built_again = _synced(sandbox, tmp_path, "every.db", monkeypatch)
    assert built_again["TimeOffPolicy"] > 3 * len(stored)
    assert again == stored
