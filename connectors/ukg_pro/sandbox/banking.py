"""The sandbox's direct-deposit accounts (``/payroll/v1/direct-deposit``), built on request from the employee.

Each employee has 0 to 3 accounts, stable per employee: most have one account taking the whole net pay
(deposit rule ``N``, inferred), some split a fixed amount (``A``) or a percent (``P``) into savings first.
Keys and types are those of UKG's published ``DirectDepositModel``; the codes are inferred (UKG publishes
none): ``accountType`` ``C`` checking / ``S`` savings, ``directDepositOrPrenote`` ``D`` deposit / ``P``
prenote, ``depositRule`` ``A`` amount / ``P`` percent / ``N`` net (what is left).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from connectors.ukg_pro.sandbox.formats import ukg_date, ukg_datetime
from connectors.ukg_pro.sandbox.ids import hashed_guid, mix, pick
from connectors.ukg_pro.sandbox.model import Employment
from connectors.ukg_pro.sandbox.records import RecordContext

__all__ = ["BANKS", "deposit_count", "direct_deposit"]

BANKS: dict[str, tuple[tuple[str, str], ...]] = {
    "USA": (
        ("JPMorgan Chase Bank", "021000021"),
        ("Bank of America", "026009593"),
        ("Wells Fargo Bank", "121000248"),
        ("Citibank", "021000089"),
        ("U.S. Bank", "091000022"),
        ("Navy Federal Credit Union", "256074974"),
    ),
    "CAN": (
        ("Royal Bank of Canada", "00002"),
        ("TD Canada Trust", "00004"),
        ("Scotiabank", "00008"),
    ),
}
"""Banks by country, with a routing (US ABA) or transit (Canada) number; well-known public numbers."""

_INSTITUTION = {"Royal Bank of Canada": "003", "TD Canada Trust": "004", "Scotiabank": "002"}


def deposit_count(e: Employment) -> int:
    """How many deposit accounts an employee has (0-3), stable per employee."""
    r = mix(e.key, 61) % 20
    return 0 if r < 2 else 1 if r < 14 else 2 if r < 19 else 3


def direct_deposit(ref: tuple[Employment, int], ctx: RecordContext) -> dict[str, Any]:
    """A ``/payroll/v1/direct-deposit`` row (schema ``DirectDepositModel``): account ``i`` of an employee.

    The last account of an employee takes the rest of net pay; earlier ones a fixed amount or a percent.
    """
    e, i = ref
    count = deposit_count(e)
    h = mix(e.key, 62, i)
    country = "CAN" if e.company.country == "CAN" else "USA"
    bank, routing = pick(BANKS[country], h)
    last = i == count - 1
    if last:
        rule, amount, kind = "N", 0.0, "C"
    elif h % 2:
        rule, amount, kind = "A", float(50 * (1 + h % 10)), "S"
    else:
        rule, amount, kind = "P", float(5 * (1 + h % 4)), "S"
    added = max(e.last_hire, ctx.tenant.as_of - timedelta(days=30 + h % 2000))
    prenote = added > ctx.tenant.as_of - timedelta(days=14)
    digits = 10 + h % 3
    account = str(mix(e.key, 63, i) % 10**digits).zfill(digits)
    changed = datetime.combine(added, datetime.min.time()) + timedelta(seconds=h % 86_000)
    return {
        "description": ("Checking", "Savings")[kind == "S"] if h % 5 else None,
        "account": account,
        "accountType": kind,
        "amountOrPercent": amount,
        "companyId": e.company.company_id,
        "directDepositOrPrenote": "P" if prenote else "D",
        "depositRule": rule,
        "employeeBankId": hashed_guid(e.key, 64, i),
        "employeeBankName": bank,
        "employeeBankRoutingNumber": routing,
        "employeeId": e.employee_id,
        "firstPrenotePayDate": ukg_date(added + timedelta(days=7)) if prenote else None,
        "sequenceNumber": "99" if last else str(i + 1),
        "employeeInstitutionNumber": _INSTITUTION.get(bank),
        "countryCode": country,
        "foreignAccountNumber": None,
        "foreignAccountNumberType": None,
        "accountRecordId": hashed_guid(e.key, 65, i),
        "dateTimeChanged": ukg_datetime(changed),
        "accountIsInactive": not e.is_active and bool(h % 2),
    }
