"""Every model survives JSON exactly: ``M.model_validate_json(m.model_dump_json()) == m``."""

import types
import typing
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from unified_models import (
    MODELS,
    Address,
    Amount,
    CountryCode,
    CurrencyCode,
    CustomFieldValue,
    Employee,
    FieldSource,
    UtcDatetime,
)


def assert_round_trip(record: BaseModel) -> None:
    model = type(record)
    text = record.model_dump_json()
    again = model.model_validate_json(text)
    assert again == record
    assert again.model_dump_json() == text
    assert model.model_validate(record.model_dump()) == record
    assert model.model_validate(record.model_dump(mode="json")) == record


def test_fixture_instances_are_fully_populated(full_instance):
    unset = [field for field in type(full_instance).model_fields if getattr(full_instance, field) is None]
    assert not unset


def test_fully_populated_instance_round_trips(full_instance):
    assert_round_trip(full_instance)


def test_custom_field_types_survive_the_round_trip():
    values = {
        "Badge": "00123",
        "Seniority": 7,
        "FTE": 0.8,
        "Bonus rate": Decimal("0.075"),
        "Remote": True,
        "Review date": date(2024, 9, 1),
        "Last scan": datetime(2024, 9, 1, 13, 0, tzinfo=UTC),
        "Nickname": None,
    }
    employee = Employee(id="x", remote_id="r", custom_fields=values)
    again = Employee.model_validate_json(employee.model_dump_json())
    assert again.custom_fields == values
    assert {label: type(value) for label, value in again.custom_fields.items()} == {
        label: type(value) for label, value in values.items()
    }


# Strategies built from the annotations, so a field added later is covered without editing this file.
# Offsets with seconds and zones with folds are included on purpose: instants are stored in UTC.
timezones_ = st.one_of(
    st.timezones(),
    st.builds(
        timezone,
        st.timedeltas(min_value=timedelta(hours=-23, minutes=-59), max_value=timedelta(hours=23, minutes=59)),
    ),
)
instants = st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=timezones_)
decimals = st.decimals(allow_nan=False, allow_infinity=False)
# Amounts are JSON numbers, exact to 15 significant digits: money and hours as providers send them.
amounts = st.one_of(
    st.decimals(min_value=-(10**12), max_value=10**12, places=2),
    st.decimals(min_value=-(10**8), max_value=10**8, places=6),
    st.integers(min_value=-(10**30), max_value=10**30).map(Decimal),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3),
    max_leaves=8,
)
tricky_texts = st.sampled_from(
    ["2024-05-01", "2024-02-30", "12.50", "00123", "123", "1E+3", "2024-05-01T09:30:00+02:00", "0.0", "-0"]
)
custom_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    decimals,
    st.dates(),
    instants,
    st.text(),
    tricky_texts,
)
SCALARS = {
    str: st.text(),
    bool: st.booleans(),
    int: st.integers(),
    Decimal: decimals,
    Amount: amounts,
    date: st.dates(),
    UtcDatetime: instants,
    CountryCode: st.from_regex(r"[A-Z]{2}", fullmatch=True),
    CurrencyCode: st.from_regex(r"[A-Z]{3}", fullmatch=True),
    typing.Any: json_values,
}


def strategy_for(annotation):
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return strategy_for(inner)  # fully populated: never None
    for known, strategy in SCALARS.items():
        if annotation == known:
            return strategy
    if annotation == CustomFieldValue:
        return custom_values
    if origin is tuple:
        return st.lists(strategy_for(typing.get_args(annotation)[0]), max_size=3).map(tuple)
    if origin is dict:
        key, value = typing.get_args(annotation)
        if value == CustomFieldValue:
            return st.dictionaries(st.text(), custom_values, max_size=6)
        return st.dictionaries(strategy_for(key), strategy_for(value), max_size=3)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return st.sampled_from(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return populated(annotation)
    raise AssertionError(f"no strategy for {annotation!r}; add one")


def populated(model: type[BaseModel]):
    fields = {name: strategy_for(info.annotation) for name, info in model.model_fields.items()}
    return st.fixed_dictionaries(fields).map(lambda values: model(**values))


@pytest.mark.parametrize("cls", [*MODELS.values(), Address, FieldSource], ids=lambda cls: cls.__name__)
def test_any_fully_populated_instance_round_trips(cls):
    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(populated(cls))
    def check(record):
        assert_round_trip(record)

    check()
