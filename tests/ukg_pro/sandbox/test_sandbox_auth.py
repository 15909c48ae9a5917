"""Authentication (401) and permissions (403) as UKG Pro checks them."""

from __future__ import annotations

import base64
from types import SimpleNamespace

import httpx
import pytest

from connectors.ukg_pro.sandbox import ENDPOINTS, PERMISSIONS, Sandbox

PATH = "/personnel/v1/person-details"


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def concrete(sb: Sandbox, template: str) -> str:
    e = sb.tenant.employments[1]
    code = "ATL01" if "/locations/" in template else "SWE1"
    return (
        template.replace("{employeeId}", e.employee_id)
        .replace("{companyId}", e.company.company_id)
        .replace("{code}", code)
        .replace("{table}", "GENDER")
    )


def test_default_account_has_every_permission_and_realistic_credentials(sb: Sandbox) -> None:
    account = sb.accounts["HrisHubSandbox"]
    assert all(account.can(p) for p in PERMISSIONS)
    assert not account.can(PERMISSIONS[0], "Delete")
    creds = sb.credentials()
    assert set(creds) == {"username", "password", "customer_api_key", "domain", "subdomain"}
    assert creds["customer_api_key"] == "SBX01"
    assert len(creds["password"]) >= 12
    assert (creds["domain"], creds["subdomain"]) == ("ultipro.com", "service4")
    # A loopback sandbox goes whole into the subdomain field, as an admin pastes a web-service URL there.
    assert sb.credentials("http://127.0.0.1:8765")["subdomain"] == "http://127.0.0.1:8765"
    assert sb.credentials("http://127.0.0.1:8765")["domain"] == "ultipro.com"
    assert account.password not in repr(account)
    assert "password" not in account.to_dict()


def test_the_password_is_derived_from_the_seed(kit: SimpleNamespace) -> None:
    one, two, other = (
        kit.make_sandbox(employees=5),
        kit.make_sandbox(employees=5),
        kit.make_sandbox(5, seed=99),
    )
    assert one.password == two.password != other.password
    assert any(not c.isalnum() for c in one.password)


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("wrong_user", "unknown_user"),
        ("wrong_case_user", "unknown_user"),
        ("wrong_password", "wrong_password"),
        ("wrong_key", "wrong_api_key"),
        ("lower_case_key", "wrong_api_key"),
        ("missing_key", "missing_api_key"),
        ("missing_authorization", "missing_authorization"),
        ("bearer_scheme", "malformed_authorization"),
        ("garbled_base64", "malformed_authorization"),
        ("inactive", "inactive"),
        ("expired", "password_expired"),
    ],
)
async def test_401_variants(sb: Sandbox, anonymous: httpx.AsyncClient, case: str, reason: str) -> None:
    good = sb.auth_headers()
    headers = dict(good)
    if case == "wrong_user":
        headers["Authorization"] = basic("SomeoneElse", sb.password)
    elif case == "wrong_case_user":
        headers["Authorization"] = basic(sb.username.lower(), sb.password)
    elif case == "wrong_password":
        headers["Authorization"] = basic(sb.username, sb.password + "x")
    elif case == "wrong_key":
        headers["US-Customer-Api-Key"] = "XXXXX"
    elif case == "lower_case_key":
        headers["US-Customer-Api-Key"] = sb.customer_api_key.lower()
    elif case == "missing_key":
        del headers["US-Customer-Api-Key"]
    elif case == "missing_authorization":
        del headers["Authorization"]
    elif case == "bearer_scheme":
        headers["Authorization"] = "Bearer abc.def.ghi"
    elif case == "garbled_base64":
        headers["Authorization"] = "Basic %%%not-base64%%%"
    elif case == "inactive":
        sb.deactivate(sb.username)
    elif case == "expired":
        sb.expire_password(sb.username)
    response = await anonymous.get(PATH, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Basic")
    assert response.json() == {"message": "Authorization has been denied for this request."}
    assert sb.stats.auth_failures[reason] == 1


async def test_header_names_match_in_any_case(sb: Sandbox, anonymous: httpx.AsyncClient) -> None:
    good = sb.auth_headers()
    for key_name in ("us-customer-api-key", "US-CUSTOMER-API-KEY", "Us-Customer-Api-Key"):
        headers = {"AUTHORIZATION": good["Authorization"], key_name: sb.customer_api_key}
        assert (await anonymous.get(PATH, headers=headers)).status_code == 200
    scheme_lower = {
        "authorization": "basic " + good["Authorization"].split(" ", 1)[1],
        "us-customer-api-key": "SBX01",
    }
    assert (await anonymous.get(PATH, headers=scheme_lower)).status_code == 200


async def test_a_reactivated_account_works_again(sb: Sandbox, client: httpx.AsyncClient) -> None:
    sb.expire_password(sb.username)
    assert (await client.get(PATH)).status_code == 401
    sb.activate(sb.username)
    assert (await client.get(PATH)).status_code == 200


async def read(client: httpx.AsyncClient, sb: Sandbox, endpoint, headers) -> httpx.Response:
    """One read of an endpoint: a GET, or the POST with a date window that pay statements take."""
    url = concrete(sb, endpoint.path)
    if endpoint.method == "POST":
        window = {"startDate": "2025-01-01T00:00:00", "endDate": "2025-06-01T00:00:00"}
        return await client.post(url, json=window, headers=headers)
    params = {"dedCode": "MED"} if endpoint.required == ("dedCode",) else None
    return await client.get(url, params=params, headers=headers)


@pytest.mark.parametrize("permission", sorted({e.permission for e in ENDPOINTS}))
async def test_403_per_permission(sb: Sandbox, anonymous: httpx.AsyncClient, permission: str) -> None:
    sb.add_account("NarrowIntegration", "Narrow-Pass-1", [p for p in PERMISSIONS if p != permission])
    headers = sb.auth_headers("NarrowIntegration")
    for endpoint in ENDPOINTS:
        response = await read(anonymous, sb, endpoint, headers)
        expected = 403 if endpoint.permission == permission else 200
        assert response.status_code == expected, (endpoint.path, response.status_code)
    sb.grant("NarrowIntegration", permission)
    for endpoint in ENDPOINTS:
        response = await read(anonymous, sb, endpoint, headers)
        assert response.status_code == 200, endpoint.path


async def test_roles_other_than_view_do_not_read(sb: Sandbox, anonymous: httpx.AsyncClient) -> None:
    sb.add_account("Writer", "Writer-Pass-1", {"Employee Person Details": ["Add", "Edit"]})
    headers = sb.auth_headers("Writer")
    assert (await anonymous.get(PATH, headers=headers)).status_code == 403
    sb.grant("Writer", "Employee Person Details")
    assert (await anonymous.get(PATH, headers=headers)).status_code == 200
    sb.revoke("Writer", "Employee Person Details", roles=["View"])
    assert (await anonymous.get(PATH, headers=headers)).status_code == 403
    assert sb.accounts["Writer"].can("Employee Person Details", "Edit")


def test_permission_names_are_checked(sb: Sandbox) -> None:
    with pytest.raises(ValueError, match="unknown permission"):
        sb.grant(sb.username, "Employee Person Detail")
    with pytest.raises(ValueError, match="unknown role"):
        sb.grant(sb.username, "Employee Export", roles=["Read"])


async def test_403_does_not_leak_data_and_401_comes_first(sb: Sandbox, anonymous: httpx.AsyncClient) -> None:
    sb.add_account("Nothing", "Nothing-Pass-1", [])
    response = await anonymous.get(PATH, headers=sb.auth_headers("Nothing"))
    assert response.status_code == 403
    assert "employeeId" not in response.text
    response = await anonymous.get("/personnel/v1/no-such-thing")
    assert response.status_code == 401


async def test_admin_endpoints_change_accounts(sb: Sandbox, anonymous: httpx.AsyncClient) -> None:
    created = await anonymous.post(
        "/_sandbox/accounts",
        json={"username": "Ops", "password": "Ops-Pass-1", "permissions": ["Employee Export"]},
    )
    assert created.status_code == 201
    assert created.json()["permissions"] == {"Employee Export": ["View"]}
    headers = sb.auth_headers("Ops")
    assert (await anonymous.get(PATH, headers=headers)).status_code == 403
    grant = await anonymous.post(
        "/_sandbox/accounts/Ops/grant", json={"permissions": ["Employee Person Details"]}
    )
    assert grant.status_code == 200
    assert (await anonymous.get(PATH, headers=headers)).status_code == 200
    await anonymous.post("/_sandbox/accounts/Ops/revoke", json={"permissions": ["Employee Person Details"]})
    assert (await anonymous.get(PATH, headers=headers)).status_code == 403
    await anonymous.post("/_sandbox/accounts/Ops/grant", json={"permissions": ["Employee Person Details"]})
    await anonymous.post("/_sandbox/accounts/Ops/expire")
    assert (await anonymous.get(PATH, headers=headers)).status_code == 401
    await anonymous.post("/_sandbox/accounts/Ops/renew")
    assert (await anonymous.get(PATH, headers=headers)).status_code == 200
    await anonymous.post("/_sandbox/accounts/Ops/deactivate")
    assert (await anonymous.get(PATH, headers=headers)).status_code == 401
    assert (await anonymous.post("/_sandbox/accounts/Nobody/expire")).status_code == 404
    bad = await anonymous.post("/_sandbox/accounts/Ops/grant", json={"permissions": ["Employee Stuff"]})
    assert bad.status_code == 400
