"""Building without validation gives what validation gives: every shipped UKG Pro map, and the bench map.

``CompiledMap.build`` builds a model from values the compiled map made sure of at compile time or per
value, and validates only a record with a value it cannot judge; ``build(validate=True)`` always
validates (``model_validate`` of the mapped values). For UKG-shaped records with random, empty and
odd values (hypothesis), both must give the same model: equal, with the same JSON (what the store
keeps), the same fields set and the same value types at every level; and report the same problems,
or refuse the record with the same error. Whole sandbox tenants and the benchmark's records must be
built without validating a single record.
"""

from __future__ import annotations

import asyncio
import importlib.util
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import field_maps
from connectors.ukg_pro.labels import label_table, org_level_labels
from connectors.ukg_pro.sandbox import Sandbox
from connectors.ukg_pro.transforms import TRANSFORMS as UKG_TRANSFORMS
from field_maps import CompiledMap, FieldMap, FieldProblem, LabelTable, MappingError, load_map, load_maps
from field_maps.plan import resolve_label
from field_maps.spec import (
    CoalesceSource,
    CustomFieldsSource,
    FieldSpec,
    FromSource,
    LabelSource,
    ListSource,
    ObjectSource,
    TemplateSource,
)
from field_maps.spec import Path as MapPath

FOLDER = Path(field_maps.__file__).parent / "ukg_pro"
BENCH = Path(__file__).resolve().parents[2] / "bench" / "mapping.py"
LEVELS = {1: "Division", 2: "Cost Center", 3: "Department", 4: "Team"}
CODE_TABLES = {"JOBCHANGE": {"100": "New Hire", "200": "Promotion", "500": "Termination"}}
MAPS = sorted(p.stem for p in FOLDER.glob("*.yaml"))


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hrishub_bench_mapping_fast", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shipped() -> dict[str, FieldMap]:
    return load_maps(FOLDER, transforms=UKG_TRANSFORMS)


Account = tuple[CompiledMap, LabelTable]


@pytest.fixture(scope="module")
def compiled_maps(
    shipped: dict[str, FieldMap], bench: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Account]:
    """Each shipped map (by file name) compiled for an account in New York (naive times read there), and
    the bench map; each with the account's labels."""
    out: dict[str, Account] = {}
    for name, field_map in shipped.items():
        labels = label_table(LEVELS, name)
        cm = field_map.compile(
            connector="ukg_pro", labels=labels, code_tables=CODE_TABLES, tz="America/New_York"
        )
        out[Path(field_map.file).stem] = (cm, labels)
    path = tmp_path_factory.mktemp("bench") / "employee.yaml"
    path.write_text(bench.EMPLOYEE_MAP, encoding="utf-8")
    out["bench"] = (load_map(path).compile(connector=bench.CONNECTOR, labels=bench.LABELS), bench.LABELS)
    return out


# -- what a map reads, and values for it -------------------------------------------------------------


def _paths(spec: FieldSpec, cm: CompiledMap, labels: LabelTable) -> Iterator[MapPath]:
    source = spec.source
    if isinstance(source, FromSource | CustomFieldsSource):
        yield source.path
    elif isinstance(source, CoalesceSource):
        yield from source.paths
    elif isinstance(source, TemplateSource):
        yield from (p for p in source.parts if isinstance(p, MapPath))
    elif isinstance(source, LabelSource):
        path, _, _ = resolve_label(cm.field_map, labels, source)
        if path is not None:
            yield path
    elif isinstance(source, ObjectSource):
        for sub in source.fields.values():
            yield from _paths(sub, cm, labels)
    elif isinstance(source, ListSource):
        for item in source.items:
            yield from _paths(item, cm, labels)
    if spec.ref is not None:
        yield from (p for p in spec.ref.key if isinstance(p, MapPath))


def reads(
    cm: CompiledMap, labels: LabelTable
) -> tuple[dict[str, set[tuple[str, ...]]], set[tuple[str, str]]]:
    """(alias → the API paths the map reads, besides the key), (the key's (alias, API name)s)."""
    paths: dict[str, set[tuple[str, ...]]] = {alias: set() for alias in cm.source_names}
    for spec in cm.field_map.fields.values():
        for path in _paths(spec, cm, labels):
            paths[path.alias].add(path.segments)
    if cm.field_map.remote_id is not None:
        paths[cm.field_map.remote_id.alias].add(cm.field_map.remote_id.segments)
    keys = {(p.alias, p.segments[0]) for p in cm.field_map.key}
    return paths, keys


TEXT = st.text(max_size=10)
BLANK = st.sampled_from([None, "", " ", "\t"])
CODES = st.sampled_from(["A", " A", "T ", "F", "M", "X", "1", "9", "100", "S", "H", "P", "N", "Q", "PRE"])


@st.composite
def dates(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
    shape = draw(st.sampled_from(["{d}", "{d}T00:00:00", "{m}/{dd}/{y}", "{m}/{dd}/{y} 12:00:00 AM", "{d}X"]))
    return shape.format(d=day.isoformat(), m=day.month, dd=day.day, y=day.year)


@st.composite
def instants(draw: st.DrawFn) -> str:
    moment = draw(st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2100, 12, 30)))
    digits = draw(st.integers(0, 9))
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        text += "." + f"{moment.microsecond:06d}{draw(st.integers(0, 999)):03d}"[:digits]
    suffix = draw(st.sampled_from(["", "", "Z", "+05:30", "-08:00", " ", "+25:00"]))
    if draw(st.booleans()):
        text = text.replace("T", " ")
    return text + suffix


NUMBERS = st.one_of(
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.sampled_from(["12.50", "1e3", "0012", "-0", "1,000", "NaN", "inf"]),
)
PLACES = st.sampled_from(
    ["USA", "CAN", "US", "GB", "gbr", " United Kingdom ", "U.K.", "XX", "840", "USD", "cad"]
)
SCALARS = st.one_of(BLANK, TEXT, CODES, dates(), instants(), NUMBERS, PLACES, st.booleans())
PAIRS = st.lists(
    st.fixed_dictionaries({"field": st.one_of(TEXT, BLANK), "value": SCALARS}), max_size=3
) | st.dictionaries(
    st.sampled_from(["personnelUDField01", "personnelUDField05", "personnelUDField12"]),
    st.fixed_dictionaries({"field": st.one_of(TEXT, BLANK), "value": SCALARS}),
    max_size=3,
)
LINE_KEYS = [
    "paycode", "paydescription", "hours", "payrate", "amount", "hoursytd", "amountytd", "deductioncode",
    "deductiondescription", "pretax", "employeeamount", "employeramount", "taxcode", "taxdescription",
]  # fmt: skip
LINES = st.lists(st.dictionaries(st.sampled_from(LINE_KEYS), SCALARS, max_size=6), max_size=3)
ODD = st.one_of(st.lists(st.integers(), max_size=2), st.dictionaries(TEXT, st.integers(), max_size=2))
VALUES = st.one_of(SCALARS, PAIRS, LINES, ODD)
KEY_PARTS = st.integers(0, 9).flatmap(  # mostly a usable key: the values are what is tested
    lambda n: (
        st.sampled_from(["6Y4NV", "EQKKKU000020", " C0MP2 ", "NY", "1"])
        if n
        else st.one_of(TEXT, st.integers(0, 99), BLANK, st.booleans())
    )
)


def _nest(segments: tuple[str, ...], value: Any, into: dict[str, Any]) -> None:
    *head, last = segments
    for segment in head:
        inner = into.get(segment)
        if not isinstance(inner, dict):
            inner = into[segment] = {}
        into = inner
    into[last] = value


@st.composite
def joined_records(draw: st.DrawFn, cm: CompiledMap, labels: LabelTable) -> dict[str, Any]:
    """One joined record for ``cm``: each source absent or a record of drawn values (the primary always)."""
    paths, keys = reads(cm, labels)
    joined: dict[str, Any] = {}
    for i, alias in enumerate(cm.source_names):
        if i and draw(st.integers(0, 5)) == 0:
            joined[alias] = None
            continue
        record: dict[str, Any] = {}
        for segments in sorted(paths[alias]):
            if draw(st.integers(0, 6)):  # sometimes the name is not in the record at all
                _nest(segments, draw(VALUES), record)
        for key_alias, name in keys:
            if key_alias == alias:
                record[name] = draw(KEY_PARTS)
        joined[alias] = record
    return joined


# -- the comparison ---------------------------------------------------------------------------------


def shape(value: Any) -> Any:
    """Every value's class, at every level; models with their fields set, dicts in their key order."""
    if isinstance(value, BaseModel):
        return (type(value), value.model_fields_set, [(k, shape(v)) for k, v in value.__dict__.items()])
    if isinstance(value, dict):
        return (dict, [(k, shape(v)) for k, v in value.items()])
    if isinstance(value, list | tuple):
        return (type(value), [shape(v) for v in value])
    return type(value)


def outcome(cm: CompiledMap, joined: dict[str, Any], **options: Any) -> tuple[Any, list[FieldProblem]]:
    problems: list[FieldProblem] = []
    try:
        return cm.build(joined, problems=problems, **options), problems
    except MappingError as exc:
        return ("refused", exc.record_key, exc.field, exc.reason), problems


def assert_alike(cm: CompiledMap, joined: dict[str, Any], **options: Any) -> None:
    built, found = outcome(cm, joined, **options)
    validated, reported = outcome(cm, joined, validate=True, **options)
    assert found == reported
    if isinstance(validated, tuple):
        assert built == validated
        return
    assert isinstance(built, BaseModel)
    assert built.model_dump_json() == validated.model_dump_json()
    assert built == validated
    assert shape(built) == shape(validated)


@pytest.mark.parametrize("name", [*MAPS, "bench"])
def test_built_and_validated_models_are_the_same(name: str, compiled_maps: dict[str, Account]) -> None:
    cm, labels = compiled_maps[name]
    assert cm.checks, "the model can be built without validation"

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(joined=joined_records(cm, labels), raw=st.booleans(), sources=st.booleans())
    def check(joined: dict[str, Any], raw: bool, sources: bool) -> None:
        assert_alike(cm, joined, include_raw=raw, include_sources=sources)

    check()


# -- typical records are built without validation ---------------------------------------------------


async def _fetch(sandbox: Sandbox, names: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every record of each type, read through the connector's own client."""
    from connectors.ukg_pro.client import UkgProClient
    from hub.connector import HttpSettings

    base = "https://service4.ultipro.com"
    creds = {**sandbox.credentials(base), "base_url": base}
    async with UkgProClient(creds, HttpSettings(transport=sandbox.transport())) as client:
        return {name: [row async for page in client.records(name) for row in page] for name in names}


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the models validated from here on (``model_validate`` of every unified model)."""
    from unified_models import MODELS as UNIFIED

    seen: list[str] = []
    for cls in UNIFIED.values():
        original = cls.model_validate

        def counted(values: Any, *args: Any, _cls: type = cls, _original: Any = original, **kw: Any) -> Any:
            seen.append(_cls.__name__)
            return _original(values, *args, **kw)

        monkeypatch.setattr(cls, "model_validate", counted)
    return seen


def test_a_sandbox_tenant_is_built_without_validating_a_record(
    shipped: dict[str, FieldMap], validations: list[str]
) -> None:
    sandbox = Sandbox(employees=25, seed=7, now=datetime(2025, 6, 2, 9, 30))
    names = sorted({source.record for m in shipped.values() for source in m.sources})
    raw = asyncio.run(_fetch(sandbox, names))
    levels = org_level_labels(raw["org-levels"])
    built = 0
    for name, field_map in shipped.items():
        cm = field_map.compile(
            connector="ukg_pro",
            labels=label_table(levels, name),
            code_tables=CODE_TABLES,
            tz="America/Chicago",
        )
        first, *others = cm.sources
        joined = list(cm.join(raw[first.record], **{s.name: raw[s.record] for s in others}))
        for record in joined:
            before = len(validations)
            problems: list[FieldProblem] = []
            model = cm.build(record, include_raw=True, problems=problems)
            assert len(validations) == before, (name, record)
            assert (
                cm.build(record, include_raw=True, validate=True).model_dump_json() == model.model_dump_json()
            )
            built += 1
    assert built > 300


def test_the_benchmarks_records_are_built_without_validation(
    compiled_maps: dict[str, Account], bench: ModuleType, validations: list[str]
) -> None:
    cm, _ = compiled_maps["bench"]
    people, jobs = bench.generate(400)
    joined = list(cm.join(people, employment=jobs))
    models = [cm.build(record) for record in joined]
    assert validations == []
    assert models == [bench.handwritten(record) for record in joined]  # the hand-written one validates
    assert len(validations) == len(joined)
