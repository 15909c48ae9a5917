"""The UKG Pro client against the sandbox's faults: what it survives and how it fails when it cannot."""

import httpx
import pytest

from connectors.ukg_pro.client import UkgProClient
from connectors.ukg_pro.endpoints import Endpoint
from connectors.ukg_pro.sandbox import Sandbox
from hub.connector import HttpSettings
from hub.errors import (
    MissingPermission,
    ProviderAuthError,
    ProviderResponseError,
    ProviderUnreachable,
    RateLimited,
)

BASE = "https://service4.ultipro.com"
PEOPLE = "/personnel/v1/person-details"


def client_for(sb, **settings):
    creds = {**sb.credentials(BASE), "base_url": BASE}
    options = {"transport": sb.transport(), "retry_initial_wait": 0.01, "max_attempts": 4, **settings}
    return UkgProClient(creds, HttpSettings(**options))


async def read_all(client, endpoint):
    rows = []
    async for page in client.pages(endpoint):
        rows.extend(page)
    return rows


SMALL_PAGES = Endpoint(PEOPLE, page_size=10)


@pytest.fixture(scope="module")
def sb():
    return Sandbox(employees=35, seed=2)


@pytest.fixture(autouse=True)
def clean_faults(sb):
    sb.faults.reset()
    yield
    sb.faults.reset()


@pytest.fixture(scope="module")
def everyone(sb):
    import asyncio

    return asyncio.run(read_all(client_for(sb), SMALL_PAGES))


def ids(rows):
    return [(r["companyId"], r["employeeId"]) for r in rows]


@pytest.mark.parametrize(
    "faults",
    [
        {"rate_limit_every": 3, "retry_after": 0},
        {"rate_limit_every": 3, "retry_after": None},
        {"error_burst": (500, 2)},
        {"error_burst": (502, 2)},
        {"error_burst": (503, 3)},
        {"drop_connection": 2},
        {"malformed_page": (PEOPLE, 2)},
        {"serve_page_twice": (PEOPLE, 1)},
    ],
    ids=["429+retry-after", "429", "500", "502", "503", "dropped", "malformed", "repeated-page"],
)
async def test_transient_faults_are_retried_and_every_record_arrives_once(sb, everyone, faults):
    sb.faults.update(faults)
    rows = await read_all(client_for(sb), SMALL_PAGES)
    assert ids(rows) == ids(everyone)
    assert len(set(ids(rows))) == len(rows) >= 35


async def test_a_read_past_the_timeout_is_retried(sb, everyone):
    sb.faults.update({"stall_seconds": 2.0, "stall_count": 1})
    rows = await read_all(client_for(sb, read_timeout=0.3), SMALL_PAGES)
    assert ids(rows) == ids(everyone)


async def test_retries_are_bounded_and_end_in_a_typed_error_with_a_remedy(sb):
    sb.faults.update({"error_burst": (503, 50)})
    with pytest.raises(ProviderResponseError) as info:
        await read_all(client_for(sb, max_attempts=3), SMALL_PAGES)
    assert "503" in info.value.message
    sb.faults.reset()
    sb.faults.update({"rate_limit_every": 1, "retry_after": 0})
    with pytest.raises(RateLimited):
        await read_all(client_for(sb, max_attempts=3), SMALL_PAGES)
    sb.faults.reset()
    sb.faults.update({"stall_seconds": 2.0, "stall_count": 10})
    with pytest.raises(ProviderUnreachable) as unreachable:
        await read_all(client_for(sb, read_timeout=0.2, max_attempts=2), SMALL_PAGES)
    assert "domain and subdomain" in unreachable.value.remedy


async def test_a_malformed_page_that_never_heals_names_the_endpoint(sb):
    sb.faults.update({"malformed_page": (PEOPLE, 1), "malformed_count": 50})
    with pytest.raises(ProviderResponseError) as info:
        await read_all(client_for(sb, max_attempts=2), SMALL_PAGES)
    assert PEOPLE in info.value.message


async def test_401_and_403_become_hub_errors_naming_what_to_check(sb):
    creds = {**sb.credentials(BASE), "base_url": BASE, "password": "nope"}
    bad = UkgProClient(creds, HttpSettings(transport=sb.transport()))
    with pytest.raises(ProviderAuthError) as auth:
        await bad.probe()
    assert "case-sensitive" in auth.value.remedy
    user = sb.credentials(BASE)["username"]
    sb.revoke(user, "Employee Compensation Details")
    try:
        with pytest.raises(MissingPermission) as info:
            await read_all(client_for(sb), Endpoint("/personnel/v1/compensation-details"))
        assert info.value.permissions == ["Employee Compensation Details"]
        held = await client_for(sb).check_permissions(
            ["Employee Compensation Details", "Personnel Integration"]
        )
        assert held == {"Employee Compensation Details": False, "Personnel Integration": True}
    finally:
        sb.grant(user, "Employee Compensation Details")


async def test_paging_either_spelling_legacy_cap_and_unpaged_config(sb, everyone):
    assert len(await read_all(client_for(sb), Endpoint(PEOPLE))) == len(everyone)  # one big page, then stop
    lower_cap = await read_all(client_for(sb, page_prefetch=3), Endpoint(PEOPLE, page_size=500))
    assert ids(lower_cap) == ids(everyone)
    plans = await read_all(
        client_for(sb), Endpoint("/personnel/v1/pto-plans", page_param="per_page", page_size=7)
    )
    assert len(plans) > 7
    client = client_for(sb)
    await read_all(client, Endpoint("/configuration/v1/org-levels", paged=False))
    assert client.requests == 1


async def test_the_server_cap_below_the_requested_size_loses_nothing():
    sb = Sandbox(employees=250, seed=4, legacy_paging=True)
    rows = await read_all(client_for(sb), Endpoint(PEOPLE))  # asks 10,000, the tenant caps at 100
    assert len({(r["companyId"], r["employeeId"]) for r in rows}) == len(rows) >= 250


async def test_redirects_are_never_followed():
    def redirect(request):
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest"})

    creds = {"username": "u", "password": "p", "customer_api_key": "ABCDE", "subdomain": "service4"}
    client = UkgProClient(
        {**creds, "domain": "ultipro.com"}, HttpSettings(transport=httpx.MockTransport(redirect))
    )
    with pytest.raises(ProviderResponseError, match="never follows redirects"):
        await client.probe()


async def test_no_more_requests_in_flight_than_the_account_allows():
    import asyncio

    from hub.sdk import AdaptiveLimiter

    limiter = AdaptiveLimiter(3)
    peak = 0

    async def request():
        nonlocal peak
        async with limiter.slot():
            peak = max(peak, limiter.in_flight)
            await asyncio.sleep(0.01)

    await asyncio.gather(*(request() for _ in range(20)))
    assert peak == 3
    await limiter.throttled()
    await limiter.throttled()
    assert limiter.limit == 1  # halved twice on 429, never below one
    peak = 0
    await asyncio.gather(*(request() for _ in range(5)))
    assert peak == 1
    for _ in range(40):
        await limiter.succeeded()
    assert limiter.limit == 3  # eased back up while requests succeed


async def test_faults_over_real_http_on_loopback(everyone):
    from connectors.ukg_pro.sandbox import run_server

    sb = Sandbox(employees=35, seed=2)
    sb.faults.update({"error_burst": (502, 2), "drop_connection": 1, "rate_limit_every": 4, "retry_after": 0})
    with run_server(sb) as base_url:
        creds = {**sb.credentials(base_url), "base_url": base_url}
        settings = HttpSettings(
            retry_initial_wait=0.01, max_attempts=5, sandbox_origins=frozenset({base_url})
        )
        async with UkgProClient(creds, settings) as client:
            rows = await read_all(client, SMALL_PAGES)
    assert ids(rows) == ids(everyone)


async def test_a_host_that_answers_but_is_not_ukg_points_to_the_host_fields():
    # A web server that is not UKG's web services: every path is 404 (a mock transport, nothing sent).
    def elsewhere(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, text="<html>Not Found</html>")

    creds = {**Sandbox(employees=1, seed=1).credentials(BASE), "base_url": BASE}
    client = UkgProClient(creds, HttpSettings(transport=httpx.MockTransport(elsewhere), max_attempts=1))
    with pytest.raises(ProviderUnreachable) as caught:
        await client.probe()
    await client.aclose()
    assert "not as UKG Pro's web services do" in caught.value.message
    assert set(caught.value.fields) == {"domain", "subdomain"}
    assert "Check the id" not in str(caught.value)
