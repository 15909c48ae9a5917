"""DESIGN.md's public Python API, live against the UKG Pro sandbox served over real HTTP on loopback."""

from datetime import date

import pytest

from connectors.ukg_pro.sandbox import Sandbox, run_server
from hub import HttpSettings, Hub
from hub.errors import InvalidCredentials, MissingPermission, NotSupported, ProviderAuthError
from unified_models import Employee, EmploymentStatus

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def served():
    sb = Sandbox(employees=40, seed=5)
    with run_server(sb) as base_url:
        yield sb, base_url


@pytest.fixture
def hub(served):
    _, base_url = served
    return Hub(
        settings=HttpSettings(sandbox_origins=frozenset({base_url}), retry_initial_wait=0.01, max_attempts=3)
    )


@pytest.fixture
def creds(served):
    sb, base_url = served
    return sb.credentials(base_url)


def test_link_reports_every_permission_granted(hub, creds):
    account = hub.link("ukg_pro", creds)
    assert account.permissions.missing == ()
    assert all(
        status.enabled
        for name, status in account.permissions.actions.items()
        if name != "time_off_requests.list"
    )
    assert "password" not in repr(account) and creds["password"] not in repr(account)


def test_every_supported_action_returns_the_whole_tenant(hub, creds):
    account = hub.link("ukg_pro", creds)
    employees = hub.employees(account).list(page_size=1000)
    assert not employees.errors
    ids = [e.id for e in employees.results]
    assert len(ids) == len(set(ids)) >= 40
    assert all(isinstance(e, Employee) for e in employees.results)
    assert any(e.employment_status == EmploymentStatus.INACTIVE for e in employees.results)
    for accessor in (
        "employments",
        "time_off_policies",
        "time_off_balances",
        "groups",
        "locations",
        "companies",
    ):
        page = getattr(hub, accessor)(account).list(page_size=1000)
        assert page.results and not page.errors, accessor
    companies = {c.id for c in hub.companies(account).list().results}
    assert {e.company_id for e in employees.results} <= companies
    departments = {g.id for g in hub.groups(account).list(page_size=1000).results}
    assert {e.department_id for e in employees.results if e.department_id} <= departments


def test_cursor_pages_cover_everything_once_and_get_finds_by_id(hub, creds):
    account = hub.link("ukg_pro", creds)
    seen, cursor = [], None
    while True:
        page = hub.employees(account).list(page_size=7, cursor=cursor)
        seen += [e.id for e in page.results]
        cursor = page.next_cursor
        if cursor is None:
            break
    everyone = hub.employees(account).list(page_size=1000).results
    assert seen == [e.id for e in everyone]
    one = everyone[3]
    assert hub.employees(account).get(one.id) == one


async def test_the_same_names_can_be_awaited(hub, creds):
    account = await hub.alink("ukg_pro", creds)
    page = await hub.employees(account).alist(page_size=5)
    assert len(page.results) == 5


def test_wrong_password_is_a_provider_auth_error_with_the_ukg_remedy(hub, creds):
    with pytest.raises(ProviderAuthError) as info:
        hub.link("ukg_pro", {**creds, "password": "wrong-Passw0rd"})
    assert "case-sensitive" in info.value.remedy and "Service Account Administration" in info.value.remedy
    assert "wrong-Passw0rd" not in str(info.value)


def test_a_missing_permission_disables_its_actions_and_names_what_to_tick(hub, creds, served):
    sb, _ = served
    sb.revoke(creds["username"], "PTO Plan Integration")
    try:
        account = hub.link("ukg_pro", creds)
        status = account.permissions.actions["time_off_balances.list"]
        assert not status.enabled and status.missing == ("PTO Plan Integration",)
        with pytest.raises(MissingPermission) as info:
            hub.time_off_balances(account).list()
        assert info.value.permissions == ["PTO Plan Integration"]
        assert hub.employees(account).list(page_size=2).results
    finally:
        sb.grant(creds["username"], "PTO Plan Integration")


def test_unsupported_time_off_requests_and_bad_fields_are_clear(hub, creds):
    account = hub.link("ukg_pro", creds)
    with pytest.raises(NotSupported, match="no time-off requests"):
        hub.time_off_requests(account).list()
    with pytest.raises(InvalidCredentials) as info:
        hub.link(
            "ukg_pro", {**creds, "customer_api_key": "abc", "subdomain": "", "domain": "http://10.0.0.1"}
        )
    assert set(info.value.fields) == {"customer_api_key", "domain"}


def test_hub_transport_drives_the_connector_in_process_without_a_socket():
    sb = Sandbox(employees=12, seed=9)
    hub = Hub(transport=sb.transport())
    account = hub.link("ukg_pro", sb.credentials("https://service4.ultipro.com"))
    assert account.credentials.reveal()["base_url"] == "https://service4.ultipro.com"
    assert len(hub.employees(account).list(page_size=100).results) >= 12


def test_a_record_described_by_several_provider_rows_is_listed_once(hub, creds):
    account = hub.link("ukg_pro", creds)
    policies = hub.time_off_policies(account).list(page_size=1000).results
    balances = hub.time_off_balances(account).list(page_size=1000).results
    assert len({p.id for p in policies}) == len(policies) < len(balances)


def test_future_hires_in_the_tenant_are_pending(hub, creds):
    account = hub.link("ukg_pro", creds)
    employees = hub.employees(account).list(page_size=1000).results
    pending = [e for e in employees if e.employment_status == EmploymentStatus.PENDING]
    assert pending and all(e.hire_date is not None and e.hire_date > date.today() for e in pending)


def test_an_account_can_take_its_department_from_another_label_or_level(hub, creds):
    from hub.accounts import AccountOptions

    plain = hub.link("ukg_pro", creds)
    by_label = hub.link(
        "ukg_pro",
        creds,
        options=AccountOptions(overrides={"Employee": {"department_id": {"label": "Cost Center"}}}),
    )
    by_level = hub.link(
        "ukg_pro",
        creds,
        options=AccountOptions(overrides={"Employee": {"department_id": {"label": "Org Level 2"}}}),
    )
    groups = {g.id: g for g in hub.groups(plain).list(page_size=1000).results}
    default = hub.employees(plain).list(page_size=1000).results
    assert {groups[e.department_id].label for e in default if e.department_id} == {"Department"}
    for account in (by_label, by_level):
        employees = hub.employees(account).list(page_size=1000).results
        assert {groups[e.department_id].level for e in employees if e.department_id} == {2}


def test_sensitive_fields_are_returned_only_when_the_account_allows(hub, creds):
    from hub.accounts import AccountOptions

    default = hub.link("ukg_pro", creds)
    allowed = hub.link("ukg_pro", creds, options=AccountOptions(include_sensitive=True))
    hidden = hub.employees(default).list(page_size=1000, include_raw=True, include_sources=True).results
    shown = hub.employees(allowed).list(page_size=1000).results
    assert all(e.national_id is None and e.date_of_birth is None and e.ethnicity is None for e in hidden)
    assert all("national_id" not in (e.field_sources or {}) for e in hidden)
    # Raw data comes with UKG's sensitive members null, and named.
    assert all(e.remote_data["person-details"]["ssn"] is None for e in hidden)
    assert all(
        {"person-details.ssn", "person-details.dateOfBirth"} <= set(e.remote_data_redacted) for e in hidden
    )
    assert any(e.national_id for e in shown) and any(e.date_of_birth for e in shown)
