"""Every unified model of a replayed UKG Pro sync, held field by field against the cassette's raw rows.

The cassette ``cassettes/ukg_pro/test_replay/test_full_sync_replayed.yaml`` is a first (full) sync of the
sandbox tenant of ``tests/ukg_pro/test_replay.py`` (40 people, seed 21, 15 rows a page), recorded there
with ``HRISHUB_RECORD=all python3 -m pytest tests/ukg_pro/test_replay.py``. Here it is only replayed, with
recording off and no server: the hub links, syncs into its store, and the accessors read the store.

Every expected value is a literal read from the cassette's rows (person-details, employment-details,
user-defined-fields, employee-job-history-details, compensation-details, pto-plans, org-levels,
locations, company-details, code-tables/JOBCHANGE), never computed by the maps under test; ids are
``stable_id("ukg_pro", model, key)`` of the provider key. Personal values are the scrubber's fakes, as
the cassette holds them. After a re-recording of another tenant, read the rows again.

The records chosen hold UKG's edge cases:

- 0RY7TS0020L0 has a job in both companies (EXO2A, PR0PX): two employees, one UDF row;
- EXO2A XQQAYN0020L0 is a rehire (hired 2016-05-01, terminated 2019-11-12, rehired 2022-02-26);
- PR0PX 3NUFAR0020L0 lives in Calgary and reports to EXO2A B8CQJG0010L0, and PR0PX 0RY7TS0020L0 to
  EXO2A ZERJ7V0020L0: supervisors in the other company;
- EXO2A JM1K4D0000L0 (the CEO, no supervisor) is a converted record: "F ", "A ", "USD ";
  PR0PX 3NUFAR0020L0 too: "P ", "A ", "CAD ";
- EXO2A C3M7G80000L0 (terminated) has nulls in most optional fields;
- EXO2A 85WF0A0010L0's PTO plans have no earnedThroughDate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hub import HttpSettings, Hub
from hub.cassettes import make_vcr
from hub.errors import HubError, NotSupported
from hub.sync import SyncReport
from unified_models import HUB_FIELDS, Address, stable_id
from unified_models.enums import (
    EmploymentStatus,
    EmploymentType,
    Ethnicity,
    FlsaStatus,
    Gender,
    GroupType,
    LocationType,
    MaritalStatus,
    PayFrequency,
    PayPeriod,
    TimeOffPolicyType,
    TimeOffUnit,
)

CASSETTES = Path(__file__).resolve().parents[3] / "cassettes" / "ukg_pro" / "test_replay"
CASSETTE = "test_full_sync_replayed.yaml"
BASE_URL = "http://127.0.0.1:18765"
# The linking values with the secrets replaced by public stand-ins, as link.json keeps them: requests match
# on method, path and query, and the credential headers were redacted when the cassette was recorded.
CREDENTIALS = {
    "username": "HrisHubSandbox",
    "password": "<redacted>",
    "customer_api_key": "G2ASY",
    "domain": BASE_URL,
    "subdomain": "",
}
ACCESSORS = {
    "Employee": "employees",
    "Employment": "employments",
    "TimeOffPolicy": "time_off_policies",
    "TimeOffBalance": "time_off_balances",
    "Group": "groups",
    "Location": "locations",
    "Company": "companies",
}


def utc(*parts: int) -> datetime:
    """A UKG naive date-time, read as UTC (the account has no time zone set)."""
    return datetime(*parts, tzinfo=UTC)


def employee(company: str, employee_id: str) -> str:
    return stable_id("ukg_pro", "Employee", (company, employee_id))


def group(level: int, code: str) -> str:
    return stable_id("ukg_pro", "Group", (level, code))


def location(code: str) -> str:
    return stable_id("ukg_pro", "Location", (code,))


def company(company_id: str) -> str:
    return stable_id("ukg_pro", "Company", (company_id,))


def policy(code: str) -> str:
    return stable_id("ukg_pro", "TimeOffPolicy", (code,))


@dataclass(frozen=True)
class Replayed:
    """What the replayed sync left: its report, each model's records read from the store, and the refusal."""

    report: SyncReport
    records: dict[str, list[Any]]
    time_off_requests: HubError | None


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Replayed:
    """Link and sync once from the cassette, then read every model from the store (the cassette closed)."""
    home = tmp_path_factory.mktemp("replayed-sync")
    recorder = make_vcr(CASSETTES, "none")
    with pytest.MonkeyPatch.context() as env:
        # This module's own data folder: the function-scoped hub_home fixture has not run yet.
        env.setenv("HRISHUB_HOME", str(home))
        env.delenv("HRISHUB_DATABASE_URL", raising=False)
        env.delenv("HRISHUB_SECRET_KEY", raising=False)
        hub = Hub(
            settings=HttpSettings(sandbox_origins=frozenset({BASE_URL}), max_attempts=1),
            database_url=f"sqlite:///{home / 'hub.db'}",
        )
        try:
            # Replayed as recorded: make_vcr's scrubber runs again on every interaction vcrpy loads
            # (before_record_response), which would fake the fakes. Nothing is recorded here.
            with recorder.use_cassette(CASSETTE, allow_playback_repeats=True, before_record_response=None):
                account = hub.link("ukg_pro", CREDENTIALS, options={"include_sensitive": True})
                report = hub.sync(account)
            # Outside the cassette, so a read that went to the provider instead of the store would fail.
            records = {}
            for model, accessor in ACCESSORS.items():
                page = getattr(hub, accessor)(account).list(page_size=1000)
                assert page.next_cursor is None and not page.errors, model
                records[model] = page.results
            try:
                hub.time_off_requests(account).list()
                refusal = None
            except HubError as error:
                refusal = error
        finally:
            hub.close()
    return Replayed(report, records, refusal)


def one(replayed: Replayed, model: str, remote_id: str) -> Any:
    (found,) = [r for r in replayed.records[model] if r.remote_id == remote_id]
    return found


def assert_fields(record: Any, expected: dict[str, Any]) -> None:
    """``record`` has exactly the ``expected`` value in each field a map fills (every field but the hub's own)."""
    mapped = set(type(record).model_fields) - HUB_FIELDS
    assert set(expected) == mapped | {"id"}, (
        f"expected values missing for {sorted(mapped - set(expected))}, unknown fields {sorted(set(expected) - mapped - {'id'})}"
    )
    wrong = {
        name: (getattr(record, name), value)
        for name, value in expected.items()
        if getattr(record, name) != value
    }
    assert wrong == {}, f"{record.remote_id}: field: (mapped, expected)"


# -- the sync report ---------------------------------------------------------------------------------------


def test_the_replayed_sync_reports_no_failure_no_value_problem_and_no_join_warning(replayed):
    report = replayed.report
    assert report.status == "succeeded" and report.errors == []
    parts = {
        model: (
            part.mode,
            part.complete,
            part.read,
            part.failed,
            part.errors,
            part.problems,
            part.value_problems,
        )
        for model, part in report.models.items()
    }
    assert parts == {
        "Company": ("full", True, 2, 0, [], 0, []),
        "Location": ("full", True, 11, 0, [], 0, []),
        "Group": ("full", True, 50, 0, [], 0, []),
        "Employee": ("full", True, 41, 0, [], 0, []),  # 40 people, one in both companies
        "Employment": ("full", True, 70, 0, [], 0, []),  # employee-job-history-details rows
        "TimeOffPolicy": ("full", True, 5, 0, [], 0, []),  # PTO, SICK, FLOAT (EXO2A); VAC, SICKCA (PR0PX)
        "TimeOffBalance": ("full", True, 108, 0, [], 0, []),
        "TimeOffRequest": ("skipped", False, 0, 0, [], 0, []),
        # contacts flagged isDependent or isBeneficiary; those flagged isEmergencyContact (a spouse is both)
        "Dependent": ("full", True, 20, 0, [], 0, []),
        "EmergencyContact": ("full", True, 32, 0, [], 0, []),
        "BankInfo": ("full", True, 47, 0, [], 0, []),  # direct-deposit accounts
        "PayGroup": ("full", True, 4, 0, [], 0, []),  # USBW, USWK, CASM, CAHOUR
        "PayrollRun": ("full", True, 172, 0, [], 0, []),  # 400 days of pay dates, and each group's next
        "EmployeePayrollRun": ("full", True, 1170, 0, [], 0, []),  # every statement of those days
        "EmployerBenefit": ("full", True, 6, 0, [], 0, []),  # the deduction codes of the last two months
        "Benefit": ("full", True, 115, 0, [], 0, []),  # emp-deductions, read code by code
    }
    assert {model: part.warnings for model, part in report.models.items()} == {model: [] for model in parts}
    # Every primary record found its joined row. The 40 user-defined-fields rows (one per person, keyed by
    # employeeId alone) join all 41 employees: 0RY7TS0020L0's row joins both of its companies.
    joins = {
        model: {
            name: (j.record, j.key, j.on, j.rows_read, j.joined, j.primary) for name, j in part.joins.items()
        }
        for model, part in report.models.items()
        if part.joins
    }
    home = ("home-employments", ["employeeID"], ["employeeId"], 40)  # the home company of each person
    assert joins == {
        "Benefit": {"plan": ("deduction-plans", ["deductionCode"], ["deductionCode"], 6, 115, 115)},
        "Dependent": {"home": (*home, 20, 20)},
        "EmergencyContact": {"home": (*home, 32, 32)},
        "Employee": {
            "employment": (
                "employment-details",
                ["companyID", "employeeID"],
                ["companyId", "employeeId"],
                41,
                41,
                41,
            ),
            "udf": ("user-defined-fields", ["employeeId"], ["employeeId"], 40, 41, 41),
        },
        "Employment": {
            "comp": (
                "compensation-details",
                ["companyID", "employeeID"],
                ["companyId", "employeeId"],
                41,
                70,
                70,
            ),
            "current": (
                "employment-details",
                ["companyID", "employeeID"],
                ["companyId", "employeeId"],
                41,
                70,
                70,
            ),
        },
    }


# -- Employee ------------------------------------------------------------------------------------------------

UDF_0RY7TS = {  # personnelUserDefinedFields of 0RY7TS0020L0 (slots 04-06 null, 09-14 not set up)
    "T-Shirt Size": "M",
    "Remote Eligible": "Y",
    "Badge Number": 20983.0,
    "Preferred Pronouns": "he/him",
    "Laptop Asset Tag": "NW-36682",
}
PERSON_0RY7TS = {  # person-details of 0RY7TS0020L0: the same row under both companyIds
    "remote_modified_at": utc(2023, 2, 7, 5, 13, 33, 726000),  # datetimeChanged 2023-02-07T05:13:33.726
    "remote_created_at": utc(2022, 6, 3, 8, 39, 20, 901000),  # datetimeCreated 2022-06-03T08:39:20.901
    "first_name": "Name27CE20",
    "middle_name": "NameD34FAA",
    "last_name": "Name708780",
    "preferred_name": None,
    "display_full_name": "Name27CE20 Name708780",
    "username": "user3f729386",
    "work_email": "person-ac03eb42@example.invalid",
    "personal_email": None,
    "mobile_phone": None,
    "home_phone": None,
    "home_address": Address(
        line1="1335 Example St",
        line2="1827 Example St",
        city="Phoenix",
        state="AZ",
        postal_code="17138",
        country="US",
    ),
    "gender": Gender.FEMALE,
    "ethnicity": Ethnicity.WHITE,  # ethnicIDCode "1"
    "marital_status": None,  # maritalStatusCode "W": widowed has no unified value
    "national_id": "900163750",
    "date_of_birth": date(1972, 11, 20),
    "custom_fields": UDF_0RY7TS,
}

EMPLOYEES = {
    # A job in the parent company: employment-details EXO2A.
    "EXO2A:0RY7TS0020L0": {
        **PERSON_0RY7TS,
        "id": employee("EXO2A", "0RY7TS0020L0"),
        "remote_id": "EXO2A:0RY7TS0020L0",
        "employee_number": "000010983",
        "company_id": company("EXO2A"),
        "work_phone": "5555354339",
        "work_location_id": location("REMUS"),
        "manager_id": employee("EXO2A", "ZERJ7V0020L0"),
        "department_id": group(3, "APPS"),
        "group_ids": (group(1, "PRODENG"), group(2, "2100"), group(3, "APPS")),  # orgLevel4Code null
        "job_title": "QA Analyst",  # jobTitle null, jobDescription
        "hire_date": date(2022, 6, 11),
        "original_hire_date": date(2022, 6, 11),
        "start_date": date(2022, 6, 11),
        "termination_date": None,
        "employment_status": EmploymentStatus.ACTIVE,
        "employment_type": EmploymentType.FULL_TIME,
    },
    # The same person's job in the Canadian company, supervised from the parent company (supervisorCOID EXO2A).
    "PR0PX:0RY7TS0020L0": {
        **PERSON_0RY7TS,
        "id": employee("PR0PX", "0RY7TS0020L0"),
        "remote_id": "PR0PX:0RY7TS0020L0",
        "employee_number": "000010983",
        "company_id": company("PR0PX"),
        "work_phone": "5553492086",
        "work_location_id": location("MTL01"),
        "manager_id": employee("EXO2A", "ZERJ7V0020L0"),
        "department_id": group(3, "PLAT"),
        "group_ids": (group(1, "PRODENG"), group(2, "2100"), group(3, "PLAT"), group(4, "PLATCORE")),
        "job_title": "QA Analyst",
        "hire_date": date(2024, 5, 10),
        "original_hire_date": date(2024, 5, 10),
        "start_date": date(2024, 5, 10),
        "termination_date": None,
        "employment_status": EmploymentStatus.ACTIVE,
        "employment_type": EmploymentType.PART_TIME,
    },
    # The rehire: employeeStatusCode "A", originalHireDate 2016-05-01 < dateOfTermination 2019-11-12 <
    # lastHireDate 2022-02-26 (the earlier spell's termReason "BETTER" still on the row).
    "EXO2A:XQQAYN0020L0": {
        "id": employee("EXO2A", "XQQAYN0020L0"),
        "remote_id": "EXO2A:XQQAYN0020L0",
        "remote_modified_at": utc(2017, 3, 7, 19, 43, 33, 123000),
        "remote_created_at": utc(2016, 4, 22, 14, 4, 49, 603000),
        "employee_number": "000010981",
        "company_id": company("EXO2A"),
        "first_name": "Name2AEC7D",
        "middle_name": None,
        "last_name": "Name589014",
        "preferred_name": None,
        "display_full_name": "Name2AEC7D Name589014",
        "username": "user233e57c4",
        "work_email": "person-038542ed@example.invalid",
        "personal_email": "person-0072552e@example.invalid",
        "work_phone": "5551118521",
        "mobile_phone": None,
        "home_phone": None,
        "home_address": Address(
            line1="2475 Example St", line2=None, city="Chicago", state="IL", postal_code="76711", country="US"
        ),
        "work_location_id": location("CHI01"),
        "manager_id": employee("EXO2A", "JM1K4D0000L0"),
        "department_id": group(3, "EXEC"),
        "group_ids": (group(1, "CORP"), group(2, "1100"), group(3, "EXEC")),
        "job_title": "VP, Customer Support",
        "gender": Gender.FEMALE,
        "ethnicity": Ethnicity.BLACK_OR_AFRICAN_AMERICAN,  # "2"
        "marital_status": None,  # "D"
        "national_id": "900761129",
        "date_of_birth": date(1981, 8, 4),
        "hire_date": date(2022, 2, 26),
        "original_hire_date": date(2016, 5, 1),
        "start_date": date(2022, 2, 26),
        "termination_date": None,  # the earlier spell's end is in its job history, not here
        "employment_status": EmploymentStatus.ACTIVE,
        "employment_type": EmploymentType.FULL_TIME,
        "custom_fields": {
            "T-Shirt Size": "L",
            "Remote Eligible": "N",
            "Badge Number": 20981.0,
            "Commute Distance (mi)": 31.4,
            "Laptop Asset Tag": "NW-37972",
        },
    },
    # Canadian address (addressCountry "CAN"; the postal code is the scrubber's fake), padded codes
    # ("A ", "P "), a supervisor in the parent company (supervisorID B8CQJG0010L0, supervisorCOID EXO2A),
    # ethnicIDCode null.
    "PR0PX:3NUFAR0020L0": {
        "id": employee("PR0PX", "3NUFAR0020L0"),
        "remote_id": "PR0PX:3NUFAR0020L0",
        "remote_modified_at": utc(2024, 8, 5, 11, 37, 7, 30000),
        "remote_created_at": utc(2024, 2, 27, 14, 7, 36, 950000),
        "employee_number": "000010990",
        "company_id": company("PR0PX"),
        "first_name": "Name8E81C1",
        "middle_name": "Name30FA57",
        "last_name": "Name7C3798",
        "preferred_name": None,
        "display_full_name": "Name8E81C1 Name7C3798",
        "username": "user1664dcc1",
        "work_email": "person-ee0be3bf@example.invalid",
        "personal_email": None,
        "work_phone": "5551180933",
        "mobile_phone": None,
        "home_phone": None,
        "home_address": Address(
            line1="9810 Example St",
            line2="1542 Example St",
            city="Calgary",
            state="AB",
            postal_code="56525",
            country="CA",
        ),
        "work_location_id": location("TOR01"),
        "manager_id": employee("EXO2A", "B8CQJG0010L0"),
        "department_id": group(3, "SALES"),
        "group_ids": (group(1, "COMM"), group(2, "3100"), group(3, "SALES"), group(4, "SALENT")),
        "job_title": "Sales Development Representative",
        "gender": Gender.FEMALE,
        "ethnicity": None,
        "marital_status": MaritalStatus.SINGLE,  # "S"
        "national_id": "900157210",
        "date_of_birth": date(1973, 12, 13),
        "hire_date": date(2024, 3, 8),
        "original_hire_date": date(2024, 3, 8),
        "start_date": date(2024, 3, 8),
        "termination_date": None,
        "employment_status": EmploymentStatus.ACTIVE,
        "employment_type": EmploymentType.PART_TIME,
        "custom_fields": {
            "T-Shirt Size": "XXL",
            "Remote Eligible": "N",
            "Badge Number": 20990.0,
            "Commute Distance (mi)": 23.9,
            "Preferred Pronouns": "she/her",
            "Laptop Asset Tag": "NW-91407",
        },
    },
    # A converted record: fullTimeOrPartTimeCode "F ", employeeStatusCode "A "; the CEO, supervisorID null.
    "EXO2A:JM1K4D0000L0": {
        "id": employee("EXO2A", "JM1K4D0000L0"),
        "remote_id": "EXO2A:JM1K4D0000L0",
        "remote_modified_at": utc(2014, 6, 23, 5, 57, 57, 90000),
        "remote_created_at": utc(2011, 12, 21, 16, 49, 4, 404000),
        "employee_number": "000010975",
        "company_id": company("EXO2A"),
        "first_name": "Name9C5137",
        "middle_name": "Name0836A5",
        "last_name": "Name77EE87",
        "preferred_name": None,
        "display_full_name": "Name9C5137 Name77EE87",
        "username": "user7f674037",
        "work_email": "person-2badc360@example.invalid",
        "personal_email": "person-556745bd@example.invalid",
        "work_phone": "5559487257",
        "mobile_phone": None,
        "home_phone": "5551416525",
        "home_address": Address(
            line1="2817 Example St", line2=None, city="Austin", state="TX", postal_code="14162", country="US"
        ),
        "work_location_id": location("AUS01"),
        "manager_id": None,
        "department_id": group(3, "EXEC"),
        "group_ids": (group(1, "CORP"), group(2, "1100"), group(3, "EXEC")),
        "job_title": "Chief Executive Officer",
        "gender": Gender.MALE,
        "ethnicity": Ethnicity.ASIAN_OR_INDIAN_SUBCONTINENT,  # "4"
        "marital_status": None,  # "W"
        "national_id": "900765381",
        "date_of_birth": date(1988, 7, 7),
        "hire_date": date(2012, 1, 3),
        "original_hire_date": date(2012, 1, 3),
        "start_date": date(2012, 1, 3),
        "termination_date": None,
        "employment_status": EmploymentStatus.ACTIVE,
        "employment_type": EmploymentType.FULL_TIME,
        "custom_fields": {
            "T-Shirt Size": "XS",
            "Remote Eligible": "N",
            "Badge Number": 20975.0,
            "Commute Distance (mi)": 33.4,
            "Preferred Pronouns": "he/him",
            "Laptop Asset Tag": "NW-16981",
        },
    },
    # Nulls: middleName, preferredName, emailAddress, emailAddressAlternate, homePhone, addressLine2,
    # workPhoneNumber, orgLevel4Code, jobTitle, and UDF slots 07-08; terminated (status "T", 2025-10-19).
    "EXO2A:C3M7G80000L0": {
        "id": employee("EXO2A", "C3M7G80000L0"),
        "remote_id": "EXO2A:C3M7G80000L0",
        "remote_modified_at": utc(2025, 7, 3, 12, 40, 14, 940000),
        "remote_created_at": utc(2025, 6, 1, 17, 25, 45, 749000),
        "employee_number": "000011000",
        "company_id": company("EXO2A"),
        "first_name": "Name19F984",
        "middle_name": None,
        "last_name": "NameDBFC37",
        "preferred_name": None,
        "display_full_name": "Name19F984 NameDBFC37",
        "username": "userf8d08279",
        "work_email": None,
        "personal_email": None,
        "work_phone": None,
        "mobile_phone": None,
        "home_phone": None,
        "home_address": Address(
            line1="1144 Example St", line2=None, city="Memphis", state="TN", postal_code="12877", country="US"
        ),
        "work_location_id": location("MEM01"),
        "manager_id": employee("EXO2A", "1W0HQ00000L0"),
        "department_id": group(3, "WHSE"),
        "group_ids": (group(1, "OPS"), group(2, "4100"), group(3, "WHSE")),
        "job_title": "Forklift Operator",
        "gender": Gender.MALE,
        "ethnicity": Ethnicity.WHITE,
        "marital_status": None,  # "P"
        "national_id": "900836246",
        "date_of_birth": date(1973, 7, 11),
        "hire_date": date(2025, 6, 14),
        "original_hire_date": date(2025, 6, 14),
        "start_date": date(2025, 6, 14),
        "termination_date": date(2025, 10, 19),
        "employment_status": EmploymentStatus.INACTIVE,
        "employment_type": EmploymentType.FULL_TIME,
        "custom_fields": {
            "T-Shirt Size": "XS",
            "Remote Eligible": "N",
            "Badge Number": 21000.0,
            "Commute Distance (mi)": 29.9,
            # UKG's date-time UDF slots send naive text; it is kept as sent.
            "Certification Expiry": datetime(2026, 6, 30, tzinfo=UTC),  # a date-time slot: an instant
            "Last Safety Training": datetime(2025, 2, 5, tzinfo=UTC),
        },
    },
}


@pytest.mark.parametrize("remote_id", list(EMPLOYEES))
def test_employee_replayed(replayed, remote_id):
    assert_fields(one(replayed, "Employee", remote_id), EMPLOYEES[remote_id])


def test_employees_of_the_replay(replayed):
    employees = replayed.records["Employee"]
    assert len(employees) == len({e.id for e in employees}) == len({e.remote_id for e in employees}) == 41
    home, other = (
        one(replayed, "Employee", "EXO2A:0RY7TS0020L0"),
        one(replayed, "Employee", "PR0PX:0RY7TS0020L0"),
    )
    assert home.id != other.id and home.custom_fields == other.custom_fields == UDF_0RY7TS
    # The cross-company supervisors are employees of the replay, in their own company.
    ids = {e.id for e in employees}
    assert {other.manager_id, one(replayed, "Employee", "PR0PX:3NUFAR0020L0").manager_id} <= ids


# -- Employment ----------------------------------------------------------------------------------------------

REHIRE = {  # the rows shared by XQQAYN0020L0's history rows below (EXO2A, salaried, biweekly)
    "employee_id": employee("EXO2A", "XQQAYN0020L0"),
    "job_title": "VP, Customer Support",
    "job_code": "VPSUPP",
    "department_id": group(3, "SUPP"),
    "location_id": location("CHI01"),
    "manager_id": employee("EXO2A", "JM1K4D0000L0"),  # supervisorId, in the current supervisorCOID EXO2A
    "pay_rate": Decimal("179227.05"),  # salaryOrHourly "S": annualSalary
    "pay_currency": "USD",
    "pay_period": PayPeriod.YEAR,
    "pay_frequency": PayFrequency.BIWEEKLY,
    "pay_group": "USBW",
    "pay_group_id": stable_id("ukg_pro", "PayGroup", ("USBW",)),
    "flsa_status": FlsaStatus.EXEMPT,
    "employment_type": EmploymentType.FULL_TIME,
    "is_primary": None,
}

EMPLOYMENTS = {
    # The rehire's earlier spell: hired (reasonCode 100) ...
    "8IJN1K0000L0": {
        **REHIRE,
        "id": stable_id("ukg_pro", "Employment", ("EXO2A", "XQQAYN0020L0", "8IJN1K0000L0")),
        "remote_id": "8IJN1K0000L0",
        "remote_modified_at": utc(2016, 5, 1, 16, 16, 8, 570000),  # dateTimeCreated
        "effective_date": date(2016, 5, 1),
        "end_date": date(2019, 11, 11),  # the day before the next row (2019-11-12)
        "change_reason": "New Hire",  # JOBCHANGE 100
    },
    # ... terminated (500, employeeStatus "T") ...
    "VKCS420000L0": {
        **REHIRE,
        "id": stable_id("ukg_pro", "Employment", ("EXO2A", "XQQAYN0020L0", "VKCS420000L0")),
        "remote_id": "VKCS420000L0",
        "remote_modified_at": utc(2019, 11, 12, 10, 11, 11, 690000),
        "effective_date": date(2019, 11, 12),
        "end_date": date(2022, 2, 25),
        "change_reason": "Termination",  # JOBCHANGE 500
    },
    # ... and rehired (101).
    "7WJPVE0020L0": {
        **REHIRE,
        "id": stable_id("ukg_pro", "Employment", ("EXO2A", "XQQAYN0020L0", "7WJPVE0020L0")),
        "remote_id": "7WJPVE0020L0",
        "remote_modified_at": utc(2022, 2, 26, 16, 59, 2, 511000),
        "effective_date": date(2022, 2, 26),
        "end_date": date(2024, 7, 18),
        "change_reason": "Rehire",  # JOBCHANGE 101
    },
    # 0RY7TS0020L0's job in the Canadian company: its only row, paid in CAD, supervised from EXO2A.
    "2M89S00020L0": {
        "id": stable_id("ukg_pro", "Employment", ("PR0PX", "0RY7TS0020L0", "2M89S00020L0")),
        "remote_id": "2M89S00020L0",
        "remote_modified_at": utc(2024, 5, 10, 10, 32, 44, 845000),
        "employee_id": employee("PR0PX", "0RY7TS0020L0"),
        "job_title": "QA Analyst",
        "job_code": "CAQAANL",
        "department_id": group(3, "PLAT"),
        "location_id": location("MTL01"),
        "manager_id": employee("EXO2A", "ZERJ7V0020L0"),
        "pay_rate": Decimal("23625"),
        "pay_currency": "CAD",
        "pay_period": PayPeriod.YEAR,
        "pay_frequency": PayFrequency.SEMIMONTHLY,  # payPeriodCode "S"
        "pay_group": "CASM",
        "pay_group_id": stable_id("ukg_pro", "PayGroup", ("CASM",)),
        "flsa_status": FlsaStatus.EXEMPT,
        "employment_type": EmploymentType.PART_TIME,
        "effective_date": date(2024, 5, 10),
        "end_date": None,
        "change_reason": "New Hire",
        "is_primary": None,
    },
    # Padded codes: fullTimeOrPartTime "P ", currencyCode "CAD "; reports to EXO2A B8CQJG0010L0.
    "TVIOI00000L0": {
        "id": stable_id("ukg_pro", "Employment", ("PR0PX", "3NUFAR0020L0", "TVIOI00000L0")),
        "remote_id": "TVIOI00000L0",
        "remote_modified_at": utc(2024, 3, 8, 12, 8, 48, 137000),
        "employee_id": employee("PR0PX", "3NUFAR0020L0"),
        "job_title": "Sales Development Representative",
        "job_code": "CASDR",
        "department_id": group(3, "SALES"),
        "location_id": location("TOR01"),
        "manager_id": employee("EXO2A", "B8CQJG0010L0"),
        "pay_rate": Decimal("49637.68"),
        "pay_currency": "CAD",
        "pay_period": PayPeriod.YEAR,
        "pay_frequency": PayFrequency.SEMIMONTHLY,
        "pay_group": "CASM",
        "pay_group_id": stable_id("ukg_pro", "PayGroup", ("CASM",)),
        "flsa_status": FlsaStatus.NONEXEMPT,
        "employment_type": EmploymentType.PART_TIME,
        "effective_date": date(2024, 3, 8),
        "end_date": date(2025, 2, 2),
        "change_reason": "New Hire",
        "is_primary": None,
    },
    # Hourly (salaryOrHourly "H": hourlyPayRate 24.48, weekly), ended by the termination row.
    "C180960000L0": {
        "id": stable_id("ukg_pro", "Employment", ("EXO2A", "C3M7G80000L0", "C180960000L0")),
        "remote_id": "C180960000L0",
        "remote_modified_at": utc(2025, 6, 14, 8, 47, 24, 383000),
        "employee_id": employee("EXO2A", "C3M7G80000L0"),
        "job_title": "Forklift Operator",
        "job_code": "FORKOP",
        "department_id": group(3, "WHSE"),
        "location_id": location("MEM01"),
        "manager_id": employee("EXO2A", "1W0HQ00000L0"),
        "pay_rate": Decimal("24.48"),
        "pay_currency": "USD",
        "pay_period": PayPeriod.HOUR,
        "pay_frequency": PayFrequency.WEEKLY,
        "pay_group": "USWK",
        "pay_group_id": stable_id("ukg_pro", "PayGroup", ("USWK",)),
        "flsa_status": FlsaStatus.NONEXEMPT,
        "employment_type": EmploymentType.FULL_TIME,
        "effective_date": date(2025, 6, 14),
        "end_date": date(2025, 10, 18),
        "change_reason": "New Hire",
        "is_primary": None,
    },
    # The CEO's only row: supervisorId null, "F ", currencyCode "USD ".
    "V53EA60020L0": {
        "id": stable_id("ukg_pro", "Employment", ("EXO2A", "JM1K4D0000L0", "V53EA60020L0")),
        "remote_id": "V53EA60020L0",
        "remote_modified_at": utc(2012, 1, 3, 8, 15, 26, 274000),
        "employee_id": employee("EXO2A", "JM1K4D0000L0"),
        "job_title": "Chief Executive Officer",
        "job_code": "CEO",
        "department_id": group(3, "EXEC"),
        "location_id": location("AUS01"),
        "manager_id": None,
        "pay_rate": Decimal("408500"),
        "pay_currency": "USD",
        "pay_period": PayPeriod.YEAR,
        "pay_frequency": PayFrequency.BIWEEKLY,
        "pay_group": "USBW",
        "pay_group_id": stable_id("ukg_pro", "PayGroup", ("USBW",)),
        "flsa_status": FlsaStatus.EXEMPT,
        "employment_type": EmploymentType.FULL_TIME,
        "effective_date": date(2012, 1, 3),
        "end_date": None,
        "change_reason": "New Hire",
        "is_primary": None,
    },
}


@pytest.mark.parametrize("remote_id", list(EMPLOYMENTS))
def test_employment_replayed(replayed, remote_id):
    assert_fields(one(replayed, "Employment", remote_id), EMPLOYMENTS[remote_id])


def test_the_rehire_history_replayed(replayed):
    rehire = employee("EXO2A", "XQQAYN0020L0")
    spells = sorted(
        (j.effective_date, j.end_date, j.change_reason)
        for j in replayed.records["Employment"]
        if j.employee_id == rehire
    )
    assert spells == [
        (date(2016, 5, 1), date(2019, 11, 11), "New Hire"),
        (date(2019, 11, 12), date(2022, 2, 25), "Termination"),
        (date(2022, 2, 26), date(2024, 7, 18), "Rehire"),
        (date(2024, 7, 19), date(2024, 12, 10), "Transfer"),
        (date(2024, 12, 11), None, "Merit Increase"),
    ]
    assert len(replayed.records["Employment"]) == 70


# -- Time off ------------------------------------------------------------------------------------------------

POLICIES = {  # pto-plans ptoPlan codes: EXO2A's PTO, SICK, FLOAT; PR0PX's VAC, SICKCA
    "PTO": TimeOffPolicyType.VACATION,
    "SICK": TimeOffPolicyType.SICK,
    "FLOAT": TimeOffPolicyType.PERSONAL,
    "VAC": TimeOffPolicyType.VACATION,
    "SICKCA": TimeOffPolicyType.SICK,
}


@pytest.mark.parametrize("code", list(POLICIES))
def test_time_off_policy_replayed(replayed, code):
    assert len(replayed.records["TimeOffPolicy"]) == len(POLICIES)
    assert_fields(
        one(replayed, "TimeOffPolicy", code),
        {
            "id": policy(code),
            "remote_id": code,
            "remote_modified_at": None,
            "name": code,  # UKG's REST API has no plan name
            "policy_type": POLICIES[code],
            "unit": TimeOffUnit.HOURS,
        },
    )


def balance(company_id: str, employee_id: str, plan: str, **values: Any) -> dict[str, Any]:
    return {
        "id": stable_id("ukg_pro", "TimeOffBalance", (company_id, employee_id, plan)),
        "remote_id": f"{company_id}:{employee_id}:{plan}",
        "remote_modified_at": None,
        "employee_id": employee(company_id, employee_id),
        "policy_id": policy(plan),
        "policy_type": POLICIES[plan],
        "unit": TimeOffUnit.HOURS,
        "pending": None,  # UKG's REST API reports no pending requests
        **values,
    }


BALANCES = {
    # pto-plans rows: pendingBalance → balance, taken → used, earned → accrued.
    "EXO2A:0RY7TS0020L0:PTO": balance(
        "EXO2A",
        "0RY7TS0020L0",
        "PTO",
        balance=Decimal("11.61"),
        used=Decimal("0.05"),
        accrued=Decimal("0.66"),
        as_of=date(2026, 1, 2),
        resets_on=date(2027, 1, 1),
    ),
    "PR0PX:0RY7TS0020L0:VAC": balance(
        "PR0PX",
        "0RY7TS0020L0",
        "VAC",
        balance=Decimal("21.53"),
        used=Decimal("15.47"),
        accrued=Decimal("20"),
        as_of=date(2025, 12, 31),
        resets_on=date(2026, 1, 1),
    ),
    "PR0PX:0RY7TS0020L0:SICKCA": balance(
        "PR0PX",
        "0RY7TS0020L0",
        "SICKCA",
        balance=Decimal("7.05"),
        used=Decimal("6.95"),
        accrued=Decimal("14"),
        as_of=date(2025, 12, 31),
        resets_on=date(2026, 1, 1),
    ),
    "EXO2A:0RY7TS0020L0:FLOAT": balance(
        "EXO2A",
        "0RY7TS0020L0",
        "FLOAT",
        balance=Decimal("0.02"),
        used=Decimal("0.02"),
        accrued=Decimal("0.04"),
        as_of=date(2026, 1, 2),
        resets_on=date(2027, 1, 1),
    ),
    # Hired after the tenant's date: nothing earned yet, earnedThroughDate null.
    "EXO2A:85WF0A0010L0:SICK": balance(
        "EXO2A",
        "85WF0A0010L0",
        "SICK",
        balance=Decimal("0"),
        used=Decimal("0"),
        accrued=Decimal("0"),
        as_of=None,
        resets_on=date(2027, 1, 1),
    ),
}


@pytest.mark.parametrize("remote_id", list(BALANCES))
def test_time_off_balance_replayed(replayed, remote_id):
    assert len(replayed.records["TimeOffBalance"]) == 108
    assert_fields(one(replayed, "TimeOffBalance", remote_id), BALANCES[remote_id])


def test_time_off_requests_are_not_supported(replayed):
    refusal = replayed.time_off_requests
    assert isinstance(refusal, NotSupported)
    assert "no time-off requests" in refusal.message
    part = replayed.report.models["TimeOffRequest"]
    assert (part.mode, part.reason) == (
        "skipped",
        "UKG Pro's REST API has time-off balances (PTO plans) but no time-off requests.",
    )


# -- Organisation --------------------------------------------------------------------------------------------


def org_level(
    level: int, code: str, name: str, label: str, kind: GroupType, active: bool = True
) -> dict[str, Any]:
    return {
        "id": group(level, code),
        "remote_id": f"{level}:{code}",  # codes are unique within a level only
        "remote_modified_at": None,
        "name": name,
        "type": kind,
        "label": label,
        "level": level,
        "parent_id": None,  # org-levels name no parent
        "is_active": active,
    }


GROUPS = {  # org-levels rows: level, code, description, levelDescription, isActive
    "CORP": org_level(1, "CORP", "Corporate", "Division", GroupType.DIVISION),
    "1100": org_level(2, "1100", "Executive Office", "Cost Center", GroupType.COST_CENTER),
    "APPS": org_level(3, "APPS", "Application Engineering", "Department", GroupType.DEPARTMENT),
    "PLATCORE": org_level(4, "PLATCORE", "Core Services", "Team", GroupType.TEAM),
    "OLDTEAM": org_level(4, "OLDTEAM", "Retired Team", "Team", GroupType.TEAM, active=False),
}


@pytest.mark.parametrize("code", list(GROUPS))
def test_group_replayed(replayed, code):
    assert_fields(one(replayed, "Group", GROUPS[code]["remote_id"]), GROUPS[code])


def test_level_three_is_the_department(replayed):
    groups = replayed.records["Group"]
    assert len(groups) == 50
    departments = {g.remote_id.removeprefix("3:") for g in groups if g.level == 3}
    assert departments == {
        *("EXEC", "FIN", "ACCT", "HR", "TA", "PLAT", "APPS", "QA"),
        *("SUPP", "SALES", "CSM", "WHSE", "LOGI", "FAC", "ADMIN", "ARCHIVE"),
    }
    assert {(g.label, g.type) for g in groups if g.level == 3} == {("Department", GroupType.DEPARTMENT)}


def work_location(code: str, name: str, address: Address, active: bool = True) -> dict[str, Any]:
    return {
        "id": location(code),
        "remote_id": code,
        "remote_modified_at": None,
        "name": name,
        "address": address,
        "location_type": LocationType.WORK,
        "is_active": active,
    }


LOCATIONS = {  # locations rows (addressLine1 and zipOrPostalCode are the scrubber's fakes)
    "TOR01": work_location(
        "TOR01",
        "Toronto Office",
        Address(
            line1="9921 Example St", line2=None, city="Toronto", state="ON", postal_code="91985", country="CA"
        ),
    ),
    "MTL01": work_location(
        "MTL01",
        "Bureau de Montréal",
        Address(
            line1="8728 Example St",
            line2=None,
            city="Montréal",
            state="QC",
            postal_code="14081",
            country="CA",
        ),
    ),
    "REMUS": work_location(  # addressLine1 null
        "REMUS",
        "Remote - United States",
        Address(line1=None, line2=None, city="Atlanta", state="GA", postal_code="15288", country="US"),
    ),
    "PHX01": work_location(
        "PHX01",
        "Phoenix Office (closed)",
        Address(
            line1="1081 Example St", line2=None, city="Phoenix", state="AZ", postal_code="17138", country="US"
        ),
        active=False,
    ),
}


@pytest.mark.parametrize("code", list(LOCATIONS))
def test_location_replayed(replayed, code):
    assert len(replayed.records["Location"]) == 11
    assert_fields(one(replayed, "Location", code), LOCATIONS[code])


COMPANIES = {  # company-details rows: isMasterCompany is the text "true"/"false"
    "EXO2A": {
        "id": company("EXO2A"),
        "remote_id": "EXO2A",
        "remote_modified_at": None,
        "legal_name": "Northwind Outfitters, Inc.",
        "display_name": "Northwind Outfitters, Inc.",
        "code": "NOIUS",
        "is_parent": True,
    },
    "PR0PX": {
        "id": company("PR0PX"),
        "remote_id": "PR0PX",
        "remote_modified_at": None,
        "legal_name": "Northwind Outfitters Canada Ltd.",
        "display_name": "Northwind Outfitters Canada Ltd.",
        "code": "NOICA",
        "is_parent": False,
    },
}


@pytest.mark.parametrize("company_id", list(COMPANIES))
def test_company_replayed(replayed, company_id):
    assert len(replayed.records["Company"]) == 2
    assert_fields(one(replayed, "Company", company_id), COMPANIES[company_id])
