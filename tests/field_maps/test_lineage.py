"""Lineage: which API name (and label) each unified field came from, statically and per record."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from field_maps import CompiledMap
from unified_models import FieldSource

Compile = Callable[..., CompiledMap]

FIELDS = """\
first_name: person.firstName
work_email: {coalesce: [person.emailAddress, person.emailAddressAlternate]}
display_full_name: {template: "{person.firstName} {person.lastName}"}
employment_status: {from: employment.employeeStatusCode, enum: {A: ACTIVE, T: INACTIVE}}
employment_type: {coalesce: [employment.fullTimeOrPartTimeCode, employment.typeCode], enum: {F: FULL_TIME}}
department_id: {label: Department, ref: {model: Group, key: [$label.level, $value]}}
job_title: {const: Engineer}
home_address:
  object: {line1: person.addressLine1, country: {from: person.addressCountry, transform: country_alpha2}}
custom_fields: {custom_fields: {from: person.udf}}
"""


def test_static_lineage(compile_fields: Compile, kit: SimpleNamespace) -> None:
    lineage = compile_fields(FIELDS, labels=kit.labels).lineage
    assert lineage == {
        "remote_id": FieldSource(api_name="person-details.employeeId"),
        "first_name": FieldSource(api_name="person-details.firstName"),
        "work_email": FieldSource(
            api_name="person-details.emailAddress | person-details.emailAddressAlternate"
        ),
        "display_full_name": FieldSource(api_name="person-details.firstName, person-details.lastName"),
        "employment_status": FieldSource(api_name="employment-details.employeeStatusCode"),
        "employment_type": FieldSource(
            api_name="employment-details.fullTimeOrPartTimeCode | employment-details.typeCode"
        ),
        "department_id": FieldSource(api_name="employment-details.orgLevel3Code", label="Department"),
        "job_title": FieldSource(),
        "home_address.line1": FieldSource(api_name="person-details.addressLine1"),
        "home_address.country": FieldSource(api_name="person-details.addressCountry"),
        "custom_fields": FieldSource(api_name="person-details.udf"),
    }


def test_an_unresolved_label_still_names_the_label(compile_fields: Compile) -> None:
    lineage = compile_fields(FIELDS).lineage
    assert lineage["department_id"] == FieldSource(api_name=None, label="Department")


def test_field_sources_per_record(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(FIELDS, labels=kit.labels)
    record = kit.joined(
        {"firstName": "Ada", "emailAddress": "", "emailAddressAlternate": "ada@x.com"},
        {"employeeStatusCode": "T", "typeCode": "F", "orgLevel3Code": "SUP"},
    )
    employee = compiled.build(record, include_sources=True)
    sources = employee.field_sources
    assert sources is not None
    assert sources["work_email"] == FieldSource(
        api_name="person-details.emailAddressAlternate"
    )  # the one used
    assert sources["employment_status"] == FieldSource(
        api_name="employment-details.employeeStatusCode", source_value="T"
    )
    assert sources["employment_type"] == FieldSource(api_name="employment-details.typeCode", source_value="F")
    assert sources["department_id"] == FieldSource(
        api_name="employment-details.orgLevel3Code", label="Department"
    )
    assert sources["first_name"] == compiled.lineage["first_name"]
    assert set(sources) == set(compiled.lineage) - {"remote_id"}
    # and the values are those of the plain build
    assert employee.model_copy(update={"field_sources": None}) == compiled.build(record)


def test_unknown_codes_keep_their_provider_value(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(FIELDS)
    employee = compiled.build(kit.joined({}, {"employeeStatusCode": "O"}), include_sources=True)
    assert employee.employment_status is None
    assert employee.field_sources is not None
    assert employee.field_sources["employment_status"].source_value == "O"
