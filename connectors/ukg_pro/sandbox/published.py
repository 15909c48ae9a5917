"""What UKG publishes about each record, and every place the sandbox departs from it, with the evidence.

The sandbox answers only what UKG publishes: each key of each row it serves is a property of the
endpoint's item schema in UKG's OpenAPI description (the subset kept verbatim in
``tests/ukg_pro/sandbox/data/openapi-subset.yaml``), with that property's type. Where the description is
faulty, the sandbox follows UKG's published samples or the field lists real clients read (section 5,
"The records", of the project's UKG Pro notes); each such departure is one entry of :data:`DEVIATIONS`.
:data:`NULLABLE` says where the sandbox may answer ``null``: the description marks nothing nullable,
yet UKG's samples carry ``null`` for absent values.

:func:`corrected_schemas` applies both to the description's component schemas and closes every object
(``additionalProperties: false``), so a validator built on them fails on any key UKG does not publish;
:func:`response_schema` gives a served path's corrected answer schema. The schema tests use them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "DEVIATIONS",
    "NULLABLE",
    "Deviation",
    "corrected_schemas",
    "response_schema",
]

_TEXT: dict[str, Any] = {"type": "string"}
_NUMBER: dict[str, Any] = {"type": "number", "format": "double"}
_FLAG: dict[str, Any] = {"type": "boolean"}
_MOMENT: dict[str, Any] = {"type": "string", "format": "date-time"}

Change = Literal["add", "omit", "rename", "retype", "replace", "list", "serve"]


@dataclass(frozen=True)
class Deviation:
    """One departure from UKG's published description.

    Attributes:
        target: the component schema it concerns or, for ``list`` and ``serve``, the path.
        change: ``add`` keys the schema lacks; ``omit`` properties never sent; ``rename`` a property
            sent under another key; ``retype`` a property sent with another type; ``replace`` a
            schema replaced by the record of UKG's published sample; ``list`` an endpoint answering a
            list of its one-record schema; ``serve`` a path served beyond the subset.
        keys: per key, the JSON Schema of its value (add, retype, replace, serve), the key sent
            instead (rename) or None (omit).
        evidence: what the departure rests on (a section of the UKG Pro notes, a UKG sample, the
            description's own text).

    """

    target: str
    change: Change
    keys: Mapping[str, Any] = field(default_factory=dict)
    evidence: str = ""


# Keys and JSON types of UKG's published employee-employment-details sample (EQKKKU000020 / 6Y4NV), in
# its order; where the sample holds null, the type follows the key's name (dates, codes).
_EMPLOYEE_EMPLOYMENT_SAMPLE: dict[str, dict[str, Any]] = {
    **dict.fromkeys(("companyID", "employeeID", "homeCompany"), _TEXT),
    "isHomeCompany": _FLAG,
    "isSupervisor": _FLAG,
    **dict.fromkeys(("primaryJobCode", "orgLevel1Code", "orgLevel2Code", "orgLevel3Code"), _TEXT),
    "orgLevel4Code": _TEXT,
    "originalHireDate": _MOMENT,
    "lastHireDate": _MOMENT,
    **dict.fromkeys(("fullTimeOrPartTimeCode", "primaryWorkLocationCode", "languageCode"), _TEXT),
    **dict.fromkeys(
        ("primaryProjectCode", "workPhoneNumber", "workPhoneExtension", "workPhoneCountry"), _TEXT
    ),
    **dict.fromkeys(("dateInJob", "dateLastWorked", "benefitSeniorityDate", "seniorityDate"), _MOMENT),
    **dict.fromkeys(("deductionGroupCode", "earningGroupCode", "jobChangeReasonCode", "jobTitle"), _TEXT),
    **dict.fromkeys(("employeeTypeCode", "employeeStatusCode", "employeeNumber", "leaveReasonCode"), _TEXT),
    **dict.fromkeys(("supervisorID", "autoAllocate", "clockCode"), _TEXT),
    **dict.fromkeys(("dateLastPayDatePaid", "earlyRetirementDate", "retirementDate"), _MOMENT),
    **dict.fromkeys(("suspensionDate", "terminationDate"), _MOMENT),
    **dict.fromkeys(("payGroupCode", "payPeriod"), _TEXT),
    **dict.fromkeys(("paidThruDate", "employeeStatusStartDate"), _MOMENT),
    "hireSource": _TEXT,
    **dict.fromkeys(("isAutoAllocated", "isAutoPaid", "isHighlyCompensated", "isMultipleJob"), _FLAG),
    **dict.fromkeys(("jobCode", "jobGroupCode"), _TEXT),
    "annualSalary": _NUMBER,
    **dict.fromkeys(
        ("mailstop", "okToRehire", "plannedLeaveReason", "positionCode", "salaryOrHourly"), _TEXT
    ),
    **dict.fromkeys(("scheduledAnnualHours", "scheduledFTE", "scheduledWorkHours"), _NUMBER),
    **dict.fromkeys(("shift", "shiftGroup", "terminationReasonCode", "terminationDescription"), _TEXT),
    **dict.fromkeys(("termType", "timeClockID"), _TEXT),
    "weeklyHours": _NUMBER,
    **dict.fromkeys(("dateTimeCreated", "dateTimeChanged", "employeeStatusExpectedEndDate"), _MOMENT),
    "integrationRecordId": {"type": "string", "format": "uuid"},
    **dict.fromkeys(("currentCompanyCountryCode", "homeCompanyCountryCode"), _TEXT),
    "isKeyEmployee": _FLAG,
    "hourlyPayRate": _NUMBER,
    "salaryEffectiveDate": _MOMENT,
    **dict.fromkeys(("unionLocalCode", "unionNationalCode"), _TEXT),
}

_JOBS_LIST = (
    "the UKG Pro notes, section 5: jobs records are `jobCode, title, longDescription, jobFamilyCode, "
    "flsaTypeCode, isActive, countryCode`, the keys real clients read; the description's jobs schema is "
    "garbled"
)
_LOCATIONS_LIST = (
    "the UKG Pro notes, section 5: locations records are `locationCode, description, addressLine1/2, city, "
    "state, zipOrPostalCode, countryCode, isActive`; the subset's own header: 'the locations schema is "
    "garbled (real clients read locationCode, description, addressLine1/2, ...)'"
)

DEVIATIONS: tuple[Deviation, ...] = (
    Deviation(
        "jobs",
        "rename",
        {"code": "jobCode"},
        f"{_JOBS_LIST} and names the code `code` (still sent when SandboxSettings.job_code_keys asks)",
    ),
    Deviation("jobs", "add", {"longDescription": _TEXT, "flsaTypeCode": _TEXT}, _JOBS_LIST),
    Deviation("locations", "add", {"addressLine1": _TEXT, "addressLine2": _TEXT}, _LOCATIONS_LIST),
    Deviation(
        "locations",
        "omit",
        dict.fromkeys(("id", "name", "type", "country")),
        f"untyped leftovers of the garbled schema, absent from the field list: {_LOCATIONS_LIST}",
    ),
    Deviation(
        "EmployeeChangesResponse",
        "retype",
        {"employeeNumber": {"type": "string", "pattern": r"^\d+$"}},
        "UKG's published sample of the change feed sends the zero-padded string `000000104` where the "
        "description says number; the UKG Pro notes, section 5: `employeeNumber` a zero-padded string",
    ),
    Deviation(
        "EmployeeEmploymentDetails",
        "replace",
        _EMPLOYEE_EMPLOYMENT_SAMPLE,
        "the subset's header: 'the employee-employment-details response schema repeats its query "
        "parameters instead of the record'; keys and types are those of UKG's published sample "
        "(EQKKKU000020 / 6Y4NV); the UKG Pro notes, section 5: it carries the employment facts under "
        "other names (`terminationDate`, `payGroupCode`, `isHomeCompany` ...)",
    ),
    Deviation(
        "/personnel/v1/employee-job-history-details",
        "list",
        evidence="the subset's header: 'the job-history schema is a single object although the endpoint "
        "returns a list'; the UKG Pro notes, section 5: 'a list of rows per employee'",
    ),
    Deviation(
        "/personnel/v1/contacts",
        "list",
        evidence="the description's summary: 'Get all details for a person assigned to an employee as a "
        "contact', paged like every list; the UKG Pro notes, section 8: dependents, beneficiaries and "
        "emergency contacts 'in one list'",
    ),
    Deviation(
        "EmpDeductions",
        "omit",
        dict.fromkeys(("employeeId", "companyId", "dedCode", "benStatus", "endDateTime", "page", "per_Page")),
        "the description's EmpDeductions schema repeats the endpoint's query parameters (employeeId, "
        "companyId, dedCode, benStatus, endDateTime, page, per_Page) beside the record's own employeeID, "
        "companyID and deductionCode, as its employee-employment-details schema does (the subset's header)",
    ),
    Deviation(
        "/configuration/v1/code-tables/{table}",
        "serve",
        {"code": _TEXT, "description": _TEXT},
        "each row of /configuration/v1/code-tables links its table by `url`; the path is not in the "
        "subset, so the row shape (code, description) is inferred",
    ),
)
"""Every departure from UKG's published description, each with its evidence."""


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


NULLABLE: dict[str, frozenset[str]] = {
    "EmpPersonDetails": _names(
        "additionalName1 additionalName2 addressCounty addressLatitude addressLine2 addressSms "
        "chkCashingInstCode cobraExport cobraNotes cobraReason cobraStatus cobraStatusDate "
        "communityBroadcastSmsCode dateDeceased dateOfCobraEvent dateOfCobraExport dateOfCobraLetter "
        "dateOfI9Expiration disabilityType emailAddress emailAddressAlternate ethnicDescription "
        "ethnicIDCode formerName healthBloodType healthEyes healthHair healthHeightFeet "
        "healthHeightInches healthLastDonateDate healthWeight homePhone homePhoneCountry i9AlienNumber "
        "i9DocA i9DocB i9DocC i9VisaExpirationDate i9VisaType i9WorkAuth lastNameNotSameAsSSCard "
        "maritalStatusCode middleName militaryBranchServed militaryEra militaryIsActiveWartimeVet "
        "militaryIsDisabledVet militaryIsMedalVet militaryIsOthEligVet militaryIsOthEligVetBasis "
        "militarySeparationDate nameFormer namePrefixCode nameSufixCode nationality1 nationality2 "
        "nationality3 originCountry originLocation preferredName previousSSN ssn"
    ),
    "EmpEmploymentDetails": _names(
        "clockCode dateLastPayDatePaid dateLastWorked dateOfLocalUnion dateOfNationalUnion "
        "dateOfSuspension dateOfTermination datePaidThru jobChangeReasonCode jobTitle leaveReasonCode "
        "mailstop okToRehire orgLevel4Code plannedLeaveReason positionCode primaryProjectCode "
        "supervisorCOID supervisorCompanyCode supervisorEmployeeNumber supervisorFirstName supervisorID "
        "supervisorLastName termReason termType terminationReasonDescription timeclockID unionLocal "
        "unionNational workPhoneCountry workPhoneExtension workPhoneNumber"
    ),
    "EmployeeEmploymentDetails": _names(
        "clockCode dateLastPayDatePaid dateLastWorked employeeStatusExpectedEndDate jobChangeReasonCode "
        "jobTitle leaveReasonCode mailstop okToRehire orgLevel4Code paidThruDate plannedLeaveReason "
        "positionCode primaryProjectCode supervisorID suspensionDate termType terminationDate "
        "terminationDescription terminationReasonCode timeClockID unionLocalCode unionNationalCode "
        "workPhoneCountry workPhoneExtension workPhoneNumber"
    ),
    "EmpCompensationDetails": _names(
        "dateLastPaid dateLastWorked dateOfLastSalaryReview dateOfNextSalayrReview datePaidThru "
        "distributionCenterCode jobChangeReasonCode jobTitle payScaleCode performanceReviewRating "
        "performanceReviewType primaryShiftCode"
    ),
    "EmployeeJobHistoryDetail": _names(
        "jobTitle notes orgLevel4Code payScaleCode positionCode projectCode shiftCode supervisorId "
        "supervisorNameFirst supervisorNameLast supervisorNameSuffix unionNational"
    ),
    "EmployeeSupervisorDetails": _names(
        "supervisorCompanyCode supervisorCompanyID supervisorEmail supervisorEmployeeID "
        "supervisorEmployeeNumber supervisorFirstName supervisorJobCode supervisorLastName "
        "supervisorPersonId supervisorPositionCode supervisorStatusCode supervisorWorkPhone"
    ),
    "EmployeeDemographicDetails": _names(
        "additionalName1 additionalName2 addressCounty addressLatitude addressLine2 addressLine3 "
        "addressLine4 addressSms cellPhoneNumber disabilityType emailAddress emailAddressAlternate "
        "ethnicDescription ethnicIdCode formerName healthBloodType healthEyes healthHair healthHeightFeet "
        "healthHeightInches healthLastDonateDate healthWeight homePhone homePhoneCountry homePhoneID "
        "maritalStatusCode middleName namePrefixCode nameSuffixCode nationality1 nationality2 "
        "nationality3 originCountry originLocation preferredName previousSSN ssn"
    ),
    # The {field, value} pairs of text (01), number (03) and date-time (05) slots: both null on a slot
    # the customer has not set up, the value null where the employee has none.
    "UserDefinedFields_personnelUserDefinedFields_personnelUDField01": _names("field value"),
    "UserDefinedFields_personnelUserDefinedFields_personnelUDField03": _names("field value"),
    "UserDefinedFields_personnelUserDefinedFields_personnelUDField05": _names("field value"),
    "Contact": _names(
        "addressID addressLine1 addressLine2 city cobraNotes cobraReason cobraStatus cobraStatusDate "
        "county dateOfBirth dateOfCOBRAEvent dateOfCOBRALetter deathDate divorceDate emailAddress "
        "formerName healthCareId homePhoneCountry homePhoneId homePhoneNumber importId marriageDate "
        "middleName nameSuffix nationalId nationalIdExpirationDate notes occupation otherInsurance "
        "otherPhoneCountryCode otherPhoneId otherPhoneNumber otherPhoneType preferredPhoneNumber ssn "
        "state userDefinedField01 workPhoneExtension workPhoneId workPhoneNumber zipCode"
    ),
    "EmployeeMultiPhoneNumbers": _names("auditKey formerName middleName phoneCountryPrefix phoneExtension"),
    "pto-plans": _names("earnedThroughDate pendingMoveDate"),
    "CompanyDetails": _names("addressCounty orgLevel3Code orgLevel4Code phoneNumberExtension"),
    "org-levels": _names("budgetGroup reportingCategory"),
    "locations": _names("addressLine1 addressLine2"),
    "jobs": frozenset(),
    "EmployeeChangesResponse": frozenset(),
    # UKG publishes no sample; the description's own fields for Canada (institution number), foreign
    # accounts and prenotes apply only to some accounts (inferred).
    "DirectDepositModel": _names(
        "description employeeInstitutionNumber firstPrenotePayDate foreignAccountNumber "
        "foreignAccountNumberType"
    ),
    # Pay statements: the lines UKG's statement shows empty for some people (second address line, the
    # fourth org level, a phone extension); the pay periods: the dates and ids of steps not yet taken.
    "EmployeePayStatementModel": _names("addressline2 companyaddresscounty companyphoneext orglevel4"),
    "PayrollDeductionsHistory": _names(
        "batchID childSupportType customDate dependentRecordId employeeGoalRule "
        "employerAnnualCapCalculationRule employerPeriodCapCalculationRule payeeID taxCalculationGroupId "
        "timeclockCode wageGarnishmentAllocateAsArrears wageGarnishmentDeductionTaxCategory "
        "wageGarnishmentWageCode"
    ),
    "EmpDeductions": _names(
        "benefitAmountCalcRule benefitStopDate customDate dateSuspendedFrom dateSuspendedTo "
        "declinedByCarrierDate declinedByCarrierReason contactID memberOrCaseNumber employeeCauseNumber "
        "employeeDedLastPaid evidenceOfInsurabilityDate notes primaryCarePhysician primaryCarePhysicianId "
        "deductionStopDate waiveReason employeePerCapCalcRule"
    ),
    "PayGroupPayPeriods": _names(
        "dateTimeFiscalEndDone dateTimePeriodClosed mqyEndFlag obType notes combineNachaFileName "
        "txFilAppDateTime txFilAppUserId roePayDate"
    ),
}
"""Component schema → the properties the sandbox may answer with null (never required ones).

UKG's description marks nothing nullable, yet its published samples carry ``null`` for absent values
(``jobTitle``, ``orgLevel4Code``, ``dateLastWorked`` ...). The generated tenant has a null in each of
these on at least one row.
"""


def _nullable(schema: Mapping[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return {"anyOf": [dict(schema), {"type": "null"}]}
    patched = dict(schema)
    kind = patched.get("type")
    if isinstance(kind, str):
        patched["type"] = [kind, "null"]
    return patched


def _close(node: Any) -> None:
    """``additionalProperties: false`` on every object schema that lists properties (examples skipped)."""
    if isinstance(node, dict):
        if "properties" in node and node.get("type", "object") == "object":
            node.setdefault("additionalProperties", False)
        for key, value in node.items():
            if key not in ("example", "examples"):
                _close(value)
    elif isinstance(node, list):
        for item in node:
            _close(item)


def _component(path: str) -> str:
    """A component name for a path served beyond the subset (``ConfigurationV1CodeTablesTable``)."""
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", path))


def corrected_schemas(schemas: Mapping[str, Any]) -> dict[str, Any]:
    """The description's component schemas with :data:`DEVIATIONS` and :data:`NULLABLE` applied, closed."""
    fixed: dict[str, Any] = copy.deepcopy(dict(schemas))
    for deviation in DEVIATIONS:
        if deviation.change == "serve":
            fixed[_component(deviation.target)] = {"type": "object", "properties": dict(deviation.keys)}
            continue
        if deviation.change == "list":
            continue
        schema = fixed[deviation.target]
        properties = schema.setdefault("properties", {})
        if deviation.change == "replace":
            schema["properties"] = copy.deepcopy(dict(deviation.keys))
            schema.pop("required", None)
            schema.pop("example", None)
        elif deviation.change in ("add", "retype"):
            properties.update(copy.deepcopy(dict(deviation.keys)))
        elif deviation.change == "omit":
            for key in deviation.keys:
                properties.pop(key, None)
        elif deviation.change == "rename":
            # The old spelling stays declared: the settings may send either key, or both.
            for old, new in deviation.keys.items():
                properties[new] = properties[old]
                schema["required"] = [new if r == old else r for r in schema.get("required", ())]
    for name, props in NULLABLE.items():
        properties = fixed[name]["properties"]
        for prop in props:
            properties[prop] = _nullable(properties[prop])
    _close(fixed)
    return fixed


def response_schema(spec: Mapping[str, Any], path: str) -> dict[str, Any] | None:
    """The corrected 200 ``application/json`` schema of a read ``path`` (refs into corrected_schemas()).

    None for a path neither in the description nor served beyond it.
    """
    for deviation in DEVIATIONS:
        if deviation.target == path and deviation.change == "serve":
            return {"type": "array", "items": {"$ref": f"#/components/schemas/{_component(path)}"}}
    methods = spec["paths"].get(path, {})
    operation = methods.get("get") or methods.get("post")  # pay statements: reads by POST
    if operation is None:
        return None
    schema: dict[str, Any] = operation["responses"]["200"]["content"]["application/json"]["schema"]
    if any(d.target == path and d.change == "list" for d in DEVIATIONS):
        schema = {"type": "array", "items": schema}
    return schema
