"""Building models without validating each record: what a compiled map proves once, checks per value or
validates per value, and that the model it builds is always the one validation builds."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from types import MappingProxyType, SimpleNamespace
from typing import Any, ClassVar

import pycountry
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from field_maps import CompiledMap, FieldProblem, MappingError, load_map
from field_maps.transforms import ALPHA2, country_alpha2
from unified_models import CountryCode, LocationType, UnifiedModel

Compile = Callable[..., CompiledMap]

WIDGET = """\
text: person.text
count: person.count
ratio: person.ratio
amount: person.amount
flag: person.flag
day: person.day
instant: person.instant
size: {from: person.size, enum: {small: S, medium: M, odd: M}}
address:
  object:
    line1: person.line1
    country: {from: person.country, transform: country_alpha2}
extras: person.extras
tags:
  list:
    - {from: person.tag1, ref: {model: Group, key: [$value]}}
    - {from: person.tag2, ref: {model: Group, key: [employment.companyID, $value]}}
owner_id: {from: person.owner, transform: shout}
enabled: {from: person.enabled, type: boolean}
"""


def shout(value: Any) -> Any:
    """A plugin transform that declares nothing about what it returns."""
    return value.upper() if isinstance(value, str) else value


def test_each_field_is_proven_checked_or_validated(compile_fields: Compile) -> None:
    compiled = compile_fields(WIDGET, model="Widget", load_transforms={"shout": shout})
    assert dict(compiled.checks) == {
        "text": "proven",  # parsed text
        "count": "proven",
        "ratio": "proven",
        "amount": "proven",  # a finite decimal
        "flag": "proven",
        "day": "proven",
        "instant": "proven",  # aware, in UTC
        "size": "validated",  # a Literal: its validator decides
        "address.line1": "proven",
        "address.country": "proven",  # country_alpha2 gives what CountryCode's pattern accepts
        "address": "proven",  # built the same way
        "extras": "validated",  # a dict
        "tags": "proven",  # stable ids, in a tuple
        "owner_id": "checked",  # a plugin transform: is it text?
        "enabled": "proven",
    }


def test_constants_and_enum_targets_take_the_models_form(write_map: Callable[..., Path]) -> None:
    path = write_map(
        "location_type: {const: WORK}\nname: {from: person.name, default: Head office}\n", model="Location"
    )
    compiled = load_map(path).compile(connector="ukg_pro")
    assert compiled.checks["location_type"] == "proven"
    built = compiled.build({"person": {"companyId": "C", "employeeId": "L"}, "employment": None})
    assert built.location_type is LocationType.WORK
    assert built.name == "Head office"


def test_a_transform_giving_what_the_model_refuses_is_reported_as_validation_reports_it(
    compile_fields: Compile, kit: SimpleNamespace
) -> None:
    compiled = compile_fields(
        "first_name: {from: person.firstName, transform: count}", load_transforms={"count": len}
    )
    assert compiled.checks["first_name"] == "checked"
    problems: list[FieldProblem] = []
    built = compiled.build(kit.joined({"firstName": "Ada"}), problems=problems)
    assert built.first_name is None
    (problem,) = problems
    assert (problem.field, problem.value) == ("first_name", "3")
    assert "string" in problem.reason
    assert (
        built.model_dump_json()
        == compiled.build(kit.joined({"firstName": "Ada"}), validate=True).model_dump_json()
    )


class Shouting(UnifiedModel):
    """A model with a validator of its own: it is validated on every record."""

    resource: ClassVar[str] = "shouting"

    remote_id: str
    text: str | None = None

    @field_validator("text")
    @classmethod
    def _loud(cls, value: str | None) -> str | None:
        return value.upper() if value else value


def test_a_model_with_validators_is_always_validated(
    write_map: Callable[..., Path], kit: SimpleNamespace
) -> None:
    path = write_map("text: person.text\n", model="Shouting")
    compiled = load_map(path, models={**kit.models, "Shouting": Shouting}).compile(connector="ukg_pro")
    assert compiled.checks == {}
    assert compiled.build_code is None
    assert compiled.build(kit.joined({"text": "hello"})).text == "HELLO"


# -- country codes -------------------------------------------------------------------------------------


def _country_names() -> list[str]:
    names: list[str] = []
    for country in pycountry.countries:
        names += [country.alpha_2, country.alpha_3, country.numeric, country.name]
        names += [getattr(country, "official_name", ""), getattr(country, "common_name", "")]
    return [name for name in names if name]


def test_country_alpha2_gives_only_what_a_country_code_accepts() -> None:
    adapter = TypeAdapter(CountryCode)
    found = {country_alpha2(name) for name in _country_names()}
    found |= {country_alpha2(alias) for alias in ("UK", "U.S.A.", "Holland", "north korea", " usa ")}
    found.discard(None)
    assert len(found) > 240
    for code in found:
        assert re.fullmatch(ALPHA2, code) and code.__class__ is str
        assert adapter.validate_python(code) == code


@given(st.text(max_size=20) | st.integers(-5, 1000))
def test_country_alpha2_of_anything_is_a_country_code_or_none(value: Any) -> None:
    try:
        code = country_alpha2(value)
    except MappingError:
        return
    if code is not None:
        assert code.__class__ is str and re.fullmatch(ALPHA2, code)
        TypeAdapter(CountryCode).validate_python(code)


# -- the same model, built or validated ------------------------------------------------------------


SCALARS = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "S", "small", "odd", "medium", "USA", "xx", "Y", "no", "1", "12.50", "1e3"]),
    st.text(max_size=8),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.sampled_from(
        [
            "2024-03-07",
            "2024-03-07T00:00:00",
            "3/7/2024",
            "2024-02-30T00:00:00",
            "2024-03-07T09:00:00.1234567",
        ]
    ),
    st.datetimes(timezones=st.just(UTC)) | st.datetimes(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers() | st.text(max_size=3), max_size=2),
)
NAMES = ["text", "count", "ratio", "amount", "flag", "day", "instant", "size", "line1", "country", "extras"]
NAMES += ["tag1", "tag2", "owner", "enabled"]


def _shape(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return (type(value), value.model_fields_set, [(k, _shape(v)) for k, v in value.__dict__.items()])
    if isinstance(value, dict):
        return (dict, [(k, _shape(v)) for k, v in value.items()])
    if isinstance(value, list | tuple):
        return (type(value), [_shape(v) for v in value])
    return type(value)


def _outcome(compiled: CompiledMap, joined: dict[str, Any], **options: Any) -> tuple[Any, list[FieldProblem]]:
    problems: list[FieldProblem] = []
    try:
        return compiled.build(joined, problems=problems, **options), problems
    except MappingError as exc:
        return (exc.record_key, exc.field, exc.reason), problems


def test_a_widget_is_built_as_validation_builds_it(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(WIDGET, model="Widget", load_transforms={"shout": shout}, tz="Europe/Paris")

    @settings(max_examples=300, deadline=None)
    @given(
        values=st.fixed_dictionaries({}, optional={name: SCALARS for name in NAMES}),
        company=st.sampled_from(["6Y4NV", " 6Y4NV ", ""]),
        raw=st.booleans(),
        sources=st.booleans(),
    )
    def check(values: dict[str, Any], company: str, raw: bool, sources: bool) -> None:
        joined = kit.joined(values, {"companyID": company})
        built, found = _outcome(compiled, joined, include_raw=raw, include_sources=sources)
        validated, reported = _outcome(
            compiled, joined, include_raw=raw, include_sources=sources, validate=True
        )
        assert found == reported
        if isinstance(validated, tuple):
            assert built == validated
            return
        assert built.model_dump_json() == validated.model_dump_json()
        assert built == validated
        assert _shape(built) == _shape(validated)

    check()


def test_records_that_are_not_dicts_are_built_alike(compile_fields: Compile, kit: SimpleNamespace) -> None:
    compiled = compile_fields(WIDGET, model="Widget", load_transforms={"shout": shout})
    joined = kit.joined({"text": "t", "day": "2024-03-07T00:00:00", "country": "CAN", "tag1": "G"})
    proxied = {alias: MappingProxyType(record) for alias, record in joined.items() if record is not None}
    assert compiled.build(proxied) == compiled.build(joined)
    assert (
        compiled.build(proxied).model_dump_json() == compiled.build(joined, validate=True).model_dump_json()
    )


class Big(BaseModel):
    """A nested model larger than an address, one field with a default factory."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    a: str | None = None
    b: str | None = None
    c: int | None = None
    d: str | None = None
    e: str | None = None
    f: str | None = None
    g: str | None = None
    h: str | None = None
    i: str | None = None
    j: tuple[str, ...] = Field(default_factory=tuple)


class Holder(UnifiedModel):
    """Holds a :class:`Big`, a field whose default is not None and a required field."""

    resource: ClassVar[str] = "holders"

    remote_id: str
    big: Big | None = None
    flag: bool = False
    name: str


def test_large_nested_models_defaults_and_factories_are_built_as_validation_builds_them(
    write_map: Callable[..., Path], kit: SimpleNamespace
) -> None:
    fields = "big: {object: {a: person.a, c: person.c, i: person.i}}\nflag: person.flag\nname: person.b\n"
    path = write_map(fields, model="Holder")
    compiled = load_map(path, models={**kit.models, "Holder": Holder}).compile(connector="ukg_pro")
    assert compiled.checks["big"] == "proven"

    @settings(max_examples=150, deadline=None)
    @given(
        values=st.fixed_dictionaries({}, optional={name: SCALARS for name in ("a", "b", "c", "i", "flag")})
    )
    def check(values: dict[str, Any]) -> None:
        joined = kit.joined(values)
        built, found = _outcome(compiled, joined)
        validated, reported = _outcome(compiled, joined, validate=True)
        assert found == reported
        if isinstance(validated, tuple):  # no name: the record is refused, alike
            assert built == validated
            return
        assert built.model_dump_json() == validated.model_dump_json()
        assert _shape(built) == _shape(validated)

    check()
