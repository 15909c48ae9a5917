"""A full sync reads each UKG endpoint that several maps use once, and stores what it would otherwise."""

from collections import Counter

import httpx
from sqlalchemy import select

from connectors.ukg_pro import client as ukg_client
from hub import HttpSettings, Hub
from hub.store import tables as t


class CountingTransport(httpx.AsyncBaseTransport):
    """The sandbox's transport, counting each request by path and query."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.seen: Counter[tuple[str, str, str]] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = request.content.decode() if request.method == "POST" else ""
        self.seen[(request.url.path, str(request.url.query, "ascii"), body)] += 1
        return await self.inner.handle_async_request(request)


def _hub(sandbox, tmp_path, name):
    transport = CountingTransport(sandbox.transport())
    hub = Hub(
        transport=transport,
        settings=HttpSettings(retry_initial_wait=0.001),
        database_url=f"sqlite:///{tmp_path / name}",
    )
    return hub, transport


def _stored(hub, account_id):
    with hub.store.engine.connect() as db:
        rows = db.execute(
            select(t.records.c.model, t.records.c.id, t.records.c.hash).where(
                t.records.c.account_id == account_id
            )
        ).all()
    return sorted(tuple(r) for r in rows)


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
    once = _stored(hub, account.id)
    hub.close()

    # The same tenant read with nothing kept: each map reads its endpoints itself.
    monkeypatch.setattr(ukg_client, "REREAD", frozenset())
    again, counted = _hub(sandbox, tmp_path, "twice.db")
    other = again.link("ukg_pro", sandbox.credentials())
    counted.seen.clear()
    assert again.sync(other).status == "succeeded"
    assert any(n > 1 for n in counted.seen.values())  # without keeping, endpoints are read again
    twice = _stored(again, other.id)
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
