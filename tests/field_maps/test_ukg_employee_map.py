"""End to end: a realistic UKG employee map, three joined records, one exact Employee; and the README map."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

from field_maps import load_map
from unified_models import Address, Employee, FieldSource, stable_id

PERSON = {
    "employeeId": "EQKKKU000020",
    "companyId": "6Y4NV",
    "firstName": "Ada",
    "lastName": "Lovelace",
    "preferredName": "",
    "emailAddress": "",
    "emailAddressAlternate": "ada@example.com",
    "datetimeChanged": "2023-03-29T08:24:30.16",
    "dateOfBirth": "1/1/1996 12:00:00 AM",
    "addressLine1": "2250 N Commerce Pkwy",
    "addressCity": "Weston",
    "addressCountry": "USA",
}
EMPLOYMENT = {
    "employeeID": "EQKKKU000020",
    "companyID": "6Y4NV",
    "employeeNumber": "000012444",
    "employeeStatusCode": "L",
    "fullTimeOrPartTimeCode": "P",
    "lastHireDate": "2021-09-20T00:00:00",
    "originalHireDate": "2019-01-07T00:00:00",
    "supervisorID": "EQKKKU000001",
    "orgLevel3Code": "SUP",
}
UDF = {
    "employeeId": "EQKKKU000020",
    "companyId": "6Y4NV",
    "personnelUserDefinedFields": {
        "personnelUDField01": {"field": "Badge", "value": "B-12"},
        "personnelUDField02": {"field": "Parking", "value": ""},
    },
}


def test_a_ukg_employee_maps_exactly(kit: SimpleNamespace) -> None:
    compiled = load_map(kit.data / "employee.yaml").compile(connector="ukg_pro", labels=kit.labels)
    (record,) = compiled.join([PERSON], employment=[EMPLOYMENT], udf=[UDF])
    employee = compiled.build(record)
    assert employee == Employee(
        id=stable_id("ukg_pro", "Employee", ("6Y4NV", "EQKKKU000020")),
        remote_id="EQKKKU000020",
        first_name="Ada",
        last_name="Lovelace",
        employee_number="000012444",
        work_email="ada@example.com",
        display_full_name="Ada Lovelace",
        employment_status="LEAVE",
        employment_type="PART_TIME",
        hire_date=date(2021, 9, 20),
        original_hire_date=date(2019, 1, 7),
        remote_modified_at=datetime(2023, 3, 29, 8, 24, 30, 160000, tzinfo=UTC),
        date_of_birth=date(1996, 1, 1),
        manager_id=stable_id("ukg_pro", "Employee", ("6Y4NV", "EQKKKU000001")),
        department_id=stable_id("ukg_pro", "Group", (3, "SUP")),
        company_id=stable_id("ukg_pro", "Company", ("6Y4NV",)),
        home_address=Address(line1="2250 N Commerce Pkwy", city="Weston", country="US"),
        custom_fields={"Badge": "B-12"},
    )
    full = compiled.build(record, include_raw=True, include_sources=True)
    assert full.remote_data == {
        "person-details": PERSON,
        "employment-details": EMPLOYMENT,
        "user-defined-fields": UDF,
    }
    assert full.field_sources is not None
    assert full.field_sources["department_id"] == FieldSource(
        api_name="employment-details.orgLevel3Code", label="Department"
    )
    assert full.field_sources["employment_status"].source_value == "L"


def test_the_readme_example_loads_and_compiles(kit: SimpleNamespace, tmp_path: Path) -> None:
    readme = Path(__file__).resolve().parents[2] / "field_maps" / "README.md"
    match = re.search(r"```yaml\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    assert match
    path = tmp_path / "readme.yaml"
    path.write_text(match.group(1), encoding="utf-8")
    compiled = load_map(path).compile(connector="ukg_pro", labels=kit.labels)
    assert compiled.warnings == ()
    assert compiled.lineage["department_id"].label == "Department"
