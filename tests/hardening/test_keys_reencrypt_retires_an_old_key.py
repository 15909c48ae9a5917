"""Item 6: ``hrishub keys`` counts the rows each key id seals; ``hrishub keys reencrypt`` seals every row
again under the newest key, so the old key can be removed and everything still opens."""

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from hub import HttpSettings, Hub
from hub.cli import app
from hub.secrets import KEY_ENV, SecretBox, _decode_key, generate_key
from hub.store.codec import unpack_raw
from tests.tiny_hris.sandbox import Sandbox

KINDS = ("account credentials", "webhook endpoint secrets", "records", "events")


def key_id(key: str) -> str:
    return SecretBox([_decode_key(key)]).current


@pytest.fixture
def cli():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def hub_of(sandbox: Sandbox) -> Hub:
    return Hub(transport=sandbox.transport(), settings=HttpSettings(retry_initial_wait=0.001))


def everything(hub: Hub, account_id: str, endpoint_id: str) -> dict:
    """All that is sealed, opened: credentials, the webhook secret, records (with raw), event payloads."""
    employees = hub.employees(account_id).list(include_raw=True, page_size=100).results
    with hub.store.engine.connect() as db:
        events = db.exec_driver_sql("SELECT id, payload FROM events ORDER BY seq").all()
    return {
        "credentials": hub.store.accounts.get(account_id).credentials.reveal(),
        "secret": hub.webhook_endpoints.signing_secrets(endpoint_id),
        "employees": sorted(
            (e.id, e.national_id, str(e.date_of_birth), json.dumps(e.remote_data, sort_keys=True))
            for e in employees
        ),
        "events": [hub.store.seal.open_event(i, json.loads(p)) for i, p in events],
    }


@pytest.fixture
def sealed_under_old(hub_home, monkeypatch):
    """A store whose every kind of sealed row was sealed under the key ``old``; (old, what it holds)."""
    old = generate_key()
    monkeypatch.setenv(KEY_ENV, old)
    sandbox = Sandbox(employees=6, seed=2)
    hub = hub_of(sandbox)
    customer, _ = hub.store.customers.add("acme")
    account = hub.link(
        "tiny_hris", sandbox.credentials(), options={"include_sensitive": True}, customer_id=customer.id
    )
    endpoint, _secret = hub.webhook_endpoints.add(customer.id, "https://hooks.example.com/hrishub")
    hub.sync(account.id)
    sandbox.roster.advance(hires=2)  # events for new hires carry sealed national ids
    hub.sync(account.id)
    held = everything(hub, account.id, endpoint.id)
    hub.close()
    assert any("national_id" in (e.get("record") or {}) for e in held["events"])
    return old, sandbox, account.id, endpoint.id, held


def test_reencrypt_then_remove_the_old_key_and_everything_still_opens(
    cli, sealed_under_old, monkeypatch, hub_home
):
    old, sandbox, account_id, endpoint_id, held = sealed_under_old
    new = generate_key()
    monkeypatch.setenv(KEY_ENV, f"{new},{old}")  # rotated: the new key first

    before = cli("keys", "--json")
    assert before.exit_code == 0, before.output
    usage = json.loads(before.stdout)
    assert usage["current"] == key_id(new) and usage["held"] == [key_id(new), key_id(old)]
    for kind in KINDS:
        assert usage["rows"][kind] == {key_id(old): usage["rows"][kind][key_id(old)]}, kind
        assert usage["rows"][kind][key_id(old)] > 0, kind
    assert old not in before.stdout and new not in before.stdout

    done = cli("keys", "reencrypt", "--json")
    assert done.exit_code == 0, done.output
    counts = json.loads(done.stdout)["reencrypted"]
    assert counts == {kind: usage["rows"][kind][key_id(old)] for kind in KINDS}

    again = cli("keys", "reencrypt", "--json")  # idempotent: nothing left under the old key
    assert json.loads(again.stdout)["reencrypted"] == dict.fromkeys(KINDS, 0)
    after = json.loads(cli("keys", "--json").stdout)
    assert after["retired"] == [key_id(old)]
    assert all(list(counted) == [key_id(new)] for counted in after["rows"].values() if counted)
    listed = cli("keys")
    assert "can be removed" in listed.stdout and key_id(old) in listed.stdout

    monkeypatch.setenv(KEY_ENV, new)  # the old key is gone
    hub = hub_of(sandbox)
    assert everything(hub, account_id, endpoint_id) == held
    hub.sync(account_id)  # and the hub goes on working under the new key alone
    hub.close()
    with sqlite3.connect(hub_home / "hub.db") as db:
        raws = [unpack_raw(r) for (r,) in db.execute("SELECT raw FROM records WHERE raw IS NOT NULL")]
    assert not any(key_id(old) in json.dumps(raw) for raw in raws)


def test_a_row_under_a_key_the_hub_does_not_hold_is_refused_by_kind_and_id(
    cli, sealed_under_old, monkeypatch
):
    old, _sandbox, account_id, endpoint_id, held = sealed_under_old
    monkeypatch.setenv(KEY_ENV, generate_key())  # the old key lost before re-encrypting
    result = cli("keys", "reencrypt")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    said = " ".join(result.stderr.split())
    assert f"account credentials {account_id}" in said and f"webhook endpoint secrets {endpoint_id}" in said
    assert "Nothing was re-encrypted" in said and KEY_ENV in said
    for secret in (held["credentials"]["api_key"], *held["secret"], old):
        assert secret not in result.output
    listed = cli("keys")
    assert "NOT HELD" in listed.stdout and key_id(old) in listed.stdout


def test_sensitive_values_stored_before_sealing_are_sealed_by_reencrypt(cli, sealed_under_old, hub_home):
    _old, sandbox, account_id, endpoint_id, held = sealed_under_old
    hub = hub_of(sandbox)
    with hub.store.engine.connect() as db:
        first = "SELECT seq, id FROM records WHERE model = 'Employee' ORDER BY seq LIMIT 1"
        [(seq, record_id)] = db.exec_driver_sql(first).all()
    plain = {e[0]: e[1] for e in held["employees"]}[record_id]
    with hub.store.begin() as db:  # as a store written before sealing existed holds it
        [(data,)] = db.exec_driver_sql("SELECT data FROM records WHERE seq = ?", (seq,)).all()
        opened = json.loads(data)
        opened["national_id"] = plain
        db.exec_driver_sql("UPDATE records SET data = ? WHERE seq = ?", (json.dumps(opened), seq))
    hub.close()
    assert plain.encode() in b"".join(p.read_bytes() for p in hub_home.glob("hub.db*"))

    done = cli("keys", "reencrypt", "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["reencrypted"]["records"] == 1
    hub = hub_of(sandbox)
    with hub.store.engine.connect() as db:
        [(data,)] = db.exec_driver_sql("SELECT data FROM records WHERE seq = ?", (seq,)).all()
    assert plain not in data and json.loads(data)["national_id"].startswith("hrishub:sealed:v1:")
    assert everything(hub, account_id, endpoint_id) == held
    hub.close()


def test_a_sealed_value_that_does_not_open_is_named_by_row(cli, sealed_under_old, monkeypatch):
    old, sandbox, _account_id, _endpoint_id, held = sealed_under_old
    hub = hub_of(sandbox)
    with hub.store.begin() as db:  # one record's sealed national id copied onto another record
        rows = db.exec_driver_sql("SELECT seq, id, data FROM records WHERE model = 'Employee' LIMIT 2").all()
        (_, _, giver), (seq, victim, data) = rows
        taken = json.loads(data)
        taken["national_id"] = json.loads(giver)["national_id"]
        db.exec_driver_sql("UPDATE records SET data = ? WHERE seq = ?", (json.dumps(taken), seq))
    hub.close()
    monkeypatch.setenv(KEY_ENV, f"{generate_key()},{old}")
    result = cli("keys", "reencrypt")
    assert result.exit_code == 2 and "Traceback" not in result.output
    said = " ".join(result.stderr.split())
    assert f"The records row {victim} cannot be re-encrypted" in said and "does not decrypt" in said
    assert not any(e[1] in said for e in held["employees"])  # no national id in the message
