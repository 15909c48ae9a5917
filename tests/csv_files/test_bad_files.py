"""Every fault in a file is an issue on its credential field naming the row, the column and the fix."""

import codecs

import pytest

from connectors.csv_files import client as client_module
from connectors.csv_files.client import CsvFilesClient
from hub.errors import InvalidCredentials, ProviderUnreachable

from .helpers import BALANCES, BALANCES_HEADER, HEADER, PEOPLE, UNITS, UNITS_HEADER, people, person, to_csv


async def issues_of(write, employees: str | bytes, **others: str | bytes):
    write("employees.csv", employees)
    creds = {"employees_file": "employees.csv"}
    for field, content in others.items():
        write(f"{field}.csv", content)
        creds[field] = f"{field}.csv"
    with pytest.raises(InvalidCredentials) as caught:
        await CsvFilesClient(creds).probe()
    return caught.value.issues


def one(issues):
    assert len(issues) == 1, [str(i) for i in issues]
    return issues[0]


FAULTS = [
    pytest.param(
        people(("E003", "Hire Date", "31/02/2024")),
        "row 4, column 'Hire Date': '31/02/2024' is not a date in the YYYY-MM-DD form.",
        "Write dates as YYYY-MM-DD (e.g. 2024-02-29).",
        id="day-first-date",
    ),
    pytest.param(
        people(("E002", "Date of Birth", "2023-02-29")),
        "row 3, column 'Date of Birth': '2023-02-29' is not a date (no such day).",
        "YYYY-MM-DD",
        id="no-such-day",
    ),
    pytest.param(
        people(("E004", "Termination Date", "next week")),
        "row 5, column 'Termination Date': 'next week' is not a date.",
        "YYYY-MM-DD",
        id="not-a-date",
    ),
    pytest.param(
        people(("E002", "Employment Status", "Fired")),
        "row 3, column 'Employment Status': 'Fired' is not one of the accepted values.",
        "Use one of: active, employed, pending, not started, future hire, leave, on leave,",
        id="unknown-status",
    ),
    pytest.param(
        people(("E001", "Employment Type", "Zero hours")),
        "row 2, column 'Employment Type': 'Zero hours' is not one of the accepted values.",
        "full time, fulltime, ft, part time",
        id="unknown-employment-type",
    ),
    pytest.param(
        people(("E004", "Employee ID", "E002")),
        "rows 3 and 5, column 'Employee ID': 'E002' appears 2 times.",
        "Each employee must be on one row only: merge the rows or correct 'Employee ID'.",
        id="duplicate-id",
    ),
    pytest.param(
        people(("E003", "Employee ID", "")),
        "row 4, column 'Employee ID' is empty.",
        "Every employee needs a value in 'Employee ID'",
        id="empty-id",
    ),
    pytest.param(
        people(("E004", "Manager ID", "E999")),
        "row 5, column 'Manager ID': 'E999' names no employee in this file.",
        "Use the Employee ID of the manager's own row, add the manager's row, or leave the cell empty.",
        id="unknown-manager",
    ),
    pytest.param(
        to_csv(HEADER, PEOPLE) + "E005,Lin,Jr.,Chen\n",
        "row 6 has 4 cells but the header row has 16 columns: no cell for 'Work Email', 'Job Title', "
        "'Department', 'Manager ID' and 8 more.",
        "Give the row one cell per column",
        id="too-few-cells",
    ),
    pytest.param(
        to_csv(HEADER, PEOPLE) + ",".join(person("E005", **{"Last Name": "Lin"})) + ",Jr.\n",
        "row 6 has 17 cells but the header row has 16 columns: after column 'Badge Number' comes 'Jr.'.",
        'must be in double quotes ("Smith, Jr.")',
        id="too-many-cells",
    ),
    pytest.param(
        "Employee ID,First Name,First name\nE1,Ada,Ada\n",
        "row 1: columns 2 and 3 are both named 'First name'.",
        "Give each column its own header: rename or delete one of them.",
        id="duplicate-header",
    ),
    pytest.param(
        "Employee ID,First Name,\nE1,Ada,\nE2,Bob,what\n",
        "row 3, column 3: the column has no header but holds 'what'.",
        "Name the column in row 1, or delete it.",
        id="nameless-column",
    ),
    pytest.param(
        'Employee ID,First Name\nE1,Ada\nE2,"Bob\nE3,Cy\n',
        "row 3 opens a double quote that is never closed",
        "double each quote inside it",
        id="unclosed-quote",
    ),
    pytest.param(
        'Employee ID,First Name\nE1,"Ada"x\n',
        "row 2 has text right after a closing double quote",
        "in double quotes",
        id="text-after-quote",
    ),
    pytest.param(
        "Emp Identifier,First Name,Hire Date\nE1,Ada,2024-01-01\n",
        "has no 'Employee ID' column: its header row (row 1) has 'Emp Identifier', 'First Name' and 'Hire Date'.",
        "Name the column of employee ids 'Employee ID' in row 1 (is it 'Emp Identifier'?).",
        id="missing-key-column",
    ),
    pytest.param(
        "E001,Ada,Lovelace,2015-03-01\nE002,Grace,Hopper,2016-07-15\n",
        "its header row (row 1) has 'E001', 'Ada', 'Lovelace' and '2015-03-01', which looks like data",
        "The first row must be the header row: insert one above the data.",
        id="no-header-row",
    ),
    pytest.param(
        "", "is empty: it has no header row.", "Export the sheet with a header row", id="empty-file"
    ),
    pytest.param(
        "\n\nEmployee ID\nE1\n",
        "has no header row: row 1 is empty.",
        "Make row 1 the header row",
        id="blank-first-row",
    ),
    pytest.param(
        to_csv(HEADER, []),
        "has a header row but no employee rows.",
        "syncing a file without employees would mark every employee as deleted",
        id="header-only",
    ),
    pytest.param(
        "Employee ID,First Name\nE1,Ren\xe9\n".encode("cp1252"),
        "is not UTF-8 text: line 2 holds the byte 0xE9 ('é' in Windows-1252)",
        "Save it as CSV UTF-8: in Excel, File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)'",
        id="latin-1",
    ),
    pytest.param(
        codecs.BOM_UTF16_LE + "Employee ID\tFirst Name\n".encode("utf-16-le"),
        "is UTF-16 text (Excel's 'Unicode Text'), not UTF-8.",
        "Save it as CSV UTF-8",
        id="utf-16",
    ),
    pytest.param(
        b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 30,
        "is an Excel workbook (.xlsx) or another zip file, not a CSV file.",
        "export the sheet as CSV",
        id="xlsx",
    ),
]


@pytest.mark.parametrize(("content", "message", "fix"), FAULTS)
async def test_a_fault_in_the_employees_file(write, content, message, fix):
    issue = one(await issues_of(write, content))
    assert issue.field == "employees_file"
    assert message in issue.message
    assert fix in issue.fix


@pytest.mark.parametrize(
    ("field", "content", "message", "fix"),
    [
        (
            "time_off_balances_file",
            to_csv(BALANCES_HEADER, [*BALANCES, ["E002", "Sick", "4,5", "0", "hours", ""]]),
            "row 5, column 'Balance': '4,5' is not a number.",
            "Write digits with a dot for decimals",
        ),
        (
            "time_off_balances_file",
            to_csv(BALANCES_HEADER, [*BALANCES, ["E002", "Sick", "4", "0", "weeks", ""]]),
            "row 5, column 'Unit': 'weeks' is not one of the accepted values.",
            "hours, hour, hrs, h, days, day, d",
        ),
        (
            "time_off_balances_file",
            to_csv(BALANCES_HEADER, [*BALANCES, ["E999", "Sick", "4", "0", "hours", ""]]),
            "row 5, column 'Employee ID': 'E999' names no employee in the employees file (employees.csv).",
            "Use an Employee ID from the employees file, or remove the row.",
        ),
        (
            "time_off_balances_file",
            to_csv(BALANCES_HEADER, [*BALANCES, BALANCES[0]]),
            "rows 2 and 5, columns 'Employee ID' and 'Policy': 'E001' / 'Vacation' appears 2 times.",
            "Each balance must be on one row only: merge the rows or correct 'Employee ID' or 'Policy'.",
        ),
        (
            "time_off_balances_file",
            to_csv(["Employee ID", "Plan Code", "Balance"], [["E001", "VAC", "1"]]),
            "has no 'Policy' column: its header row (row 1) has 'Employee ID', 'Plan Code' and 'Balance'.",
            "Name the column of policies 'Policy' in row 1",
        ),
        (
            "org_units_file",
            to_csv(UNITS_HEADER, [*UNITS, ["OPS", "Operations", "HQ", "Department"]]),
            "row 5, column 'Parent Code': 'HQ' is not the Code of any unit in this file.",
            "Use the Code of the parent unit's own row",
        ),
    ],
)
async def test_a_fault_in_another_file_names_that_file(write, field, content, message, fix):
    issue = one(await issues_of(write, people(), **{field: content}))
    assert issue.field == field
    assert message in issue.message and fix in issue.fix


async def test_a_department_missing_from_the_units_file_is_an_issue_of_the_employees_file(write):
    units = to_csv(UNITS_HEADER, [u for u in UNITS if u[0] != "DATA"])
    issue = one(await issues_of(write, people(), org_units_file=units))
    assert issue.field == "employees_file"
    assert issue.message == (
        "row 5, column 'Department': 'DATA' is not a Code in the org units file (org_units_file.csv)."
    )
    assert issue.fix == "Use a Code from the org units file, or add that unit to it."


async def test_every_file_is_reported_at_once_and_each_capped_at_twenty(write):
    bad_dates = people(*[(p[0], "Hire Date", "1/2/2024") for p in PEOPLE])
    rows = [person(f"X{n}", **{"Hire Date": "soon", "Employment Status": "gone"}) for n in range(20)]
    employees = bad_dates.rstrip("\r\n") + "\r\n" + to_csv(HEADER, rows).split("\r\n", 1)[1]
    balances = to_csv(BALANCES_HEADER, [*BALANCES, ["E002", "Sick", "lots", "0", "hours", ""]])
    issues = await issues_of(write, employees, time_off_balances_file=balances)
    mine = [i for i in issues if i.field == "employees_file"]
    assert len(mine) == 21
    assert mine[-1].message == "and 24 more problems in this file."  # 4 + 2 x 20 found, 20 shown
    assert "link (or sync) again" in mine[-1].fix
    assert [i.message for i in issues if i.field == "time_off_balances_file"] == [
        "row 5, column 'Balance': 'lots' is not a number."
    ]
    # Ordered by row: the first issues are rows 2, 3, 4 ...
    assert [i.message.split(",")[0] for i in mine[:3]] == ["row 2", "row 3", "row 4"]


async def test_unreadable_at_link_is_an_issue(write, monkeypatch):
    write("employees.csv", people())

    def denied(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(client_module, "read_bytes", denied)
    with pytest.raises(InvalidCredentials) as caught:
        await CsvFilesClient({"employees_file": "employees.csv"}).probe()
    issue = one(caught.value.issues)
    assert issue.message == "'employees.csv' cannot be read by the hub (permission denied)."
    assert "chmod 644" in issue.fix


async def test_unreadable_or_gone_in_the_middle_of_a_read_is_provider_unreachable(write, root, monkeypatch):
    write("employees.csv", people())
    creds = {"employees_file": "employees.csv"}
    (root / "employees.csv").unlink()
    with pytest.raises(ProviderUnreachable) as caught:
        async for _ in CsvFilesClient(creds).records("employees"):
            pass
    error = caught.value
    assert "the employees file 'employees.csv' does not exist in the import folder" in error.message
    assert f"Put the file back in {root}" in error.remedy and "--set employees_file=NAME" in error.remedy
    assert error.provider == "csv_files"

    write("employees.csv", people())
    monkeypatch.setattr(
        client_module, "read_bytes", lambda path: (_ for _ in ()).throw(PermissionError(13, "no"))
    )
    with pytest.raises(ProviderUnreachable, match="cannot be read \\(permission denied\\)"):
        await CsvFilesClient(creds).labels("Employee")


async def test_a_failed_read_is_not_retried_by_every_model_of_one_sync(write, root):
    write("employees.csv", people(("E001", "Hire Date", "bad")))
    client = CsvFilesClient({"employees_file": "employees.csv"})
    for _ in range(3):
        with pytest.raises(InvalidCredentials):
            await client.labels("Employee")
    assert client.requests == 1
