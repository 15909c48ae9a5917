"""The unified models of one synced account: cursor pages, get by id, modified_after, raw data, live reads."""

import base64
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

pytestmark = pytest.mark.e2e

SEGMENTS = (
    "employees",
    "employments",
    "time-off-policies",
    "time-off-balances",
    "groups",
    "locations",
    "companies",
)


def _get(client, path, account_id, **params):
    answer = client.get(path, params=params, headers={"X-Account-Id": account_id})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_cursor_pages_cover_every_employee_once(synced, page_through):
    client, account = synced
    pages = page_through(client, "/v1/hris/employees", account["id"], page_size=7)
    assert all(len(p) == 7 for p in pages[:-1]) and 1 <= len(pages[-1]) <= 7
    ids = [e["id"] for page in pages for e in page]
    assert len(ids) == len(set(ids)) >= 40
    everyone = _get(client, "/v1/hris/employees", account["id"], page_size=1000)
    assert [e["id"] for e in everyone["results"]] == ids and everyone["next_cursor"] is None
    assert "errors" not in everyone


@pytest.mark.parametrize("segment", SEGMENTS)
def test_every_model_lists_from_the_store(synced, segment, page_through):
    client, account = synced
    pages = page_through(client, f"/v1/hris/{segment}", account["id"], page_size=1000)
    assert pages[0], segment
    first = pages[0][0]
    assert first["id"] and "remote_data" not in first and "field_sources" not in first
    one = _get(client, f"/v1/hris/{segment}/{first['id']}", account["id"])
    assert one == first


def test_get_by_hub_id_and_by_provider_id(synced, assert_problem):
    client, account = synced
    employee = _get(client, "/v1/hris/employees", account["id"], page_size=5)["results"][3]
    assert _get(client, f"/v1/hris/employees/{employee['id']}", account["id"]) == employee
    assert _get(client, f"/v1/hris/employees/{employee['remote_id']}", account["id"]) == employee
    answer = client.get("/v1/hris/employees/nobody", headers={"X-Account-Id": account["id"]})
    body = assert_problem(answer, 404, "not-found")
    assert "nobody" in body["detail"]


@pytest.mark.parametrize("mode", ["auto", "live"])
@pytest.mark.parametrize("position", [10**30, 2**63, -1, "7", True])
def test_a_forged_cursor_is_a_422_problem(synced, assert_problem, position, mode):
    client, account = synced
    forged = (
        base64.urlsafe_b64encode(json.dumps({"s": position, "o": position}).encode()).decode().rstrip("=")
    )
    for cursor in ("garbage!", forged):
        answer = client.get(
            "/v1/hris/employees",
            params={"cursor": cursor, "mode": mode},
            headers={"X-Account-Id": account["id"]},
        )
        assert_problem(answer, 422, "invalid-request")


def test_modified_after(synced):
    client, account = synced
    everyone = _get(client, "/v1/hris/employees", account["id"], page_size=1000)["results"]
    synced_at = max(datetime.fromisoformat(e["modified_at"]) for e in everyone)
    before = (synced_at - timedelta(seconds=5)).astimezone(UTC)
    after = (synced_at + timedelta(seconds=5)).astimezone(UTC)
    assert len(
        _get(client, "/v1/hris/employees", account["id"], page_size=1000, modified_after=before.isoformat())[
            "results"
        ]
    ) == len(everyone)
    assert (
        _get(client, "/v1/hris/employees", account["id"], modified_after=after.isoformat())["results"] == []
    )
    naive = after.replace(tzinfo=None).isoformat()  # without an offset: UTC
    assert _get(client, "/v1/hris/employees", account["id"], modified_after=naive)["results"] == []
    east = timezone(timedelta(hours=5))  # the same moments written with another offset
    assert (
        _get(client, "/v1/hris/employees", account["id"], modified_after=after.astimezone(east).isoformat())[
            "results"
        ]
        == []
    )
    assert len(
        _get(
            client,
            "/v1/hris/employees",
            account["id"],
            page_size=1000,
            modified_after=before.astimezone(east).isoformat(),
        )["results"]
    ) == len(everyone)
    # Live reads use the same clock: tests/hub/api/test_reads.py.


def test_raw_data_and_field_sources_only_on_request(synced):
    client, account = synced
    plain = _get(client, "/v1/hris/locations", account["id"], page_size=3)["results"]
    assert all("remote_data" not in e and "field_sources" not in e for e in plain)
    raw = _get(client, "/v1/hris/locations", account["id"], page_size=3, include_raw="true")["results"]
    assert all(e["remote_data"] and "field_sources" not in e for e in raw)
    assert {k: v for k, v in raw[0].items() if k not in ("remote_data", "remote_data_redacted")} == plain[0]
    sourced = _get(client, "/v1/hris/employees", account["id"], page_size=3, include_sources="true")[
        "results"
    ]
    assert all(e["field_sources"] and "remote_data" not in e for e in sourced)
    assert sourced[0]["field_sources"]["first_name"]["api_name"]
    both = _get(
        client, f"/v1/hris/locations/{plain[0]['id']}", account["id"], include_raw="1", include_sources="1"
    )
    assert both["remote_data"] and both["field_sources"]


def test_live_reads_match_the_store(synced, page_through):
    client, account = synced
    metadata = {"created_at", "modified_at"}
    for segment, size in (("employees", 15), ("companies", 1000), ("time-off-balances", 1000)):
        stored = [
            e
            for page in page_through(client, f"/v1/hris/{segment}", account["id"], page_size=1000)
            for e in page
        ]
        live = [
            e
            for page in page_through(
                client, f"/v1/hris/{segment}", account["id"], page_size=size, mode="live"
            )
            for e in page
        ]

        def strip(records):
            return {r["id"]: {k: v for k, v in r.items() if k not in metadata} for r in records}

        assert strip(live) == strip(stored), segment
    one = live[0]
    assert (
        _get(client, f"/v1/hris/time-off-balances/{one['id']}", account["id"], mode="live")["id"] == one["id"]
    )


def test_time_off_requests_are_not_supported(synced, assert_problem):
    client, account = synced
    for path in ("/v1/hris/time-off-requests", "/v1/hris/time-off-requests/x"):
        answer = client.get(path, headers={"X-Account-Id": account["id"]})
        body = assert_problem(answer, 501, "not-supported")
        assert "no time-off requests" in body["detail"]


def test_before_the_first_sync_reads_go_to_the_provider(world):
    client = world.customer()
    account = world.link(client)
    page = _get(client, "/v1/hris/employees", account["id"], page_size=1000)
    assert len(page["results"]) >= 40 and page["next_cursor"] is None
    assert all(e["created_at"] is None for e in page["results"])


def test_a_live_read_keeps_records_whose_values_do_not_parse(world):
    client = world.customer("mapper")
    # hire_date from a free-text address line: the values there are not dates.
    options = {"overrides": {"Employee": {"hire_date": "emp.addressLine1"}}}
    account = world.link(client, options=options)
    answer = client.get(
        "/v1/hris/employees",
        params={"mode": "live", "page_size": 1000},
        headers={"X-Account-Id": account["id"]},
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert not body.get("errors")  # no record is dropped for a value that does not parse
    assert len(body["results"]) >= 40
    assert all(r["hire_date"] is None and r["first_name"] for r in body["results"])
    problems = body["problems"]  # and each value that could not be used is listed
    assert problems and all(p["field"] == "hire_date" and "not a date" in p["reason"] for p in problems)
    listed = {":".join(p["key"]) for p in problems}
    assert len(listed) == len(problems) and listed <= {r["remote_id"] for r in body["results"]}
    assert all(p["reason"] == f"not a date: {p['value']}" for p in problems)
