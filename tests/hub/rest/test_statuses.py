"""Statuses and transport failures become typed hub errors in the provider's words; Retry-After is read safely."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from hub.sdk import (
    MissingPermission,
    NotFound,
    ProviderAuthError,
    ProviderErrors,
    ProviderResponseError,
    ProviderUnreachable,
    RateLimited,
    parse_retry_after,
)

from .conftest import BASE, ERRORS

NOW = datetime(2025, 6, 2, 9, 30, tzinfo=UTC)


def answer(status: int, path: str = "/employees", **kwargs) -> httpx.Response:
    return httpx.Response(status, request=httpx.Request("GET", BASE + path), **kwargs)


# -- Retry-After -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, seconds",
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("1.5", 1.5),
        ("-3", 0.0),
        ("86400", 300.0),
        ("inf", 300.0),
        ("nan", None),
        ("", None),
        (None, None),
        ("soon", None),
        (format_datetime(NOW + timedelta(seconds=90), usegmt=True), 90.0),
        (format_datetime(NOW - timedelta(hours=1), usegmt=True), 0.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
    ],
)
def test_retry_after_takes_seconds_or_a_date_and_caps_them(value, seconds):
    assert parse_retry_after(value, now=NOW) == seconds


@given(st.text())
@example("1e309")
@example("Sun, 06 Nov 1994 08:49:37")
@example("Mon, 99 Foo 9999 99:99:99 GMT")
def test_any_retry_after_a_provider_sends_is_none_or_a_wait_within_five_minutes(value):
    seconds = parse_retry_after(value, now=NOW)
    assert seconds is None or 0.0 <= seconds <= 300.0


@given(st.integers(min_value=0, max_value=10**12))
def test_a_number_of_seconds_is_taken_as_it_is_up_to_five_minutes(seconds):
    assert parse_retry_after(str(seconds)) == min(seconds, 300)


# -- statuses ----------------------------------------------------------------------------------------


def test_401_is_an_auth_error_pointing_at_the_fields_named():
    errors = ProviderErrors(
        provider="acme", title="Acme", auth_remedy="Create a new key.", auth_fields={"api_key": "Check it."}
    )
    error = errors.for_response(answer(401))
    assert isinstance(error, ProviderAuthError)
    assert error.message == "Acme refused the credentials (401) on /employees."
    assert error.remedy == "Create a new key." and error.fields == {"api_key": "Check it."}
    assert error.provider == "acme"


def test_403_names_the_permission_the_path_needs_by_map_or_by_function():
    error = ERRORS.for_response(answer(403))
    assert isinstance(error, MissingPermission) and error.permissions == ["Read employees"]
    unknown = ERRORS.for_response(answer(403, "/payroll"))
    assert isinstance(unknown, MissingPermission) and unknown.permissions == []
    by_prefix = ProviderErrors(
        provider="acme", title="Acme", permissions=lambda path: "Payroll" if path.startswith("/pay") else None
    )
    assert by_prefix.for_response(answer(403, "/payroll/runs")).permissions == ["Payroll"]


def test_404_429_3xx_and_5xx():
    assert isinstance(ERRORS.for_response(answer(404)), NotFound)
    limited = ERRORS.for_response(answer(429, headers={"Retry-After": "30"}))
    assert isinstance(limited, RateLimited) and limited.retry_after == 30.0
    assert "it asks to wait 30 s" in limited.message
    moved = ERRORS.for_response(answer(302, headers={"Location": "http://169.254.169.254/"}))
    assert isinstance(moved, ProviderResponseError) and "never follows redirects" in moved.message
    assert moved.fields == {"base_url": "Check the API address."}
    failed = ERRORS.for_response(answer(503))
    assert isinstance(failed, ProviderResponseError)
    assert failed.message == "Acme answered 503 on /employees."


def test_a_provider_words_one_case_its_own_way_by_overriding_it():
    class Chatty(ProviderErrors):
        def detail(self, response: httpx.Response) -> str:
            return response.json().get("reason", "")

    errors = Chatty(provider="acme", title="Acme")
    error = errors.for_response(answer(400, json={"reason": "page must be positive"}))
    assert error.message == "Acme answered 400 on /employees: page must be positive."


@pytest.mark.parametrize(
    "exc, words, fields",
    [
        (httpx.ConnectTimeout("slow"), "did not answer /employees in time (ConnectTimeout)", True),
        (httpx.ReadTimeout("slow"), "did not answer /employees in time (ReadTimeout)", True),
        (httpx.ConnectError("refused"), "Could not reach Acme for /employees (ConnectError)", True),
        (httpx.RemoteProtocolError("cut"), "dropped the connection while answering /employees", False),
        (httpx.ReadError("reset"), "dropped the connection while answering /employees", False),
    ],
)
def test_transport_failures_say_whether_the_host_or_the_network_is_at_fault(exc, words, fields):
    error = ERRORS.for_transport(exc, "/employees")
    assert isinstance(error, ProviderUnreachable)
    assert words in error.message
    assert bool(error.fields) is fields
    assert error.remedy


def test_no_message_holds_what_was_sent():
    request = httpx.Request(
        "GET", BASE + "/employees?token=s3cret", headers={"Authorization": "Bearer s3cret"}
    )
    for status in (401, 403, 404, 429, 302, 500):
        error = ERRORS.for_response(httpx.Response(status, request=request))
        assert "s3cret" not in str(error) + str(error.to_problem())
