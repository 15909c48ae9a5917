"""``stable_id``: the hub's opaque id, the same on every run and process, distinct for distinct records."""

import os
import subprocess
import sys
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unified_models import stable_id
from unified_models.ids import NAMESPACE, stable_id_maker, stable_id_text_maker

# Pinned: every stored id derives from these; a change here is a breaking change for every account.
PINNED_NAMESPACE = uuid.UUID("74e76d8f-dfeb-5dd5-a73a-49d8adcded3e")
PINNED_EMPLOYEE_ID = "c1daa834-7abe-5625-8570-d3e2bde0dcea"

key_parts = st.one_of(st.none(), st.text(), st.integers(), st.booleans())


def reference(connector, model, key):
    name = "\x1f".join([connector, model, *("" if part is None else str(part) for part in key)])
    return str(uuid.uuid5(NAMESPACE, name))


def test_namespace_is_pinned():
    assert NAMESPACE == PINNED_NAMESPACE


def test_known_value_is_pinned():
    assert stable_id("ukg_pro", "Employee", ("C1", "E1")) == PINNED_EMPLOYEE_ID


@settings(max_examples=100)
@given(st.text(), st.text(), st.lists(key_parts, max_size=4))
def test_equals_uuid5_of_the_joined_parts(connector, model, key):
    assert stable_id(connector, model, key) == reference(connector, model, key)


def test_is_a_version_5_uuid_string():
    value = stable_id("ukg_pro", "Employee", ("C1", "E1"))
    parsed = uuid.UUID(value)
    assert str(parsed) == value
    assert parsed.version == 5
    assert parsed.variant == uuid.RFC_4122


def test_is_deterministic_within_and_across_processes():
    here = stable_id("ukg_pro", "Employee", ("C1", 42, None))
    assert stable_id("ukg_pro", "Employee", ["C1", 42, None]) == here
    code = "from unified_models import stable_id; print(stable_id('ukg_pro', 'Employee', ('C1', 42, None)))"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        assert out.stdout.strip() == here


@pytest.mark.parametrize(
    "other",
    [
        ("ukg_pro", "Employee", ("C1", "E2")),  # another key
        ("ukg_pro", "Employee", ("C2", "E1")),
        ("ukg_pro", "Employee", ("C1", "E1", "")),  # a longer key
        ("ukg_pro", "Employee", ("C1E1",)),  # parts are separated
        ("ukg_pro", "Employment", ("C1", "E1")),  # another model
        ("workday", "Employee", ("C1", "E1")),  # another connector
    ],
)
def test_differs_for_another_key_model_or_connector(other):
    assert stable_id(*other) != stable_id("ukg_pro", "Employee", ("C1", "E1"))


def test_none_parts_are_empty_strings():
    assert stable_id("c", "m", ("a", None)) == stable_id("c", "m", ("a", ""))
    assert stable_id("c", "m", (1, 2)) == stable_id("c", "m", ("1", "2"))


@settings(max_examples=30)
@given(st.lists(st.text().filter(lambda part: "\x1f" not in part), min_size=2, max_size=30, unique=True))
def test_distinct_keys_give_distinct_ids(parts):
    # parts hold no separator, so distinct keys are distinct names and must give distinct ids
    assert len({stable_id("ukg_pro", "Employee", ("C1", part)) for part in parts}) == len(parts)


@settings(max_examples=100)
@given(st.text(), st.text(), st.lists(key_parts, max_size=4))
def test_a_maker_makes_the_same_ids(connector, model, key):
    assert stable_id_maker(connector, model)(key) == stable_id(connector, model, key)


@settings(max_examples=100)
@given(st.text(), st.text(), st.lists(key_parts, min_size=1, max_size=4))
def test_a_text_maker_makes_the_same_ids_from_the_joined_parts(connector, model, key):
    text = "\x1f".join("" if part is None else str(part) for part in key)
    assert stable_id_text_maker(connector, model)(text) == stable_id(connector, model, key)
