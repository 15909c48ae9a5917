"""The models refuse what the spec forbids: assignment, unknown fields, missing ids, bad codes and times."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from pydantic import ValidationError

from unified_models import (
    MODELS,
    Address,
    Employee,
    Employment,
    EmploymentStatus,
    FieldSource,
    TimeOffBalance,
    TimeOffRequest,
)
from unified_models.scalars import canonical_custom_value

PLUS_TWO = timezone(timedelta(hours=2))


def minimal(name: str, **fields):
    keys = {"id": "x"} if name == "TimeOffBalance" else {"id": "x", "remote_id": "r"}
    return MODELS[name](**keys, **fields)


def test_assignment_raises(full_instance):
    for field in type(full_instance).model_fields:
        with pytest.raises(ValidationError, match="frozen"):
            setattr(full_instance, field, None)
    with pytest.raises(ValidationError, match="frozen"):
        full_instance.not_a_field = None


@pytest.mark.parametrize("value", [Address(city="Austin"), FieldSource(label="Department")])
def test_value_objects_are_frozen(value):
    field = next(iter(type(value).model_fields))
    with pytest.raises(ValidationError, match="frozen"):
        setattr(value, field, "x")


@pytest.mark.parametrize("name", sorted(MODELS))
def test_unknown_fields_are_refused(name):
    with pytest.raises(ValidationError, match=r"extra_forbidden|Extra inputs"):
        minimal(name, departmnet_id="typo")


@pytest.mark.parametrize("cls", [Address, FieldSource])
def test_unknown_fields_are_refused_by_value_objects(cls):
    with pytest.raises(ValidationError):
        cls(country_code="US")


@pytest.mark.parametrize("name", sorted(MODELS))
def test_id_is_required(name):
    keys = {} if name == "TimeOffBalance" else {"remote_id": "r"}
    with pytest.raises(ValidationError, match="id"):
        MODELS[name](**keys)
    assert minimal(name).id == "x"


@pytest.mark.parametrize("name", sorted(set(MODELS) - {"TimeOffBalance"}))
def test_remote_id_is_required_where_the_model_has_a_provider_key(name):
    with pytest.raises(ValidationError, match="remote_id"):
        MODELS[name](id="x")


def test_balance_remote_id_is_optional():
    assert TimeOffBalance(id="x").remote_id is None


@pytest.mark.parametrize("name", sorted(MODELS))
def test_defaults_are_none_and_not_deleted(name):
    record = minimal(name)
    for field in type(record).model_fields:
        if field not in {"id", "remote_id", "remote_was_deleted"}:
            assert getattr(record, field) is None, field
    assert record.remote_was_deleted is False


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [
        ("Employee", "employment_status", "active"),
        ("Employee", "employment_status", "TERMINATED"),
        ("Employee", "gender", "F"),
        ("Employee", "ethnicity", "ASIAN"),
        ("Employee", "marital_status", "MARRIED"),
        ("Employment", "pay_period", "ANNUAL"),
        ("Employment", "pay_frequency", "BIWEEKLY "),
        ("Employment", "flsa_status", "EXEMPT_"),
        ("TimeOffPolicy", "unit", "WEEKS"),
        ("TimeOffRequest", "status", "PENDING"),
        ("Group", "type", "SQUAD"),
        ("Location", "location_type", "OFFICE"),
    ],
)
def test_invalid_enum_values_are_refused(name, field, value):
    with pytest.raises(ValidationError, match=field):
        minimal(name, **{field: value})


def test_enum_accepts_its_string_value_and_serialises_as_it():
    employee = minimal("Employee", employment_status="LEAVE")
    assert employee.employment_status is EmploymentStatus.LEAVE
    dumped = employee.model_dump(mode="json")["employment_status"]
    assert dumped == "LEAVE"
    assert type(dumped) is str
    assert '"employment_status":"LEAVE"' in employee.model_dump_json()


@pytest.mark.parametrize("country", ["us", "USA", "U", "U1", "", " US", "Us"])
def test_invalid_country_is_refused(country):
    with pytest.raises(ValidationError, match="country"):
        Address(country=country)


@pytest.mark.parametrize("country", ["US", "DE", "GB"])
def test_valid_country_is_accepted(country):
    assert Address(country=country).country == country


@pytest.mark.parametrize("currency", ["usd", "US", "USDD", "€"])
def test_invalid_currency_is_refused(currency):
    with pytest.raises(ValidationError, match="pay_currency"):
        minimal("Employment", pay_currency=currency)


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("Employee", "modified_at"),
        ("Employee", "created_at"),
        ("Employee", "remote_modified_at"),
        ("Employee", "remote_created_at"),
        ("TimeOffRequest", "start_time"),
        ("TimeOffRequest", "end_time"),
        ("Company", "modified_at"),
    ],
)
def test_naive_datetimes_are_refused(name, field):
    with pytest.raises(ValidationError, match=field):
        minimal(name, **{field: datetime(2024, 1, 1, 9, 0)})
    with pytest.raises(ValidationError, match=field):
        MODELS[name].model_validate_json(f'{{"id": "x", "remote_id": "r", "{field}": "2024-01-01T09:00:00"}}')


def test_instants_are_normalised_to_utc():
    request = minimal("TimeOffRequest", start_time=datetime(2024, 7, 1, 9, 0, tzinfo=PLUS_TWO))
    assert request.start_time == datetime(2024, 7, 1, 7, 0, tzinfo=UTC)
    assert request.start_time.tzinfo is UTC
    parsed = TimeOffRequest.model_validate_json(
        '{"id": "x", "remote_id": "r", "end_time": "2024-07-01T09:00:00+02:00"}'
    )
    assert parsed.end_time.tzinfo is UTC
    assert parsed.end_time.hour == 7


def test_an_instant_outside_utc_range_is_a_validation_error():
    with pytest.raises(ValidationError, match="outside the range"):
        minimal("Company", modified_at=datetime(1, 1, 1, tzinfo=PLUS_TWO))


def test_dates_are_dates_and_money_is_decimal():
    employment = Employment.model_validate_json(
        '{"id": "x", "remote_id": "r", "effective_date": "2024-01-01", "pay_rate": "12.50"}'
    )
    assert employment.effective_date == date(2024, 1, 1)
    assert employment.pay_rate == Decimal("12.50")
    assert str(employment.pay_rate) == "12.50"
    with pytest.raises(ValidationError):
        minimal("Employment", pay_rate=Decimal("NaN"))


def test_group_ids_is_an_immutable_sequence_that_dumps_as_an_array():
    employee = minimal("Employee", group_ids=["a", "b"])
    assert employee.group_ids == ("a", "b")
    assert '"group_ids":["a","b"]' in employee.model_dump_json()


def test_nested_address_is_validated():
    with pytest.raises(ValidationError, match=r"home_address\.country"):
        Employee(id="x", remote_id="r", home_address={"country": "usa"})
    with pytest.raises(ValidationError, match="home_address"):
        Employee(id="x", remote_id="r", home_address={"street": "1 Main"})


def test_field_sources_hold_field_source_objects():
    employee = minimal("Employee", field_sources={"gender": {"api_name": "gender", "source_value": "F"}})
    assert employee.field_sources["gender"] == FieldSource(api_name="gender", source_value="F")
    with pytest.raises(ValidationError):
        minimal("Employee", field_sources={"gender": {"api": "gender"}})


NY = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (True, True),
        (False, False),
        (7, 7),
        (-0.5, -0.5),
        ("M", "M"),
        ("", ""),
        ("00123", "00123"),  # a code stays text
        ("123", "123"),
        ("1E+3", "1E+3"),
        ("+1.5", "+1.5"),
        ("1.5e-3", "1.5e-3"),
        ("12.50", Decimal("12.50")),  # the JSON form of a Decimal reads back as one
        ("-0.075", Decimal("-0.075")),
        ("1.5E-7", Decimal("1.5E-7")),
        (Decimal("0.075"), Decimal("0.075")),
        (Decimal("5"), 5),  # a whole-number Decimal is an int
        (Decimal("1E+2"), 100),
        ("2024-05-01", date(2024, 5, 1)),
        ("2024-02-30", "2024-02-30"),
        ("2024-5-1", "2024-5-1"),
        (date(2024, 5, 1), date(2024, 5, 1)),
        ("2024-05-01T09:30:00Z", datetime(2024, 5, 1, 9, 30, tzinfo=UTC)),
        ("2024-05-01T09:30:00.5+02:00", datetime(2024, 5, 1, 7, 30, 0, 500000, tzinfo=UTC)),
        ("2024-05-01T09:30:00", "2024-05-01T09:30:00"),  # naive text stays text
        (datetime(2024, 5, 1, 4, 30, tzinfo=NY), datetime(2024, 5, 1, 9, 30, tzinfo=UTC)),
    ],
)
def test_custom_field_values_are_canonical(value, expected):
    result = canonical_custom_value(value)
    assert result == expected
    assert type(result) is type(expected)
    if isinstance(result, datetime):
        assert result.tzinfo is UTC


@pytest.mark.parametrize(
    "value",
    [
        float("nan"),
        float("inf"),
        Decimal("NaN"),
        Decimal("-Infinity"),
        datetime(2024, 1, 1),
        [1, 2],
        {"a": 1},
        b"bytes",
        object(),
    ],
)
def test_custom_field_values_of_other_types_are_refused(value):
    with pytest.raises(ValueError):
        canonical_custom_value(value)
    with pytest.raises(ValidationError, match="custom_fields"):
        minimal("Employee", custom_fields={"x": value})
