"""An account's overrides: replace the source of a unified field, keep the field's other steps.

``{"department_id": {"label": "Cost Center"}, "work_email": "person.emailAddressAlternate"}`` — keys are
unified fields (``home_address.city`` for a nested sub-field), values a path, ``{"from": path}`` or
``{"label": ...}``. They are validated like maps; each fault is an issue in ``<overrides>``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from field_maps.model_info import describe_fields, fillable_fields
from field_maps.schema import json_path, schema_issues
from field_maps.spec import FieldSpec, FromSource, LabelSource, MapSpec, ObjectSource
from field_maps.spec_builder import SpecBuilder

__all__ = ["OVERRIDES_FILE", "apply_overrides"]

OVERRIDES_FILE = "<overrides>"
"""The file name on issues about an account's overrides."""


def apply_overrides(
    field_map: MapSpec, overrides: Mapping[str, Any], builder: SpecBuilder
) -> dict[str, FieldSpec]:
    """The map's field specs with ``overrides`` applied; every fault goes to ``builder.issues``.

    Overrides are checked against the schema's ``Overrides`` definition, then like map fields: the
    field must exist, a path's alias must be a source, a ``$label`` ref needs a label, an object is
    overridden sub-field by sub-field.
    """
    fields = dict(field_map.fields)
    found = schema_issues(overrides, file=OVERRIDES_FILE, definition="Overrides")
    builder.issues.extend(found)
    if found or not isinstance(overrides, Mapping):
        return fields
    allowed = fillable_fields(field_map.model_cls)
    infos = describe_fields(field_map.model_cls)
    for name, raw in overrides.items():
        parts = (name,)
        top, _, sub = name.partition(".")
        if top not in allowed:
            builder.issue(parts, f"{top!r} is not a field of {field_map.model} that a map may fill")
            continue
        raw = {"from": raw} if isinstance(raw, str) else raw
        if "from" in raw:
            path = builder.path(_by_alias(field_map, raw["from"]), (*parts, "from"))
            if path is None:
                continue
            source: Any = FromSource(path)
        else:
            source = LabelSource(raw["label"], bool(raw.get("required_label", False)))
        info = infos[top]
        existing = fields.get(top)
        if sub:
            if info.nested is None:
                builder.issue(parts, f"{top} is not a nested object, so {name} names nothing")
                continue
            if sub not in fillable_fields(info.nested):
                builder.issue(parts, f"{sub!r} is not a field of {info.nested.__name__}")
                continue
            parent_source = existing.source if existing is not None else ObjectSource({})
            if not isinstance(parent_source, ObjectSource):
                builder.issue(parts, f"{top} is not mapped as an object here; override {top} itself")
                continue
            subs = dict(parent_source.fields)
            subs[sub] = _replaced(subs.get(sub), sub, source, name, builder)
            parent = existing or FieldSpec(top, ObjectSource({}), json_path((top,)))
            fields[top] = dataclasses.replace(parent, source=ObjectSource(subs))
            continue
        if existing is not None and isinstance(existing.source, ObjectSource):
            builder.issue(parts, f"{top} is a nested object: override its sub-fields, e.g. {top}.line1")
            continue
        fields[top] = _replaced(existing, top, source, name, builder)
    return fields


def _by_alias(field_map: MapSpec, text: str) -> str:
    """``employment-details.orgLevel4Code`` → ``employment.orgLevel4Code`` when a source reads that record."""
    head, _, rest = text.partition(".")
    if field_map.source(head) is None:
        for source in field_map.sources:
            if source.record == head:
                return f"{source.name}.{rest}"
    return text


def _replaced(
    existing: FieldSpec | None, name: str, source: Any, where: str, builder: SpecBuilder
) -> FieldSpec:
    if existing is None:
        return FieldSpec(name, source, json_path((where,)))
    label_vars = (
        [p for p in existing.ref.key if isinstance(p, str) and p.startswith("$label.")]
        if existing.ref
        else []
    )
    if label_vars and not isinstance(source, LabelSource):
        builder.issue(
            (where,), f"{name}'s ref reads label variables ({', '.join(label_vars)}): override it by label"
        )
    return dataclasses.replace(existing, source=source)
