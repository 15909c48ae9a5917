"""The published JSON Schema of a field map (``schema.json``), and its errors in words a map author reads.

jsonschema's own messages quote regular expressions and whole sub-documents; :func:`schema_issues`
turns each error into a :class:`~field_maps.errors.MapIssue` at the JSON path of the offending value,
naming what was expected (``unknown key 'frm' (did you mean 'from'?)``).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from field_maps.errors import MapIssue

__all__ = ["SCHEMA", "SCHEMA_ID", "SCHEMA_PATH", "json_path", "schema_issues", "suggest", "validator_for"]

SCHEMA_PATH = Path(__file__).with_name("schema.json")
"""Where the published schema lives."""

SCHEMA: Mapping[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
"""The field-map JSON Schema (draft 2020-12)."""

SCHEMA_ID: str = SCHEMA["$id"]
"""The schema's ``$id``."""

_SOURCE_KEYS = ("from", "coalesce", "template", "const", "label", "object", "custom_fields")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@cache
def validator_for(definition: str | None = None) -> Draft202012Validator:
    """A validator for the whole map, or for one ``$defs`` entry (``"Overrides"``)."""
    if definition is None:
        return Draft202012Validator(SCHEMA)
    registry: Registry = Registry().with_resource(SCHEMA_ID, Resource.from_contents(SCHEMA))
    return Draft202012Validator({"$ref": f"{SCHEMA_ID}#/$defs/{definition}"}, registry=registry)


def json_path(parts: Sequence[str | int]) -> str:
    """``("fields", "hire_date", "type")`` → ``$.fields.hire_date.type``; ``[i]`` for list items."""
    out = ["$"]
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _IDENTIFIER.fullmatch(part):
            out.append(f".{part}")
        else:
            out.append("[" + json.dumps(part) + "]")
    return "".join(out)


def suggest(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` when a choice is close to ``word``, else ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _what(schema: Mapping[str, Any], instance: Any) -> str:
    title = schema.get("title")
    expected = title[0].lower() + title[1:] if isinstance(title, str) else "a valid value"
    examples = schema.get("examples")
    example = f", e.g. {examples[0]!r}" if examples else ""
    return f"expected {expected}{example}; got {_short(instance)}"


def _messages(error: ValidationError) -> list[tuple[list[str | int], str]]:
    """(path, message) pairs for one jsonschema error; empty to drop a redundant error."""
    path = list(error.absolute_path)
    instance, schema, kind = error.instance, error.schema, error.validator
    if kind == "additionalProperties" and isinstance(instance, Mapping):
        allowed = list(schema.get("properties", {}))
        extra = [k for k in instance if k not in allowed]
        return [
            (
                [*path, key],
                f"unknown key {key!r}{suggest(str(key), allowed)}; allowed here: {', '.join(allowed)}",
            )
            for key in extra
        ]
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return [(path, f"missing required key {missing!r}")]
    if (
        kind == "oneOf"
        and schema.get("oneOf")
        and all(set(option) == {"required"} for option in schema["oneOf"])
    ):
        if not isinstance(instance, Mapping):
            return []  # the type error for this value says it all
        keys = [k for option in schema["oneOf"] for k in option["required"]]
        found = [k for k in keys if k in instance]
        if found:
            return [(path, f"give only one of {', '.join(keys)}; found {', '.join(found)}")]
        near = "".join(suggest(str(k), keys) for k in instance if k not in _SOURCE_KEYS)
        return [(path, f"needs a source: one of {', '.join(keys)}{near}")]
    if kind in ("oneOf", "anyOf"):
        # Explain by the branch meant for this kind of value (a name, not a list of names).
        relevant = [e for e in error.context or () if e.validator != "type"]
        if relevant:
            return _messages(best_match(relevant))
        return [(path, _what(schema, instance))]
    if kind == "pattern":
        return [(path, _what(schema, instance))]
    if kind == "enum":
        choices = [str(c) for c in error.validator_value]
        return [
            (
                path,
                f"{_short(instance)} is not one of {', '.join(choices)}{suggest(str(instance), choices)}",
            )
        ]
    if kind == "const":
        return [(path, f"must be {error.validator_value!r}, got {_short(instance)}")]
    if kind == "type":
        expected = error.validator_value
        names = " or ".join(expected) if isinstance(expected, list) else expected
        if schema.get("title") in ("Full field spec", "Override object"):
            names = "a path (alias.apiName) or an object"
        return [(path, f"expected {names}, got {_short(instance)}")]
    if kind == "dependentRequired":
        quoted = error.message.split("'")
        if len(quoted) >= 5:  # "'enum' is a dependency of 'unknown'"
            return [(path, f"{quoted[3]!r} needs {quoted[1]!r} in the same spec")]
    return [(path, error.message)]


def schema_issues(
    instance: Any,
    *,
    file: str,
    lines: Mapping[tuple[str | int, ...], int] | None = None,
    definition: str | None = None,
    prefix: Sequence[str | int] = (),
) -> list[MapIssue]:
    """Every schema violation of ``instance`` as a :class:`MapIssue`, in document order.

    Args:
        instance: the parsed document (or the part checked against ``definition``).
        file: the file name put on each issue.
        lines: JSON path parts → line number, for ``MapIssue.line``.
        definition: a ``$defs`` name to check against instead of the whole schema.
        prefix: path parts prepended to every issue's path.

    """
    issues: list[MapIssue] = []
    seen: set[tuple[str, str]] = set()
    for error in validator_for(definition).iter_errors(instance):
        for parts, message in _messages(error):
            full = [*prefix, *parts]
            path = json_path(full)
            if (path, message) in seen:
                continue
            seen.add((path, message))
            line = _line_of(lines, full) if lines else None
            issues.append(MapIssue(file, path, message, line))
    return issues


def _line_of(lines: Mapping[tuple[str | int, ...], int], parts: Sequence[str | int]) -> int | None:
    parts = tuple(parts)
    while True:
        if parts in lines:
            return lines[parts]
        if not parts:
            return None
        parts = parts[:-1]
