"""Field-map transforms the UKG Pro connector registers (maps name them; they are never imported by path)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from hub.sdk import parse_date, parse_datetime

__all__ = [
    "FUTURE_HIRE",
    "TRANSFORMS",
    "deductions",
    "deposit_amount",
    "deposit_percent",
    "earnings",
    "negate",
    "rate_by_pay_basis",
    "run_state",
    "status_with_future_hires",
    "taxes",
    "termination_of_current_spell",
]

FUTURE_HIRE = "FUTURE_HIRE"
"""The code :func:`status_with_future_hires` gives an active employee whose hire date is still ahead."""


def status_with_future_hires(
    value: Any, *, today: Callable[[], date] = lambda: datetime.now(UTC).date()
) -> Any:
    """``"<status code>|<last hire date>"`` → the status code, or ``FUTURE_HIRE`` for a hire not yet started.

    UKG Pro marks people hired for a future date as active (``A``); the unified model calls them
    PENDING. A map builds the input with a template of ``employeeStatusCode`` and ``lastHireDate``.
    """
    if not isinstance(value, str):
        return value
    code, _, hired = value.partition("|")
    code = code.strip()
    if code != "A" or len(hired) < 10:
        return code or None
    try:
        start = date.fromisoformat(hired[:10])
    except ValueError:
        return code
    return FUTURE_HIRE if start > today() else code


def rate_by_pay_basis(value: Any) -> Any:
    """``"<S|H>|<annualSalary>|<hourlyPayRate>"`` → the rate that matches the pay basis (None when empty).

    UKG fills the annual salary for hourly staff too; an hourly employee's rate is the hourly one.
    """
    if not isinstance(value, str):
        return value
    basis, _, rates = value.partition("|")
    annual, _, hourly = rates.partition("|")
    chosen = (hourly if basis.strip() == "H" else annual).strip()
    try:
        return Decimal(chosen) if chosen else None
    except InvalidOperation:
        return None


def termination_of_current_spell(value: Any) -> Any:
    """``"<dateOfTermination>|<lastHireDate>"`` → the termination date, or None for a rehire.

    UKG keeps an earlier spell's ``dateOfTermination`` on a rehired employee; the unified employee's
    ``termination_date`` is the end of the current spell, so a last hire after it means there is none.
    Dates are UKG's ``2021-09-20T00:00:00``; a termination date that is not one raises (the map then
    leaves the field empty and reports the value), a last hire date that is not one is ignored.
    """
    if not isinstance(value, str):
        return value
    ended_text, _, hired_text = (part.strip() for part in value.partition("|"))
    if not ended_text:
        return None
    ended = date.fromisoformat(ended_text[:10])
    try:
        hired = date.fromisoformat(hired_text[:10])
    except ValueError:
        return ended
    return None if hired > ended else ended


def _rule_value(value: Any, rule: str) -> Any:
    """``"<depositRule>|<amountOrPercent>"`` → the number when the rule is ``rule``, else None."""
    if not isinstance(value, str):
        return value
    code, _, number = value.partition("|")
    if code.strip().upper() != rule or not number.strip():
        return None
    try:
        return Decimal(number.strip())
    except InvalidOperation:
        raise ValueError(f"{number.strip()!r} is not a number") from None


def deposit_amount(value: Any) -> Any:
    """A direct deposit's fixed amount: ``amountOrPercent`` when ``depositRule`` is ``A`` (inferred code)."""
    return _rule_value(value, "A")


def deposit_percent(value: Any) -> Any:
    """A direct deposit's percent of net pay: ``amountOrPercent`` when ``depositRule`` is ``P`` (inferred)."""
    return _rule_value(value, "P")


def _code_is(code: str) -> Callable[[Any], Any]:
    def test(value: Any) -> Any:
        return value.strip().upper() == code if isinstance(value, str) and value.strip() else None

    test.__doc__ = f"True when the code is {code!r}, False for another code, None when empty."
    return test


def negate(value: Any) -> Any:
    """The opposite of a boolean (``accountIsInactive`` → active); None stays None."""
    return (not value) if isinstance(value, bool) else None


_EARNING_TYPES = {"REG": "REGULAR", "SAL": "SALARY", "OT": "OVERTIME", "BONUS": "BONUS", "BON": "BONUS"}
"""Earning codes whose kind is clear (codes are the tenant's own; these are common ones, inferred)."""


def _items(value: Any) -> list[dict[str, Any]] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValueError("not a list of pay-statement lines")
    return value


def earnings(value: Any) -> Any:
    """A pay statement's ``earnings[]`` (UKG's lowercase keys) as unified earning lines."""
    items = _items(value)
    if items is None:
        return None
    return [
        {
            "code": item.get("paycode"),
            "name": item.get("paydescription"),
            "type": _EARNING_TYPES.get(str(item.get("paycode") or "").strip().upper()),
            "hours": item.get("hours"),
            "rate": item.get("payrate"),
            "amount": item.get("amount"),
            "ytd_hours": item.get("hoursytd"),
            "ytd_amount": item.get("amountytd"),
        }
        for item in items
    ]


def deductions(value: Any) -> Any:
    """A pay statement's ``deductions[]`` as unified deduction lines (employee and employer parts)."""
    items = _items(value)
    if items is None:
        return None
    return [
        {
            "code": item.get("deductioncode"),
            "name": item.get("deductiondescription"),
            "is_pre_tax": item.get("pretax"),
            "employee_deduction": item.get("employeeamount"),
            "company_deduction": item.get("employeramount"),
            "ytd_employee_deduction": item.get("employeeamountytd"),
            "ytd_company_deduction": item.get("employeramountytd"),
        }
        for item in items
    ]


def taxes(value: Any) -> Any:
    """A pay statement's ``taxes[]`` as unified tax lines.

    UKG's statement lists the taxes withheld from the employee and has no employer flag: ``employer_tax``
    is False (inferred from what a pay statement shows).
    """
    items = _items(value)
    if items is None:
        return None
    return [
        {
            "code": item.get("taxcode"),
            "name": item.get("taxdescription"),
            "amount": item.get("amount"),
            "ytd_amount": item.get("amountytd"),
            "employer_tax": False,
        }
        for item in items
    ]


def run_state(value: Any) -> Any:
    """A pay period's ``isPeriodClosed`` → ``CLOSED`` (closed) or ``DRAFT`` (still open)."""
    if not isinstance(value, bool):
        return None
    return "CLOSED" if value else "DRAFT"


TRANSFORMS: dict[str, Callable[[Any], Any]] = {
    # UKG's dates (2021-09-20T00:00:00, 2023-03-29T08:24:30.16, the feed's 1/1/1996 12:00:00 AM) as a
    # transform step, for maps that need the date before a later step; naive times are read as UTC.
    "ukg_date": parse_date,
    "ukg_datetime": parse_datetime,
    "ukg_pro_termination": termination_of_current_spell,
    "ukg_pro_status": status_with_future_hires,
    "ukg_pro_pay_rate": rate_by_pay_basis,
    "ukg_pro_deposit_amount": deposit_amount,
    "ukg_pro_deposit_percent": deposit_percent,
    "ukg_pro_net_deposit": _code_is("N"),
    "ukg_pro_prenote": _code_is("P"),
    "ukg_pro_not": negate,
    "ukg_pro_earnings": earnings,
    "ukg_pro_deductions": deductions,
    "ukg_pro_taxes": taxes,
    "ukg_pro_run_state": run_state,
    "ukg_pro_pre_tax": _code_is("PRE"),
    "ukg_pro_active_status": _code_is("A"),
}
"""Transform name → function, registered through the ``register_transforms`` hook."""
