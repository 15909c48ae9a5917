"""The `type` parsers: tables of input → output, and hypothesis for round trips and totality."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from field_maps import (
    MappingError,
    make_datetime_parser,
    parse_boolean,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_integer,
    parse_number,
    parse_string,
)
from field_maps.parsers import PARSERS, _from_groups, is_empty

EMPTIES = [None, "", " ", "\t\n"]


@pytest.mark.parametrize("parser", list(PARSERS.values()))
@pytest.mark.parametrize("value", EMPTIES)
def test_every_parser_reads_empty_as_missing(parser: Any, value: Any) -> None:
    assert parser(value) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-09-20", date(2021, 9, 20)),
        ("2021-09-20T00:00:00", date(2021, 9, 20)),
        ("2023-03-29T08:24:30.16", date(2023, 3, 29)),
        ("2023-03-29 08:24:30", date(2023, 3, 29)),
        ("1/1/1996 12:00:00 AM", date(1996, 1, 1)),
        ("12/31/1999 11:59:59 PM", date(1999, 12, 31)),
        ("1/1/1996", date(1996, 1, 1)),
        (" 2021-09-20 ", date(2021, 9, 20)),
        ("2021-09-20T23:30:00-05:00", date(2021, 9, 20)),  # the date as written, not moved to UTC
        (date(2020, 2, 29), date(2020, 2, 29)),
        (datetime(2020, 2, 29, 13, 0), date(2020, 2, 29)),
    ],
)
def test_parse_date(text: Any, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-09-20T00:00:00", datetime(2021, 9, 20, tzinfo=UTC)),
        ("2023-03-29T08:24:30.16", datetime(2023, 3, 29, 8, 24, 30, 160000, tzinfo=UTC)),
        ("2023-03-29T08:24:30.1", datetime(2023, 3, 29, 8, 24, 30, 100000, tzinfo=UTC)),
        ("2023-03-29T08:24:30.1234567", datetime(2023, 3, 29, 8, 24, 30, 123456, tzinfo=UTC)),
        ("2023-03-29 08:24", datetime(2023, 3, 29, 8, 24, tzinfo=UTC)),
        ("2021-09-20", datetime(2021, 9, 20, tzinfo=UTC)),
        ("2021-09-20T08:24:30Z", datetime(2021, 9, 20, 8, 24, 30, tzinfo=UTC)),
        ("2021-09-20T08:24:30+05:30", datetime(2021, 9, 20, 2, 54, 30, tzinfo=UTC)),
        ("2021-09-20T08:24:30.5-0400", datetime(2021, 9, 20, 12, 24, 30, 500000, tzinfo=UTC)),
        ("1/1/1996 12:00:00 AM", datetime(1996, 1, 1, tzinfo=UTC)),
        ("1/1/1996 12:00:00 PM", datetime(1996, 1, 1, 12, tzinfo=UTC)),
        ("3/7/2024 1:05:09 pm", datetime(2024, 3, 7, 13, 5, 9, tzinfo=UTC)),
        ("3/7/2024 13:05", datetime(2024, 3, 7, 13, 5, tzinfo=UTC)),
        ("1/1/1996", datetime(1996, 1, 1, tzinfo=UTC)),
        (datetime(2020, 1, 1, 12), datetime(2020, 1, 1, 12, tzinfo=UTC)),
        (date(2020, 1, 1), datetime(2020, 1, 1, tzinfo=UTC)),
    ],
)
def test_parse_datetime_gives_aware_utc(text: Any, expected: datetime) -> None:
    result = parse_datetime(text)
    assert result == expected
    assert result.tzinfo is UTC


def test_naive_times_are_read_in_the_account_time_zone() -> None:
    new_york = make_datetime_parser("America/New_York")
    assert new_york("2023-03-29T08:24:30") == datetime(2023, 3, 29, 12, 24, 30, tzinfo=UTC)  # EDT
    assert new_york("1/15/2023 8:00:00 AM") == datetime(2023, 1, 15, 13, 0, tzinfo=UTC)  # EST
    assert new_york("2023-03-29T08:24:30Z") == datetime(2023, 3, 29, 8, 24, 30, tzinfo=UTC)  # offset wins
    with pytest.raises(ValueError, match="unknown time zone"):
        make_datetime_parser("Mars/Olympus_Mons")


@pytest.mark.parametrize(
    "text",
    [
        "20210920",
        "2021-W01-1",
        "2021-W01-1T00:00:00",
        "2021-13-01",
        "2021-02-30T00:00:00",
        "2021-09-20T24:00:00",
        "2021-09-20T",
        "2023-03-29T08:24:30.",
        "13/1/1996",
        "1/1/1996 13:00:00 PM",
        "1/1/1996 0:00:00 AM",
        "0/0/0",
        "yesterday",
        "2021-09-2\u0661",
        "\uff12\uff10\uff12\uff11-09-20",  # full-width digits
        "2021-09-20T08:24:30+25:00",
    ],
)
def test_bad_dates_raise_mapping_error_naming_the_value(text: str) -> None:
    for parser in (parse_date, parse_datetime):
        with pytest.raises(MappingError) as caught:
            parser(text)
        assert repr(text) in str(caught.value)


@pytest.mark.parametrize("value", [12, 1.5, True, [], {}, object()])
def test_dates_refuse_non_text(value: Any) -> None:
    with pytest.raises(MappingError):
        parse_date(value)
    with pytest.raises(MappingError):
        parse_datetime(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ada", "Ada"),
        (" Ada ", " Ada "),
        (12, "12"),
        (1.5, "1.5"),
        (Decimal("12.50"), "12.50"),
        (date(2020, 1, 2), "2020-01-02"),
        (datetime(2020, 1, 2, 3, 4), "2020-01-02T03:04:00"),
    ],
)
def test_parse_string(value: Any, expected: str) -> None:
    assert parse_string(value) == expected


@pytest.mark.parametrize("value", [True, [1], {"a": 1}, float("nan")])
def test_parse_string_refuses_non_text(value: Any) -> None:
    with pytest.raises(MappingError):
        parse_string(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1234.50", Decimal("1234.50")),
        (" -0.5 ", Decimal("-0.5")),
        (".5", Decimal("0.5")),
        ("1e3", Decimal("1e3")),
        (12, Decimal(12)),
        (0.1, Decimal("0.1")),
        (Decimal("7.25"), Decimal("7.25")),
    ],
)
def test_parse_decimal(value: Any, expected: Decimal) -> None:
    result = parse_decimal(value)
    assert result == expected
    assert isinstance(result, Decimal)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1234.5", 1234.5), (3, 3.0), (Decimal("2.5"), 2.5), (0.25, 0.25), ("-1E2", -100.0)],
)
def test_parse_number(value: Any, expected: float) -> None:
    assert parse_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0012", 12), ("-3", -3), ("12.0", 12), (7, 7), (7.0, 7), (Decimal("40.00"), 40)],
)
def test_parse_integer(value: Any, expected: int) -> None:
    assert parse_integer(value) == expected


@pytest.mark.parametrize("parser", [parse_decimal, parse_number, parse_integer])
@pytest.mark.parametrize(
    "value", ["abc", "1,234", "NaN", "Infinity", "1e99999", True, [], float("inf"), Decimal("NaN"), "١٢"]
)
def test_numbers_refuse_non_numbers(parser: Any, value: Any) -> None:
    with pytest.raises(MappingError):
        parser(value)


@pytest.mark.parametrize("value", ["12.5", 12.5, Decimal("1.01"), Decimal("1e40")])
def test_parse_integer_refuses_fractions_and_giants(value: Any) -> None:
    with pytest.raises(MappingError):
        parse_integer(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Y", True),
        ("N", False),
        ("y", True),
        ("Yes", True),
        ("NO", False),
        ("true", True),
        ("False", False),
        ("T", True),
        ("f", False),
        ("1", True),
        ("0", False),
        (" Y ", True),
        (True, True),
        (False, False),
        (1, True),
        (0, False),
    ],
)
def test_parse_boolean(value: Any, expected: bool) -> None:
    assert parse_boolean(value) is expected


@pytest.mark.parametrize("value", ["maybe", "2", 2, 1.0, [], "Yess"])
def test_parse_boolean_refuses_others(value: Any) -> None:
    with pytest.raises(MappingError):
        parse_boolean(value)


def test_is_empty() -> None:
    assert all(is_empty(v) for v in EMPTIES)
    assert not any(is_empty(v) for v in ["a", 0, False, [], " a "])


# -- hypothesis ----------------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31))


@given(moments, st.integers(min_value=0, max_value=7))
def test_iso_datetimes_round_trip(moment: datetime, digits: int) -> None:
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    micro = f"{moment.microsecond:06d}"
    if digits:
        text += "." + (micro + "0")[:digits]
    expected_micro = int((micro + "0")[:digits].ljust(6, "0")[:6]) if digits else 0
    assert parse_datetime(text) == moment.replace(microsecond=expected_micro, tzinfo=UTC)
    assert parse_date(text) == moment.date()


@given(moments)
def test_us_datetimes_round_trip(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    hour = moment.hour % 12 or 12
    meridiem = "AM" if moment.hour < 12 else "PM"
    text = (
        f"{moment.month}/{moment.day}/{moment.year} {hour}:{moment.minute:02d}:{moment.second:02d} {meridiem}"
    )
    assert parse_datetime(text) == moment.replace(tzinfo=UTC)
    assert parse_date(text) == moment.date()


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_dates_round_trip_in_every_shape(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.isoformat()}T00:00:00") == day
    if day.year >= 1000:
        assert parse_date(f"{day.month}/{day.day}/{day.year}") == day
        assert parse_date(f"{day.month}/{day.day}/{day.year} 12:00:00 AM") == day


@given(moments, st.integers(min_value=-23 * 60, max_value=23 * 60))
def test_offsets_are_converted_to_utc(moment: datetime, minutes: int) -> None:
    sign = "-" if minutes < 0 else "+"
    offset = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    text = moment.strftime("%Y-%m-%dT%H:%M:%S") + offset
    zone = timezone(timedelta(minutes=minutes))
    assert parse_datetime(text) == moment.replace(microsecond=0, tzinfo=zone).astimezone(UTC)


DATEISH = st.text(alphabet="0123456789-/:.T ZAPMapm+\u0661", max_size=32)


@given(st.one_of(st.text(max_size=40), DATEISH))
def test_arbitrary_text_never_raises_anything_but_mapping_error(text: str) -> None:
    for parser in PARSERS.values():
        with contextlib.suppress(MappingError):
            parser(text)


@given(DATEISH)
def test_fast_path_agrees_with_the_grammar(text: str) -> None:
    """The fromisoformat fast path accepts exactly what the anchored grammar accepts."""
    try:
        expected: Any = _from_groups("datetime", text)
        expected = expected.replace(tzinfo=UTC) if expected.tzinfo is None else expected.astimezone(UTC)
    except MappingError:
        expected = MappingError
    try:
        got: Any = parse_datetime(text)
    except MappingError:
        got = MappingError
    if text.strip():
        assert got == expected


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**9))
def test_decimals_round_trip_through_text(value: Decimal) -> None:
    assert parse_decimal(str(value)) == value
    assert parse_number(str(value)) == float(value)


@given(st.integers(min_value=-(10**15), max_value=10**15), st.integers(min_value=0, max_value=4))
def test_integers_round_trip_through_padded_text(value: int, padding: int) -> None:
    text = ("-" if value < 0 else "") + "0" * padding + str(abs(value))
    assert parse_integer(text) == value


@given(st.sampled_from(["Y", "N", "Yes", "No", "true", "false", "1", "0", "T", "F"]), st.booleans())
def test_boolean_words_in_any_case(word: str, upper: bool) -> None:
    expected = word.lower() in ("y", "yes", "true", "1", "t")
    assert parse_boolean(word.upper() if upper else word.lower()) is expected


@given(st.one_of(st.integers(), st.floats(), st.text(max_size=12), st.booleans(), st.none()))
def test_numeric_and_boolean_parsers_are_total(value: Any) -> None:
    for parser in (parse_decimal, parse_number, parse_integer, parse_boolean, parse_string):
        with contextlib.suppress(MappingError):
            parser(value)


# Compiled maps read the common shapes inline (the parsers' own test of the shape, then fromisoformat):
# whatever the text, a mapped value or its problem is what the parser gives.
_SHAPED = st.builds(
    lambda moment, digits, tail, sep: (
        moment.strftime(f"%Y-%m-%d{sep}%H:%M:%S")
        + ("." + f"{moment.microsecond:06d}999"[:digits] if digits else "")
        + tail
    ),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.integers(0, 11),
    st.sampled_from(["", "", "Z", "+05:30", " ", "x", "٣", "\n", "-0800", "+00:00"]),
    st.sampled_from(["T", "T", " ", "t"]),
)
_DATED = st.builds(
    lambda day, tail: day.isoformat() + tail,
    st.dates(),
    st.sampled_from(["T00:00:00", "T00:00:00", "T00:00:01", "", "T00:00:00Z", "T00:00:0٠"]),
)


@pytest.fixture(scope="module")
def typed_map(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from field_maps import load_map

    path = tmp_path_factory.mktemp("typed") / "employee.yaml"
    path.write_text(
        "version: 1\nmodel: Employee\nsources:\n  - name: person\n    record: person-details\n"
        "    key: [employeeId]\nkey: [person.employeeId]\nremote_id: person.employeeId\nfields:\n"
        "  hire_date: {from: person.day, type: date}\n"
        "  remote_created_at: {from: person.moment, type: datetime}\n",
        encoding="utf-8",
    )
    return load_map(path).compile(connector="ukg_pro")


def _parsed(parser: Any, text: str) -> Any:
    try:
        return parser(text)
    except MappingError as exc:
        return exc.reason


_ODD = st.sampled_from(
    [
        "2021-W01-1T00:00:00",  # a week date: fromisoformat reads it, the parsers do not
        "2021-001T00:00:00",
        "20210920T000000",
        "2021-09-20T00:00:00.",
        "2021-09-20T00:00:00.1234567890",
        "2021-09-20T24:00:00",
        "2021-02-30T00:00:00",
        "2021-09-20T00:00",
        "2021-09-20T00",
        "+2021-09-20T00:00:00",
        "2021-09-20T00:00:00,5",
        "1/1/1996 12:00:00 AM",
    ]
)


@given(text=_SHAPED | _DATED | _ODD | st.text(max_size=30))
def test_compiled_maps_read_dates_and_instants_as_the_parsers_do(typed_map: Any, text: str) -> None:
    for validate in (False, True):
        problems: list[Any] = []
        record = {"person": {"employeeId": "E1", "day": text, "moment": text}}
        built = typed_map.build(record, problems=problems, validate=validate)
        found = {p.field: p.reason for p in problems}
        assert found.get("hire_date", built.hire_date) == _parsed(parse_date, text)
        assert found.get("remote_created_at", built.remote_created_at) == _parsed(parse_datetime, text)
