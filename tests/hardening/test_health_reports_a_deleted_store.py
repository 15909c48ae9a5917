"""Item 8: a hub whose SQLite file is deleted while it serves says so on /healthz and /readyz, refuses
syncs with ``store-missing``, and is not restarted onto a new empty store."""

import httpx
import pytest

from hub import Hub
from hub.errors import StoreMissing
from hub.store.guard import EXPECT_STORE_ENV, MARKER
from tests.hub.api.conftest import assert_problem, open_world


def test_a_served_hub_reports_its_deleted_store_and_is_not_restarted_empty(tmp_path):
    home = tmp_path / "home"
    with open_world(home) as world:
        client = world.customer("acme")
        account = world.link(client)
        anonymous = world.anonymous()
        assert anonymous.get("/healthz").json() == {"status": "ok", "store": "ok"}
        assert anonymous.get("/readyz").json() == {"status": "ready", "store": "ok"}

        (home / "hub.db").unlink()

        for route in ("/healthz", "/readyz"):
            body = assert_problem(anonymous.get(route), 503, "store-missing")
            assert "hub.db" in body["detail"] and "deleted" in body["detail"]
            assert "restore" in body["remedy"].lower()
            assert str(home) not in httpx.Response(200, json=body).text  # no server folder to anyone
        answer = client.post(f"/v1/accounts/{account['id']}/sync", params={"wait": "true"})
        assert_problem(answer, 503, "store-missing")
        assert not (home / "hub.db").exists()  # nothing was written into a new file

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HRISHUB_HOME", str(home))
        with pytest.raises(StoreMissing) as refused:
            Hub(database_url=f"sqlite:///{home / 'hub.db'}").store  # noqa: B018
    assert MARKER in refused.value.message
    assert not (home / "hub.db").exists()


def test_a_store_that_must_exist_is_not_created_even_without_the_marker(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    monkeypatch.setenv(EXPECT_STORE_ENV, "1")
    with pytest.raises(StoreMissing) as refused:
        Hub(database_url=f"sqlite:///{tmp_path / 'elsewhere.db'}").store  # noqa: B018
    assert EXPECT_STORE_ENV in refused.value.message and EXPECT_STORE_ENV in refused.value.remedy
    assert not (tmp_path / "elsewhere.db").exists()
