"""Every JSON answer of the API writes instants in one RFC 3339 form and amounts as JSON numbers.

The routes walked are the API's own OpenAPI paths (a route added later is walked too, or this test
names it), for a synced sandbox account, from the store and live.
"""

import re
from decimal import Decimal
from typing import Any

import pytest

from hub.actions import LIST_ACTIONS

pytestmark = pytest.mark.e2e


def _model_of(path: str) -> str | None:
    parts = path.split("/")
    if len(parts) >= 4 and parts[2] == "hris":
        return LIST_ACTIONS[parts[3].replace("-", "_")]
    return None


def test_every_json_answer_uses_the_one_instant_form_and_json_numbers(world, synced, json_forms):
    client, account = synced
    account_id = account["id"]
    session = client.post("/v1/link-sessions", json={"connector": "tiny_hris", "reference": "forms"})
    assert session.status_code == 201, session.text
    run = client.post(f"/v1/accounts/{account_id}/sync", params={"wait": "true"}, json={"force": True})
    assert run.status_code == 200, run.text
    endpoint = client.post("/v1/webhook-endpoints", json={"url": "https://app.example.com/hooks"})
    assert endpoint.status_code == 201, endpoint.text
    answers: list[tuple[str, Any]] = [
        ("POST /v1/link-sessions", session.json()),
        ("POST /v1/webhook-endpoints", endpoint.json()),
        ("POST sync?wait=true", run.json()),
        ("PATCH /v1/accounts/{id}", client.patch(f"/v1/accounts/{account_id}", json={"options": {}}).json()),
    ]
    first = {}
    for segment, resource in ((s.replace("_", "-"), s) for s in LIST_ACTIONS):
        page = client.get(f"/v1/hris/{segment}", headers={"X-Account-Id": account_id})
        if page.status_code == 200:
            first[resource] = page.json()["results"][0]
    values = {
        "account_id": account_id,
        "run_id": run.json()["run_id"],
        "session_id": session.json()["id"],
        "endpoint_id": endpoint.json()["id"],
        "name": "tiny_hris",
    }
    openapi = client.get("/openapi.json").json()
    walked = set()
    for path, operations in openapi["paths"].items():
        if "get" not in operations:
            continue
        model = _model_of(path)
        variants: list[dict[str, str]] = [{}]
        if model is not None:
            variants = [{}, {"include_raw": "1", "include_sources": "1"}, {"mode": "live"}]
            if "{record_id}" in path:
                resource = path.split("/")[3].replace("-", "_")
                if resource not in first:
                    continue  # not supported by this connector: a 501 problem, checked below
                values["record_id"] = first[resource]["id"]
            else:
                variants.append({"page_size": "1000", "include_raw": "1", "mode": "live"})
        names = re.findall(r"{(\w+)}", path)
        assert set(names) <= set(values), f"walk {path}: no value for {set(names) - set(values)}"
        url = path.format(**{n: values[n] for n in names})
        for params in variants:
            answer = client.get(url, params=params, headers={"X-Account-Id": account_id})
            assert answer.status_code in (200, 501), (url, params, answer.text)
            answers.append((f"GET {url} {params}", answer.json()))
            walked.add(path)
    assert {
        "/v1/accounts",
        "/v1/hris/employees/{record_id}",
        "/v1/link-sessions/{session_id}",
        "/v1/events",
        "/v1/webhook-endpoints/{endpoint_id}/deliveries",
    } <= walked

    wrong: list[str] = []
    seen: set[str] = set()
    for where, body in answers:
        wrong += json_forms.problems(body, where)
        model = _model_of(where.split(" ")[1]) if where.startswith("GET /v1/hris/") else None
        if model is not None and isinstance(body, dict) and "results" in body:
            for i, record in enumerate(body["results"]):
                wrong += json_forms.record_problems(record, model, f"{where}[{i}]", seen)
        elif model is not None and "id" in body:
            wrong += json_forms.record_problems(body, model, where, seen)
    assert not wrong, "\n".join(wrong[:20])
    assert {"Employment.pay_rate", "TimeOffBalance.balance", "TimeOffBalance.used", "Group.level"} <= seen
    assert any(isinstance(b, dict) and "started_at" in str(b) for _, b in answers)


def test_amounts_keep_their_value_through_the_store(synced):
    client, account = synced
    headers = {"X-Account-Id": account["id"]}
    stored = client.get("/v1/hris/employments", params={"page_size": 1000}, headers=headers).json()["results"]
    live = client.get(
        "/v1/hris/employments", params={"page_size": 1000, "mode": "live"}, headers=headers
    ).json()
    rates = {r["id"]: r["pay_rate"] for r in stored}
    assert {r["id"]: r["pay_rate"] for r in live["results"]} == rates
    assert any(
        isinstance(rate, float) and Decimal(repr(rate)).as_tuple().exponent == -2 for rate in rates.values()
    )
