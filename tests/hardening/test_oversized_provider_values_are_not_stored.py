"""Item 9: provider values over the size caps are not stored as is; the record is kept and the run
report names each (remote id, field, size); a record key that is not text is refused."""

from hub.sync.caps import MAX_RAW_BYTES, MAX_REMOTE_ID_CHARS, MAX_VALUE_BYTES
from tests.hub.api.conftest import make_world  # noqa: F401  (the fixture)

HUGE = 5 * 1024 * 1024


def employee_model(run: dict) -> dict:
    report = run.get("report") or run
    return report["models"]["Employee"]


def test_a_5_mb_first_name_is_emptied_reported_and_never_served(make_world):  # noqa: F811
    world = make_world(employees=6)
    roster = world.sb.roster.employees
    roster[0]["firstName"] = "A" * HUGE
    big_id, kept_last_name = roster[0]["id"], roster[0]["lastName"]
    client = world.customer("acme")
    account = world.link(client)
    run = world.sync(client, account["id"])
    model = employee_model(run)

    assert model["read"] == 6 and model["failed"] == 0  # every record kept
    listed = {(o["remote_id"], o["field"]): o for o in model["oversized"]}
    first = listed[(big_id, "first_name")]
    assert first["bytes"] > HUGE and first["cap"] == MAX_VALUE_BYTES
    assert (big_id, "remote_data.employees.firstName") in listed
    assert any(
        w.startswith(f"{model['oversized_count']} value(s) over the size caps") for w in model["warnings"]
    )
    assert "first_name" in " ".join(model["warnings"])

    headers = {"X-Account-Id": account["id"]}
    answer = client.get(f"/v1/hris/employees/{big_id}", headers=headers, params={"include_raw": "true"})
    assert answer.status_code == 200, answer.text[:500]
    assert len(answer.content) < MAX_VALUE_BYTES  # neither the field nor the raw member is served
    employee = answer.json()
    assert employee["first_name"] is None and employee["last_name"] == kept_last_name
    assert employee["remote_data"]["employees"]["firstName"] is None
    assert employee["remote_data"]["employees"]["lastName"] == kept_last_name

    again = employee_model(world.sync(client, account["id"]))  # the same data: nothing changes
    assert again["updated"] == 0 and again["created"] == 0


def test_raw_data_over_its_cap_is_not_stored_but_the_record_is(make_world):  # noqa: F811
    world = make_world(employees=3)
    row = world.sb.roster.employees[0]
    row["notes"] = ["n" * (MAX_VALUE_BYTES - 100)] * (MAX_RAW_BYTES // MAX_VALUE_BYTES + 2)
    client = world.customer("acme")
    account = world.link(client)
    model = employee_model(world.sync(client, account["id"]))
    [whole] = [o for o in model["oversized"] if o["field"] == "remote_data"]
    assert (
        whole["remote_id"] == row["id"] and whole["bytes"] > MAX_RAW_BYTES and whole["cap"] == MAX_RAW_BYTES
    )
    answer = client.get(
        f"/v1/hris/employees/{row['id']}",
        headers={"X-Account-Id": account["id"]},
        params={"include_raw": "true"},
    )
    assert answer.json()["remote_data"] is None and answer.json()["last_name"] == row["lastName"]


def test_record_keys_must_be_text_and_of_a_storable_length(make_world):  # noqa: F811
    world = make_world(employees=4)
    roster = world.sb.roster.employees
    roster[1]["id"] = {"nested": "E002"}
    roster[2]["id"] = "L" * (MAX_REMOTE_ID_CHARS + 1)
    client = world.customer("acme")
    account = world.link(client)
    model = employee_model(world.sync(client, account["id"]))
    assert model["read"] == 2 and model["failed"] == 2
    reasons = {e["field"]: e["reason"] for e in model["errors"]}
    assert "not text" in reasons["id"]
    assert f"over the {MAX_REMOTE_ID_CHARS}" in reasons["remote_id"]
    listed = client.get("/v1/hris/employees", headers={"X-Account-Id": account["id"]}).json()["results"]
    remote_ids = {e["remote_id"] for e in listed}
    assert len(remote_ids) == 2 and all(isinstance(r, str) and len(r) < 10 for r in remote_ids)
    assert not any("nested" in r for r in remote_ids)
