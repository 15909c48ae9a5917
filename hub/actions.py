"""The unified actions a customer can call, and the model each one returns."""

from __future__ import annotations

__all__ = ["ACTIONS", "LIST_ACTIONS", "resource_of"]

ACTIONS: dict[str, str] = {
    "employees.list": "Employee",
    "employees.get": "Employee",
    "employments.list": "Employment",
    "time_off_policies.list": "TimeOffPolicy",
    "time_off_balances.list": "TimeOffBalance",
    "time_off_requests.list": "TimeOffRequest",
    "groups.list": "Group",
    "locations.list": "Location",
    "companies.list": "Company",
    "dependents.list": "Dependent",
    "emergency_contacts.list": "EmergencyContact",
    "bank_accounts.list": "BankInfo",
    "pay_groups.list": "PayGroup",
    "payroll_runs.list": "PayrollRun",
    "employee_payroll_runs.list": "EmployeePayrollRun",
    "employer_benefits.list": "EmployerBenefit",
    "benefits.list": "Benefit",
}
"""Every unified action → the name of the unified model it returns."""

LIST_ACTIONS: dict[str, str] = {a.removesuffix(".list"): m for a, m in ACTIONS.items() if a.endswith(".list")}
"""Resource name (``employees``) → model name, for the list actions only."""


def resource_of(action: str) -> str:
    """The resource an action reads: ``"employees.get"`` → ``"employees"``."""
    return action.split(".", 1)[0]
