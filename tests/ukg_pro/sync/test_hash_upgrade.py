"""A store whose hashes were worked out another way (before raw hashes covered the JSON) upgrades quietly.

Hashes cover a record's data and its raw JSON. Rows stored when they covered the compressed bytes
hold other hashes: the next full sync rewrites them once, announces nothing, and the records read
back as they were.
"""

from sqlalchemy import select, update

from hub import HttpSettings, Hub
from hub.store import tables as t

from .helpers import snapshot


def _hashes(hub: Hub, account_id: str) -> dict[str, str]:
    with hub.store.engine.connect() as db:
        rows = db.execute(
            select(t.records.c.id, t.records.c.hash).where(t.records.c.account_id == account_id)
        )
        return {row.id: row.hash for row in rows}


def test_rows_with_hashes_of_another_formula_are_rewritten_once_without_events(sandbox, tmp_path) -> None:
    hub = Hub(
        transport=sandbox.transport(),
        settings=HttpSettings(retry_initial_wait=0.001),
        database_url=f"sqlite:///{tmp_path / 'hub.db'}",
    )
    account = hub.link("ukg_pro", sandbox.credentials())
    assert hub.sync(account).status == "succeeded"
    synced, employees = _hashes(hub, account.id), snapshot(hub, account)
    with hub.store.begin() as db:
        db.execute(update(t.records).values(hash="0" * 64))  # as if worked out by an older formula

    report = hub.sync(account, full=True)
    assert report.status == "succeeded"
    assert report.events == 0
    assert all(m.updated == 0 and m.created == 0 for m in report.models.values())
    assert _hashes(hub, account.id) == synced  # each hash written afresh
    assert snapshot(hub, account) == employees  # the records read back as they were
    again = hub.sync(account, full=True)
    assert again.events == 0
    hub.close()
