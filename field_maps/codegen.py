"""Code generation: plain Python functions per compiled map.

Two functions per map. The mapping function, ``map_record(joined)``, maps a joined record
(``{alias: record or None}``) to the unified values. The building function,
``build_record(joined, problems, raw)``, computes the same values and builds the model instance from
them without pydantic's validation: each field's values are proven at compile time to be what
validation would keep, or checked per value, or run through that field's own validator
(:mod:`.proof`); a value that fails makes it return ``None``, and the caller validates the record as
the mapping function gives it. Each has a traced twin that also returns the lineage of the record.

Both use local variables, a direct ``dict.get`` per API name, the empty-value and text checks inlined,
a memory of reference ids per ``ref``, and every helper (parsers, transforms, enum tables, stable ids)
bound as a closure variable. Applying a map is the hot path of every sync, so no per-field objects or
dispatch remain at run time.

Every string that comes from a map or an override reaches the generated source only through
``repr()``, so a map cannot inject code. The source is registered with :mod:`linecache`, so
tracebacks show it.
"""

from __future__ import annotations

import itertools
import linecache
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from field_maps import lineage as lineage_mod
from field_maps import runtime
from field_maps.building import STORED, buildable, emit_check, emit_construct, emit_model, template
from field_maps.codewriter import CodeWriter
from field_maps.errors import MappingError
from field_maps.labels import LabelTable
from field_maps.parsers import parse_date, parse_datetime
from field_maps.plan import FieldPlan, ItemPlans
from field_maps.proof import PROVEN, UNKNOWN, FieldType, Produces, field_type, settle
from field_maps.runtime import dig, guard_transform
from field_maps.spec import (
    MISSING,
    CoalesceSource,
    ConstSource,
    CustomFieldsSource,
    FieldSpec,
    FromSource,
    MapSpec,
    Path,
    RefSpec,
    TemplateSource,
)
from field_maps.transforms import ALPHA2, BUILTIN_TRANSFORMS
from unified_models import FieldSource

__all__ = ["PROBLEMS", "Generated", "buildable", "dig", "generate", "guard_transform"]

PROBLEMS = "__problems__"
"""The key under which a mapping function returns its record's :class:`FieldProblem` list (when any)."""

_COUNTER = itertools.count()
_EMPTY: Mapping[str, Any] = {}
_REF_MEMORY = 16_384  # reference ids kept per ref before the memory starts afresh

_PARSED: dict[str, Produces] = {
    "string": Produces(str),
    "integer": Produces(int),
    "number": Produces(float),
    "decimal": Produces(Decimal, finite=True),
    "boolean": Produces(bool),
    "date": Produces(date),
    "datetime": Produces(datetime, utc=True),
}
"""What each ``type`` parser returns besides ``None`` (datetimes: aware, in UTC; decimals: finite)."""

_TRANSFORMED: dict[str, Produces] = {
    "strip": Produces(str),
    "upper": Produces(str),
    "lower": Produces(str),
    "country_alpha2": Produces(str, pattern=ALPHA2),
    "yes_no": Produces(bool),
}
"""What the built-in transforms return besides ``None`` (a plugin's transforms: unknown)."""


@dataclass(frozen=True, slots=True)
class Generated:
    """One generated function, its source, and (building functions) how each field is made sure of.

    ``checks`` maps each unified field (dotted for sub-fields) to :data:`~field_maps.proof.PROVEN`,
    :data:`~field_maps.proof.CHECKED` or :data:`~field_maps.proof.VALIDATED`.
    """

    function: Callable[..., Any]
    code: str
    checks: Mapping[str, str]


def _ref_trims_first(plan: FieldPlan) -> bool:
    """True when the first step after the source is ``ref``, which trims (so blank text needs no check)."""
    spec = plan.spec
    return (
        plan.type is None
        and not spec.transforms
        and spec.code_table is None
        and spec.enum is None
        and spec.ref is not None
    )


def _blank_is_none_after(gen: CodeWriter, plan: FieldPlan) -> bool:
    """True when the first step gives ``None`` for blank text itself, so blank text needs no check.

    A ``type`` (every parser reads blank text as missing), or the built-in ``country_alpha2`` or ``strip``.
    """
    if plan.type is not None:
        return True
    first = plan.spec.transforms[0] if plan.spec.transforms else None
    return first in ("country_alpha2", "strip") and gen.transforms[first] is BUILTIN_TRANSFORMS[first]


def _reads_first(source: Any) -> bool:
    """True when a field's code starts with one API name read from a dict record (which cannot fail)."""
    if isinstance(source, FromSource):
        return len(source.path.segments) == 1
    return isinstance(source, CoalesceSource) and len(source.paths[0].segments) == 1


def _has_steps(spec: FieldSpec) -> bool:
    return bool(
        spec.type
        or spec.transforms
        or spec.code_table
        or spec.enum is not None
        or spec.ref is not None
        or spec.default is not MISSING
    )


def _generate_field(
    gen: CodeWriter, plan: FieldPlan, depth: int, ftype: FieldType | None, *, top: bool = False
) -> tuple[str, Produces]:
    """Emit the statements computing one field into a fresh local; return that local and what it holds.

    ``ftype`` (building functions) is the model field's type: map constants take the model's form and
    the value is proven, checked or validated (:func:`_emit_check`). For a ``top`` (not nested)
    field of a building function, a proven value goes straight into the instance dict ``d`` when the
    field's default is ``None``, and :data:`STORED` is returned instead of a local.
    """
    source = plan.source
    if isinstance(source, ItemPlans):  # list: each item guarded on its own
        return _generate_list(gen, plan, source, depth, ftype, top)
    if isinstance(source, list):  # object: each sub-field guarded on its own
        return _generate_object(gen, plan, source, depth, ftype, top)
    sources = gen.sources
    if not (gen.fast and _reads_first(source)):
        gen.emit(depth, "v = None")  # the value a problem names when reading it fails
    try_line = len(gen.lines)
    gen.emit(depth, "try:")
    outer, depth = depth, depth + 1
    lineage: FieldSource = lineage_mod.make_source(None, plan.label)
    lineage_expr: str | None = None
    produces = UNKNOWN
    if source is None:
        gen.emit(depth, "v = None")
        produces = Produces(values=())
    elif isinstance(source, FromSource):
        gen.emit(depth, f"v = {gen.path_expr(source.path)}")
        if not (_ref_trims_first(plan) or _enum_reads_raw(gen, plan) or _blank_is_none_after(gen, plan)):
            gen.blank_to_none(depth, "v")
        lineage = lineage_mod.make_source(
            lineage_mod.api_name(sources, source.path),
            plan.label or lineage_mod.label_of(gen.labels, sources, source.path),
        )
    elif isinstance(source, CoalesceSource):
        choices = tuple(
            lineage_mod.make_source(
                lineage_mod.api_name(sources, p), lineage_mod.label_of(gen.labels, sources, p)
            )
            for p in source.paths
        )
        lineage = lineage_mod.make_source(" | ".join(c.api_name or "" for c in choices), None)
        index_var = gen.local("c")
        if gen.traced:
            gen.emit(depth, f"{index_var} = 0")
            lineage_expr = f"{gen.bind(choices, 'LC')}[{index_var}]"
        for i, path in enumerate(source.paths):
            inner = depth + i
            if i:
                gen.emit(inner - 1, "if v is None:")
                if gen.traced:
                    gen.emit(inner, f"{index_var} = {i}")
            gen.emit(inner, f"v = {gen.path_expr(path)}")
            gen.blank_to_none(inner, "v")
    elif isinstance(source, TemplateSource):
        pieces: list[tuple[bool, str]] = []
        api_names = []
        text = gen.bind(runtime.template_text, "tt")
        for piece in source.parts:
            if isinstance(piece, Path):
                var = gen.local("t")
                gen.emit(depth, f"{var} = {gen.path_expr(piece)}")
                pieces.append((False, f"{var} if {var}.__class__ is str else {text}({var})"))
                api_names.append(lineage_mod.api_name(sources, piece))
            else:
                pieces.append((True, piece))
        gen.emit(depth, f"v = {gen.fstring(pieces)}.strip() or None")
        lineage = lineage_mod.make_source(", ".join(api_names), None)
        produces = Produces(str)
    elif isinstance(source, ConstSource):
        value = ftype.settle(source.value) if ftype is not None else source.value
        gen.emit(depth, f"v = {gen.const(value, 'K')}")
        produces = Produces(values=(value,))
    elif isinstance(source, CustomFieldsSource):
        helper = gen.bind(runtime.custom_fields, "cf")
        typed = gen.bind({slot: gen.parsers[kind] for slot, kind in source.types.items()}, "CP")
        keys = f"{source.label_key!r}, {source.value_key!r}"
        gen.emit(depth, f"v = {helper}({gen.path_expr(source.path)}, {keys}, {typed})")
        lineage = lineage_mod.make_source(lineage_mod.api_name(sources, source.path), None)
    raw_var, produces = _generate_steps(gen, plan, depth, ftype, produces)
    if raw_var is not None:  # read by the lineage even when the field failed
        gen.lines.insert(try_line, "    " * outer + f"{raw_var} = None")
    if lineage_expr is None:
        lineage_expr = gen.bind(lineage, "L")
    if raw_var is not None:
        lineage_expr = f"{gen.bind(lineage_mod.with_value, 'wv')}({lineage_expr}, {raw_var})"
    gen.lineage_exprs.append((plan.name, lineage_expr))
    stored = (
        top
        and not plan.omit_none
        and ftype is not None
        and ftype.nullable
        and ftype.check_of(produces) == PROVEN
    )
    result = STORED if stored else gen.local("f")
    gen.emit(depth, f"d[{plan.key!r}] = v" if stored else f"{result} = v")
    # A value that cannot be used empties its field and is reported; the record is kept.
    gen.emit(outer, f"except {gen.bind(Exception, 'EX')} as exc:")
    if not stored:
        gen.emit(outer + 1, f"{result} = None")
    gen.emit(outer + 1, f"probs = {gen.bind(runtime.problem, 'pb')}(probs, key, {plan.name!r}, v, exc)")
    if ftype is not None:
        if stored:
            gen.checks[plan.name] = PROVEN
        else:
            emit_check(gen, plan, result, ftype, produces, outer, defaulted=top and plan.omit_none)
    return result, produces


def _generate_list(
    gen: CodeWriter, plan: FieldPlan, items: ItemPlans, depth: int, ftype: FieldType | None, top: bool
) -> tuple[str, Produces]:
    """A list field: its items, each mapped and guarded on its own; empty items left out.

    A building function makes the tuple a ``tuple[str, ...]`` field holds when every item is proven text.
    """
    made = [_generate_field(gen, item, depth, None) for item in items]
    gen.emit(depth, f"_f = {plan.name!r}")
    listed = f"[x for x in ({', '.join(var for var, _ in made)},) if x is not None]"
    produces = UNKNOWN
    if (
        ftype is not None
        and ftype.exact is tuple
        and all(p.values is None and p.cls is ftype.item for _, p in made)
    ):
        listed = f"tuple({listed})"
        produces = Produces(tuple, item=ftype.item)
    gen.emit(depth, f"v = {listed} or None")
    result = gen.local("f")
    gen.emit(depth, f"{result} = v")
    if ftype is not None:
        emit_check(gen, plan, result, ftype, produces, depth, defaulted=top and plan.omit_none)
    return result, produces


def _generate_object(
    gen: CodeWriter, plan: FieldPlan, subs: list[FieldPlan], depth: int, ftype: FieldType | None, top: bool
) -> tuple[str, Produces]:
    """An object field: its sub-plans, each with its own lineage entry and its own guard.

    A building function builds the nested model itself when its sub-fields can be made sure of.
    """
    nested = plan.info.nested
    build = ftype is not None and nested is not None and ftype.exact is nested and not _has_steps(plan.spec)
    made = [
        (sub.key, _generate_field(gen, sub, depth, field_type(nested, sub.key) if build else None)[0])
        for sub in subs
    ]
    gen.emit(depth, f"_f = {plan.name!r}")
    produces = UNKNOWN
    if build:
        assert nested is not None
        gen.emit(depth, "v = None")
        if made:
            gen.emit(depth, f"if not ({' and '.join(f'{var} is None' for _, var in made)}):")
            emit_construct(gen, depth + 1, "v", nested, dict(made), repr({key for key, _ in made}))
        produces = Produces(nested)
    else:
        body = ", ".join(f"{key!r}: {var}" for key, var in made)
        gen.emit(depth, f"v = {{{body}}}")
        if made:
            gen.emit(depth, f"if {' and '.join(f'{var} is None' for _, var in made)}:")
            gen.emit(depth + 1, "v = None")
        _generate_steps(gen, plan, depth, None, UNKNOWN)
    result = gen.local("f")
    gen.emit(depth, f"{result} = v")
    if ftype is not None:
        emit_check(gen, plan, result, ftype, produces, depth, defaulted=top and plan.omit_none)
    return result, produces


def _generate_steps(
    gen: CodeWriter, plan: FieldPlan, depth: int, ftype: FieldType | None, produces: Produces
) -> tuple[str | None, Produces]:
    """Type → transform → enum → ref → default, on the local ``v``.

    Returns the local holding the provider's code before the enum step (in traced code), and what
    ``v`` holds after the steps.
    """
    raw_var = None
    spec = plan.spec
    if plan.type == "string" and isinstance(plan.source, CoalesceSource):  # blank text is None already
        gen.emit(depth, "if v.__class__ is not str and v is not None:")
        gen.emit(depth + 1, f"v = {gen.bind(gen.parsers['string'], 'P')}(v)")
        produces = _PARSED["string"]
    elif plan.type == "string":
        gen.emit(depth, "if v.__class__ is str:")
        gen.emit(depth + 1, "if not v or v.isspace():")
        gen.emit(depth + 2, "v = None")
        gen.emit(depth, "elif v is not None:")
        gen.emit(depth + 1, f"v = {gen.bind(gen.parsers['string'], 'P')}(v)")
        produces = _PARSED["string"]
    elif plan.type == "date" and gen.parsers["date"] is parse_date:
        # UKG's dates (2021-09-20T00:00:00) read inline; any other shape, or a bad date, goes to the parser.
        parse = gen.bind(parse_date, "P")
        time, dashes, day = (gen.slice(*bounds) for bounds in ((10, None), (4, 8, 3), (None, 10)))
        gen.emit(depth, f"if v.__class__ is str and v[{time}] == 'T00:00:00' and v[{dashes}] == '--':")
        gen.emit(depth + 1, "try:")
        gen.emit(depth + 2, f"v = {gen.bind(date.fromisoformat, 'dfi')}(v[{day}])")
        gen.emit(depth + 1, "except ValueError:")
        gen.emit(depth + 2, f"v = {parse}(v)")
        gen.emit(depth, "elif v is not None:")
        gen.emit(depth + 1, f"v = {parse}(v)")
        produces = _PARSED["date"]
    elif plan.type == "datetime" and gen.parsers["datetime"] is parse_datetime:
        # Naive ISO instants read as UTC inline, with the parser's own test of their shape (any other
        # shape, or a bad instant, goes to the parser).
        parse, n, tail = gen.bind(parse_datetime, "P"), gen.local("n"), gen.local("t")
        whole, fraction, digits = (gen.slice(*bounds) for bounds in ((4, 17, 3), (4, 20, 3), (20, None)))
        gen.emit(depth, "if v.__class__ is str:")
        gen.emit(depth + 1, f"{n} = len(v)")
        gen.emit(
            depth + 1,
            f"if {n} == 19 and v[{whole}] == '--T::' or 21 <= {n} <= 29 and v[{fraction}] == '--T::.'"
            f" and ({tail} := v[{digits}]).isdigit() and {tail}.isascii():",
        )
        gen.emit(depth + 2, "try:")
        gen.emit(depth + 3, f"v = {gen.bind(datetime.fromisoformat, 'dtfi')}(v + '+00:00')")
        gen.emit(depth + 2, "except ValueError:")
        gen.emit(depth + 3, f"v = {parse}(v)")
        gen.emit(depth + 1, "else:")
        gen.emit(depth + 2, f"v = {parse}(v)")
        gen.emit(depth, "elif v is not None:")
        gen.emit(depth + 1, f"v = {parse}(v)")
        produces = _PARSED["datetime"]
    elif plan.type is not None:
        gen.emit(depth, "if v is not None:")
        gen.emit(depth + 1, f"v = {gen.bind(gen.parsers[plan.type], 'P')}(v)")
        produces = _PARSED[plan.type]
    for name in spec.transforms:
        transform = gen.transforms[name]
        gen.emit(depth, "if v is not None:")
        gen.emit(depth + 1, f"v = {gen.bind(transform, 'T')}(v)")
        builtin = BUILTIN_TRANSFORMS.get(name) is transform
        produces = _TRANSFORMED.get(name, UNKNOWN) if builtin else UNKNOWN
    if spec.code_table is not None:
        if gen.traced:
            raw_var = gen.local("sv")
            gen.emit(depth, f"{raw_var} = v")
        decoded = gen.code_tables.get(spec.code_table)
        if decoded:
            codes = gen.bind(runtime.enum_table(decoded), "CT")
            gen.emit(depth, "if v is not None:")
            gen.emit(depth + 1, "v = v.strip() if v.__class__ is str else str(v)")
            gen.emit(depth + 1, f"v = {codes}.get(v, v) or None")
            produces = Produces(str)
    if spec.enum is not None:
        if gen.traced and raw_var is None:
            raw_var = gen.local("sv")
            gen.emit(depth, f"{raw_var} = v")
        produces = Produces(values=_generate_enum(gen, plan, depth, ftype))
    if spec.ref is not None:
        _generate_ref(gen, plan, spec.ref, depth)
        produces = Produces(str)
    if spec.default is not MISSING and spec.default is not None:
        default = ftype.settle(spec.default) if ftype is not None else spec.default
        gen.emit(depth, "if v is None:")
        gen.emit(depth + 1, f"v = {gen.const(default, 'D')}")
        produces = _or_value(produces, default, ftype)
    return raw_var, produces


def _generate_enum(gen: CodeWriter, plan: FieldPlan, depth: int, ftype: FieldType | None) -> tuple[Any, ...]:
    """The enum step on ``v``; returns every value it can give (in the model's form for ``ftype``).

    Right after a ``from`` (:func:`_enum_reads_raw`), blank text is told from a code here: the code is
    trimmed anyway, so one ``strip`` does both.
    """
    spec = plan.spec
    assert spec.enum is not None
    table = runtime.enum_table(spec.enum)
    unknown = spec.unknown
    if ftype is not None:
        table, unknown = settle(ftype, table), ftype.settle(unknown)
    bound = gen.bind(table, "E")
    code, as_key = gen.local("code"), gen.bind(runtime.enum_key, "ek")
    if _enum_reads_raw(gen, plan):
        gen.emit(depth, "if v.__class__ is str:")
        gen.emit(depth + 1, f"{code} = v.strip()")
        gen.emit(depth + 1, f"if not {code}:")
        gen.emit(depth + 2, "v = None")
        gen.emit(depth, "elif v is not None:")
        gen.emit(depth + 1, f"{code} = {as_key}(v)")
        gen.emit(depth, "if v is not None:")
    else:
        gen.emit(depth, "if v is not None:")
        gen.emit(depth + 1, f"{code} = v.strip() if v.__class__ is str else {as_key}(v)")
    if spec.unknown is None:
        # A code the table does not know gives null, and is noted: the run report counts them.
        miss = gen.bind(runtime.MISS, "MISS")
        gen.emit(depth + 1, f"v = {bound}.get({code}, {miss})")
        gen.emit(depth + 1, f"if v is {miss}:")
        gen.emit(depth + 2, "v = None")
        note = f"probs = {gen.bind(runtime.unmapped, 'um')}(probs, key, {plan.name!r}, {code})"
        if gen.fast:  # a building function's caller may not collect problems: none made then
            gen.emit(depth + 2, "if problems is not None:")
            gen.emit(depth + 3, note)
        else:
            gen.emit(depth + 2, note)
    else:
        gen.emit(depth + 1, f"v = {bound}.get({code}, {gen.const(unknown, 'U')})")
    return (*table.values(), unknown)


def _enum_reads_raw(gen: CodeWriter, plan: FieldPlan) -> bool:
    """True when the enum step comes right after a ``from`` (no lineage wanted of the value between)."""
    spec = plan.spec
    return (
        not gen.traced
        and isinstance(plan.source, FromSource)
        and plan.type is None
        and not spec.transforms
        and spec.code_table is None
        and spec.enum is not None
    )


def _or_value(produces: Produces, value: Any, ftype: FieldType | None) -> Produces:
    """What a field holds when ``value`` (a default) may stand in for ``None``."""
    if produces.values is not None:
        return Produces(values=(*produces.values, value))
    if ftype is not None and ftype.keeps(value) and ftype.accepts(produces):
        return produces
    return UNKNOWN


def _generate_ref(gen: CodeWriter, plan: FieldPlan, ref: RefSpec, depth: int) -> None:
    """``v`` → the stable id of the record it refers to (``None`` when a key part is missing).

    Text is trimmed first. Ids of keys of text are remembered per ``ref`` (a few companies, groups,
    locations), by the key as text; other keys (a number, ``1`` and ``True`` being one dict key but not
    one id) are worked out each time.
    """
    gen.emit(depth, "if v.__class__ is str:")
    gen.emit(depth + 1, "v = v.strip() or None")
    gen.emit(depth + 1, "if v is not None:")
    _emit_ref_id(gen, plan, ref, depth + 2, text=True)
    gen.emit(depth, "elif v is not None:")
    _emit_ref_id(gen, plan, ref, depth + 1, text=False)


def _emit_ref_id(gen: CodeWriter, plan: FieldPlan, ref: RefSpec, depth: int, *, text: bool) -> None:
    """The id of ``v``'s reference; with ``text``, ``v`` is known to be (trimmed, non-empty) text."""
    parts: list[str] = []
    checks: list[str] = []
    others: list[str] = []  # the key's parts read from the records
    pieces: list[tuple[bool, str]] = []  # the key as text: variables and literal pieces
    for part in ref.key:
        if isinstance(part, Path):
            var = gen.hoisted.get(part)
            if var is None:
                var = gen.local("a")
                gen.emit(depth, f"{var} = {gen.path_expr(part)}")
                gen.trimmed(depth, var)
            parts.append(var)
            checks.append(f"{var} is not None")
            others.append(var)
            pieces.append((False, var))
        elif part == "$value":
            parts.append("v")
            pieces.append((False, "v"))
        else:
            value = part if isinstance(part, int) else plan.label_vars.get(part.removeprefix("$label."))
            parts.append(repr(part) if isinstance(part, int) else gen.bind(value, "LV"))
            if value is None:
                checks.append("False")
            pieces.append((True, "" if value is None else str(value)))
    call = f"{gen.id_maker(ref.model)}(({', '.join(parts)},))"
    if checks:
        gen.emit(depth, f"if {' and '.join(checks)}:")
        depth += 1
    if not text:
        gen.emit(depth, f"v = {call}")
    else:
        inner = depth
        if others:
            gen.emit(depth, f"if {' and '.join(f'{var}.__class__ is str' for var in others)}:")
            inner += 1
        # Remembered by the parts read (the others are the same for every record of this ref).
        memory = gen.bind({}, "RM")
        memo_key = f"({', '.join(others)}, v)" if others else "v"
        gen.emit(inner, f"w = {memory}.get({memo_key})")
        gen.emit(inner, "if w is None:")
        gen.emit(inner + 1, f"if len({memory}) >= {_REF_MEMORY}:")
        gen.emit(inner + 2, f"{memory}.clear()")
        text_id = gen.text_id_maker(ref.model)
        as_text = gen.fstring([piece for item in pieces for piece in ((True, "\x1f"), item)][1:])
        gen.emit(inner + 1, f"w = {memory}[{memo_key}] = {text_id}({as_text})")
        gen.emit(inner, "v = w")
        if others:
            gen.emit(depth, "else:")
            gen.emit(depth + 1, f"v = {call}")
    if checks:
        gen.emit(depth - 1, "else:")
        gen.emit(depth, "v = None")


def generate(
    field_map: MapSpec,
    plans: list[FieldPlan],
    *,
    connector: str,
    parsers: Mapping[str, Callable[[Any], Any]],
    transforms: Mapping[str, Callable[[Any], Any]],
    labels: LabelTable | None,
    traced: bool = False,
    build: bool = False,
    code_tables: Mapping[str, Mapping[str, str]] | None = None,
) -> Generated:
    """The mapping function of ``plans`` (or with ``build`` its building function) and its source.

    The mapping function takes ``{alias: record or None}`` and returns the unified values (a dict);
    with ``traced`` it returns ``(values, {field: FieldSource})`` with the lineage of that very record.
    The building function (only when :func:`buildable`) takes ``(joined, problems, raw)`` and returns
    the model (with ``remote_data=raw`` unless ``raw`` is ``None``, and with ``traced`` its
    ``field_sources``), adding the record's problems to ``problems``; or ``None`` when a value needs
    the model's validation. Both raise :class:`MappingError` naming the record key and the field.
    """
    gen = CodeWriter(
        field_map,
        connector,
        traced=traced,
        fast=build,
        parsers=parsers,
        transforms=transforms,
        labels=labels,
        code_tables=code_tables or {},
    )
    source = _source(gen, plans)
    label = f"{field_map.model} for {connector}{' (traced)' if traced else ''}{' (build)' if build else ''}"
    return Generated(_materialise(source, gen.names, label), source, dict(gen.checks))


def _source(gen: CodeWriter, plans: list[FieldPlan]) -> str:
    """The source of the function (its closure objects are left in ``gen.names``)."""
    field_map = gen.field_map
    model = field_map.model_cls
    me = gen.bind(MappingError, "ME")
    depth = 3
    gen.emit(2, "key = None")
    gen.emit(2, "probs = None")
    gen.emit(2, "_f = 'id'")
    gen.emit(2, "try:")
    for i, source in enumerate(field_map.sources):
        if i == 0:
            gen.emit(depth, f"r0 = joined[{source.name!r}]")
            gen.emit(depth, "g0 = r0.get")
        else:
            gen.emit(depth, f"r{i} = joined.get({source.name!r})")
            gen.emit(depth, f"g{i} = {gen.bind(_EMPTY.get, 'NONE')} if r{i} is None else r{i}.get")
    if gen.fast:
        # Records are dicts (JSON), whose get cannot fail: a field's value need not be cleared before it
        # is read, and a name several fields read is read once. Any other mapping is left to the mapping
        # function, which reads as it goes.
        others = [
            f"r{i} is not None and r{i}.__class__ is not dict" for i in range(1, len(field_map.sources))
        ]
        gen.emit(depth, f"if {' or '.join(['r0.__class__ is not dict', *others])}:")
        gen.emit(depth + 1, "return None")
        for path in _shared_reads(field_map, plans):
            var = gen.local("x")
            gen.emit(depth, f"{var} = {gen.path_expr(path)}")
            gen.reads[path] = var
    key_vars = []
    for path in field_map.key:
        var = gen.local("k")
        gen.emit(depth, f"{var} = {gen.path_expr(path)}")
        gen.trimmed(depth, var)
        key_vars.append((var, path))
    gen.emit(depth, f"key = ({', '.join(v for v, _ in key_vars)},)")
    for var, path in key_vars:
        gen.emit(depth, f"if {var}.__class__ is not str:")
        gen.emit(depth + 1, f"if {var} is None:")
        gen.emit(depth + 2, f"raise {me}(key, 'id', {f'key part {path} is empty'!r})")
        # Ids are text or whole numbers: an object or a list would become its repr in a stable id.
        gen.emit(depth + 1, f"if {var}.__class__ is not int:")
        gen.emit(depth + 2, f"raise {me}(key, 'id', {f'key part {path} is not text'!r})")
    for i, source in enumerate(field_map.sources[1:], start=1):
        if source.required:
            gen.emit(depth, f"if r{i} is None:")
            message = f"no matching {source.record} record (source {source.name} is required)"
            gen.emit(depth + 1, f"raise {me}(key, {source.record!r}, {message!r})")
    # The key's parts are text or whole numbers: written as stable_id writes them.
    key_text = [piece for var, _ in key_vars for piece in ((True, "\x1f"), (False, var))][1:]
    gen.emit(depth, f"id_ = {gen.text_id_maker(field_map.model)}({gen.fstring(key_text)})")
    has_remote_id = "remote_id" in model.model_fields
    if has_remote_id:
        gen.emit(depth, "_f = 'remote_id'")
        same = [var for var, path in key_vars if path == field_map.remote_id]
        if same:  # a key part: already read, trimmed and checked
            gen.emit(depth, f"rid = {same[0]} if {same[0]}.__class__ is str else str({same[0]})")
        elif field_map.remote_id is not None:
            gen.emit(depth, f"rid = {gen.path_expr(field_map.remote_id)}")
            gen.emit(depth, "if rid.__class__ is not str and rid is not None:")
            gen.emit(depth + 1, "if rid.__class__ is not int:")
            gen.emit(depth + 2, f"raise {me}(key, 'remote_id', {f'{field_map.remote_id} is not text'!r})")
            gen.emit(depth + 1, "rid = str(rid)")
            gen.emit(depth, "if rid is not None:")
            gen.emit(depth + 1, "rid = rid.strip()")
            gen.emit(depth, "if not rid or rid.isspace():")
            gen.emit(depth + 1, f"raise {me}(key, 'remote_id', {f'{field_map.remote_id} is empty'!r})")
        elif len(key_vars) == 1:
            var = key_vars[0][0]
            gen.emit(depth, f"rid = {var} if {var}.__class__ is str else str({var})")
        else:
            joined = [piece for var, _ in key_vars for piece in ((True, ":"), (False, var))][1:]
            gen.emit(depth, f"rid = {gen.fstring(joined)}")  # companyId:employeeId
    for path in _shared_ref_paths(plans):
        var = gen.local("h")
        gen.emit(depth, f"{var} = {gen.path_expr(path)}")
        gen.trimmed(depth, var)
        gen.hoisted[path] = var
    if gen.fast:
        gen.emit(depth, f"d = {template(gen, model)}.copy()")  # the instance dict, filled as fields are made
    outputs = []
    for plan in plans:
        ftype = field_type(model, plan.key) if gen.fast else None
        var, _ = _generate_field(gen, plan, depth, ftype, top=True)
        outputs.append((plan, var))
    gen.emit(2, f"except {me} as exc:")
    gen.emit(3, "raise exc.located(key, _f) from None")
    gen.emit(2, "except Exception as exc:")
    gen.emit(3, f"raise {me}(key, _f, {gen.bind(runtime.describe, 'desc')}(exc)) from exc")
    lineage = ", ".join(f"{name!r}: {expr}" for name, expr in gen.lineage_exprs)
    if gen.fast:
        emit_model(gen, model, outputs, has_remote_id, f"{{{lineage}}}")
        params, function = "joined, problems, raw", "build_record"
    else:
        entries = ["'id': id_"] + (["'remote_id': rid"] if has_remote_id else [])
        entries += [f"{plan.key!r}: {var}" for plan, var in outputs if not plan.omit_none]
        gen.emit(2, f"out = {{{', '.join(entries)}}}")
        gen.emit(2, "if probs is not None:")
        gen.emit(3, f"out[{PROBLEMS!r}] = probs")
        for plan, var in outputs:
            if plan.omit_none:
                gen.emit(2, f"if {var} is not None:")
                gen.emit(3, f"out[{plan.key!r}] = {var}")
        gen.emit(2, f"return out, {{{lineage}}}" if gen.traced else "return out")
        params, function = "joined", "map_traced" if gen.traced else "map_record"
    header = [f"def __factory__({', '.join(gen.names)}):", f"    def {function}({params}):"]
    footer = [f"    return {function}"]
    return "\n".join(header + gen.lines + footer) + "\n"


def _shared_reads(field_map: MapSpec, plans: list[FieldPlan]) -> list[Path]:
    """The API names (one segment) read more than once: by the key and by fields, or by two fields."""
    seen: dict[Path, int] = {path: 1 for path in field_map.key if len(path.segments) == 1}
    pending = list(plans)
    while pending:
        plan = pending.pop()
        source = plan.source
        if isinstance(source, list):
            pending.extend(source)
            continue
        paths: tuple[Path, ...] = ()
        if isinstance(source, FromSource | CustomFieldsSource):
            paths = (source.path,)
        elif isinstance(source, CoalesceSource):
            paths = source.paths
        elif isinstance(source, TemplateSource):
            paths = tuple(p for p in source.parts if isinstance(p, Path))
        for path in paths:
            if len(path.segments) == 1:
                seen[path] = seen.get(path, 0) + 1
    return [path for path, count in seen.items() if count > 1]


def _shared_ref_paths(plans: list[FieldPlan]) -> list[Path]:
    """The reference key paths several fields read (``employment.companyID``): read once per record.

    Only a record's own API names (a ``dict.get``, which cannot fail), so reading early changes nothing.
    """
    seen: dict[Path, int] = {}
    pending = list(plans)
    while pending:
        plan = pending.pop()
        if isinstance(plan.source, list):  # an object's sub-fields, a list's items
            pending.extend(plan.source)
        if plan.spec.ref is not None:
            for part in plan.spec.ref.key:
                if isinstance(part, Path) and len(part.segments) == 1:
                    seen[part] = seen.get(part, 0) + 1
    return [path for path, count in seen.items() if count > 1]


def _materialise(source: str, names: dict[str, Any], label: str) -> Callable[..., Any]:
    filename = f"<field map {label} #{next(_COUNTER)}>"
    code = compile(source, filename, "exec")
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # the source is generated above; map strings enter it only via repr()
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    function = namespace["__factory__"](**names)
    # The source stays readable in tracebacks while the function lives, and no longer: a worker compiles
    # each account's maps on every sync, and the entries would otherwise pile up for good.
    weakref.finalize(function, linecache.cache.pop, filename, None)
    return function
