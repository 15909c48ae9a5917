"""What a compiled map may skip: validation proven once, at compile time, instead of on every record.

A compiled map builds its model without pydantic's per-record validation (``model_construct``'s
shortcut, done by the generated code) when each value it produces is one the model's validation
would keep exactly as it is. This module reads each model field's annotation once
(:func:`field_type`) and tells, for a field whose values the generated code can only produce as
:class:`Produces` says, which of three holds:

- ``proven``: every value it can produce is kept by validation (text from a parser, dates, UTC
  instants, stable ids, enum members, nested models built the same way): nothing runs per record;
- ``checked``: a class test in the generated code (``x.__class__ is str``) tells per value;
- ``validated``: the field's own pydantic validator runs on the value (constrained text such as a
  country code, custom fields, transforms of unknown result).

A value that fails its check, or its field's validator, sends the whole record down the validated
path (``model_validate``), which reports it exactly as before. Models with validators, private
attributes, aliases or a configuration that changes validation are always validated.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import BaseModel, StringConstraints, TypeAdapter, ValidationError, WithJsonSchema
from pydantic.functional_serializers import PlainSerializer, WrapSerializer

from unified_models.scalars import UtcDatetime

__all__ = [
    "CHECKED",
    "PROVEN",
    "VALIDATED",
    "FieldType",
    "Produces",
    "constructible",
    "field_type",
    "settle",
]

PROVEN = "proven"
"""Every value the generated code can produce is kept by validation; nothing runs per record."""
CHECKED = "checked"
"""A class test in the generated code tells, per value, whether validation would keep it."""
VALIDATED = "validated"
"""The field's own validator runs on each value (and its result is stored)."""

# Configuration that leaves validation of the fields as it is (frozen and extra act on the instance).
_NEUTRAL_CONFIG = frozenset({"frozen", "extra", "title", "json_schema_extra"})
# Metadata that only acts when serialising.
_SERIALISING = (PlainSerializer, WrapSerializer, WithJsonSchema)
# Defaults that can be shared between instances, as validation shares them.
_IMMUTABLE = (type(None), bool, int, float, str, Decimal, date, enum.Enum, tuple, frozenset)


@dataclass(frozen=True, slots=True)
class Produces:
    """What the generated code can produce for one field (besides ``None``), as far as it knows.

    Attributes:
        cls: the exact class of every value, or ``None`` when unknown.
        utc: datetimes are aware and in UTC (``tzinfo is UTC``).
        finite: decimals are finite.
        values: the exact values when they come from the map (``const``, an ``enum`` table,
            ``default``), already in the model's form where validation accepts them.
        item: with ``cls`` tuple: the exact class of every item.
        pattern: with ``cls`` str: a regular expression every text matches (as pydantic's
            ``StringConstraints(pattern=...)`` spells it).

    """

    cls: type | None = None
    utc: bool = False
    finite: bool = False
    values: tuple[Any, ...] | None = None
    item: type | None = None
    pattern: str | None = None


UNKNOWN = Produces()
"""Nothing known: anything a provider or a transform may return."""


@dataclass(frozen=True, slots=True)
class FieldType:
    """One model field's type, as the fast build reads it.

    Attributes:
        name: the field name.
        nullable: ``None`` is valid (validation keeps it).
        exact: the class whose instances validation keeps unchanged (``str``, ``int``, ``date``, an
            enum, a nested model...), or ``None`` when only the field's validator can tell.
        utc: with ``exact`` datetime: only aware datetimes in UTC are kept (``UtcDatetime``).
        members: for a text enum: value → member, what validation turns text into.
        item: with ``exact`` tuple (``tuple[str, ...]``): the exact class of the items.
        pattern: for text with only a pattern (``CountryCode``): the pattern. Only texts known to
            match it (:attr:`Produces.pattern`) are proven; others go to the validator.
        validator: the field's own validation (``TypeAdapter(annotation).validate_python``).

    """

    name: str
    nullable: bool
    exact: type | None
    utc: bool
    members: Mapping[str, Any] | None
    item: type | None
    pattern: str | None
    validator: Callable[[Any], Any]

    def keeps(self, value: Any) -> bool:
        """True when validation keeps ``value`` exactly as it is (what the run-time check tests)."""
        if value is None:
            return self.nullable
        if self.exact is None or value.__class__ is not self.exact:
            return False
        if self.utc:
            return bool(value.tzinfo is UTC)
        if self.exact is Decimal:
            return bool(value.is_finite())
        if self.item is not None:
            return all(v.__class__ is self.item for v in value)
        return True

    def accepts(self, produces: Produces) -> bool:
        """True when every non-``None`` value of ``produces`` is kept by validation."""
        if produces.values is not None:
            return all(v is None or self.keeps(v) for v in produces.values)
        if self.pattern is not None:
            return produces.cls is str and produces.pattern == self.pattern
        if self.exact is None or produces.cls is not self.exact:
            return False
        if self.utc and not produces.utc:
            return False
        if self.item is not None and produces.item is not self.item:
            return False
        return not (self.exact is Decimal and not produces.finite)

    def settle(self, value: Any) -> Any:
        """A map constant (``const``, an ``enum`` value, a ``default``) in the form validation gives it.

        A value validation refuses stays as it is: the run-time check then sends each record that
        has it to validation, which reports it.
        """
        if value is None or self.keeps(value):
            return value
        try:
            settled = self.validator(value)
        except (ValidationError, ValueError, TypeError):
            return value
        return settled if self.keeps(settled) else value

    def check_of(self, produces: Produces) -> str:
        """:data:`PROVEN`, :data:`CHECKED` or :data:`VALIDATED` for a field producing ``produces``."""
        if self.accepts(produces):
            return PROVEN
        return CHECKED if self.exact is not None else VALIDATED


def settle(field: FieldType, values: Mapping[Any, Any]) -> dict[Any, Any]:
    """An enum table with its values in the model's form (see :meth:`FieldType.settle`)."""
    return {code: field.settle(value) for code, value in values.items()}


def _optional_arm(annotation: Any) -> tuple[Any, bool]:
    """(the annotation without ``| None``, whether ``None`` is allowed)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(annotation)
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0], len(rest) < len(args)
    return annotation, annotation is None or annotation is type(None) or annotation is Any


_SCALAR_CLASSES = (str, int, float, bool, Decimal, date, datetime)
_Exact = tuple[type | None, bool, Mapping[str, Any] | None, type | None, str | None]
_UNKNOWN_TYPE: _Exact = (None, False, None, None, None)


def _exact(arm: Any) -> _Exact:
    """(exact class, utc, members, item class, pattern) of one annotation arm; all ``None`` when unknown."""
    if arm == UtcDatetime:
        return datetime, True, None, None, None
    origin = typing.get_origin(arm)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(arm)
        kept = [m for m in meta if not isinstance(m, _SERIALISING)]
        if not kept:
            return _exact(base)
        if base is str and len(kept) == 1 and isinstance(kept[0], StringConstraints):
            rest = {k: v for k, v in dataclasses.asdict(kept[0]).items() if v is not None and k != "pattern"}
            if kept[0].pattern is not None and not rest:
                return None, False, None, None, str(kept[0].pattern)
        return _UNKNOWN_TYPE
    if origin is tuple:
        args = typing.get_args(arm)
        if len(args) == 2 and args[1] is Ellipsis and args[0] in (str, int, date):
            return tuple, False, None, args[0], None
        return _UNKNOWN_TYPE
    if not isinstance(arm, type):
        return _UNKNOWN_TYPE
    if issubclass(arm, enum.Enum):
        members = {m.value: m for m in arm}
        if issubclass(arm, str) and all(type(v) is str for v in members):
            return arm, False, members, None, None
        return _UNKNOWN_TYPE
    if issubclass(arm, BaseModel):
        return (arm, False, None, None, None) if constructible(arm) else _UNKNOWN_TYPE
    if arm in _SCALAR_CLASSES:
        return arm, False, None, None, None
    return _UNKNOWN_TYPE


@cache
def field_type(model: type[BaseModel], name: str) -> FieldType:
    """The :class:`FieldType` of ``model.name`` (cached per class and field)."""
    info = model.model_fields[name]
    arm, nullable = _optional_arm(info.annotation)
    exact, utc, members, item, pattern = _exact(arm)
    if info.metadata and not all(isinstance(m, _SERIALISING) for m in info.metadata):
        exact, utc, members, item, pattern = _UNKNOWN_TYPE  # Field-level constraints: the validator decides.
    adapter: TypeAdapter[Any] = TypeAdapter(info.rebuild_annotation())
    return FieldType(name, nullable, exact, utc, members, item, pattern, adapter.validate_python)


@cache
def constructible(model: type[BaseModel]) -> bool:
    """True when ``model`` may be built from proven values without validation.

    It has no validators, ``model_post_init``, private attributes, aliases, validated or mutable
    defaults, and a configuration that does not change how fields validate.
    """
    if not issubclass(model, BaseModel) or getattr(model, "__pydantic_root_model__", False):
        return False
    if set(model.model_config) - _NEUTRAL_CONFIG or model.model_config.get("extra") == "allow":
        return False
    decorators = model.__pydantic_decorators__
    if decorators.validators or decorators.field_validators or decorators.root_validators:
        return False
    if decorators.model_validators or model.__pydantic_post_init__ is not None:
        return False
    if model.__private_attributes__:
        return False
    for name, info in model.model_fields.items():
        if info.alias not in (None, name) or info.validation_alias not in (None, name):
            return False
        if info.validate_default:
            return False
        if info.default_factory is not None:
            if info.default_factory_takes_validated_data:
                return False
        elif not info.is_required() and not isinstance(info.default, _IMMUTABLE):
            return False
    return True
