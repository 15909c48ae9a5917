"""The generated typed client (clients/python, ``hrishub_client``) drives a hub served on loopback.

A customer with its API key links the Tiny HRIS sandbox, syncs it and reads employees, every answer a
typed model parsed from the wire: the contract in docs/openapi.json holds against the running hub.
"""

import datetime
import time

import pytest
from hrishub_client import AuthenticatedClient, Client
from hrishub_client.api.accounts import create_account, get_account, list_accounts
from hrishub_client.api.connectors import list_connectors
from hrishub_client.api.hris import get_employee, list_employees
from hrishub_client.api.syncs import get_account_sync, sync_account
from hrishub_client.models import (
    AccountList,
    AccountOut,
    ConnectorList,
    Employee,
    EmployeeListed,
    EmployeeListedPage,
    LinkRequest,
    LinkRequestCredentials,
    Problem,
    Run,
    SyncRequest,
    SyncStarted,
)
from hrishub_client.types import UNSET


@pytest.fixture
def api(world):
    """The generated client, authenticated with a new customer's API key."""
    _, key = world.hub.store.customers.add("typed-client")
    # An answer the document does not declare raises: the contract is held, not just parsed.
    with AuthenticatedClient(base_url=world.api_url, token=key, raise_on_unexpected_status=True) as client:
        yield client


def same(typed, wire) -> bool:
    """JSON values equal, an instant written with `+00:00` by the client equal to the hub's `Z` form."""
    if isinstance(typed, dict) and isinstance(wire, dict):
        return typed.keys() == wire.keys() and all(same(typed[k], wire[k]) for k in typed)
    if isinstance(typed, list) and isinstance(wire, list):
        return len(typed) == len(wire) and all(same(a, b) for a, b in zip(typed, wire, strict=True))
    if isinstance(typed, str) and isinstance(wire, str) and typed != wire and "T" in wire:
        return datetime.datetime.fromisoformat(typed) == datetime.datetime.fromisoformat(wire)
    return typed == wire


def link(api, world) -> AccountOut:
    body = LinkRequest(connector="tiny_hris", credentials=LinkRequestCredentials.from_dict(world.creds))
    account = create_account.sync(client=api, body=body)
    assert isinstance(account, AccountOut), account
    return account


def test_a_customer_links_syncs_and_reads_employees_through_the_typed_client(world, api):
    with Client(base_url=world.api_url) as anonymous:
        connectors = list_connectors.sync(client=anonymous)
    assert isinstance(connectors, ConnectorList)
    assert "tiny_hris" in [c.name for c in connectors.results]

    account = link(api, world)
    assert account.connector == "tiny_hris" and account.status == "linked"
    assert isinstance(account.created_at, datetime.datetime) and account.created_at.tzinfo is not None

    accounts = list_accounts.sync(client=api)
    assert isinstance(accounts, AccountList)
    assert [a.id for a in accounts.results] == [account.id]

    # The body is optional, but openapi-python-client 0.29 sends its UNSET marker as JSON when left out.
    started = sync_account.sync(account.id, client=api, body=SyncRequest())
    assert isinstance(started, SyncStarted) and started.account_id == account.id
    run = get_account_sync.sync(account.id, started.run_id, client=api)
    deadline = time.monotonic() + 60
    while isinstance(run, Run) and run.status == "running" and time.monotonic() < deadline:
        time.sleep(0.1)
        run = get_account_sync.sync(account.id, started.run_id, client=api)
    assert isinstance(run, Run) and run.status == "succeeded", run

    employees: list[EmployeeListed] = []
    cursor = UNSET
    while True:
        page = list_employees.sync(client=api, x_account_id=account.id, page_size=15, cursor=cursor)
        assert isinstance(page, EmployeeListedPage)
        employees += page.results
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert employees and all(isinstance(e, EmployeeListed) for e in employees)
    assert len({e.id for e in employees}) == len(employees)

    # Every typed record says what the wire said: nothing lost or renamed in the generated models.
    raw = world.anonymous().get(
        "/v1/hris/employees",
        params={"page_size": 1000},
        headers={"Authorization": f"Bearer {api.token}", "X-Account-Id": account.id},
    )
    assert len(employees) == len(raw.json()["results"])
    for typed, wire in zip(employees, raw.json()["results"], strict=True):
        assert same(typed.to_dict(), wire), (typed.id, typed.to_dict(), wire)

    one = get_employee.sync(employees[0].remote_id, client=api, x_account_id=account.id)
    assert isinstance(one, Employee) and one.id == employees[0].id
    if employees[0].hire_date:
        assert isinstance(employees[0].hire_date, datetime.date)


def test_an_error_comes_back_as_a_typed_problem(world, api):
    missing = get_account.sync_detailed("acct_nonexistent", client=api)
    assert missing.status_code == 404
    assert isinstance(missing.parsed, Problem)
    assert missing.parsed.type_ == "https://hrishub.dev/problems/not-found"
    assert missing.parsed.status == 404 and missing.parsed.remedy


def test_another_customers_key_sees_none_of_the_accounts(world, api):
    account = link(api, world)
    _, other_key = world.hub.store.customers.add("typed-client-other")
    with AuthenticatedClient(base_url=world.api_url, token=other_key) as other:
        assert list_accounts.sync(client=other).results == []
        hidden = get_account.sync_detailed(account.id, client=other)
    assert hidden.status_code == 404 and isinstance(hidden.parsed, Problem)
