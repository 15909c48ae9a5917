"""The sandbox's payroll: pay periods per pay group, each employee's pay statements, deduction plans.

Everything is computed on request from the employee and the pay date, so a 50,000-employee tenant holds
no statement in memory. Pay days are those of :meth:`Tenant.last_pay_date` (Fridays, every other Friday,
or the 15th and the month's end), from :data:`HISTORY_DAYS` before the tenant's ``as_of`` up to its
clock, plus the next, still open, period of each pay group. Amounts are realistic rather than exact:
hourly staff are paid their weekly hours (sometimes overtime at 1.5x), salaried staff their annual
salary over the periods of the year; pre-tax 401(k) or RRSP, medical, dental and vision, post-tax life
insurance; US or Canadian taxes.

UKG publishes the keys and types, not the codes: earning, deduction and tax codes, ``periodControl``
(pay date then sequence) and ``periodType`` (``R`` regular) are inferred.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from connectors.ukg_pro.sandbox import banking, records
from connectors.ukg_pro.sandbox.formats import ukg_date, ukg_datetime
from connectors.ukg_pro.sandbox.ids import hashed_guid, mix
from connectors.ukg_pro.sandbox.model import Employment, PayGroup
from connectors.ukg_pro.sandbox.records import RecordContext
from connectors.ukg_pro.sandbox.tenant import Tenant

__all__ = [
    "DEDUCTION_PLANS",
    "HISTORY_DAYS",
    "DeductionPlan",
    "deduction_history",
    "deduction_rows",
    "emp_deduction",
    "enrolments",
    "pay_dates",
    "pay_period",
    "pay_statement",
    "pay_statement_summary",
    "statements_between",
]

HISTORY_DAYS = 400
"""How far before the tenant's ``as_of`` its pay history begins (a year and a month: a year-to-date view
in every month)."""


@dataclass(frozen=True, slots=True)
class DeductionPlan:
    """A deduction (benefit) plan of the tenant.

    ``employee`` and ``employer`` are a monthly amount, or a percent of gross pay when ``percent``.
    """

    code: str
    description: str
    plan_type: str
    provider: str
    pre_tax: bool
    employee: float
    employer: float
    percent: bool
    country: str | None
    share: float
    flags: tuple[str, ...] = ()


DEDUCTION_PLANS: tuple[DeductionPlan, ...] = (
    DeductionPlan(
        "401K",
        "401(k) Pre-Tax",
        "R",
        "Fidelity Investments",
        True,
        6.0,
        3.0,
        True,
        "USA",
        0.8,
        ("is401k", "isDeferredCompensation"),
    ),
    DeductionPlan("RRSP", "Group RRSP", "R", "Sun Life Financial", True, 4.0, 2.0, True, "CAN", 0.8),
    DeductionPlan(
        "MED",
        "Medical - PPO",
        "M",
        "Blue Cross Blue Shield",
        True,
        95.0,
        450.0,
        False,
        None,
        0.85,
        ("isSection125",),
    ),
    DeductionPlan(
        "DEN", "Dental", "D", "Delta Dental", True, 12.0, 30.0, False, None, 0.6, ("isSection125",)
    ),
    DeductionPlan(
        "VIS", "Vision", "V", "VSP Vision Care", True, 6.0, 0.0, False, None, 0.4, ("isSection125",)
    ),
    DeductionPlan("LIFE", "Supplemental Life", "L", "MetLife", False, 8.0, 0.0, False, None, 0.3),
)
"""The tenant's deduction plans; ``plan_type`` is UKG's deduction plan type code (inferred letters)."""

_WEEKS = {"W": 1.0, "B": 2.0, "S": 52 / 24}
_STATE_TAX = {"USA": 0.04, "CAN": 0.05}


def _lookback_start(tenant: Tenant) -> date:
    return tenant.as_of - timedelta(days=HISTORY_DAYS)  # anchored: history does not slide as time passes


def pay_dates(tenant: Tenant, group: PayGroup) -> list[date]:
    """The pay dates of a pay group, oldest first: the history up to yesterday, then the next (open) one."""
    today = tenant.now.date()
    key = f"paydates:{group.code}:{today.isoformat()}"
    cached = tenant.row_cache.get(key)
    if cached is not None:
        return cached[1]
    found: list[date] = []
    day = tenant.last_pay_date(group, today - timedelta(days=1))
    start = _lookback_start(tenant)
    while day >= start:
        found.append(day)
        day = tenant.last_pay_date(group, day - timedelta(days=1))
    found.reverse()
    following = today + timedelta(days=16 if group.period == "S" else 14)
    upcoming = tenant.last_pay_date(group, following)
    while upcoming >= today:
        earlier = tenant.last_pay_date(group, upcoming - timedelta(days=1))
        if earlier < today:
            break
        upcoming = earlier
    found.append(upcoming)
    tenant.row_cache[key] = (tenant.version, found)
    return found


def pay_period(group: PayGroup, paid: date) -> tuple[date, date]:
    """The period a pay date pays for.

    Semi-monthly: the 1st-15th or the 16th-month end; otherwise the week(s) ending five days before.
    """
    if group.period == "S":
        if paid.day == 15:
            return paid.replace(day=1), paid
        return paid.replace(day=16), paid
    end = paid - timedelta(days=5)
    return end - timedelta(days=13 if group.period == "B" else 6), end


def enrolments(e: Employment) -> tuple[DeductionPlan, ...]:
    """The deduction plans an employee is enrolled in, stable per employee."""
    country = e.company.country
    return tuple(
        plan
        for n, plan in enumerate(DEDUCTION_PLANS)
        if plan.country in (None, country) and (mix(e.key, 80, n) % 1000) / 1000 < plan.share
    )


def _employed_on(e: Employment, start: date, end: date) -> bool:
    return e.last_hire <= end and (e.term_date is None or e.term_date >= start)


@dataclass(frozen=True, slots=True)
class _Lines:
    earnings: tuple[tuple[str, str, float, float, float], ...]  # code, description, hours, rate, amount
    deductions: tuple[tuple[DeductionPlan, float, float], ...]  # plan, employee, employer
    taxes: tuple[tuple[str, str, float], ...]  # code, description, amount
    gross: float
    pre_tax: float

    @property
    def deducted(self) -> float:
        return round(sum(ee for _, ee, _ in self.deductions), 2)

    @property
    def taxed(self) -> float:
        return round(sum(amount for *_, amount in self.taxes), 2)

    @property
    def net(self) -> float:
        return round(self.gross - self.deducted - self.taxed, 2)


@lru_cache(maxsize=200_000)
def _lines(e: Employment, paid: date, annual: float, hourly_rate: float, weekly_hours: float) -> _Lines:
    group = e.pay_group
    weeks = _WEEKS.get(group.period, 1.0)
    h = mix(e.key, 70, paid.toordinal())
    hours = round(weekly_hours * weeks, 2)
    earnings: list[tuple[str, str, float, float, float]] = []
    if e.salary_hourly == "H":
        earnings.append(("REG", "Regular Pay", hours, hourly_rate, round(hours * hourly_rate, 2)))
        if h % 4 == 0:
            extra = float(1 + h % 8)
            rate = round(hourly_rate * 1.5, 4)
            earnings.append(("OT", "Overtime", extra, rate, round(extra * rate, 2)))
    else:
        amount = round(annual / group.per_year, 2)
        earnings.append(("SAL", "Salary", hours, round(amount / hours, 4) if hours else 0.0, amount))
    if h % 26 == 1:
        earnings.append(("BONUS", "Bonus", 0.0, 0.0, round(annual * 0.02, 2)))
    gross = round(sum(line[4] for line in earnings), 2)
    deductions = []
    for plan in enrolments(e):
        if plan.percent:
            ee, er = gross * plan.employee / 100, gross * min(plan.employer, plan.employee / 2) / 100
        else:
            ee, er = plan.employee * 12 / group.per_year, plan.employer * 12 / group.per_year
        deductions.append((plan, round(ee, 2), round(er, 2)))
    pre_tax = round(sum(ee for plan, ee, _ in deductions if plan.pre_tax), 2)
    taxable = max(gross - pre_tax, 0.0)
    if e.company.country == "CAN":
        taxes = [
            ("FEDTAX", "Federal Income Tax", round(taxable * 0.15, 2)),
            ("PROVTAX", f"{e.person.state} Provincial Income Tax", round(taxable * 0.05, 2)),
            ("CPP", "Canada Pension Plan", round(gross * 0.0595, 2)),
            ("EI", "Employment Insurance", round(gross * 0.0163, 2)),
        ]
    else:
        taxes = [
            ("FITWH", "Federal Income Tax", round(taxable * 0.12, 2)),
            ("SSEE", "Social Security", round(gross * 0.062, 2)),
            ("MEDEE", "Medicare", round(gross * 0.0145, 2)),
            ("SITWH", f"{e.person.state} State Income Tax", round(taxable * _STATE_TAX["USA"], 2)),
        ]
    return _Lines(tuple(earnings), tuple(deductions), tuple(taxes), gross, pre_tax)


def lines_of(e: Employment, paid: date) -> _Lines:
    """The earnings, deductions and taxes of an employee's statement for one pay date."""
    return _lines(e, paid, e.annual, e.hourly_rate, e.weekly_hours)


def statement_dates(tenant: Tenant, e: Employment) -> list[date]:
    """The pay dates an employee has a statement for (paid already, while employed)."""
    today = tenant.now.date()
    return [
        paid
        for paid in pay_dates(tenant, e.pay_group)
        if paid < today and _employed_on(e, *pay_period(e.pay_group, paid))
    ]


def statements_between(tenant: Tenant, start: date, end: date) -> list[tuple[Employment, date]]:
    """Every (employee, pay date) whose pay date is in [start, end], by pay date then employee.

    Kept on the tenant until it changes (or its day does): each page of a read asks again.
    """
    key = f"statements:{start}:{end}:{tenant.now.date()}"
    cached = tenant.row_cache.get(key)
    if cached is not None and cached[0] == tenant.version:
        return cached[1]
    found = [
        (e, paid) for e in tenant.employments for paid in statement_dates(tenant, e) if start <= paid <= end
    ]
    found.sort(key=lambda ref: ref[1])
    tenant.row_cache.pop(key, None)  # re-added last: the newest window is kept longest
    for old in [k for k in tenant.row_cache if k.startswith("statements:")][:-3]:
        del tenant.row_cache[old]  # a few recent windows are enough: each sync asks for one
    tenant.row_cache[key] = (tenant.version, found)
    return found


def _ytd(tenant: Tenant, e: Employment, paid: date) -> list[_Lines]:
    return [lines_of(e, d) for d in statement_dates(tenant, e) if d.year == paid.year and d <= paid]


def _pay_identifier(e: Employment, paid: date) -> str:
    return hashed_guid(e.key, 73, paid.toordinal())


def _document(e: Employment, paid: date) -> str:
    return f"{mix(e.key, 74, paid.toordinal()) % 10**9:09d}"


def _identifier(e: Employment) -> dict[str, Any]:
    return {
        "identificationtype": "EmployeeId",
        "companyidentifier": e.company.company_id,
        "employeeidentifier": e.employee_id,
    }


def _net_pay(e: Employment, net: float, ctx: RecordContext) -> list[dict[str, Any]]:
    accounts = [banking.direct_deposit((e, i), ctx) for i in range(banking.deposit_count(e))]
    paid: list[dict[str, Any]] = []
    left = net
    for account in accounts:
        if account["depositRule"] == "N":
            amount = left
        elif account["depositRule"] == "A":
            amount = min(left, account["amountOrPercent"])
        else:
            amount = round(net * account["amountOrPercent"] / 100, 2)
        amount = round(max(min(amount, left), 0.0), 2)
        left = round(left - amount, 2)
        kind = "Checking" if account["accountType"] == "C" else "Savings"
        paid.append({"accountnumber": account["account"], "accounttype": kind, "amount": amount})
    return paid


def pay_statement(ref: tuple[Employment, date], ctx: RecordContext) -> dict[str, Any]:
    """A pay statement (schema ``EmployeePayStatementModel``): all-lowercase keys, as UKG sends them."""
    e, paid = ref
    p, c, group = e.person, e.company, e.pay_group
    start, end = pay_period(group, paid)
    now = lines_of(e, paid)
    year = _ytd(ctx.tenant, e, paid)
    ytd_earn: dict[str, tuple[float, float]] = {}
    ytd_ded: dict[str, tuple[float, float]] = {}
    ytd_tax: dict[str, float] = {}
    for lines in year:
        for code, _, hours, _, amount in lines.earnings:
            was = ytd_earn.get(code, (0.0, 0.0))
            ytd_earn[code] = (was[0] + hours, was[1] + amount)
        for plan, ee, er in lines.deductions:
            was = ytd_ded.get(plan.code, (0.0, 0.0))
            ytd_ded[plan.code] = (was[0] + ee, was[1] + er)
        for code, _, amount in lines.taxes:
            ytd_tax[code] = ytd_tax.get(code, 0.0) + amount
    gross_ytd = round(sum(lines.gross for lines in year), 2)
    taxable = round(now.gross - now.pre_tax, 2)
    filing = "M" if p.marital in ("M", "P") else "S"
    accruals = []
    for code, description, per_year, _ in records._plans(e):
        earned = round(per_year * e.weekly_hours / 40 / group.per_year, 4)
        accruals.append(
            {
                "amountcurrent": earned,
                "amounttype": "Hours",
                "balance": round(earned * (1 + mix(e.key, 75, paid.toordinal()) % 12), 2),
                "plancode": code,
                "plandescription": description,
            }
        )
    return {
        "accruals": accruals,
        "addressline1": p.address1,
        "addressline2": p.address2,
        "city": p.city,
        "companyaddresscity": c.city,
        "companyaddresscountry": c.country,
        "companyaddresscounty": c.county,
        "companyaddressline1": c.address1,
        "companyaddressline2": c.address2,
        "companyaddresspostalcode": c.postal,
        "companyaddressstateorprovince": c.state,
        "companyname": c.name,
        "companyphone": c.phone,
        "companyphoneext": c.phone_ext,
        "country": p.country,
        "deductions": [
            {
                "basisamount": now.gross,
                "deductioncode": plan.code,
                "deductiondescription": plan.description,
                "employeeamount": ee,
                "employeeamountytd": round(ytd_ded[plan.code][0], 2),
                "employeramount": er,
                "employeramountytd": round(ytd_ded[plan.code][1], 2),
                "pretax": plan.pre_tax,
            }
            for plan, ee, er in now.deductions
        ],
        "deductionscurrent": now.deducted,
        "deductionsytd": round(sum(lines.deducted for lines in year), 2),
        "document": _document(e, paid),
        "earnings": [
            {
                "amount": amount,
                "amountytd": round(ytd_earn[code][1], 2),
                "hours": hours,
                "hoursytd": round(ytd_earn[code][0], 2),
                "paycode": code,
                "paydescription": description,
                "payrate": rate,
                "periodend": ukg_date(end),
                "periodstart": ukg_date(start),
                "piececount": 0.0,
                "piecepayrate": 0.0,
            }
            for code, description, hours, rate, amount in now.earnings
        ],
        "employeeidentifier": _identifier(e),
        "employeenumber": e.number,
        "federaladditionalamountWithheld": 0.0,
        "federalallowancesclaimed": 0,
        "federalfilingstatus": filing,
        "federaltaxablewagescurrent": taxable,
        "federaltaxablewagesytd": round(sum(lines.gross - lines.pre_tax for lines in year), 2),
        "fullname": f"{p.first_name} {p.last_name}",
        "grosswagescurrent": now.gross,
        "grosswagesytd": gross_ytd,
        "job": e.job.title,
        "location": e.location.code,
        "netpay": _net_pay(e, now.net, ctx),
        "netpaycurrent": now.net,
        "netpayytd": round(sum(lines.net for lines in year), 2),
        "orglevel1": e.org[0],
        "orglevel2": e.org[1],
        "orglevel3": e.org[2],
        "orglevel4": e.org[3],
        "paydate": ukg_date(paid),
        "payperiodfrequency": group.period,
        "paygroup": group.code,
        "payidentifier": _pay_identifier(e, paid),
        "payrate": e.hourly_rate if e.salary_hourly == "H" else round(e.annual / group.per_year, 2),
        "periodenddate": ukg_date(end),
        "periodstartdate": ukg_date(start),
        "postalcode": p.postal,
        "residentstateallowancesclaimed": 0,
        "residentstatefilingstatus": filing,
        "ssn": p.national_id,
        "stateorprovince": p.state,
        "taxes": [
            {
                "amount": amount,
                "amountytd": round(ytd_tax[code], 2),
                "basisamount": taxable if code in ("FITWH", "SITWH", "FEDTAX", "PROVTAX") else now.gross,
                "taxdescription": description,
                "taxcode": code,
            }
            for code, description, amount in now.taxes
        ],
        "taxescurrent": now.taxed,
        "taxesytd": round(sum(lines.taxed for lines in year), 2),
        "workstateallowancesclaimed": 0,
        "workstatefilingstatus": filing,
    }


def pay_statement_summary(ref: tuple[Employment, date], ctx: RecordContext) -> dict[str, Any]:
    """A pay statement summary (schema ``CompanyPayStatementModel``): totals only."""
    e, paid = ref
    now = lines_of(e, paid)
    return {
        "employeeidentifier": _identifier(e),
        "payidentifier": _pay_identifier(e, paid),
        "paydate": ukg_date(paid),
        "document": _document(e, paid),
        "totalearnings": now.gross,
        "totaldeductions": now.deducted,
        "totaltaxes": now.taxed,
    }


def pay_period_row(ref: tuple[PayGroup, int, date], ctx: RecordContext) -> dict[str, Any]:
    """A ``/payroll/v1/paygroup-payperiods`` row (schema ``PayGroupPayPeriods``): one pay date of a group."""
    group, number, paid = ref
    start, end = pay_period(group, paid)
    closed = paid < ctx.tenant.now.date() - timedelta(days=2)
    opened = datetime.combine(start, datetime.min.time()) + timedelta(hours=6)
    same_month = [d for d in pay_dates(ctx.tenant, group) if (d.year, d.month) == (paid.year, paid.month)]
    year_end = paid.month == 12 and paid == same_month[-1]
    flag = "Y" if year_end else "Q" if paid.month % 3 == 0 and paid == same_month[-1] else "M"
    return {
        "isActive": True,
        "dateTimeChanged": ukg_datetime(opened + timedelta(days=(paid - start).days + 1)),
        "dateTimeCreated": ukg_datetime(opened),
        "dateTimeFiscalEndDone": None,
        "dateTimePeriodClosed": ukg_datetime(
            datetime.combine(paid, datetime.min.time()) + timedelta(hours=20)
        )
        if closed
        else None,
        "dateTimePeriodOpened": ukg_datetime(opened),
        "fiscalYearEnd": year_end,
        "isCtsCreated": False,
        "isPeriodClosed": closed,
        "isQtdobPerControl": False,
        "isYtdobPerControl": False,
        "monthlyPayPeriodNumber": same_month.index(paid) + 1,
        "mqyEndFlag": flag if paid == same_month[-1] else None,
        "obType": None,
        "payDate": ukg_date(paid),
        "payDateSeq": 1,
        "payGroup": group.code,
        "payPeriodId": number,
        "periodControl": f"{paid:%Y%m%d}1",
        "periodEndDate": ukg_date(end),
        "periodStartDate": ukg_date(start),
        "periodType": "R",
        "suspAutoPay": "N",
        "suspDirectDeposit": "N",
        "userIdChanged": "PAYROLL",
        "userIdCreated": "PAYROLL",
        "notes": None,
        "auditKey": mix(number, 76) % 10**8,
        "payrollStateId": 5 if closed else 1,
        "combineNachaFileName": None,
        "combineNachaFileOverride": False,
        "txFilAppDateTime": None,
        "txFilAppUserId": None,
        "allowWebPyrlAfterYeRecon": False,
        "payrollChangeFlags": 0,
        "payrollTransitionFlags": 0,
        "instantCheckMoveRule": False,
        "bringInPayrollBatchLoad": False,
        "bringInPpiLoad": False,
        "bringInRetroPayLoad": False,
        "lmwActive": False,
        "roePayDate": ukg_date(paid) if group.country == "CAN" else None,
        "taxArrearsCollectEnabled": False,
    }


_PLAN_FLAGS = (
    "is401k",
    "is403b",
    "is408k",
    "is408p",
    "is457",
    "is457b",
    "is457F",
    "is501C",
    "isD125",
    "isDeductionOffSet",
    "isDeferredCompensation",
    "isDependentCare",
    "isHousing",
    "isNonQualifiedPlan",
    "isPublicEmployeeRetirement",
    "isProrated",
    "isSection125",
)


def _benefit_start(e: Employment, plan: DeductionPlan) -> date:
    return e.last_hire + timedelta(days=30 if plan.plan_type in ("M", "D", "V", "L") else 0)


def deduction_history(ref: tuple[Employment, date, DeductionPlan], ctx: RecordContext) -> dict[str, Any]:
    """A ``/payroll/v1/payroll-deductions-history`` row (``PayrollDeductionsHistory``).

    One deduction of one check.
    """
    e, paid, plan = ref
    lines = lines_of(e, paid)
    ee, er = next(((ee, er) for p, ee, er in lines.deductions if p.code == plan.code), (0.0, 0.0))
    flags = set(plan.flags)
    return {
        "allowPartialDeduction": "N",
        "batchID": None,
        "benefitAmount": 0.0,
        "benefitOption": "EE" if plan.percent else "EE+SP" if mix(e.key, 81) % 3 == 0 else "EE",
        "benefitProvider": plan.provider,
        "childSupportType": None,
        "companyId": e.company.company_id,
        "checkId": _document(e, paid),
        "currentArrearsAmount": 0.0,
        "customAmount1": 0.0,
        "customAmount2": 0.0,
        "customDate": None,
        "deductionCalculationBasisAmt": lines.gross,
        "deductionCode": plan.code,
        "deductionForBonusOnly": "N",
        "deductionPlanType": plan.plan_type,
        "deductionType": "PRE" if plan.pre_tax else "POST",
        "deferredCompensationCap": 0.0,
        "deferredCompensationRegularCap": 0.0,
        "dependentRecordId": None,
        "employeeCalculationRateOrPercent": plan.employee if plan.percent else 0.0,
        "employeeCalculaitonRule": "P" if plan.percent else "A",
        "employeeCurrentAmount": ee,
        "employeeDeductionLastPaid": ukg_date(paid),
        "employeeGoalAmount": 0.0,
        "employeeGoalRule": None,
        "employeeGoalToDateAmount": 0.0,
        "employeeId": e.employee_id,
        "employeeOriginalAmount": ee,
        "employeeNumber": e.number,
        "employerAnnualCapCalculationRule": None,
        "employerCalculationRateOrPercent": plan.employer if plan.percent else 0.0,
        "employerCalculationRule": "P" if plan.percent else "A",
        "employerCurrentAmount": er,
        "employerPeriodCapCalculationRule": None,
        "excludeFromWorkersCompensation": "N",
        "generalLedgerExpenseAccount": f"6{300 + DEDUCTION_PLANS.index(plan)}",
        "generalLedgerPayAccount": f"2{300 + DEDUCTION_PLANS.index(plan)}",
        **{flag: flag in flags for flag in _PLAN_FLAGS},
        "isVoided": False,
        "isVoidingRecord": "N",
        "payDate": ukg_date(paid),
        "payeeID": None,
        "payGroup": e.pay_group.code,
        "periodControl": f"{paid:%Y%m%d}1",
        "recordId": float(mix(e.key, 82, paid.toordinal(), DEDUCTION_PLANS.index(plan)) % 10**9),
        "taxCalculationGroupId": None,
        "taxCategory": "DED",
        "timeclockCode": None,
        "vendor": plan.provider,
        "wageGarnishmentAdditionalArrearageAmount": 0.0,
        "wageGarnishmentAllocateAsArrears": None,
        "wageGarnishmentAmountExempt": 0.0,
        "wageGarnishmentAmountExemptFromLevy": 0.0,
        "wageGarnishmentAmountExemtFromGarn": 0.0,
        "wageGarnishmentAmountSubjectToCS": 0.0,
        "wageGarnishmentAmountSubjectToGarnishment": 0.0,
        "wageGarnishmentDeductionTaxCategory": None,
        "wageGarnishmentDisposableIncome": 0.0,
        "wageGarnishmentMinimumWageFactor": 0.0,
        "wageGarnishmentWageCode": None,
        "yearToDateDeferredCompensationCombinedAmount": 0.0,
    }


def deduction_rows(tenant: Tenant) -> list[tuple[Employment, date, DeductionPlan]]:
    """Every (employee, pay date, plan) of the tenant's checks, by pay date."""
    return [
        (e, paid, plan)
        for e, paid in statements_between(tenant, date.min, date.max)
        for plan in enrolments(e)
    ]


def emp_deduction(ref: tuple[Employment, DeductionPlan], ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/emp-deductions`` row (``EmpDeductions``): an employee's enrolment in one plan."""
    e, plan = ref
    start = _benefit_start(e, plan)
    stop = e.term_date
    dates = statement_dates(ctx.tenant, e)
    last = max(dates) if dates else None
    year = [lines_of(e, d) for d in dates if last is not None and d.year == last.year]
    ytd_ee = round(sum(ee for lines in year for p, ee, _ in lines.deductions if p.code == plan.code), 2)
    ytd_er = round(sum(er for lines in year for p, _, er in lines.deductions if p.code == plan.code), 2)
    now = lines_of(e, last) if last else None
    ee, er = (
        next(((ee, er) for p, ee, er in now.deductions if p.code == plan.code), (0.0, 0.0))
        if now
        else (0.0, 0.0)
    )
    created = datetime.combine(start, datetime.min.time()) - timedelta(days=20)
    return {
        "arrearsAmt": 0.0,
        "benefitAmount": 0.0 if plan.plan_type != "L" else round(e.annual * 2, -3),
        "benefitAmountCalcRule": "X" if plan.plan_type == "L" else None,
        "benefitAmountRateOrPercent": 0.0,
        "benefitOption": "EE+SP" if mix(e.key, 81) % 3 == 0 and not plan.percent else "EE",
        "benefitStartDate": ukg_date(start),
        "benefitStatus": "T" if stop else "A",
        "benefitStatusDate": ukg_date(stop or start),
        "benefitStopDate": ukg_date(stop),
        "companyID": e.company.company_id,
        "customAmount1": 0.0,
        "customAmount2": 0.0,
        "customDate": None,
        "dateSuspendedFrom": None,
        "dateSuspendedTo": None,
        "datetimeChanged": ukg_datetime(created + timedelta(days=1)),
        "datetimeCreated": ukg_datetime(created),
        "declinedByCarrier": "N",
        "declinedByCarrierDate": None,
        "declinedByCarrierReason": None,
        "deductionCode": plan.code,
        "effectiveRecordID": hashed_guid(e.key, 83, DEDUCTION_PLANS.index(plan)),
        "contactID": None,
        "memberOrCaseNumber": None,
        "employeeAmount": ee,
        "employeeCalcRateOrPct": plan.employee if plan.percent else 0.0,
        "employeeCalcRule": "P" if plan.percent else "A",
        "employeeCauseNumber": None,
        "employeeDedLastPaid": ukg_date(last),
        "employeeEligibilityDate": ukg_date(e.last_hire),
        "employeeFiscalYTDAmt": ytd_ee,
        "employeeGoalAmt": 0.0,
        "employeeGoalToDateAmt": 0.0,
        "employeeID": e.employee_id,
        "employeeLastAmount": ee,
        "employeeMonthToDateAmount": ee,
        "employeeQuarterToDateAmount": ee,
        "employeeYearToDateAmount": ytd_ee,
        "evidenceOfInsurabilityDate": None,
        "evidenceOfInsurabilityDesiredAmt": 0.0,
        "evidenceOfInsurabilityDesiredCalcRateOrPct": 0.0,
        "employerAmount": er,
        "employerCalcRateOrPct": plan.employer if plan.percent else 0.0,
        "employerCalcRule": "P" if plan.percent else "A",
        "employerFiscalYearToDateAmount": ytd_er,
        "employerLastAmount": er,
        "employerMonthToDateAmount": er,
        "employerQuarterToDateAmount": er,
        "employerYearToDateAmount": ytd_er,
        "interestAmount": 0.0,
        "isDeductionOffset": False,
        "medicalIndicator": plan.plan_type == "M",
        "needEvidenceOfInsurability": False,
        "notes": None,
        "primaryCarePhysician": None,
        "primaryCarePhysicianId": None,
        "priorEmployeeAmount": 0.0,
        "priorEmployeeGoalAmount": 0.0,
        "priorEmployeeYearToDateAmount": 0.0,
        "priorEmployerYearToDateAmount": 0.0,
        "deductionStartDate": ukg_date(start),
        "deductionStopDate": ukg_date(stop),
        "systemID": hashed_guid(e.key, 84, DEDUCTION_PLANS.index(plan)),
        "waiveReason": None,
        "isHomeCompany": e.is_home,
        "isWaived": False,
        "includeInAdditionalCheck": False,
        "includeInManualCheck": True,
        "employeePerCapAmount": 0.0,
        "employeePerCapPercent": 0.0,
        "employeePerCapCalcRule": None,
    }
