"""The UKG Pro field maps (``field_maps/ukg_pro``): UKG-shaped records in, exact unified values out.

Records copy the shapes of the sandbox (``connectors/ukg_pro/sandbox/records.py``); the last test maps
a whole small sandbox tenant.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import field_maps
from connectors.ukg_pro.labels import label_table, org_level_labels
from connectors.ukg_pro.sandbox import Sandbox
from connectors.ukg_pro.transforms import TRANSFORMS as UKG_TRANSFORMS
from field_maps import CompiledMap, FieldMap, MappingError, load_maps
from unified_models import (
    Address,
    Company,
    Employee,
    Employment,
    FieldSource,
    Group,
    Location,
    TimeOffBalance,
    TimeOffPolicy,
    stable_id,
)

FOLDER = Path(field_maps.__file__).parent / "ukg_pro"
LEVELS = {1: "Division", 2: "Cost Center", 3: "Department", 4: "Team"}
MODELS = (
    "Employee",
    "Employment",
    "TimeOffPolicy",
    "TimeOffBalance",
    "Group",
    "Location",
    "Company",
    "Dependent",
    "EmergencyContact",
    "BankInfo",
    "PayGroup",
    "PayrollRun",
    "EmployeePayrollRun",
    "EmployerBenefit",
    "Benefit",
)

CO, EMP, SUP = "6Y4NV", "EQKKKU000020", "EQKKKU000001"


def sid(model: str, *key: Any) -> str:
    return stable_id("ukg_pro", model, key)


@pytest.fixture(scope="module")
def maps() -> dict[str, FieldMap]:
    return load_maps(FOLDER, transforms=UKG_TRANSFORMS)


CODES = {"JOBCHANGE": {"100": "New Hire", "200": "Promotion", "500": "Termination"}}
"""The tenant's code tables as the client reads them (``/configuration/v1/code-tables/{TABLE}``)."""


def compiled(
    maps: dict[str, FieldMap], model: str, levels: dict[int, str] = LEVELS, **kw: Any
) -> CompiledMap:
    kw.setdefault("code_tables", CODES)
    return maps[model].compile(connector="ukg_pro", labels=label_table(levels, model), **kw)


def one(cm: CompiledMap, primary: dict[str, Any], **others: list[dict[str, Any]]) -> dict[str, Any]:
    (joined,) = cm.join([primary], **others)
    return cm.map(joined)


# -- records, shaped as the sandbox emits them ----------------------------------------------------------


def person(**changes: Any) -> dict[str, Any]:
    return {
        "personId": "1f0c5b3e-0000-4000-8000-000000000001",
        "employeeId": EMP,
        "companyId": CO,
        "userName": "alovelace",
        "firstName": "Ada",
        "middleName": "King",
        "lastName": "Lovelace",
        "preferredName": None,
        "namePrefixCode": "MS",
        "nameSufixCode": None,
        "emailAddress": "ada.lovelace@northwind.example",
        "emailAddressAlternate": "ada@home.example",
        "homePhone": "4045550123",
        "addressLine1": "2250 N Commerce Pkwy",
        "addressLine2": None,
        "addressCity": "Weston",
        "addressState": "FL",
        "addressZipCode": "33326",
        "addressCountry": "USA",
        "nationalId": "912345678",
        "dateOfBirth": "1996-01-01T00:00:00",
        "gender": "F",
        "ethnicIDCode": "4",
        "maritalStatusCode": "S",
        "datetimeCreated": "2019-01-02T10:00:00",
        "datetimeChanged": "2023-03-29T08:24:30.16",
        **changes,
    }


def employment(**changes: Any) -> dict[str, Any]:
    return {
        "companyID": CO,
        "companyCode": "NOIUS",
        "employeeID": EMP,
        "jobDescription": "Support Specialist",
        "primaryJobCode": "SUPSPC",
        "orgLevel1Code": "CORP",
        "orgLevel2Code": "1100",
        "orgLevel3Code": "SUP",
        "orgLevel4Code": None,
        "originalHireDate": "2019-01-07T00:00:00",
        "lastHireDate": "2021-09-20T00:00:00",
        "fullTimeOrPartTimeCode": "F",
        "primaryWorkLocationCode": "ATL01",
        "workPhoneNumber": "4045550100",
        "dateOfTermination": None,
        "employeeTypeCode": "REG",
        "employeeStatusCode": "A",
        "employeeNumber": "000012444",
        "jobTitle": None,
        "supervisorID": SUP,
        "supervisorCOID": CO,
        "salaryOrHourly": "S",
        **changes,
    }


def udf(**fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "employeeId": EMP,
        "companyId": CO,
        "personnelUserDefinedFields": {
            "personnelUDField01": {"field": "T-Shirt Size", "value": "M"},
            "personnelUDField02": {"field": "Remote Worker", "value": "N"},
            "personnelUDField03": {"field": "Badge Number", "value": 12444.0},
            "personnelUDField07": {"field": None, "value": None},
            **fields,
        },
        "internationalUserDefinedFields": {"internationalUDField01": {"field": None, "value": None}},
    }


def history(**changes: Any) -> dict[str, Any]:
    return {
        "annualSalary": 52000.0,
        "companyId": CO,
        "dateTimeCreated": "2021-09-20T09:15:00",
        "employeeId": EMP,
        "employeeType": "REG",
        "employeeStatus": "A",
        "flsaCategory": "N",
        "fullTimeOrPartTime": "F",
        "hourlyPayRate": 25.0,
        "isPromotion": False,
        "jobCode": "SUPSPC",
        "jobDescription": "Support Specialist",
        "jobEffectiveDate": "2021-09-20T00:00:00",
        "locationCode": "ATL01",
        "orgLevel1Code": "CORP",
        "orgLevel2Code": "1100",
        "orgLevel3Code": "SUP",
        "orgLevel4Code": None,
        "payGroupCode": "USBW",
        "payPeriodCode": "B",
        "reasonCode": "100",
        "salaryOrHourly": "S",
        "supervisorId": SUP,
        "systemId": "K3N9QZ0000C0",
        "jobTitle": None,
        **changes,
    }


def compensation(**changes: Any) -> dict[str, Any]:
    return {"employeeID": EMP, "companyID": CO, "annualSalary": 52000.0, "currencyCode": "USD", **changes}


def pto(**changes: Any) -> dict[str, Any]:
    return {
        "employeeId": EMP,
        "companyId": CO,
        "ptoPlan": "PTO",
        "earned": 47.01,
        "taken": 10.23,
        "pendingBalance": 39.78,
        "earnedThroughDate": "2025-05-23",
        "reset": "2026-01-01",
        "pendingMoveDate": None,
        **changes,
    }


# -- loading ---------------------------------------------------------------------------------------------


def test_every_supported_model_has_a_map_and_compiles_without_warnings(maps: dict[str, FieldMap]) -> None:
    assert set(maps) == set(MODELS)
    for model in MODELS:
        assert compiled(maps, model).warnings == (), model


def test_the_hub_loads_the_connector() -> None:
    from hub import Hub

    hub = Hub()
    assert "ukg_pro" in hub.connectors
    assert [f for f in hub.failures if f.connector == "ukg_pro"] == []


# -- Employee -------------------------------------------------------------------------------------------


def test_an_employee_maps_exactly(maps: dict[str, FieldMap]) -> None:
    cm = compiled(maps, "Employee")
    (joined,) = cm.join([person()], employment=[employment()], udf=[udf()])
    assert cm.build(joined) == Employee(
        id=sid("Employee", CO, EMP),
        remote_id=f"{CO}:{EMP}",
        employee_number="000012444",
        company_id=sid("Company", CO),
        first_name="Ada",
        middle_name="King",
        last_name="Lovelace",
        display_full_name="Ada Lovelace",
        username="alovelace",
        work_email="ada.lovelace@northwind.example",
        personal_email="ada@home.example",
        work_phone="4045550100",
        home_phone="4045550123",
        home_address=Address(
            line1="2250 N Commerce Pkwy", city="Weston", state="FL", postal_code="33326", country="US"
        ),
        work_location_id=sid("Location", "ATL01"),
        manager_id=sid("Employee", CO, SUP),
        department_id=sid("Group", 3, "SUP"),
        group_ids=(sid("Group", 1, "CORP"), sid("Group", 2, "1100"), sid("Group", 3, "SUP")),
        job_title="Support Specialist",
        gender="FEMALE",
        ethnicity="ASIAN_OR_INDIAN_SUBCONTINENT",
        marital_status="SINGLE",
        national_id="912345678",
        date_of_birth=date(1996, 1, 1),
        hire_date=date(2021, 9, 20),
        original_hire_date=date(2019, 1, 7),
        start_date=date(2021, 9, 20),
        employment_status="ACTIVE",
        employment_type="FULL_TIME",
        custom_fields={"T-Shirt Size": "M", "Remote Worker": "N", "Badge Number": 12444.0},
        remote_created_at=datetime(2019, 1, 2, 10, 0, tzinfo=UTC),
        remote_modified_at=datetime(2023, 3, 29, 8, 24, 30, 160000, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("A", "ACTIVE"),
        ("L", "LEAVE"),
        ("T", "INACTIVE"),
        ("R", "INACTIVE"),
        ("S", None),
        ("ZZ", None),
        (None, None),
    ],
)
def test_employee_status_codes(maps: dict[str, FieldMap], code: str | None, status: str | None) -> None:
    values = one(compiled(maps, "Employee"), person(), employment=[employment(employeeStatusCode=code)])
    assert values["employment_status"] == status


@pytest.mark.parametrize(
    ("ended", "hired", "status", "expected"),
    [
        ("2020-06-30T00:00:00", "2019-01-07T00:00:00", "T", date(2020, 6, 30)),  # left, not back
        ("2020-06-30T00:00:00", "2022-03-01T00:00:00", "A", None),  # rehired after that spell
        ("2020-06-30T00:00:00", "2020-06-30T00:00:00", "T", date(2020, 6, 30)),  # left on the hire day
        ("2020-06-30T00:00:00", None, "T", date(2020, 6, 30)),
        (None, "2022-03-01T00:00:00", "A", None),
    ],
)
def test_a_rehire_has_no_termination_date(
    maps: dict[str, FieldMap], ended: str | None, hired: str | None, status: str, expected: date | None
) -> None:
    row = employment(dateOfTermination=ended, lastHireDate=hired, employeeStatusCode=status)
    assert one(compiled(maps, "Employee"), person(), employment=[row])["termination_date"] == expected


def test_a_termination_date_that_does_not_parse_is_reported_and_the_employee_kept(
    maps: dict[str, FieldMap],
) -> None:
    cm = compiled(maps, "Employee")
    problems: list[Any] = []
    (joined,) = cm.join([person()], employment=[employment(dateOfTermination="31/31/2020")])
    values = cm.map(joined, problems)
    assert values["termination_date"] is None and values["first_name"] == "Ada"
    assert [(p.field, p.value) for p in problems] == [
        ("termination_date", "'31/31/2020|2021-09-20T00:00:00'")
    ]


@pytest.mark.parametrize(
    ("row", "field", "expected"),
    [
        ({"fullTimeOrPartTimeCode": "F "}, "employment_type", "FULL_TIME"),
        ({"fullTimeOrPartTimeCode": " P"}, "employment_type", "PART_TIME"),
        ({"employeeStatusCode": "T  "}, "employment_status", "INACTIVE"),
        (
            {"primaryWorkLocationCode": "ATL01 "},
            "work_location_id",
            stable_id("ukg_pro", "Location", ("ATL01",)),
        ),
    ],
)
def test_padded_codes_are_trimmed_before_lookups(
    maps: dict[str, FieldMap], row: dict[str, Any], field: str, expected: str
) -> None:
    assert one(compiled(maps, "Employee"), person(), employment=[employment(**row)])[field] == expected


@pytest.mark.parametrize(
    ("code", "status"),
    [("S", "SINGLE"), ("M", "MARRIED_FILING_JOINTLY"), ("D", None), ("W", None), (None, None)],
)
def test_marital_status(maps: dict[str, FieldMap], code: str | None, status: str | None) -> None:
    assert (
        one(compiled(maps, "Employee"), person(maritalStatusCode=code), employment=[employment()])[
            "marital_status"
        ]
        == status
    )


def test_group_ids_list_every_org_level_the_employee_is_in(maps: dict[str, FieldMap]) -> None:
    row = employment(orgLevel1Code="CORP", orgLevel2Code=" ", orgLevel3Code="SUP ", orgLevel4Code="EAST")
    values = one(compiled(maps, "Employee"), person(), employment=[row])
    assert values["group_ids"] == [sid("Group", 1, "CORP"), sid("Group", 3, "SUP"), sid("Group", 4, "EAST")]
    empty = employment(orgLevel1Code=None, orgLevel2Code=None, orgLevel3Code=None, orgLevel4Code=None)
    assert one(compiled(maps, "Employee"), person(), employment=[empty])["group_ids"] is None


def test_group_ids_are_the_ids_of_the_groups_themselves(maps: dict[str, FieldMap]) -> None:
    level = {
        "level": 2,
        "levelDescription": "Cost Center",
        "code": "1100",
        "description": "Ops",
        "isActive": True,
    }
    group = one(compiled(maps, "Group"), level)
    values = one(compiled(maps, "Employee"), person(), employment=[employment()])
    assert group["id"] in values["group_ids"]


@pytest.mark.parametrize(("code", "kind"), [("F", "FULL_TIME"), ("P", "PART_TIME"), ("X", None), ("", None)])
def test_full_or_part_time(maps: dict[str, FieldMap], code: str, kind: str | None) -> None:
    employee = one(compiled(maps, "Employee"), person(), employment=[employment(fullTimeOrPartTimeCode=code)])
    job = one(compiled(maps, "Employment"), history(fullTimeOrPartTime=code))
    assert employee["employment_type"] == job["employment_type"] == kind


@pytest.mark.parametrize(
    ("code", "gender"), [("M", "MALE"), ("F", "FEMALE"), ("X", "NON_BINARY"), ("Q", None), (None, None)]
)
def test_genders(maps: dict[str, FieldMap], code: str | None, gender: str | None) -> None:
    assert one(compiled(maps, "Employee"), person(gender=code))["gender"] == gender


@pytest.mark.parametrize(
    ("code", "ethnicity"),
    [
        ("1", "WHITE"),
        ("2", "BLACK_OR_AFRICAN_AMERICAN"),
        ("3", "HISPANIC_OR_LATINO"),
        ("5", "AMERICAN_INDIAN_OR_ALASKA_NATIVE"),
        ("6", "NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER"),
        ("7", "TWO_OR_MORE_RACES"),
        ("9", "PREFER_NOT_TO_DISCLOSE"),
        ("8", None),
    ],
)
def test_ethnic_codes(maps: dict[str, FieldMap], code: str, ethnicity: str | None) -> None:
    assert one(compiled(maps, "Employee"), person(ethnicIDCode=code))["ethnicity"] == ethnicity


@pytest.mark.parametrize(("country", "alpha2"), [("USA", "US"), ("CAN", "CA"), ("US", "US")])
def test_countries_become_alpha2(maps: dict[str, FieldMap], country: str, alpha2: str) -> None:
    values = one(compiled(maps, "Employee"), person(addressCountry=country))
    assert values["home_address"]["country"] == alpha2


def test_dates_and_instants(maps: dict[str, FieldMap]) -> None:
    cm = compiled(maps, "Employee")
    values = one(
        cm,
        person(dateOfBirth="1/1/1996 12:00:00 AM", datetimeChanged="2023-03-29T08:24:30.16"),
        employment=[employment(dateOfTermination="2024-02-29T00:00:00", employeeStatusCode="T")],
    )
    assert values["date_of_birth"] == date(1996, 1, 1)
    assert values["termination_date"] == date(2024, 2, 29)
    assert values["remote_modified_at"] == datetime(2023, 3, 29, 8, 24, 30, 160000, tzinfo=UTC)
    # Naive UKG times are read in the account's time zone.
    eastern = one(compiled(maps, "Employee", tz="America/New_York"), person())
    assert eastern["remote_modified_at"] == datetime(2023, 3, 29, 12, 24, 30, 160000, tzinfo=UTC)


def test_department_follows_the_customers_label(maps: dict[str, FieldMap]) -> None:
    record = employment(orgLevel1Code="CORP", orgLevel2Code="1100", orgLevel3Code="SUP", orgLevel4Code="T9")
    at_level_3 = compiled(maps, "Employee")
    assert one(at_level_3, person(), employment=[record])["department_id"] == sid("Group", 3, "SUP")
    assert at_level_3.lineage["department_id"] == FieldSource(
        api_name="employment-details.orgLevel3Code", label="Department"
    )
    at_level_2 = compiled(maps, "Employee", {1: "Division", 2: "Department", 3: "Region", 4: "Team"})
    assert one(at_level_2, person(), employment=[record])["department_id"] == sid("Group", 2, "1100")
    unlabelled = compiled(maps, "Employee", {1: "Division", 2: "Cost Center"})
    assert one(unlabelled, person(), employment=[record])["department_id"] is None
    assert unlabelled.warnings  # the account has no "Department" label
    overridden = compiled(maps, "Employee", overrides={"department_id": {"label": "Team"}})
    assert one(overridden, person(), employment=[record])["department_id"] == sid("Group", 4, "T9")


def test_missing_optional_records_and_values(maps: dict[str, FieldMap]) -> None:
    values = one(
        compiled(maps, "Employee"),
        person(emailAddress="", middleName=None, addressLine1=None, addressCity=None, addressState=None)
        | {"addressZipCode": None, "addressCountry": None},
    )
    assert values["work_email"] is None
    assert values["home_address"] is None
    assert values["custom_fields"] is None
    assert values["manager_id"] is values["department_id"] is values["employment_status"] is None


def test_custom_fields_leave_out_unlabelled_and_empty_values(maps: dict[str, FieldMap]) -> None:
    extra = {"personnelUDField05": {"field": "Certification Due", "value": None}}
    values = one(compiled(maps, "Employee"), person(), udf=[udf(**extra)])
    assert values["custom_fields"] == {"T-Shirt Size": "M", "Remote Worker": "N", "Badge Number": 12444.0}


def test_a_supervisor_in_another_company(maps: dict[str, FieldMap]) -> None:
    record = employment(supervisorID="KEXFP10010W0", supervisorCOID="4Q3H5")
    values = one(compiled(maps, "Employee"), person(), employment=[record])
    assert values["manager_id"] == sid("Employee", "4Q3H5", "KEXFP10010W0")


def test_a_job_title_prefers_the_alternate_title(maps: dict[str, FieldMap]) -> None:
    cm = compiled(maps, "Employee")
    assert one(cm, person(), employment=[employment(jobTitle="Support Lead")])["job_title"] == "Support Lead"


# -- Employment -----------------------------------------------------------------------------------------


def test_a_job_history_row_maps_exactly(maps: dict[str, FieldMap]) -> None:
    cm = compiled(maps, "Employment")
    (joined,) = cm.join([history()], comp=[compensation()], current=[employment()])
    assert cm.build(joined) == Employment(
        id=sid("Employment", CO, EMP, "K3N9QZ0000C0"),
        remote_id="K3N9QZ0000C0",
        employee_id=sid("Employee", CO, EMP),
        job_title="Support Specialist",
        job_code="SUPSPC",
        department_id=sid("Group", 3, "SUP"),
        location_id=sid("Location", "ATL01"),
        manager_id=sid("Employee", CO, SUP),
        pay_rate=Decimal("52000.0"),
        pay_currency="USD",
        pay_period="YEAR",
        pay_frequency="BIWEEKLY",
        pay_group="USBW",
        pay_group_id=sid("PayGroup", "USBW"),
        flsa_status="NONEXEMPT",
        employment_type="FULL_TIME",
        effective_date=date(2021, 9, 20),
        change_reason="New Hire",
        remote_modified_at=datetime(2021, 9, 20, 9, 15, tzinfo=UTC),
    )
    assert cm.lineage["department_id"] == FieldSource(
        api_name="job-history-periods.orgLevel3Code", label="Department"
    )


@pytest.mark.parametrize(("code", "flsa"), [("E", "EXEMPT"), ("N", "NONEXEMPT"), ("?", None)])
def test_flsa_codes(maps: dict[str, FieldMap], code: str, flsa: str | None) -> None:
    assert one(compiled(maps, "Employment"), history(flsaCategory=code))["flsa_status"] == flsa


@pytest.mark.parametrize(
    ("code", "frequency"),
    [("W", "WEEKLY"), ("B", "BIWEEKLY"), ("S", "SEMIMONTHLY"), ("M", "MONTHLY"), ("Z", None)],
)
def test_pay_period_codes(maps: dict[str, FieldMap], code: str, frequency: str | None) -> None:
    assert one(compiled(maps, "Employment"), history(payPeriodCode=code))["pay_frequency"] == frequency


@pytest.mark.parametrize(
    ("salary_or_hourly", "rate", "period"),
    [("S", Decimal("41600.0"), "YEAR"), ("H", Decimal("20.0"), "HOUR"), ("", Decimal("41600.0"), None)],
)
def test_the_pay_rate_follows_the_pay_basis(
    maps: dict[str, FieldMap], salary_or_hourly: str, rate: Decimal, period: str | None
) -> None:
    row = history(salaryOrHourly=salary_or_hourly, annualSalary=41600.0, hourlyPayRate=20.0)
    values = one(compiled(maps, "Employment"), row, comp=[compensation(currencyCode="cad")])
    assert (values["pay_rate"], values["pay_period"], values["pay_currency"]) == (rate, period, "CAD")


def test_the_current_row_uses_its_alternate_title_and_rows_stay_distinct(maps: dict[str, FieldMap]) -> None:
    cm = compiled(maps, "Employment")
    old = history(systemId="A0000000000A", reasonCode="100", jobEffectiveDate="2019-01-07T00:00:00")
    new = history(systemId="B0000000000B", reasonCode="200", jobTitle="Support Lead", supervisorId=None)
    first, second = (cm.map(j) for j in cm.join([old, new], current=[employment()]))
    assert first["id"] != second["id"]
    assert (first["job_title"], first["effective_date"]) == ("Support Specialist", date(2019, 1, 7))
    assert (second["job_title"], second["change_reason"], second["manager_id"]) == (
        "Support Lead",
        "Promotion",
        None,
    )
    assert first["manager_id"] == sid("Employee", CO, SUP)
    assert second["pay_currency"] is None  # no compensation-details row


def test_a_job_history_supervisor_takes_the_current_supervisors_company(maps: dict[str, FieldMap]) -> None:
    current = employment(supervisorID="KEXFP10010W0", supervisorCOID="4Q3H5")
    values = one(compiled(maps, "Employment"), history(supervisorId="KEXFP10010W0"), current=[current])
    assert values["manager_id"] == sid("Employee", "4Q3H5", "KEXFP10010W0")


# -- time off -------------------------------------------------------------------------------------------


def test_a_pto_plan_row_gives_a_policy_and_a_balance(maps: dict[str, FieldMap]) -> None:
    policy = compiled(maps, "TimeOffPolicy")
    (joined,) = policy.join([pto()])
    assert policy.build(joined) == TimeOffPolicy(
        id=sid("TimeOffPolicy", "PTO"), remote_id="PTO", name="PTO", policy_type="VACATION", unit="HOURS"
    )
    balance = compiled(maps, "TimeOffBalance")
    (joined,) = balance.join([pto()])
    assert balance.build(joined) == TimeOffBalance(
        id=sid("TimeOffBalance", CO, EMP, "PTO"),
        remote_id=f"{CO}:{EMP}:PTO",
        employee_id=sid("Employee", CO, EMP),
        policy_id=sid("TimeOffPolicy", "PTO"),
        policy_type="VACATION",
        unit="HOURS",
        balance=Decimal("39.78"),
        accrued=Decimal("47.01"),
        used=Decimal("10.23"),
        as_of=date(2025, 5, 23),
        resets_on=date(2026, 1, 1),
    )


@pytest.mark.parametrize(
    ("plan", "kind"),
    [
        ("PTO", "VACATION"),
        ("VAC", "VACATION"),
        ("SICK", "SICK"),
        ("SICKCA", "SICK"),
        ("FLOAT", "PERSONAL"),
        ("BRV", "OTHER"),
    ],
)
def test_pto_plan_kinds(maps: dict[str, FieldMap], plan: str, kind: str) -> None:
    assert one(compiled(maps, "TimeOffPolicy"), pto(ptoPlan=plan))["policy_type"] == kind
    assert one(compiled(maps, "TimeOffBalance"), pto(ptoPlan=plan))["policy_type"] == kind


def test_a_balance_before_the_first_pay_day(maps: dict[str, FieldMap]) -> None:
    row = pto(earned=0.0, taken=0.0, pendingBalance=0.0, earnedThroughDate=None)
    values = one(compiled(maps, "TimeOffBalance"), row)
    assert (values["balance"], values["used"], values["as_of"]) == (Decimal("0.0"), Decimal("0.0"), None)


# -- organisation ---------------------------------------------------------------------------------------


def org(**changes: Any) -> dict[str, Any]:
    return {
        "level": 3,
        "levelDescription": "Department",
        "code": "SUP",
        "description": "Customer Support",
        "glSegment": "410",
        "budgetGroup": None,
        "reportingCategory": None,
        "isActive": True,
        **changes,
    }


def test_an_org_level_maps_to_the_group_the_employee_refers_to(maps: dict[str, FieldMap]) -> None:
    cm = compiled(maps, "Group")
    (joined,) = cm.join([org()])
    group = cm.build(joined)
    assert group == Group(
        id=sid("Group", 3, "SUP"),
        remote_id="3:SUP",
        name="Customer Support",
        type="DEPARTMENT",
        label="Department",
        level=3,
        is_active=True,
    )
    employee = one(compiled(maps, "Employee"), person(), employment=[employment()])
    job = one(compiled(maps, "Employment"), history(), current=[employment()])
    assert group.id == employee["department_id"] == job["department_id"]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Division", "DIVISION"),
        ("Cost Center", "COST_CENTER"),
        ("Cost Centre", "COST_CENTER"),
        ("Team", "TEAM"),
        (" department ", "DEPARTMENT"),
        ("Region", "REGION"),
        ("Business Unit", "BUSINESS_UNIT"),
        ("Location Group", "OTHER"),
    ],
)
def test_group_types_follow_the_level_label(maps: dict[str, FieldMap], label: str, kind: str) -> None:
    assert one(compiled(maps, "Group"), org(levelDescription=label))["type"] == kind


def test_same_code_on_two_levels_gives_two_groups(maps: dict[str, FieldMap]) -> None:
    cm = compiled(maps, "Group")
    a, b = (cm.map(j) for j in cm.join([org(level=2, isActive=False), org(level=3)]))
    assert a["id"] != b["id"]
    assert (a["level"], a["is_active"]) == (2, False)


def test_a_location_maps_exactly(maps: dict[str, FieldMap]) -> None:
    cm = compiled(maps, "Location")
    record = {
        "locationCode": "TOR01",
        "description": "Toronto Office",
        "isActive": False,
        "addressLine1": "100 King St W",
        "addressLine2": None,
        "city": "Toronto",
        "state": "ON",
        "zipOrPostalCode": "M5X 1A9",
        "countryCode": "CAN",
        "locationGLSegment": "210",
    }
    (joined,) = cm.join([record])
    assert cm.build(joined) == Location(
        id=sid("Location", "TOR01"),
        remote_id="TOR01",
        name="Toronto Office",
        address=Address(
            line1="100 King St W", city="Toronto", state="ON", postal_code="M5X 1A9", country="CA"
        ),
        location_type="WORK",
        is_active=False,
    )


@pytest.mark.parametrize(("master", "is_parent"), [("true", True), ("false", False), ("", None)])
def test_a_company_maps_exactly(maps: dict[str, FieldMap], master: str, is_parent: bool | None) -> None:
    cm = compiled(maps, "Company")
    record = {
        "isMasterCompany": master,
        "masterCompanyId": CO,
        "companyID": CO,
        "companyCode": "NOIUS",
        "companyName": "Northwind Outfitters, Inc.",
        "addressCountry": "USA",
    }
    (joined,) = cm.join([record])
    assert cm.build(joined) == Company(
        id=sid("Company", CO),
        remote_id=CO,
        legal_name="Northwind Outfitters, Inc.",
        display_name="Northwind Outfitters, Inc.",
        code="NOIUS",
        is_parent=is_parent,
    )


# -- a whole sandbox tenant -----------------------------------------------------------------------------


async def _fetch(sandbox: Sandbox, names: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every record of each type, read through the connector's own client (derived types included)."""
    from connectors.ukg_pro.client import UkgProClient
    from hub.connector import HttpSettings

    base = "https://service4.ultipro.com"
    creds = {**sandbox.credentials(base), "base_url": base}
    out: dict[str, list[dict[str, Any]]] = {}
    async with UkgProClient(creds, HttpSettings(transport=sandbox.transport())) as client:
        for name in names:
            out[name] = [row async for page in client.records(name) for row in page]
    return out


def test_a_whole_sandbox_tenant_maps_without_errors(maps: dict[str, FieldMap]) -> None:
    sandbox = Sandbox(employees=30, seed=1, now=datetime(2025, 6, 2, 9, 30))
    names = sorted({source.record for m in maps.values() for source in m.sources})
    raw = asyncio.run(_fetch(sandbox, names))
    assert all(raw[name] for name in names), {name: len(raw[name]) for name in names}
    levels = org_level_labels(raw["org-levels"])
    assert levels == LEVELS

    plans = list({row["ptoPlan"]: row for row in raw["pto-plans"]}.values())  # one row per plan
    primaries = {"TimeOffPolicy": plans}
    out: dict[str, list[Any]] = {}
    for model in MODELS:
        cm = compiled(maps, model, levels, tz="America/New_York")
        first, *others = cm.sources
        joined = cm.join(primaries.get(model, raw[first.record]), **{s.name: raw[s.record] for s in others})
        results = list(cm.map_many(joined, include_raw=True, include_sources=True))
        errors = [r for r in results if isinstance(r, MappingError)]
        assert errors == [], (model, errors[:3])
        ids = [r.id for r in results]
        assert len(ids) == len(set(ids)), model
        out[model] = results

    assert len(out["Employee"]) == len(raw["person-details"])
    assert len(out["Employment"]) == len(raw["job-history-periods"])
    periods: dict[str, list[Any]] = {}
    for job in out["Employment"]:
        periods.setdefault(job.employee_id, []).append(job)
        assert job.end_date is None or job.end_date >= job.effective_date
    assert any(job.end_date for job in out["Employment"])
    for jobs in periods.values():  # the latest period of each employee is the current one
        assert max(jobs, key=lambda j: j.effective_date).end_date is None
    # Every reference points at a record the tenant has.
    ids = {model: {r.id for r in rows} for model, rows in out.items()}
    for e in out["Employee"]:
        assert e.company_id in ids["Company"]
        assert e.department_id in ids["Group"]
        assert e.work_location_id in ids["Location"]
        assert e.manager_id is None or e.manager_id in ids["Employee"]
        assert e.first_name and e.employment_status is not None and e.custom_fields
    for job in out["Employment"]:
        assert job.employee_id in ids["Employee"]
        assert job.department_id in ids["Group"] and job.location_id in ids["Location"]
        assert job.manager_id is None or job.manager_id in ids["Employee"]
        assert job.pay_rate is not None and job.pay_currency in ("USD", "CAD")
    for balance in out["TimeOffBalance"]:
        assert balance.employee_id in ids["Employee"] and balance.policy_id in ids["TimeOffPolicy"]


@pytest.mark.parametrize(
    ("code", "hired", "status"),
    [
        ("A", "2999-01-05T00:00:00", "PENDING"),
        ("A", "2001-01-05T00:00:00", "ACTIVE"),
        ("A", None, "ACTIVE"),
        ("L", "2999-01-05T00:00:00", "LEAVE"),
        ("T", "2999-01-05T00:00:00", "INACTIVE"),
    ],
)
def test_an_active_employee_hired_for_a_future_date_is_pending(
    maps: dict[str, FieldMap], code: str, hired: str | None, status: str
) -> None:
    values = one(
        compiled(maps, "Employee"),
        person(),
        employment=[employment(employeeStatusCode=code, lastHireDate=hired)],
    )
    assert values["employment_status"] == status


def test_the_status_transform_reads_the_date_against_today() -> None:
    from datetime import date

    from connectors.ukg_pro.transforms import FUTURE_HIRE, status_with_future_hires

    today = lambda: date(2026, 3, 1)  # noqa: E731
    assert status_with_future_hires("A|2026-03-02T00:00:00", today=today) == FUTURE_HIRE
    assert status_with_future_hires("A|2026-03-01T00:00:00", today=today) == "A"
    assert status_with_future_hires("A|not a date", today=today) == "A"
    assert status_with_future_hires("|", today=today) is None


def test_reason_codes_are_decoded_with_the_customers_code_table(maps: dict[str, FieldMap]) -> None:
    tables = {"JOBCHANGE": {"200": "Promoted (internal)"}}
    cm = compiled(maps, "Employment", code_tables=tables)
    (joined,) = cm.join([history(reasonCode="200 ")], comp=[compensation()], current=[employment()])
    built = cm.build(joined, include_sources=True)
    assert built.change_reason == "Promoted (internal)"
    source = built.field_sources["change_reason"]
    assert source.api_name == "job-history-periods.reasonCode" and source.source_value == "200 "
    assert (
        one(cm, history(reasonCode="999"), comp=[compensation()])["change_reason"] == "999"
    )  # unknown: the code


def test_without_a_readable_code_table_reasons_keep_their_codes(maps: dict[str, FieldMap]) -> None:
    cm = compiled(maps, "Employment", code_tables={})
    assert cm.warnings == ("code table JOBCHANGE is not available: its fields keep the provider's codes",)
    assert one(cm, history(reasonCode="200"), comp=[compensation()])["change_reason"] == "200"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("ukg_date", "2021-09-20T00:00:00", date(2021, 9, 20)),
        ("ukg_date", "1/1/1996 12:00:00 AM", date(1996, 1, 1)),
        ("ukg_date", "", None),
        ("ukg_datetime", "2023-03-29T08:24:30.16", datetime(2023, 3, 29, 8, 24, 30, 160000, tzinfo=UTC)),
        ("ukg_datetime", "1/1/1996 12:00:00 AM", datetime(1996, 1, 1, tzinfo=UTC)),
    ],
)
def test_ukg_date_transforms_come_from_the_connector(name: str, value: str, expected: Any) -> None:
    assert name not in field_maps.BUILTIN_TRANSFORMS
    assert UKG_TRANSFORMS[name](value) == expected


@pytest.mark.parametrize(("name", "value"), [("ukg_date", "13/13/2020"), ("ukg_datetime", "not a time")])
def test_ukg_date_transforms_refuse_what_is_not_a_date(name: str, value: str) -> None:
    with pytest.raises(field_maps.MappingError):
        UKG_TRANSFORMS[name](value)
