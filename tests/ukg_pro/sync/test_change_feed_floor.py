"""UKG asks callers to read its change feed no closer than 3 hours apart: the hub keeps to it unless forced."""

from .helpers import snapshot


def test_the_feed_is_not_read_sooner_than_ukg_allows_unless_forced(hub, account, sandbox):
    hub.sync(account)  # a full read: the feed is not called
    assert hub.sync(account).models["Employee"].mode == "feed"
    sandbox.tenant.advance(hires=1)
    report = hub.sync(account)
    employee = report.models["Employee"]
    assert employee.mode == "skipped" and "3:00:00" in employee.reason and "force" in employee.reason
    assert report.status == "succeeded"
    assert len(snapshot(hub, account)) == len(snapshot(hub, account, mode="live")) - 1
    assert hub.sync(account, force=True).models["Employee"].created == 1
