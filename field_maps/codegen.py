"""Code generation: one plain Python function per compiled map.

The function maps a joined record (``{alias: record or None}``) to the unified values: local
variables, a direct ``dict.get`` per API name, the empty-value and text checks inlined, and every
helper (parsers, transforms, enum tables, ``stable_id``) bound as a closure variable. Applying a map
is the hot path of every sync, so no per-field objects or dispatch remain at run time.

Every string that comes from a map or an override reaches the generated source only through
``repr()``, so a map cannot inject code. The source is registered with :mod:`linecache`, so
tracebacks show it.
"""

from __future__ import annotations

import itertools
import linecache
import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from field_maps import lineage as lineage_mod
from field_maps.errors import UNMAPPED, FieldProblem, MappingError
from field_maps.labels import LabelTable
from field_maps.plan import FieldPlan, ItemPlans
from field_maps.spec import (
    MISSING,
    CoalesceSource,
    ConstSource,
    CustomFieldsSource,
    FromSource,
    MapSpec,
    Path,
    RefSpec,
    TemplateSource,
)
from unified_models import FieldSource, stable_id

__all__ = ["PROBLEMS", "dig", "generate", "guard_transform", "memo_stable_id"]

PROBLEMS = "__problems__"
"""The key under which a mapping function returns its record's :class:`FieldProblem` list (when any)."""

_COUNTER = itertools.count()
_EMPTY: Mapping[str, Any] = {}


def dig(value: Any, segments: tuple[str, ...]) -> Any:
    """Walk nested objects (and list positions) below the first API name."""
    for segment in segments:
        if value.__class__ is dict or isinstance(value, Mapping):
            value = value.get(segment)
        elif isinstance(value, list) and segment.isdigit():
            index = int(segment)
            value = value[index] if index < len(value) else None
        else:
            return None
    return value


def _template_text(value: Any) -> str:
    if value is None:
        return ""
    if value.__class__ is str:
        return "" if value.isspace() else value
    return str(value)


def _enum_key(value: Any) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    return str(value)


def _join_key(key: tuple[Any, ...]) -> str:
    return ":".join(part if part.__class__ is str else str(part) for part in key)


def _custom_fields(
    value: Any,
    label_key: str,
    value_key: str,
    parsers: Mapping[str, Callable[[Any], Any]] | None = None,
) -> dict[str, Any] | None:
    """``{label: value}`` from a list of pairs or an object whose values are pairs (UKG's UDFs).

    ``parsers`` (an object's slot → parser) types the values of those slots; a value that does not
    parse stays as it came.
    """
    if value is None:
        return None
    if isinstance(value, Mapping):
        items: Iterable[Any] = value.values()
        if parsers:
            items = (_parsed_pair(slot, item, value_key, parsers) for slot, item in value.items())
    elif isinstance(value, list):
        items = value
    else:
        raise MappingError(None, None, f"custom fields need a list or object of pairs, got {value!r:.60}")
    result: dict[str, Any] = {}
    for item in items:
        if not isinstance(item, Mapping):
            continue
        label, raw = item.get(label_key), item.get(value_key)
        if label is None or raw is None:
            continue
        label = " ".join(str(label).split())
        if not label or (raw.__class__ is str and (not raw or raw.isspace())):
            continue
        result[label] = raw
    return result or None


def _parsed_pair(slot: str, item: Any, value_key: str, parsers: Mapping[str, Callable[[Any], Any]]) -> Any:
    parse = parsers.get(slot)
    if parse is None or not isinstance(item, Mapping):
        return item
    raw = item.get(value_key)
    if raw is None or (raw.__class__ is str and (not raw or raw.isspace())):
        return item
    try:
        return {**item, value_key: parse(raw)}
    except (MappingError, ValueError, TypeError):
        return item


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _problem(
    problems: list[FieldProblem] | None, key: tuple[Any, ...], field: str, value: Any, exc: BaseException
) -> list[FieldProblem]:
    """Note that ``field`` was left empty because ``value`` failed; returns the (new) problem list."""
    reason = exc.reason if isinstance(exc, MappingError) else _describe(exc)
    found = FieldProblem(key, field, f"{value!r:.80}", reason)
    if problems is None:
        return [found]
    problems.append(found)
    return problems


_MISS = object()


def _unmapped(
    problems: list[FieldProblem] | None, key: tuple[Any, ...], field: str, code: Any
) -> list[FieldProblem]:
    """Note a code the field's enum table does not know (the field is null); returns the list."""
    found = FieldProblem(key, field, f"{code!r:.80}", "a code the map's enum table does not list", UNMAPPED)
    if problems is None:
        return [found]
    problems.append(found)
    return problems


def _enum_table(table: Mapping[str, Any]) -> dict[str, Any]:
    """An enum table whose codes are trimmed as the looked-up values are (UKG pads char codes)."""
    return {key.strip() if key.__class__ is str else key: value for key, value in table.items()}


def guard_transform(name: str, transform: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A plugin transform whose failures become a :class:`MappingError` naming it."""

    def guarded(value: Any) -> Any:
        try:
            return transform(value)
        except MappingError:
            raise
        except Exception as exc:
            raise MappingError(
                None, None, f"transform {name} failed on {value!r:.60}: {_describe(exc)}"
            ) from exc

    guarded.__name__ = f"guarded_{name}"
    return guarded


def memo_stable_id(limit: int = 16_384) -> Callable[[str, str, tuple[Any, ...]], str]:
    """:func:`~unified_models.stable_id` remembering its answers, for references.

    A map refers to the same few companies, groups and employees over and over; an id is worked out
    once per distinct key (text keys only: ``1`` and ``"1"`` make the same id, but other types are
    not worth the care). At most ``limit`` ids are kept; then the memory starts afresh.
    """
    cache: dict[tuple[str, str, tuple[Any, ...]], str] = {}

    def sid(connector: str, model: str, key: tuple[Any, ...]) -> str:
        for part in key:
            if part.__class__ is not str:
                return stable_id(connector, model, key)
        memo = (connector, model, key)
        found = cache.get(memo)
        if found is None:
            if len(cache) >= limit:
                cache.clear()
            found = cache[memo] = stable_id(connector, model, key)
        return found

    return sid


class _CodeGen:
    """Writes the mapping function's source and collects the objects it closes over."""

    def __init__(self, field_map: MapSpec, connector: str, used: Mapping[str, int], traced: bool) -> None:
        self.field_map = field_map
        self.connector = connector
        self.records = used  # alias → index of its local variables r<i>/g<i>
        self.traced = traced
        self.lines: list[str] = []
        self.names: dict[str, Any] = {}
        self._ids: dict[int, str] = {}
        self._count = itertools.count()
        self.lineage_exprs: list[tuple[str, str]] = []
        self.ref_id = memo_stable_id()  # one memory per generated function
        self.code_tables: Mapping[str, Mapping[str, str]] = {}

    def bind(self, value: Any, prefix: str) -> str:
        """A closure variable holding ``value`` (shared when bound twice)."""
        known = self._ids.get(id(value))
        if known is not None and self.names[known] is value:
            return known
        name = f"_{prefix}{next(self._count)}"
        self.names[name] = value
        self._ids[id(value)] = name
        return name

    def local(self, prefix: str) -> str:
        """A fresh local variable name."""
        return f"{prefix}{next(self._count)}"

    def emit(self, depth: int, text: str) -> None:
        """One line at ``depth`` (the function body is depth 2)."""
        self.lines.append("    " * depth + text)

    def path_expr(self, path: Path) -> str:
        """The expression reading ``path`` from its record."""
        getter = f"g{self.records[path.alias]}({path.segments[0]!r})"
        if len(path.segments) == 1:
            return getter
        return f"{self.bind(dig, 'dig')}({getter}, {path.segments[1:]!r})"

    def blank_to_none(self, depth: int, var: str) -> None:
        """Empty text becomes ``None``."""
        self.emit(depth, f"if {var}.__class__ is str and (not {var} or {var}.isspace()):")
        self.emit(depth + 1, f"{var} = None")

    def trimmed(self, depth: int, var: str) -> None:
        """Text is trimmed (UKG pads char codes: ``"NYC "``) and empty text becomes ``None``.

        For key parts and references, so a padded code and a trimmed one give the same stable id.
        """
        self.emit(depth, f"if {var}.__class__ is str:")
        self.emit(depth + 1, f"{var} = {var}.strip() or None")


def _generate_field(
    gen: _CodeGen,
    plan: FieldPlan,
    depth: int,
    parsers: Mapping[str, Callable[[Any], Any]],
    transforms: Mapping[str, Callable[[Any], Any]],
    labels: LabelTable | None,
) -> str:
    """Emit the statements computing one field into a fresh local; return that local's name."""
    source = plan.source
    if isinstance(source, ItemPlans):  # list: each item guarded on its own
        return _generate_list(gen, plan, source, depth, parsers, transforms, labels)
    if isinstance(source, list):  # object: each sub-field guarded on its own
        return _generate_object(gen, plan, source, depth, parsers, transforms, labels)
    sources = {s.name: s for s in gen.field_map.sources}
    gen.emit(depth, f"_f = {plan.name!r}")
    gen.emit(depth, "v = None")
    try_line = len(gen.lines)
    gen.emit(depth, "try:")
    outer, depth = depth, depth + 1
    lineage: FieldSource = lineage_mod.make_source(None, plan.label)
    lineage_expr: str | None = None
    if source is None:
        gen.emit(depth, "v = None")
    elif isinstance(source, FromSource):
        gen.emit(depth, f"v = {gen.path_expr(source.path)}")
        if plan.type is None:
            gen.blank_to_none(depth, "v")
        lineage = lineage_mod.make_source(
            lineage_mod.api_name(sources, source.path),
            plan.label or lineage_mod.label_of(labels, sources, source.path),
        )
    elif isinstance(source, CoalesceSource):
        choices = tuple(
            lineage_mod.make_source(
                lineage_mod.api_name(sources, p), lineage_mod.label_of(labels, sources, p)
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
        pieces = []
        api_names = []
        text = gen.bind(_template_text, "tt")
        for piece in source.parts:
            if isinstance(piece, Path):
                var = gen.local("t")
                gen.emit(depth, f"{var} = {gen.path_expr(piece)}")
                pieces.append(f"({var} if {var}.__class__ is str else {text}({var}))")
                api_names.append(lineage_mod.api_name(sources, piece))
            else:
                pieces.append(repr(piece))
        gen.emit(depth, f"v = ''.join(({', '.join(pieces)},)).strip() or None")
        lineage = lineage_mod.make_source(", ".join(api_names), None)
    elif isinstance(source, ConstSource):
        gen.emit(depth, f"v = {gen.bind(source.value, 'K')}")
    elif isinstance(source, CustomFieldsSource):
        helper = gen.bind(_custom_fields, "cf")
        typed = gen.bind({slot: parsers[kind] for slot, kind in source.types.items()}, "CP")
        keys = f"{source.label_key!r}, {source.value_key!r}"
        gen.emit(depth, f"v = {helper}({gen.path_expr(source.path)}, {keys}, {typed})")
        lineage = lineage_mod.make_source(lineage_mod.api_name(sources, source.path), None)
    raw_var = _generate_steps(gen, plan, depth, parsers, transforms)
    if raw_var is not None:  # read by the lineage even when the field failed
        gen.lines.insert(try_line, "    " * outer + f"{raw_var} = None")
    if lineage_expr is None:
        lineage_expr = gen.bind(lineage, "L")
    if raw_var is not None:
        lineage_expr = f"{gen.bind(lineage_mod.with_value, 'wv')}({lineage_expr}, {raw_var})"
    gen.lineage_exprs.append((plan.name, lineage_expr))
    result = gen.local("f")
    gen.emit(depth, f"{result} = v")
    # A value that cannot be used empties its field and is reported; the record is kept.
    gen.emit(outer, f"except {gen.bind(Exception, 'EX')} as exc:")
    gen.emit(outer + 1, f"{result} = None")
    gen.emit(outer + 1, f"probs = {gen.bind(_problem, 'pb')}(probs, key, _f, v, exc)")
    return result


def _generate_list(
    gen: _CodeGen,
    plan: FieldPlan,
    items: ItemPlans,
    depth: int,
    parsers: Mapping[str, Callable[[Any], Any]],
    transforms: Mapping[str, Callable[[Any], Any]],
    labels: LabelTable | None,
) -> str:
    """A list field: its items, each mapped and guarded on its own; empty items left out."""
    locals_ = [_generate_field(gen, item, depth, parsers, transforms, labels) for item in items]
    gen.emit(depth, f"_f = {plan.name!r}")
    gen.emit(depth, f"v = [x for x in ({', '.join(locals_)},) if x is not None] or None")
    result = gen.local("f")
    gen.emit(depth, f"{result} = v")
    return result


def _generate_object(
    gen: _CodeGen,
    plan: FieldPlan,
    subs: list[FieldPlan],
    depth: int,
    parsers: Mapping[str, Callable[[Any], Any]],
    transforms: Mapping[str, Callable[[Any], Any]],
    labels: LabelTable | None,
) -> str:
    """An object field: its sub-plans, each with its own lineage entry and its own guard."""
    locals_ = [(sub.key, _generate_field(gen, sub, depth, parsers, transforms, labels)) for sub in subs]
    gen.emit(depth, f"_f = {plan.name!r}")
    body = ", ".join(f"{key!r}: {var}" for key, var in locals_)
    gen.emit(depth, f"v = {{{body}}}")
    if locals_:
        gen.emit(depth, f"if {' and '.join(f'{var} is None' for _, var in locals_)}:")
        gen.emit(depth + 1, "v = None")
    _generate_steps(gen, plan, depth, parsers, transforms)
    result = gen.local("f")
    gen.emit(depth, f"{result} = v")
    return result


def _generate_steps(
    gen: _CodeGen,
    plan: FieldPlan,
    depth: int,
    parsers: Mapping[str, Callable[[Any], Any]],
    transforms: Mapping[str, Callable[[Any], Any]],
) -> str | None:
    """Type → transform → enum → ref → default, on the local ``v``.

    Returns the local holding the provider's code before the enum step, in traced code.
    """
    raw_var = None
    spec = plan.spec
    if plan.type == "string":
        gen.emit(depth, "if v.__class__ is str:")
        gen.emit(depth + 1, "if not v or v.isspace():")
        gen.emit(depth + 2, "v = None")
        gen.emit(depth, "elif v is not None:")
        gen.emit(depth + 1, f"v = {gen.bind(parsers['string'], 'P')}(v)")
    elif plan.type is not None:
        gen.emit(depth, "if v is not None:")
        gen.emit(depth + 1, f"v = {gen.bind(parsers[plan.type], 'P')}(v)")
    for name in spec.transforms:
        gen.emit(depth, "if v is not None:")
        gen.emit(depth + 1, f"v = {gen.bind(transforms[name], 'T')}(v)")
    if spec.code_table is not None:
        if gen.traced:
            raw_var = gen.local("sv")
            gen.emit(depth, f"{raw_var} = v")
        decoded = gen.code_tables.get(spec.code_table)
        if decoded:
            codes = gen.bind(_enum_table(decoded), "CT")
            gen.emit(depth, "if v is not None:")
            gen.emit(depth + 1, "v = v.strip() if v.__class__ is str else str(v)")
            gen.emit(depth + 1, f"v = {codes}.get(v, v) or None")
    if spec.enum is not None:
        table = gen.bind(_enum_table(spec.enum), "E")
        unknown = gen.bind(spec.unknown, "U")
        if gen.traced and raw_var is None:
            raw_var = gen.local("sv")
            gen.emit(depth, f"{raw_var} = v")
        gen.emit(depth, "if v is not None:")
        if spec.unknown is None:
            # A code the table does not know gives null, and is noted: the run report counts them.
            code, miss = gen.local("code"), gen.bind(_MISS, "MISS")
            as_key = gen.bind(_enum_key, "ek")
            gen.emit(depth + 1, f"{code} = v.strip() if v.__class__ is str else {as_key}(v)")
            gen.emit(depth + 1, f"v = {table}.get({code}, {miss})")
            gen.emit(depth + 1, f"if v is {miss}:")
            gen.emit(depth + 2, "v = None")
            gen.emit(depth + 2, f"probs = {gen.bind(_unmapped, 'um')}(probs, key, _f, {code})")
        else:
            gen.emit(
                depth + 1,
                f"v = {table}.get(v.strip() if v.__class__ is str else {gen.bind(_enum_key, 'ek')}(v), "
                f"{unknown})",
            )
    if spec.ref is not None:
        _generate_ref(gen, plan, spec.ref, depth)
    if spec.default is not MISSING and spec.default is not None:
        gen.emit(depth, "if v is None:")
        gen.emit(depth + 1, f"v = {gen.bind(spec.default, 'D')}")
    return raw_var


def _generate_ref(gen: _CodeGen, plan: FieldPlan, ref: RefSpec, depth: int) -> None:
    gen.trimmed(depth, "v")
    gen.emit(depth, "if v is not None:")
    parts: list[str] = []
    checks: list[str] = []
    for part in ref.key:
        if isinstance(part, Path):
            var = gen.local("a")
            gen.emit(depth + 1, f"{var} = {gen.path_expr(part)}")
            gen.trimmed(depth + 1, var)
            parts.append(var)
            checks.append(f"{var} is not None")
        elif isinstance(part, int):
            parts.append(repr(part))
        elif part == "$value":
            parts.append("v")
        else:
            value = plan.label_vars.get(part.removeprefix("$label."))
            parts.append(gen.bind(value, "LV"))
            if value is None:
                checks.append("False")
    sid = gen.bind(gen.ref_id, "rid")
    call = f"{sid}({gen.connector!r}, {ref.model!r}, ({', '.join(parts)},))"
    if checks:
        gen.emit(depth + 1, f"v = {call} if {' and '.join(checks)} else None")
    else:
        gen.emit(depth + 1, f"v = {call}")


def generate(
    field_map: MapSpec,
    plans: list[FieldPlan],
    *,
    connector: str,
    parsers: Mapping[str, Callable[[Any], Any]],
    transforms: Mapping[str, Callable[[Any], Any]],
    labels: LabelTable | None,
    traced: bool = False,
    code_tables: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[Callable[[Mapping[str, Any]], Any], str]:
    """The mapping function of ``plans`` and its source.

    The function takes ``{alias: record or None}`` and returns the unified values (a dict); with
    ``traced`` it returns ``(values, {field: FieldSource})`` with the lineage of that very record.
    It raises :class:`MappingError` naming the record key and the field.
    """
    source, names = _source(
        field_map, plans, connector, parsers, transforms, labels, traced, code_tables or {}
    )
    label = f"{field_map.model} for {connector}{' (traced)' if traced else ''}"
    return _materialise(source, names, label), source


def _source(
    field_map: MapSpec,
    plans: list[FieldPlan],
    connector: str,
    parsers: Mapping[str, Callable[[Any], Any]],
    transforms: Mapping[str, Callable[[Any], Any]],
    labels: LabelTable | None,
    traced: bool,
    code_tables: Mapping[str, Mapping[str, str]],
) -> tuple[str, dict[str, Any]]:
    """(source, closure objects) of the mapping function."""
    used = {s.name: i for i, s in enumerate(field_map.sources)}
    gen = _CodeGen(field_map, connector, used, traced)
    gen.code_tables = code_tables
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
    key_vars = []
    for path in field_map.key:
        var = gen.local("k")
        gen.emit(depth, f"{var} = {gen.path_expr(path)}")
        gen.trimmed(depth, var)
        key_vars.append((var, path))
    gen.emit(depth, f"key = ({', '.join(v for v, _ in key_vars)},)")
    for var, path in key_vars:
        gen.emit(depth, f"if {var} is None:")
        gen.emit(depth + 1, f"raise {me}(key, 'id', {f'key part {path} is empty'!r})")
        # Ids are text or whole numbers: an object or a list would become its repr in a stable id.
        gen.emit(depth, f"if {var}.__class__ is not str and {var}.__class__ is not int:")
        gen.emit(depth + 1, f"raise {me}(key, 'id', {f'key part {path} is not text'!r})")
    for i, source in enumerate(field_map.sources[1:], start=1):
        if source.required:
            gen.emit(depth, f"if r{i} is None:")
            message = f"no matching {source.record} record (source {source.name} is required)"
            gen.emit(depth + 1, f"raise {me}(key, {source.record!r}, {message!r})")
    gen.emit(depth, f"id_ = {gen.bind(stable_id, 'sid')}({connector!r}, {field_map.model!r}, key)")
    has_remote_id = "remote_id" in field_map.model_cls.model_fields
    if has_remote_id:
        gen.emit(depth, "_f = 'remote_id'")
        if field_map.remote_id is not None:
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
            gen.emit(depth, f"rid = {gen.bind(_join_key, 'jk')}(key)")
    outputs = []
    for plan in plans:
        var = _generate_field(gen, plan, depth, parsers, transforms, labels)
        outputs.append((plan, var))
    gen.emit(2, f"except {me} as exc:")
    gen.emit(3, "raise exc.located(key, _f) from None")
    gen.emit(2, "except Exception as exc:")
    gen.emit(3, f"raise {me}(key, _f, {gen.bind(_describe, 'desc')}(exc)) from exc")
    entries = ["'id': id_"] + (["'remote_id': rid"] if has_remote_id else [])
    entries += [f"{plan.key!r}: {var}" for plan, var in outputs if not plan.omit_none]
    gen.emit(2, f"out = {{{', '.join(entries)}}}")
    gen.emit(2, "if probs is not None:")
    gen.emit(3, f"out[{PROBLEMS!r}] = probs")
    for plan, var in outputs:
        if plan.omit_none:
            gen.emit(2, f"if {var} is not None:")
            gen.emit(3, f"out[{plan.key!r}] = {var}")
    if traced:
        body = ", ".join(f"{name!r}: {expr}" for name, expr in gen.lineage_exprs)
        gen.emit(2, f"return out, {{{body}}}")
    else:
        gen.emit(2, "return out")
    params = ", ".join(gen.names)
    function = "map_traced" if traced else "map_record"
    header = [f"def __factory__({params}):", f"    def {function}(joined):"]
    footer = [f"    return {function}"]
    return "\n".join(header + gen.lines + footer) + "\n", gen.names


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
