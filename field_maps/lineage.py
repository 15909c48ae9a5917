"""Lineage: for each unified field, the provider API name (and the customer's label) it comes from.

API names are written ``<record>.<api name path>`` (``employment-details.orgLevel3Code``), so they
mean the same in every map. The label is the one the field was declared by, or else the customer's
label for that API name when the account's label table has one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from field_maps.labels import LabelTable
from field_maps.spec import (
    CoalesceSource,
    CustomFieldsSource,
    FromSource,
    MapSpec,
    Path,
    SourceSpec,
    TemplateSource,
)
from unified_models import FieldSource

if TYPE_CHECKING:
    from field_maps.plan import FieldPlan

__all__ = ["api_name", "label_of", "make_source", "static_lineage", "with_value"]


def api_name(sources: Mapping[str, SourceSpec], path: Path) -> str:
    """``employment.orgLevel3Code`` → ``employment-details.orgLevel3Code``."""
    return f"{sources[path.alias].record}.{path.api_path}"


def label_of(labels: LabelTable | None, sources: Mapping[str, SourceSpec], path: Path) -> str | None:
    """The customer's label for ``path``, looked up by record name first, then by alias."""
    if labels is None:
        return None
    return labels.label_of(api_name(sources, path)) or labels.label_of(str(path))


def make_source(api: str | None, label: str | None) -> FieldSource:
    """A :class:`FieldSource` without a value."""
    return FieldSource(api_name=api, label=label)


def with_value(source: FieldSource, value: Any) -> FieldSource:
    """``source`` carrying the provider's own value (the code behind an enum)."""
    return FieldSource(api_name=source.api_name, label=source.label, source_value=value)


def static_lineage(
    field_map: MapSpec, plans: list[FieldPlan], labels: LabelTable | None
) -> dict[str, FieldSource]:
    """Unified field (dotted for sub-fields) → where it comes from, as planned for one account."""
    sources = {s.name: s for s in field_map.sources}
    result: dict[str, FieldSource] = {}
    if field_map.remote_id is not None and "remote_id" in field_map.model_cls.model_fields:
        result["remote_id"] = make_source(
            api_name(sources, field_map.remote_id),
            label_of(labels, sources, field_map.remote_id),
        )

    def visit(plan: FieldPlan) -> None:
        source = plan.source
        if isinstance(source, list):
            for sub in source:
                visit(sub)
            return
        if isinstance(source, FromSource):
            api = api_name(sources, source.path)
            label = plan.label or label_of(labels, sources, source.path)
        elif isinstance(source, CoalesceSource):
            api = " | ".join(api_name(sources, p) for p in source.paths)
            label = None
        elif isinstance(source, TemplateSource):
            api = ", ".join(api_name(sources, p) for p in source.parts if isinstance(p, Path))
            label = None
        elif isinstance(source, CustomFieldsSource):
            api, label = api_name(sources, source.path), None
        else:
            api, label = None, plan.label
        result[plan.name] = make_source(api, label)

    for plan in plans:
        visit(plan)
    return result
