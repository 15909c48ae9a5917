"""The store's schema comes from Alembic revisions that match the tables the code uses."""

import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import LargeBinary, create_engine, inspect, text

from hub.hub import Hub
from hub.store import Store
from hub.store.codec import unpack_raw
from hub.store.migrate import alembic_config, upgrade
from hub.store.tables import metadata


def test_the_revisions_build_exactly_the_tables_the_code_uses(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    upgrade(engine)
    with engine.connect() as db:
        differences = compare_metadata(MigrationContext.configure(db, opts={"compare_type": True}), metadata)
    assert differences == [], "tables changed without an Alembic revision: " + repr(differences)


def test_opening_again_migrates_nothing_and_keeps_the_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    store = Store(url)
    customer, key = store.customers.add("Acme Reviews")
    store.close()

    reopened = Store(url)
    assert reopened.customers.for_key(key) == customer
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with reopened.engine.connect() as db:
        assert MigrationContext.configure(db).get_current_revision() == head
    assert {"accounts", "records", "events", "sync_runs"} <= set(inspect(reopened.engine).get_table_names())


def test_the_default_store_lives_in_the_data_folder_and_a_url_replaces_it(hub_home, tmp_path, monkeypatch):
    assert Store().url == f"sqlite:///{hub_home / 'hub.db'}"
    assert (hub_home / "hub.db").exists()
    other = tmp_path / "elsewhere" / "hrishub.sqlite"
    monkeypatch.setenv("HRISHUB_DATABASE_URL", f"sqlite:///{other}")
    Store()
    assert other.exists()


def test_customer_keys_are_stored_hashed(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'hub.db'}")
    _, key = store.customers.add("Acme")
    store.close()
    assert key.encode() not in (tmp_path / "hub.db").read_bytes()
    assert Store(f"sqlite:///{tmp_path / 'hub.db'}").customers.for_key(key + "x") is None


def test_a_store_made_by_an_earlier_version_upgrades_with_its_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    upgrade(engine, "0001")  # the schema of the first release: raw data as JSON text
    raw = {"person-details": {"employeeId": "E1", "firstName": "Ada"}}
    with engine.begin() as db:
        db.execute(
            text(
                "INSERT INTO accounts (id, connector, credentials, permissions, options, status, "
                "sync_every_seconds, created_at, updated_at) VALUES ('acct_1', 'tiny_hris', '{}', '{}', '{}', "
                "'linked', 86400, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
        db.execute(
            text(
                "INSERT INTO records (account_id, model, id, remote_id, hash, data, raw, deleted, created_at, "
                "modified_at) VALUES ('acct_1', 'Employee', 'e1', 'E1', 'h', '{\"id\": \"e1\"}', :raw, 0, "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            ),
            {"raw": json.dumps(raw)},
        )
        db.execute(
            text(
                "INSERT INTO staged (run_id, model, id, hash, data) VALUES ('r', 'Employee', 'e1', 'h', '{}')"
            )
        )
    engine.dispose()

    store = Store(url)

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with store.engine.connect() as db:
        assert MigrationContext.configure(db).get_current_revision() == head
        [(packed,)] = db.execute(text("SELECT raw FROM records WHERE id = 'e1'")).all()
    assert "staged" not in inspect(store.engine).get_table_names()  # gone, with a dead run's rows
    assert unpack_raw(packed) == raw


def test_the_last_revision_downgrades_to_the_schema_before_it(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'hub.db'}")
    upgrade(engine)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0004")
    columns = {c["name"]: c for c in inspect(engine).get_columns("staged")}
    assert set(columns) == {"run_id", "model", "id", "remote_id", "hash", "data", "raw", "position"}
    assert isinstance(columns["raw"]["type"], LargeBinary)
    upgrade(engine)
    with engine.connect() as db:
        differences = compare_metadata(MigrationContext.configure(db, opts={"compare_type": True}), metadata)
    assert differences == []


def test_threads_asking_a_new_hub_for_its_store_at_once_share_one_migrated_store(tmp_path):
    """The API's first requests reach a fresh hub together, on worker threads: one store is opened."""
    hub = Hub(database_url=f"sqlite:///{tmp_path / 'hub.db'}")
    start = threading.Barrier(8)

    def open_store() -> object:
        start.wait()
        return hub.store

    with ThreadPoolExecutor(max_workers=8) as pool:
        stores = list(pool.map(lambda _: open_store(), range(8)))
    assert all(s is stores[0] for s in stores)
    assert hub.store.customers.all() == []
    hub.close()


def _records(engine) -> dict[str, tuple[str, str, str]]:
    with engine.connect() as db:
        rows = db.execute(text("SELECT id, model, data, hash FROM records ORDER BY seq")).all()
    return {row.id: (row.model, row.data, row.hash) for row in rows}


def _unseal(store) -> None:
    """Open every sealed record in place: a store of the 0005 era held its sensitive fields plain."""
    with store.begin() as db:
        rows = db.execute(text("SELECT seq, id, data, raw FROM records")).all()
        for row in rows:
            opened = store.seal.open_row(row)
            if opened is not row:
                db.execute(
                    text("UPDATE records SET data = :data, raw = :raw WHERE seq = :seq"),
                    {"data": opened.data, "raw": opened.raw, "seq": row.seq},
                )


def test_revision_0006_writes_amounts_as_numbers_and_instants_in_one_form_and_back(tmp_path):
    """A store synced before 0006 holds amounts as text; after it, exactly what a sync writes now."""
    from hub.sync.staging import NOT_STORED
    from tests.tiny_hris.sandbox import Sandbox
    from unified_models import INSTANT_PATTERN, MODELS

    url = f"sqlite:///{tmp_path / 'hub.db'}"
    sandbox = Sandbox(employees=12, seed=3)
    hub = Hub(transport=sandbox.transport(), database_url=url)
    account = hub.link("tiny_hris", sandbox.credentials())
    hub.sync(account)
    _unseal(hub.store)
    hub.close()
    engine = create_engine(url)
    current = _records(engine)
    amounts = {"Employment": ("pay_rate",), "TimeOffBalance": ("balance", "used", "accrued")}
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0005")
    older = _records(engine)
    seen = set()
    for model, data, _ in older.values():
        stored = json.loads(data)
        for name in amounts.get(model, ()):
            if stored.get(name) is not None:
                assert isinstance(stored[name], str), (model, name, stored[name])  # as pydantic wrote Decimal
                seen.add(model)
        if (moment := stored.get("remote_modified_at")) and moment.endswith(":00Z"):
            seen.add("short instant")
    assert seen >= {"Employment", "TimeOffBalance"}
    assert older != current
    upgrade(engine)
    assert _records(engine) == current  # data and hash alike, as the sync wrote them
    instant = re.compile(INSTANT_PATTERN)
    for model, data, _ in current.values():
        record = MODELS[model].model_validate_json(data)
        assert record.model_dump_json(exclude=NOT_STORED) == data
        stored = json.loads(data)
        for name in amounts.get(model, ()):
            assert stored.get(name) is None or isinstance(stored[name], (int, float))
        for name in ("remote_modified_at", "remote_created_at"):
            assert stored.get(name) is None or instant.fullmatch(stored[name])
    engine.dispose()

    again = Hub(transport=sandbox.transport(), database_url=url)
    report = again.sync(account.id, full=True)
    assert all(m.updated == 0 and m.created == 0 for m in report.models.values()), report.to_dict()
    assert report.events == 0
    again.close()


def test_revision_0006_upgrades_text_written_by_earlier_versions(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'hub.db'}")
    upgrade(engine, "0005")
    rows = {
        "m1": ("Employment", {"id": "m1", "remote_modified_at": None, "pay_rate": "337198.07", "x": "1.50"}),
        "b1": ("TimeOffBalance", {"id": "b1", "balance": "40.00", "used": "0", "pending": "1E+3"}),
        "e1": (
            "Employee",
            {
                "id": "e1",
                "remote_modified_at": "2013-06-10T19:18:19Z",
                "remote_created_at": "2007-10-10T08:08:16.454000Z",
                "custom_fields": {
                    "Scan": "2024-05-01T09:30:00Z",
                    "Rate": "12.50",
                    "Miles": 26.0,
                    "Tag": "NW-1",
                },
            },
        ),
    }
    with engine.begin() as db:
        db.execute(
            text(
                "INSERT INTO accounts (id, connector, credentials, permissions, options, status, "
                "sync_every_seconds, created_at, updated_at) VALUES ('acct_1', 'tiny_hris', '{}', '{}', '{}', "
                "'linked', 86400, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
        for record_id, (model, data) in rows.items():
            db.execute(
                text(
                    "INSERT INTO records (account_id, model, id, hash, data, deleted, created_at, modified_at) "
                    "VALUES ('acct_1', :model, :id, 'h', :data, 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
                ),
                {"model": model, "id": record_id, "data": json.dumps(data, separators=(",", ":"))},
            )
    upgrade(engine)
    migrated = {record_id: json.loads(data) for record_id, (_, data, _) in _records(engine).items()}
    assert migrated["m1"] == {"id": "m1", "remote_modified_at": None, "pay_rate": 337198.07, "x": "1.50"}
    assert migrated["b1"] == {"id": "b1", "balance": 40, "used": 0, "pending": 1000}
    assert migrated["e1"] == {
        "id": "e1",
        "remote_modified_at": "2013-06-10T19:18:19.000000Z",
        "remote_created_at": "2007-10-10T08:08:16.454000Z",
        "custom_fields": {
            "Scan": "2024-05-01T09:30:00.000000Z",
            "Rate": "12.50",
            "Miles": 26.0,
            "Tag": "NW-1",
        },
    }
    hashes = {record_id: digest for record_id, (_, _, digest) in _records(engine).items()}
    assert all(len(digest) == 64 for digest in hashes.values())
