"""The typed, validated form of a field map: what the loader produces and the compiler reads.

Each class mirrors one definition of ``schema.json``. Instances are immutable; an account's
overrides produce new specs (``dataclasses.replace``), never edit a loaded map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

__all__ = [
    "MISSING",
    "CoalesceSource",
    "ConstSource",
    "CustomFieldsSource",
    "FieldSpec",
    "FromSource",
    "LabelSource",
    "ListSource",
    "MapSpec",
    "ObjectSource",
    "Path",
    "RefSpec",
    "SourceSpec",
    "TemplateSource",
    "ValueSource",
]


class _Missing:
    """The type of :data:`MISSING`."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING: Any = _Missing()
"""Marks a step that is absent (``default`` not given), as distinct from a ``null`` default."""


@dataclass(frozen=True, slots=True)
class Path:
    """A source alias and the API-name segments under it: ``employment.orgLevel3Code``."""

    alias: str
    segments: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Path:
        """Split ``alias.api.name``; the caller has checked the shape against the schema."""
        alias, *segments = text.split(".")
        return cls(alias, tuple(segments))

    @property
    def api_path(self) -> str:
        """The API-name part: ``orgLevel3Code``."""
        return ".".join(self.segments)

    def __str__(self) -> str:
        return ".".join((self.alias, *self.segments))


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One provider record the map reads (``sources[i]``).

    ``key`` holds the API names of its join key in its own records. ``on`` (joined sources only) holds
    the API names in the primary record whose values it joins on, position by position; empty means
    the primary's own key.
    """

    name: str
    record: str
    key: tuple[str, ...]
    required: bool = False
    on: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FromSource:
    """Source: the value at one path."""

    path: Path


@dataclass(frozen=True, slots=True)
class CoalesceSource:
    """Source: the first non-empty value of several paths."""

    paths: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class TemplateSource:
    """Source: literal text and paths alternating; ``parts`` holds ``str`` literals and :class:`Path` s."""

    text: str
    parts: tuple[str | Path, ...]


@dataclass(frozen=True, slots=True)
class ConstSource:
    """Source: one value for every record."""

    value: Any


@dataclass(frozen=True, slots=True)
class LabelSource:
    """Source: the field the customer gives ``label``, resolved when compiling."""

    label: str
    required: bool = False


@dataclass(frozen=True, slots=True)
class ObjectSource:
    """Source: a nested model built from sub-field specs."""

    fields: Mapping[str, FieldSpec]


@dataclass(frozen=True, slots=True)
class ListSource:
    """Source: a list field built from item specs (empty items left out)."""

    items: tuple[FieldSpec, ...]


@dataclass(frozen=True, slots=True)
class CustomFieldsSource:
    """Source: label/value pairs at ``path`` read into ``{label: value}``."""

    path: Path
    label_key: str = "field"
    value_key: str = "value"
    types: Mapping[str, str] = field(default_factory=dict)


ValueSource = (
    FromSource
    | CoalesceSource
    | TemplateSource
    | ConstSource
    | LabelSource
    | ObjectSource
    | ListSource
    | CustomFieldsSource
)
"""Any of the eight source kinds."""


@dataclass(frozen=True, slots=True)
class RefSpec:
    """Turn the value into the stable id of another unified record.

    ``key`` items are :class:`Path` s, the string ``"$value"``, or ``"$label.<var>"``.
    """

    model: str
    key: tuple[Path | str | int, ...]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """How one unified field is filled: a source, then type → transforms → code table → enum → ref → default.

    ``json_path`` says where the spec is in its file, for error messages.
    """

    name: str
    source: ValueSource
    json_path: str
    type: str | None = None
    transforms: tuple[str, ...] = ()
    code_table: str | None = None
    enum: Mapping[str, str | None] | None = None
    unknown: str | None = None
    ref: RefSpec | None = None
    default: Any = MISSING


@dataclass(frozen=True, slots=True, eq=False)
class MapSpec:
    """A validated field map document for one unified model: what :class:`~field_maps.FieldMap` holds.

    The compiler's parts read this; a loaded map is a :class:`~field_maps.FieldMap`, which adds
    ``compile``.

    Attributes:
        file: the file it was loaded from.
        model: the unified model's class name; ``model_cls`` the class.
        description: what the map reads.
        sources: the provider records read; the first is the primary.
        key: paths of the provider key parts; ``remote_id`` the path of the provider id, if given.
        fields: unified field name → :class:`FieldSpec`, in file order.
        transforms: the transform registry the map was validated against.
        models: the model registry the map was validated against.

    """

    file: str
    model: str
    model_cls: type[BaseModel]
    description: str
    sources: tuple[SourceSpec, ...]
    key: tuple[Path, ...]
    remote_id: Path | None
    fields: Mapping[str, FieldSpec]
    transforms: Mapping[str, Callable[[Any], Any]] = field(repr=False)
    models: Mapping[str, type[BaseModel]] = field(repr=False)

    def labelled_fields(self) -> Iterator[tuple[str, str, FieldSpec]]:
        """Each field read by the customer's label (``label:``): its name, the label and its spec.

        Names are dotted for sub-fields. For a connector whose labels are its data's own names (a CSV
        file's column headers).
        """
        pending: list[tuple[str, FieldSpec]] = list(self.fields.items())
        while pending:
            name, spec = pending.pop(0)
            if isinstance(spec.source, LabelSource):
                yield name, spec.source.label, spec
            elif isinstance(spec.source, ObjectSource):
                pending[:0] = [(f"{name}.{k}", v) for k, v in spec.source.fields.items()]

    @property
    def code_tables(self) -> frozenset[str]:
        """The names of the provider code tables this map's fields decode with (``code_table``)."""
        found: set[str] = set()
        pending = list(self.fields.values())
        while pending:
            spec = pending.pop()
            if spec.code_table:
                found.add(spec.code_table)
            if isinstance(spec.source, ObjectSource):
                pending.extend(spec.source.fields.values())
            elif isinstance(spec.source, ListSource):
                pending.extend(spec.source.items)
        return frozenset(found)

    @property
    def primary(self) -> SourceSpec:
        """The primary source: one unified record per primary record."""
        return self.sources[0]

    def source(self, alias: str) -> SourceSpec | None:
        """The source named ``alias``, or ``None``."""
        for source in self.sources:
            if source.name == alias:
                return source
        return None
