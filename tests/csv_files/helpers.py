"""Sample files for the CSV files connector tests, built as tables so a test can change one cell."""

import csv
import io

HEADER = [
    "Employee ID",
    "First Name",
    "Last Name",
    "Preferred Name",
    "Work Email",
    "Job Title",
    "Department",
    "Manager ID",
    "Location",
    "Company",
    "Employment Status",
    "Employment Type",
    "Hire Date",
    "Termination Date",
    "Date of Birth",
    "Badge Number",
]

# fmt: off
PEOPLE = [
    ["E001", "Ada", "Lovelace", "", "ada@acme.example", "CEO", "EXEC", "", "London", "Acme Ltd", "Active", "Full-time", "2015-03-01", "", "1985-12-10", "B-17"],
    ["E002", "Grace", "Hopper", "Amazing Grace", "grace@acme.example", "VP Engineering", "ENG", "E001", "New York", "Acme Inc", "Active", "Full time", "2016-07-15", "", "1980-12-09", "B-22"],
    ["E003", "Alan", "Turing", "", "alan@acme.example", "Engineer", "ENG", "E002", "London", "Acme Ltd", "On Leave", "FULL_TIME", "2018-01-08", "", "1990-06-23", ""],
    ["E004", "Katherine", "Johnson", "Katie", "kj@acme.example", "Analyst", "DATA", "E002", "New York", "Acme Inc", "active", "Part-time", "2020-09-01", "", "1992-08-26", "B-31"],
]
# fmt: on

UNITS_HEADER = ["Code", "Name", "Parent Code", "Type"]
UNITS = [
    ["EXEC", "Executive Office", "", "Division"],
    ["ENG", "Engineering", "EXEC", "Department"],
    ["DATA", "Data & Analytics", "ENG", "Team"],
]

BALANCES_HEADER = ["Employee ID", "Policy", "Balance", "Used", "Unit", "As Of"]
BALANCES = [
    ["E001", "Vacation", "120", "40", "hours", "2024-06-30"],
    ["E001", "Sick Leave", "56", "8", "hours", "2024-06-30"],
    ["E002", "Vacation", "15.5", "4.5", "Days", "2024-06-30"],
]


def to_csv(header: list[str], rows: list[list[str]], delimiter: str = ",") -> str:
    """A CSV text as a spreadsheet exports it (quoted where needed, CRLF line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def people(
    *changes: tuple[str, str, str], extra: list[list[str]] | None = None, drop: tuple[str, ...] = ()
) -> str:
    """The sample employees file with cells changed: ``("E002", "Job Title", "CTO")``."""
    rows = [list(r) for r in PEOPLE if r[0] not in drop]
    for employee, column, value in changes:
        row = next(r for r in rows if r[0] == employee)
        row[HEADER.index(column)] = value
    return to_csv(HEADER, rows + (extra or []))


def person(employee_id: str, **cells: str) -> list[str]:
    """A new row: ``person("E009", **{"First Name": "Mary"})``."""
    values = dict.fromkeys(HEADER, "") | {"Employee ID": employee_id} | cells
    return [values[h] for h in HEADER]
