"""The unified API's page bytes from SQLite (``encoded_page``): the very bytes the general path encodes.

``encoded_page`` lets SQLite hide the sensitive members and hands each record over as its stored bytes;
``record_page`` + ``encode_rows`` is the path every other store takes. Both must answer byte for byte
the same, sealed values opened (an account that sees sensitive fields) or hidden (one that does not).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from hub.selection import FILTERS
from hub.store import Store
from hub.store import tables as t
from hub.store.reads import encode_rows, encoded_page, record_page
from unified_models import SENSITIVE_FIELDS, Employee

ACCOUNT = "acct_pages"
HIDDEN = SENSITIVE_FIELDS["Employee"]
COUNT = 40


def _data(n: int) -> str:
    employee = Employee(
        id=f"emp-{n:03d}",
        remote_id=f"E{n:03d}",
        first_name=["Zoë", 'Ann "Q"', "Łukasz\\", "李", "Ada"][n % 5],
        last_name=f"Nø {n}\u2028",
        work_email=f"e{n}@example.com",
        employment_status="ACTIVE",
        national_id=f"123-45-{n:04d}" if n % 4 else None,
        date_of_birth=datetime(1980, 1, 1 + n % 28).date() if n % 3 else None,
        custom_fields={"national_id": "not the field", "n": n, "pay": 12.5, "big": 2**60},
    )
    return employee.model_dump_json(
        exclude={"remote_data", "field_sources", "created_at", "modified_at", "remote_was_deleted"}
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Iterator[Store]:
    home = tmp_path_factory.mktemp("pages")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HRISHUB_HOME", str(home))
        mp.delenv("HRISHUB_SECRET_KEY", raising=False)
        store = Store(f"sqlite:///{home / 'hub.db'}")
    now = datetime(2026, 1, 31, 14, 5, 9, 123456, tzinfo=UTC)
    with store.engine.begin() as db:
        db.execute(
            insert(t.accounts).values(
                id=ACCOUNT,
                connector="tiny_hris",
                credentials="-",
                permissions="{}",
                options="{}",
                status="linked",
                sync_every_seconds=3600,
                created_at=now,
                updated_at=now,
            )
        )
        rows = []
        for n in range(COUNT):
            record_id = f"emp-{n:03d}"
            # As a sync writes them: the sensitive members sealed (bar a few stored before sealing).
            data = _data(n) if n == 7 else store.seal.seal_data(record_id, _data(n), HIDDEN)
            rows.append(
                {
                    "account_id": ACCOUNT,
                    "model": "Employee",
                    "id": record_id,
                    "remote_id": f"E{n:03d}",
                    "hash": "-",
                    "data": "{}" if n == 11 else data,
                    "deleted": n % 9 == 8,
                    "created_at": now,
                    "modified_at": now.replace(microsecond=0) if n % 2 else now,
                }
            )
        db.execute(insert(t.records), rows)
        # An instant stored without its fraction, as SQL's CURRENT_TIMESTAMP writes one.
        db.exec_driver_sql("UPDATE records SET created_at = '2026-01-31 14:05:09' WHERE id = 'emp-005'")
    yield store
    store.close()


def _page(store: Store, **options) -> tuple[bytes, int | None]:
    """encoded_page's pieces joined, as the API's body holds them."""
    pieces, following = encoded_page(store, ACCOUNT, "Employee", **options)
    return b"".join(pieces), following


def _general(store: Store, hidden: tuple[str, ...], **options) -> tuple[bytes, int | None]:
    """The general path: rows (hidden members emptied by SQL), then encode_rows."""
    limit = options.pop("limit")
    rows = record_page(store, ACCOUNT, "Employee", limit=limit + 1, with_raw=False, hidden=hidden, **options)
    following = rows[limit - 1].seq if len(rows) > limit else None
    return b",".join(encode_rows(rows[:limit])), following


@pytest.mark.parametrize("hidden", [HIDDEN, ()], ids=["sensitive hidden", "sensitive shown"])
@pytest.mark.parametrize("include_deleted", [True, False])
@pytest.mark.parametrize(("after", "limit"), [(0, 7), (0, COUNT), (5, 100), (30, 3), (COUNT, 5)])
def test_every_page_is_byte_for_byte_what_the_general_path_encodes(
    store, hidden, include_deleted, after, limit
):
    options = {"after": after, "limit": limit, "include_deleted": include_deleted}
    assert _page(store, hidden=hidden, **options) == _general(store, hidden, **options)


def test_filters_and_modified_after_select_the_same_records(store):
    spec = FILTERS["employees"]["work_email"]
    filters = [(spec, spec.normalise("E3@EXAMPLE.COM"))]
    options = {"limit": 10, "include_deleted": True, "filters": filters}
    page, following = _page(store, hidden=HIDDEN, **options)
    assert (page, following) == _general(store, HIDDEN, **options)
    assert [r["id"] for r in json.loads(b"[" + page + b"]")] == ["emp-003"] and following is None
    later = datetime(2026, 2, 1, tzinfo=UTC)
    assert _page(store, modified_after=later, limit=5) == (b"", None)


def test_hidden_members_are_null_sealed_ones_are_opened_and_the_store_members_come_last(store):
    hidden, _ = _page(store, hidden=HIDDEN, limit=COUNT)
    shown, _ = _page(store, limit=COUNT)
    assert b"hrishub:sealed" not in hidden and b"hrishub:sealed" not in shown
    assert b"123-45-" not in hidden  # not even the value stored before sealing existed (emp-007)
    records = {r["id"]: r for r in orjson.loads(b"[" + shown + b"]") if "id" in r}
    for record in orjson.loads(b"[" + hidden + b"]"):
        assert {name: record[name] for name in HIDDEN} == dict.fromkeys(HIDDEN)
        assert list(record)[-3:] == ["created_at", "modified_at", "remote_was_deleted"]
        if "id" in record:
            assert record["custom_fields"]["national_id"] == "not the field"
            n = int(record["id"][4:])
            assert records[record["id"]]["national_id"] == (f"123-45-{n:04d}" if n % 4 else None)
            assert record["created_at"] == (
                "2026-01-31T14:05:09.000000Z" if n == 5 else "2026-01-31T14:05:09.123456Z"
            )
            assert record["remote_was_deleted"] is (n % 9 == 8)


def test_a_page_of_records_a_sync_wrote_cuts_the_hidden_members_off_without_parsing_a_record(
    store, monkeypatch
):
    """A sync writes the sensitive members last (seal_data): hiding them reads only those members."""
    parsed: list[int] = []
    loads = orjson.loads

    def spy(data):
        parsed.append(len(data))
        return loads(data)

    monkeypatch.setattr(orjson, "loads", spy)
    page, _ = _page(store, hidden=HIDDEN, after=12, limit=20)  # sealed records, none stored otherwise
    assert len(orjson.loads(b"[" + page + b"]")) == 20
    whole = min(len(_data(n)) for n in range(12, 32))
    assert parsed and max(parsed[:-1]) < whole / 2  # the last parse is this test's own


_KEYS = st.sampled_from([*HIDDEN, "id", "name", "custom_fields", 'a"b', ',"ethnicity":'])
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=st.dictionaries(_KEYS, _JSON, max_size=6), sealed_last=st.booleans())
def test_hidden_members_are_null_whatever_the_record_holds_and_wherever_they_are(store, record, sealed_last):
    """Any record (hidden names nested, in keys, in strings; stored in any order) reads as the SQL hides it."""
    data = orjson.dumps(record).decode()
    if sealed_last:
        data = store.seal.seal_data("emp-x", data, HIDDEN)
    with store.engine.begin() as db:
        db.execute(
            insert(t.records).values(
                seq=10_000,
                account_id=ACCOUNT,
                model="Employee",
                id="emp-x",
                hash="-",
                data=data,
                deleted=False,
                created_at=datetime(2026, 1, 31, tzinfo=UTC),
                modified_at=datetime(2026, 1, 31, tzinfo=UTC),
            )
        )
    try:
        page, _ = _page(store, hidden=HIDDEN, after=COUNT, limit=1)
        general, _ = _general(store, HIDDEN, after=COUNT, limit=1)
    finally:
        with store.engine.begin() as db:
            db.exec_driver_sql("DELETE FROM records WHERE seq = 10000")
    assert orjson.loads(page) == orjson.loads(general)
    assert {name: orjson.loads(page)[name] for name in HIDDEN} == dict.fromkeys(HIDDEN)
