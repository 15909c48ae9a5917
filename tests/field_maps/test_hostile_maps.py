"""Hostile field maps and hostile provider records: a clean FieldMapError or MappingError, never a crash.

Maps are generated half-right on purpose (the schema's own keys, model and field names, transforms and
paths, mixed with wrong types, unknown names and deep nesting), so the checks past the schema run too.
Provider records are random JSON under the names the real UKG Pro maps read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from field_maps import BUILTIN_TRANSFORMS, FieldMap, FieldMapError, MappingError, load_map, parse_map
from field_maps.loader import MAX_DEPTH, MAX_NODES
from unified_models import MODELS

MAPS = Path(__file__).parents[2] / "field_maps" / "ukg_pro"
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(FUZZ, max_examples=40)

MODEL_NAMES = [*MODELS, "Employe", "employee", "", "Widget"]
FIELD_NAMES = [
    *sorted({name for model in MODELS.values() for name in model.model_fields}),
    "frist_name",
    "id",
]
FIELD_NAMES += ["", "a.b"]
SPEC_KEYS = [
    "from",
    "coalesce",
    "template",
    "const",
    "label",
    "required_label",
    "object",
    "custom_fields",
    "type",
    "transform",
    "enum",
    "unknown",
    "ref",
    "default",
    "description",
    "frm",
]
WORDS = [
    "person.firstName",
    "person.employeeId",
    "employment.lastHireDate",
    "person.a.b.c",
    "nobody.x",
    "person.",
    ".x",
    "$value",
    "$label.level",
    "$label.nope",
    "{person.firstName} {person.lastName}",
    "{person.firstName!r}",
    "{",
    "}",
    "{0}",
    "{person.firstName:>10}",
    "date",
    "datetime",
    "decimal",
    "boolean",
    "dat",
    "ACTIVE",
    "MALE",
    "Department",
    "person-details",
    *BUILTIN_TRANSFORMS,
    "titlecase",
    *MODEL_NAMES,
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(WORDS)
)
anything = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(WORDS) | st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
field_spec: st.SearchStrategy[Any] = st.deferred(
    lambda: (
        st.sampled_from(WORDS)
        | anything
        | st.dictionaries(
            st.sampled_from(SPEC_KEYS),
            st.sampled_from(WORDS)
            | anything
            | st.lists(st.sampled_from(WORDS), max_size=3)
            | st.dictionaries(st.sampled_from(WORDS), st.sampled_from(WORDS) | scalars, max_size=3)
            | st.dictionaries(st.sampled_from(FIELD_NAMES), field_spec, max_size=3)
            | st.fixed_dictionaries(
                {},
                optional={
                    "model": st.sampled_from(MODEL_NAMES) | scalars,
                    "key": st.lists(st.sampled_from(WORDS) | scalars, max_size=3) | scalars,
                },
            ),
            max_size=4,
        )
    )
)
source = st.fixed_dictionaries(
    {},
    optional={
        "name": st.sampled_from(["person", "employment", "p", "", "1x"]) | scalars,
        "record": st.sampled_from(["person-details", "employment-details"]) | scalars,
        "key": st.lists(st.sampled_from(["companyId", "employeeId", "a.b", ""]) | scalars, max_size=3)
        | scalars,
        "required": st.booleans() | scalars,
        "extra": anything,
    },
)
maps = st.fixed_dictionaries(
    {},
    optional={
        "version": st.sampled_from([1, 2, "1", None, True]),
        "model": st.sampled_from(MODEL_NAMES) | scalars,
        "description": scalars,
        "sources": st.lists(source, max_size=3) | anything,
        "key": st.lists(st.sampled_from(WORDS) | scalars, max_size=3) | anything,
        "remote_id": st.sampled_from(WORDS) | scalars,
        "fields": st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=6), field_spec, max_size=6)
        | anything,
        "junk": anything,
    },
)
PATHS = [
    "person.firstName",
    "person.lastName",
    "person.employeeId",
    "person.dateOfBirth",
    "person.addressLine1",
    "person.a.b",
    "employment.lastHireDate",
    "employment.employeeStatusCode",
    "employment.orgLevel3Code",
    "nobody.x",
]
ENUM_VALUES = ["ACTIVE", "INACTIVE", "LEAVE", "MALE", "FULL_TIME", "GONE", None, 1]
source_step = st.one_of(
    st.fixed_dictionaries({"from": st.sampled_from(PATHS)}),
    st.fixed_dictionaries({"coalesce": st.lists(st.sampled_from(PATHS), max_size=3)}),
    st.fixed_dictionaries(
        {"template": st.sampled_from([w for w in WORDS if "{" in w] + ["x {employment.x}"])}
    ),
    st.fixed_dictionaries({"const": scalars}),
    st.fixed_dictionaries(
        {"label": st.sampled_from(["Department", "Region", ""])},
        optional={"required_label": st.booleans()},
    ),
    st.fixed_dictionaries({"custom_fields": st.fixed_dictionaries({"from": st.sampled_from(PATHS)})}),
)
plausible_spec: st.SearchStrategy[Any] = st.deferred(
    lambda: (
        st.sampled_from(PATHS)
        | st.builds(
            lambda source, steps: {**source, **steps},
            source_step
            | st.fixed_dictionaries(
                {
                    "object": st.dictionaries(
                        st.sampled_from(["line1", "line2", "city", "country", "street"]),
                        plausible_spec,
                        max_size=3,
                    )
                }
            ),
            st.fixed_dictionaries(
                {},
                optional={
                    "type": st.sampled_from(
                        ["string", "integer", "number", "decimal", "boolean", "date", "datetime"]
                    ),
                    "transform": st.sampled_from([*BUILTIN_TRANSFORMS, "titlecase"])
                    | st.lists(st.sampled_from([*BUILTIN_TRANSFORMS, "nope"]), max_size=3),
                    "enum": st.dictionaries(
                        st.sampled_from(["A", "T", "L", "M", "1"]), st.sampled_from(ENUM_VALUES)
                    ),
                    "unknown": st.sampled_from(ENUM_VALUES),
                    "ref": st.fixed_dictionaries(
                        {
                            "model": st.sampled_from(MODEL_NAMES),
                            "key": st.lists(
                                st.sampled_from(["$value", "$label.level", *PATHS]), min_size=1, max_size=2
                            ),
                        }
                    ),
                    "default": scalars,
                },
            ),
        )
    )
)


@st.composite
def plausible_maps(draw: st.DrawFn) -> dict[str, Any]:
    """A map right in its frame, with fields that are often right and sometimes subtly wrong."""
    model = draw(st.sampled_from(sorted(MODELS)))
    names = [n for n in MODELS[model].model_fields if n not in ("id", "remote_id")]
    return {
        "version": 1,
        "model": model,
        "sources": [
            {"name": "person", "record": "person-details", "key": ["companyId", "employeeId"]},
            {"name": "employment", "record": "employment-details", "key": ["companyID", "employeeID"]},
        ],
        "key": ["person.companyId", "person.employeeId"],
        "remote_id": "person.employeeId",
        "fields": draw(
            st.dictionaries(st.sampled_from([*names, "frist_name"]), plausible_spec, min_size=1, max_size=6)
        ),
    }


documents = maps | plausible_maps() | anything


SAMPLE_JOINS = [
    {"person": {}, "employment": None},
    {
        "person": {"companyId": "6Y4NV", "employeeId": "E1", "firstName": "Ada", "dateOfBirth": "1/1/1996"},
        "employment": {
            "lastHireDate": "2021-09-20T00:00:00",
            "employeeStatusCode": "T",
            "orgLevel2Code": "N",
        },
    },
    {
        "person": {"companyId": ["x"], "employeeId": {"a": 1}, "firstName": 12, "a": {"b": []}},
        "employment": {},
    },
]


def nested(depth: int) -> Any:
    value: Any = "person.firstName"
    for level in range(depth):
        value = {"object": {"line1": value}} if level % 2 else [value]
    return value


def assert_clean(error: FieldMapError, file: str) -> None:
    assert error.issues
    for issue in error.issues:
        assert issue.file == file
        assert issue.path.startswith("$"), issue
        assert issue.message and isinstance(issue.message, str), issue
        assert issue.line is None or issue.line >= 1
    assert str(error)


@FUZZ
@given(document=documents)
@example(
    document={
        "version": 1,
        "model": "Employee",
        "sources": [{"name": "person", "record": "person-details", "key": ["employeeId"]}],
        "key": ["person.employeeId"],
        "fields": {"home_address": nested(400)},
    }
)
@example(document=nested(5000))
def test_any_document_loads_or_is_refused_with_json_paths(document: Any) -> None:
    try:
        field_map = parse_map(document, file="fuzz.yaml")
    except FieldMapError as error:
        assert_clean(error, "fuzz.yaml")
        return
    assert isinstance(field_map, FieldMap)
    assert field_map.model in MODELS
    # A map that loads must compile (or name what the account lacks) and map any record cleanly.
    try:
        compiled = field_map.compile(connector="fuzz", labels={"Region": "employment-details.orgLevel2Code"})
    except FieldMapError as error:
        assert_clean(error, error.issues[0].file)
        return
    for joined in SAMPLE_JOINS:
        (outcome,) = compiled.map_many([joined], include_raw=True, include_sources=True)
        assert isinstance(outcome, MappingError | compiled.model), outcome


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-maps")


def billion_laughs(levels: int = 9) -> str:
    lines = ["version: 1", "model: Employee", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n".join([*lines, f"fields: {{first_name: *a{levels - 1}}}", ""])


HOSTILE_YAML = {
    "empty": "",
    "not a mapping": "- 1\n- 2\n",
    "syntax": "version: [1\n",
    "tabs": "version:\t1\n\tmodel: x\n",
    "two documents": "version: 1\n---\nversion: 1\n",
    "duplicate key": "version: 1\nversion: 1\n",
    "python tag": "version: !!python/object/apply:os.system [echo]\n",
    "unknown tag": "version: !custom 1\n",
    "deep flow": "fields: " + "[" * 600 + "]" * 600 + "\n",
    "deep block": "".join(" " * i + "a:\n" for i in range(300)) + " " * 300 + "b: 1\n",
    "billion laughs": billion_laughs(),
    "self alias": "version: 1\nfields: &a {first_name: *a}\n",
    "complex key": "? [a, b]\n: 1\n",
    "control characters": "version: 1\nmodel: \x07\x1b[31m\n",
    "nul": "version: 1\x00\n",
}


@pytest.mark.parametrize("text", HOSTILE_YAML.values(), ids=HOSTILE_YAML.keys())
def test_hostile_yaml_files_are_refused_with_a_path(folder: Path, text: str) -> None:
    path = folder / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FieldMapError) as caught:
        load_map(path)
    assert_clean(caught.value, str(path))


def test_the_limits_leave_room_for_real_maps() -> None:
    for file in sorted(MAPS.glob("*.yaml")):
        text = file.read_text(encoding="utf-8")
        assert text.count("\n") < MAX_NODES
        load_map(file, transforms=_ukg_transforms())
    assert MAX_DEPTH >= 20


@FEWER
@given(document=maps | plausible_maps(), noise=st.text(max_size=20), where=st.integers(0, 10_000))
def test_any_yaml_text_loads_or_is_refused_with_json_paths(
    tmp_path_factory: pytest.TempPathFactory, document: Any, noise: str, where: int
) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    at = where % (len(text) + 1)
    text = text[:at] + noise + text[at:]
    path = tmp_path_factory.getbasetemp() / "fuzz-map.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_map(path)
    except FieldMapError as error:
        assert_clean(error, str(path))


# -- provider records -------------------------------------------------------------------------------------


def _ukg_transforms() -> dict[str, Any]:
    from connectors.ukg_pro.transforms import TRANSFORMS

    return dict(TRANSFORMS)


def _api_names(file: Path, aliases: tuple[str, ...]) -> list[str]:
    text = file.read_text(encoding="utf-8")
    names = {
        name for alias in aliases for name in re.findall(rf"\b{re.escape(alias)}\.([A-Za-z0-9_]+)", text)
    }
    return sorted(names)


COMPILED = {
    file.stem: load_map(file, transforms=_ukg_transforms()).compile(connector="ukg_pro", labels={})
    for file in sorted(MAPS.glob("*.yaml"))
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**64), 2**64)
    | st.floats()
    | st.text(max_size=16)
    | st.sampled_from(
        [
            "",
            " ",
            "A",
            "T",
            "Y",
            "N",
            "2021-09-20T00:00:00",
            "2023-03-29T08:24:30.16",
            "1/1/1996 12:00:00 AM",
            "13/45/2021",
            "9999-12-31T23:59:59.9999999",
            "0001-01-01",
            "USA",
            "NaN",
            "1e309",
            "-0",
            "EQKKKU000020",
        ]
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def records_for(name: str) -> st.SearchStrategy[dict[str, Any]]:
    compiled = COMPILED[name]
    names = _api_names(MAPS / f"{name}.yaml", compiled.source_names) or ["x"]
    return st.dictionaries(st.sampled_from(names) | st.text(max_size=6), json_values, max_size=14)


@FUZZ
@given(data=st.data(), name=st.sampled_from(sorted(COMPILED)))
def test_any_provider_record_maps_or_names_its_fault(data: st.DataObject, name: str) -> None:
    compiled = COMPILED[name]
    record = records_for(name)
    joined = {
        alias: data.draw(record if i == 0 else st.none() | record, label=alias)
        for i, alias in enumerate(compiled.source_names)
    }
    for include in (False, True):
        (outcome,) = compiled.map_many([joined], include_raw=include, include_sources=include)
        if isinstance(outcome, MappingError):
            assert outcome.reason and isinstance(outcome.reason, str)
            assert str(outcome)
        else:
            assert isinstance(outcome, compiled.model)


@FEWER
@given(data=st.data(), name=st.sampled_from(sorted(COMPILED)))
def test_any_provider_pages_join_and_map_without_a_crash(data: st.DataObject, name: str) -> None:
    compiled = COMPILED[name]
    record = records_for(name)
    primary = data.draw(st.lists(record, max_size=3), label="primary")
    others = {
        alias: data.draw(st.lists(record, max_size=3), label=alias) for alias in compiled.source_names[1:]
    }
    for outcome in compiled.map_many(compiled.join(primary, **others)):
        assert isinstance(outcome, MappingError | compiled.model)
