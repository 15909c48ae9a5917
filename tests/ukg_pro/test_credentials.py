"""The five UKG Pro linking values: normalisation, the host allow-list, and errors that name the fix."""

import re
import unicodedata

import pytest
from hypothesis import event, example, given, settings
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


@pytest.mark.parametrize(
    ("subdomain", "domain"),
    [("", "http://127.0.0.1:8765"), ("", "127.0.0.1"), ("", "http://[::1]:8765/personnel")],
)
def test_a_loopback_host_names_the_setting_that_allows_a_local_sandbox(subdomain, domain):
    found = issues(subdomain=subdomain, domain=domain)
    (issue,) = found.values()
    assert "HRISHUB_SANDBOX_ORIGINS" in issue.message


def test_another_ip_address_does_not_suggest_a_sandbox():
    (issue,) = issues(subdomain="", domain="http://169.254.169.254").values()
    assert "IP address" in issue.message and "HRISHUB_SANDBOX_ORIGINS" not in issue.message


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


# -- hostile input: every field, every notation of a host -------------------------------------------------

FIELDS = ("username", "password", "customer_api_key", "domain", "subdomain")
OPERATOR = HttpSettings(allowed_domains=("ultipro.eu",))
OPERATOR_ALLOWED = re.compile(r"^https://[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.ultipro\.eu$")
HOST_FIX = re.compile(r"service4\.ultipro\.com.*only hosts under ", re.S)

fragments = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "\r\n",
        "\t",
        "\x00",
        "%00",
        "\x1b[31m",
        "\u200b",
        "\u202e",
        "\ufeff",
        "\ud800",
        "\\",
        "@",
        "#",
        ":",
        ":8443",
        "/",
        "//",
        "://",
        "?",
        ".",
        "..",
        "[::1]",
        "127.0.0.1",
        "0x7f000001",
        "2130706433",
        "169.254.169.254",
        "xn--",
        "ultiprо",  # Cyrillic o
        "ultipro.com",
        "ultipro.ca",
        "ultipro.eu",
        "evil.test",
        "service4",
        "https://",
        "http://",
        "file://",
        "G2ASY",
        "AcmeHubIntegration",
        "s3cret-Pa55",
    ]
)
any_text = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=20),
    st.lists(fragments, max_size=6).map("".join),
    st.builds(lambda piece, times: piece * times, st.text(min_size=1, max_size=3), st.integers(1, 40_000)),
)
any_value = any_text | st.none() | st.integers() | st.booleans() | st.lists(st.text(max_size=3), max_size=2)
plausible = {
    "username": st.sampled_from(["AcmeHubIntegration", "a", "Ünïcode_User"]),
    "password": st.sampled_from(["s3cret-Pa55", "pässwörd with spaces", "x"]),
    "customer_api_key": st.sampled_from(["G2ASY", "g2asy", " XY0XY "]),
    "domain": st.sampled_from(["ultipro.com", "ultipro.ca", "ultipro.eu", ""]),
    "subdomain": st.sampled_from(
        ["service4", "servicet", "https://service4.ultipro.com/services/X", "rental2"]
    ),
}


@settings(max_examples=300)
@given(
    values=st.fixed_dictionaries(
        {name: st.one_of(plausible[name], plausible[name], any_value) for name in FIELDS}
    ),
    extra=st.dictionaries(st.text(max_size=10), any_value, max_size=2),
    operator=st.booleans(),
)
@example(
    values={**GOOD, "subdomain": "service4", "password": "\ud800"}, extra={}, operator=False
)  # a lone surrogate once crashed the Basic-auth encoder after linking "succeeded"
@example(values={**GOOD, "subdomain": "2130706433"}, extra={}, operator=False)
@example(values={**GOOD, "subdomain": "", "domain": "169.254.169.254"}, extra={}, operator=False)
@example(values={**GOOD, "subdomain": "service4", "customer_api_key": "G2ASı"}, extra={}, operator=False)
@example(values={**GOOD, "subdomain": "x" * 100_000, "password": "p" * 100_000}, extra={}, operator=True)
def test_any_five_values_normalise_to_an_allowed_host_or_are_refused_field_by_field(values, extra, operator):
    settings = OPERATOR if operator else SETTINGS
    given_values = {**extra, **values}
    try:
        result = normalize_credentials(given_values, settings)
    except InvalidCredentials as error:
        assert error.issues
        for issue in error.issues:
            assert issue.field in FIELDS or issue.field in given_values, issue
            assert issue.message.strip() and issue.fix.strip(), issue
            assert len(str(issue)) < 1000, "a pasted megabyte must not be echoed back"
        assert set(error.fields) <= set(given_values) | set(FIELDS)
        assert error.to_problem()["errors"]
        event("refused")
        return
    event("accepted")
    assert set(result) == {*FIELDS, "base_url"}
    assert (OPERATOR_ALLOWED if operator else ALLOWED).match(result["base_url"]), result["base_url"]
    assert result["base_url"] == f"https://{result['subdomain']}.{result['domain']}"
    assert re.fullmatch(r"[A-Z0-9]{5}", result["customer_api_key"])
    for name in ("username", "password"):  # everything kept can be sent in a Basic-auth header
        result[name].encode("utf-8")
        assert result[name].strip()
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in result[name])


HOSTILE_HOSTS = [
    # IPs in every notation
    "127.0.0.1",
    "2130706433",
    "0x7f000001",
    "0x7f.0.0.1",
    "0177.0.0.1",
    "127.1",
    "0",
    "[::1]",
    "::1",
    "[::ffff:127.0.0.1]",
    "[0:0:0:0:0:ffff:7f00:1]",
    "10.0.0.1",
    # link-local and cloud metadata
    "169.254.169.254",
    "[fe80::1]",
    "metadata.google.internal",
    "fd00:ec2::254",
    "[fd00:ec2::254]",
    "localhost:8080",
    "service4.localhost",
    # userinfo
    "https://ultipro.com@evil.com",
    "https://service4.ultipro.com@evil.com/",
    "user:pass@service4.ultipro.com",
    "evil.com#@ultipro.com",
    "evil.com#@service4.ultipro.com",
    "evil.com?@service4.ultipro.com",
    # ports
    "service4.ultipro.com:8443",
    "service4.ultipro.com:22",
    "service4.ultipro.com:443",
    "service4.ultipro.com:",
    "service4.ultipro.com:0x1bb",
    # look-alikes
    "ultipro.com.evil.com",
    "service4.ultipro.com.evil.com",
    "evilultipro.com",
    "service4.evilultipro.com",
    "ultipro.co",
    "service4.ultipro.co",
    "u1tipro.com",
    "service4.u1tipro.com",
    "a.b.ultipro.com",
    "-service4.ultipro.com",
    "service_4.ultipro.com",
    "x" * 64 + ".ultipro.com",
    # non-ASCII, IDN homoglyphs and punycode
    "service4.ultiprо.com",  # Cyrillic o
    "servіce4.ultipro.com",  # Cyrillic i
    "ｓｅｒｖｉｃｅ4.ultipro.com",  # full-width
    "service4．ultipro．com",  # full-width dots
    "service4。ultipro。com",  # ideographic dots
    "service4.xn--ultipr-6ve.com",
    "xn--service4-9ob.ultipro.com",
    "xn--ultipro-xyz.com",
    # trailing dots, whitespace, NUL and escapes
    "service4.ultipro.com..",
    "service4 .ultipro.com",
    "service4\n.ultipro.com",
    "service4.ultipro.com\r\nHost: evil.com",
    "service4.ultipro.com%00",
    "service4.ultipro.com\x00",
    "\x00service4.ultipro.com",
    "service4%2eultipro.com",
    "service4.ultipro.com\u200b",
    # schemes, downgrade tricks, backslashes and path confusion
    "file:///etc/passwd",
    "file://service4.ultipro.com/x",
    "ftp://service4.ultipro.com",
    "gopher://service4.ultipro.com",
    "javascript:alert(1)",
    "https://evil.com/service4.ultipro.com",
    "https://evil.com?x=service4.ultipro.com",
    "//evil.com",
    "https:/evil.com",
    "https:evil.com",
    "http:\\\\evil.com",
    "service4.ultipro.com\\@evil.com",
    "https://service4.ultipro.com\\@evil.com",
    "https://evil.com\\.service4.ultipro.com",
]
GENUINE = [
    ("Service4.UltiPro.com.", "https://service4.ultipro.com"),
    ("SERVICE4.ULTIPRO.COM", "https://service4.ultipro.com"),
    ("http://service4.ultipro.com", "https://service4.ultipro.com"),  # downgrade is upgraded
    ("HTTP://ServiceT.UltiPro.com/services/BIDataService", "https://servicet.ultipro.com"),
    ("https://service3.ultipro.ca./", "https://service3.ultipro.ca"),
    (" service4.ultipro.com\n", "https://service4.ultipro.com"),  # the paste's own whitespace
]


def placements(value):
    """The same value typed into each place a host can be given."""
    url = value if "://" in value or value.startswith("//") else f"https://{value}/services/EmployeePerson"
    return {
        "subdomain": {"subdomain": value, "domain": ""},
        "domain": {"subdomain": "", "domain": value},
        "domain beside a subdomain": {"subdomain": "service4", "domain": value},
        "whole url": {"subdomain": url, "domain": "ultipro.com"},
    }


@pytest.mark.parametrize("value", HOSTILE_HOSTS)
def test_hostile_hosts_are_refused_in_every_place_naming_the_field_and_the_fix(value):
    for where, fields in placements(value).items():
        with pytest.raises(InvalidCredentials) as info:
            link(**fields)
        [issue] = info.value.issues
        holder = "subdomain" if where in ("subdomain", "whole url") else "domain"
        assert issue.field == holder, (where, issue)
        assert HOST_FIX.search(issue.fix), (where, issue)
        assert "ultipro.com or ultipro.ca" in issue.fix


@pytest.mark.parametrize(("value", "base_url"), GENUINE)
def test_genuine_ukg_hosts_in_any_case_or_with_a_trailing_dot_give_the_canonical_https_host(value, base_url):
    for where in ("subdomain", "domain") if value != value.strip() else ("subdomain", "domain", "whole url"):
        assert link(**placements(value)[where])["base_url"] == base_url, where


def test_the_operator_allow_list_replaces_ukg_domains_for_hostile_hosts_too():
    settings = HttpSettings(allowed_domains=("ultipro.eu",))
    for value in [
        "service9.ultipro.eu.evil.com",
        "service9.ultipro.com",
        "127.0.0.1",
        "xn--s-9ob.ultipro.eu",
    ]:
        with pytest.raises(InvalidCredentials) as info:
            normalize_credentials({**GOOD, "subdomain": value}, settings)
        assert "only hosts under ultipro.eu" in info.value.issues[0].fix
    # A blank domain means the operator's first domain, not ultipro.com.
    blank = normalize_credentials({**GOOD, "subdomain": "service9", "domain": ""}, settings)
    assert blank["base_url"] == "https://service9.ultipro.eu"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("username", "Acme\x00Hub"),
        ("username", "Acme\u200bHub"),
        ("username", "\ud800"),
        ("username", "A" * 101),
        ("password", "\ud800secret"),
        ("password", "secret\n"),
        ("password", "sec\x00ret"),
        ("password", "p" * 1001),
        ("customer_api_key", "G2ASı"),  # dotless i upper-cases to an ASCII I
        ("customer_api_key", "Ｇ2ASY"),
        ("customer_api_key", "G2ASY\x00"),
    ],
)
def test_values_no_request_could_carry_are_refused_by_field_without_echoing_secrets(field, value):
    with pytest.raises(InvalidCredentials) as info:
        link(subdomain="service4", **{field: value})
    assert info.value.fields == [field]
    if field == "password":
        assert value not in str(info.value)
