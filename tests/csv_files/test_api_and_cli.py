"""The same connector over the HTTP API and the CLI, briefly."""

import json

import httpx
import pytest
from typer.testing import CliRunner

import hub.cli
from hub.api import create_app
from hub.serving import serve_in_thread

from .helpers import PEOPLE, people


@pytest.fixture
def api(files, make_hub, root):
    """A customer's client; the sample files copied into the customer's own import folder."""
    hub = make_hub()
    customer, key = hub.store.customers.add("x")
    (root / customer.id).mkdir()
    for name in files.values():
        (root / customer.id / name).write_bytes((root / name).read_bytes())
    with (
        serve_in_thread(create_app(hub)) as url,
        httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client,
    ):
        client.customer_id = customer.id  # type: ignore[attr-defined]
        yield client


def test_link_sync_and_read_over_http(api, files):
    linked = api.post("/v1/accounts", json={"connector": "csv_files", "credentials": files})
    assert linked.status_code == 201, linked.text
    account_id = linked.json()["id"]
    synced = api.post(f"/v1/accounts/{account_id}/sync", params={"wait": "true"})
    assert synced.status_code == 200 and synced.json()["status"] == "succeeded", synced.text
    answer = api.get("/v1/hris/employees", headers={"X-Account-Id": account_id}, params={"page_size": 1000})
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert sorted(r["remote_id"] for r in results) == [p[0] for p in PEOPLE]
    grace = next(r for r in results if r["remote_id"] == "E002")
    assert grace["hire_date"] == "2016-07-15" and grace["employment_status"] == "ACTIVE"


def test_a_bad_file_is_a_422_problem_naming_row_column_and_fix(api, write):
    write(f"{api.customer_id}/employees.csv", people(("E003", "Employment Status", "Sacked")))
    answer = api.post(
        "/v1/accounts", json={"connector": "csv_files", "credentials": {"employees_file": "employees.csv"}}
    )
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")
    (error,) = answer.json()["errors"]
    assert error["field"] == "employees_file"
    assert (
        error["message"] == "row 4, column 'Employment Status': 'Sacked' is not one of the accepted values."
    )
    assert error["fix"].startswith("Use one of: active, ")
    outside = api.post(
        "/v1/accounts", json={"connector": "csv_files", "credentials": {"employees_file": "/etc/passwd"}}
    )
    assert outside.status_code == 422
    assert (
        outside.json()["errors"][0]["message"]
        == "'/etc/passwd' is not a file the hub can read in your import folder."
    )
    assert api.get("/v1/accounts").json()["results"] == []


def test_link_sync_and_read_from_the_command_line(files):
    runner = CliRunner()
    linked = runner.invoke(
        hub.cli.app, ["link", "csv_files", "--set", "employees_file=employees.csv", "--json"]
    )
    assert linked.exit_code == 0, linked.output
    account_id = json.loads(linked.stdout)["id"]
    synced = runner.invoke(hub.cli.app, ["sync", account_id, "--json"])
    assert synced.exit_code == 0, synced.output
    assert json.loads(synced.stdout)["status"] == "succeeded"
    listed = runner.invoke(hub.cli.app, ["employees", account_id, "--json"])
    assert listed.exit_code == 0, listed.output
    assert sorted(e["last_name"] for e in json.loads(listed.stdout)) == sorted(p[2] for p in PEOPLE)


def test_a_bad_file_exits_2_with_the_issue_on_stderr(write):
    write("employees.csv", people(("E002", "Hire Date", "31/02/2024")))
    result = CliRunner().invoke(
        hub.cli.app, ["link", "csv_files", "--set", "employees_file=employees.csv"], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 2
    text = " ".join(result.stderr.split())
    assert "row 3, column 'Hire Date': '31/02/2024' is not a date in the YYYY-MM-DD form." in text
    assert "Write dates as YYYY-MM-DD" in text
