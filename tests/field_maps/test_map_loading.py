"""Loading maps: every fault of every file in one error, each with its file, JSON path and line."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from field_maps import FieldMap, FieldMapError, MapIssue, load_map, load_maps, parse_map
from unified_models import Employee

GOOD = """\
version: 1
model: Group
sources:
  - name: org
    record: org-levels
    key: [level, code]
key: [org.level, org.code]
remote_id: org.code
fields:
  name: org.description
  label: org.levelDescription
  level: org.level
  is_active: {from: org.isActive, transform: yes_no}
"""

# Faults on purpose: each line marked with the issue it must produce.
BAD_EMPLOYEE = """\
version: 2                                   # $.version: must be 1
model: Employee
sources:
  - name: person
    record: person-details
    key: [companyId, employeeId]
  - name: employment
    record: employment-details
    key: [employeeID]                        # $.sources[1].key: 1 part vs 2
  - name: person                             # $.sources[2].name: used twice
    record: other
    key: [a, b]
key: [person.companyId, persn.employeeId]    # $.key[1]: unknown alias
fields:
  first_name: person.firstName
  frist_name: person.firstName               # not a field (did you mean first_name)
  id: person.employeeId                      # id comes from key
  hire_date: {from: employment.lastHireDate, type: dat}          # $.fields.hire_date.type: not a type
  last_name: {frm: person.lastName}          # unknown key frm; needs a source
  middle_name: {from: person.middleName, const: x}               # only one source
  employment_status:
    from: employment.employeeStatusCode
    enum: {A: ACTIVE, T: TERMINATED}         # TERMINATED not a value
    unknown: GONE                            # GONE not a value
  employment_type: {from: employment.type, unknown: FULL_TIME}   # unknown needs enum
  gender: {from: person.gender, transform: [strip, titlecase]}   # unknown transform
  manager_id: {from: employment.supervisorID, ref: {model: Employe, key: [$value]}}   # unknown model
  department_id:                             # $label without label
    {from: employment.orgLevel3Code, ref: {model: Group, key: [$label.level, $value]}}
  job_title: {template: "{person.firstName} {nobody.lastName}"}  # unknown alias in template
  preferred_name: {template: "{person.firstName!r}"}             # conversion in template
  date_of_birth: {from: person.dateOfBirth, type: boolean}       # type does not fit
  username: {object: {line1: person.addressLine1}}               # object on a text field
  work_email: {custom_fields: {from: person.udf}}                # custom_fields on a text field
  home_address:
    object:
      line1: person.addressLine1
      street: person.street                  # not a field of Address
  display_full_name: {const: 12}             # 12 is not text
  termination_date: {from: employment.dateOfTermination, default: not-a-date}
  work_phone: person.workPhone
  work_phone: person.homePhone               # duplicate key
"""

BAD_GROUP = """\
version: 1
model: Grup
sources:
  - name: org
    record: org-levels
    key: [level, code]
    extra: 1
key: []
fields:
  name: 12
"""


def _paths(error: FieldMapError, file: Path) -> dict[str, str]:
    return {issue.path: issue.message for issue in error.issues if issue.file == str(file)}


def test_a_good_map_loads(tmp_path: Path, kit: SimpleNamespace) -> None:
    (tmp_path / "group.yaml").write_text(GOOD)
    field_map = load_map(tmp_path / "group.yaml")
    assert isinstance(field_map, FieldMap)
    assert field_map.model == "Group"
    assert list(field_map.fields) == ["name", "label", "level", "is_active"]
    assert field_map.primary.record == "org-levels"


def test_every_fault_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    employee, group = folder / "employee.yaml", folder / "group.yaml"
    employee.write_text(BAD_EMPLOYEE)
    group.write_text(BAD_GROUP)
    (folder / "notes.txt").write_text("not a map")
    with pytest.raises(FieldMapError) as caught:
        load_maps(folder)
    error = caught.value
    found = _paths(error, employee)
    expected = {
        "$.version": "must be 1",
        "$.sources[1].key": "has 1 part(s); the primary source 'person' has 2",
        "$.sources[2].name": "source name 'person' is used twice",
        "$.key[1]": "'persn' is not a source of this map (did you mean 'person'?)",
        "$.fields.frist_name": "'frist_name' is not a field of Employee (did you mean 'first_name'?)",
        "$.fields.id": "id is not mapped under fields",
        "$.fields.hire_date.type": "'dat' is not one of",
        "$.fields.last_name.frm": "unknown key 'frm' (did you mean 'from'?)",
        "$.fields.last_name": "needs a source: one of from, coalesce",
        "$.fields.middle_name": "give only one of",
        "$.fields.employment_status.enum.T": "'TERMINATED' is not a value of employment_status",
        "$.fields.employment_status.unknown": "'GONE' is not a value of employment_status",
        "$.fields.employment_type": "'unknown' needs 'enum'",
        "$.fields.gender.transform[1]": "unknown transform 'titlecase'",
        "$.fields.manager_id.ref.model": "unknown model 'Employe' (did you mean 'Employee'?)",
        "$.fields.department_id.ref.key[0]": "$label.level needs a field declared by label",
        "$.fields.job_title.template": "'nobody' is not a source of this map",
        "$.fields.preferred_name.template": "may not have a format spec or conversion",
        "$.fields.date_of_birth.type": "type boolean does not fit date_of_birth, a date field",
        "$.fields.username.object": "object needs a nested-model field; username is a string field",
        "$.fields.work_email.custom_fields": "custom_fields needs a dict field",
        "$.fields.home_address.object.street": "'street' is not a field of Address",
        "$.fields.display_full_name.const": "12 does not fit display_full_name",
        "$.fields.termination_date.default": "'not-a-date' does not fit termination_date",
        "$.fields.work_phone": "duplicate key 'work_phone'",
    }
    for path, message in expected.items():
        assert path in found, f"no issue at {path}; got {sorted(found)}"
        assert message in found[path], f"{path}: {found[path]!r} lacks {message!r}"
    assert set(found) == set(expected), sorted(set(found) - set(expected))

    in_group = _paths(error, group)
    assert "unknown model 'Grup'" in in_group["$.model"]
    assert "unknown key 'extra'" in in_group["$.sources[0].extra"]
    assert "should be non-empty" in in_group["$.key"]
    assert "expected a path (alias.apiName) or an object" in in_group["$.fields.name"]

    text = str(error)
    assert text.splitlines()[0] == f"{len(error.issues)} field-map issues:"
    assert all(str(issue) in text for issue in error.issues)
    assert all(issue.line for issue in error.issues)


def test_issues_carry_the_line_of_the_fault(write_map: Callable[..., Path]) -> None:
    path = write_map("""\
        first_name: person.firstName
        hire_date: {from: employment.lastHireDate, type: dat}
    """)
    with pytest.raises(FieldMapError) as caught:
        load_map(path)
    (issue,) = caught.value.issues
    assert issue == MapIssue(str(path), "$.fields.hire_date.type", issue.message, 14)
    assert str(issue).startswith(f"{path}:14: $.fields.hire_date.type: ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("version: 1\nmodel: [Employee\n", "not valid YAML"),
        ("- 1\n- 2\n", "expected object"),
    ],
)
def test_unreadable_documents(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(text)
    with pytest.raises(FieldMapError) as caught:
        load_map(path)
    assert message in str(caught.value)


def test_yaml_codes_stay_text(write_map: Callable[..., Path]) -> None:
    """Y/N/yes/no/on/off are provider codes, and a date-looking value stays text."""
    field_map = load_map(
        write_map("""\
            employment_type:
              from: employment.fullTimeOrPartTimeCode
              enum: {Y: FULL_TIME, N: PART_TIME, yes: FULL_TIME, no: PART_TIME,
                     on: INTERN, off: CONTRACTOR, 1: TEMPORARY}
            middle_name: {const: 2021-09-20}
            preferred_name: {const: no}
        """)
    )
    spec = field_map.fields["employment_type"]
    assert spec.enum is not None
    assert set(spec.enum) == {"Y", "N", "yes", "no", "on", "off", "1"}
    assert field_map.fields["middle_name"].source.value == "2021-09-20"  # type: ignore[union-attr]
    assert field_map.fields["preferred_name"].source.value == "no"  # type: ignore[union-attr]


def test_one_map_per_model_and_ref_keys_match_the_target_map(tmp_path: Path) -> None:
    employee = textwrap.dedent("""\
        version: 1
        model: Employee
        sources: [{name: p, record: person-details, key: [companyId, employeeId]}]
        key: [p.companyId, p.employeeId]
        fields:
          department_id: {from: p.dept, ref: {model: Group, key: [$value]}}
          manager_id: {from: p.boss, ref: {model: Employee, key: [p.companyId, $value]}}
    """)
    (tmp_path / "a_employee.yaml").write_text(employee)
    (tmp_path / "b_group.yaml").write_text(GOOD)
    (tmp_path / "c_employee_again.yml").write_text(employee)
    with pytest.raises(FieldMapError) as caught:
        load_maps(tmp_path)
    issues = {(Path(i.file).name, i.path): i.message for i in caught.value.issues}
    assert set(issues) == {
        ("a_employee.yaml", "$.fields.department_id.ref.key"),
        ("c_employee_again.yml", "$.model"),
    }
    assert "has 1 part(s) but" in issues[("a_employee.yaml", "$.fields.department_id.ref.key")]
    assert "already mapped by" in issues[("c_employee_again.yml", "$.model")]


def test_load_maps_keys_by_model(tmp_path: Path) -> None:
    (tmp_path / "group.yaml").write_text(GOOD)
    maps = load_maps(tmp_path)
    assert list(maps) == ["Group"]


def test_plugin_transforms_are_known_by_name(write_map: Callable[..., Path]) -> None:
    path = write_map("first_name: {from: person.firstName, transform: title_case}\n")
    with pytest.raises(FieldMapError, match="unknown transform 'title_case'"):
        load_map(path)
    field_map = load_map(path, transforms={"title_case": str.title})
    assert field_map.fields["first_name"].transforms == ("title_case",)


def test_transform_names_are_never_import_paths(write_map: Callable[..., Path]) -> None:
    path = write_map("first_name: {from: person.firstName, transform: os.system}\n")
    with pytest.raises(FieldMapError, match="transform name"):
        load_map(path, transforms={"os.system": print})


def test_parse_map_checks_a_dict(kit: SimpleNamespace) -> None:
    document = {
        "version": 1,
        "model": "Employee",
        "sources": [{"name": "p", "record": "person-details", "key": ["employeeId"]}],
        "key": ["p.employeeId"],
        "fields": {"first_name": "p.firstName"},
    }
    field_map = parse_map(document)
    assert field_map is not None
    assert field_map.model_cls is Employee
    with pytest.raises(FieldMapError, match=r"<memory>: \$.fields.nope"):
        parse_map({**document, "fields": {"nope": "p.x"}})


def test_remote_id_only_on_models_that_have_one(kit: SimpleNamespace, tmp_path: Path) -> None:
    text = GOOD.replace("model: Group", "model: TimeOffBalance").replace(
        "fields:\n  name: org.description\n  label: org.levelDescription\n  level: org.level\n"
        "  is_active: {from: org.isActive, transform: yes_no}\n",
        "fields:\n  balance: org.earned\n",
    )
    path = tmp_path / "balance.yaml"
    path.write_text(text)
    from unified_models import TimeOffBalance

    if "remote_id" in TimeOffBalance.model_fields:
        assert load_map(path).model == "TimeOffBalance"
    else:
        with pytest.raises(FieldMapError, match="has no remote_id field"):
            load_map(path)
