"""List fields built item by item, sources joined on other primary fields, and join counts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from field_maps import CompiledMap, FieldMapError, load_map
from field_maps.joiner import JoinStats
from unified_models import stable_id

Compile = Callable[..., CompiledMap]

GROUPS = """\
group_ids:
  list:
    - {from: employment.orgLevel1Code, ref: {model: Group, key: [1, $value]}}
    - {from: employment.orgLevel3Code, ref: {model: Group, key: [3, $value]}}
"""

PERSON_JOIN = """\
version: 1
model: Employee
sources:
  - {name: person, record: person-details, key: [companyId, employeeId]}
  - {name: udf, record: user-defined-fields, key: [employeeId], on: [employeeId]}
key: [person.companyId, person.employeeId]
fields:
  custom_fields: {custom_fields: {from: udf.personnelUserDefinedFields}}
"""


def gid(level: int, code: str) -> str:
    return stable_id("ukg_pro", "Group", (level, code))


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ({"orgLevel1Code": "CORP", "orgLevel3Code": "SUP"}, [gid(1, "CORP"), gid(3, "SUP")]),
        (
            {"orgLevel1Code": " ", "orgLevel3Code": "SUP  "},
            [gid(3, "SUP")],
        ),  # blank left out, padding trimmed
        ({"orgLevel1Code": None, "orgLevel3Code": None}, None),
    ],
)
def test_a_list_field_maps_each_item_and_leaves_out_empty_ones(
    compile_fields: Compile, kit: SimpleNamespace, levels: dict[str, Any], expected: list[str] | None
) -> None:
    compiled = compile_fields(GROUPS)
    assert compiled.map(kit.joined({}, levels))["group_ids"] == expected
    assert compiled.field_aliases["group_ids"] == {"employment"}
    assert set(compiled.lineage) >= {"group_ids.0", "group_ids.1"}
    assert compiled.lineage["group_ids.1"].api_name == "employment-details.orgLevel3Code"


def test_a_list_needs_a_list_field(write_map: Callable[..., Path]) -> None:
    with pytest.raises(FieldMapError) as caught:
        load_map(write_map("first_name:\n  list: [person.firstName]\n"), models=None)
    assert "list needs a list field" in str(caught.value) and "$.fields.first_name.list" in str(caught.value)


def test_a_source_joined_on_the_person_matches_every_company_of_that_person(
    write_map: Callable[..., Path],
) -> None:
    compiled = load_map(write_map(full=PERSON_JOIN)).compile(connector="ukg_pro")
    people = [
        {"companyId": "C1", "employeeId": "E1"},
        {"companyId": "C2", "employeeId": "E1"},  # the same person in a second company
        {"companyId": "C1", "employeeId": "E2"},
    ]
    udfs = [{"employeeId": "E1", "personnelUserDefinedFields": {"f": {"field": "Shirt", "value": "M"}}}]
    stats = JoinStats()
    rows = [compiled.map(j) for j in compiled.join_counted(people, {"udf": udfs}, stats)]
    assert [r["custom_fields"] for r in rows] == [{"Shirt": "M"}, {"Shirt": "M"}, None]
    assert (stats.primary, stats.joined) == (3, {"udf": 2})


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        (
            "  - {name: person, record: person-details, key: [companyId, employeeId], on: [employeeId, companyId]}\n"
            "  - {name: udf, record: user-defined-fields, key: [employeeId, companyId]}\n",
            "the primary source joins nothing",
        ),
        (
            "  - {name: person, record: person-details, key: [companyId, employeeId]}\n"
            "  - {name: udf, record: user-defined-fields, key: [employeeId], on: [companyId, employeeId]}\n",
            r"has 2 part\(s\) and key has 1",
        ),
        (
            "  - {name: person, record: person-details, key: [companyId, employeeId]}\n"
            "  - {name: udf, record: user-defined-fields, key: [employeeId]}\n",
            "or name the primary's fields to join on with `on`",
        ),
    ],
)
def test_join_declarations_that_cannot_work_are_refused(
    write_map: Callable[..., Path], sources: str, message: str
) -> None:
    text = PERSON_JOIN.replace(
        PERSON_JOIN[PERSON_JOIN.index("  - {name: person") : PERSON_JOIN.index("key: [person")], sources
    )
    with pytest.raises(FieldMapError, match=message):
        load_map(write_map(full=text))


def test_custom_field_slots_are_typed_and_a_value_that_does_not_parse_stays(
    compile_fields: Compile, kit: SimpleNamespace
) -> None:
    compiled = compile_fields(
        "custom_fields:\n"
        "  custom_fields:\n"
        "    from: person.udf\n"
        "    types: {slot05: datetime, slot06: datetime}\n",
        tz="America/New_York",
    )
    udf = {
        "slot01": {"field": "Shirt", "value": "M"},
        "slot03": {"field": "Badge", "value": 12444.0},
        "slot05": {"field": "Certified until", "value": "2026-06-30T00:00:00"},
        "slot06": {"field": "Trained", "value": "not a date"},
    }
    values = compiled.map(kit.joined({"udf": udf}))["custom_fields"]
    assert values["Shirt"] == "M" and values["Badge"] == 12444.0
    assert values["Certified until"].isoformat() == "2026-06-30T04:00:00+00:00"  # New York midnight, in UTC
    assert values["Trained"] == "not a date"
