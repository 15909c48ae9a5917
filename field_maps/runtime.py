"""What the generated mapping functions call at run time: reading paths, reporting problems, building models.

Kept apart from the generator (:mod:`.codegen`) so each stays small; every name here is bound into a
generated function as a closure variable, never looked up per record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pydantic import BaseModel

from field_maps.errors import UNMAPPED, FieldProblem, MappingError

__all__ = [
    "MISS",
    "SETTERS",
    "custom_fields",
    "describe",
    "dig",
    "enum_key",
    "enum_table",
    "guard_transform",
    "problem",
    "template_text",
    "unmapped",
]

MISS = object()
"""A marker no value equals: a missed lookup."""

_SLOTS = BaseModel.__dict__
SETTERS: tuple[Callable[[Any, Any], None], ...] = (
    _SLOTS["__dict__"].__set__,
    _SLOTS["__pydantic_fields_set__"].__set__,
    _SLOTS["__pydantic_extra__"].__set__,
    _SLOTS["__pydantic_private__"].__set__,
)
"""The setters of a pydantic model's four instance slots (``__dict__``, fields set, extra, private), as
``model_construct`` fills them; called directly, they skip the frozen model's ``__setattr__``."""


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


def template_text(value: Any) -> str:
    """A template part's text: ``""`` for a missing or blank value, other values as ``str`` gives them."""
    if value is None:
        return ""
    if value.__class__ is str:
        return "" if value.isspace() else value
    return str(value)


def enum_key(value: Any) -> str:
    """The enum-table code of a value that is not text: ``true``/``false`` for booleans, else ``str``."""
    if value is True or value is False:
        return "true" if value else "false"
    return str(value)


def custom_fields(
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


def describe(exc: BaseException) -> str:
    """An exception in words: its class and its message."""
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def problem(
    problems: list[FieldProblem] | None, key: tuple[Any, ...], field: str, value: Any, exc: BaseException
) -> list[FieldProblem]:
    """Note that ``field`` was left empty because ``value`` failed; returns the (new) problem list."""
    reason = exc.reason if isinstance(exc, MappingError) else describe(exc)
    found = FieldProblem(key, field, f"{value!r:.80}", reason)
    if problems is None:
        return [found]
    problems.append(found)
    return problems


def unmapped(
    problems: list[FieldProblem] | None, key: tuple[Any, ...], field: str, code: Any
) -> list[FieldProblem]:
    """Note a code the field's enum table does not know (the field is null); returns the list."""
    found = FieldProblem(key, field, f"{code!r:.80}", "a code the map's enum table does not list", UNMAPPED)
    if problems is None:
        return [found]
    problems.append(found)
    return problems


def enum_table(table: Mapping[str, Any]) -> dict[str, Any]:
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
                None, None, f"transform {name} failed on {value!r:.60}: {describe(exc)}"
            ) from exc

    guarded.__name__ = f"guarded_{name}"
    return guarded
