"""``/v1/webhook-endpoints`` over HTTP: the secret shown once, each customer's endpoints their own, attempts."""

from __future__ import annotations

from tests.hub.api.conftest import assert_problem
from tests.hub.webhooks.conftest import WebhookWorld, served, statuses


def test_the_secret_is_in_the_creation_answer_only(world: WebhookWorld):
    with served(world) as api:
        made = api.post("/v1/webhook-endpoints", json={"url": "https://hooks.example.com/in"})
        assert made.status_code == 201, made.text
        body = made.json()
        assert body["secret"].startswith("whsec_") and made.headers["location"].endswith(body["id"])
        for answer in (api.get(f"/v1/webhook-endpoints/{body['id']}"), api.get("/v1/webhook-endpoints")):
            assert (
                answer.status_code == 200
                and body["secret"] not in answer.text
                and '"secret"' not in answer.text
            )
        rotated = api.post(f"/v1/webhook-endpoints/{body['id']}/rotate-secret")
        assert rotated.status_code == 200 and rotated.json()["secret"] not in (body["secret"], None)
        assert rotated.json()["previous_secret_until"] is not None
        assert rotated.json()["secret"] not in api.get(f"/v1/webhook-endpoints/{body['id']}").text
        assert world.endpoints.signing_secrets(body["id"]) == [rotated.json()["secret"], body["secret"]]


def test_another_customers_endpoint_is_not_found_by_any_route(world: WebhookWorld):
    endpoint_id, _ = world.add()
    _, key = world.hub.store.customers.add("someone-else")
    base = f"/v1/webhook-endpoints/{endpoint_id}"
    with served(world, api_key=key) as them:
        assert them.get("/v1/webhook-endpoints").json()["results"] == []
        for answer in (
            them.get(base),
            them.patch(base, json={"enabled": False}),
            them.delete(base),
            them.post(f"{base}/rotate-secret"),
            them.get(f"{base}/deliveries"),
            them.post(f"{base}/redeliver", json={"since": "2026-01-01T00:00:00Z"}),
        ):
            problem = assert_problem(answer, 404, "not-found")
            assert "GET /v1/webhook-endpoints" in problem["remedy"]
    assert world.endpoints.get(endpoint_id).enabled


def test_deliveries_list_each_attempt_newest_first_page_by_page(world: WebhookWorld):
    account = world.link()
    endpoint_id, _ = world.add()
    world.receiver.status = statuses([500])
    recorded = world.events(account, 5)
    world.deliver()
    world.clock.advance(minutes=1)
    world.deliver()

    with served(world) as api:
        path = f"/v1/webhook-endpoints/{endpoint_id}/deliveries"
        seen, cursor = [], None
        while True:
            page = api.get(path, params={"page_size": 2, **({"cursor": cursor} if cursor else {})}).json()
            seen += page["results"]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert [d["event_id"] for d in seen] == recorded[::-1]
        first = seen[-1]
        assert [a["status"] for a in first["attempts"]] == [500, 204]
        assert first["attempts"][0]["response"] == "thanks" and first["attempts"][0]["latency_ms"] >= 0
        assert first["state"] == "delivered" and first["event_type"] == "account.synced"
        failed_only = api.get(path, params={"state": "failed"}).json()["results"]
        assert failed_only == []
        assert api.get(path, params={"state": "lost"}).status_code == 422

        gone = api.delete(f"/v1/webhook-endpoints/{endpoint_id}")
        assert gone.status_code == 204
        assert_problem(api.get(path), 404, "not-found")
    world.event(account)
    world.deliver()
    assert len(world.receiver.requests) == 6  # nothing more after removal
