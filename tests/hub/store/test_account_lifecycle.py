"""The store's side of an account's life: deletion erases the account's rows from the file, pause keeps a status."""

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, insert

from hub import Hub
from hub.accounts import Account, Credentials, PermissionReport
from hub.errors import NotFound, SyncInProgress
from hub.store import Store, utcnow
from hub.store import tables as t
from hub.store.codec import RawDictionary
from hub.store.raw_dictionaries import RawDictionaryStore


def _account(store: Store, name: str) -> str:
    account_id = f"acct_{name}"
    store.accounts.add(
        Account(
            id=account_id,
            connector="tiny_hris",
            credentials=Credentials({"api_key": f"key-of-{name}-0123456789"}),
            permissions=PermissionReport(granted=(), missing=(), actions={}),
        )
    )
    return account_id


def _records(store: Store, rows: list[tuple[str, str]]) -> None:
    now = utcnow()
    with store.begin() as db:
        db.execute(
            insert(t.records),
            [
                {
                    "account_id": account_id,
                    "model": "Employee",
                    "id": f"{account_id}-{n}",
                    "hash": "h",
                    "data": f'{{"work_email": "{marker}"}}',
                    "raw": marker.encode() * 4,
                    "deleted": False,
                    "created_at": now,
                    "modified_at": now,
                }
                for n, (account_id, marker) in enumerate(rows)
            ],
        )


@pytest.fixture
def hub(tmp_path):
    hub = Hub(database_url=f"sqlite:///{tmp_path / 'hub.db'}")
    yield hub
    hub.close()


def test_deleted_records_are_overwritten_in_the_file_even_on_pages_another_account_still_uses(hub, tmp_path):
    # As on a SQLite built without SQLITE_SECURE_DELETE (Debian's has it): deleted cells would stay in pages.
    off = lambda dbapi, _: dbapi.execute("PRAGMA secure_delete=OFF")  # noqa: E731
    event.listen(hub.store.engine, "connect", off, insert=True)  # before the store's own settings
    hub.store.engine.dispose()
    gone, kept = _account(hub.store, "gone"), _account(hub.store, "kept")
    # Interleaved: the pages holding the deleted account's rows stay in use for the other account's.
    _records(
        hub.store,
        [
            (gone if n % 2 else kept, f"{'erased' if n % 2 else 'stays'}-{n:04d}@example.test")
            for n in range(400)
        ],
    )
    # The dictionary its raw data was packed with holds pieces of that data: it goes too.
    with hub.store.begin() as db:
        for account_id, dictionary_id in ((gone, 40_001), (kept, 40_002)):
            marker = b"dictionary-of-" + account_id.encode()
            RawDictionaryStore.add(
                db, account_id, "Employee", RawDictionary(dictionary_id, marker * 8), utcnow()
            )
    hub.delete_account(gone)
    hub.close()
    content = b"".join(p.read_bytes() for p in tmp_path.glob("hub.db*"))
    assert b"stays-0000@example.test" in content and b"dictionary-of-acct_kept" in content
    assert b"erased-" not in content and b"dictionary-of-acct_gone" not in content
    assert b"key-of-gone" not in content  # never plain, and its sealed form is gone too
    assert Hub(database_url=f"sqlite:///{tmp_path / 'hub.db'}").store.accounts.row(kept).status == "linked"


def test_a_held_sync_lease_refuses_the_delete_and_nothing_is_deleted(hub):
    account_id = _account(hub.store, "busy")
    _records(hub.store, [(account_id, "busy@example.test")])
    assert hub.store.leases.acquire(account_id, "elsewhere:1:abcd", timedelta(minutes=5))
    with pytest.raises(SyncInProgress):
        hub.delete_account(account_id)
    assert hub.store.accounts.row(account_id).status == "linked"
    assert hub.store.sync_state.count_records(account_id, "Employee") == 1
    hub.store.leases.release(account_id, "elsewhere:1:abcd")
    hub.delete_account(account_id)
    with pytest.raises(NotFound):
        hub.delete_account(account_id)
    assert hub.accounts() == []


STATUSES = st.sampled_from(["linked", "needs_attention"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=STATUSES, during=st.lists(STATUSES, max_size=3), pauses=st.integers(1, 3))
def test_resume_gives_back_the_last_status_set_before_or_while_paused(hub, before, during, pauses):
    account_id = f"acct_{len(hub.accounts())}"
    _account(hub.store, account_id.removeprefix("acct_"))
    hub.store.accounts.set_status(account_id, before)
    for _ in range(pauses):
        assert hub.pause(account_id).status == "paused"
    for status in during:  # a sync that was running when the account was paused ends
        hub.store.accounts.set_status(account_id, status)
        assert hub.store.accounts.row(account_id).status == "paused"
    assert account_id not in hub.store.leases.due(utcnow() + timedelta(days=2))
    assert hub.resume(account_id).status == (during[-1] if during else before)
    assert hub.resume(account_id).status == (during[-1] if during else before)
    assert account_id in hub.store.leases.due(utcnow() + timedelta(days=2))
