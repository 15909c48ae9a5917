"""UKG Pro's GET endpoints as the sandbox serves them: path, permission, rows, filters, paging.

One :class:`Endpoint` per path of ``openapi-subset.yaml`` (plus ``/configuration/v1/code-tables/{table}``,
which the code-tables list links to). Paths match case-insensitively and with or without a trailing
slash, as ASP.NET routes do (inferred).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from connectors.ukg_pro.sandbox import banking, payroll, records, vocab
from connectors.ukg_pro.sandbox.auth import Account
from connectors.ukg_pro.sandbox.formats import parse_moment
from connectors.ukg_pro.sandbox.model import Employment
from connectors.ukg_pro.sandbox.query import FilterSpec, QueryError, QueryParams
from connectors.ukg_pro.sandbox.records import RecordContext
from connectors.ukg_pro.sandbox.tenant import Tenant

__all__ = [
    "COMPANY_CONFIGURATION",
    "COMPENSATION",
    "DIRECT_DEPOSIT",
    "EMPLOYEE_EXPORT",
    "ENDPOINTS",
    "JOB_HISTORY",
    "PAYROLL_INTEGRATION",
    "PAY_STATEMENTS",
    "PERSONNEL_INTEGRATION",
    "PERSON_DETAILS",
    "PTO_PLANS",
    "Call",
    "Endpoint",
    "NotFound",
    "Router",
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


class NotFound(LookupError):
    """The record a ``/{id}`` route names does not exist (404)."""


@dataclass
class Call:
    """One request as an endpoint sees it: path arguments, query, caller, and the record context."""

    args: dict[str, str]
    params: QueryParams
    account: Account
    context: RecordContext

    @property
    def tenant(self) -> Tenant:
        """The tenant being read."""
        return self.context.tenant


Rows = Callable[[Call], Sequence[Any]]


@dataclass(frozen=True)
class Endpoint:
    """How the sandbox serves one UKG GET endpoint.

    Attributes:
        path: the path template, as in the OpenAPI description.
        permission: the web-service permission (View role) it needs.
        rows: the objects behind the records, in UKG's order (for one call).
        build: object → record, in UKG's shape.
        filters: lower-case query parameter → what it filters on.
        paged: whether ``page``/``per_Page`` apply (the configuration endpoints return everything).
        single: answers one object rather than a list (``/{employeeId}``, ``/{code}``).
        schema: the component schema of one record in ``openapi-subset.yaml``.
        employee_of: the employment behind a row (lets an ``employeeId`` filter skip building records).
        method: ``GET``, or ``POST`` for the reads UKG takes a JSON filter body for (pay statements):
            the body's members are then read as the query parameters (``page`` and ``per_Page`` too).
        required: parameters (body members) without which UKG answers 400.
        id_lists: the id parameters (lower case) UKG publishes as taking several values at once
            (``employeeId=[ABC, DEF]``); every other id filter takes one value, so a list matches
            nothing, as it would at UKG.

    """

    path: str
    permission: str
    rows: Rows
    build: Callable[[Any, RecordContext], dict[str, Any]]
    filters: Mapping[str, FilterSpec] = field(default_factory=dict)
    paged: bool = True
    single: bool = False
    schema: str | None = None
    employee_of: Callable[[Any], Employment] | None = None
    method: str = "GET"
    required: tuple[str, ...] = ()
    id_lists: frozenset[str] = frozenset()


_ID_PARAMETER = re.compile(r"(id|number)$", re.IGNORECASE)
"""An id filter: ``employeeId``, ``companyID``, ``systemId``, ``employeeNumber``..."""


def _listing(endpoint: Endpoint) -> Endpoint:
    """``endpoint`` with each id filter taking a list only where UKG publishes one (``id_lists``).

    UKG's description says which: user-defined-fields ("EmployeeId parameter can take in multiple
    employee Ids separated by comma. ex: [ABC, DEF]", CompanyId likewise), employee-employment-details
    (Company ID), and the parameters whose published pattern admits a comma (compensation-details,
    employee-supervisor-details, payroll-deductions-history). Code filters keep their lists everywhere
    (inferred from the employee-employment-details description, which gives them for its codes).
    """
    filters = {
        name: replace(spec, several=name in endpoint.id_lists)
        if spec.kind == "text" and _ID_PARAMETER.search(name)
        else spec
        for name, spec in endpoint.filters.items()
    }
    return replace(endpoint, filters=filters)


Getter = Callable[[Mapping[str, Any], Any], Any]


def _on_object(read: Callable[[Any], Any]) -> Getter:
    """A filter's getter reading the object behind a row (its record is not built yet)."""
    return lambda record, ref: read(ref)


def _specs(
    text: str = "",
    dates: str = "",
    bools: str = "",
    fields: Mapping[str, str | Getter] | None = None,
    on_object: Mapping[str, Callable[[Any], Any]] | None = None,
) -> dict[str, FilterSpec]:
    """Filters by parameter name (space-separated per kind).

    ``fields`` names the record field (or a getter) where it differs from the parameter's name
    other than by case, e.g. ``dateTimeChanged`` → ``datetimeChanged`` in person-details.
    ``on_object`` gives, for some, the value read from the object behind a row instead (the same
    value its record shows): those filters pick objects before records are built.
    """
    renamed = fields or {}
    direct = on_object or {}
    specs: dict[str, FilterSpec] = {}
    for kind, names in (("text", text), ("date", dates), ("bool", bools)):
        for name in names.split():
            if name in direct:
                specs[name.lower()] = FilterSpec(_on_object(direct[name]), kind, on_object=True)  # type: ignore[arg-type]
            else:
                specs[name.lower()] = FilterSpec(renamed.get(name, name), kind)  # type: ignore[arg-type]
    return specs


def _as_shown(value: datetime | None) -> datetime | None:
    """An instant as a record shows it (:func:`ukg_datetime`: to the millisecond), still a datetime."""
    if value is None or not value.microsecond % 1000:  # most are to the millisecond already
        return value
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


_PERSON_MOMENTS: dict[str, Callable[[Any], Any]] = {
    "dateTimeChanged": lambda e: _as_shown(e.person.changed_at),
    "dateTimeCreated": lambda e: _as_shown(e.person.created_at),
}
"""person-details' record moments, from the employment behind a row (as records.person_details has them)."""

_EMPLOYMENT_MOMENTS: dict[str, Callable[[Any], Any]] = {
    "dateTimeChanged": lambda e: _as_shown(e.changed_at),
    "dateTimeCreated": lambda e: _as_shown(e.created_at),
}
"""employment-details' record moments, from the employment behind a row (as records.employment_details)."""

_HISTORY_MOMENTS: dict[str, Callable[[Any], Any]] = {
    "dateTimeCreated": lambda ref: _as_shown(ref[1].created_at),
}
"""A job-history row's creation, from the (employment, history row) behind it (as records.job_history)."""


# -- row sources ----------------------------------------------------------------------------------------


def _flat(name: str, tenant: Tenant, make: Callable[[], list[Any]]) -> list[Any]:
    """Rows of a many-per-employee endpoint, cached on the tenant until it changes."""
    cached = tenant.row_cache.get(name)
    if cached is not None and cached[0] == tenant.version:
        return cached[1]
    rows = make()
    tenant.row_cache[name] = (tenant.version, rows)
    return rows


def _employments(call: Call) -> Sequence[Employment]:
    return call.tenant.employments


def _people(call: Call) -> list[Any]:
    """One home employment per person (user-defined fields belong to the person, not to a job).

    ``companyId`` (documented on user-defined-fields) keeps the people holding a job in one of the
    companies named (inferred: the rows carry no company to filter on).
    """
    t = call.tenant
    people: list[Any] = _flat("people", t, lambda: [e for e in t.employments if e.is_home])
    wanted = call.params.get("companyId")
    if wanted is None or not wanted.strip():
        return people
    ids = {part.strip().upper() for part in wanted.strip().strip("[]").split(",") if part.strip()}
    return [e for e in people if any(job.company.company_id in ids for job in t.find(e.employee_id))]


def _history(call: Call) -> list[Any]:
    t = call.tenant
    return _flat("history", t, lambda: [(e, row) for e in t.employments for row in e.history])


def _contacts(call: Call) -> list[Any]:
    t = call.tenant
    return _flat(
        "contacts", t, lambda: [(e, i) for e in t.employments for i in range(records.contact_count(e))]
    )


def _phones(call: Call) -> list[Any]:
    t = call.tenant
    return _flat("phones", t, lambda: [(e, i) for e in t.employments for i in range(records.phone_count(e))])


def _pto(call: Call) -> list[Any]:
    t = call.tenant
    return _flat("pto", t, lambda: [(e, i) for e in t.employments for i in range(records.pto_plan_count(e))])


def _deposits(call: Call) -> list[Any]:
    t = call.tenant
    return _flat(
        "deposits", t, lambda: [(e, i) for e in t.employments for i in range(banking.deposit_count(e))]
    )


def _deposits_of_company(call: Call) -> list[Any]:
    wanted = call.args["companyId"].strip().upper()
    if not any(c.company_id == wanted for c in call.tenant.companies):
        raise NotFound("Company not found.")
    return [ref for ref in _deposits(call) if ref[0].company.company_id == wanted]


def _statements(call: Call) -> list[Any]:
    """Pay statements whose pay date is in [startDate, endDate] (both required by UKG)."""
    start, end = _moment_param(call, "startDate"), _moment_param(call, "endDate")
    if start is None or end is None:
        raise QueryError("startDate" if start is None else "endDate", "The field is required.")
    if start > end:
        raise QueryError("startDate", "startDate must not be after endDate.")
    return payroll.statements_between(call.tenant, start.date(), end.date())


def _pay_periods(call: Call) -> list[Any]:
    t = call.tenant
    rows: list[Any] = []
    for n, group in enumerate(t.pay_groups):
        rows += [(group, 1000 * (n + 1) + i, day) for i, day in enumerate(payroll.pay_dates(t, group))]
    rows.sort(key=lambda ref: (ref[2], ref[0].code))
    return rows


def _deduction_history(call: Call) -> list[Any]:
    t = call.tenant
    return _flat("deduction-history", t, lambda: payroll.deduction_rows(t))


def _emp_deductions(call: Call) -> list[Any]:
    """Enrolments in the plan ``dedCode`` names (required: UKG answers 400 without it)."""
    t = call.tenant
    rows = _flat(
        "enrolments", t, lambda: [(e, plan) for e in t.employments for plan in payroll.enrolments(e)]
    )
    wanted = {
        c.strip().upper() for c in (call.params.get("dedCode") or "").strip("[]").split(",") if c.strip()
    }
    return [ref for ref in rows if ref[1].code in wanted]


_PERIOD_BOUNDS = {
    "startpercontrol": FilterSpec("periodControl", "min"),
    "endpercontrol": FilterSpec("periodControl", "max"),
}


def _company_of_statement(record: Mapping[str, Any], ref: Any) -> Any:
    return ref[0].company.company_id


def _pto_of_employee(call: Call) -> list[Any]:
    found = call.tenant.find(call.args["employeeId"], call.args["companyId"])
    if not found:
        raise NotFound("No employee found with the given company and employee identifiers.")
    e = found[0]
    return [(e, i) for i in range(records.pto_plan_count(e))]


def _person(call: Call) -> list[Any]:
    home = call.tenant.home(call.args["employeeId"])
    if home is None:
        raise NotFound("Person details not found.")
    return [home]


def _job(call: Call) -> list[Any]:
    job = call.tenant.job(call.args["code"])
    if job is None:
        raise NotFound("Job not found.")
    return [job]


def _location(call: Call) -> list[Any]:
    loc = call.tenant.location(call.args["code"])
    if loc is None:
        raise NotFound("Location not found.")
    return [loc]


def _code_table(call: Call) -> list[Any]:
    table = vocab.CODE_TABLES.get(call.args["table"].upper())
    if table is None:
        raise NotFound("Code table not found.")
    return list(table)


def _moment_param(call: Call, name: str) -> datetime | None:
    raw = call.params.get(name)
    if raw is None or not raw.strip():
        return None
    try:
        moment, has_time = parse_moment(raw)
    except ValueError:
        raise QueryError(call.params.spelling(name) or name, f"'{raw}' is not a valid date.") from None
    if not has_time and name == "endDate":
        moment += timedelta(days=1) - timedelta(milliseconds=1)
    return moment


def _changes(call: Call) -> list[Any]:
    """The change feed: employees changed in [startDate, endDate]; without startDate, since the last call."""
    tenant = call.tenant
    now = tenant.now
    end = _moment_param(call, "endDate") or now
    start = _moment_param(call, "startDate")
    if start is None:
        last = call.account.last_change_feed_call
        start = last if last is not None else now - call.context.settings.change_feed_default_window
    if start > end:
        raise QueryError("startDate", "startDate must not be after endDate.")
    if call.params.get("page") in (None, "1"):
        call.account.last_change_feed_call = now
    return tenant.changed_between(start, end)


def _is_home(record: Mapping[str, Any], ref: Any) -> bool:
    return bool(ref.is_home)


def _employee(ref: Any) -> Employment:
    employment: Employment = ref
    return employment


def _employee_in_pair(ref: Any) -> Employment:
    employment: Employment = ref[0]
    return employment


# -- the table ------------------------------------------------------------------------------------------

_EMPLOYMENT_TEXT = (
    "primaryJobCode jobTitle fullTimeOrPartTimeCode primaryWorkLocationCode primaryProjectCode "
    "deductionGroupCode earningGroupCode employeeTypeCode employeeStatusCode employeeNumber payGroup"
)
_EMPLOYMENT_DATES = (
    "originalHireDate lastHireDate dateOfTermination dateOfRetirement dateTimeCreated dateTimeChanged "
    "dateLastPayDatePaid"
)

_DEPOSIT_FILTERS = _specs(
    text="employeeId companyId employeeBankRoutingNumber countryCode",
    dates="dateTimeChanged",
    bools="accountIsInactive",
)

_STATEMENT_FILTERS = _specs(
    text="companyId payGroup", fields={"companyId": _company_of_statement, "payGroup": "paygroup"}
)

_SERVED: tuple[Endpoint, ...] = (
    Endpoint(
        "/personnel/v1/person-details",
        PERSON_DETAILS,
        _employments,
        records.person_details,
        _specs(
            text="companyId employeeId lastName emailAddress addressState addressCountry cobraStatus "
            "nationalId nationalIdCountry",
            dates="dateOfCobraEvent dateTimeCreated dateTimeChanged",
            bools="cobraIsActive",
            on_object=_PERSON_MOMENTS,
        ),
        schema="EmpPersonDetails",
        employee_of=_employee,
    ),
    Endpoint(
        "/personnel/v1/person-details/{employeeId}",
        PERSON_DETAILS,
        _person,
        records.person_details,
        paged=False,
        single=True,
        schema="EmpPersonDetails",
    ),
    Endpoint(
        "/personnel/v1/employment-details",
        PERSONNEL_INTEGRATION,
        _employments,
        records.employment_details,
        _specs(
            text=f"companyId employeeId supervisorID {_EMPLOYMENT_TEXT}",
            dates=_EMPLOYMENT_DATES,
            bools="isHomeCompany",
            fields={"isHomeCompany": _is_home},
            on_object=_EMPLOYMENT_MOMENTS,
        ),
        schema="EmpEmploymentDetails",
        employee_of=_employee,
    ),
    Endpoint(
        "/personnel/v1/employee-employment-details",
        PERSONNEL_INTEGRATION,
        _employments,
        records.employee_employment_details,
        _specs(
            text=f"companyID employeeID supervisorId {_EMPLOYMENT_TEXT}",
            dates=_EMPLOYMENT_DATES,
            bools="isHomeCompany",
            fields={
                "payGroup": "payGroupCode",
                "dateOfTermination": "terminationDate",
                "dateOfRetirement": "retirementDate",
            },
        ),
        employee_of=_employee,
        id_lists=frozenset({"companyid"}),  # the description: "Company ID parameter can take in multiple"
    ),
    Endpoint(
        "/personnel/v1/compensation-details",
        COMPENSATION,
        _employments,
        records.compensation_details,
        _specs(
            text="companyId employeeId primaryJobCode jobGroupCode jobTitle payGroupCode "
            "fullTimeOrPartTimeCode salaryOrHourlyCode primaryShiftCode primaryShiftGroupCode "
            "performanceReviewRating performanceReviewType",
            dates="dateInJob dateLastPaid datePaidThru",
            bools="isAutoAllocated isAutoPaid isSeasonalWorker isHighlyCompensated isMultipleJob",
        ),
        schema="EmpCompensationDetails",
        employee_of=_employee,
        id_lists=frozenset({"employeeid"}),  # the published pattern: ^[\s*a-zA-Z0-9,\[\]]*$
    ),
    Endpoint(
        "/personnel/v1/employee-changes",
        EMPLOYEE_EXPORT,
        _changes,
        records.change_feed,
        schema="EmployeeChangesResponse",
        employee_of=_employee,
    ),
    Endpoint(
        "/personnel/v1/employee-job-history-details",
        JOB_HISTORY,
        _history,
        records.job_history,
        _specs(
            text="companyId employeeId systemId",
            dates="jobEffectiveDate dateTimeCreated",
            bools="isOrgChange isJobChange isRateChange isPromotion",
            fields={"isOrgChange": "isOrgchange"},
            on_object=_HISTORY_MOMENTS,
        ),
        schema="EmployeeJobHistoryDetail",
        employee_of=_employee_in_pair,
    ),
    Endpoint(
        "/personnel/v1/employee-supervisor-details",
        PERSONNEL_INTEGRATION,
        _employments,
        records.supervisor_details,
        _specs(text="companyId employeeId supervisorCompanyId supervisorEmployeeId supervisorCompanyCode"),
        schema="EmployeeSupervisorDetails",
        employee_of=_employee,
        id_lists=frozenset({"employeeid", "supervisoremployeeid"}),  # published pattern ^[a-zA-Z0-9,]*$
    ),
    Endpoint(
        "/personnel/v1/pto-plans",
        PTO_PLANS,
        _pto,
        records.pto_plans,
        schema="pto-plans",
        employee_of=_employee_in_pair,
    ),
    Endpoint(
        "/personnel/v1/companies/{companyId}/employees/{employeeId}/pto-plans",
        PTO_PLANS,
        _pto_of_employee,
        records.pto_plans,
        schema="pto-plans",
    ),
    Endpoint(
        "/configuration/v1/company-details",
        COMPANY_CONFIGURATION,
        lambda call: call.tenant.companies,
        records.company_details,
        _specs(text="companyId masterCompanyId companyCode", bools="isMasterCompany"),
        schema="CompanyDetails",
    ),
    Endpoint(
        "/configuration/v1/org-levels",
        COMPANY_CONFIGURATION,
        lambda call: call.tenant.org_units,
        records.org_level,
        _specs(text="levelDescription code budgetGroup reportingCategory", bools="isActive"),
        paged=False,
        schema="org-levels",
    ),
    Endpoint(
        "/configuration/v1/jobs",
        COMPANY_CONFIGURATION,
        lambda call: call.tenant.jobs,
        records.job,
        _specs(text="countryCode", bools="isActive"),
        paged=False,
        schema="jobs",
    ),
    Endpoint(
        "/configuration/v1/jobs/{code}",
        COMPANY_CONFIGURATION,
        _job,
        records.job,
        paged=False,
        single=True,
        schema="jobs",
    ),
    Endpoint(
        "/configuration/v1/locations",
        COMPANY_CONFIGURATION,
        lambda call: call.tenant.locations,
        records.location,
        _specs(text="countryCode", bools="isActive"),
        paged=False,
        schema="locations",
    ),
    Endpoint(
        "/configuration/v1/locations/{code}",
        COMPANY_CONFIGURATION,
        _location,
        records.location,
        paged=False,
        single=True,
        schema="locations",
    ),
    Endpoint(
        "/configuration/v1/code-tables",
        COMPANY_CONFIGURATION,
        lambda call: list(vocab.CODE_TABLES),
        records.code_tables,
        paged=False,
        schema="CodeTablesGET",
    ),
    Endpoint(
        "/configuration/v1/code-tables/{table}",
        COMPANY_CONFIGURATION,
        _code_table,
        records.code_table,
        paged=False,
    ),
    Endpoint(
        "/personnel/v1/user-defined-fields",
        PERSONNEL_INTEGRATION,
        _people,
        records.user_defined_fields,
        _specs(text="employeeId"),
        schema="UserDefinedFields",
        employee_of=_employee,
        id_lists=frozenset({"employeeid", "companyid"}),  # the description; companyId: see _people
    ),
    Endpoint(
        "/personnel/v1/employee-demographic-details",
        PERSONNEL_INTEGRATION,
        _employments,
        records.demographic_details,
        _specs(text="employeeId companyId lastName emailAddress addressState addressCountry"),
        schema="EmployeeDemographicDetails",
        employee_of=_employee,
    ),
    Endpoint(
        "/personnel/v1/contacts",
        PERSONNEL_INTEGRATION,
        _contacts,
        records.contacts,
        _specs(
            text="employeeId relationshipCode contactId countryCode cobraStatus",
            dates="dateOfCobraEvent statusAsOfDate",
            bools="isActive cobraIsActive isBeneficiary isDependent",
            fields={"dateOfCobraEvent": "dateOfCOBRAEvent"},
        ),
        schema="Contact",
        employee_of=_employee_in_pair,
    ),
    Endpoint(
        "/personnel/v1/employee-multi-phone-numbers",
        PERSONNEL_INTEGRATION,
        _phones,
        records.phone_numbers,
        _specs(text="employeeId systemId"),
        schema="EmployeeMultiPhoneNumbers",
        employee_of=_employee_in_pair,
    ),
    Endpoint(
        "/payroll/v1/direct-deposit",
        DIRECT_DEPOSIT,
        _deposits,
        banking.direct_deposit,
        _DEPOSIT_FILTERS,
        schema="DirectDepositModel",
        employee_of=_employee_in_pair,
    ),
    Endpoint(
        "/payroll/v1/companies/{companyId}/direct-deposit",
        DIRECT_DEPOSIT,
        _deposits_of_company,
        banking.direct_deposit,
        _DEPOSIT_FILTERS,
        schema="DirectDepositModel",
        employee_of=_employee_in_pair,
    ),
    Endpoint(
        "/payroll/v1/companies/pay-statements",
        PAY_STATEMENTS,
        _statements,
        payroll.pay_statement,
        _STATEMENT_FILTERS,
        schema="EmployeePayStatementModel",
        method="POST",
        required=("startDate", "endDate"),
    ),
    Endpoint(
        "/payroll/v1/companies/pay-statements-summary",
        PAY_STATEMENTS,
        _statements,
        payroll.pay_statement_summary,
        _STATEMENT_FILTERS,
        schema="CompanyPayStatementModel",
        method="POST",
        required=("startDate", "endDate"),
    ),
    Endpoint(
        "/payroll/v1/paygroup-payperiods",
        PAYROLL_INTEGRATION,
        _pay_periods,
        payroll.pay_period_row,
        _specs(text="payGroup payDateSeq", dates="periodEndDate periodStartDate payDate"),
        schema="PayGroupPayPeriods",
    ),
    Endpoint(
        "/payroll/v1/payroll-deductions-history",
        PAYROLL_INTEGRATION,
        _deduction_history,
        payroll.deduction_history,
        _specs(
            text="employeeId companyId checkId employeeNumber deductionCode deductionType benefitOption "
            "benefitProvider payGroup periodControl",
            dates="payDate",
            bools="is401K is403B is408K is408P is457 is457B is457F is501C isD125 isDeductionOffSet "
            "isDeferredCompensation isDependentCare isHousing isNonQualifiedPlan",
        )
        | _PERIOD_BOUNDS,
        schema="PayrollDeductionsHistory",
        employee_of=lambda ref: ref[0],
        id_lists=frozenset({"employeeid"}),  # the published pattern: ^[a-zA-Z0-9,]*$
    ),
    Endpoint(
        "/personnel/v1/emp-deductions",
        PERSONNEL_INTEGRATION,
        _emp_deductions,
        payroll.emp_deduction,
        _specs(
            text="employeeId companyId benStatus benefitOption",
            fields={"employeeId": "employeeID", "companyId": "companyID", "benStatus": "benefitStatus"},
        ),
        schema="EmpDeductions",
        employee_of=_employee_in_pair,
        required=("dedCode",),
    ),
)

ENDPOINTS: tuple[Endpoint, ...] = tuple(_listing(endpoint) for endpoint in _SERVED)
"""Every endpoint served, in the order of the OpenAPI description."""


class Router:
    """Matches a request path to an endpoint, case-insensitively and ignoring a trailing slash."""

    def __init__(self, endpoints: Sequence[Endpoint] = ENDPOINTS) -> None:
        self._routes: list[tuple[re.Pattern[str], Endpoint]] = []
        for endpoint in endpoints:
            pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(endpoint.path))
            self._routes.append((re.compile(f"^{pattern}/?$", re.IGNORECASE), endpoint))

    def match(self, path: str) -> tuple[Endpoint, dict[str, str]] | None:
        """The endpoint and its path arguments, or None."""
        for pattern, endpoint in self._routes:
            found = pattern.match(path)
            if found:
                return endpoint, found.groupdict()
        return None
