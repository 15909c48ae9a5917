"""Hand-built, fully populated instances of every unified model (every optional field set)."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from unified_models import (
    Address,
    Company,
    Employee,
    Employment,
    EmploymentStatus,
    EmploymentType,
    Ethnicity,
    FieldSource,
    FlsaStatus,
    Gender,
    Group,
    GroupType,
    Location,
    LocationType,
    MaritalStatus,
    PayFrequency,
    PayPeriod,
    TimeOffBalance,
    TimeOffPolicy,
    TimeOffPolicyType,
    TimeOffRequest,
    TimeOffRequestStatus,
    TimeOffUnit,
)

NEW_YORK_WINTER = timezone(timedelta(hours=-5))
ADDRESS = Address(
    line1="1 Main Street", line2="Suite 200", city="Austin", state="TX", postal_code="78701", country="US"
)


def metadata(**extra):
    return {
        "remote_data": {
            "employee": {"employeeId": "E1", "orgLevel3Code": "A", "salary": 52000.5, "tags": [1]}
        },
        "remote_data_redacted": ("employee.ssn",),
        "field_sources": {
            "department_id": FieldSource(
                api_name="employment-details.orgLevel3Code", label="Department", source_value="A"
            )
        },
        "created_at": datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=UTC),
        "modified_at": datetime(2024, 6, 1, 9, 30, tzinfo=NEW_YORK_WINTER),
        "remote_modified_at": datetime(2024, 5, 31, 23, 59, 59, tzinfo=UTC),
        "remote_was_deleted": True,
        **extra,
    }


def build_full() -> dict:
    return {
        "Employee": Employee(
            id="emp-1",
            remote_id="C1|E1",
            employee_number="000123",
            company_id="co-1",
            first_name="Ada",
            middle_name="K.",
            last_name="Lovelace",
            preferred_name="Ada",
            display_full_name="Ada Lovelace",
            username="alovelace",
            work_email="ada@example.com",
            personal_email="ada@example.org",
            work_phone="+1 512 555 0100",
            mobile_phone="+1 512 555 0101",
            home_phone="+1 512 555 0102",
            home_address=ADDRESS,
            work_location_id="loc-1",
            manager_id="emp-0",
            department_id="grp-3",
            group_ids=["grp-1", "grp-3"],
            job_title="Engineer",
            gender=Gender.FEMALE,
            ethnicity=Ethnicity.WHITE,
            marital_status=MaritalStatus.SINGLE,
            national_id="123-45-6789",
            date_of_birth=date(1990, 12, 10),
            hire_date=date(2020, 1, 6),
            original_hire_date=date(2015, 3, 2),
            start_date=date(2020, 1, 6),
            termination_date=date(2025, 1, 31),
            employment_status=EmploymentStatus.ACTIVE,
            employment_type=EmploymentType.FULL_TIME,
            custom_fields={
                "T-shirt size": "M",
                "Badge": "00123",
                "Seniority": 7,
                "Bonus rate": Decimal("0.075"),
                "FTE": 0.8,
                "Remote": True,
                "Review date": date(2024, 9, 1),
                "Last badge scan": datetime(2024, 9, 1, 8, 0, tzinfo=NEW_YORK_WINTER),
                "Nickname": None,
            },
            remote_created_at=datetime(2015, 3, 1, 12, 0, tzinfo=UTC),
            **metadata(),
        ),
        "Employment": Employment(
            id="emp-1-job-1",
            remote_id="C1|E1|2020-01-06",
            employee_id="emp-1",
            job_title="Engineer",
            job_code="ENG2",
            department_id="grp-3",
            location_id="loc-1",
            manager_id="emp-0",
            pay_rate=Decimal("52000.50"),
            pay_currency="USD",
            pay_period=PayPeriod.YEAR,
            pay_frequency=PayFrequency.BIWEEKLY,
            pay_group="BW1",
            pay_group_id="pg-bw1",
            flsa_status=FlsaStatus.EXEMPT,
            employment_type=EmploymentType.FULL_TIME,
            effective_date=date(2020, 1, 6),
            end_date=date(2021, 1, 5),
            change_reason="Promotion",
            is_primary=True,
            **metadata(),
        ),
        "TimeOffPolicy": TimeOffPolicy(
            id="pol-1",
            remote_id="PTO",
            name="Paid time off",
            policy_type=TimeOffPolicyType.VACATION,
            unit=TimeOffUnit.HOURS,
            **metadata(),
        ),
        "TimeOffBalance": TimeOffBalance(
            id="bal-1",
            remote_id="C1|E1|PTO",
            employee_id="emp-1",
            policy_id="pol-1",
            policy_type=TimeOffPolicyType.VACATION,
            unit=TimeOffUnit.HOURS,
            balance=Decimal("40.25"),
            used=Decimal("8"),
            accrued=Decimal("48.250"),
            pending=Decimal("0.00"),
            as_of=date(2024, 6, 1),
            resets_on=date(2025, 1, 1),
            **metadata(),
        ),
        "TimeOffRequest": TimeOffRequest(
            id="req-1",
            remote_id="R1",
            employee_id="emp-1",
            approver_id="emp-0",
            policy_id="pol-1",
            status=TimeOffRequestStatus.APPROVED,
            request_type=TimeOffPolicyType.SICK,
            unit=TimeOffUnit.DAYS,
            amount=Decimal("1.5"),
            start_time=datetime(2024, 7, 1, 9, 0, tzinfo=NEW_YORK_WINTER),
            end_time=datetime(2024, 7, 2, 13, 0, tzinfo=NEW_YORK_WINTER),
            employee_note="Doctor's appointment",
            **metadata(),
        ),
        "Group": Group(
            id="grp-3",
            remote_id="3|ENG",
            name="Engineering",
            type=GroupType.DEPARTMENT,
            label="Department",
            level=3,
            parent_id="grp-2",
            is_active=True,
            **metadata(),
        ),
        "Location": Location(
            id="loc-1",
            remote_id="AUS",
            name="Austin HQ",
            address=ADDRESS,
            location_type=LocationType.WORK,
            is_active=True,
            **metadata(),
        ),
        "Company": Company(
            id="co-1",
            remote_id="C1",
            legal_name="Example Holdings, Inc.",
            display_name="Example",
            code="EXH",
            is_parent=False,
            **metadata(),
        ),
    }


FULL = build_full()


@pytest.fixture(params=sorted(FULL))
def full_instance(request):
    """One fully populated instance per unified model."""
    return FULL[request.param]
