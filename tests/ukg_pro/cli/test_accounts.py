"""``hrishub customers``, ``link``, ``relink``, ``accounts``, ``check`` and ``options`` on a real store."""

import json
import re

import pytest
from typer.testing import CliRunner

from hub import Hub
from hub.cli import app
from hub.store import Store


def form_input(credentials, **changes):
    """What an admin types at the five prompts, in the form's order (empty subdomain for the sandbox)."""
    values = credentials | changes
    order = ["username", "password", "customer_api_key", "domain", "subdomain"]
    return "".join(f"{values[name]}\n" for name in order)


def test_link_by_prompts_hides_the_password_and_prints_the_permissions(cli, ukg):
    result = cli("link", "ukg_pro", input=form_input(ukg.credentials))
    assert result.exit_code == 0, result.output
    password = ukg.credentials["password"]
    assert password not in result.output
    # the form: each field's title and where to find it in UKG, asked in order
    assert "Service account username" in result.stderr and "Service Account Administration" in result.stderr
    assert "Service account password:" in result.stderr
    [account_id] = re.findall(r"Linked UKG Pro account (acct_[\w-]+)", result.stdout)
    assert "employees.list" in result.stdout and "incremental_sync" in result.stdout
    assert "time_off_requests.list" in result.stdout and "n/a" in result.stdout
    [row] = Hub().accounts()
    assert row.id == account_id and row.permissions.enabled("employees.list")


def test_link_from_a_json_file_with_a_customer_and_a_filter(cli, ukg, tmp_path):
    added = cli("customers", "add", "Review tool", "--json")
    customer = json.loads(added.stdout)["id"]
    path = tmp_path / "creds.json"
    path.write_text(json.dumps(ukg.credentials))
    result = cli("link", "ukg_pro", "--json-file", path, "--customer", customer, "--filter", "status=ACTIVE")
    assert result.exit_code == 0, result.output
    assert f"for customer {customer}" in result.stdout
    assert "Service account" not in result.output  # nothing was asked
    [row] = Hub().accounts(customer_id=customer)
    assert row.options.filters == {"status": ["ACTIVE"]}


def test_set_flags_and_a_prompt_for_the_missing_secret(cli, ukg):
    creds = ukg.credentials
    args = [f"--set={name}={creds[name]}" for name in ("username", "customer_api_key", "domain", "subdomain")]
    result = cli("link", "ukg_pro", *args, input=creds["password"] + "\n")
    assert result.exit_code == 0, result.output
    assert "Service account password:" in result.stderr
    assert "Service account username" not in result.stderr  # given, so not asked
    assert creds["password"] not in result.output


def test_invalid_values_show_every_field_issue_exit_2_and_store_nothing(cli, ukg, tmp_path):
    path = tmp_path / "bad.json"
    bad = {
        "username": "two words",
        "password": "",
        "customer_api_key": "TOO-LONG",
        "subdomain": "evil.example.com",
        "extra": "x",
    }
    path.write_text(json.dumps(bad))
    result = cli("link", "ukg_pro", "--json-file", path)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)  # a clean exit: no other exception escaped
    assert "Traceback" not in result.output
    for field in ("username", "password", "customer_api_key", "subdomain", "extra"):
        assert re.search(rf"^\s*{field}\s", result.stderr, re.MULTILINE), (field, result.stderr)
    assert "is not a UKG web-service host" in result.stderr
    assert "nothing was stored" in result.stderr
    assert Hub().accounts() == []


def test_bad_inputs_are_errors_with_a_fix_never_a_traceback(cli, ukg, tmp_path):
    not_json = tmp_path / "x.json"
    not_json.write_text("{nope")
    for args, says in [
        (["link", "ukg_pro", "--json-file", not_json], "is not JSON"),
        (["link", "ukg_pro", "--set", "a=b", "--set", "Secret1!"], "--set number 2 is not NAME=VALUE"),
        (["link", "ukg_pro", "--customer", "cus_nobody", "--set", "a=b"], "No customer 'cus_nobody'"),
        (["link", "ukg", "--set", "a=b"], "No connector named 'ukg'"),
        (["check", "acct_nope"], "No account 'acct_nope'"),
        (["options", "acct_nope"], "No account 'acct_nope'"),
    ]:
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert says in result.stderr and "Fix:" in result.stderr, (args, result.stderr)
        assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
        assert "Secret1!" not in result.output
    ended = cli("link", "ukg_pro", input="")  # the input ends at the first prompt
    assert ended.exit_code == 2 and "No value for Service account username" in ended.stderr
    assert Hub().accounts() == []


def test_wrong_password_is_a_provider_error_with_a_fix(cli, ukg):
    result = cli("link", "ukg_pro", input=form_input(ukg.credentials, password="not-it"))
    assert result.exit_code == 2
    assert "Fix:" in result.stderr and "not-it" not in result.output
    assert Hub().accounts() == []


def test_customers_add_prints_a_key_the_store_knows_once(cli):
    result = cli("customers", "add", "Org chart app")
    assert result.exit_code == 0, result.output
    [key] = re.findall(r"\bhh_[\w-]+", result.stdout)
    assert "shown only this once" in result.stdout
    customer = Hub().store.customers.for_key(key)
    assert customer is not None and customer.name == "Org chart app"
    listed = cli("customers")
    assert customer.id in listed.stdout and "Org chart app" in listed.stdout
    assert key not in listed.stdout  # never shown again


def test_accounts_table_and_json(cli, linked):
    table = cli("accounts")
    assert table.exit_code == 0, table.output
    assert linked in table.stdout and "ukg_pro" in table.stdout and "linked" in table.stdout
    assert "16/16" in table.stdout and "never" in table.stdout
    [row] = json.loads(cli("accounts", "--json").stdout)
    assert row["id"] == linked and row["last_sync"] is None


@pytest.mark.parametrize("columns", ["80", "60"])
def test_ids_are_never_cut_at_a_narrow_terminal(cli, linked, monkeypatch, columns):
    customer = json.loads(cli("customers", "add", "A customer with a long name", "--json").stdout)["id"]
    monkeypatch.setenv("COLUMNS", columns)
    assert linked in cli("accounts").stdout  # the one value to copy, whole on one line
    assert customer in cli("customers").stdout


def test_check_asks_the_provider_again_and_names_what_to_tick(cli, ukg, linked):
    ukg.sandbox.accounts.revoke(ukg.sandbox.username, "PTO Plan Integration")
    stored = cli("check", linked, "--stored", "--json")
    assert json.loads(stored.stdout)["permissions"]["missing"] == []  # as linked
    result = cli("check", linked)
    assert result.exit_code == 0, result.output
    assert "checked with the provider" in result.stdout
    line = next(li for li in result.stdout.splitlines() if "time_off_balances.list" in li)
    assert "no" in line and '"PTO Plan Integration"' in line
    assert "Not granted: PTO Plan Integration" in result.stdout
    row = Hub().store.accounts.row(linked)
    assert not row.permissions.enabled("time_off_balances.list")  # the fresh report is stored


def test_options_show_and_change(cli, linked):
    shown = cli("options", linked)
    assert shown.exit_code == 0 and "none (every employee)" in shown.stdout
    changed = cli("options", linked, "--filter", "status=ACTIVE,LEAVE", "--sync-every", "6", "--json")
    assert changed.exit_code == 0, changed.output
    body = json.loads(changed.stdout)
    assert body["filters"] == {"status": ["ACTIVE", "LEAVE"]} and body["sync_every_hours"] == 6
    bad = cli("options", linked, "--filter", "status=SLEEPING")
    assert (
        bad.exit_code == 2 and "filters.status" in bad.stderr and "'SLEEPING' is not a status" in bad.stderr
    )
    cleared = cli("options", linked, "--clear-filters", "--json")
    assert json.loads(cleared.stdout)["filters"] == {}


def test_relink_replaces_the_credentials(cli, ukg, linked):
    sb = ukg.sandbox
    sb.accounts.add(sb.username, "N3w-Passw0rd!")  # the admin rotated the password
    result = cli("relink", linked, input=form_input(ukg.credentials, password="N3w-Passw0rd!"))
    assert result.exit_code == 0, result.output
    assert f"Updated UKG Pro account {linked}" in result.stdout
    assert "N3w-Passw0rd!" not in result.output
    assert Hub().account(linked).credentials.reveal()["password"] == "N3w-Passw0rd!"


def test_customers_rotate_key_revokes_the_old_one():
    runner = CliRunner()
    made = json.loads(runner.invoke(app, ["customers", "add", "Rotating app", "--json"]).stdout)
    rotated = runner.invoke(app, ["customers", "rotate-key", made["id"], "--json"])
    assert rotated.exit_code == 0, rotated.output
    new_key = json.loads(rotated.stdout)["api_key"]
    store = Store()
    assert store.customers.for_key(made["api_key"]) is None
    assert store.customers.for_key(new_key).id == made["id"]
    unknown = runner.invoke(app, ["customers", "rotate-key", "cus_nobody"])
    assert unknown.exit_code == 2 and "hrishub customers" in unknown.output
