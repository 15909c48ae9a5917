"""Customer labels: the label table, fields declared by label, $label vars, and per-account overrides."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from field_maps import CompiledMap, FieldMapError, LabelTable, LabelTarget, normalise_label
from field_maps.spec import CoalesceSource
from unified_models import stable_id

Compile = Callable[..., CompiledMap]

DEPARTMENT = """\
department_id: {label: Department, ref: {model: Group, key: [$label.level, $value]}}
work_email: {coalesce: [person.emailAddress, person.emailAddressAlternate]}
hire_date: {from: employment.lastHireDate, type: date}
home_address: {object: {line1: person.addressLine1, city: person.addressCity}}
"""

ORG = {"orgLevel1Code": "CORP", "orgLevel2Code": "EAST", "orgLevel3Code": "SUP", "orgLevel4Code": "CC42"}


def group_id(level: int, code: str) -> str:
    return stable_id("ukg_pro", "Group", (level, code))


# -- the table ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "normal"),
    [("Department", "department"), ("  Cost   Center ", "cost center"), ("STRASSE", "strasse")],
)
def test_labels_compare_case_and_space_insensitively(label: str, normal: str) -> None:
    assert normalise_label(label) == normal


def test_label_table_lookups() -> None:
    table = LabelTable(
        {
            "Department": LabelTarget("employment-details.orgLevel3Code", {"level": 3}),
            "Badge  Number": "user-defined-fields.personnelUserDefinedFields.personnelUDField01.value",
        }
    )
    assert table.resolve("department ") == LabelTarget("employment-details.orgLevel3Code", {"level": 3})
    assert table["BADGE number"].path.endswith("personnelUDField01.value")
    assert table.resolve("Division") is None
    assert table.display("badge number") == "Badge Number"
    assert table.label_of("employment-details.orgLevel3Code") == "Department"
    assert list(table) == ["Department", "Badge Number"]
    assert len(table) == 2
    assert "Department" in repr(table)
    with pytest.raises(KeyError):
        table["Division"]


@pytest.mark.parametrize(
    ("entries", "error"),
    [
        ([("Dept", "a.b"), ("dept", "a.c")], ValueError),
        ([("", "a.b")], ValueError),
        ([("Dept", "nodot")], ValueError),
        ([("Dept", 3)], TypeError),
    ],
)
def test_label_table_refuses_bad_entries(entries: list[tuple[str, Any]], error: type[Exception]) -> None:
    with pytest.raises(error):
        LabelTable(entries)


# -- fields declared by label ------------------------------------------------------------------


def test_a_label_resolves_through_the_accounts_table(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(DEPARTMENT, labels=kit.labels)
    assert compiled.map(kit.joined({}, ORG))["department_id"] == group_id(3, "SUP")
    assert compiled.warnings == ()
    assert compiled.lineage["department_id"].label == "Department"
    assert compiled.lineage["department_id"].api_name == "employment-details.orgLevel3Code"


def test_the_same_map_follows_each_customers_labels(compile_fields: Compile, kit: SimpleNamespace) -> None:
    other_customer = LabelTable({"department": LabelTarget("employment-details.orgLevel2Code", {"level": 2})})
    compiled = compile_fields(DEPARTMENT, labels=other_customer)
    assert compiled.map(kit.joined({}, ORG))["department_id"] == group_id(2, "EAST")


def test_label_targets_may_name_the_maps_alias(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(
        DEPARTMENT, labels={"Department": LabelTarget("employment.orgLevel1Code", {"level": 1})}
    )
    assert compiled.map(kit.joined({}, ORG))["department_id"] == group_id(1, "CORP")


def test_an_unknown_label_leaves_the_field_empty_with_a_warning(
    compile_fields: Compile, kit: SimpleNamespace
) -> None:
    compiled = compile_fields(DEPARTMENT, labels=LabelTable({"Region": "employment-details.orgLevel2Code"}))
    assert compiled.map(kit.joined({}, ORG))["department_id"] is None
    (warning,) = compiled.warnings
    assert "department_id" in warning and "'Department'" in warning
    assert compile_fields(DEPARTMENT).warnings  # no table at all: same


def test_a_label_on_a_record_the_map_does_not_read_is_a_warning(
    compile_fields: Compile, kit: SimpleNamespace
) -> None:
    compiled = compile_fields(DEPARTMENT, labels={"Department": "org-levels.code"})
    assert compiled.map(kit.joined({}, ORG))["department_id"] is None
    assert "which this map does not read" in compiled.warnings[0]


def test_a_missing_label_variable_leaves_the_ref_empty(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(DEPARTMENT, labels={"Department": "employment-details.orgLevel3Code"})
    assert compiled.map(kit.joined({}, ORG))["department_id"] is None
    assert "no variable 'level'" in compiled.warnings[0]


def test_required_label_makes_a_missing_label_an_error(compile_fields: Compile) -> None:
    spec = "department_id: {label: Department, required_label: true}\n"
    with pytest.raises(FieldMapError) as caught:
        compile_fields(spec, labels={"Region": "employment-details.orgLevel2Code"})
    (issue,) = caught.value.issues
    assert issue.path == "$.fields.department_id.label"
    assert "no field labelled 'Department'" in issue.message


def test_api_name_fields_report_the_customers_label_in_lineage(
    compile_fields: Compile, kit: SimpleNamespace
) -> None:
    compiled = compile_fields("job_title: employment.orgLevel4Code\n", labels=kit.labels)
    assert compiled.lineage["job_title"].label == "Cost Center"


# -- overrides ----------------------------------------------------------------------------------


def test_override_by_label_keeps_the_other_steps(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(
        DEPARTMENT, labels=kit.labels, overrides={"department_id": {"label": "cost center"}}
    )
    assert compiled.map(kit.joined({}, ORG))["department_id"] == group_id(4, "CC42")
    assert compiled.lineage["department_id"].label == "Cost Center"


def test_override_by_api_name(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(
        DEPARTMENT,
        overrides={
            "work_email": {"from": "person.emailAddressAlternate"},
            "hire_date": "employment.originalHireDate",
        },
    )
    values = compiled.map(
        kit.joined(
            {"emailAddress": "a@x.com", "emailAddressAlternate": "b@x.com"},
            {"lastHireDate": "2021-09-20T00:00:00", "originalHireDate": "1/2/2003 12:00:00 AM"},
        )
    )
    assert values["work_email"] == "b@x.com"
    assert str(values["hire_date"]) == "2003-01-02"  # still parsed as a date
    assert compiled.lineage["work_email"].api_name == "person-details.emailAddressAlternate"


def test_override_paths_may_name_the_record_type(compile_fields: Compile, kit: SimpleNamespace) -> None:
    """Overrides are stored per account, so they need not know any one map's aliases."""
    compiled = compile_fields(
        DEPARTMENT, overrides={"work_email": {"from": "person-details.emailAddressAlternate"}}
    )
    assert compiled.map(kit.joined({"emailAddressAlternate": "b@x.com"}))["work_email"] == "b@x.com"
    with pytest.raises(FieldMapError, match="'compensation-details' is not a source of this map"):
        compile_fields(DEPARTMENT, overrides={"work_email": "compensation-details.email"})


def test_override_a_field_the_map_lacks_and_a_nested_sub_field(
    compile_fields: Compile, kit: SimpleNamespace
) -> None:
    compiled = compile_fields(
        DEPARTMENT,
        labels={"Badge": "person-details.badge", "Start": "employment-details.startedOn"},
        overrides={
            "username": {"label": "Badge"},
            "start_date": {"label": "Start"},
            "home_address.city": "person.town",
            "home_address.postal_code": "person.zip",
        },
    )
    values = compiled.map(
        kit.joined(
            {"badge": "B-1", "town": "Weston", "zip": "33326", "addressLine1": "1 Main"},
            {"startedOn": "2021-09-20"},
        )
    )
    assert values["username"] == "B-1"
    assert str(values["start_date"]) == "2021-09-20"  # the field's own type applies
    assert values["home_address"] == {"line1": "1 Main", "city": "Weston", "postal_code": "33326"}
    assert compiled.lineage["home_address.city"].api_name == "person-details.town"


def test_overrides_do_not_change_the_loaded_map(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(DEPARTMENT, overrides={"work_email": "person.other"})
    assert isinstance(compiled.field_map.fields["work_email"].source, CoalesceSource)
    plain = compiled.field_map.compile(connector="ukg_pro")
    assert plain.map(kit.joined({"emailAddress": "a@x.com"}))["work_email"] == "a@x.com"


@pytest.mark.parametrize(
    ("overrides", "path", "message"),
    [
        ({"frist_name": "person.firstName"}, "$.frist_name", "not a field of Employee"),
        ({"id": "person.firstName"}, "$.id", "is not a field of Employee that a map may fill"),
        ({"first_name": "nobody.firstName"}, "$.first_name.from", "'nobody' is not a source of this map"),
        ({"first_name": "firstName"}, "$.first_name", "expected override path"),
        (
            {"first_name": {"form": "person.x"}},
            "$.first_name.form",
            "unknown key 'form' (did you mean 'from'?)",
        ),
        ({"first_name": {"from": "person.a", "label": "A"}}, "$.first_name", "give only one of from, label"),
        ({"department_id": "employment.orgLevel4Code"}, "$.department_id", "override it by label"),
        ({"home_address": "person.addressLine1"}, "$.home_address", "override its sub-fields"),
        (
            {"home_address.street": "person.a"},
            '$["home_address.street"]',
            "'street' is not a field of Address",
        ),
        ({"first_name.x": "person.a"}, '$["first_name.x"]', "first_name is not a nested object"),
        ({"first_name": 5}, "$.first_name", "expected a path (alias.apiName) or an object"),
    ],
)
def test_bad_overrides_are_clear_errors(
    compile_fields: Compile, kit: SimpleNamespace, overrides: dict[str, Any], path: str, message: str
) -> None:
    with pytest.raises(FieldMapError) as caught:
        compile_fields(DEPARTMENT, labels=kit.labels, overrides=overrides)
    issues = {issue.path: issue for issue in caught.value.issues}
    assert path in issues, caught.value
    assert message in issues[path].message
    assert issues[path].file == "<overrides>"


def test_all_bad_overrides_are_reported_together(compile_fields: Compile, kit: SimpleNamespace) -> None:
    with pytest.raises(FieldMapError) as caught:
        compile_fields(
            DEPARTMENT,
            overrides={"frist_name": "person.a", "last_name": "nobody.a", "home_address.street": "person.b"},
        )
    assert len(caught.value.issues) == 3
