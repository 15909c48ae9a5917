"""A group filter names a UKG org unit by its remote id (level:code) or by its bare code."""

import pytest

from .helpers import snapshot


@pytest.mark.parametrize("form", ["remote_id", "bare code"])
def test_group_filter_matches_the_org_unit_code(hub, account, form):
    hub.sync(account)
    employees = snapshot(hub, account)
    groups = snapshot(hub, account, "groups")
    department = next(e["department_id"] for e in employees.values() if e["department_id"])
    code = groups[department]["remote_id"]  # level:code (3:SUP)
    if form == "bare code":
        code = code.split(":")[1]
    hub.set_options(account, {"filters": {"group": [code]}})

    hub.sync(hub.account(account.id), full=True)

    kept = snapshot(hub, account)
    assert kept and all(e["department_id"] == department for e in kept.values())
