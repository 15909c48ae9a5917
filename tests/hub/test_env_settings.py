"""Numeric operator settings: a malformed value stops the hub naming the variable and the fix."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hub.env_settings import positive_number
from hub.errors import InvalidSetting

NAME = "HRISHUB_TEST_SECONDS"


@pytest.mark.parametrize("text", ["0", "-5", "nan", "inf", "-inf", "soon", "1e999", "7,5"])
def test_anything_but_a_positive_finite_number_is_refused_with_its_fix(monkeypatch, text):
    monkeypatch.setenv(NAME, text)
    with pytest.raises(InvalidSetting) as caught:
        positive_number(NAME, 7200, unit="seconds")
    assert caught.value.message == f"{NAME} is {text!r}, not a positive number of seconds."
    assert caught.value.remedy == f"Set {NAME} to a positive number of seconds, e.g. 7200."


@given(st.floats(min_value=1e-6, max_value=1e12))
def test_a_positive_number_is_read_as_typed(value):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(NAME, f"  {value!r} ")
        assert positive_number(NAME, 1, unit="days") == value


def test_unset_or_empty_is_the_default(monkeypatch):
    monkeypatch.delenv(NAME, raising=False)
    assert positive_number(NAME, 30, unit="days") == 30
    monkeypatch.setenv(NAME, "  ")
    assert positive_number(NAME, 30, unit="days") == 30
