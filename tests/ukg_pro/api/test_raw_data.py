"""Raw provider data over HTTP: sensitive members null and named unless the account may see them."""

from typing import Any

import pytest

from connectors.ukg_pro.sensitive import SENSITIVE_RAW_KEYS
from hub.accessors import SENSITIVE_FIELDS

pytestmark = pytest.mark.e2e

SEGMENTS = (
    "employees",
    "employments",
    "time-off-balances",
    "time-off-policies",
    "groups",
    "locations",
    "companies",
)


def _get(client, path, account_id, **params):
    answer = client.get(path, params=params, headers={"X-Account-Id": account_id})
    assert answer.status_code == 200, answer.text
    return answer


def _rows(value: Any) -> list[dict[str, Any]]:
    return [value] if isinstance(value, dict) else [r for r in value if isinstance(r, dict)]


def _expected_names(raw: dict[str, Any]) -> list[str]:
    """What the connector declares sensitive among the members present, as `record.member`."""
    return sorted(
        {
            f"{record}.{name}"
            for record, value in raw.items()
            for row in _rows(value)
            for name in SENSITIVE_RAW_KEYS.get(record, ())
            if name in row
        }
    )


@pytest.fixture(scope="module")
def trusted(world):
    """An account of the same tenant, linked with include_sensitive and synced."""
    client = world.customer("trusted")
    account = world.link(client, options={"include_sensitive": True})
    world.sync(client, account["id"])
    return client, account


def _by_remote_id(client, account_id, segment, mode):
    body = _get(
        client, f"/v1/hris/{segment}", account_id, page_size=1000, include_raw="true", mode=mode
    ).json()
    assert body["next_cursor"] is None
    return {r["remote_id"]: r for r in body["results"]}


def assert_redacted_copy(redacted: dict[str, Any], whole: dict[str, Any]) -> None:
    """``redacted`` is ``whole`` with exactly the declared sensitive members null and named."""
    names = _expected_names(whole["remote_data"])
    assert redacted["remote_data_redacted"] == names
    assert whole["remote_data_redacted"] == []
    assert set(redacted["remote_data"]) == set(whole["remote_data"])
    for record, value in whole["remote_data"].items():
        for kept_row, whole_row in zip(_rows(redacted["remote_data"][record]), _rows(value), strict=True):
            assert set(kept_row) == set(whole_row), record
            for name, original in whole_row.items():
                if f"{record}.{name}" in names:
                    assert kept_row[name] is None, (record, name)
                else:
                    assert kept_row[name] == original, (record, name)


@pytest.mark.parametrize("mode", ["auto", "live"])
@pytest.mark.parametrize("segment", SEGMENTS)
def test_raw_data_is_redacted_for_an_account_without_sensitive_access(synced, trusted, segment, mode):
    client, account = synced
    redacted = _by_remote_id(client, account["id"], segment, mode)
    whole = _by_remote_id(trusted[0], trusted[1]["id"], segment, mode)
    assert redacted.keys() == whole.keys() and redacted
    for remote_id, record in redacted.items():
        assert_redacted_copy(record, whole[remote_id])


@pytest.mark.parametrize("mode", ["auto", "live"])
def test_the_raw_ssn_is_there_only_with_include_sensitive(synced, trusted, mode):
    client, account = synced
    redacted = _by_remote_id(client, account["id"], "employees", mode)
    whole = _by_remote_id(trusted[0], trusted[1]["id"], "employees", mode)
    ssns = {rid: e["remote_data"]["person-details"]["ssn"] for rid, e in whole.items()}
    known = [ssn for ssn in ssns.values() if ssn]
    assert len(known) > len(ssns) / 2  # one person employed in two companies has one SSN in both
    for remote_id, employee in redacted.items():
        assert employee["remote_data"]["person-details"]["ssn"] is None
        assert "person-details.ssn" in employee["remote_data_redacted"]
        assert "person-details.dateOfBirth" in employee["remote_data_redacted"]
        assert (
            employee["remote_data"]["person-details"]["firstName"]
            == whole[remote_id]["remote_data"]["person-details"]["firstName"]
        )
        assert all(employee[name] is None for name in SENSITIVE_FIELDS["Employee"])
    one = next(e for rid, e in whole.items() if ssns[rid])
    assert one["national_id"]
    for ref in (one["id"], one["remote_id"]):
        mine = _get(client, f"/v1/hris/employees/{ref}", account["id"], include_raw="1", mode=mode).json()
        theirs = _get(trusted[0], f"/v1/hris/employees/{ref}", trusted[1]["id"], include_raw="1", mode=mode)
        assert_redacted_copy(mine, theirs.json())
        assert ssns[one["remote_id"]] in theirs.text and ssns[one["remote_id"]] not in str(mine)


def test_raw_data_pages_follow_the_cursor_and_sources_keep_their_shape(synced, trusted, page_through):
    client, account = synced
    pages = page_through(client, "/v1/hris/employees", account["id"], page_size=7, include_raw="true")
    assert len(pages) > 1 and all(e["remote_data_redacted"] for page in pages for e in page)
    both = _get(
        client, "/v1/hris/employees", account["id"], page_size=5, include_raw="1", include_sources="1"
    ).json()["results"]
    plain = _get(client, "/v1/hris/employees", account["id"], page_size=5).json()["results"]
    for record, bare in zip(both, plain, strict=True):
        assert {
            k: v
            for k, v in record.items()
            if k not in ("remote_data", "remote_data_redacted", "field_sources")
        } == bare
        assert not set(SENSITIVE_FIELDS["Employee"]) & set(record["field_sources"])
        assert record["remote_data_redacted"]


# -- no sensitive value anywhere, on any route ----------------------------------------------------------------

ROUTES = [
    *((f"/v1/hris/{s}", {"page_size": 1000}) for s in SEGMENTS),
    *((f"/v1/hris/{s}", {"page_size": 1000, "include_raw": "true"}) for s in SEGMENTS),
    *((f"/v1/hris/{s}", {"page_size": 1000, "include_raw": "1", "include_sources": "1"}) for s in SEGMENTS),
    *(
        (f"/v1/hris/{s}", {"page_size": 1000, "mode": "live", "include_raw": "1", "include_sources": "1"})
        for s in SEGMENTS
    ),
    ("/v1/hris/employees", {"page_size": 3, "include_raw": "true", "modified_after": "2000-01-01T00:00:00Z"}),
    ("/v1/hris/employees/{employee}", {"include_raw": "1", "include_sources": "1"}),
    ("/v1/hris/employees/{employee}", {"include_raw": "1", "include_sources": "1", "mode": "live"}),
    ("/v1/hris/employees/{remote_id}", {"include_raw": "1"}),
    ("/v1/hris/employments/{employment}", {"include_raw": "1", "include_sources": "1"}),
    ("/v1/hris/employments/{employment}", {"include_raw": "1", "mode": "live"}),
    ("/v1/accounts", {}),
    ("/v1/accounts/{account}", {}),
    ("/v1/accounts/{account}/syncs", {}),
    ("/v1/accounts/{account}/syncs/{run}", {}),
]


def _values(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [v for child in node.values() for v in _values(child)]
    if isinstance(node, list):
        return [v for child in node for v in _values(child)]
    return [node]


@pytest.fixture(scope="module")
def sensitive_values(trusted) -> set[str]:
    """Every distinctive value the tenant holds under a sensitive raw member or a sensitive unified field."""
    client, account = trusted
    found: set[str] = set()
    for segment in SEGMENTS:
        for record in _by_remote_id(client, account["id"], segment, "auto").values():
            for name in SENSITIVE_FIELDS.get("Employee", ()) if segment == "employees" else ():
                found.update(str(v) for v in _values(record[name]) if v is not None)
            for path in _expected_names(record["remote_data"]):
                record_type, member = path.split(".", 1)
                for row in _rows(record["remote_data"][record_type]):
                    found.update(v for v in _values(row.get(member)) if isinstance(v, str))
    dates = {v[:10] for v in found if len(v) >= 10 and v[4] == "-" and v[7] == "-"}
    distinctive = {v for v in found | dates if len(v) >= 6}
    assert len(distinctive) > 50  # SSNs, national ids, dates of birth, ethnic descriptions, ...
    return distinctive


@pytest.mark.parametrize(("path", "params"), ROUTES, ids=[f"{p} {sorted(q)}" for p, q in ROUTES])
def test_no_sensitive_value_appears_in_any_answer_to_an_account_without_access(
    synced, sensitive_values, path, params
):
    client, account = synced
    employee = _get(client, "/v1/hris/employees", account["id"], page_size=1).json()["results"][0]
    employment = _get(client, "/v1/hris/employments", account["id"], page_size=1).json()["results"][0]
    run = client.get(f"/v1/accounts/{account['id']}/syncs").json()["results"][0]["id"]
    url = path.format(
        employee=employee["id"],
        remote_id=employee["remote_id"],
        employment=employment["id"],
        account=account["id"],
        run=run,
    )
    body = _get(client, url, account["id"], **params).text
    assert not sorted(v for v in sensitive_values if v in body)


def test_the_values_looked_for_are_in_the_answers_to_an_account_with_access(trusted, sensitive_values):
    client, account = trusted
    body = _get(client, "/v1/hris/employees", account["id"], page_size=1000, include_raw="1").text
    assert len([v for v in sensitive_values if v in body]) == len(sensitive_values)
