"""With concurrent writers (PostgreSQL), an event committed late behind a newer one is not skipped.

The store here is SQLite, whose writes are serial; the dispatcher is told otherwise, and a row taken
out of ``events`` and put back with its position plays a transaction that committed late.
"""

import asyncio
from datetime import timedelta

from sqlalchemy import delete, insert, select

from hub.store import tables as t
from hub.webhooks import dispatch
from tests.hub.webhooks.conftest import WebhookWorld


def _take_out(world: WebhookWorld, event_id: str) -> dict:
    with world.hub.store.begin() as db:
        row = db.execute(select(t.events).where(t.events.c.id == event_id)).one()
        db.execute(delete(t.events).where(t.events.c.id == event_id))
    return dict(row._mapping)


def test_an_event_committed_late_is_delivered_in_its_place(world: WebhookWorld):
    account = world.link()
    world.add()
    first, late, third = world.events(account, 3)
    row = _take_out(world, late)  # still uncommitted, as far as readers can tell
    dispatcher = world.dispatcher()
    dispatcher.serial_commits = False
    asyncio.run(dispatcher.deliver_due())
    assert first in world.receiver.ids() and third not in world.receiver.ids()
    with world.hub.store.begin() as db:  # the slow transaction commits
        db.execute(insert(t.events).values(**row))
    asyncio.run(dispatcher.deliver_due())
    ids = [i for i in world.receiver.ids() if i in (first, late, third)]
    assert ids == [first, late, third]


def test_a_gap_that_never_fills_is_passed_after_waiting(world: WebhookWorld, monkeypatch):
    account = world.link()
    world.add()
    first, gone, third = world.events(account, 3)
    _take_out(world, gone)  # rolled back: its position stays empty
    dispatcher = world.dispatcher()
    dispatcher.serial_commits = False
    asyncio.run(dispatcher.deliver_due())
    assert third not in world.receiver.ids()
    monkeypatch.setattr(dispatch, "GAP_WAIT", timedelta(0))
    asyncio.run(dispatcher.deliver_due())
    assert [i for i in world.receiver.ids() if i in (first, third)] == [first, third]
