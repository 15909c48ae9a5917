"""`hrishub accounts delete|pause|resume`, and `hrishub link` without a customer: no account out of reach."""

import json

import httpx

from hub import Hub
from hub.api import create_app
from hub.serving import serve_in_thread


def _listed(cli):
    result = cli("accounts", "--json")
    assert result.exit_code == 0, result.output
    return {row["id"]: row for row in json.loads(result.stdout)}


def test_delete_asks_first_then_removes_the_account_and_its_data(cli, linked):
    assert cli("sync", linked).exit_code == 0
    hub = Hub()
    assert hub.store.sync_state.count_records(linked, "Employee") >= 30

    kept = cli("accounts", "delete", linked, input="n\n")
    assert kept.exit_code == 1
    assert "This cannot be undone" in kept.output and "Nothing was deleted." in kept.output
    assert linked in _listed(cli)

    gone = cli("accounts", "delete", linked, input="y\n")
    assert gone.exit_code == 0, gone.output
    assert f"Deleted account {linked}" in gone.stdout
    assert _listed(cli) == {}
    assert hub.store.sync_state.count_records(linked, "Employee") == 0
    assert hub.syncs(linked) == []

    again = cli("accounts", "delete", linked, "--yes")
    assert again.exit_code == 2
    assert f"No account {linked!r}" in again.output and "hrishub accounts" in again.output
    assert cli("sync", linked).exit_code == 2


def test_delete_with_yes_asks_nothing(cli, linked):
    result = cli("accounts", "delete", linked, "--yes")
    assert result.exit_code == 0, result.output
    assert "Delete it?" not in result.output
    assert _listed(cli) == {}


def test_a_paused_account_is_listed_paused_and_not_synced_until_resumed(cli, linked):
    paused = cli("accounts", "pause", linked)
    assert paused.exit_code == 0, paused.output
    assert f"hrishub accounts resume {linked}" in paused.stdout
    assert _listed(cli)[linked]["status"] == "paused"
    assert "paused" in cli("accounts").stdout

    refused = cli("sync", linked)
    assert refused.exit_code == 2
    assert "is paused" in refused.output and f"hrishub accounts resume {linked}" in refused.output
    assert "Traceback" not in refused.output
    worker = cli("worker", "--once")  # due since it was linked, but paused
    assert worker.exit_code == 0 and "No account is due." in worker.stdout

    resumed = cli("accounts", "resume", linked)
    assert resumed.exit_code == 0 and "status linked" in resumed.stdout
    worker = cli("worker", "--once")
    assert [line for line in worker.stdout.splitlines() if linked in line and "succeeded" in line]


def test_an_unknown_account_says_how_to_list_them(cli):
    for args in (("pause",), ("resume",), ("delete", "--yes")):
        result = cli("accounts", args[0], "acct_nope", *args[1:])
        assert result.exit_code == 2, result.output
        assert "No account 'acct_nope'" in result.output and "hrishub accounts" in result.output


def test_link_without_a_customer_gives_the_account_to_the_local_owner_reachable_over_http(
    cli, tiny, tmp_path
):
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(tiny.credentials))
    shown = cli("link", "tiny_hris", "--json-file", path)
    assert shown.exit_code == 0, shown.output
    assert (
        "local owner cus_local" in shown.stdout and "hrishub customers rotate-key cus_local" in shown.stdout
    )
    linked = json.loads(cli("link", "tiny_hris", "--json-file", path, "--json").stdout)
    assert linked["customer_id"] == "cus_local"
    assert {row["customer_id"] for row in _listed(cli).values()} == {"cus_local"}

    [local] = json.loads(cli("customers", "--json").stdout)
    assert local["id"] == "cus_local" and local["accounts"] == 2
    assert "none yet" in cli("customers").stdout  # no one holds an API key of it yet

    key = json.loads(cli("customers", "rotate-key", "cus_local", "--json").stdout)["api_key"]
    hub = Hub()
    with serve_in_thread(create_app(hub)) as api:
        answer = httpx.get(f"{api}/v1/accounts", headers={"Authorization": f"Bearer {key}"})
    hub.close()
    assert answer.status_code == 200, answer.text
    assert linked["id"] in {a["id"] for a in answer.json()["results"]}
