"""Every source kind and every step, as tables of field spec + provider values → unified value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

from field_maps import CompiledMap, FieldMapError, MappingError
from unified_models import Employee, EmploymentStatus, stable_id

Compile = Callable[..., CompiledMap]

CODES = (
    "employment_status: {from: employment.code, enum: {1: ACTIVE, true: LEAVE, X: null}, unknown: PENDING}"
)
ADDRESS = (
    "home_address: {object: {line1: person.addressLine1,"
    " country: {from: person.addressCountry, transform: country_alpha2}}}"
)

# (field spec yaml, person values, employment values, field, expected)
EMPLOYEE_TABLE: list[tuple[str, dict[str, Any], dict[str, Any] | None, str, Any]] = [
    # from: short and long form, nested path, list position, other source, missing source
    ("first_name: person.firstName", {"firstName": "Ada"}, {}, "first_name", "Ada"),
    ("first_name: {from: person.firstName}", {"firstName": "Ada"}, {}, "first_name", "Ada"),
    ("first_name: person.name.given", {"name": {"given": "Ada"}}, {}, "first_name", "Ada"),
    ("first_name: person.names.1", {"names": ["Augusta", "Ada"]}, {}, "first_name", "Ada"),
    ("first_name: person.names.5", {"names": ["Ada"]}, {}, "first_name", None),
    ("first_name: person.name.given", {"name": "Ada"}, {}, "first_name", None),
    (
        "employee_number: employment.employeeNumber",
        {},
        {"employeeNumber": "000012444"},
        "employee_number",
        "000012444",
    ),
    ("employee_number: employment.employeeNumber", {}, None, "employee_number", None),
    # empty values are missing; numbers become text on text fields
    ("first_name: person.firstName", {"firstName": ""}, {}, "first_name", None),
    ("first_name: person.firstName", {"firstName": "   "}, {}, "first_name", None),
    ("first_name: person.firstName", {}, {}, "first_name", None),
    ("employee_number: employment.employeeNumber", {}, {"employeeNumber": 12444}, "employee_number", "12444"),
    # coalesce
    (
        "work_email: {coalesce: [person.emailAddress, person.emailAddressAlternate]}",
        {"emailAddress": "a@x.com", "emailAddressAlternate": "b@x.com"},
        {},
        "work_email",
        "a@x.com",
    ),
    (
        "work_email: {coalesce: [person.emailAddress, person.emailAddressAlternate]}",
        {"emailAddress": " ", "emailAddressAlternate": "b@x.com"},
        {},
        "work_email",
        "b@x.com",
    ),
    (
        "work_email: {coalesce: [person.emailAddress, employment.workEmail]}",
        {},
        {"workEmail": "w@x.com"},
        "work_email",
        "w@x.com",
    ),
    ("work_email: {coalesce: [person.a, person.b, person.c]}", {"c": "c@x.com"}, {}, "work_email", "c@x.com"),
    ("work_email: {coalesce: [person.a, person.b]}", {"a": "", "b": None}, {}, "work_email", None),
    # template
    (
        'display_full_name: {template: "{person.firstName} {person.lastName}"}',
        {"firstName": "Ada", "lastName": "Lovelace"},
        {},
        "display_full_name",
        "Ada Lovelace",
    ),
    (
        'display_full_name: {template: "{person.firstName} {person.lastName}"}',
        {"lastName": "Lovelace"},
        {},
        "display_full_name",
        "Lovelace",
    ),
    (
        'display_full_name: {template: "{person.firstName} {person.lastName}"}',
        {},
        {},
        "display_full_name",
        None,
    ),
    (
        'display_full_name: {template: "{{{person.lastName}}}, #{employment.employeeNumber}"}',
        {"lastName": "Lovelace"},
        {"employeeNumber": 7},
        "display_full_name",
        "{Lovelace}, #7",
    ),
    # const
    ("job_title: {const: Engineer}", {}, {}, "job_title", "Engineer"),
    # type
    (
        "hire_date: {from: employment.lastHireDate, type: date}",
        {},
        {"lastHireDate": "2021-09-20T00:00:00"},
        "hire_date",
        date(2021, 9, 20),
    ),
    (
        "hire_date: employment.lastHireDate",
        {},
        {"lastHireDate": "1/1/1996 12:00:00 AM"},
        "hire_date",
        date(1996, 1, 1),
    ),
    ("hire_date: employment.lastHireDate", {}, {"lastHireDate": ""}, "hire_date", None),
    (
        "remote_modified_at: person.datetimeChanged",
        {"datetimeChanged": "2023-03-29T08:24:30.16"},
        {},
        "remote_modified_at",
        datetime(2023, 3, 29, 8, 24, 30, 160000, tzinfo=UTC),
    ),
    # transform, in order; a None value skips transforms
    ("job_title: {from: person.title, transform: strip}", {"title": "  Boss  "}, {}, "job_title", "Boss"),
    (
        "job_title: {from: person.title, transform: [strip, upper]}",
        {"title": " boss "},
        {},
        "job_title",
        "BOSS",
    ),
    ("job_title: {from: person.title, transform: [upper]}", {}, {}, "job_title", None),
    # enum, unknown codes, codes compared as text
    (
        "employment_status: {from: employment.employeeStatusCode, enum: {A: ACTIVE, L: LEAVE, T: INACTIVE}}",
        {},
        {"employeeStatusCode": "L"},
        "employment_status",
        "LEAVE",
    ),
    (
        "employment_status: {from: employment.employeeStatusCode, enum: {A: ACTIVE}}",
        {},
        {"employeeStatusCode": "O"},
        "employment_status",
        None,
    ),
    (
        "employment_status: {from: employment.employeeStatusCode, enum: {A: ACTIVE}, unknown: INACTIVE}",
        {},
        {"employeeStatusCode": "S"},
        "employment_status",
        "INACTIVE",
    ),
    (
        CODES,
        {},
        {"code": 1},
        "employment_status",
        "ACTIVE",
    ),
    (
        CODES,
        {},
        {"code": True},
        "employment_status",
        "LEAVE",
    ),
    (
        CODES,
        {},
        {"code": "X"},
        "employment_status",
        None,
    ),
    (
        "employment_status: {from: employment.code, enum: {A: ACTIVE}, unknown: PENDING}",
        {},
        {"code": ""},
        "employment_status",
        None,
    ),
    (
        "employment_type: {from: employment.code, type: string, transform: upper, enum: {F: FULL_TIME}}",
        {},
        {"code": "f"},
        "employment_type",
        "FULL_TIME",
    ),
    # default: when everything before gave None
    ("job_title: {from: person.title, default: Unknown}", {}, {}, "job_title", "Unknown"),
    ("job_title: {from: person.title, default: Unknown}", {"title": "CEO"}, {}, "job_title", "CEO"),
    (
        "employment_status: {from: employment.code, enum: {A: ACTIVE}, default: PENDING}",
        {},
        {"code": "Z"},
        "employment_status",
        "PENDING",
    ),
    # custom fields from label/value pairs, as an object of pairs or a list
    (
        "custom_fields: {custom_fields: {from: person.udf}}",
        {
            "udf": {
                "personnelUDField01": {"field": "Badge", "value": "B-12"},
                "personnelUDField02": {"field": "Shirt  size", "value": "L"},
                "personnelUDField03": {"field": "Unused", "value": ""},
                "personnelUDField04": {"field": "", "value": "orphan"},
                "personnelUDField05": {"field": None, "value": None},
            }
        },
        {},
        "custom_fields",
        {"Badge": "B-12", "Shirt size": "L"},
    ),
    (
        "custom_fields: {custom_fields: {from: person.extras, label_key: name, value_key: v}}",
        {"extras": [{"name": "Pets", "v": 2}, "junk", {"name": "Car"}]},
        {},
        "custom_fields",
        {"Pets": 2},
    ),
    ("custom_fields: {custom_fields: {from: person.udf}}", {"udf": {}}, {}, "custom_fields", None),
    # object: sub-fields mapped alike; all None gives None
    (
        ADDRESS,
        {"addressLine1": "1 Main St", "addressCountry": "USA"},
        {},
        "home_address",
        {"line1": "1 Main St", "country": "US"},
    ),
    (
        ADDRESS,
        {"addressLine1": "", "addressCountry": "Atlantis"},
        {},
        "home_address",
        None,
    ),
]


@pytest.mark.parametrize(("spec", "p", "e", "field", "expected"), EMPLOYEE_TABLE)
def test_field_spec(
    compile_fields: Compile,
    kit: SimpleNamespace,
    spec: str,
    p: dict[str, Any],
    e: dict[str, Any] | None,
    field: str,
    expected: Any,
) -> None:
    compiled = compile_fields(spec)
    record = kit.joined(p, e)
    assert compiled.map(record)[field] == expected
    compiled.build(record)  # and the model accepts it


def test_ref_gives_the_stable_id_of_the_referenced_record(
    compile_fields: Compile, kit: SimpleNamespace
) -> None:
    compiled = compile_fields("""\
        manager_id:
          {from: employment.supervisorID, ref: {model: Employee, key: [employment.companyID, $value]}}
        company_id: {from: person.companyId, ref: {model: Company, key: [$value]}}
    """)
    values = compiled.map(kit.joined({}, {"supervisorID": "EQKKKU000001"}))
    assert values["manager_id"] == stable_id("ukg_pro", "Employee", ("6Y4NV", "EQKKKU000001"))
    assert values["company_id"] == stable_id("ukg_pro", "Company", ("6Y4NV",))
    boss = compiled.map({"person": kit.person(employeeId="EQKKKU000001"), "employment": None})
    assert values["manager_id"] == boss["id"]  # the manager's own id
    assert compiled.map(kit.joined({}, {"supervisorID": ""}))["manager_id"] is None
    assert compiled.map(kit.joined({}, {"supervisorID": "X", "companyID": None}))["manager_id"] is None


def test_id_and_remote_id(compile_fields: Compile, kit: SimpleNamespace) -> None:
    values = compile_fields("first_name: person.firstName").map(kit.joined())
    assert values["id"] == stable_id("ukg_pro", "Employee", ("6Y4NV", "EQKKKU000020"))
    assert values["remote_id"] == "EQKKKU000020"
    other = compile_fields("first_name: person.firstName", connector="other").map(kit.joined())
    assert other["id"] != values["id"]


def test_remote_id_defaults_to_the_key_parts(write_map: Callable[..., Any], kit: SimpleNamespace) -> None:
    from field_maps import load_map

    path = write_map("first_name: person.firstName\n")
    path.write_text(path.read_text().replace("remote_id: person.employeeId\n", ""))
    values = load_map(path).compile(connector="ukg_pro").map(kit.joined())
    assert values["remote_id"] == "6Y4NV:EQKKKU000020"


def test_steps_run_in_the_documented_order(compile_fields: Compile, kit: SimpleNamespace) -> None:
    """source → type → transform → enum → ref → default."""
    calls: list[tuple[str, Any]] = []

    def spy(name: str) -> Callable[[Any], Any]:
        def transform(value: Any) -> Any:
            calls.append((name, value))
            return value

        return transform

    compiled = compile_fields(
        """\
        department_id:
          from: employment.code
          type: integer
          transform: [first, second]
          enum: {"7": SEVEN}
          ref: {model: Group, key: [$value]}
          default: no-department
        """,
        load_transforms={"first": spy("first"), "second": spy("second")},
    )
    assert compiled.map(kit.joined({}, {"code": "007"}))["department_id"] == stable_id(
        "ukg_pro", "Group", ("SEVEN",)
    )
    assert calls == [("first", 7), ("second", 7)]
    assert compiled.map(kit.joined({}, {"code": "8"}))["department_id"] == "no-department"


def test_every_type_on_a_model_with_every_kind(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(
        """\
        text: person.text
        count: person.count
        ratio: person.ratio
        amount: person.amount
        flag: person.flag
        day: person.day
        instant: person.instant
        size: {from: person.size, enum: {small: S, medium: M}}
        tags: person.tags
        enabled: person.enabled
        """,
        model="Widget",
        tz="America/New_York",
    )
    record = kit.joined(
        {
            "text": 12,
            "count": "0042",
            "ratio": "0.5",
            "amount": "1234.50",
            "flag": "Y",
            "day": "3/7/2024",
            "instant": "2024-03-07T09:00:00",
            "size": "medium",
            "tags": ["a", "b"],
        }
    )
    values = compiled.map(record)
    assert values["text"] == "12"
    assert values["count"] == 42
    assert values["ratio"] == 0.5
    assert values["amount"] == Decimal("1234.50")
    assert values["flag"] is True
    assert values["day"] == date(2024, 3, 7)
    assert values["instant"] == datetime(2024, 3, 7, 14, 0, tzinfo=UTC)
    assert values["size"] == "M"
    assert "enabled" not in values  # None is left out where the model has a non-None default
    widget = compiled.build(record)
    assert widget.tags == ("a", "b")  # type: ignore[attr-defined]
    assert widget.enabled is True  # type: ignore[attr-defined]
    assert compiled.map(kit.joined({"enabled": "N"}))["enabled"] is False


def test_built_models_are_the_unified_model(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields("employment_status: {from: employment.code, enum: {A: ACTIVE}}")
    employee = compiled.build(kit.joined({}, {"code": "A"}))
    assert isinstance(employee, Employee)
    assert employee.employment_status is EmploymentStatus.ACTIVE


def test_include_raw_keeps_the_provider_records_by_record_type(
    compile_fields: Compile, kit: SimpleNamespace
) -> None:
    compiled = compile_fields("first_name: person.firstName")
    record = kit.joined({"firstName": "Ada"}, {"employeeNumber": "1"})
    employee = compiled.build(record, include_raw=True)
    assert employee.remote_data == {
        "person-details": record["person"],
        "employment-details": record["employment"],
    }
    assert compiled.build(kit.joined()).remote_data is None
    assert compiled.build(kit.joined(), include_raw=True).remote_data == {"person-details": kit.person()}


def test_plugin_transforms_failing_empty_the_field_and_name_the_transform(
    compile_fields: Compile, kit: SimpleNamespace
) -> None:
    def explode(value: Any) -> Any:
        raise ZeroDivisionError("boom")

    compiled = compile_fields(
        "job_title: {from: person.title, transform: explode}", load_transforms={"explode": explode}
    )
    problems: list[Any] = []
    assert compiled.map(kit.joined({"title": "x"}), problems)["job_title"] is None
    (problem,) = problems
    assert (problem.field, problem.value) == ("job_title", "'x'")
    assert "transform explode failed" in problem.reason and "boom" in problem.reason


def test_compile_time_transforms_are_added(
    compile_fields: Compile, kit: SimpleNamespace, write_map: Any
) -> None:
    from field_maps import load_map

    path = write_map("job_title: {from: person.title, transform: shout}\n")
    field_map = load_map(path, transforms={"shout": str.upper})
    compiled = field_map.compile(connector="ukg_pro", transforms={"shout": lambda v: v + "!"})
    assert compiled.map(kit.joined({"title": "hi"}))["job_title"] == "hi!"


def test_a_bad_time_zone_is_a_compile_error(compile_fields: Compile) -> None:
    with pytest.raises(FieldMapError, match="unknown time zone"):
        compile_fields("first_name: person.firstName", tz="Nowhere/Special")


def test_map_strings_cannot_inject_code(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(
        """\
        first_name: "person.x')or(1#"
        job_title: {const: "'); raise SystemExit('"}
        display_full_name: {template: "{person.a} '\\"\\\\n {{x}}"}
        """
    )
    values = compiled.map(kit.joined({"x')or(1#": "safe", "a": "A"}))
    assert values["first_name"] == "safe"
    assert values["job_title"] == "'); raise SystemExit('"
    assert values["display_full_name"] == "A '\"\\n {x}"


def test_the_generated_code_is_kept_and_shows_in_tracebacks(
    compile_fields: Compile, kit: SimpleNamespace
) -> None:
    import traceback

    compiled = compile_fields("hire_date: employment.lastHireDate")
    assert "def map_record(joined):" in compiled.code
    try:
        compiled.map("not a mapping")  # type: ignore[arg-type]
    except MappingError as exc:
        text = "".join(traceback.format_exception(exc.__cause__ or exc))
        assert "joined[" in text or "MappingError" in text


def test_compiling_again_and_again_keeps_no_source_once_the_maps_are_gone(compile_fields: Compile) -> None:
    """A worker compiles each account's maps on every sync: the sources kept for tracebacks must go too."""
    import gc
    import linecache

    def sources() -> int:
        return sum(1 for name in list(linecache.cache) if name.startswith("<field map"))

    gc.collect()
    before = sources()
    kept = compile_fields("hire_date: employment.lastHireDate")
    kept.map({"person": {"companyId": "6Y4NV", "employeeId": "E1"}})
    for _ in range(30):
        compiled = compile_fields("hire_date: employment.lastHireDate")
        compiled.map({"person": {"companyId": "6Y4NV", "employeeId": "E1"}})
    del compiled
    gc.collect()
    assert sources() == before + 2  # the map still held: its building function and its mapping one
    assert any(
        "def map_record(joined):" in "".join(linecache.cache[n][2])
        for n in linecache.cache
        if n.startswith("<field map")
    )
    del kept
    gc.collect()
    assert sources() == before
