"""Reading whole collections back, to compare the store with the provider; counting requests."""

import json
from collections import Counter
from typing import Any

import httpx
from sqlalchemy import select

from hub.store import tables as t

HUB_ONLY = {"created_at", "modified_at", "remote_was_deleted", "remote_data", "field_sources"}


def snapshot(hub: Any, account: Any, resource: str = "employees", mode: str = "auto") -> dict[str, dict]:
    """Every record of one resource by id, without the hub's own metadata."""
    accessor = getattr(hub, resource)(account)
    records: dict[str, dict] = {}
    cursor = None
    while True:
        page = accessor.list(page_size=1000, cursor=cursor, mode=mode)
        for record in page.results:
            assert record.id not in records, f"{record.id} listed twice"
            records[record.id] = record.model_dump(mode="json", exclude=HUB_ONLY)
        cursor = page.next_cursor
        if cursor is None:
            return records


def leaf(sandbox: Any) -> Any:
    """An active home-company employee with a manager and no reports (safe to purge or terminate), in one company."""
    return next(
        e
        for e in sandbox.tenant.employments
        if e.is_home
        and e.status == "A"
        and e.reports == 0
        and e.supervisor is not None
        and len(sandbox.tenant.find(e.employee_id)) == 1  # works in one company only
    )


class CountingTransport(httpx.AsyncBaseTransport):
    """The sandbox's transport, counting each request by path and query."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.seen: Counter[tuple[str, str, str]] = Counter()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = request.content.decode() if request.method == "POST" else ""
        self.seen[(request.url.path, str(request.url.query, "ascii"), body)] += 1
        return await self.inner.handle_async_request(request)


def stored(hub: Any, account_id: str) -> list[tuple[str, str, str]]:
    """Every stored record of an account as (model, id, hash), sorted."""
    with hub.store.engine.connect() as db:
        rows = db.execute(
            select(t.records.c.model, t.records.c.id, t.records.c.hash).where(
                t.records.c.account_id == account_id
            )
        ).all()
    return sorted(tuple(r) for r in rows)


def stored_data(hub: Any, account_id: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Every stored record of an account by (model, id): its data, sensitive fields opened."""
    with hub.store.engine.connect() as db:
        rows = db.execute(
            select(t.records.c.model, t.records.c.id, t.records.c.data).where(
                t.records.c.account_id == account_id
            )
        ).all()
    return {(model, id_): hub.store.seal.open_data(id_, json.loads(data)) for model, id_, data in rows}


def synced_counting(sandbox: Any, path: Any, models: tuple[str, ...]) -> tuple[Any, Any, CountingTransport]:
    """A hub on a SQLite file at ``path`` whose requests are counted; an account linked and synced in full."""
    from hub import HttpSettings, Hub

    counted = CountingTransport(sandbox.transport())
    hub = Hub(
        transport=counted, settings=HttpSettings(retry_initial_wait=0.001), database_url=f"sqlite:///{path}"
    )
    account = hub.link("ukg_pro", sandbox.credentials())
    assert hub.sync(account, models=models).status == "succeeded"
    return hub, account, counted


def fresh_full_sync(
    sandbox: Any, path: Any, models: tuple[str, ...]
) -> dict[tuple[str, str], dict[str, Any]]:
    """What a first, full sync of the sandbox stores now (:func:`stored_data`), on a new SQLite file."""
    from hub import Hub

    fresh = Hub(transport=sandbox.transport(), database_url=f"sqlite:///{path}")
    try:
        account = fresh.link("ukg_pro", sandbox.credentials())
        assert fresh.sync(account, models=models).status == "succeeded"
        return stored_data(fresh, account.id)
    finally:
        fresh.close()
