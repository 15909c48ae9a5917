"""Planning a compile: each field's source resolved (labels), its sub-fields planned, its type settled.

The plan is what both the code generator and the lineage read, so the values a record gets and the
API names reported for them cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from field_maps.errors import MapIssue
from field_maps.labels import LabelTable, LabelTarget
from field_maps.model_info import FieldInfo, describe_fields
from field_maps.overrides import OVERRIDES_FILE
from field_maps.spec import (
    CoalesceSource,
    FieldSpec,
    FromSource,
    LabelSource,
    ListSource,
    MapSpec,
    ObjectSource,
    Path,
)

__all__ = ["FieldPlan", "ItemPlans", "plan_field", "resolve_label"]


class ItemPlans(list):  # type: ignore[type-arg]
    """The plans of a ``list`` field's items (a list of :class:`FieldPlan`, told apart from an object's)."""


@dataclass(slots=True)
class FieldPlan:
    """One unified field after overrides and labels: what the code generator and lineage read."""

    name: str  # dotted for nested sub-fields: home_address.line1
    key: str  # the key in its own object
    spec: FieldSpec
    info: FieldInfo
    # FromSource | CoalesceSource | TemplateSource | ConstSource | CustomFieldsSource,
    # list[FieldPlan] for an object, or None for a label this account lacks.
    source: Any
    type: str | None
    label: str | None = None
    label_vars: Mapping[str, Any] = field(default_factory=dict)
    omit_none: bool = False


def resolve_label(
    field_map: MapSpec, labels: LabelTable | None, source: LabelSource
) -> tuple[Path | None, LabelTarget | None, str]:
    """(path, target, problem): the path a label points to in this map, or why there is none."""
    target = labels.resolve(source.label) if labels is not None else None
    if target is None:
        return None, None, f"this account has no field labelled {source.label!r}"
    head, _, rest = target.path.partition(".")
    alias = head if field_map.source(head) else None
    if alias is None:
        alias = next((s.name for s in field_map.sources if s.record == head), None)
    if alias is None:
        return None, target, f"label {source.label!r} points to {target.path}, which this map does not read"
    return Path(alias, tuple(rest.split("."))), target, ""


def plan_field(
    field_map: MapSpec,
    spec: FieldSpec,
    info: FieldInfo,
    name: str,
    labels: LabelTable | None,
    warnings: list[str],
    issues: list[MapIssue],
    *,
    parent_model: type[BaseModel] | None = None,
) -> FieldPlan:
    """Resolve ``spec``'s label (if any), its sub-fields and its effective ``type``.

    An unresolvable label leaves the field empty with a warning, or is an issue with ``required_label``.
    """
    source: Any = spec.source
    label: str | None = None
    label_vars: Mapping[str, Any] = {}
    if isinstance(source, LabelSource):
        path, target, problem = resolve_label(field_map, labels, source)
        label = (labels.display(source.label) if labels is not None else None) or source.label
        if target is not None:
            label_vars = target.vars
        if path is None:
            if source.required:
                file = field_map.file if spec.json_path.startswith("$.fields") else OVERRIDES_FILE
                where = f"{spec.json_path}.label" if file == field_map.file else spec.json_path
                issues.append(MapIssue(file, where, f"{problem} (required_label)"))
            else:
                warnings.append(f"{name}: {problem}; the field is left empty")
            source = None
        else:
            source = FromSource(path)
        if spec.ref is not None and path is not None:
            for part in spec.ref.key:
                if isinstance(part, str) and part.startswith("$label."):
                    var = part.removeprefix("$label.")
                    if var not in label_vars:
                        warnings.append(
                            f"{name}: label {label!r} has no variable {var!r}; the field is left empty"
                        )
    elif isinstance(source, ListSource):
        source = ItemPlans(
            plan_field(
                field_map, item, info, f"{name}.{i}", labels, warnings, issues, parent_model=parent_model
            )
            for i, item in enumerate(source.items)
        )
    elif isinstance(source, ObjectSource):
        nested = info.nested
        assert nested is not None  # the loader allows object only on nested-model fields
        infos = describe_fields(nested)
        source = [
            plan_field(
                field_map, sub, infos[key], f"{name}.{key}", labels, warnings, issues, parent_model=nested
            )
            for key, sub in source.fields.items()
        ]
    effective = spec.type
    if (
        effective is None
        and not spec.transforms
        and spec.enum is None
        and spec.ref is None
        and isinstance(source, FromSource | CoalesceSource)
    ):
        effective = info.default_type
    model = parent_model or field_map.model_cls
    model_field = model.model_fields.get(info.name)
    omit_none = model_field is not None and (model_field.is_required() or model_field.default is not None)
    return FieldPlan(
        name=name,
        key=info.name,
        spec=spec,
        info=info,
        source=source,
        type=effective,
        label=label,
        label_vars=label_vars,
        omit_none=omit_none,
    )
