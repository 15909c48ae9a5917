"""Customer labels: what a tenant calls a provider field, and where that field is.

Providers let a company rename fields: UKG Pro's "Org Level 3" may be a company's "Department" and
another company's "Cost Center". A connector reads these labels from the provider's configuration
(UKG: ``/configuration/v1/org-levels``) and hands the engine one :class:`LabelTable` per account.
A map may then declare a unified field by label (``department_id: {label: Department}``) and an
account may override a field by label; both resolve through the table when the map is compiled.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = ["LabelTable", "LabelTarget", "normalise_label"]


def normalise_label(label: str) -> str:
    """The form labels are compared in: case-folded, whitespace runs collapsed to one space."""
    return " ".join(label.split()).casefold()


@dataclass(frozen=True, slots=True)
class LabelTarget:
    """Where a labelled field lives, and facts about it a map may use.

    Attributes:
        path: the field's path: a provider record type and API name (``employment-details.orgLevel3Code``),
            or a map's source alias and API name (``employment.orgLevel3Code``); dotted for nesting.
        vars: values a map reads as ``$label.<name>`` in a ``ref`` key, e.g. ``{"level": 3}``.

    """

    path: str
    vars: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if (
            not isinstance(self.path, str)
            or "." not in self.path.strip(".")
            or self.path != self.path.strip()
        ):
            raise ValueError(f"label target path must look like 'record.apiName', got {self.path!r}")
        object.__setattr__(self, "vars", MappingProxyType(dict(self.vars)))


class LabelTable(Mapping[str, LabelTarget]):
    """One account's labels: customer label → :class:`LabelTarget`, looked up case- and space-insensitively.

    Build it from a mapping or pairs; a target may be given as a bare path string::

        LabelTable({"Department": LabelTarget("employment-details.orgLevel3Code", {"level": 3}),
                    "Badge": "user-defined-fields.personnelUserDefinedFields.personnelUDField01.value"})

    Two labels that normalise alike but point to different places raise ``ValueError``.
    """

    __slots__ = ("_by_key", "_by_path", "_labels")

    def __init__(
        self, entries: Mapping[str, LabelTarget | str] | Iterable[tuple[str, LabelTarget | str]] = ()
    ) -> None:
        items = entries.items() if isinstance(entries, Mapping) else entries
        self._by_key: dict[str, LabelTarget] = {}
        self._labels: dict[str, str] = {}
        self._by_path: dict[str, str] = {}
        for label, target in items:
            if not isinstance(label, str) or not label.strip():
                raise ValueError(f"a label must be non-empty text, got {label!r}")
            if isinstance(target, str):
                target = LabelTarget(target)
            if not isinstance(target, LabelTarget):
                raise TypeError(f"label {label!r}: target must be a LabelTarget or a path, got {target!r}")
            key = normalise_label(label)
            known = self._by_key.get(key)
            if known is not None and known != target:
                raise ValueError(f"label {label!r} is given twice with different targets")
            self._by_key[key] = target
            self._labels[key] = " ".join(label.split())
            self._by_path.setdefault(target.path, self._labels[key])

    def resolve(self, label: str) -> LabelTarget | None:
        """The target of ``label``, or ``None`` when this account has no such label."""
        return self._by_key.get(normalise_label(label))

    def display(self, label: str) -> str | None:
        """The label as the customer wrote it (whitespace tidied), or ``None`` when unknown."""
        return self._labels.get(normalise_label(label))

    def label_of(self, path: str) -> str | None:
        """The customer's label for a field path (``employment-details.orgLevel3Code``), if any."""
        return self._by_path.get(path)

    def __getitem__(self, label: str) -> LabelTarget:
        target = self.resolve(label)
        if target is None:
            raise KeyError(label)
        return target

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def __repr__(self) -> str:
        inner = ", ".join(f"{self._labels[k]!r}: {t.path!r}" for k, t in self._by_key.items())
        return f"LabelTable({{{inner}}})"
