"""The customer's labels for UKG Pro org levels, as a field-map label table.

UKG Pro has four org levels; each customer names them (``levelDescription`` in
``/configuration/v1/org-levels``: "Division", "Cost Center", "Department", ...). Employment rows
carry only ``orgLevel1Code`` … ``orgLevel4Code``, so which of them is the "Department" is known only
from these labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from hub.sdk import LabelTable, LabelTarget

__all__ = ["ORG_LEVEL_FIELDS", "label_table", "org_level_labels"]

ORG_LEVEL_FIELDS: dict[str, str] = {
    "Employee": "employment-details.orgLevel{level}Code",
    "Employment": "job-history-periods.orgLevel{level}Code",
}
"""Model → where its records carry the org-level code, per level."""


def org_level_labels(rows: Iterable[Mapping[str, Any]]) -> dict[int, str]:
    """Level number → the customer's label, from org-levels rows (first description seen wins)."""
    labels: dict[int, str] = {}
    for row in rows:
        level, label = row.get("level"), row.get("levelDescription")
        if isinstance(level, int) and 1 <= level <= 4 and isinstance(label, str) and label.strip():
            labels.setdefault(level, label.strip())
    return labels


def label_table(levels: Mapping[int, str], model: str) -> LabelTable:
    """The label table of one model: each customer label → the org-level code field of that level.

    ``Org Level N`` is always available too, so an account can override by level number.
    """
    template = ORG_LEVEL_FIELDS.get(model)
    if template is None:
        return LabelTable()
    entries: dict[str, LabelTarget] = {}
    for level in range(1, 5):
        target = LabelTarget(template.format(level=level), {"level": level})
        entries[f"Org Level {level}"] = target
        label = levels.get(level)
        if label and label.casefold() not in {k.casefold() for k in entries}:
            entries[label] = target
    return LabelTable(entries)
