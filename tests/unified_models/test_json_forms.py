"""The JSON forms every model writes: instants in one RFC 3339 form, amounts as numbers, sensitive marks."""

import json
import re
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_models import (
    INSTANT_PATTERN,
    MODELS,
    SENSITIVE_FIELDS,
    Employee,
    Employment,
    TimeOffBalance,
    TimeOffRequest,
    format_instant,
)

INSTANT = re.compile(INSTANT_PATTERN)


def test_sensitive_fields_are_declared_on_the_fields_themselves():
    assert SENSITIVE_FIELDS == {
        "Employee": ("ethnicity", "national_id", "date_of_birth"),
        "Dependent": ("date_of_birth", "national_id", "is_disabled"),
        "BankInfo": ("account_number",),
    }
    schema = Employee.model_json_schema(mode="serialization")["properties"]
    assert {name for name, node in schema.items() if node.get("x-sensitive")} == set(
        SENSITIVE_FIELDS["Employee"]
    )


@given(
    st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.just(UTC)),
    st.integers(min_value=-23 * 60, max_value=23 * 60),
)
def test_every_instant_has_one_form(moment, offset_minutes):
    text = format_instant(moment.astimezone(timezone(timedelta(minutes=offset_minutes))))
    assert INSTANT.fullmatch(text)
    assert datetime.fromisoformat(text) == moment


def test_instants_and_amounts_in_model_json():
    moment = datetime(2025, 6, 2, 11, 30, tzinfo=timezone(timedelta(hours=2)))
    request = TimeOffRequest(
        id="r",
        remote_id="R",
        amount=Decimal("7.50"),
        start_time=moment,
        end_time=moment + timedelta(microseconds=120),
        created_at=moment,
    )
    body = json.loads(request.model_dump_json())
    assert body["amount"] == 7.5 and isinstance(body["amount"], float)
    assert body["start_time"] == body["created_at"] == "2025-06-02T09:30:00.000000Z"
    assert body["end_time"] == "2025-06-02T09:30:00.000120Z"
    assert request.model_dump(mode="json") == body
    assert request.model_dump()["amount"] == Decimal("7.50")  # Python keeps the exact Decimal
    balance = TimeOffBalance(
        id="b", balance=Decimal("40.00"), used=Decimal("0"), accrued=Decimal("123456789.12")
    )
    dumped = json.loads(balance.model_dump_json())
    assert (dumped["balance"], dumped["used"], dumped["accrued"]) == (40, 0, 123456789.12)
    assert all(isinstance(dumped[k], int) for k in ("balance", "used"))
    pay = Employment(id="e", remote_id="E", pay_rate=Decimal("337198.07"))
    assert Employment.model_validate_json(pay.model_dump_json()).pay_rate == Decimal("337198.07")


def test_custom_fields_keep_the_provider_types_and_instants_take_the_one_form():
    employee = Employee(
        id="x",
        remote_id="r",
        custom_fields={
            "Badge": 20853.0,
            "Seniority": 7,
            "Rate as text": "12.50",
            "Review": date(2024, 9, 1),
            "Scan": "2024-05-01T09:30:00+02:00",
            "Tag": "NW-1",
        },
    )
    body = json.loads(employee.model_dump_json())["custom_fields"]
    assert body == {
        "Badge": 20853.0,
        "Seniority": 7,
        "Rate as text": "12.50",
        "Review": "2024-09-01",
        "Scan": "2024-05-01T07:30:00.000000Z",
        "Tag": "NW-1",
    }


@pytest.mark.parametrize("cls", MODELS.values(), ids=lambda cls: cls.__name__)
def test_raw_redaction_list_is_written_only_beside_raw_data(cls):
    fields = {"remote_id": "R"} if "remote_id" in cls.model_fields else {}
    plain = cls(id="x", **fields)
    assert "remote_data_redacted" not in json.loads(plain.model_dump_json())
    with_raw = cls(
        id="x",
        remote_data={"person-details": {"ssn": None}},
        remote_data_redacted=["person-details.ssn"],
        **fields,
    )
    body = json.loads(with_raw.model_dump_json())
    assert body["remote_data_redacted"] == ["person-details.ssn"]
    assert cls.model_validate_json(with_raw.model_dump_json()) == with_raw
