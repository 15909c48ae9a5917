"""Filtered and expanded reads of stored employees in a SQLite file: done by the database.

The filters are SQL on the stored JSON, tested while SQLite walks the account's records by the
``(account_id, model, seq)`` index: nothing the filters reject is handed to Python, and a page's
references are read in one query per 500 ids. How fast that is at 50,000 employees is measured by
``bench/filtered_reads.py``, not here.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, insert

from hub.selection import FILTERS
from hub.store import Store
from hub.store import tables as t
from hub.store.reads import _page_statement, record_page, records_by_field, records_by_id
from unified_models import Employee

EMPLOYEES = 3_000
ACCOUNT = "acct_big"


def _employee(n: int) -> str:
    return Employee(
        id=f"emp-{n:06d}",
        remote_id=f"E{n:06d}",
        employee_number=str(n),
        company_id=f"co-{n % 3}",
        first_name="Ada",
        last_name=f"Lovelace {n}",
        display_full_name=f"Ada Lovelace {n}",
        work_email=f"ada.lovelace{n}@big.example",
        manager_id=None if n < 10 else f"emp-{n % 10:06d}",
        department_id=f"grp-{n % 40}",
        group_ids=(f"grp-{n % 40}", f"team-{n % 97}"),
        job_title="Engineer",
        employment_status="ACTIVE" if n % 50 else "LEAVE",
        custom_fields={f"field_{i}": f"value {i} of {n}" for i in range(8)},
        remote_modified_at=datetime(2026, 1, 1, tzinfo=UTC),
    ).model_dump_json(
        exclude={"remote_data", "field_sources", "created_at", "modified_at", "remote_was_deleted"}
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Iterator[Store]:
    home = tmp_path_factory.mktemp("big")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HRISHUB_HOME", str(home))
        mp.delenv("HRISHUB_SECRET_KEY", raising=False)
        store = Store(f"sqlite:///{home / 'hub.db'}")
    now = datetime.now(UTC)
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
        rows = [
            {
                "account_id": ACCOUNT,
                "model": "Employee",
                "id": f"emp-{n:06d}",
                "remote_id": f"E{n:06d}",
                "hash": "-",
                "data": _employee(n),
                "deleted": n % 1000 == 999,
                "created_at": now,
                "modified_at": now,
            }
            for n in range(EMPLOYEES)
        ]
        db.execute(insert(t.records), rows)
    yield store
    store.close()


def _filtered(store: Store, **filters: str) -> list:
    specs = FILTERS["employees"]
    chosen = [(specs[name], specs[name].normalise(value)) for name, value in filters.items()]
    return record_page(store, ACCOUNT, "Employee", limit=101, include_deleted=False, filters=chosen)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"work_email": "ADA.LOVELACE2998@big.example"}, ["emp-002998"]),  # the last but one: a full walk
        ({"remote_id": "E002998"}, ["emp-002998"]),
        ({"group_id": "team-3", "employment_status": "LEAVE"}, ["emp-000100"]),  # one in 4850: a full walk
        ({"manager_id": "emp-000003", "company_id": "co-1"}, None),
    ],
)
def test_a_filtered_page_holds_exactly_the_matching_employees(store, filters, expected):
    rows = _filtered(store, **filters)
    if expected is not None:
        assert [r.id for r in rows] == expected
    else:
        assert rows
        for row in rows:
            data = Employee.model_validate_json(row.data)
            assert data.manager_id == filters["manager_id"] and data.company_id == filters["company_id"]


def test_the_walk_follows_the_accounts_index_not_the_whole_table(store):
    specs = FILTERS["employees"]
    statement = _page_statement(
        "sqlite",
        with_raw=False,
        hidden=(),
        instants_as_text=False,
        since=False,
        include_deleted=False,
        specs=(specs["work_email"], specs["group_id"]),
    )
    compiled = statement.compile(store.engine)
    values = compiled.construct_params(
        {
            "account_id": ACCOUNT,
            "model": "Employee",
            "after": 0,
            "limit": 10,
            "filter_0": "x",
            "filter_1": "y",
        }
    )
    positional = tuple(values[name] for name in compiled.positiontup)
    with store.engine.connect() as db:
        plan = " ".join(
            str(row[-1]) for row in db.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", positional).all()
        )
    assert "ix_records_account_id_model_seq" in plan, plan
    assert "SCAN records" not in plan.replace("SCAN records USING", ""), plan


def test_deleted_employees_are_left_out_by_the_database(store):
    rows = _filtered(store, company_id="co-0")
    assert rows and not any(r.deleted for r in rows)
    with_deleted = record_page(store, ACCOUNT, "Employee", limit=1000, include_deleted=True)
    assert any(r.deleted for r in with_deleted)


def test_references_of_a_page_of_1000_are_read_in_two_queries(store):
    ids = [f"emp-{n:06d}" for n in range(0, 2000, 2)]
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        found = records_by_id(store, ACCOUNT, "Employee", ids)
        reports = records_by_field(store, ACCOUNT, "Employee", "manager_id", ["emp-000003"])
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert sorted(r.id for r in found) == ids
    assert reports and all(r.id.endswith("3") and not r.deleted for r in reports)
    assert len(statements) == 2 + 1
