"""Item 8: a deleted store is noticed while serving and never silently re-created at restart."""

import pytest

from hub.errors import StoreMissing
from hub.store import Store


def test_writes_after_the_file_is_deleted_fail_and_a_restart_refuses(hub_home):
    store = Store()
    (hub_home / "hub.db").unlink()
    with pytest.raises(StoreMissing):
        store.customers.add("acme")
    with pytest.raises(StoreMissing):
        store.check()
    store.close()
    with pytest.raises(StoreMissing) as caught:
        Store()
    assert str(hub_home / "hub.db") in caught.value.message
    assert not (hub_home / "hub.db").exists()


def test_the_store_files_are_owner_only_even_in_an_open_folder(hub_home):
    hub_home.chmod(0o755)
    store = Store()
    store.customers.add("acme")
    for name in ("hub.db", "hub.db-wal", "hub.db-shm"):
        path = hub_home / name
        assert path.exists() and path.stat().st_mode & 0o077 == 0, name
    store.close()
