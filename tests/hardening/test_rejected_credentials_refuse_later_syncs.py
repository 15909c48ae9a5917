"""A provider 401 on sync marks the account; later syncs refuse without calling it until credentials change."""

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub

UKG = "https://service4.ultipro.com"


def test_a_401_marks_the_account_and_later_syncs_refuse_until_the_credentials_change(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    monkeypatch.delenv("HRISHUB_SECRET_KEY", raising=False)
    sb = Sandbox(employees=5, seed=4)
    hub = Hub(
        transport=sb.transport(),
        settings=HttpSettings(retry_initial_wait=0.01, max_attempts=2),
        database_url=f"sqlite:///{tmp_path / 'hub.db'}",
    )
    try:
        account = hub.link("ukg_pro", sb.credentials(UKG))
        sb.expire_password(sb.username)
        first = hub.sync(account)
        assert first.status == "failed" and hub.accounts()[0].status == "needs_attention"
        assert "relink" in first.errors[0]["remedy"]

        service = sb.accounts[sb.username]
        service.password, service.password_expired = "Rotated!Password#2", False
        requests = [0]
        transport = hub.settings.transport
        assert transport is not None
        original = transport.handle_async_request

        async def counting(request):  # type: ignore[no-untyped-def]
            requests[0] += 1
            return await original(request)

        transport.handle_async_request = counting  # type: ignore[method-assign]
        again = hub.sync(account)
        assert again.status == "failed" and requests[0] == 0  # the provider was not called
        assert [e["type"] for e in again.errors] == ["credentials-rejected"]
        assert "credentials" in again.errors[0]["remedy"]

        hub.update_credentials(account, {**sb.credentials(UKG), "password": service.password})
        assert hub.accounts()[0].status == "linked"
        assert hub.sync(account).status == "succeeded"
    finally:
        hub.close()
