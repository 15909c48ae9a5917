"""The UKG Pro permissions each unified action needs, named exactly as UKG's admin screen names them.

An administrator ticks these (View role) on the service account under System Configuration >
Security > Service Account Administration. A call without one answers 403.
"""

from __future__ import annotations

from datetime import timedelta

from hub.sdk import Action, ChangeFeed, DateWindow

__all__ = [
    "ACTIONS",
    "CHANGE_FEED",
    "COMPANY_CONFIGURATION",
    "DATE_WINDOW",
    "DIRECT_DEPOSIT",
    "EMPLOYEE_EXPORT",
    "FEATURES",
    "PAYROLL_INTEGRATION",
    "PAY_STATEMENTS",
    "PERMISSION_OF_PATH",
    "permission_for",
]

PERSON_DETAILS = "Employee Person Details"
PERSONNEL_INTEGRATION = "Personnel Integration"
COMPANY_CONFIGURATION = "Company Configuration Integration"
COMPENSATION = "Employee Compensation Details"
JOB_HISTORY = "Employee Job History Details"
PTO_PLANS = "PTO Plan Integration"
EMPLOYEE_EXPORT = "Employee Export"
DIRECT_DEPOSIT = "Employee Direct Deposit"
PAY_STATEMENTS = "Employee Pay Statements"
PAYROLL_INTEGRATION = "Payroll Integration"

ACTIONS: dict[str, Action] = {
    "employees.list": Action(
        scopes=(PERSON_DETAILS, PERSONNEL_INTEGRATION),
        optional_scopes={COMPANY_CONFIGURATION: "department and groups by your org-level labels"},
    ),
    "employees.get": Action(
        scopes=(PERSON_DETAILS, PERSONNEL_INTEGRATION),
        optional_scopes={COMPANY_CONFIGURATION: "department and groups by your org-level labels"},
    ),
    "employments.list": Action(
        scopes=(PERSONNEL_INTEGRATION, JOB_HISTORY),
        optional_scopes={COMPENSATION: "pay rate, currency and pay period"},
    ),
    "time_off_policies.list": Action(scopes=(PTO_PLANS,)),
    "time_off_balances.list": Action(scopes=(PTO_PLANS,)),
    "time_off_requests.list": Action.unsupported(
        "UKG Pro's REST API has time-off balances (PTO plans) but no time-off requests."
    ),
    "groups.list": Action(scopes=(COMPANY_CONFIGURATION,)),
    "locations.list": Action(scopes=(COMPANY_CONFIGURATION,)),
    "companies.list": Action(scopes=(COMPANY_CONFIGURATION,)),
    "dependents.list": Action(scopes=(PERSONNEL_INTEGRATION,)),
    "emergency_contacts.list": Action(scopes=(PERSONNEL_INTEGRATION,)),
    "bank_accounts.list": Action(scopes=(DIRECT_DEPOSIT,)),
    "pay_groups.list": Action(scopes=(PAYROLL_INTEGRATION,)),
    "payroll_runs.list": Action(scopes=(PAYROLL_INTEGRATION,)),
    "employee_payroll_runs.list": Action(scopes=(PAY_STATEMENTS,)),
    # emp-deductions needs a deduction code: the codes come from the recent payroll deductions history.
    "employer_benefits.list": Action(scopes=(PAYROLL_INTEGRATION,)),
    "benefits.list": Action(scopes=(PERSONNEL_INTEGRATION, PAYROLL_INTEGRATION)),
}
"""Unified action → the UKG permissions it needs."""

FEATURES: dict[str, Action] = {
    "incremental_sync": Action(scopes=(EMPLOYEE_EXPORT,)),
}
"""Capabilities beyond the actions: incremental sync reads UKG's change feed (Employee Export)."""

CHANGE_FEED = ChangeFeed(
    record="employee-changes",
    key=("companyId", "employeeId"),
    models=("Employee", "Employment"),
    feature="incremental_sync",
    min_interval=timedelta(hours=3),
    overlap=timedelta(minutes=30),
    batch=500,
    # Past a few percent of the tenant, a whole read is the cheaper one: the feed's employees are read
    # in batches of 500, each batch reading the changed rows again.
    full_read_share=0.05,
    full_read_min=250,
    # person-details and employment-details publish dateTimeChanged, job history dateTimeCreated: one
    # read of the rows changed (or added) since the window for all the feed's employees, the others as
    # the hub stored them. An employee's job history is rebuilt from its stored rows and its new ones.
    changed_since=frozenset({"person-details", "employment-details", "job-history-periods"}),
    owner=("Employee", "employee_id"),
)
"""UKG's Employee Export feed: full snapshots of each employee changed in a window. UKG asks callers to
read it no closer than 3 hours apart; the hub re-reads the changed employees' records, 500 at a time:
person-details, employment-details and job history as the rows changed (added) since the window, the
rest of them as stored; elsewhere by id, as many ids per request as UKG publishes a list filter for (and
a URL holds), one id per request otherwise (:mod:`connectors.ukg_pro.keyed`)."""

DATE_WINDOW = DateWindow(models=("EmployeePayrollRun",), overlap=timedelta(days=35))
"""Pay statements are read by pay date: after the first sync, from the last sync less 35 days (a late
correction or void in the last pay periods is seen again); the whole history every 90 days."""

PERMISSION_OF_PATH: tuple[tuple[str, str], ...] = (
    ("/personnel/v1/person-details", PERSON_DETAILS),
    ("/personnel/v1/compensation-details", COMPENSATION),
    ("/personnel/v1/employee-job-history-details", JOB_HISTORY),
    ("/personnel/v1/employee-changes", EMPLOYEE_EXPORT),
    ("/personnel/v1/pto-plans", PTO_PLANS),
    ("/personnel/v1/companies/", PTO_PLANS),
    ("/personnel/v1/", PERSONNEL_INTEGRATION),
    ("/configuration/v1/", COMPANY_CONFIGURATION),
    ("/payroll/v1/direct-deposit", DIRECT_DEPOSIT),
    ("/payroll/v1/companies/pay-statements", PAY_STATEMENTS),
    ("/payroll/v1/employees/pay-statement", PAY_STATEMENTS),
    ("/payroll/v1/companies/", DIRECT_DEPOSIT),
    ("/payroll/v1/", PAYROLL_INTEGRATION),
)
"""Endpoint path prefix → the permission UKG checks for it (first match wins)."""


def permission_for(path: str) -> str | None:
    """The permission UKG requires for an endpoint path, or None if unknown."""
    for prefix, permission in PERMISSION_OF_PATH:
        if path.startswith(prefix):
            return permission
    return None
