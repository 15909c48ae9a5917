"""Credentials are sealed at rest, never logged, and rotating them keeps every synced record."""

import json
import logging

import pytest
from sqlalchemy import select, update

from hub.errors import InvalidCredentials, ProviderAuthError, SecretKeyError
from hub.secrets import SecretBox, generate_key
from hub.store import tables as t

from .helpers import snapshot


def _files(tmp_path):
    return [p for p in tmp_path.iterdir() if p.name.startswith("hub.db")]


def test_no_secret_reaches_the_database_file_or_the_logs(make_hub, sandbox, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    hub = make_hub()
    creds = sandbox.credentials()
    account = hub.link("tiny_hris", creds)
    hub.sync(account)
    hub.store.close()  # flush the WAL into the file

    secrets = [creds["api_key"].encode()]
    files = _files(tmp_path)
    assert files
    for path in files:
        blob = path.read_bytes()
        for secret in secrets:
            assert secret not in blob, f"{secret!r} found in {path.name}"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert logged  # the sync did log
    for secret in secrets:
        assert secret.decode() not in logged


def test_a_sealed_value_copied_to_another_account_does_not_open(make_hub, sandbox):
    hub = make_hub()
    first = hub.link("tiny_hris", sandbox.credentials())
    second = hub.link("tiny_hris", sandbox.credentials())
    with hub.store.begin() as db:
        sealed = db.execute(select(t.accounts.c.credentials).where(t.accounts.c.id == first.id)).scalar_one()
        db.execute(update(t.accounts).where(t.accounts.c.id == second.id).values(credentials=sealed))
    with pytest.raises(SecretKeyError) as caught:
        hub.account(second.id)
    assert "PUT /v1/accounts" in caught.value.remedy
    assert hub.account(first.id).credentials == first.credentials


def test_keys_rotate_old_key_still_opens_and_the_key_file_is_owner_only(hub_home, monkeypatch):
    box = SecretBox.from_environment(hub_home)
    assert (hub_home / "secret.key").stat().st_mode & 0o077 == 0
    sealed = box.seal("acct_1", {"password": "hunter2"})
    old = (hub_home / "secret.key").read_text().strip()
    monkeypatch.setenv("HRISHUB_SECRET_KEY", f"{generate_key()},{old}")
    rotated = SecretBox.from_environment(hub_home)
    assert rotated.open("acct_1", sealed) == {"password": "hunter2"}
    assert rotated.needs_rotation(sealed)
    assert not rotated.needs_rotation(rotated.seal("acct_1", {"password": "hunter2"}))
    monkeypatch.setenv("HRISHUB_SECRET_KEY", generate_key())
    with pytest.raises(SecretKeyError, match="key this hub does not hold"):
        SecretBox.from_environment(hub_home).open("acct_1", sealed)
    monkeypatch.setenv("HRISHUB_SECRET_KEY", "not-a-key")
    with pytest.raises(SecretKeyError, match="32 bytes"):
        SecretBox.from_environment(hub_home)
    assert "hunter2" not in json.dumps(json.loads(sealed))


def test_rotating_an_api_key_keeps_synced_data_and_wrong_values_are_never_stored(hub, account, sandbox):
    hub.sync(account)
    before = snapshot(hub, account)
    sandbox.replace_key("N3w-Api-K3y-0001")

    # The old key now fails: the run stops cleanly and the account asks for attention.
    report = hub.sync(account, force=True)
    assert report.status == "failed"
    assert hub.accounts()[0].status == "needs_attention"
    assert snapshot(hub, account) == before

    with pytest.raises(ProviderAuthError):
        hub.update_credentials(account.id, sandbox.credentials() | {"api_key": "still-wrong"})
    with pytest.raises(InvalidCredentials):
        hub.update_credentials(account.id, {"api_key": ""})
    assert hub.account(account.id).credentials == account.credentials  # unchanged

    updated = hub.update_credentials(account.id, sandbox.credentials())
    assert updated.id == account.id and hub.accounts()[0].status == "linked"
    assert snapshot(hub, account) == before  # nothing lost
    assert hub.sync(account.id, force=True).status == "succeeded"


def test_a_link_that_fails_stores_nothing(hub, sandbox):
    with pytest.raises(ProviderAuthError):
        hub.link("tiny_hris", sandbox.credentials() | {"api_key": "wrong-key"})
    with pytest.raises(InvalidCredentials) as caught:
        hub.link("tiny_hris", {"api_key": "hunter2"})
    assert "hunter2" not in str(caught.value)
    assert hub.accounts() == []
