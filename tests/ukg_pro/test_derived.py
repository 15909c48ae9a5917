from connectors.ukg_pro.derived import job_history_periods


def row(employee, system_id, effective, company="C1"):
    return {
        "companyId": company,
        "employeeId": employee,
        "systemId": system_id,
        "jobEffectiveDate": effective,
    }


def test_each_period_ends_the_day_before_the_next_one_of_the_same_employee():
    rows = [
        row("E1", "s3", "2022-07-01T00:00:00"),
        row("E1", "s1", "2019-03-04T00:00:00"),
        row("E2", "s9", "2020-01-01T00:00:00"),
        row("E1", "s2", "2021-01-01T00:00:00"),
        row("E1", "s2", "2021-01-01T00:00:00", company="C2"),  # same id in another company: its own history
    ]
    out = {(r["companyId"], r["systemId"]): r["periodEndDate"] for r in job_history_periods(rows)}
    assert out == {
        ("C1", "s1"): "2020-12-31",
        ("C1", "s2"): "2022-06-30",
        ("C1", "s3"): None,
        ("C1", "s9"): None,
        ("C2", "s2"): None,
    }


def test_rows_keep_every_ukg_field_and_order_and_odd_dates_do_not_fail():
    rows = [row("E1", "a", ""), row("E1", "b", "2021-01-01T00:00:00"), row("E1", "c", "2021-01-01T00:00:00")]
    out = job_history_periods(rows)
    assert [r["systemId"] for r in out] == ["a", "b", "c"]
    assert out[0]["periodEndDate"] is None and out[0]["jobEffectiveDate"] == ""
    assert {k: v for k, v in out[1].items() if k != "periodEndDate"} == rows[1]
    assert rows[1].get("periodEndDate") is None and "periodEndDate" not in rows[1]  # input untouched
