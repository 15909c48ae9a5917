"""What a building function adds to the generated code: each value made sure of, the model built.

A building function (:func:`field_maps.codegen.generate` with ``build``) builds the model instance as
``model_construct`` would, without pydantic's validation: :func:`emit_check` makes sure of each field
as :mod:`.proof` tells (nothing, a class test, or the field's own validator; a failure makes the
function return ``None`` so the record is validated), :func:`emit_construct` fills a model's four
instance slots, :func:`emit_model` ends the function.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from pydantic import BaseModel

from field_maps import runtime
from field_maps.codewriter import CodeWriter
from field_maps.plan import FieldPlan
from field_maps.proof import CHECKED, PROVEN, FieldType, Produces, constructible
from field_maps.spec import MapSpec

__all__ = ["STORED", "buildable", "emit_check", "emit_construct", "emit_model", "template"]

STORED = ""
"""What the generator returns for a field stored straight into the instance dict ``d`` (no local)."""

_VALID_MEMORY = 4_096  # validated texts kept per field (country codes, currencies)


def emit_check(
    gen: CodeWriter,
    plan: FieldPlan,
    var: str,
    ftype: FieldType,
    produces: Produces,
    depth: int,
    *,
    defaulted: bool,
) -> None:
    """Make sure of ``var`` as its model field would be: nothing (proven), a class test, or its validator.

    A value that fails makes the building function return ``None``, so the record is validated.
    ``defaulted``: a ``None`` leaves the field out, so it gets its default (never validated).
    """
    check = ftype.check_of(produces)
    gen.checks[plan.name] = check
    nullable = ftype.nullable or defaulted
    if check == PROVEN:
        if not nullable:
            gen.emit(depth, f"if {var} is None:")
            gen.emit(depth + 1, "return None")
        return
    if check == CHECKED:
        if ftype.members is not None:
            gen.emit(depth, f"if {var}.__class__ is str:")
            gen.emit(depth + 1, f"{var} = {gen.bind(ftype.members, 'MB')}.get({var}, {var})")
        if ftype.utc or ftype.exact is Decimal or ftype.item is not None:
            kept = f"{gen.bind(ftype.keeps, 'KP')}({var})"
        else:
            kept = f"{var}.__class__ is {gen.bind(ftype.exact, 'C')}"
        test = f"{var} is not None and not {kept}" if nullable else f"{var} is None or not {kept}"
        gen.emit(depth, f"if {test}:")
        gen.emit(depth + 1, "return None")
        return
    # The field's own validator, its answers for texts remembered (a few country codes, currencies).
    memory, miss = gen.bind({}, "VM"), gen.bind(runtime.MISS, "MISS")
    validator = gen.bind(ftype.validator, "V")
    if nullable:
        gen.emit(depth, f"if {var} is not None:")
        depth += 1
    gen.emit(depth, f"w = {memory}.get({var}, {miss}) if {var}.__class__ is str else {miss}")
    gen.emit(depth, f"if w is {miss}:")
    gen.emit(depth + 1, "try:")
    gen.emit(depth + 2, f"w = {validator}({var})")
    gen.emit(depth + 1, f"except {gen.bind(Exception, 'EX')}:")
    gen.emit(depth + 2, "return None")
    gen.emit(depth + 1, f"if {var}.__class__ is str and w.__class__ is str:")
    gen.emit(depth + 2, f"if len({memory}) >= {_VALID_MEMORY}:")
    gen.emit(depth + 3, f"{memory}.clear()")
    gen.emit(depth + 2, f"{memory}[{var}] = w")
    gen.emit(depth, f"{var} = w")


def _default_expr(gen: CodeWriter, model: type[BaseModel], name: str) -> str:
    """The expression of a field's default, as validation fills it in."""
    info = model.model_fields[name]
    if info.default_factory is not None:
        return f"{gen.bind(info.default_factory, 'DF')}()"
    return gen.const(info.default, "D")


def template(gen: CodeWriter, model: type[BaseModel]) -> str:
    """The closure variable holding ``model``'s instance dict of defaults, in field order.

    A large model's dict is a copy of it with the given fields then replaced: much cheaper than a dict
    display of every field. (A field with a default factory holds ``None`` until it is filled in.)
    """
    fields = model.model_fields.items()
    return gen.bind({n: None if f.default_factory is not None else f.default for n, f in fields}, "TD")


def emit_construct(
    gen: CodeWriter,
    depth: int,
    target: str,
    model: type[BaseModel],
    values: Mapping[str, str],
    fields_set: str,
    filled: str | None = None,
) -> None:
    """``target = model`` built from ``values`` (field → expression) as ``model_construct`` would.

    The instance dict is in the model's field order (as validation makes it, so JSON comes out alike);
    fields not in ``values`` get their defaults; ``fields_set`` is the expression of the set of fields
    given. ``filled`` names a copy of :func:`_template` some fields were already stored in.
    """
    set_dict, set_fields, set_extra, set_private = (gen.bind(s, "S") for s in runtime.SETTERS)
    names = list(model.model_fields)
    if filled is None and len(names) <= 8:
        entries = ", ".join(
            f"{name!r}: {values[name] if name in values else _default_expr(gen, model, name)}"
            for name in names
        )
        instance_dict = f"{{{entries}}}"
    else:
        if filled is None:
            filled = gen.local("d")
            gen.emit(depth, f"{filled} = {template(gen, model)}.copy()")
        for name in names:
            if name in values:
                gen.emit(depth, f"{filled}[{name!r}] = {values[name]}")
            elif model.model_fields[name].default_factory is not None:
                gen.emit(depth, f"{filled}[{name!r}] = {_default_expr(gen, model, name)}")
        instance_dict = filled
    gen.emit(depth, f"{target} = {gen.bind(object.__new__, 'new')}({gen.bind(model, 'M')})")
    gen.emit(depth, f"{set_dict}({target}, {instance_dict})")
    gen.emit(depth, f"{set_fields}({target}, {fields_set})")
    gen.emit(depth, f"{set_extra}({target}, None)")
    gen.emit(depth, f"{set_private}({target}, None)")


def buildable(field_map: MapSpec, plans: list[FieldPlan]) -> bool:
    """True when the map gets a building function.

    Its model may be built without validation, and the map gives every field the model requires.
    """
    model = field_map.model_cls
    if not constructible(model):
        return False
    given = {"id", "remote_id"} | {plan.key for plan in plans}
    return all(name in given for name, info in model.model_fields.items() if info.is_required())


def emit_model(
    gen: CodeWriter,
    model: type[BaseModel],
    outputs: list[tuple[FieldPlan, str]],
    has_remote_id: bool,
    lineage: str,
) -> None:
    """The building function's end: the model built from the values, its problems handed over."""
    values = {"id": "id_"} | ({"remote_id": "rid"} if has_remote_id else {})
    given = set(values)
    for plan, var in outputs:
        if var == STORED:
            given.add(plan.key)
        elif not plan.omit_none:
            values[plan.key] = var
            given.add(plan.key)
        elif model.model_fields[plan.key].is_required():
            gen.emit(2, f"if {var} is None:")
            gen.emit(3, "return None")  # validation reports the missing field
            values[plan.key] = var
            given.add(plan.key)
        else:
            values[plan.key] = f"{var} if {var} is not None else {_default_expr(gen, model, plan.key)}"
    if gen.traced:
        if "field_sources" not in model.model_fields:
            gen.emit(2, "return None")  # validation refuses the sources (and says so)
        values["field_sources"] = lineage
        given.add("field_sources")
    gen.emit(2, f"fs = {gen.bind(given, 'FS')}.copy()")
    for plan, var in outputs:
        if var != STORED and plan.omit_none and not model.model_fields[plan.key].is_required():
            gen.emit(2, f"if {var} is not None:")
            gen.emit(3, f"fs.add({plan.key!r})")
    gen.emit(2, "if raw is not None:")
    if "remote_data" in model.model_fields:
        gen.emit(3, "fs.add('remote_data')")
        gen.emit(3, "d['remote_data'] = raw")
    else:
        gen.emit(3, "return None")
    emit_construct(gen, 2, "m", model, values, "fs", filled="d")
    gen.emit(2, "if probs is not None and problems is not None:")
    gen.emit(3, "problems.extend(probs)")
    gen.emit(2, "return m")
