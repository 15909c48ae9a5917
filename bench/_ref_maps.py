"""The reference sync's mapping, by hand: one function per model from UKG Pro rows to the unified model.

Each follows the hub's UKG field map of its model (``field_maps/ukg_pro/*.yaml``) so the records come out
equal: the same ids (``stable_id`` of the key parts, trimmed), remote ids, references, enum tables,
parsers (``field_maps.parsers``) and connector transforms (``connectors.ukg_pro.transforms``). A value
that does not parse leaves its field empty, as the hub does; a field the model refuses is left empty
and the record kept; a record without its key is skipped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any

from pydantic import BaseModel, ValidationError

from connectors.ukg_pro.transforms import (
    rate_by_pay_basis,
    status_with_future_hires,
    termination_of_current_spell,
)
from field_maps.errors import MappingError
from field_maps.parsers import (
    parse_boolean,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_integer,
    parse_string,
)
from field_maps.transforms import country_alpha2
from unified_models import (
    Company,
    Employee,
    Employment,
    Group,
    Location,
    TimeOffBalance,
    TimeOffPolicy,
    stable_id,
)

CONNECTOR = "ukg_pro"

Row = Mapping[str, Any]

# -- values --------------------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (value.__class__ is str and (not value or value.isspace()))


def text(value: Any) -> str | None:
    """Text as UKG sent it (not trimmed); empty → None; numbers as text; anything else → None."""
    if value.__class__ is str:
        return None if not value or value.isspace() else value
    if value is None:
        return None
    try:
        return parse_string(value)
    except MappingError:
        return None


def code(value: Any) -> str | None:
    """A code or key part: trimmed text (UKG pads codes: ``"F "``), None when empty."""
    if value.__class__ is str:
        return value.strip() or None
    if value is None:
        return None
    if value is True or value is False:
        return "true" if value else "false"
    return str(value)


@lru_cache(maxsize=65_536)
def ref(model: str, *parts: Any) -> str | None:
    """The id of the record of ``model`` with these key parts; None when one is missing.

    Remembered: records refer to the same companies, groups, locations and managers over and over.
    """
    if any(part is None for part in parts):
        return None
    return stable_id(CONNECTOR, model, parts)


def enum(table: Mapping[str, Any], value: Any, unknown: Any = None) -> Any:
    """``table``'s value for a code (trimmed); ``unknown`` for a code it does not list."""
    key = code(value)
    return None if key is None else table.get(key, unknown)


def parsed(parse: Any, value: Any) -> Any:
    """``parse(value)``, or None when the value does not parse."""
    if value is None:
        return None
    try:
        return parse(value)
    except MappingError:
        return None


def template_text(value: Any) -> str:
    """A value as it is written into a template: empty for None and blank text."""
    if value is None:
        return ""
    if value.__class__ is str:
        return "" if value.isspace() else value
    return str(value)


def joined_text(*values: Any, sep: str = "|") -> str | None:
    """Values written into one template text, trimmed; None when nothing is left."""
    return sep.join(template_text(v) for v in values).strip() or None


def first_text(*values: Any) -> str | None:
    """The first value that is not empty, as text."""
    for value in values:
        if not _blank(value):
            return text(value)
    return None


def build(model: type[BaseModel], values: dict[str, Any]) -> BaseModel | None:
    """The model of ``values``; a field the model refuses is left empty (None when the id is refused)."""
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        names = {str(e["loc"][0]) for e in exc.errors(include_url=False) if e.get("loc")}
        if not names or names & {"id", "remote_id"} or not names <= values.keys():
            return None
        for name in names:
            values[name] = None
    try:
        return model.model_validate(values)
    except ValidationError:
        return None


def _address(
    line1: Any, line2: Any, city: Any, state: Any, postal: Any, country: Any
) -> dict[str, Any] | None:
    country_code = None if _blank(country) else parsed(country_alpha2, country)
    address = {
        "line1": text(line1),
        "line2": text(line2),
        "city": text(city),
        "state": text(state),
        "postal_code": text(postal),
        "country": country_code,
    }
    return address if any(v is not None for v in address.values()) else None


# -- organisation ----------------------------------------------------------------------------------


def company(row: Row) -> Company | None:
    """A ``company-details`` row."""
    key = code(row.get("companyID"))
    if key is None:
        return None
    name = text(row.get("companyName"))
    return build(  # type: ignore[return-value]
        Company,
        {
            "id": stable_id(CONNECTOR, "Company", (key,)),
            "remote_id": key,
            "legal_name": name,
            "display_name": name,
            "code": text(row.get("companyCode")),
            "is_parent": parsed(parse_boolean, row.get("isMasterCompany")),
        },
    )


def location(row: Row) -> Location | None:
    """A ``locations`` row."""
    key = code(row.get("locationCode"))
    if key is None:
        return None
    return build(  # type: ignore[return-value]
        Location,
        {
            "id": stable_id(CONNECTOR, "Location", (key,)),
            "remote_id": key,
            "name": text(row.get("description")),
            "address": _address(
                row.get("addressLine1"),
                row.get("addressLine2"),
                row.get("city"),
                row.get("state"),
                row.get("zipOrPostalCode"),
                row.get("countryCode"),
            ),
            "location_type": "WORK",
            "is_active": parsed(parse_boolean, row.get("isActive")),
        },
    )


_GROUP_TYPES = {
    "department": "DEPARTMENT",
    "dept": "DEPARTMENT",
    "team": "TEAM",
    "division": "DIVISION",
    "business unit": "BUSINESS_UNIT",
    "cost center": "COST_CENTER",
    "cost centre": "COST_CENTER",
    "region": "REGION",
}


def group(row: Row) -> Group | None:
    """An ``org-levels`` row: one group per (level, code)."""
    level, group_code = code(row.get("level")), code(row.get("code"))
    if level is None or group_code is None:
        return None
    label = row.get("levelDescription")
    kind = None
    if label.__class__ is str and label.strip():
        kind = _GROUP_TYPES.get(label.strip().lower().strip(), "OTHER")
    return build(  # type: ignore[return-value]
        Group,
        {
            "id": stable_id(CONNECTOR, "Group", (level, group_code)),
            "remote_id": f"{level}:{group_code}",
            "name": text(row.get("description")),
            "label": text(label),
            "level": parsed(parse_integer, row.get("level")),
            "type": kind,
            "is_active": parsed(parse_boolean, row.get("isActive")),
        },
    )


def department_level(org_levels: Sequence[Row]) -> int | None:
    """The org level (1-4) the customer labels "Department", from the org-levels rows."""
    labels: dict[int, str] = {}
    for row in org_levels:
        level, label = row.get("level"), row.get("levelDescription")
        if isinstance(level, int) and 1 <= level <= 4 and isinstance(label, str) and label.strip():
            labels.setdefault(level, label.strip())
    for level in sorted(labels):
        if " ".join(labels[level].split()).casefold() == "department":
            return level
    return None


# -- people ----------------------------------------------------------------------------------------

_GENDER = {"M": "MALE", "F": "FEMALE", "X": "NON_BINARY", "D": "NOT_DISCLOSED"}
_ETHNICITY = {
    "1": "WHITE",
    "2": "BLACK_OR_AFRICAN_AMERICAN",
    "3": "HISPANIC_OR_LATINO",
    "4": "ASIAN_OR_INDIAN_SUBCONTINENT",
    "5": "AMERICAN_INDIAN_OR_ALASKA_NATIVE",
    "6": "NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER",
    "7": "TWO_OR_MORE_RACES",
    "9": "PREFER_NOT_TO_DISCLOSE",
}
_MARITAL = {"S": "SINGLE", "M": "MARRIED_FILING_JOINTLY"}
_STATUS = {"A": "ACTIVE", "FUTURE_HIRE": "PENDING", "L": "LEAVE", "T": "INACTIVE", "R": "INACTIVE"}
_FULL_OR_PART = {"F": "FULL_TIME", "P": "PART_TIME"}
_DATETIME_SLOTS = frozenset(
    {"personnelUDField05", "personnelUDField06", "personnelUDField12", "personnelUDField13"}
)


def custom_fields(slots: Any) -> dict[str, Any] | None:
    """UKG's personnel user-defined fields (slot → ``{field, value}``) as ``{label: value}``."""
    if not isinstance(slots, dict):
        return None
    found: dict[str, Any] = {}
    for slot, pair in slots.items():
        if not isinstance(pair, dict):
            continue
        label, value = pair.get("field"), pair.get("value")
        if label is None or _blank(value):
            continue
        if slot in _DATETIME_SLOTS:
            value = parsed(parse_datetime, value) or value  # a date-time that does not parse stays as sent
        label = " ".join(str(label).split())
        if label:
            found[label] = value
    return found or None


def _transformed(transform: Any, value: str | None) -> Any:
    if value is None:
        return None
    try:
        return transform(value)
    except ValueError:
        return None


def employee(person: Row, job: Row | None, udf: Row | None, department: int | None) -> Employee | None:
    """A ``person-details`` row with its ``employment-details`` and ``user-defined-fields`` rows."""
    company_id, employee_id = code(person.get("companyId")), code(person.get("employeeId"))
    if company_id is None or employee_id is None:
        return None
    job = job or {}
    first, last = person.get("firstName"), person.get("lastName")
    hired = job.get("lastHireDate")
    status = _transformed(status_with_future_hires, joined_text(job.get("employeeStatusCode"), hired))
    groups = [ref("Group", level, code(job.get(f"orgLevel{level}Code"))) for level in (1, 2, 3, 4)]
    return build(  # type: ignore[return-value]
        Employee,
        {
            "id": stable_id(CONNECTOR, "Employee", (company_id, employee_id)),
            "remote_id": f"{company_id}:{employee_id}",
            "employee_number": text(job.get("employeeNumber")),
            "company_id": ref("Company", company_id),
            "first_name": text(first),
            "middle_name": text(person.get("middleName")),
            "last_name": text(last),
            "preferred_name": text(person.get("preferredName")),
            "display_full_name": joined_text(first, last, sep=" "),
            "username": text(person.get("userName")),
            "work_email": text(person.get("emailAddress")),
            "personal_email": text(person.get("emailAddressAlternate")),
            "work_phone": text(job.get("workPhoneNumber")),
            "home_phone": text(person.get("homePhone")),
            "home_address": _address(
                person.get("addressLine1"),
                person.get("addressLine2"),
                person.get("addressCity"),
                person.get("addressState"),
                person.get("addressZipCode"),
                person.get("addressCountry"),
            ),
            "work_location_id": ref("Location", code(job.get("primaryWorkLocationCode"))),
            "manager_id": ref("Employee", code(job.get("supervisorCOID")), code(job.get("supervisorID"))),
            "department_id": None
            if department is None
            else ref("Group", department, code(job.get(f"orgLevel{department}Code"))),
            "group_ids": [g for g in groups if g is not None] or None,
            "job_title": first_text(job.get("jobTitle"), job.get("jobDescription")),
            "gender": enum(_GENDER, person.get("gender")),
            "ethnicity": enum(_ETHNICITY, person.get("ethnicIDCode")),
            "marital_status": enum(_MARITAL, person.get("maritalStatusCode")),
            "national_id": text(person.get("nationalId")),
            "date_of_birth": parsed(parse_date, person.get("dateOfBirth")),
            "hire_date": parsed(parse_date, hired),
            "original_hire_date": parsed(parse_date, job.get("originalHireDate")),
            "start_date": parsed(parse_date, hired),
            "termination_date": _transformed(
                termination_of_current_spell, joined_text(job.get("dateOfTermination"), hired)
            ),
            "employment_status": enum(_STATUS, status),
            "employment_type": enum(_FULL_OR_PART, job.get("fullTimeOrPartTimeCode")),
            "custom_fields": None if udf is None else custom_fields(udf.get("personnelUserDefinedFields")),
            "remote_created_at": parsed(parse_datetime, person.get("datetimeCreated")),
            "remote_modified_at": parsed(parse_datetime, person.get("datetimeChanged")),
        },
    )


# -- jobs ------------------------------------------------------------------------------------------


def _effective(row: Row) -> date | None:
    value = row.get("jobEffectiveDate")
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) and len(value) >= 10 else None
    except ValueError:
        return None


def with_period_ends(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Job-history rows, each with ``periodEndDate``: the day before the employee's next row takes effect."""
    by_employee: dict[tuple[Any, Any], list[tuple[date, int]]] = defaultdict(list)
    for position, row in enumerate(rows):
        started = _effective(row)
        if started is not None:
            by_employee[(row.get("companyId"), row.get("employeeId"))].append((started, position))
    ends: dict[int, str | None] = {}
    for dated in by_employee.values():
        dated.sort()
        for (started, position), (following, _) in pairwise(dated):
            end = following - timedelta(days=1)
            ends[position] = end.isoformat() if end >= started else None
    return [dict(row, periodEndDate=ends.get(position)) for position, row in enumerate(rows)]


_PAY_PERIOD = {"S": "YEAR", "H": "HOUR"}
_PAY_FREQUENCY = {
    "W": "WEEKLY",
    "B": "BIWEEKLY",
    "S": "SEMIMONTHLY",
    "M": "MONTHLY",
    "Q": "QUARTERLY",
    "A": "ANNUALLY",
}
_FLSA = {"E": "EXEMPT", "N": "NONEXEMPT"}


def code_table(rows: Any) -> dict[str, str]:
    """A UKG code table's rows as ``{code: description}``."""
    if not isinstance(rows, list):
        return {}
    return {
        str(row["code"]).strip(): str(row["description"]).strip()
        for row in rows
        if isinstance(row, dict)
        if isinstance(row.get("code"), str | int) and isinstance(row.get("description"), str)
    }


def employment(
    job: Row, comp: Row | None, current: Row | None, department: int | None, reasons: Mapping[str, str]
) -> Employment | None:
    """A job-history period with the employee's ``compensation-details`` and ``employment-details`` rows."""
    company_id, employee_id = code(job.get("companyId")), code(job.get("employeeId"))
    system_id = code(job.get("systemId"))
    if company_id is None or employee_id is None or system_id is None:
        return None
    current = current or {}
    currency = (comp or {}).get("currencyCode")
    if currency.__class__ is str:
        currency = (currency.strip() or None) and currency.strip().upper()
    elif currency is not None:
        currency = None  # strip and upper take text only
    reason = text(job.get("reasonCode"))
    if reason is not None:
        reason = reasons.get(reason.strip(), reason.strip()) or None
    pay_group = job.get("payGroupCode")
    return build(  # type: ignore[return-value]
        Employment,
        {
            "id": stable_id(CONNECTOR, "Employment", (company_id, employee_id, system_id)),
            "remote_id": system_id,
            "employee_id": ref("Employee", company_id, employee_id),
            "job_title": first_text(job.get("jobTitle"), job.get("jobDescription")),
            "job_code": text(job.get("jobCode")),
            "department_id": None
            if department is None
            else ref("Group", department, code(job.get(f"orgLevel{department}Code"))),
            "location_id": ref("Location", code(job.get("locationCode"))),
            "manager_id": ref("Employee", code(current.get("supervisorCOID")), code(job.get("supervisorId"))),
            "pay_rate": _transformed(
                rate_by_pay_basis,
                joined_text(job.get("salaryOrHourly"), job.get("annualSalary"), job.get("hourlyPayRate")),
            ),
            "pay_period": enum(_PAY_PERIOD, job.get("salaryOrHourly")),
            "pay_currency": currency,
            "pay_frequency": enum(_PAY_FREQUENCY, job.get("payPeriodCode")),
            "pay_group": text(pay_group),
            "pay_group_id": ref("PayGroup", code(pay_group)),
            "flsa_status": enum(_FLSA, job.get("flsaCategory")),
            "employment_type": enum(_FULL_OR_PART, job.get("fullTimeOrPartTime")),
            "effective_date": parsed(parse_date, job.get("jobEffectiveDate")),
            "end_date": parsed(parse_date, job.get("periodEndDate")),
            "change_reason": reason,
            "remote_modified_at": parsed(parse_datetime, job.get("dateTimeCreated")),
        },
    )


# -- time off --------------------------------------------------------------------------------------

_POLICY_TYPES = {
    "PTO": "VACATION",
    "VAC": "VACATION",
    "VACATION": "VACATION",
    "SICK": "SICK",
    "SICKCA": "SICK",
    "FLOAT": "PERSONAL",
    "PERSONAL": "PERSONAL",
}


def _policy_type(plan: Any) -> str | None:
    if plan.__class__ is not str or not plan.strip():
        return None
    return _POLICY_TYPES.get(plan.strip().upper().strip(), "OTHER")


def time_off_policy(row: Row) -> TimeOffPolicy | None:
    """A ``pto-plans`` row as its plan (rows of one plan give the same policy)."""
    plan = code(row.get("ptoPlan"))
    if plan is None:
        return None
    return build(  # type: ignore[return-value]
        TimeOffPolicy,
        {
            "id": stable_id(CONNECTOR, "TimeOffPolicy", (plan,)),
            "remote_id": plan,
            "name": text(row.get("ptoPlan")),
            "policy_type": _policy_type(row.get("ptoPlan")),
            "unit": "HOURS",
        },
    )


def time_off_balance(row: Row) -> TimeOffBalance | None:
    """A ``pto-plans`` row: one employee's balance in one plan."""
    company_id, employee_id = code(row.get("companyId")), code(row.get("employeeId"))
    plan = code(row.get("ptoPlan"))
    if company_id is None or employee_id is None or plan is None:
        return None
    return build(  # type: ignore[return-value]
        TimeOffBalance,
        {
            "id": stable_id(CONNECTOR, "TimeOffBalance", (company_id, employee_id, plan)),
            "remote_id": f"{company_id}:{employee_id}:{plan}",
            "employee_id": ref("Employee", company_id, employee_id),
            "policy_id": ref("TimeOffPolicy", plan),
            "policy_type": _policy_type(row.get("ptoPlan")),
            "unit": "HOURS",
            "balance": parsed(parse_decimal, row.get("pendingBalance")),
            "accrued": parsed(parse_decimal, row.get("earned")),
            "used": parsed(parse_decimal, row.get("taken")),
            "as_of": parsed(parse_date, row.get("earnedThroughDate")),
            "resets_on": parsed(parse_date, row.get("reset")),
        },
    )
