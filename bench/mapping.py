"""Benchmark: the compiled field-map engine against a hand-written mapping function.

Generates 100,000 UKG-Pro-shaped person-details + employment-details records (deterministic), joins
them once, then maps every joined record into ``Employee`` three ways in the same run: with a field map
compiled by ``field_maps`` (which builds the model from values it proved or checked, without
validating each record), with the same compiled map validating every record (``validate=True``,
what it did before), and with an idiomatic hand-written function that builds the same model (same
parsers, same ``stable_id``, ``model_validate``). Asserts all give equal models with the same JSON,
runs a warm-up, then reports the best of three timed passes for each. The last line is one JSON object.

    python bench/mapping.py [--records N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from field_maps import LabelTable, LabelTarget, load_map
from field_maps.parsers import parse_date, parse_datetime
from field_maps.transforms import country_alpha2
from unified_models import Employee, stable_id

CONNECTOR = "ukg_pro"

EMPLOYEE_MAP = """\
version: 1
model: Employee
description: "UKG Pro employees (benchmark copy): person-details joined with employment-details."
sources:
  - name: person
    record: person-details
    key: [companyId, employeeId]
  - name: employment
    record: employment-details
    key: [companyID, employeeID]
key: [person.companyId, person.employeeId]
remote_id: person.employeeId
fields:
  employee_number: employment.employeeNumber
  company_id: {from: person.companyId, ref: {model: Company, key: [$value]}}
  first_name: person.firstName
  middle_name: person.middleName
  last_name: person.lastName
  preferred_name: person.preferredName
  display_full_name: {template: "{person.firstName} {person.lastName}"}
  username: person.userName
  work_email: {coalesce: [person.emailAddress, person.emailAddressAlternate]}
  work_phone: employment.workPhoneNumber
  home_phone: person.homePhone
  home_address:
    object:
      line1: person.addressLine1
      line2: person.addressLine2
      city: person.addressCity
      state: person.addressState
      postal_code: person.addressZipCode
      country: {from: person.addressCountry, transform: country_alpha2}
  work_location_id:
    from: employment.primaryWorkLocationCode
    ref: {model: Location, key: [employment.companyID, $value]}
  manager_id: {from: employment.supervisorID, ref: {model: Employee, key: [employment.companyID, $value]}}
  department_id: {label: Department, ref: {model: Group, key: [employment.companyID, $label.level, $value]}}
  job_title: {coalesce: [employment.jobTitle, employment.jobDescription]}
  gender: {from: person.gender, enum: {M: MALE, F: FEMALE, X: NON_BINARY, D: NOT_DISCLOSED}}
  date_of_birth: {from: person.dateOfBirth, type: date}
  hire_date: {from: employment.lastHireDate, type: date}
  original_hire_date: {from: employment.originalHireDate, type: date}
  termination_date: {from: employment.dateOfTermination, type: date}
  employment_status:
    from: employment.employeeStatusCode
    enum: {A: ACTIVE, L: LEAVE, T: INACTIVE, R: INACTIVE}
    unknown: null
  employment_type: {from: employment.fullTimeOrPartTimeCode, enum: {F: FULL_TIME, P: PART_TIME}}
  remote_created_at: {from: person.datetimeCreated, type: datetime}
  remote_modified_at: {from: person.datetimeChanged, type: datetime}
"""

LABELS = LabelTable({"Department": LabelTarget("employment-details.orgLevel3Code", {"level": 3})})

FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim", "Margaret"]
LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Lee"]
CITIES = [
    ("Weston", "FL", "33326", "USA"),
    ("Toronto", "ON", "M5V 2T6", "CAN"),
    ("Austin", "TX", "73301", "USA"),
]
JOBS = ["Software Engineer", "Payroll Specialist", "Support Analyst", "HR Generalist", "Account Manager"]
COMPANIES = ["6Y4NV", "C0MP2", "XJ9QZ"]


def _stamp(rng: random.Random, year: int) -> str:
    fraction = rng.choice(["", ".1", ".16", ".163", ".1634", ".16349", ".163492", ".1634927"])
    return (
        f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T"
        f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}{fraction}"
    )


def _day(rng: random.Random, first: int, last: int) -> str:
    return f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T00:00:00"


def generate(count: int, seed: int = 20240501) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``count`` person-details and matching employment-details records, shaped like UKG Pro's."""
    rng = random.Random(seed)
    people, jobs = [], []
    for n in range(count):
        employee_id = f"EQKKKU{n:06d}"
        company = COMPANIES[n % len(COMPANIES)]
        first, last = rng.choice(FIRST), rng.choice(LAST)
        city, state, zip_code, country = rng.choice(CITIES)
        status = rng.choices("ALTROS", weights=[80, 5, 8, 3, 2, 2])[0]
        people.append(
            {
                "employeeId": employee_id,
                "companyId": company,
                "personId": f"{rng.getrandbits(128):032x}",
                "firstName": first,
                "middleName": rng.choice(["", "", "J", "Marie"]),
                "lastName": last,
                "preferredName": rng.choice([None, None, None, first[:3]]),
                "userName": f"{first.lower()}.{last.lower()}{n}",
                "emailAddress": rng.choice(["", f"{first.lower()}.{last.lower()}{n}@example.com"]),
                "emailAddressAlternate": f"{first.lower()}{n}@mail.example.org",
                "homePhone": f"555{rng.randint(1000000, 9999999)}",
                "addressLine1": f"{rng.randint(1, 9999)} Main Street",
                "addressLine2": rng.choice(["", "", "Apt 4"]),
                "addressCity": city,
                "addressState": state,
                "addressZipCode": zip_code,
                "addressCountry": country,
                "dateOfBirth": _day(rng, 1955, 2004),
                "gender": rng.choice(["M", "F", "F", "M", "X", ""]),
                "maritalStatusCode": rng.choice(["M", "S", "D"]),
                "ssn": "",
                "datetimeCreated": _stamp(rng, 2019),
                "datetimeChanged": _stamp(rng, 2023),
            }
        )
        hired = _day(rng, 2005, 2023)
        jobs.append(
            {
                "employeeID": employee_id,
                "companyID": company,
                "companyCode": f"C{n % len(COMPANIES)}",
                "employeeNumber": f"{n + 1000:09d}",
                "employeeStatusCode": status,
                "fullTimeOrPartTimeCode": rng.choice("FFFP"),
                "salaryOrHourly": rng.choice("SH"),
                "jobTitle": rng.choice([None, None, "Senior " + rng.choice(JOBS)]),
                "jobDescription": rng.choice(JOBS),
                "primaryJobCode": f"J{rng.randint(100, 999)}",
                "orgLevel1Code": "CORP",
                "orgLevel2Code": rng.choice(["EAST", "WEST"]),
                "orgLevel3Code": rng.choice(["SUP", "ENG", "PAY", "HR"]),
                "orgLevel4Code": "",
                "primaryWorkLocationCode": rng.choice(["WES", "TOR", "AUS"]),
                "supervisorID": "" if n % 50 == 0 else f"EQKKKU{rng.randint(0, max(n, 1)):06d}",
                "originalHireDate": hired,
                "lastHireDate": hired,
                "dateOfTermination": _day(rng, 2023, 2024) if status in "TR" else None,
                "workPhoneNumber": rng.choice(["", f"555{rng.randint(1000000, 9999999)}"]),
                "dateTimeCreated": _stamp(rng, 2019),
                "dateTimeChanged": _stamp(rng, 2024),
            }
        )
    return people, jobs


# -- the hand-written function: what a careful engineer writes without the engine ----------------

_STATUS = {"A": "ACTIVE", "L": "LEAVE", "T": "INACTIVE", "R": "INACTIVE"}
_TYPE = {"F": "FULL_TIME", "P": "PART_TIME"}
_GENDER = {"M": "MALE", "F": "FEMALE", "X": "NON_BINARY", "D": "NOT_DISCLOSED"}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    return None if not value or value.isspace() else value


def _first(*values: Any) -> str | None:
    for value in values:
        text = _text(value)
        if text is not None:
            return text
    return None


def handwritten(joined: Mapping[str, Any], department_level: int = 3) -> Employee:
    """Map one joined UKG record to ``Employee`` by hand."""
    person = joined["person"]
    job = joined.get("employment") or {}
    company_id = _text(person.get("companyId"))
    employee_id = _text(person.get("employeeId"))
    if company_id is None or employee_id is None:
        raise ValueError("employee without key")
    job_company = _text(job.get("companyID"))
    first, last = _text(person.get("firstName")), _text(person.get("lastName"))
    country = _text(person.get("addressCountry"))
    address = {
        "line1": _text(person.get("addressLine1")),
        "line2": _text(person.get("addressLine2")),
        "city": _text(person.get("addressCity")),
        "state": _text(person.get("addressState")),
        "postal_code": _text(person.get("addressZipCode")),
        "country": country_alpha2(country) if country else None,
    }
    location = _text(job.get("primaryWorkLocationCode"))
    supervisor = _text(job.get("supervisorID"))
    department = _text(job.get("orgLevel3Code"))
    status = _text(job.get("employeeStatusCode"))
    kind = _text(job.get("fullTimeOrPartTimeCode"))
    gender = _text(person.get("gender"))
    return Employee.model_validate(
        {
            "id": stable_id(CONNECTOR, "Employee", (company_id, employee_id)),
            "remote_id": employee_id,
            "employee_number": _text(job.get("employeeNumber")),
            "company_id": stable_id(CONNECTOR, "Company", (company_id,)),
            "first_name": first,
            "middle_name": _text(person.get("middleName")),
            "last_name": last,
            "preferred_name": _text(person.get("preferredName")),
            "display_full_name": f"{first or ''} {last or ''}".strip() or None,
            "username": _text(person.get("userName")),
            "work_email": _first(person.get("emailAddress"), person.get("emailAddressAlternate")),
            "work_phone": _text(job.get("workPhoneNumber")),
            "home_phone": _text(person.get("homePhone")),
            "home_address": address if any(v is not None for v in address.values()) else None,
            "work_location_id": stable_id(CONNECTOR, "Location", (job_company, location))
            if location and job_company
            else None,
            "manager_id": stable_id(CONNECTOR, "Employee", (job_company, supervisor))
            if supervisor and job_company
            else None,
            "department_id": stable_id(CONNECTOR, "Group", (job_company, department_level, department))
            if department and job_company
            else None,
            "job_title": _first(job.get("jobTitle"), job.get("jobDescription")),
            "gender": _GENDER.get(gender) if gender else None,
            "date_of_birth": parse_date(person.get("dateOfBirth")),
            "hire_date": parse_date(job.get("lastHireDate")),
            "original_hire_date": parse_date(job.get("originalHireDate")),
            "termination_date": parse_date(job.get("dateOfTermination")),
            "employment_status": _STATUS.get(status) if status else None,
            "employment_type": _TYPE.get(kind) if kind else None,
            "remote_created_at": parse_datetime(person.get("datetimeCreated")),
            "remote_modified_at": parse_datetime(person.get("datetimeChanged")),
        }
    )


# -- timing -------------------------------------------------------------------------------------------


def _best_of(runs: int, function: Callable[[Any], Any], records: list[dict[str, Any]]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for record in records:
            function(record)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "employee.yaml"
        path.write_text(EMPLOYEE_MAP, encoding="utf-8")
        compiled = load_map(path).compile(connector=CONNECTOR, labels=LABELS)
    mapped_fields = len(compiled.lineage)

    people, jobs = generate(args.records)
    joined = list(compiled.join(people, employment=jobs))
    build = compiled.build

    def validated(record: dict[str, Any]) -> Any:
        return build(record, validate=True)

    for record in joined[:: max(1, len(joined) // 2000)]:
        engine_model, hand_model, validated_model = build(record), handwritten(record), validated(record)
        assert engine_model == hand_model == validated_model, (engine_model, hand_model)
        assert (
            engine_model.model_dump_json()
            == hand_model.model_dump_json()
            == validated_model.model_dump_json()
        )

    warm = joined[: min(len(joined), 20_000)]
    for function in (build, validated, handwritten):
        _best_of(1, function, warm)
    engine_s = validated_s = hand_s = float("inf")
    for _ in range(args.runs):  # interleaved, so drift in machine speed hits all alike
        engine_s = min(engine_s, _best_of(1, build, joined))
        validated_s = min(validated_s, _best_of(1, validated, joined))
        hand_s = min(hand_s, _best_of(1, handwritten, joined))

    engine_rps = len(joined) / engine_s
    validated_rps = len(joined) / validated_s
    hand_rps = len(joined) / hand_s
    ratio = hand_rps / engine_rps
    print(
        f"records:      {len(joined):,} "
        f"(person-details ⨝ employment-details → Employee, {mapped_fields} fields)"
    )
    print(f"engine:       {engine_rps:>10,.0f} records/s  ({engine_s * 1e6 / len(joined):.2f} µs/record)")
    print(
        f"validated:    {validated_rps:>10,.0f} records/s  ({validated_s * 1e6 / len(joined):.2f} µs/record;"
        " the engine validating every record)"
    )
    print(f"hand-written: {hand_rps:>10,.0f} records/s  ({hand_s * 1e6 / len(joined):.2f} µs/record)")
    print(f"ratio:        {ratio:.3f} (engine time / hand-written time; goal ≤ 1.25)")
    print(
        json.dumps(
            {
                "records": len(joined),
                "engine_rps": round(engine_rps, 1),
                "validated_rps": round(validated_rps, 1),
                "handwritten_rps": round(hand_rps, 1),
                "ratio": round(ratio, 4),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
