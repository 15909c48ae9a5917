"""A UKG Pro service account changed mid-sync: a permission revoked, a password expired (UKG's wording).

The same scenarios on the hub's own fixture connector: ``tests/hub/faults/test_sync_faults.py``.
"""

import pytest

JOB_HISTORY = "Employee Job History Details"


def stopped(world, report, model, *words):
    """The faulty run stopped ``model`` with a message and a remedy; what it did not finish is intact."""
    assert report.status == "partial"
    error = next(e for e in report.errors if e["model"] == model)
    assert error["message"] and error["remedy"], error
    text = f"{error['message']} {error['remedy']}"
    for word in words:
        assert word in text, text
    assert report.models[model].error.startswith(error["message"])
    return error


@pytest.mark.parametrize("full", [False, True], ids=["incremental", "full"])
def test_a_permission_revoked_mid_sync_stops_what_needs_it(make_world, full):
    world = make_world()
    sb = world.sb
    # Revoked as Employment's read starts: an incremental sync reads it beside Employee's, a full one after.
    report = world.sync(full=full, at={("Employment", "start"): lambda: sb.revoke(sb.username, JOB_HISTORY)})
    error = stopped(world, report, "Employment", "403", f'tick "{JOB_HISTORY}"')
    assert error["type"] == "missing-permission"
    assert [e["model"] for e in report.errors] == ["Employment"]
    assert report.models["TimeOffBalance"].complete  # needs no such permission
    assert world.status() == "linked"  # the credentials are fine
    sb.grant(sb.username, JOB_HISTORY)
    assert world.settled(report) == ["employments"]
    world.recovered()


def test_a_password_expired_mid_sync_stops_the_run_and_asks_for_attention(make_world):
    world = make_world()
    sb = world.sb
    # Expired once the change feed's models are stored (Employee and Employment are read side by side).
    report = world.sync(at={("Employment", "done"): lambda: sb.expire_password(sb.username)})
    error = stopped(world, report, "TimeOffPolicy", "401", "expired? reset it there")
    assert error["type"] == "provider-credentials-rejected"
    refused = [e["model"] for e in report.errors]
    # nothing more is read
    assert refused == [
        "TimeOffPolicy",
        "TimeOffBalance",
        "Dependent",
        "EmergencyContact",
        "BankInfo",
        "PayGroup",
        "PayrollRun",
        "EmployeePayrollRun",
        "EmployerBenefit",
        "Benefit",
    ]
    assert report.models["Employee"].complete and report.models["Employment"].complete
    assert world.status() == "needs_attention"

    # The admin resets the password in UKG; until the hub has the new one, syncs are still refused.
    service = sb.accounts[sb.username]
    service.password, service.password_expired = "Rotated!Password#2", False
    again = world.hub.sync(world.account, force=True)
    assert again.status == "failed" and world.status() == "needs_attention"
    world.hub.update_credentials(world.account, {**sb.credentials(world.base), "password": service.password})
    assert world.settled(report) == ["time_off_balances"]
    world.recovered()


def test_an_optional_permission_revoked_mid_sync_stops_the_model_and_leaves_nothing_stale(make_world):
    world = make_world()
    sb = world.sb
    comp = "Employee Compensation Details"
    report = world.sync(full=True, at={("Employee", "done"): lambda: sb.revoke(sb.username, comp)})
    # The account was linked holding it: a 403 now is a revoked permission, not "no pay data".
    employment = report.models["Employment"]
    assert not employment.complete and comp in employment.error
    sb.grant(sb.username, comp)
    assert world.settled(report) == ["employments"]
    world.recovered()
