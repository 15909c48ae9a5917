"""Warnings of a UKG Pro sync: labels lost with a permission, joins that match nothing, unlisted codes."""

from .helpers import snapshot


def test_a_field_that_empties_while_the_sync_succeeds_is_warned_about(hub, account, sandbox):
    hub.sync(account)
    # Without Company Configuration the org-level labels are unreadable: "Department" resolves to nothing.
    sandbox.revoke(sandbox.credentials()["username"], "Company Configuration Integration")

    report = hub.sync(account, full=True)

    employee = report.models["Employee"]
    assert employee.complete and employee.fill.get("department_id", 0) == 0
    assert any(w.startswith("department_id was filled on") for w in employee.warnings)
    assert report.models["Group"].error  # 403, and the groups stored before stay
    assert snapshot(hub, account, "groups")


def test_a_join_that_matches_nothing_is_loud_on_the_first_sync(hub, account, sandbox):
    import dataclasses

    # The map as it was before UKG's published shape was followed: user-defined fields joined on
    # [companyId, employeeId], which UKG's rows do not carry (they hold employeeId only).
    maps = hub.registry.field_maps["ukg_pro"]
    employee = maps["Employee"]
    old = tuple(
        dataclasses.replace(s, key=("companyId", "employeeId"), on=()) if s.name == "udf" else s
        for s in employee.sources
    )
    maps["Employee"] = dataclasses.replace(employee, sources=old)
    try:
        report = hub.sync(account)
    finally:
        maps["Employee"] = employee

    model = report.models["Employee"]
    udf = model.joins["udf"]
    assert udf.rows_read > 0 and udf.joined == 0 and udf.key == ["companyId", "employeeId"]
    assert model.joins["employment"].joined == model.read  # the good join is counted too
    [join_warning] = [w for w in model.warnings if w.startswith("user-defined-fields (udf)")]
    assert f"{udf.rows_read} rows read, but only 0 of {udf.primary} records joined" in join_warning
    assert "[companyId, employeeId] = [companyId, employeeId]" in join_warning
    # The join warning says why custom_fields is empty; no second warning repeats it.
    assert not any(w.startswith("custom_fields is empty") for w in model.warnings)
    assert model.fill.get("custom_fields", 0) == 0

    fixed = hub.sync(account, full=True).models["Employee"]
    assert fixed.joins["udf"].joined == fixed.read and fixed.fill["custom_fields"] > 0
    assert not [w for w in fixed.warnings if "udf" in w]


def test_a_first_sync_warns_of_a_field_empty_everywhere_although_its_rows_were_joined(make_hub, sandbox):
    hub = make_hub()
    options = {"overrides": {"Employee": {"work_phone": "employment.workPhoneNumbr"}}}  # a typo
    account = hub.link("ukg_pro", sandbox.credentials(), options=options)
    model = hub.sync(account).models["Employee"]
    assert model.fill.get("work_phone", 0) == 0
    assert any(
        w.startswith(
            "work_phone is empty on every Employee record although employment-details rows were joined"
        )
        for w in model.warnings
    ), model.warnings


def test_codes_an_enum_table_does_not_list_are_counted_not_failed(hub, account, sandbox):
    report = hub.sync(account)
    employee = report.models["Employee"]
    # The UKG map knows marital codes S and M only: the tenant's D, W and P give null, and are counted.
    marital = employee.unmapped_codes.get("marital_status", {})
    assert set(marital) <= {"'D'", "'W'", "'P'"} and sum(marital.values()) > 0
    assert not employee.value_problems and employee.failed == 0
    assert all(
        p["marital_status"] in (None, "SINGLE", "MARRIED_FILING_JOINTLY")
        for p in snapshot(hub, account).values()
    )
