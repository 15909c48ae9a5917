"""What Tiny HRIS's API key may be allowed to read, per unified action, and which path needs which."""

from __future__ import annotations

from hub.sdk import Action, ChangeFeed

__all__ = [
    "ACTIONS",
    "CHANGES",
    "CHANGE_FEED",
    "FEATURES",
    "ORGANISATION",
    "PATHS",
    "PEOPLE",
    "PERMISSION_OF_PATH",
    "TIME_OFF",
]

PEOPLE = "Read people"
ORGANISATION = "Read organisation"
TIME_OFF = "Read time off"
CHANGES = "Read changes"

PATHS: dict[str, str] = {
    "employees": "/v1/employees",
    "jobs": "/v1/jobs",
    "companies": "/v1/companies",
    "departments": "/v1/departments",
    "locations": "/v1/locations",
    "time-off-policies": "/v1/time-off/policies",
    "time-off-balances": "/v1/time-off/balances",
    "changes": "/v1/changes",
}
"""Record type (as the field maps name it) → API path."""

PERMISSION_OF_PATH: dict[str, str] = {
    PATHS["employees"]: PEOPLE,
    PATHS["jobs"]: PEOPLE,
    PATHS["companies"]: ORGANISATION,
    PATHS["departments"]: ORGANISATION,
    PATHS["locations"]: ORGANISATION,
    PATHS["time-off-policies"]: TIME_OFF,
    PATHS["time-off-balances"]: TIME_OFF,
    PATHS["changes"]: CHANGES,
}
"""API path → the permission of the API key it needs (a 403 names it)."""

ACTIONS: dict[str, Action] = {
    "employees.list": Action(scopes=(PEOPLE,)),
    "employees.get": Action(scopes=(PEOPLE,)),
    "employments.list": Action(scopes=(PEOPLE,)),
    "time_off_policies.list": Action(scopes=(TIME_OFF,)),
    "time_off_balances.list": Action(scopes=(TIME_OFF,)),
    "time_off_requests.list": Action.unsupported("Tiny HRIS has time-off balances but no time-off requests."),
    "groups.list": Action(scopes=(ORGANISATION,)),
    "locations.list": Action(scopes=(ORGANISATION,)),
    "companies.list": Action(scopes=(ORGANISATION,)),
}
"""Unified action → the API-key permissions it needs."""

FEATURES: dict[str, Action] = {"incremental_sync": Action(scopes=(CHANGES,))}
"""Incremental sync reads the change feed, which needs its own permission."""

CHANGE_FEED = ChangeFeed(record="changes", key=("employeeId",), models=("Employee", "Employment"), batch=20)
"""``GET /v1/changes?since=&until=``: one row per employee changed in the window."""
