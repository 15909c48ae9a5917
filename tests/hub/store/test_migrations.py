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
from hub.store import Store, utcnow
from hub.store.codec import RawPacker, dictionary_id_of, is_sealed_raw, unpack_json, unpack_raw
from hub.store.migrate import alembic_config, upgrade
from hub.store.raw_dictionaries import RawDictionaryStore
from hub.store.tables import metadata

_ACCOUNT = text(
    "INSERT INTO accounts (id, connector, credentials, permissions, options, status, sync_every_seconds, "
    "created_at, updated_at) VALUES ('acct_1', 'tiny_hris', '{}', '{}', '{}', 'linked', 86400, "
    "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
)
"""Account acct_1, as every revision since the first stores one (records need it)."""


def _store_records(engine, records: dict[str, tuple[str, str, str]]) -> None:
    """Account acct_1 and its ``records`` (id → model, stored JSON, hash), as an older version wrote them."""
    with engine.begin() as db:
        db.execute(_ACCOUNT)
        for record_id, (model, data, digest) in records.items():
            db.execute(
                text(
                    "INSERT INTO records (account_id, model, id, hash, data, deleted, created_at, modified_at) "
                    "VALUES ('acct_1', :model, :id, :hash, :data, 0, '2026-01-01 00:00:00', "
                    "'2026-01-01 00:00:00')"
                ),
                {"model": model, "id": record_id, "hash": digest, "data": data},
            )


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
        db.execute(_ACCOUNT)
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


def _in_model_order(engine) -> None:
    """Every record's members in its model's field order, as a sync wrote them before revision 0011."""
    from unified_models import MODELS

    with engine.begin() as db:
        for seq, model, data in db.execute(text("SELECT seq, model, data FROM records")).all():
            stored = json.loads(data)
            order = [name for name in MODELS[model].model_fields if name in stored]
            ordered = {name: stored[name] for name in order} | stored
            db.execute(
                text("UPDATE records SET data = :data WHERE seq = :seq"),
                {"data": json.dumps(ordered, separators=(",", ":"), ensure_ascii=False), "seq": seq},
            )


def test_revision_0006_writes_amounts_as_numbers_and_instants_in_one_form_and_back(tmp_path):
    """A store synced before 0006 holds amounts as text; after it, exactly what a sync writes now."""
    from hub.sync.staging import NOT_STORED
    from tests.tiny_hris.sandbox import Sandbox
    from unified_models import INSTANT_PATTERN, MODELS, SENSITIVE_FIELDS

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
    _in_model_order(engine)  # as stores of that era held them (0011 moves sensitive members last)
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
        # The model's own JSON, its sensitive members moved last (revision 0011).
        assert json.loads(record.model_dump_json(exclude=NOT_STORED)) == json.loads(data)
        sensitive = SENSITIVE_FIELDS.get(model, ())
        assert list(json.loads(data))[len(json.loads(data)) - len(sensitive) :] == list(sensitive)
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
    _store_records(engine, {i: (m, json.dumps(d, separators=(",", ":")), "h") for i, (m, d) in rows.items()})
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


def test_revision_0011_moves_sensitive_members_last_and_keeps_values_and_hashes(tmp_path):
    """Records written before 0011 hold sensitive members in model order; after it, last, as a sync writes them."""
    from hub.store.reads import encoded_page
    from unified_models import SENSITIVE_FIELDS, Employee

    url = f"sqlite:///{tmp_path / 'hub.db'}"
    engine = create_engine(url)
    upgrade(engine, "0010")
    employee = Employee(
        id="e1", remote_id="E1", first_name="Ada", national_id="123-45-6789", custom_fields={"ethnicity": "x"}
    )
    older = {
        "e1": ("Employee", employee.model_dump_json(exclude={"remote_data", "field_sources"})),
        "d1": ("Dependent", '{"id":"d1","national_id":null,"first_name":"Bo","date_of_birth":"2010-01-02"}'),
        "b1": ("BankInfo", '{"id":"b1","account_number":"*****6789","bank_name":"First"}'),
        "m1": ("Employment", '{"id":"m1","job_title":"Nurse"}'),
        "e2": ("Employee", "{}"),
    }
    _store_records(engine, {i: (model, data, f"hash-{i}") for i, (model, data) in older.items()})
    engine.dispose()
    store = Store(url)  # opening migrates
    migrated = _records(store.engine)
    for record_id, (model, data) in older.items():
        model_after, data_after, hash_after = migrated[record_id]
        assert (model_after, hash_after) == (model, f"hash-{record_id}")
        assert json.loads(data_after) == json.loads(data)
        members = list(json.loads(data_after))
        sensitive = [name for name in SENSITIVE_FIELDS.get(model, ()) if name in members]
        assert members[len(members) - len(sensitive) :] == sensitive, (record_id, members)
    assert migrated["m1"][1] == older["m1"][1] and migrated["e2"][1] == "{}"
    # And the API's page reads the hidden members off the end of e1, null.
    pieces, _ = encoded_page(store, "acct_1", "Employee", hidden=SENSITIVE_FIELDS["Employee"])
    page = json.loads(b"[" + b"".join(pieces) + b"]")
    assert page[0]["national_id"] is None and page[0]["custom_fields"] == {"ethnicity": "x"}
    store.close()


def test_revision_0011_names_the_sensitive_fields_the_models_mark():
    """A field marked sensitive later needs a revision moving it last in stored records too."""
    import importlib.util
    from pathlib import Path

    from unified_models import SENSITIVE_FIELDS

    path = (
        Path(alembic_config().get_main_option("script_location"))
        / "versions"
        / "0011_sensitive_members_last.py"
    )
    spec = importlib.util.spec_from_file_location("revision_0011", path)
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    assert revision.SENSITIVE == SENSITIVE_FIELDS


def test_downgrading_past_raw_dictionaries_packs_the_raw_data_again_without_them(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'hub.db'}")
    upgrade(engine)
    _store_records(engine, {f"e{n}": ("Employee", "{}", "h") for n in range(300)})
    texts = [
        json.dumps({"person-details": {"employeeId": f"E{n}", "city": ["Weston", "Miami"][n % 2]}})
        for n in range(300)
    ]
    packer = RawPacker(train=True, samples=100)
    packed = [packer.pack(t.encode(), sealed=n % 3 == 0) for n, t in enumerate(texts)]
    assert packer.trained is not None
    with engine.begin() as db:
        RawDictionaryStore.add(db, "acct_1", "Employee", packer.trained, utcnow())
        for n, raw in enumerate(packed):
            db.execute(text("UPDATE records SET raw = :raw WHERE id = :id"), {"raw": raw, "id": f"e{n}"})

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0012")
    assert "raw_dictionaries" not in inspect(engine).get_table_names()
    with engine.connect() as db:
        stored = dict(db.execute(text("SELECT id, raw FROM records")).all())
    for n, t in enumerate(texts):
        raw = stored[f"e{n}"]
        assert dictionary_id_of(raw) == 0 and is_sealed_raw(raw) == (n % 3 == 0)
        assert unpack_json(raw) == t.encode()
