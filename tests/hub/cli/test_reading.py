"""``hrishub employees``: live before the first sync, from the store after it."""

import json


def test_employees_json_table_and_limit(cli, linked):
    live = cli("employees", linked, "--json", "--limit", "0")
    assert live.exit_code == 0, live.output
    people = json.loads(live.stdout)
    assert len(people) >= 30 and all(p["remote_id"] for p in people)

    assert cli("sync", linked).exit_code == 0
    stored = json.loads(cli("employees", linked, "--json", "--limit", "0").stdout)
    assert {p["remote_id"] for p in stored} == {p["remote_id"] for p in people}

    lines = cli("employees", linked, "--jsonl", "--limit", "3")
    assert [json.loads(line)["id"] for line in lines.stdout.splitlines()] == [p["id"] for p in stored[:3]]
    assert "Partial: the first 3 employees" in lines.stderr  # a cut JSON list says so, apart from the data

    everyone = cli("employees", linked, "--json")  # no --limit: JSON gives every employee
    assert json.loads(everyone.stdout) == stored and "Partial" not in everyone.stderr

    table = cli("employees", linked, "--limit", "5")
    assert table.exit_code == 0, table.output
    first = stored[0]
    assert first["work_email"] in table.stdout and first["employment_status"] in table.stdout
    for column in ("name", "work email", "job title", "status", "hire date"):
        assert column in table.stdout
    assert "The first 5" in table.stdout
    assert stored[5]["work_email"] not in table.stdout


def test_employees_live_mode_and_a_bad_mode(cli, linked):
    live = cli("employees", linked, "--mode", "live", "--json", "--limit", "2")
    assert live.exit_code == 0 and len(json.loads(live.stdout)) == 2
    bad = cli("employees", linked, "--mode", "sometimes")
    assert bad.exit_code == 2
