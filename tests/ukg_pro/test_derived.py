from connectors.ukg_pro.derived import GROWING, job_history_periods


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


def titled(system_id, effective, title, **extra):
    return dict(row("E1", system_id, effective), jobTitle=title, **extra)


def test_a_new_row_after_the_stored_ones_takes_the_current_title_and_ends_the_period_before_it():
    growing = GROWING["job-history-periods"]
    stored = [
        titled("s1", "2020-01-01T00:00:00", None, periodEndDate="2022-12-31"),
        titled("s2", "2023-01-01T00:00:00", "Lead (Platform)", periodEndDate=None),
    ]
    new = [titled("s3", "2026-12-01T00:00:00", "Principal (Platform)")]
    rows = {r["systemId"]: r for r in growing.build(growing.rebuilt(stored, new))}
    assert [rows[s]["jobTitle"] for s in ("s1", "s2", "s3")] == [None, None, "Principal (Platform)"]
    assert [rows[s]["periodEndDate"] for s in ("s1", "s2", "s3")] == ["2022-12-31", "2026-11-30", None]


def test_a_back_dated_new_row_leaves_the_current_row_its_title_and_a_resent_row_replaces_its_copy():
    growing = GROWING["job-history-periods"]
    stored = [
        titled("s1", "2020-01-01T00:00:00", None, periodEndDate=None, annualSalary=1.0),
        titled("s2", "2023-01-01T00:00:00", "Lead (Platform)", periodEndDate=None),
    ]
    new = [
        titled("s0", "2019-06-01T00:00:00", None),
        titled("s1", "2020-01-01T00:00:00", None, annualSalary=2.0),  # sent again: the new copy wins
    ]
    rows = growing.rebuilt(stored, new)
    assert sorted(r["systemId"] for r in rows) == ["s0", "s1", "s2"]
    by_id = {r["systemId"]: r for r in growing.build(rows)}
    assert by_id["s2"]["jobTitle"] == "Lead (Platform)" and by_id["s2"]["periodEndDate"] is None
    assert by_id["s1"]["annualSalary"] == 2.0 and by_id["s1"]["periodEndDate"] == "2022-12-31"
    assert by_id["s0"]["periodEndDate"] == "2019-12-31"
