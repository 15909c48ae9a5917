"""An API key's account, remembered on a SQLite connection only while the database is unchanged.

Whatever changes the database (this process, another connection, another process) is seen by the
very next lookup: a revoked key stops working at once, a deleted account is gone at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, update

from hub.accounts import Account, AccountOptions, Credentials, PermissionReport
from hub.store import Store
from hub.store import tables as t


@pytest.fixture
def stores(tmp_path, monkeypatch) -> Iterator[tuple[Store, Store]]:
    """Two stores on one SQLite file: two connection pools, as two processes would have."""
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    monkeypatch.delenv("HRISHUB_SECRET_KEY", raising=False)
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    serving, other = Store(url), Store(url)
    yield serving, other
    serving.close()
    other.close()


def _account_of(store: Store, customer_id: str) -> str:
    account = Account(
        id="acct_memo",
        connector="tiny_hris",
        credentials=Credentials({"api_key": "memo-key-7f3a9"}),
        permissions=PermissionReport(granted=(), missing=(), actions={}),
        options=AccountOptions(),
        customer_id=customer_id,
    )
    store.accounts.add(account)
    return account.id


def _lookups(store: Store) -> list[str]:
    """The account lookups the store sends to its database from now on."""
    seen: list[str] = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def _sent(conn, cursor, statement, parameters, context, executemany) -> None:
        if "FROM accounts JOIN customers" in statement:
            seen.append(statement)

    return seen


def test_the_answer_is_remembered_while_nothing_changes(stores):
    serving, _ = stores
    customer, key = serving.customers.add("app")
    account_id = _account_of(serving, customer.id)
    sent = _lookups(serving)
    first = serving.accounts.for_key(key, account_id)
    again = serving.accounts.for_key(key, account_id)
    assert first is not None and again is not None and again.id == account_id
    assert again is not first  # a fresh Account each time: no revealed credentials are ever kept
    assert again.credentials.reveal() == {"api_key": "memo-key-7f3a9"}
    assert len(sent) == 1


def test_a_key_revoked_by_another_process_stops_working_at_once(stores):
    serving, other = stores
    customer, key = serving.customers.add("app")
    account_id = _account_of(serving, customer.id)
    assert serving.accounts.for_key(key, account_id) is not None
    new_key = other.customers.rotate_key(customer.id)  # another connection pool: the CLI, another server
    assert serving.accounts.for_key(key, account_id) is None
    assert serving.accounts.for_key(new_key, account_id) is not None


def test_a_key_revoked_in_this_process_stops_working_at_once(stores):
    serving, _ = stores
    customer, key = serving.customers.add("app")
    account_id = _account_of(serving, customer.id)
    assert serving.accounts.for_key(key, account_id) is not None
    serving.customers.rotate_key(customer.id)
    assert serving.accounts.for_key(key, account_id) is None


@pytest.mark.parametrize("change", ["status", "customer", "options"])
def test_any_change_to_the_account_is_seen_by_the_next_lookup(stores, change):
    serving, other = stores
    customer, key = serving.customers.add("app")
    account_id = _account_of(serving, customer.id)
    assert serving.accounts.for_key(key, account_id).options.include_sensitive is False
    a = t.accounts.c
    values = {
        "status": {"status": "deleted"},
        "customer": {"customer_id": other.customers.add("someone else")[0].id},
        "options": {"options": '{"include_sensitive": true}'},
    }[change]
    with other.engine.begin() as db:
        db.execute(
            update(t.accounts).where(a.id == account_id).values(updated_at=datetime.now(UTC), **values)
        )
    found = serving.accounts.for_key(key, account_id)
    if change == "options":
        assert found is not None and found.options.include_sensitive is True
    else:
        assert found is None
