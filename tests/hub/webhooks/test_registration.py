"""Registration refuses URLs, event types and accounts a customer may not use, naming the field and a fix."""

from __future__ import annotations

import ipaddress
import string
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.errors import InvalidWebhookEndpoint
from tests.hub.api.conftest import assert_problem
from tests.hub.webhooks.conftest import WebhookWorld, served

LABEL = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=12)
PUBLIC_NAME = st.builds(lambda a, b: f"{a}.{b}.com", LABEL, LABEL)
PATH = st.text(string.ascii_letters + string.digits + "/-_", max_size=30).map(lambda p: "/" + p)


def _not_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_private or ip.is_link_local or ip.is_loopback


def _host(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    return f"[{ip}]" if ip.version == 6 else str(ip)


BAD_URLS = st.one_of(
    # schemes that are not http(s)
    st.builds(
        lambda scheme, host, path: f"{scheme}://{host}{path}",
        st.sampled_from(["ftp", "file", "gopher", "ws", "wss", "javascript", "data", "ldap", "httpx"]),
        PUBLIC_NAME,
        PATH,
    ),
    # a user name or password in the URL
    st.builds(
        lambda user, password, host, path: f"https://{user}{password}@{host}{path}",
        LABEL,
        st.one_of(st.just(""), LABEL.map(lambda p: ":" + p)),
        PUBLIC_NAME,
        PATH,
    ),
    # plain http to a public host
    st.builds(lambda host, path: f"http://{host}{path}", PUBLIC_NAME, PATH),
    # literal private, link-local and loopback addresses (loopback is not allowed by default)
    st.builds(
        lambda ip, path: f"https://{_host(ip)}{path}",
        st.ip_addresses().filter(_not_public),
        PATH,
    ),
    # over-long
    st.integers(2001, 5000).map(lambda n: "https://hooks.example.com/" + "a" * n),
    # garbage: no scheme, no host, a port that is not one
    st.text(max_size=60).filter(lambda s: not s.lower().startswith("http")),
    st.builds(lambda host: f"https://{host}:99999/hooks", PUBLIC_NAME),
    st.builds(lambda host: f"https://{host}:0/hooks", PUBLIC_NAME),
    # spaces and control characters anywhere (urlsplit drops some, httpx refuses them)
    st.builds(
        lambda url, at, char: url[:at] + char + url[at:],
        st.builds(lambda host, path: f"https://{host}{path}", PUBLIC_NAME, PATH),
        st.integers(0, 60),
        st.sampled_from([" ", "\n", "\r", "\t", "\x00", "\x7f", "\u2028", "\xa0"]),
    ),
    st.sampled_from(["https://", "https:///hooks", "https://[::1/hooks", "//hooks.example.com/x", "   "]),
)


def _url_issue(error: InvalidWebhookEndpoint) -> Any:
    (issue,) = error.issues
    assert issue.field == "url"
    assert issue.message and issue.fix
    return issue


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(url=BAD_URLS)
def test_a_bad_url_is_refused_naming_url_and_a_fix(world: WebhookWorld, url: str):
    with pytest.raises(InvalidWebhookEndpoint) as refused:
        world.endpoints.add(world.customer_id, url)
    _url_issue(refused.value)
    assert refused.value.to_problem()["errors"][0]["field"] == "url"
    assert world.endpoints.all(world.customer_id) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(host=PUBLIC_NAME, path=PATH)
def test_an_https_url_to_a_public_name_is_registered(world: WebhookWorld, host: str, path: str):
    endpoint, secret = world.endpoints.add(world.customer_id, f"https://{host}{path}")
    assert endpoint.url == f"https://{host}{path}" and secret.startswith("whsec_")
    world.endpoints.remove(endpoint.id)


def test_unknown_event_types_are_refused(world: WebhookWorld):
    with pytest.raises(InvalidWebhookEndpoint) as refused:
        world.endpoints.add(
            world.customer_id,
            "https://hooks.example.com/x",
            event_types=["employee.created", "employee.hired"],
        )
    (issue,) = refused.value.issues
    assert issue.field == "event_types" and "employee.hired" in issue.message and issue.fix


def test_another_customers_accounts_are_refused(world: WebhookWorld):
    mine = world.link()
    other, _ = world.hub.store.customers.add("someone-else")
    theirs = world.link(customer_id=other.id)
    with pytest.raises(InvalidWebhookEndpoint) as refused:
        world.endpoints.add(world.customer_id, "https://hooks.example.com/x", account_ids=[mine, theirs])
    (issue,) = refused.value.issues
    assert issue.field == "account_ids" and theirs in issue.message and mine not in issue.message
    assert issue.fix
    # and changing an endpoint cannot add them either
    endpoint_id, _ = world.add(account_ids=[mine])
    with pytest.raises(InvalidWebhookEndpoint):
        world.endpoints.update(endpoint_id, customer_id=world.customer_id, account_ids=[theirs])
    assert world.endpoints.get(endpoint_id).account_ids == (mine,)


def test_over_the_api_each_bad_field_is_a_422_problem_naming_it(world: WebhookWorld):
    other, _ = world.hub.store.customers.add("someone-else")
    theirs = world.link(customer_id=other.id)
    bodies = {
        "url": [
            {"url": "ftp://hooks.example.com/x"},
            {"url": "https://user:pw@hooks.example.com/x"},
            {"url": "http://hooks.example.com/x"},
            {"url": "https://169.254.169.254/latest/meta-data"},
            {"url": "https://10.0.0.5/x"},
            {"url": "https://hooks.example.com/" + "a" * 2001},
            {"url": "not a url"},
        ],
        "event_types": [{"url": "https://hooks.example.com/x", "event_types": ["employee.hired"]}],
        "account_ids": [{"url": "https://hooks.example.com/x", "account_ids": [theirs]}],
    }
    with served(world) as api:
        for field, cases in bodies.items():
            for body in cases:
                answer = api.post("/v1/webhook-endpoints", json=body)
                problem = assert_problem(answer, 422, "invalid-webhook-endpoint")
                assert [e["field"] for e in problem["errors"]] == [field], body
                assert all(e["fix"] for e in problem["errors"])
        assert api.get("/v1/webhook-endpoints").json()["results"] == []
        made = api.post("/v1/webhook-endpoints", json={"url": "https://hooks.example.com/x"})
        assert made.status_code == 201, made.text
        changed = api.patch(f"/v1/webhook-endpoints/{made.json()['id']}", json={"url": "http://10.0.0.5/"})
        assert [e["field"] for e in assert_problem(changed, 422, "invalid-webhook-endpoint")["errors"]] == [
            "url"
        ]
