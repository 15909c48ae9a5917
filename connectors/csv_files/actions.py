"""The unified actions the CSV files connector offers. Files have no permissions: no action needs a scope."""

from __future__ import annotations

from hub.sdk import Action

__all__ = ["ACTIONS"]

ACTIONS: dict[str, Action] = {
    "employees.list": Action(),
    "employees.get": Action(),
    "employments.list": Action(),
    "time_off_policies.list": Action(),
    "time_off_balances.list": Action(),
    "time_off_requests.list": Action.unsupported(
        "CSV imports carry time-off balances, not individual time-off requests."
    ),
    "groups.list": Action(),
    "locations.list": Action(),
    "companies.list": Action(),
}
"""Unified action → what it needs. Without a balances file, time-off policies and balances read empty;
without an org units file, groups are the distinct values of the employees' Department column;
locations and companies are the distinct values of the Location and Company columns."""
