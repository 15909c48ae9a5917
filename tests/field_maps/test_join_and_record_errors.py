"""Joining provider records, and records that fail to map without stopping the others."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from field_maps import CompiledMap, FieldProblem, MappingError, load_map
from unified_models import Employee

Compile = Callable[..., CompiledMap]

FIELDS = """\
first_name: person.firstName
employee_number: employment.employeeNumber
hire_date: {from: employment.lastHireDate, type: date}
"""

PEOPLE = [
    {"companyId": "6Y4NV", "employeeId": "E1", "firstName": "Ada"},
    {"companyId": "6Y4NV", "employeeId": "E2", "firstName": "Grace"},
    {"companyId": "C0MP2", "employeeId": "E1", "firstName": "Alan"},  # same employee id, other company
    {"companyId": "6Y4NV", "employeeId": "E3", "firstName": "Edsger"},
]
JOBS = [
    {
        "companyID": "C0MP2",
        "employeeID": "E1",
        "employeeNumber": "000000003",
        "lastHireDate": "2020-01-01T00:00:00",
    },
    {
        "companyID": "6Y4NV",
        "employeeID": "E1",
        "employeeNumber": "000000001",
        "lastHireDate": "1/1/1996 12:00:00 AM",
    },
    {"companyID": "6Y4NV", "employeeID": "E2", "employeeNumber": "000000002", "lastHireDate": "31/31/2020"},
    {"companyID": "XXXXX", "employeeID": "E9", "employeeNumber": "000000009"},
]


def test_join_matches_keys_whatever_their_casing(compile_fields: Compile) -> None:
    compiled = compile_fields(FIELDS)
    assert compiled.source_names == ("person", "employment")
    assert compiled.records == ("person-details", "employment-details")
    joined = list(compiled.join(PEOPLE, employment=JOBS))
    assert [j["person"]["firstName"] for j in joined] == ["Ada", "Grace", "Alan", "Edsger"]
    assert [j["employment"] and j["employment"]["employeeNumber"] for j in joined] == [
        "000000001",
        "000000002",
        "000000003",
        None,  # no employment record: a left join
    ]


def test_join_accepts_a_prebuilt_index_and_text_equal_keys(compile_fields: Compile) -> None:
    compiled = compile_fields(FIELDS)
    index = {("6Y4NV", "E1"): {"employeeNumber": "1"}, ("6Y4NV", 2): {"employeeNumber": "2"}}
    people = [{"companyId": "6Y4NV", "employeeId": "E1"}, {"companyId": "6Y4NV", "employeeId": "2"}]
    assert [j["employment"] for j in compiled.join(people, employment=index)] == [
        {"employeeNumber": "1"},
        {"employeeNumber": "2"},
    ]


def test_join_without_a_source_or_with_empty_keys(compile_fields: Compile) -> None:
    compiled = compile_fields(FIELDS)
    assert [j["employment"] for j in compiled.join(PEOPLE[:1])] == [None]
    people = [{"companyId": "6Y4NV", "employeeId": ""}]
    jobs = [{"companyID": "6Y4NV", "employeeID": ""}]
    assert [j["employment"] for j in compiled.join(people, employment=jobs)] == [None]
    with pytest.raises(TypeError, match="unknown source"):
        list(compiled.join(PEOPLE, jobs=JOBS))


def test_a_value_that_does_not_parse_empties_its_field_and_the_record_is_kept(
    compile_fields: Compile,
) -> None:
    compiled = compile_fields(FIELDS)
    problems: list[FieldProblem] = []
    results = list(compiled.map_many(compiled.join(PEOPLE, employment=JOBS), problems=problems))
    assert [type(r) for r in results] == [Employee, Employee, Employee, Employee]
    grace = results[1]
    assert isinstance(grace, Employee)
    assert (grace.first_name, grace.employee_number, grace.hire_date) == ("Grace", "000000002", None)
    (problem,) = problems
    assert (problem.record_key, problem.field, problem.value) == (
        ("6Y4NV", "E2"),
        "hire_date",
        "'31/31/2020'",
    )
    assert str(problem) == "record 6Y4NV:E2, field hire_date: not a date: '31/31/2020' (value '31/31/2020')"
    assert [r.hire_date is not None for r in results] == [True, False, True, False]


def test_map_reports_the_value_it_could_not_use(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(FIELDS)
    problems: list[FieldProblem] = []
    values = compiled.map(kit.joined({}, {"lastHireDate": "yesterday", "employeeNumber": "7"}), problems)
    assert (values["hire_date"], values["employee_number"]) == (None, "7")
    assert [(p.record_key, p.field, p.value) for p in problems] == [
        (("6Y4NV", "EQKKKU000020"), "hire_date", "'yesterday'")
    ]
    assert "__problems__" not in compiled.map(kit.joined({}, {"lastHireDate": "yesterday"}))


@pytest.mark.parametrize(
    ("record", "field", "reason"),
    [
        ({"person": {"companyId": "6Y4NV", "employeeId": " "}}, "id", "key part person.employeeId is empty"),
        ({"employment": {}}, "id", "KeyError: 'person'"),
        (
            {"person": {"companyId": "6Y4NV", "employeeId": {"id": 7}}},
            "id",
            "key part person.employeeId is not text",
        ),
        (
            {"person": {"companyId": ["6Y4NV"], "employeeId": "E1"}},
            "id",
            "key part person.companyId is not text",
        ),
        (
            {"person": {"companyId": "6Y4NV", "employeeId": True}},
            "id",
            "key part person.employeeId is not text",
        ),
    ],
)
def test_records_without_a_key(compile_fields: Compile, record: dict, field: str, reason: str) -> None:
    with pytest.raises(MappingError) as caught:
        compile_fields(FIELDS).map(record)
    assert caught.value.field == field
    assert caught.value.reason == reason


def test_a_value_the_model_refuses_empties_that_field(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(
        "first_name: person.firstName\nhome_address: {object: {country: person.addressCountry}}\n"
    )
    problems: list[FieldProblem] = []
    built = compiled.build(kit.joined({"addressCountry": "USA", "firstName": "Ann"}), problems=problems)
    assert (built.first_name, built.home_address) == ("Ann", None)  # alpha-3 without country_alpha2
    (problem,) = problems
    assert problem.record_key == ("6Y4NV", "EQKKKU000020")
    assert problem.field == "home_address.country"
    assert problem.value == "'USA'"


def test_a_required_source_missing_is_a_mapping_error(
    write_map: Callable[..., Path], kit: SimpleNamespace
) -> None:
    path = write_map(FIELDS)
    path.write_text(
        path.read_text().replace(
            "key: [companyID, employeeID]\n", "key: [companyID, employeeID]\n    required: true\n"
        )
    )
    compiled = load_map(path).compile(connector="ukg_pro")
    with pytest.raises(MappingError) as caught:
        compiled.map(kit.joined({}, None))
    assert caught.value.field == "employment-details"
    assert "no matching employment-details record" in caught.value.reason
    assert compiled.map(kit.joined({}, {"employeeNumber": "7"}))["employee_number"] == "7"


def test_remote_id_is_text_and_required(write_map: Callable[..., Path], kit: SimpleNamespace) -> None:
    path = write_map(FIELDS)
    path.write_text(path.read_text().replace("remote_id: person.employeeId", "remote_id: person.personId"))
    compiled = load_map(path).compile(connector="ukg_pro")
    assert compiled.map(kit.joined({"personId": 5}))["remote_id"] == "5"
    with pytest.raises(MappingError) as caught:
        compiled.map(kit.joined({"personId": ""}))
    assert (caught.value.field, caught.value.reason) == ("remote_id", "person.personId is empty")


def test_mapping_error_text_and_located() -> None:
    bare = MappingError(None, None, "not a date: 'x'")
    assert str(bare) == "not a date: 'x'"
    located = bare.located(("A", "B"), "hire_date")
    assert str(located) == "record A:B, field hire_date: not a date: 'x'"
    assert located.located(("C",), "other").record_key == ("A", "B")
    assert repr(located) == "MappingError(('A', 'B'), 'hire_date', \"not a date: 'x'\")"
