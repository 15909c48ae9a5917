"""UKG's date formats out and in, and the query-string rules (properties checked with hypothesis)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from connectors.ukg_pro.sandbox import Sandbox
from connectors.ukg_pro.sandbox.formats import parse_moment, truncate_ms, ukg_date, ukg_datetime, us_datetime
from connectors.ukg_pro.sandbox.query import QueryParams

moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2199, 12, 31)).map(truncate_ms)


@given(moments)
def test_ukg_datetimes_round_trip(moment: datetime) -> None:
    text = ukg_datetime(moment)
    assert text is not None and "+" not in text and not text.endswith("Z")
    assert not text.endswith("0") or "." not in text
    assert parse_moment(text) == (moment, True)


@given(moments)
def test_change_feed_dates_round_trip_to_the_second(moment: datetime) -> None:
    assert parse_moment(us_datetime(moment)) == (moment.replace(microsecond=0), True)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_plain_dates(day: date) -> None:
    assert ukg_date(day) == f"{day.isoformat()}T00:00:00"
    assert us_datetime(day).endswith(" 12:00:00 AM")
    midnight = datetime(day.year, day.month, day.day)
    assert parse_moment(f"{day.month:02d}-{day.day:02d}-{day.year}") == (midnight, False)
    assert parse_moment(day.isoformat()) == (midnight, False)


@given(moments, st.integers(min_value=-14 * 60, max_value=14 * 60))
def test_zoned_query_dates_become_naive_utc(moment: datetime, offset_minutes: int) -> None:
    zone = timezone(timedelta(minutes=offset_minutes))
    zoned = moment.replace(tzinfo=zone)
    expected = zoned.astimezone(UTC).replace(tzinfo=None)
    assert parse_moment(zoned.isoformat()) == (expected, True)
    # a '+' sent unencoded arrives as a space
    assert parse_moment(zoned.isoformat().replace("+", " ")) == (expected, True)


def test_the_samples_of_ukgs_documentation() -> None:
    assert ukg_datetime(datetime(2023, 3, 29, 8, 24, 30, 160000)) == "2023-03-29T08:24:30.16"
    assert ukg_datetime(datetime(2021, 9, 20)) == "2021-09-20T00:00:00"
    assert us_datetime(datetime(1996, 1, 1)) == "1/1/1996 12:00:00 AM"
    assert us_datetime(datetime(2024, 7, 4, 13, 5, 9)) == "7/4/2024 1:05:09 PM"
    assert us_datetime(None) == ""


@given(st.lists(st.sampled_from(["page", "PAGE", "Page", "per_page", "per_Page", "PER_PAGE"]), min_size=1))
def test_parameter_names_match_in_any_case_first_wins(names: list[str]) -> None:
    params = QueryParams("&".join(f"{name}={n}" for n, name in enumerate(names)))
    for name in set(names):
        first = next(n for n, other in enumerate(names) if other.lower() == name.lower())
        assert params.get(name.upper()) == str(first)


@pytest.mark.parametrize("size", [1, 7, 13, 60, 61, 1000])
async def test_any_page_size_reads_everything_once(client: httpx.AsyncClient, sb: Sandbox, size: int) -> None:
    seen: list[str] = []
    page = 1
    while rows := (
        await client.get("/personnel/v1/employment-details", params={"page": page, "per_page": size})
    ).json():
        seen += [r["employeeID"] + r["companyID"] for r in rows]
        page += 1
    assert len(seen) == len(set(seen)) == len(sb.tenant.employments)


async def test_filters_match_the_record_key_in_any_case(client: httpx.AsyncClient, sb: Sandbox) -> None:
    boss = sb.tenant.employments[1]
    reports = (
        await client.get(
            "/personnel/v1/employee-employment-details", params={"supervisorId": boss.employee_id}
        )
    ).json()
    assert reports and {r["supervisorID"] for r in reports} == {boss.employee_id}
    assert len(reports) == boss.reports
