"""Issue #15 B: a provider refusing its credentials is never answered as the caller's own 401."""

from hub.errors import ProviderAuthError, Unauthenticated

REJECTED = "provider-credentials-rejected"


def test_the_two_errors_cannot_be_confused():
    assert ProviderAuthError.status != 401 and ProviderAuthError.type != Unauthenticated.type
    assert Unauthenticated.status == 401


def test_a_wrong_provider_password_on_link_is_not_401(world, assert_problem):
    client = world.customer()
    answer = client.post(
        "/v1/accounts",
        json={"connector": "ukg_pro", "credentials": {**world.creds, "password": "Wr0ng-Secret!"}},
    )
    body = assert_problem(answer, 422, REJECTED)
    assert "www-authenticate" not in answer.headers
    assert "Wr0ng-Secret!" not in answer.text
    assert body["errors"]  # the sign-in fields to check


def test_a_sync_meeting_a_provider_401_is_not_401(world, assert_problem):
    client = world.customer()
    answer = client.post("/v1/accounts", json={"connector": "ukg_pro", "credentials": world.creds})
    account = answer.json()
    world.sb.expire_password(world.sb.username)
    try:
        ran = client.post(f"/v1/accounts/{account['id']}/sync", params={"wait": "true"})
        assert ran.status_code != 401, ran.text
        text = ran.text
        assert REJECTED in text
        # The hub API key still works: nothing told the client its own key is wrong.
        assert client.get("/v1/accounts").status_code == 200
    finally:
        world.sb.accounts[world.sb.username].password_expired = False
