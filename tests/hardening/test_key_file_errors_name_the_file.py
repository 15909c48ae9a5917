"""Item 6: every key-file error names the file; a lost key file is not silently replaced."""

import pytest

from hub.errors import SecretKeyError
from hub.secrets import SecretBox
from hub.store import Store


def test_a_corrupt_key_file_is_named_as_not_a_key(hub_home):
    (hub_home / "secret.key").write_text("not-a-key\n")
    with pytest.raises(SecretKeyError) as caught:
        SecretBox.from_environment(hub_home)
    assert f"The key file {hub_home / 'secret.key'} is not a key" in caught.value.message


def test_a_directory_in_place_of_the_key_file_is_a_clear_error(hub_home):
    (hub_home / "secret.key").mkdir()
    with pytest.raises(SecretKeyError) as caught:
        SecretBox.from_environment(hub_home)
    assert "is a directory" in caught.value.message and str(hub_home / "secret.key") in caught.value.message


def test_a_lost_key_file_is_not_replaced_while_sealed_credentials_exist(hub_home):
    store = Store()
    store.engine.dispose()
    with store.begin() as db:
        db.exec_driver_sql(
            "INSERT INTO accounts (id, connector, credentials, permissions, options, status, "
            "sync_every_seconds, created_at, updated_at) VALUES ('acct_1', 'ukg_pro', "
            "'{\"kid\": \"x\", \"fields\": {}}', '{}', '{}', 'linked', 86400, '2026-01-01', '2026-01-01')"
        )
    store.close()
    (hub_home / "secret.key").unlink()
    with pytest.raises(SecretKeyError) as caught:
        Store()
    assert "is missing" in caught.value.message and "HRISHUB_SECRET_KEY" in caught.value.remedy
    assert not (hub_home / "secret.key").exists()
