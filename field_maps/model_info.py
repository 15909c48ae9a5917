"""What the engine needs to know about a unified model's fields, read from their pydantic annotations.

Kept apart so the loader's checks (enum targets, ``object`` only on nested models, ``custom_fields``
only on dicts, which ``type`` fits) and the compiler's default ``type`` come from one place.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import (
    AwareDatetime,
    BaseModel,
    FutureDate,
    FutureDatetime,
    NaiveDatetime,
    PastDate,
    PastDatetime,
)

from unified_models import model_fields_of

__all__ = ["META_FIELDS", "FieldInfo", "describe_fields", "fillable_fields"]

META_FIELDS = frozenset({"id", "remote_id", "remote_data", "field_sources"})
"""Fields a map never names under ``fields``: ``id`` comes from ``key``, ``remote_id`` from the top-level
``remote_id``, the others from the engine."""

_SCALARS: dict[Any, str] = {
    str: "string",
    int: "integer",
    float: "number",
    Decimal: "decimal",
    bool: "boolean",
    date: "date",
    datetime: "datetime",
}
# pydantic's constrained date types are not subclasses of date/datetime.
_PYDANTIC_DATES: dict[Any, str] = {
    AwareDatetime: "datetime",
    NaiveDatetime: "datetime",
    PastDatetime: "datetime",
    FutureDatetime: "datetime",
    PastDate: "date",
    FutureDate: "date",
}


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """One model field as the engine sees it.

    Attributes:
        name: the field name.
        kind: ``string``, ``integer``, ``number``, ``decimal``, ``boolean``, ``date``, ``datetime``
            (the ``type`` a map gets by default), ``enum``, ``model``, ``dict``, ``sequence`` or ``any``.
        enum_values: the allowed values of an enum or ``Literal`` field.
        nested: the model class of a nested-model field.

    """

    name: str
    kind: str
    enum_values: frozenset[str] | None = None
    nested: type[BaseModel] | None = None

    @property
    def default_type(self) -> str | None:
        """The parser a map uses for this field when it names no ``type``."""
        return self.kind if self.kind in _SCALARS.values() else None


def _unwrap(annotation: Any) -> Any:
    """The annotation without ``Optional``/``| None`` and ``Annotated``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin is typing.Union or origin is types.UnionType:
            rest = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(rest) == 1:
                annotation = rest[0]
                continue
        return annotation


def _info(name: str, annotation: Any) -> FieldInfo:
    base = _unwrap(annotation)
    origin = typing.get_origin(base)
    if origin is typing.Literal:
        return FieldInfo(name, "enum", frozenset(str(v) for v in typing.get_args(base)))
    if base in _PYDANTIC_DATES:
        return FieldInfo(name, _PYDANTIC_DATES[base])
    if isinstance(base, type):
        if issubclass(base, enum.Enum):
            return FieldInfo(name, "enum", frozenset(str(m.value) for m in base))
        if issubclass(base, BaseModel):
            return FieldInfo(name, "model", nested=base)
        if issubclass(base, bool):
            return FieldInfo(name, "boolean")
        for scalar, kind in _SCALARS.items():
            if base is scalar:
                return FieldInfo(name, kind)
        if issubclass(base, datetime):
            return FieldInfo(name, "datetime")
        if issubclass(base, date):
            return FieldInfo(name, "date")
        if issubclass(base, str):
            return FieldInfo(name, "string")
    container = origin or base
    if container in (dict, Mapping) or (isinstance(container, type) and issubclass(container, Mapping)):
        return FieldInfo(name, "dict")
    if container in (tuple, list, frozenset, set) or container is typing.Sequence:
        return FieldInfo(name, "sequence")
    return FieldInfo(name, "any")


@cache
def describe_fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """Every field of ``model`` described; cached per class."""
    return {name: _info(name, f.annotation) for name, f in model.model_fields.items()}


@cache
def fillable_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields a map may name under ``fields``: ``model_fields_of`` minus :data:`META_FIELDS`."""
    return frozenset(model_fields_of(model)) - META_FIELDS  # type: ignore[arg-type]
