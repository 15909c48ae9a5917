"""The five UKG Pro linking values: normalisation, the host allow-list, and errors that name the fix."""

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from connectors.ukg_pro.credentials import CREDENTIALS_SCHEMA, normalize_credentials
from hub.connector import HttpSettings
from hub.errors import InvalidCredentials

SETTINGS = HttpSettings()
GOOD = {"username": "AcmeHubIntegration", "password": "s3cret-Pa55", "customer_api_key": "G2ASY"}
ALLOWED = re.compile(r"^https://[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.ultipro\.(com|ca)$")


def link(**fields):
    return normalize_credentials({**GOOD, **fields}, SETTINGS)


def issues(**fields):
    with pytest.raises(InvalidCredentials) as info:
        link(**fields)
    return {i.field: i for i in info.value.issues}


def test_schema_has_exactly_the_five_fields_with_help_and_a_write_only_password():
    props = CREDENTIALS_SCHEMA["properties"]
    assert list(props) == ["username", "password", "customer_api_key", "domain", "subdomain"]
    assert props["password"]["writeOnly"] is True
    assert props["domain"]["default"] == "ultipro.com"
    for name, prop in props.items():
        assert prop["title"] and prop["description"], name
    assert "Service Account Administration" in props["customer_api_key"]["description"]
    assert "Web Services" in props["subdomain"]["description"]


@pytest.mark.parametrize(
    ("subdomain", "domain", "base_url"),
    [
        ("service4", "ultipro.com", "https://service4.ultipro.com"),
        ("servicet", "", "https://servicet.ultipro.com"),
        ("http://servicet.ultipro.com/services/BIDataService", "ultipro.com", "https://servicet.ultipro.com"),
        ("Service4.UltiPro.com", "ultipro.com", "https://service4.ultipro.com"),
        ("  service4.ultipro.com  ", "", "https://service4.ultipro.com"),
        ("https://service4.ultipro.com/services/EmployeePerson", "", "https://service4.ultipro.com"),
        ("service3", "ultipro.ca", "https://service3.ultipro.ca"),
        ("", "https://service3.ultipro.ca/services/x", "https://service3.ultipro.ca"),
        ("service5", "service5.ultipro.com", "https://service5.ultipro.com"),
        ("rental4.ultipro.ca", "ultipro.com", "https://rental4.ultipro.ca"),
        ("service4.ultipro.com.", "", "https://service4.ultipro.com"),
    ],
)
def test_pasted_urls_hosts_and_parts_give_the_same_https_host(subdomain, domain, base_url):
    assert link(subdomain=subdomain, domain=domain)["base_url"] == base_url


HOSTILE = [
    ("service4", "ultipro.com.evil.test"),
    ("x", "evilultipro.com"),
    ("service4.ultipro.com.evil.test", ""),
    ("evilultipro.com", ""),
    ("127.0.0.1", ""),
    ("http://127.0.0.1:8765", ""),
    ("2130706433", "0"),
    ("0x7f.0.0.1", ""),
    ("0177.0.0.1", ""),
    ("[::1]", ""),
    ("http://[::ffff:169.254.169.254]/", ""),
    ("169.254.169.254", ""),
    ("metadata.google.internal", ""),
    ("user@service4.ultipro.com", ""),
    ("https://service4.ultipro.com@evil.test/", ""),
    ("service4.ultipro.com:8443", ""),
    ("servіce4.ultipro.com", ""),  # Cyrillic i
    ("service4.ultipro.com", "ultipro.cоm"),  # Cyrillic o in the (ignored) domain is fine only if unused
    ("xn--service4-9ob.ultipro.com.evil.test", ""),
    ("ftp://service4.ultipro.com", ""),
    ("file:///etc/passwd", ""),
    ("service4.ultipro.com\\@evil.test", ""),
    ("service4 .ultipro.com", ""),
    ("a.b.ultipro.com", ""),
    ("localhost", ""),
]


@pytest.mark.parametrize(("subdomain", "domain"), HOSTILE)
def test_hostile_hosts_are_refused_naming_the_field_and_what_valid_looks_like(subdomain, domain):
    try:
        result = link(subdomain=subdomain, domain=domain)
    except InvalidCredentials as error:
        [issue] = [i for i in error.issues if i.field in ("subdomain", "domain")]
        assert "service4.ultipro.com" in issue.fix
        return
    # The only acceptable non-refusal: the value named a genuine UKG host and the other field was ignored.
    assert ALLOWED.match(result["base_url"]), result["base_url"]


def test_every_problem_is_reported_at_once():
    found = issues(username="", password="", customer_api_key="abc", subdomain="", domain="")
    assert set(found) == {"username", "password", "customer_api_key", "subdomain"}
    assert "User API key" in found["customer_api_key"].fix


def test_customer_api_key_is_upper_cased_and_must_be_five_characters():
    assert link(customer_api_key=" g2asy ", subdomain="service4")["customer_api_key"] == "G2ASY"
    assert "customer_api_key" in issues(customer_api_key="G2AS", subdomain="service4")


def test_unknown_fields_are_refused_by_name():
    assert "user_api_key" in issues(subdomain="service4", user_api_key="ABCDEFGHIJKL")


def test_sandbox_origin_is_accepted_only_in_sandbox_mode():
    creds = {**GOOD, "subdomain": "", "domain": "http://127.0.0.1:8765"}
    sandbox = HttpSettings(sandbox_origins=frozenset({"http://127.0.0.1:8765"}))
    assert normalize_credentials(creds, sandbox)["base_url"] == "http://127.0.0.1:8765"
    with pytest.raises(InvalidCredentials):
        normalize_credentials(creds, SETTINGS)
    with pytest.raises(InvalidCredentials):
        normalize_credentials({**creds, "domain": "http://127.0.0.1:9999"}, sandbox)


def test_the_operator_can_replace_the_allowed_domains():
    settings = HttpSettings(allowed_domains=("ultipro.eu",))
    creds = {**GOOD, "subdomain": "service9", "domain": "ultipro.eu"}
    assert normalize_credentials(creds, settings)["base_url"] == "https://service9.ultipro.eu"
    with pytest.raises(InvalidCredentials):
        normalize_credentials({**creds, "domain": "ultipro.com"}, settings)


labels = st.from_regex(r"(service[t0-9]{0,2}|rental[2-5])", fullmatch=True)


@given(
    label=labels,
    domain=st.sampled_from(["ultipro.com", "ultipro.ca"]),
    scheme=st.sampled_from(["", "http://", "https://", "HTTPS://"]),
    path=st.sampled_from(["", "/", "/services/EmployeePerson", "/services/BIDataService?x=1"]),
    pad=st.sampled_from(["", " ", "\t"]),
    upper=st.booleans(),
    where=st.sampled_from(["subdomain", "domain"]),
)
def test_any_paste_form_of_a_ukg_host_normalises_to_the_same_host(
    label, domain, scheme, path, pad, upper, where
):
    host = f"{label}.{domain}"
    pasted = f"{pad}{scheme}{host.upper() if upper else host}{path}{pad}"
    fields = (
        {"subdomain": pasted, "domain": domain}
        if where == "subdomain"
        else {"subdomain": "", "domain": pasted}
    )
    assert link(**fields)["base_url"] == f"https://{host}"
    assert link(subdomain=label, domain=domain)["base_url"] == f"https://{host}"


@given(subdomain=st.text(max_size=60), domain=st.text(max_size=60))
@example(subdomain="service4.ultipro.com@169.254.169.254", domain="")
@example(subdomain="", domain="ultipro.com#@evil.test")
def test_any_typed_host_either_is_refused_cleanly_or_is_a_ukg_host(subdomain, domain):
    try:
        result = link(subdomain=subdomain, domain=domain)
    except InvalidCredentials as error:
        assert error.issues and all(i.fix for i in error.issues)
        return
    assert ALLOWED.match(result["base_url"]), result["base_url"]


@given(tail=st.text(min_size=4, max_size=40), key=st.text(max_size=10))
def test_the_password_never_appears_in_an_error(tail, key):
    password = "Zq#" + tail  # a distinctive prefix so the check is not fooled by common words
    try:
        normalize_credentials(
            {**GOOD, "password": password, "customer_api_key": key, "subdomain": "bad host"}, SETTINGS
        )
    except InvalidCredentials as error:
        assert password not in str(error)
        assert password not in repr(error.to_problem())
