"""Issue #15 item 2: account options are one strict model; ``"false"`` never turns sensitive data on."""

import pytest

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub
from hub.accounts import AccountOptions
from hub.errors import InvalidOptions

NOT_BOOLEANS = ["false", "true", "0", 0, 1, None, [], {}]


@pytest.mark.parametrize("value", NOT_BOOLEANS)
def test_building_options_in_python_refuses_a_non_boolean(value):
    with pytest.raises(InvalidOptions) as caught:
        AccountOptions(include_sensitive=value)
    assert [i.field for i in caught.value.issues] == ["include_sensitive"]
    assert "true or false" in str(caught.value)


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"include_sensitive": "false"}, "include_sensitive"),
        ({"sync_every_hours": "24"}, "sync_every_hours"),
        ({"sync_every_hours": True}, "sync_every_hours"),
        ({"time_zone": 5}, "time_zone"),
        ({"include_sensitve": True}, "include_sensitve"),
        ({"filters": {"status": "ACTIVE"}}, "filters.status"),
    ],
)
def test_every_wrong_type_or_unknown_key_is_named(options, field):
    with pytest.raises(InvalidOptions) as caught:
        AccountOptions.from_dict(options)
    assert field in [i.field for i in caught.value.issues]
    assert all(i.fix for i in caught.value.issues)


def test_the_python_api_refuses_them_and_keeps_what_is_stored(tmp_path):
    sb = Sandbox(employees=3, seed=1)
    hub = Hub(
        settings=HttpSettings(transport=sb.transport()), database_url=f"sqlite:///{tmp_path / 'hub.db'}"
    )
    account = hub.link("ukg_pro", sb.credentials("https://service4.ultipro.com"))
    with pytest.raises(InvalidOptions):
        hub.set_options(account, AccountOptions(include_sensitive="false"))
    with pytest.raises(InvalidOptions):
        hub.set_options(account, {"include_sensitive": "false"})
    assert hub.account(account.id).options.include_sensitive is False
    hub.close()


@pytest.mark.parametrize("value", ["false", "true", 1])
def test_the_api_answers_422_naming_the_option(world, assert_problem, value):
    client = world.customer()
    refused = client.post(
        "/v1/accounts",
        json={"connector": "ukg_pro", "credentials": world.creds, "options": {"include_sensitive": value}},
    )
    body = assert_problem(refused, 422, "invalid-options")
    assert [e["field"] for e in body["errors"]] == ["include_sensitive"]
    assert client.get("/v1/accounts").json()["results"] == []

    account = world.link(client)
    path = f"/v1/accounts/{account['id']}"
    for options in ({"include_sensitive": value}, {"unknown": True}):
        body = assert_problem(client.patch(path, json={"options": options}), 422, "invalid-options")
        assert body["errors"][0]["field"] in options and body["errors"][0]["fix"]
    assert client.get(path).json()["options"]["include_sensitive"] is False


def test_the_cli_refuses_a_schedule_out_of_range(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from hub.cli import app

    sb = Sandbox(employees=3, seed=1)
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    hub = Hub(
        settings=HttpSettings(transport=sb.transport()), database_url=f"sqlite:///{tmp_path / 'hub.db'}"
    )
    account = hub.link("ukg_pro", sb.credentials("https://service4.ultipro.com"))
    hub.close()
    monkeypatch.setenv("HRISHUB_DATABASE_URL", f"sqlite:///{tmp_path / 'hub.db'}")
    result = CliRunner().invoke(app, ["options", account.id, "--sync-every", "0"])
    assert result.exit_code == 2
    assert "sync_every_hours" in result.output + (result.stderr or "")
