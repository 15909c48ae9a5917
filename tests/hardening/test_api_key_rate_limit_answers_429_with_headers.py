"""Every API key has a request rate: RateLimit-* headers on each answer, 429 with Retry-After past it."""

import httpx

from hub import Hub
from hub.api import create_app
from hub.api.ratelimit import Rate, RateLimits
from hub.serving import serve_in_thread


def test_a_key_past_its_rate_gets_429_and_every_answer_says_what_remains(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    monkeypatch.delenv("HRISHUB_SECRET_KEY", raising=False)
    hub = Hub(database_url=f"sqlite:///{tmp_path / 'hub.db'}")
    _, key = hub.store.customers.add("noisy")
    _, other = hub.store.customers.add("quiet")
    app = create_app(hub, rate_limits=RateLimits(api=Rate(3), link=Rate(1)))
    try:
        with serve_in_thread(app) as url, httpx.Client(base_url=url, timeout=30) as client:
            auth = {"Authorization": f"Bearer {key}"}
            answers = [client.get("/v1/accounts", headers=auth) for _ in range(4)]
            assert [a.status_code for a in answers] == [200, 200, 200, 429]
            assert [a.headers["RateLimit-Remaining"] for a in answers] == ["2", "1", "0", "0"]
            assert all(a.headers["RateLimit-Limit"] == "3" for a in answers)
            assert all(int(a.headers["RateLimit-Reset"]) >= 1 for a in answers)
            refused = answers[-1]
            assert int(refused.headers["Retry-After"]) >= 1
            assert refused.headers["content-type"] == "application/problem+json"
            assert refused.json()["type"].endswith("/too-many-requests") and refused.json()["remedy"]
            # Another key has its own bucket.
            assert client.get("/v1/accounts", headers={"Authorization": f"Bearer {other}"}).status_code == 200
            # Linking routes spend the tighter bucket: the second link attempt is refused before it runs.
            body = {"connector": "ukg_pro", "credentials": {}}
            first = client.post("/v1/accounts", json=body, headers={"Authorization": f"Bearer {other}"})
            assert first.status_code == 422 and first.headers["RateLimit-Limit"] == "1"
            second = client.post("/v1/accounts", json=body, headers={"Authorization": f"Bearer {other}"})
            assert second.status_code == 429 and "linking requests" in second.json()["detail"]
    finally:
        hub.close()
