"""Parsing files: delimiters, quoting, BOM, blank rows; headers as labels, however they are spaced or cased."""

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from connectors.csv_files.client import CsvFilesClient
from connectors.csv_files.columns import BALANCES, EMPLOYEES, column_keys, slug
from connectors.csv_files.files import parse_table, sniff_delimiter
from connectors.csv_files.labels import label_table

from .helpers import people


def parsed(text: str | bytes, kind=EMPLOYEES):
    return parse_table(kind, "employees.csv", text.encode() if isinstance(text, str) else text)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("Employee ID,First Name\nE1,Ada\n", [(2, ["E1", "Ada"])]),
        ("Employee ID;First Name\r\nE1;Ada\r\n", [(2, ["E1", "Ada"])]),
        ("Employee ID\tFirst Name\nE1\tAda", [(2, ["E1", "Ada"])]),
        ('Employee ID,First Name\nE1,"Lin, Jr."\n', [(2, ["E1", "Lin, Jr."])]),
        ('Employee ID;First Name\nE1;"a;b"\n', [(2, ["E1", "a;b"])]),
        ('Employee ID,Note\nE1,"two\nlines"\nE2,x\n', [(2, ["E1", "two\nlines"]), (3, ["E2", "x"])]),
        ('Employee ID,Note\nE1,"say ""hi"""\n', [(2, ["E1", 'say "hi"'])]),
        ("\ufeffEmployee ID,First Name\nE1,Ada\n", [(2, ["E1", "Ada"])]),
        ("Employee ID,First Name\n\nE1,Ada\n,\n", [(3, ["E1", "Ada"])]),
        ("Employee ID,First Name\nE1,Ada,,\n", [(2, ["E1", "Ada"])]),
        ("  Employee ID , First Name \n E1 , Ada \n", [(2, ["E1", "Ada"])]),
    ],
)
def test_rows_are_numbered_as_a_spreadsheet_shows_them(text, rows):
    table = parsed(text)
    assert table.issues == []
    assert table.headers == ["Employee ID", "First Name"] or table.headers == ["Employee ID", "Note"]
    assert table.rows == rows


def test_a_utf8_bom_is_accepted_as_bytes_too():
    table = parsed(b"\xef\xbb\xbfEmployee ID,First Name\nE1,Ren\xc3\xa9\n")
    assert table.issues == [] and table.rows == [(2, ["E1", "René"])]


@pytest.mark.parametrize(
    ("first_row", "delimiter"),
    [
        ("a,b,c", ","),
        ("a;b;c", ";"),
        ("a\tb\tc", "\t"),
        ('"a;b",c', ","),
        ('"a,b";c', ";"),
        ("abc", ","),
        ("a;b,c", ","),
    ],
)
def test_the_delimiter_is_sniffed_from_the_header_row(first_row, delimiter):
    assert sniff_delimiter(first_row + "\n1,2;3\n") == delimiter


def test_columns_get_record_keys_from_their_headers():
    keys, found = column_keys(["Emp ID", "First Name", "first-name", "", "#", "Hire Date"], EMPLOYEES)
    assert keys == ["employee_id", "first_name", "first_name_2", None, "column_5", "hire_date"]
    assert found == {"employee_id": 0}
    keys, found = column_keys(["Employee ID", "Plan", "Policy"], BALANCES)
    assert found == {"employee_id": 0, "policy": 2}  # the default header wins over an alias
    assert keys == ["employee_id", "plan", "policy"]


@pytest.mark.parametrize(
    "header", ["Employee ID", "employee id", "EMPLOYEE  ID", " Employee\tID ", "EmployeeID", "Emp ID"]
)
def test_the_key_column_is_found_however_it_is_written(header):
    table = parsed(f"{header},First Name\nE1,Ada\n")
    assert table.issues == [] and table.key_columns == {"employee_id": 0}


SPACING = st.sampled_from([" ", "  ", "\t", " \t "])


@st.composite
def odd_header(draw, label: str) -> str:
    words = label.split()
    cased = [draw(st.sampled_from([w, w.lower(), w.upper(), w.swapcase()])) for w in words]
    gaps = [draw(SPACING) for _ in words[1:]]
    out = cased[0] + "".join(g + w for g, w in zip(gaps, cased[1:], strict=True))
    return draw(st.sampled_from(["", " ", "  "])) + out + draw(st.sampled_from(["", " "]))


@given(first=odd_header("First Name"), hire=odd_header("Hire Date"), status=odd_header("Employment Status"))
def test_headers_with_odd_spacing_or_case_still_fill_their_fields(first, hire, status):
    # Tabs inside a header would be taken for the delimiter: quote the headers as an export would.
    text = f'Employee ID,"{first}","{hire}","{status}"\nE1,Ada,2024-01-31,On Leave\n'
    table = parsed(text)
    assert table.issues == []
    labels = label_table(table, "employees")
    assert labels.resolve("First Name").path == "employees.first_name"
    assert labels.resolve("hire date").path == "employees.hire_date"
    assert labels.resolve("EMPLOYMENT STATUS").path == "employees.employment_status"


@given(header=st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=30))
def test_any_header_gets_a_record_key_the_maps_can_name(header):
    key = slug(header)
    assert not key.startswith("_") and "." not in key and " " not in key


def rows_of_client(write, record: str, text: str, **creds):
    write("employees.csv", text)
    client = CsvFilesClient({"employees_file": "employees.csv", **creds})

    async def read():
        return [page async for page in client.records(record)]

    return asyncio.run(read()), client


def test_records_come_in_pages_and_unread_columns_become_custom_fields(write):
    extra = [
        [f"E{n:04d}", f"P{n}", "Doe", "", "", "", "", "", "", "", "", "", "", "", "", ""] for n in range(1000)
    ]
    pages, client = rows_of_client(write, "employees", people(extra=extra))
    assert [len(p) for p in pages] == [500, 500, 4]
    first = pages[0][0]
    assert first["employee_id"] == "E001" and first["hire_date"] == "2015-03-01"
    assert first["preferred_name"] is None  # empty cells are empty values
    assert first["_custom"] == [{"field": "Badge Number", "value": "B-17"}]
    assert client.requests == 1


async def test_where_keeps_only_the_asked_keys(write):
    write("employees.csv", people())
    client = CsvFilesClient({"employees_file": "employees.csv"})
    pages = [p async for p in client.records("employees", where={"employee_id": ["E002", "E004"]})]
    assert [r["employee_id"] for p in pages for r in p] == ["E002", "E004"]
    assert [p async for p in client.records("employees", since=None, until=None)]
    assert client.requests == 1  # read once per client


async def test_derived_records_are_distinct_column_values(write):
    write("employees.csv", people())
    client = CsvFilesClient({"employees_file": "employees.csv"})

    async def all_of(record):
        return [r for p in [p async for p in client.records(record)] for r in p]

    assert await all_of("locations") == [{"name": "London"}, {"name": "New York"}]
    assert await all_of("companies") == [{"name": "Acme Ltd"}, {"name": "Acme Inc"}]
    assert [g["code"] for g in await all_of("org-units")] == ["EXEC", "ENG", "DATA"]  # no units file
    assert await all_of("time-off-balances") == [] and await all_of("time-off-policies") == []
    with pytest.raises(ValueError, match="unknown CSV files record type"):
        await all_of("person-details")


async def test_labels_of_a_file_that_is_not_linked_are_the_default_headers(write):
    write("employees.csv", people())
    client = CsvFilesClient({"employees_file": "employees.csv"})
    balances = await client.labels("TimeOffBalance")
    assert balances.resolve("Balance").path == "time-off-balances.balance"
    assert (await client.labels("TimeOffPolicy")).resolve("unit").path == "time-off-policies.unit"
    assert (await client.labels("Group")).resolve("Parent Code").path == "org-units.parent_code"
    assert len(await client.labels("Location")) == 0
    assert await client.check_permissions(["anything"]) == {"anything": True}
    assert await client.check_permissions([]) == {}
    await client.aclose()
