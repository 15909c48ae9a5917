"""The account audit store: what each outcome of an audited block writes, and what it never does."""

import asyncio
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.errors import AccountPaused, InputError, NotFound
from hub.store import Store
from hub.store.account_audit import Actor

API = Actor(kind="api", customer_id="cus_a", key_prefix="hh_abcdefg", address="127.0.0.1")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'hub.db'}")


def _only(store: Store, account_id: str) -> tuple[str, str | None]:
    (entry,), _ = store.account_audit.page(account_id)
    return entry.outcome, entry.problem


def test_a_block_that_ends_is_succeeded_a_hub_error_refused_anything_else_failed(store):
    with store.account_audit.recording("pause", API, account_id="acct_ok"):
        pass
    assert _only(store, "acct_ok") == ("succeeded", None)

    with pytest.raises(AccountPaused), store.account_audit.recording("sync", API, account_id="acct_paused"):
        raise AccountPaused("acct_paused")
    assert _only(store, "acct_paused") == ("refused", "account-paused")

    with pytest.raises(RuntimeError), store.account_audit.recording("delete", API, account_id="acct_boom"):
        raise RuntimeError("boom")
    assert _only(store, "acct_boom") == ("failed", None)


def test_an_account_that_is_not_the_callers_writes_nothing(store):
    with pytest.raises(NotFound), store.account_audit.recording("delete", API, account_id="acct_other"):
        raise NotFound("No account 'acct_other'.")
    assert store.account_audit.page("acct_other") == ([], None)


def test_the_async_form_writes_the_same_entry_timed_when_asked(store):
    async def act() -> None:
        async with store.account_audit.recording("resume", API, account_id="acct_async") as audit:
            asked = audit.at
            await asyncio.sleep(0.05)
            audit.details["status"] = "linked"
        (entry,), _ = store.account_audit.page("acct_async")
        assert entry.at == asked and entry.details == {"status": "linked"}

    asyncio.run(act())


def test_a_lost_entry_does_not_change_the_actions_answer(store, caplog):
    store.engine.dispose()
    with store.engine.begin() as db:
        db.exec_driver_sql("DROP TABLE account_audit")
    with store.account_audit.recording("pause", API, account_id="acct_x"):
        pass  # no exception escapes though the entry cannot be written
    assert "could not write the audit entry of pause" in caplog.text


details = st.dictionaries(
    st.text(min_size=1, max_size=12),
    st.one_of(
        st.booleans(), st.integers(-(2**40), 2**40), st.text(max_size=20), st.lists(st.text(max_size=8))
    ),
    max_size=6,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(details=details)
def test_details_read_back_as_written(store, details):
    entry_id = store.account_audit.add(
        action="options", actor=API, account_id="acct_d", details=details, outcome="succeeded"
    )
    entries, _ = store.account_audit.page("acct_d", page_size=1)
    assert entries[0].id == entry_id and entries[0].details == details


def test_paging_refuses_a_size_out_of_range_and_a_forged_cursor(store):
    with pytest.raises(InputError):
        store.account_audit.page("acct", page_size=0)
    with pytest.raises(InputError):
        store.account_audit.page("acct", cursor="not-a-cursor")
