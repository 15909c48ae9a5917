"""Each endpoint's record, shaped exactly as UKG Pro returns it.

Field names keep UKG's casing per endpoint (``employeeId`` in person-details, ``employeeID`` in
employment-details, ``ethnicIdCode`` in demographics but ``ethnicIDCode`` in person-details) and its
typos (``nameSufixCode``, ``dateOfNextSalayrReview``, ``isOrgchange``). Keys follow the order of UKG's
OpenAPI description, or of UKG's published sample where the description is faulty
(employee-employment-details, employee-changes).

Every key is a property of the endpoint's published item schema, with its published type; the few
departures, each with its evidence, and ``NULLABLE`` (where a record may hold ``null``) are listed in
``published.py``. Converted records (``Employment.converted``) send their char codes space-padded to
the column's width (``"F "``, ``"CAD "``); a rehire's record keeps its earlier spell's termination.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from connectors.ukg_pro.sandbox import vocab
from connectors.ukg_pro.sandbox.formats import iso_day, ukg_date, ukg_datetime, us_datetime
from connectors.ukg_pro.sandbox.ids import BASE36, hashed_guid, mix, pick, unit
from connectors.ukg_pro.sandbox.model import Company, Employment, HistoryRow, Job, LocationSpec, OrgUnit
from connectors.ukg_pro.sandbox.published import NULLABLE
from connectors.ukg_pro.sandbox.settings import SandboxSettings
from connectors.ukg_pro.sandbox.tenant import Tenant

__all__ = [
    "NULLABLE",
    "RecordContext",
    "change_feed",
    "code_table",
    "code_tables",
    "company_details",
    "compensation_details",
    "contact_count",
    "contacts",
    "demographic_details",
    "employee_employment_details",
    "employment_details",
    "job",
    "job_history",
    "location",
    "org_level",
    "person_details",
    "phone_count",
    "phone_numbers",
    "pto_plan_count",
    "pto_plans",
    "supervisor_details",
    "user_defined_fields",
]

_ETHNIC = dict(vocab.ETHNIC_CODES)
_TERM = {code: description for code, description, _ in vocab.TERM_REASONS}
_RELATIONSHIPS = dict(vocab.CONTACT_RELATIONSHIPS)
_LANG = {("CAN", "QC"): "FR"}


@dataclass
class RecordContext:
    """What a record needs beyond the employee: the tenant, its settings, the request's base URL."""

    tenant: Tenant
    settings: SandboxSettings
    base_url: str = "https://service4.ultipro.com"
    _paid: dict[tuple[str, date], date] = field(default_factory=dict)

    def paid(self, e: Employment) -> date | None:
        """The last pay date of an employment (None before the first pay day)."""
        on = e.term_date or self.tenant.as_of - timedelta(days=1)
        cache_key = (e.pay_group.code, on)
        day = self._paid.get(cache_key)
        if day is None:
            day = self._paid[cache_key] = self.tenant.last_pay_date(e.pay_group, on)
        return day if day >= e.last_hire else None


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _language(e: Employment) -> str:
    return _LANG.get((e.company.country, e.location.state), "EN")


def _char(value: str | None, column: str, e: Employment | None, ctx: RecordContext) -> str | None:
    """A code as its char column returns it: space-padded to the column's width on converted records."""
    if value is None or e is None or not e.converted or not ctx.settings.padded_codes:
        return value
    return value.ljust(vocab.CHAR_WIDTHS[column])


@dataclass(frozen=True)
class _Termination:
    day: date | None = None
    reason: str | None = None
    kind: str | None = None
    ok_to_rehire: str | None = None


_NOT_TERMINATED = _Termination()


def _termination(e: Employment, ctx: RecordContext) -> _Termination:
    """The termination a record shows: the current spell's, else (a rehire) the earlier spell's."""
    if e.term_date is not None:
        return _Termination(e.term_date, e.term_reason, e.term_type, e.ok_to_rehire)
    spell = e.earlier
    if spell is not None and ctx.settings.rehire_keeps_termination:
        return _Termination(spell.terminated, spell.reason, spell.term_type, "Y")
    return _NOT_TERMINATED


def _change_reason(e: Employment) -> str | None:
    """The current job's change reason; converted records carry none."""
    return e.history[-1].reason if e.history and not e.converted else None


def _code12(*parts: int) -> str:
    """A 12-character id like UKG's system ids, derived from integers."""
    h = mix(*parts)
    head = "".join(BASE36[(h >> (6 * i)) % 36] for i in range(6))
    return f"{head}0000{BASE36[h % 26 + 10]}0"


# -- person-details -------------------------------------------------------------------------------------


def person_details(e: Employment, ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/person-details`` row (schema ``EmpPersonDetails``)."""
    p = e.person
    us = p.country == "USA"
    h = mix(p.key, 7)
    return {
        "additionalName1": None,
        "additionalName2": None,
        "addressId": p.address_id,
        "addressIsOnTaxBoundary": False,
        "addressLatitude": None,
        "cobraExport": None,
        "cobraIsActive": False,
        "cobraReason": None,
        "cobraStatus": None,
        "cobraStatusDate": None,
        "communityBroadcastSmsCode": None,
        "consentElectronicW2": us and h & 3 != 0,
        "consentElectronicw2pr": False,
        "dateDeceased": None,
        "dateOfCobraEvent": None,
        "dateOfCobraExport": None,
        "dateOfCobraLetter": None,
        "dateOfI9Expiration": None,
        "datetimeChanged": ukg_datetime(p.changed_at),
        "datetimeCreated": ukg_datetime(p.created_at),
        "disabilityType": None,
        "ethnicDescription": _ETHNIC.get(p.ethnic) if p.ethnic else None,
        "formerName": p.former_name,
        "healthBloodType": None,
        "healthEyes": None,
        "healthHair": None,
        "healthHeightFeet": None,
        "healthHeightInches": None,
        "healthLastDonateDate": None,
        "healthWeight": None,
        "i9AlienNumber": None,
        "i9DocA": None,
        "i9DocB": None,
        "i9DocC": None,
        "i9Verified": us,
        "i9VisaType": None,
        "i9WorkAuth": "1" if us else None,
        "isDisabled": False,
        "isMultiPayGroup": False,
        "isSmoker": p.is_smoker,
        "militaryService": False,
        "militaryBranchServed": None,
        "militaryEra": None,
        "militaryIsDisabledVet": None,
        "militaryIsOthEligVet": None,
        "militaryIsOthEligVetBasis": None,
        "militaryIsActiveWartimeVet": None,
        "nameFormer": None,
        "previousSSN": None,
        "originCountry": None,
        "originLocation": None,
        "w2IsDeceased": False,
        "cobraNotes": None,
        "addressSms": None,
        "militarySeparationDate": None,
        "homePhoneIsPrivate": False,
        "smsApprovals": False,
        "smsPayNotification": False,
        "i9VisaExpirationDate": None,
        "militaryIsMedalVet": None,
        "lastNameNotSameAsSSCard": None,
        "chkCashingInstCode": None,
        "nationality1": None,
        "nationality2": None,
        "nationality3": None,
        "personId": p.person_id,
        "employeeId": e.employee_id,
        "companyId": e.company.company_id,
        "userName": p.user_name,
        "firstName": p.first_name,
        "middleName": p.middle_name,
        "lastName": p.last_name,
        "preferredName": p.preferred_name,
        "namePrefixCode": p.prefix,
        "nameSufixCode": p.suffix,
        "emailAddress": p.work_email,
        "emailAddressAlternate": p.alt_email,
        "homePhone": p.home_phone,
        "homePhoneCountry": p.country if p.home_phone else None,
        "addressLine1": p.address1,
        "addressLine2": p.address2,
        "addressCity": p.city,
        "addressState": p.state,
        "addressZipCode": p.postal,
        "addressCountry": p.country,
        "addressCounty": p.county,
        "nationalId": p.national_id,
        "nationalIdCountry": p.country,
        "dateOfBirth": ukg_date(p.birth_date),
        "gender": p.gender,
        "ethnicIDCode": p.ethnic,
        "maritalStatusCode": p.marital,
        "ssn": p.national_id if us else None,
        "ssnIsSuppressed": False,
    }


# -- employment-details ---------------------------------------------------------------------------------


def _job_placement(e: Employment, ctx: RecordContext) -> dict[str, Any]:
    """The fields both employment endpoints carry under the same names: org levels, dates, location, phone."""
    org1, org2, org3, org4 = e.org
    return {
        "orgLevel1Code": org1,
        "orgLevel2Code": org2,
        "orgLevel3Code": org3,
        "orgLevel4Code": org4,
        "originalHireDate": ukg_date(e.original_hire),
        "lastHireDate": ukg_date(e.last_hire),
        "fullTimeOrPartTimeCode": _char(e.full_part, "fullTimeOrPartTime", e, ctx),
        "primaryWorkLocationCode": e.location.code,
        "languageCode": _language(e),
        "primaryProjectCode": None,
        "workPhoneNumber": e.work_phone,
        "workPhoneExtension": e.work_ext,
        "workPhoneCountry": e.company.country if e.work_phone else None,
        "dateInJob": ukg_date(e.date_in_job),
        "dateLastWorked": ukg_date(e.term_date),
    }


def employment_details(e: Employment, ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/employment-details`` row (schema ``EmpEmploymentDetails``)."""
    sup = e.supervisor
    sp = sup.person if sup is not None else None
    company = e.company
    job = e.job
    paid = ctx.paid(e)
    birth = e.person.birth_date
    hourly = e.salary_hourly == "H"
    ended = _termination(e, ctx)
    return {
        "companyID": company.company_id,
        "companyCode": company.code,
        "companyName": company.name,
        "employeeID": e.employee_id,
        "jobDescription": job.title,
        "payGroupDescription": e.pay_group.description,
        "primaryJobCode": job.code,
        **_job_placement(e, ctx),
        "dateOfBenefitSeniority": ukg_date(e.last_hire),
        "dateOfSeniority": ukg_date(e.last_hire),
        "deductionGroupCode": "USBN" if company.country == "USA" else "CABN",
        "earningGroupCode": f"{company.country[:2]}{'HRY' if hourly else 'SAL'}",
        "employeeTypeCode": e.employee_type,
        "employeeStatusCode": _char(e.status, "employeeStatus", e, ctx),
        "employeeNumber": e.number,
        "jobChangeReasonCode": _change_reason(e),
        "jobTitle": e.alt_title,
        "leaveReasonCode": e.leave_reason,
        "supervisorID": sup.employee_id if sup is not None else None,
        "supervisorFirstName": sp.first_name if sp is not None else None,
        "supervisorLastName": sp.last_name if sp is not None else None,
        "autoAllocate": "N",
        "clockCode": None,
        "dateLastPayDatePaid": ukg_date(paid),
        "dateOfEarlyRetirement": ukg_date(_years_after(birth, 55)),
        "dateOfLocalUnion": None,
        "dateOfNationalUnion": None,
        "dateOfRetirement": ukg_date(_years_after(birth, 65)),
        "dateOfSuspension": ukg_date(e.status_start) if e.status == "S" else None,
        "dateOfTermination": ukg_date(ended.day),
        "datePaidThru": ukg_date(paid - timedelta(days=5)) if paid else None,
        "statusStartDate": ukg_date(e.status_start),
        "hireSource": e.hire_source,
        "isAutoAllocated": "N",
        "isAutopaid": "N" if hourly else "Y",
        "isMultipleJob": "N",
        "jobGroupCode": job.family,
        "mailstop": None,
        "okToRehire": ended.ok_to_rehire,
        "payGroup": e.pay_group.code,
        "payPeriod": e.pay_group.period,
        "plannedLeaveReason": None,
        "positionCode": None,
        "salaryOrHourly": e.salary_hourly,
        "scheduledAnnualHrs": e.weekly_hours * 52,
        "scheduledFTE": round(e.weekly_hours / 40, 4),
        "scheduledWorkHrs": round(e.weekly_hours * 52 / e.pay_group.per_year, 2),
        "shift": "Z",
        "shiftGroup": "Z",
        "termReason": _char(ended.reason, "termReason", e, ctx),
        "terminationReasonDescription": _TERM.get(ended.reason) if ended.reason else None,
        "termType": ended.kind,
        "timeclockID": e.number[-6:] if hourly else None,
        "unionLocal": None,
        "unionNational": None,
        "weeklyHours": e.weekly_hours,
        "dateTimeCreated": ukg_datetime(e.created_at),
        "dateTimeChanged": ukg_datetime(e.changed_at),
        "supervisorEmployeeNumber": sup.number if sup is not None else None,
        "supervisorCOID": sup.company.company_id if sup is not None else None,
        "supervisorCompanyCode": sup.company.code if sup is not None else None,
        "companyGLSegment": company.gl_segment,
        "locationGLSegment": e.location.gl_segment,
    }


def employee_employment_details(e: Employment, ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/employee-employment-details`` row, shaped as UKG's published sample.

    The subset's schema for this endpoint repeats its query parameters instead of the record, so
    the shape follows the sample (``EQKKKU000020`` / ``6Y4NV``) that UKG's documentation carries.
    """
    sup = e.supervisor
    company = e.company
    job = e.job
    paid = ctx.paid(e)
    birth = e.person.birth_date
    hourly = e.salary_hourly == "H"
    home = ctx.tenant.home(e.employee_id)
    ended = _termination(e, ctx)
    return {
        "companyID": company.company_id,
        "employeeID": e.employee_id,
        "homeCompany": (home or e).company.company_id,
        "isHomeCompany": e.is_home,
        "isSupervisor": e.reports > 0,
        "primaryJobCode": job.code,
        **_job_placement(e, ctx),
        "benefitSeniorityDate": ukg_date(e.last_hire),
        "seniorityDate": ukg_date(e.last_hire),
        "deductionGroupCode": "USBN" if company.country == "USA" else "CABN",
        "earningGroupCode": f"{company.country[:2]}{'HRY' if hourly else 'SAL'}",
        "jobChangeReasonCode": _change_reason(e),
        "jobTitle": e.alt_title,
        "employeeTypeCode": e.employee_type,
        "employeeStatusCode": _char(e.status, "employeeStatus", e, ctx),
        "employeeNumber": e.number,
        "leaveReasonCode": e.leave_reason,
        "supervisorID": sup.employee_id if sup is not None else None,
        "autoAllocate": "N",
        "clockCode": None,
        "dateLastPayDatePaid": ukg_date(paid),
        "earlyRetirementDate": ukg_date(_years_after(birth, 55)),
        "retirementDate": ukg_date(_years_after(birth, 65)),
        "suspensionDate": ukg_date(e.status_start) if e.status == "S" else None,
        "terminationDate": ukg_date(ended.day),
        "payGroupCode": e.pay_group.code,
        "payPeriod": e.pay_group.period,
        "paidThruDate": ukg_date(paid - timedelta(days=5)) if paid else None,
        "employeeStatusStartDate": ukg_date(e.status_start),
        "hireSource": e.hire_source,
        "isAutoAllocated": False,
        "isAutoPaid": not hourly,
        "isHighlyCompensated": e.annual >= 150_000 and company.country == "USA",
        "isMultipleJob": False,
        "jobCode": job.code,
        "jobGroupCode": job.family,
        "annualSalary": e.annual,
        "mailstop": None,
        "okToRehire": ended.ok_to_rehire,
        "plannedLeaveReason": None,
        "positionCode": None,
        "salaryOrHourly": e.salary_hourly,
        "scheduledAnnualHours": e.weekly_hours * 52,
        "scheduledFTE": round(e.weekly_hours / 40, 4),
        "scheduledWorkHours": round(e.weekly_hours * 52 / e.pay_group.per_year, 2),
        "shift": "Z",
        "shiftGroup": "Z",
        "terminationReasonCode": _char(ended.reason, "termReason", e, ctx),
        "terminationDescription": _TERM.get(ended.reason) if ended.reason else None,
        "termType": ended.kind,
        "timeClockID": e.number[-6:] if hourly else None,
        "weeklyHours": e.weekly_hours,
        "dateTimeCreated": ukg_datetime(e.created_at),
        "dateTimeChanged": ukg_datetime(e.changed_at),
        "employeeStatusExpectedEndDate": ukg_date(e.status_start + timedelta(days=90))
        if e.status == "L"
        else None,
        "integrationRecordId": e.integration_id,
        "currentCompanyCountryCode": company.country,
        "homeCompanyCountryCode": (home or e).company.country,
        "isKeyEmployee": e.job.rank >= 3,
        "hourlyPayRate": e.hourly_rate,
        "salaryEffectiveDate": ukg_date(e.last_review or e.date_in_job),
        "unionLocalCode": None,
        "unionNationalCode": None,
    }


# -- compensation-details -------------------------------------------------------------------------------


def compensation_details(e: Employment, ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/compensation-details`` row (schema ``EmpCompensationDetails``)."""
    job = e.job
    group = e.pay_group
    paid = ctx.paid(e)
    weekly = e.weekly_hours
    return {
        "employeeID": e.employee_id,
        "companyID": e.company.company_id,
        "annualSalary": e.annual,
        "hourlyPayRate": e.hourly_rate,
        "weeklyPayRate": round(e.annual / 52, 2),
        "payPeriodPayRate": round(e.annual / group.per_year, 2),
        "currencyCode": _char(e.company.currency, "currencyCode", e, ctx),
        "otherRate1": 0.0,
        "otherRate2": 0.0,
        "otherRate3": 0.0,
        "otherRate4": 0.0,
        "payGroupDescription": group.description,
        "piecePayRate": 0.0,
        "primaryJobCode": job.code,
        "jobSalaryGrade": job.grade,
        "jobChangeReasonCode": _change_reason(e),
        "jobGroupCode": job.family,
        "jobTitle": e.alt_title,
        "dateInJob": ukg_date(e.date_in_job),
        "dateLastPaid": ukg_date(paid),
        "dateLastWorked": ukg_date(e.term_date),
        "dateOfLastSalaryReview": ukg_date(e.last_review),
        "dateOfNextSalayrReview": ukg_date(e.next_review),
        "isAutoAllocated": False,
        "isAutoPaid": e.salary_hourly == "S",
        "isSeasonalWorker": e.employee_type == "SEA",
        "isHighlyCompensated": e.annual >= 150_000 and e.company.country == "USA",
        "isMultipleJob": False,
        "payGroupCode": group.code,
        "payPeriod": group.period,
        "payScaleCode": None,
        "salaryOrHourlyCode": e.salary_hourly,
        "fullTimeOrPartTimeCode": _char(e.full_part, "fullTimeOrPartTime", e, ctx),
        "scheduledFullTimeEquivalency": round(weekly / 40, 4),
        "scheduledPeriodWorkHours": round(weekly * 52 / group.per_year, 2),
        "scheduledAnnualWorkHours": weekly * 52,
        "weeklyHours": weekly,
        "primaryShiftCode": None,
        "primaryShiftGroupCode": "Z",
        "avgPayRateCurPer": e.hourly_rate,
        "bonusTotalHrs": 0.0,
        "bonusTotalOtHrs": 0.0,
        "datePaidThru": ukg_date(paid - timedelta(days=5)) if paid else None,
        "emplStatus": _char(e.status, "employeeStatus", e, ctx),
        "totalAnnSalary": e.annual,
        "distributionCenterCode": None,
        "numberOfPayments": group.per_year,
        "performanceReviewRating": e.review_rating,
        "performanceReviewType": "ANNUAL" if e.review_rating else None,
    }


# -- employee-job-history-details ----------------------------------------------------------------------


def job_history(ref: tuple[Employment, HistoryRow], ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/employee-job-history-details`` row (schema ``EmployeeJobHistoryDetail``)."""
    e, row = ref
    job = row.job
    sup = row.supervisor
    sp = sup.person if sup is not None else None
    group = row.pay_group
    org1, org2, org3, org4 = row.org
    return {
        "annualSalary": row.annual,
        "companyId": e.company.company_id,
        "dateTimeCreated": ukg_datetime(row.created_at),
        "employeeId": e.employee_id,
        "employeeType": row.employee_type,
        "employeeStatus": _char(row.status, "employeeStatus", e, ctx),
        "flsaCategory": job.flsa,
        "fullTimeOrPartTime": _char(row.full_part, "fullTimeOrPartTime", e, ctx),
        "hourlyPayRate": row.hourly_rate,
        "isJobChange": row.is_job_change,
        "isOrgchange": row.is_org_change,
        "isOutsideGuidelines": False,
        "isOutsideRange": False,
        "isPromotion": row.is_promotion,
        "isRateChange": row.is_rate_change,
        "isSystem": row.reason in ("100", "101"),
        "isTransfer": row.is_transfer,
        "jobCode": job.code,
        "jobDescription": job.title,
        "jobEffectiveDate": ukg_date(row.effective),
        "jobGroupCode": job.family,
        "locationCode": row.location,
        "orgLevel1Code": org1,
        "orgLevel2Code": org2,
        "orgLevel3Code": org3,
        "orgLevel4Code": org4,
        "otherRate1": 0.0,
        "otherRate2": 0.0,
        "otherRate3": 0.0,
        "otherRate4": 0.0,
        "payGroupCode": group.code,
        "payPeriodCode": group.period,
        "payScaleCode": None,
        "percentChange": row.percent_change,
        "periodPayRate": round(row.annual / group.per_year, 2),
        "piecePayRate": 0.0,
        "positionCode": None,
        "reasonCode": row.reason,
        "salaryGrade": job.grade,
        "salaryOrHourly": row.salary_hourly,
        "scheduledAnnualHours": row.weekly_hours * 52,
        "scheduledFullTimeEquivalency": round(row.weekly_hours / 40, 4),
        "scheduledWorkHours": round(row.weekly_hours * 52 / group.per_year, 2),
        "shiftCode": None,
        "shiftGroupCode": "Z",
        "stepNumber": 0.0,
        "supervisorId": sup.employee_id if sup is not None else None,
        "supervisorNameFirst": sp.first_name if sp is not None else None,
        "supervisorNameLast": sp.last_name if sp is not None else None,
        "supervisorNameSuffix": sp.suffix if sp is not None else None,
        "supervisorNotInList": False,
        "systemId": row.system_id,
        "unionNational": None,
        "usePayScales": False,
        "weeklyPayRate": round(row.annual / 52, 2),
        "notes": None,
        "homeCompanyId": (ctx.tenant.home(e.employee_id) or e).company.company_id,
        "integrationEffectiveDate": ukg_date(row.effective),
        "projectCode": None,
        "numberOfPayments": float(group.per_year),
        "weeklyHours": row.weekly_hours,
        "isViewableByEmployee": True,
        "createdByUserId": 0.0,
        "jobTitle": e.alt_title if row is e.history[-1] else None,
    }


# -- supervisors, demographics, user-defined fields ----------------------------------------------------


def supervisor_details(e: Employment, ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/employee-supervisor-details`` row (schema ``EmployeeSupervisorDetails``)."""
    sup = e.supervisor
    if sup is None:
        return {
            "employeeID": e.employee_id,
            "companyID": e.company.company_id,
            "employeeNumber": e.number,
            "supervisorEmployeeID": None,
            "supervisorFirstName": None,
            "supervisorLastName": None,
            "supervisorEmployeeNumber": None,
            "supervisorCompanyID": None,
            "supervisorCompanyCode": None,
            "supervisorStatusCode": None,
            "supervisorJobCode": None,
            "supervisorPositionCode": None,
            "supervisorEmail": None,
            "supervisorWorkPhone": None,
            "supervisorPersonId": None,
        }
    sp = sup.person
    return {
        "employeeID": e.employee_id,
        "companyID": e.company.company_id,
        "employeeNumber": e.number,
        "supervisorEmployeeID": sup.employee_id,
        "supervisorFirstName": sp.first_name,
        "supervisorLastName": sp.last_name,
        "supervisorEmployeeNumber": sup.number,
        "supervisorCompanyID": sup.company.company_id,
        "supervisorCompanyCode": sup.company.code,
        "supervisorStatusCode": _char(sup.status, "employeeStatus", sup, ctx),
        "supervisorJobCode": sup.job.code,
        "supervisorPositionCode": None,
        "supervisorEmail": sp.work_email,
        "supervisorWorkPhone": sup.work_phone,
        "supervisorPersonId": sp.person_id,
    }


def demographic_details(e: Employment, ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/employee-demographic-details`` row (schema ``EmployeeDemographicDetails``)."""
    p = e.person
    return {
        "ethnicDescription": _ETHNIC.get(p.ethnic) if p.ethnic else None,
        "additionalName1": None,
        "additionalName2": None,
        "addressId": p.address_id,
        "addressIsOnTaxBoundary": "N",
        "addressLatitude": None,
        "disabilityType": None,
        "formerName": p.former_name,
        "healthBloodType": None,
        "healthEyes": None,
        "healthHair": None,
        "healthHeightFeet": None,
        "healthHeightInches": None,
        "healthLastDonateDate": None,
        "healthWeight": None,
        "previousSSN": None,
        "originCountry": None,
        "originLocation": None,
        "addressSms": None,
        "homePhoneIsPrivate": False,
        "lastNameNotSameAsSSCard": "N",
        "nationality1": None,
        "nationality2": None,
        "nationality3": None,
        "personId": p.person_id,
        "employeeId": e.employee_id,
        "companyId": e.company.company_id,
        "firstName": p.first_name,
        "middleName": p.middle_name,
        "lastName": p.last_name,
        "preferredName": p.preferred_name,
        "namePrefixCode": p.prefix,
        "nameSuffixCode": p.suffix,
        "emailAddress": p.work_email,
        "emailAddressAlternate": p.alt_email,
        "homePhoneID": p.home_phone_id if p.home_phone else None,
        "homePhone": p.home_phone,
        "homePhoneCountry": p.country if p.home_phone else None,
        "addressLine1": p.address1,
        "addressLine2": p.address2,
        "addressLine3": None,
        "addressLine4": None,
        "addressCity": p.city,
        "addressState": p.state,
        "addressZipCode": p.postal,
        "addressCountry": p.country,
        "addressCounty": p.county,
        "dateOfBirth": ukg_date(p.birth_date),
        "gender": p.gender,
        "ethnicIdCode": p.ethnic,
        "isSmoker": p.is_smoker,
        "isDisabled": "N",
        "maritalStatusCode": p.marital,
        "ssn": p.national_id if p.country == "USA" else None,
        "ssnIsSuppressed": False,
        "userID": p.user_name,
        "integrationRecordId": e.integration_id,
        "cellPhoneNumber": p.cell_phone,
    }


_TSHIRTS = ("XS", "S", "M", "L", "XL", "XXL")
_PRONOUNS = ("she/her", "he/him", "they/them")
_UDF_SLOTS = tuple(f"{n:02d}" for n in range(1, 15))
_UDF_KINDS: dict[str, str] = {
    **dict.fromkeys(("01", "02", "07", "08", "09", "14"), "text"),
    **dict.fromkeys(("03", "04", "10", "11"), "number"),
    **dict.fromkeys(("05", "06", "12", "13"), "date-time"),
}
"""Each slot's published value type (``UserDefinedFields_personnelUserDefinedFields``)."""


def _udf_kind(name: str) -> str:
    """The published value type of a user-defined field (``personnelUDField03`` → ``number``)."""
    return _UDF_KINDS[name[-2:]]


def _udf_value(name: str, e: Employment, ctx: RecordContext) -> str | float | None:
    """The value of a labelled user-defined field, of its slot's published type (or None)."""
    h = mix(e.key, _name_hash(name))
    as_of = ctx.tenant.as_of
    match name:
        case "personnelUDField01":
            return _TSHIRTS[h % len(_TSHIRTS)]
        case "personnelUDField02":
            return "Y" if e.location.kind == "remote" or h % 5 == 0 else "N"
        case "personnelUDField03":
            return float(10_000 + int(e.number) % 90_000)
        case "personnelUDField04":
            return None if e.location.kind == "remote" else round(1 + unit(h) * 40, 1)
        case "personnelUDField05":
            if e.family not in ("OPS", "ADM", "FIN") or h % 3 == 0:
                return None
            return ukg_date(as_of + timedelta(days=h % 700 - 100))
        case "personnelUDField06":
            return ukg_date(as_of - timedelta(days=h % 360 + 1)) if e.family in ("OPS", "ADM") else None
        case "personnelUDField07":
            return _PRONOUNS[h % 3] if h % 4 else None
        case "personnelUDField08":
            return None if e.salary_hourly == "H" else f"NW-{h % 100_000:05d}"
        case "internationalUDField01":
            if e.company.country != "CAN":
                return None
            return f"{h % 10_000:04d}-{h // 7 % 1000:03d}-{h // 11 % 1000:03d}"
    # Any other slot a customer labels (settings.udf_labels) gets plain values of the slot's type.
    if h % 4 == 0:
        return None
    kind = _udf_kind(name)
    if kind == "number":
        return float(h % 1000)
    if kind == "date-time":
        return ukg_date(as_of - timedelta(days=h % 3650))
    return f"V{h % 10_000:04d}"


def _name_hash(name: str) -> int:
    """A stable integer for a name (Python's own string hash varies per process)."""
    return zlib.crc32(name.encode())


def user_defined_fields(e: Employment, ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/user-defined-fields`` row (schema ``UserDefinedFields``): one per person.

    UDFs belong to the person, not to one company's employment, so the row carries ``employeeId``
    only and is built from the home employment. Each field is ``{field, value}``: ``field`` the
    customer's label (null when the customer has not set the slot up), ``value`` of the slot's
    published type: text (01, 02, 07-09, 14), a number (03, 04, 10, 11) or a naive date-time
    (05, 06, 12, 13).
    """
    labels = ctx.settings.udf_labels
    home = e if e.is_home else ctx.tenant.home(e.employee_id) or e

    def slots(prefix: str) -> dict[str, dict[str, Any]]:
        return {
            f"{prefix}{n}": {
                "field": labels.get(f"{prefix}{n}"),
                "value": _udf_value(f"{prefix}{n}", home, ctx) if f"{prefix}{n}" in labels else None,
            }
            for n in _UDF_SLOTS
        }

    return {
        "employeeId": e.employee_id,
        "personnelUserDefinedFields": slots("personnelUDField"),
        "internationalUserDefinedFields": slots("internationalUDField"),
    }


# -- contacts, phones, PTO: several rows per employee, derived on request --------------------------------


def contact_count(e: Employment) -> int:
    """How many contacts an employee has (0-3), stable per employee."""
    r = mix(e.person.key, 21) % 20
    return 0 if r < 5 else 1 if r < 14 else 2 if r < 19 else 3


def contacts(ref: tuple[Employment, int], ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/contacts`` row (schema ``Contact``): contact number ``i`` of an employee."""
    e, i = ref
    p = e.person
    h = mix(p.key, 22, i)
    if i == 0:
        relation = "SPS" if p.marital in ("M", "P") else "PAR"
    else:
        relation = ("CHL", "CHL", "SIB", "FRD")[h % 4]
    first, gender = vocab.FIRST_NAMES[h % len(vocab.FIRST_NAMES)]
    last = p.last_name if relation in ("SPS", "CHL", "PAR", "SIB") else pick(vocab.LAST_NAMES, h >> 8)
    if relation == "CHL":
        born: date | None = ctx.tenant.as_of - timedelta(days=365 + h % 7000)
    elif relation in ("SPS", "SIB"):
        born = p.birth_date + timedelta(days=h % 3000 - 1500 if relation == "SPS" else h % 4000 - 2000)
    else:
        born = None  # asked of dependents and beneficiaries, not of a parent or friend to call
    same_home = relation in ("SPS", "DP", "CHL")
    dependent = relation in ("SPS", "DP", "CHL")
    return {
        "city": p.city if same_home else None,
        "countryCode": p.country,
        "county": p.county if same_home else None,
        "addressIsDifferentFromEmployee": not same_home,
        "addressLine1": p.address1 if same_home else None,
        "addressLine2": p.address2 if same_home else None,
        "state": p.state if same_home else None,
        "zipCode": p.postal if same_home else None,
        "cobraExport": False,
        "cobraIsActive": False,
        "cobraReason": None,
        "cobraStatus": None,
        "cobraStatusDate": None,
        "dateOfBirth": ukg_date(born),
        "dateOfCOBRAEvent": None,
        "dateOfCOBRALetter": None,
        "employeeId": e.employee_id,
        "gender": gender,
        "importId": None,
        "isBeneficiary": relation in ("SPS", "DP"),
        "isDependent": dependent,
        "isDisabled": False,
        "isEmergencyContact": i == 0 or relation == "PAR",
        "isSmoker": False,
        "isStudent": relation == "CHL" and h % 3 == 0,
        "marriageDate": ukg_date(p.birth_date + timedelta(days=9000 + h % 3000))
        if relation == "SPS"
        else None,
        "firstName": first,
        "formerName": None,
        "lastName": last,
        "middleName": None,
        "nameSuffix": None,
        "occupation": None,
        "otherInsurance": None,
        "homePhoneCountry": p.country if p.home_phone else None,
        "homePhoneNumber": p.home_phone if same_home else None,
        "otherPhoneNumber": p.cell_phone if not same_home else None,
        "otherPhoneType": "CEL" if not same_home and p.cell_phone else None,
        "preferredPhoneNumber": None,
        "relationshipCode": relation,
        "relationshipDescription": _RELATIONSHIPS[relation],
        "ssn": None,
        "contactId": _code12(p.key, 23, i),
        "userDefinedField01": None,
        "workPhoneExtension": None,
        "workPhoneNumber": None,
        "cobraNotes": None,
        "notes": None,
        "isActive": True,
        "statusAsOfDate": ukg_date(e.original_hire),
        "deathDate": None,
        "divorceDate": None,
        "emailAddress": None,
        "otherPhoneCountryCode": p.country if not same_home and p.cell_phone else None,
        "healthCareId": None,
        "nationalId": None,
        "nationalIdExpirationDate": None,
        "personID": hashed_guid(p.key, 24, i),
        "addressID": hashed_guid(p.key, 25, i) if same_home else None,
        "workPhoneId": None,
        "homePhoneId": hashed_guid(p.key, 26, i) if same_home and p.home_phone else None,
        "otherPhoneId": hashed_guid(p.key, 27, i) if not same_home and p.cell_phone else None,
    }


def phone_count(e: Employment) -> int:
    """How many extra phone numbers an employee has: a cell phone and/or a work phone."""
    return (e.person.cell_phone is not None) + (e.work_phone is not None)


def phone_numbers(ref: tuple[Employment, int], ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/employee-multi-phone-numbers`` row (schema ``EmployeeMultiPhoneNumbers``).

    ``formerName`` and ``phoneCountryPrefix`` are null, as in UKG's sample that the schema (typed
    ``object`` from that null) was generated from.
    """
    e, i = ref
    p = e.person
    phones: list[tuple[str, str, str | None, bool]] = (
        [(p.cell_phone, "CEL", None, True)] if p.cell_phone else []
    )
    if e.work_phone:
        phones.append((e.work_phone, "WRK", e.work_ext, False))
    number, kind, extension, private = phones[i]
    return {
        "employeeId": e.employee_id,
        "auditKey": None,
        "firstName": p.first_name,
        "formerName": None,
        "lastName": p.last_name,
        "middleName": p.middle_name,
        "phoneNumber": number,
        "phoneCountryCode": e.company.country if kind == "WRK" else p.country,
        "phoneCountryPrefix": None,
        "phoneTypeCode": kind,
        "phoneExtension": extension,
        "phoneIsPrivate": private,
        "systemId": _code12(p.key, 31, i) if kind == "CEL" else _code12(e.key, 32, i),
    }


def _plans(e: Employment) -> tuple[tuple[str, str, float, str], ...]:
    country = e.company.country
    plans = tuple(plan for plan in vocab.PTO_PLANS if plan[3] == country)
    if e.salary_hourly == "H":
        plans = tuple(plan for plan in plans if plan[0] != "FLOAT")
    return plans


def pto_plan_count(e: Employment) -> int:
    """How many PTO plans an employee is enrolled in."""
    return len(_plans(e))


def pto_plans(ref: tuple[Employment, int], ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/pto-plans`` row (schema ``pto-plans``): hours earned, taken and the balance."""
    e, i = ref
    code, _, per_year, _ = _plans(e)[i]
    as_of = ctx.tenant.as_of
    through = ctx.paid(e)
    h = mix(e.key, 41, i)
    if through is None or e.last_hire > as_of:
        earned = taken = carried = 0.0
        through = None
    else:
        start = max(date(through.year, 1, 1), e.last_hire)
        share = ((through - start).days + 1) / 365
        earned = round(per_year * e.weekly_hours / 40 * share, 2)
        taken = round(earned * unit(h) * 0.9, 2)
        carried = float(h % 41) if code in ("PTO", "VAC") else 0.0
    reset_year = (through or as_of).year + 1
    return {
        "employeeId": e.employee_id,
        "companyId": e.company.company_id,
        "ptoPlan": code,
        "earned": earned,
        "taken": taken,
        "pendingBalance": round(carried + earned - taken, 2),
        "earnedThroughDate": iso_day(through),
        "reset": iso_day(date(reset_year, 1, 1)),
        "pendingMoveDate": None,
    }


# -- configuration --------------------------------------------------------------------------------------


def company_details(company: Company, ctx: RecordContext) -> dict[str, Any]:
    """A ``/configuration/v1/company-details`` row (schema ``CompanyDetails``).

    ``isMasterCompany`` is a string, as the schema types it ("true/false value").
    """
    return {
        "isMasterCompany": "true" if company.is_master else "false",
        "masterCompanyId": company.master_id,
        "companyID": company.company_id,
        "companyCode": company.code,
        "companyName": company.name,
        "addressLine1": company.address1,
        "addressLine2": company.address2,
        "addressCity": company.city,
        "addressState": company.state,
        "addressZipCode": company.postal,
        "addressCountry": company.country,
        "addressCounty": company.county,
        "phoneNumber": company.phone,
        "phoneNumberExtension": company.phone_ext,
        "federalTaxId": company.federal_tax_id,
        "orgLevel1Code": "CORP",
        "orgLevel2Code": "1100",
        "orgLevel3Code": None,
        "orgLevel4Code": None,
    }


def org_level(unit_: OrgUnit, ctx: RecordContext) -> dict[str, Any]:
    """A ``/configuration/v1/org-levels`` row; ``levelDescription`` is the customer's label of the level."""
    return {
        "level": unit_.level,
        "levelDescription": ctx.settings.org_level_labels[unit_.level - 1],
        "code": unit_.code,
        "description": unit_.description,
        "glSegment": unit_.gl_segment,
        "budgetGroup": unit_.budget_group,
        "reportingCategory": unit_.reporting_category,
        "isActive": unit_.is_active,
        "currentYearBudgetFTE": unit_.budget_fte,
        "currentYearBudgetSalary": unit_.budget_salary,
        "lastYearBudgetFTE": unit_.last_year_fte,
        "lastYearBudgetSalary": unit_.last_year_salary,
    }


def job(job_: Job, ctx: RecordContext) -> dict[str, Any]:
    """A ``/configuration/v1/jobs`` row; the code's key is ``jobCode`` (and/or ``code``, a setting)."""
    record: dict[str, Any] = {}
    for key in ctx.settings.job_code_keys:
        record[key] = job_.code
    record.update(
        {
            "title": job_.title,
            "longDescription": job_.long_description,
            "jobFamilyCode": job_.family,
            "flsaTypeCode": job_.flsa,
            "isActive": job_.is_active,
            "countryCode": job_.country,
        }
    )
    return record


def location(loc: LocationSpec, ctx: RecordContext) -> dict[str, Any]:
    """A ``/configuration/v1/locations`` row (schema ``locations``)."""
    return {
        "locationCode": loc.code,
        "description": loc.description,
        "isActive": loc.is_active,
        "addressLine1": loc.address1,
        "addressLine2": None,
        "city": loc.city,
        "state": loc.state,
        "zipOrPostalCode": loc.postal,
        "countryCode": loc.country,
    }


def code_tables(name: str, ctx: RecordContext) -> dict[str, Any]:
    """A ``/configuration/v1/code-tables`` row: the table's name and the URL of its codes."""
    return {"codeTable": name, "url": f"{ctx.base_url}/configuration/v1/code-tables/{name}"}


def code_table(entry: tuple[str, str], ctx: RecordContext) -> dict[str, Any]:
    """A ``/configuration/v1/code-tables/{table}`` row: ``code`` and ``description`` (shape inferred)."""
    code, description = entry
    return {"code": code, "description": description}


# -- the change feed ------------------------------------------------------------------------------------


def change_feed(e: Employment, ctx: RecordContext) -> dict[str, Any]:
    """A ``/personnel/v1/employee-changes`` row: a full snapshot in the feed's own style.

    US date strings (``1/1/1996 12:00:00 AM``), empty strings for missing values and the employee
    number as a zero-padded string, as in UKG's published sample.
    """
    p = e.person
    sup = e.supervisor
    org1, org2, org3, org4 = e.org
    location_key = ctx.settings.change_feed_location_key
    country = p.country
    return {
        "firstName": p.first_name,
        "lastName": p.last_name,
        "preferredName": p.preferred_name or "",
        "emailAddress": p.work_email or "",
        "countryCode": country,
        "languageCode": "fr-ca" if _language(e) == "FR" else ("en-us" if country == "USA" else "en-ca"),
        "employeeNumber": e.number,
        "employeeId": e.employee_id,
        "personId": p.person_id,
        "userIntegrationKey": "",
        "companyName": e.company.name,
        "companyId": e.company.company_id,
        "supervisorId": sup.employee_id if sup is not None else "",
        "salaryOrHourly": e.salary_hourly,
        "fullTimeOrPartTime": _char(e.full_part, "fullTimeOrPartTime", e, ctx),
        "isActive": e.is_active,
        location_key: e.location.code,
        "jobCode": e.job.code,
        "projectCode": "",
        "orgLevel1Code": org1 or "",
        "orgLevel2Code": org2 or "",
        "orgLevel3Code": org3 or "",
        "orgLevel4Code": org4 or "",
        "middleName": p.middle_name or "",
        "workPhone": e.work_phone or "",
        "homePhone": p.home_phone or "",
        "employeeAddress1": p.address1,
        "employeeAddress2": p.address2 or "",
        "city": p.city,
        "state": p.state,
        "zipCode": p.postal,
        "terminationDate": us_datetime(_termination(e, ctx).day),
        "hireDate": us_datetime(e.original_hire),
        "supervisorName": f"{sup.person.first_name} {sup.person.last_name}" if sup is not None else "",
        "suffix": p.suffix or "",
        "prefix": p.prefix or "",
        "alternateEmailAddress": p.alt_email or "",
        "gender": p.gender,
        "employeeStatus": _char(e.status, "employeeStatus", e, ctx),
        "employeeType": e.employee_type,
        "emplStatusStartDate": us_datetime(e.status_start),
        "dateInJob": us_datetime(e.date_in_job),
        "dateOfLastHire": us_datetime(e.last_hire),
        "jobGroupCode": e.job.family,
        "alternateJobTitle": e.alt_title or "",
    }
