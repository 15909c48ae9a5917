"""A first sync loads everything; later syncs read the provider's change feed and announce what changed."""

from hub.accessors import SENSITIVE_FIELDS
from hub.sync.diff import diff_records

from .helpers import snapshot

SENSITIVE = SENSITIVE_FIELDS["Employee"]
RESOURCES = (
    "employees",
    "employments",
    "groups",
    "locations",
    "companies",
    "time_off_policies",
    "time_off_balances",
)


def test_first_sync_stores_every_model_as_the_provider_has_it(hub, account, listener):
    report = hub.sync(account)

    assert report.status == "succeeded" and report.kind == "full"
    assert report.requests > 0 and report.duration_seconds is not None
    for resource in RESOURCES:
        stored = snapshot(hub, account, resource)
        assert stored and stored == snapshot(hub, account, resource, mode="live"), resource
    assert report.models["Employee"].created == len(snapshot(hub, account))
    assert report.models["TimeOffRequest"].mode == "skipped"
    assert "no time-off requests" in report.models["TimeOffRequest"].reason
    # A new account does not announce every existing employee as hired; it announces the run.
    assert listener.of("employee.created", "employee.updated") == []
    [synced] = listener.of("account.synced")
    assert synced.record["status"] == "succeeded"


def test_reads_come_from_the_store_once_synced(hub, account, sandbox):
    hub.sync(account)
    requests_before = sandbox.stats.total
    employee = next(iter(hub.employees(account).list(page_size=1).results))
    by_remote = hub.employees(account).get(employee.remote_id)
    assert by_remote.id == employee.id and by_remote.created_at is not None
    assert sandbox.stats.total == requests_before  # no provider call: the store answered


def test_incremental_sync_reads_only_the_changes_and_emits_the_right_events(hub, account, sandbox, listener):
    hub.sync(account)
    listener.clear()
    before = snapshot(hub, account)
    summary = sandbox.tenant.advance(hires=2, changes=8, terminations=2)

    report = hub.sync(account, force=True)

    employee = report.models["Employee"]
    assert employee.mode == "feed" and report.kind == "mixed"
    assert employee.read <= 12  # the changed employees, not the tenant
    after = snapshot(hub, account)
    assert after == snapshot(hub, account, mode="live")
    assert snapshot(hub, account, "employments") == snapshot(hub, account, "employments", mode="live")

    by_remote = {record["remote_id"].split(":")[-1]: record_id for record_id, record in after.items()}
    created = listener.of("employee.created")
    assert {e.record["remote_id"].split(":")[-1] for e in created} == set(summary.hired)
    terminated = listener.of("employee.terminated")
    assert {e.record["remote_id"].split(":")[-1] for e in terminated} == set(summary.terminated)
    assert all(e.changes["employment_status"] == ("ACTIVE", "INACTIVE") for e in terminated)
    # Exactly the employees whose unified data changed are announced, each once, with the right diff.
    changed = {i for i in before if before[i] != after[i]}
    announced = listener.of("employee.updated", "employee.terminated")
    assert sorted(e.record_id for e in announced) == sorted(changed)
    for event in announced:
        assert dict(event.changes) == diff_records(before[event.record_id], after[event.record_id])
        # Sensitive fields stay out of events unless the account allows them.
        assert event.record == {k: v for k, v in after[event.record_id].items() if k not in SENSITIVE}
    assert {by_remote[r] for r in summary.changed if summary.kinds[r] == "address"} <= changed
    assert employee.created == 2 and employee.updated == len(changed)


def test_a_sync_with_no_changes_announces_nothing(hub, account, listener):
    hub.sync(account)
    listener.clear()
    report = hub.sync(account, force=True)
    assert report.models["Employee"].mode == "feed"
    assert report.models["Employee"].read == 0
    assert listener.of("employee.created", "employee.updated", "employee.terminated") == []
    assert all(m.updated == 0 and m.created == 0 for m in report.models.values())


def test_without_the_feed_permission_later_syncs_read_everything_and_diff(make_hub, sandbox, listener):
    sandbox.revoke("Read changes")
    hub = make_hub()
    account = hub.link("tiny_hris", sandbox.credentials())
    assert not account.permissions.features["incremental_sync"].enabled
    hub.sync(account)
    summary = sandbox.tenant.advance(hires=1, terminations=1)

    report = hub.sync(account)

    assert report.models["Employee"].mode == "full"
    assert "Read changes" in report.models["Employee"].reason
    assert {e.record["remote_id"].split(":")[-1] for e in listener.of("employee.created")} == set(
        summary.hired
    )
    assert {e.record["remote_id"].split(":")[-1] for e in listener.of("employee.terminated")} == set(
        summary.terminated
    )
    assert snapshot(hub, account) == snapshot(hub, account, mode="live")


def test_full_flag_rereads_everything(hub, account):
    hub.sync(account)
    report = hub.sync(account, full=True)
    assert report.kind == "full"
    assert all(m.mode in ("full", "skipped") for m in report.models.values())
    assert report.models["Employee"].unchanged == report.models["Employee"].read > 0
