"""The redaction processor: whatever a secret looks like, where it sits, it never reaches a log line."""

import string

from hypothesis import given
from hypothesis import strategies as st

from hub.observability.redaction import REDACTED, redact_event, scrub_text, secret_values, secrets_scrubbed

SECRETS = st.text(alphabet=string.ascii_letters + string.digits + "!#$*+-./:=_~", min_size=12, max_size=60)
NAMES = st.sampled_from(
    ["password", "Password", "client_secret", "api_key", "X-Api-Key", "access_token", "customer_api_key"]
)


@given(secret=SECRETS, name=NAMES)
def test_a_secret_under_a_secret_name_is_dropped_wherever_it_nests(secret, name):
    event = {
        "event": "calling",
        name: secret,
        "nested": {"headers": [{name: secret}], "ok": "kept"},
    }
    out = redact_event(None, "info", event)
    assert secret not in repr(out)
    assert out[name] == REDACTED and out["nested"]["ok"] == "kept"


@given(secret=SECRETS.filter(lambda s: not s.startswith(("=", ":"))), name=NAMES)
def test_a_secret_written_into_text_as_name_value_is_dropped(secret, name):
    for text in (f"sent {name}={secret}&page=2", f'{{"{name}": "{secret}"}}', f"{name}: {secret} then"):
        assert secret not in scrub_text(text), text


@given(token=st.text(alphabet=string.ascii_letters + string.digits + "+/=._-", min_size=8, max_size=80))
def test_authorization_values_are_dropped(token):
    for scheme in ("Bearer", "Basic", "bearer"):
        assert token not in scrub_text(f"header Authorization: {scheme} {token}")


@given(secret=st.text(min_size=4, max_size=40).filter(lambda s: len(s.strip()) >= 4))
def test_the_values_in_use_are_dropped_whatever_their_shape(secret):
    with secrets_scrubbed([secret]):
        out = redact_event(None, "info", {"event": f"failed for {secret}!", "detail": ["x", f"<{secret}>"]})
        assert secret not in out["event"] and secret not in out["detail"][1]
    if scrub_text(secret) == secret:  # not a secret by its look: kept once the block ends
        assert redact_event(None, "info", {"event": f"after: {secret}"})["event"] == f"after: {secret}"


def test_credentials_of_a_schema_are_secret_by_its_marks_not_by_their_names():
    schema = {"properties": {"pin": {"type": "string", "writeOnly": True}, "host": {"type": "string"}}}
    values = {"pin": "1234-5678", "host": "hr.example.com", "username": "svc", "password": "pw-123456"}
    assert sorted(secret_values(values, schema)) == ["1234-5678", "pw-123456"]


def test_urls_keep_their_shape_and_lose_their_user_info_and_secret_parameters():
    text = scrub_text("GET https://svc:pa55word@hr.example.com/v1/people?token=abcdef123&page=3")
    assert text == f"GET https://{REDACTED}@hr.example.com/v1/people?token={REDACTED}&page=3"


def test_plain_operational_text_is_left_alone():
    text = "sync of acct_123 run_456: 40 records read in 2.5 s; next page=3; status=succeeded"
    assert scrub_text(text) == text
