"""One blocking API and one async API: blocking methods refuse a running event loop, naming the twin."""

import warnings

import pytest

from hub.blocking import CalledInEventLoop
from hub.sync import SyncReport


async def test_blocking_methods_refuse_a_running_loop_and_name_the_method_to_await(hub, sandbox):
    with pytest.raises(CalledInEventLoop, match=r"await hub\.alink\(") as refused:
        hub.link("tiny_hris", sandbox.credentials())
    assert refused.value.method == "Hub.link"
    assert hub.accounts() == []  # nothing was linked
    account = await hub.alink("tiny_hris", sandbox.credentials())
    calls = {
        "hub.async_sync": lambda: hub.sync(account),
        "hub.arecheck": lambda: hub.recheck(account),
        "hub.aupdate_credentials": lambda: hub.update_credentials(account, sandbox.credentials()),
        "hub.apause": lambda: hub.pause(account),
        "hub.aresume": lambda: hub.resume(account),
        "hub.adelete_account": lambda: hub.delete_account(account),
        "accessor.alist": lambda: hub.employees(account).list(),
        "accessor.alist_json": lambda: hub.employees(account).list_json(),
        "accessor.aget": lambda: hub.employees(account).get("nobody"),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a refused call leaves no coroutine un-awaited behind
        for twin, call in calls.items():
            with pytest.raises(CalledInEventLoop, match=rf"await {twin}\("):
                call()
    assert hub.syncs(account) == []  # the refused sync never started
    assert [row.status for row in hub.accounts()] == ["linked"]  # nor the refused pause or delete


async def test_the_async_twins_return_typed_results(hub, sandbox):
    account = await hub.alink("tiny_hris", sandbox.credentials())
    report = await hub.async_sync(account, models=["Employee"])
    assert isinstance(report, SyncReport) and report.status == "succeeded"
    page = await hub.employees(account).alist(page_size=5)
    assert len(page.results) == 5 and page.next_cursor
    first = page.results[0]
    assert (await hub.employees(account).aget(first.remote_id)).id == first.id
    report = await hub.arecheck(account)
    assert report.actions["employees.list"].enabled
    assert (await hub.apause(account)).status == "paused"
    assert (await hub.aresume(account)).status == "linked"
    await hub.adelete_account(account)
    assert hub.accounts() == []


def test_blocking_methods_return_the_same_from_plain_code(hub, sandbox):
    account = hub.link("tiny_hris", sandbox.credentials())
    assert hub.sync(account, models=["Employee"]).status == "succeeded"
    page = hub.employees(account).list(page_size=5)
    assert [r.id for r in page.results] == [
        r["id"] for r in hub.employees(account).list_json(page_size=5).results
    ]
    assert hub.employees(account).get(page.results[0].id) == page.results[0]
