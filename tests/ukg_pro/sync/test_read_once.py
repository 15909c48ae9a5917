"""A full sync reads each UKG endpoint that several maps use once, and stores what it would otherwise."""

from connectors.ukg_pro import client as ukg_client
from hub import HttpSettings, Hub

from .helpers import CountingTransport, stored


def _hub(sandbox, tmp_path, name):
    transport = CountingTransport(sandbox.transport())
    hub = Hub(
        transport=transport,
        settings=HttpSettings(retry_initial_wait=0.001),
        database_url=f"sqlite:///{tmp_path / name}",
    )
    return hub, transport


def test_each_endpoint_is_read_once_per_sync_and_the_records_are_those_of_separate_reads(
    sandbox, tmp_path, monkeypatch
):
    hub, counted = _hub(sandbox, tmp_path, "once.db")
    account = hub.link("ukg_pro", sandbox.credentials())
    counted.seen.clear()
    assert hub.sync(account).status == "succeeded"
    repeated = {key: n for key, n in counted.seen.items() if n > 1}
    assert repeated == {}, f"requests sent more than once in one sync: {repeated}"
    paths = {path for path, _, _ in counted.seen}
    assert "/personnel/v1/employment-details" in paths and "/personnel/v1/pto-plans" in paths
    once = stored(hub, account.id)
    hub.close()

    # The same tenant read with nothing kept: each map reads its endpoints itself.
    monkeypatch.setattr(ukg_client, "REREAD", frozenset())
    again, counted = _hub(sandbox, tmp_path, "twice.db")
    other = again.link("ukg_pro", sandbox.credentials())
    counted.seen.clear()
    assert again.sync(other).status == "succeeded"
    assert any(n > 1 for n in counted.seen.values())  # without keeping, endpoints are read again
    twice = stored(again, other.id)
    again.close()
    assert len(once) > 100
    assert once == twice  # the same records, ids and hashes


async def test_a_read_that_failed_half_way_is_read_again_and_a_finished_one_replays():
    from connectors.ukg_pro.reuse import ReadOnce

    calls = []

    def fetcher(fail: bool):
        async def fetch():
            calls.append(fail)
            yield [{"n": 1}]
            if fail:
                raise RuntimeError("dropped")
            yield [{"n": 2}]

        return fetch

    kept = ReadOnce()
    got = []
    try:
        async for page in kept.read("x", fetcher(True)):
            got.append(page)
    except RuntimeError:
        pass
    assert got == [[{"n": 1}]]
    first = [page async for page in kept.read("x", fetcher(False))]
    second = [page async for page in kept.read("x", fetcher(False))]
    assert first == second == [[{"n": 1}], [{"n": 2}]]
    assert calls == [True, False] and kept.replayed == 1
    kept.close()
