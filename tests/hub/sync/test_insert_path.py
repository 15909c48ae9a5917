"""New records inserted through the driver store the very values SQLAlchemy's own insert stores."""

from datetime import UTC, datetime

from sqlalchemy import create_engine, insert, select

from hub.store import tables as t
from hub.sync.apply import _insert_new


def _row(n: int, now: datetime) -> dict:
    return {
        "account_id": "acct_1",
        "model": "Employee",
        "id": f"id-{n}",
        "remote_id": None if n % 2 else f"E{n}",
        "hash": f"{n:064x}",
        "data": f'{{"id":"id-{n}","name":"Zoë"}}',
        "raw": None if n % 3 else b"\x28\xb5\x2f\xfd raw",
        "deleted": False,
        "created_at": now,
        "modified_at": now,
    }


def _stored(engine) -> list[tuple]:
    with engine.connect() as db:
        return [tuple(r) for r in db.exec_driver_sql("SELECT * FROM records ORDER BY seq").all()]


def test_the_driver_path_stores_what_the_general_path_stores(tmp_path) -> None:
    now = datetime(2026, 12, 5, 9, 30, 1, 120034, tzinfo=UTC)
    fast, general = (create_engine(f"sqlite:///{tmp_path / name}") for name in ("fast.db", "general.db"))
    for engine in (fast, general):
        t.metadata.create_all(engine)
    with fast.begin() as db:
        _insert_new(db, [_row(n, now) for n in range(7)])
    with general.begin() as db:
        db.execute(insert(t.records), [_row(n, now) for n in range(7)])
    assert _stored(fast) == _stored(general)  # the raw column values, as SQLite holds them
    with fast.connect() as db:
        read = db.execute(select(t.records.c.created_at, t.records.c.deleted)).all()
    assert read[0] == (now, False)


def test_rows_of_different_time_stamps_take_the_general_path_and_keep_their_own(tmp_path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'hub.db'}")
    t.metadata.create_all(engine)
    first, later = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 6, 1, tzinfo=UTC)
    rows = [_row(1, first), _row(2, later)]
    with engine.begin() as db:
        _insert_new(db, rows)
    with engine.connect() as db:
        stamps = [r.created_at for r in db.execute(select(t.records.c.created_at).order_by(t.records.c.seq))]
    assert stamps == [first, later]
