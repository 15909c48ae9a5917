"""The whole story over real HTTP: link, full sync, HR changes things, incremental sync, events, reads."""

from datetime import UTC, datetime

import pytest

from hub.sync.diff import diff_records

from .conftest import page_through

HUB_ONLY = {"created_at", "modified_at", "remote_was_deleted"}


def _employees(client, account_id, **params):
    pages = page_through(client, "/v1/hris/employees", account_id, page_size=25, **params)
    return {e["id"]: e for page in pages for e in page}


@pytest.mark.e2e
def test_link_sync_change_resync_and_read_what_changed(make_world, sync_events):
    listener = sync_events
    world = make_world(employees=40, seed=8)
    client = world.customer("reviews-app")

    account = world.link(client)
    first = world.sync(client, account["id"])
    assert first["status"] == "succeeded" and first["kind"] == "full"
    before = _employees(client, account["id"])
    assert len(before) == first["models"]["Employee"]["created"]

    summary = world.sb.tenant.advance(hires=2, changes=6, terminations=1)
    moment = datetime.now(UTC).isoformat()
    second = world.sync(client, account["id"], force=True)

    assert second["status"] == "succeeded"
    assert second["models"]["Employee"]["mode"] == "feed"
    after = _employees(client, account["id"])
    live = _employees(client, account["id"], mode="live")
    strip = lambda rows: {i: {k: v for k, v in r.items() if k not in HUB_ONLY} for i, r in rows.items()}  # noqa: E731
    assert strip(after) == strip(live)

    changed = {i for i in after if i not in before or strip(before)[i] != strip(after)[i]}
    assert len(changed) >= 3  # two hires and one termination at least
    # A customer polling with modified_after gets exactly what changed.
    assert set(_employees(client, account["id"], modified_after=moment)) == changed

    events = [e for e in listener.events if e.type.startswith("employee.")]
    assert sorted(e.record_id for e in events) == sorted(changed)
    kinds = {e.record["remote_id"].split(":")[-1]: e.type for e in events}  # companyId:employeeId
    assert {r for r, t in kinds.items() if t == "employee.created"} == set(summary.hired)
    assert {r for r, t in kinds.items() if t == "employee.terminated"} == set(summary.terminated)
    for event in events:
        if event.type != "employee.created":
            old, new = strip(before)[event.record_id], strip(after)[event.record_id]
            assert dict(event.changes) == diff_records(old, new)
    synced = [e for e in listener.events if e.type == "account.synced"]
    assert [e.record["run_id"] for e in synced] == [first["run_id"], second["run_id"]]
