"""Many sandbox tenants on one host, told apart by their Customer API key (as UKG's shared hosts do)."""

import httpx

from connectors.ukg_pro.sandbox.tenants import TenantHost, tenant_key
from hub import Hub
from hub.serving import serve_in_thread


def test_each_customer_api_key_reaches_its_own_tenant_and_unknown_keys_are_refused(monkeypatch):
    host = TenantHost(3, employees=4, seed=40)
    with serve_in_thread(host) as base:
        monkeypatch.setenv("HRISHUB_SANDBOX_ORIGINS", base)
        hub = Hub()
        first = hub.link("ukg_pro", host.credentials(1, base))
        third = hub.link("ukg_pro", host.credentials(3, base))
        for account in (first, third):
            assert hub.sync(account).status == "succeeded"
        names = [{e.last_name for e in hub.employees(a).list(page_size=100).results} for a in (first, third)]
        assert all(names) and names[0] != names[1]
        # A key no tenant has, and one past the host's count, get UKG's 401.
        for key in ("ZZ999", tenant_key(4)):
            answer = httpx.get(f"{base}/personnel/v1/person-details", headers={"US-Customer-Api-Key": key})
            assert answer.status_code == 401
        stats = httpx.get(f"{base}/_sandbox/host").json()
        assert stats["made"] == 2 and stats["requests"] > 0 and stats["peak_in_flight"] >= 1
        assert httpx.post(f"{base}/_sandbox/host").json()["requests"] == 0
        hub.close()
