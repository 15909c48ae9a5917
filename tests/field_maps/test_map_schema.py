"""The published schema: valid draft 2020-12, strict everywhere, documented, and every example valid."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from field_maps import SCHEMA, SCHEMA_ID, SCHEMA_PATH


def _walk(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            if key in ("examples", "const", "default", "enum"):
                continue
            yield from _walk(value, f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{pointer}/{index}")


def _examples() -> list[tuple[str, Any]]:
    return [
        (pointer, example)
        for pointer, schema in _walk(SCHEMA)
        if isinstance(schema.get("examples"), list)
        for example in schema["examples"]
    ]


def test_the_schema_is_valid_draft_2020_12_with_id_and_version() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$id"] == SCHEMA_ID
    assert SCHEMA["properties"]["version"]["const"] == 1
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == SCHEMA


def test_every_object_schema_forbids_unknown_keys() -> None:
    loose = [
        pointer
        for pointer, schema in _walk(SCHEMA)
        if "properties" in schema and schema.get("additionalProperties") is not False
    ]
    assert loose == []


def test_every_definition_has_title_description_and_examples() -> None:
    missing = [
        f"{name}: {key}"
        for name, definition in SCHEMA["$defs"].items()
        for key in ("title", "description", "examples")
        if not definition.get(key)
    ]
    assert missing == []


def test_there_are_many_examples() -> None:
    assert len(_examples()) >= 40


@pytest.mark.parametrize(("pointer", "example"), _examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_example_validates_against_its_definition(pointer: str, example: Any) -> None:
    registry: Registry = Registry().with_resource(SCHEMA_ID, Resource.from_contents(SCHEMA))
    validator = Draft202012Validator({"$ref": f"{SCHEMA_ID}#{pointer}"}, registry=registry)
    errors = [e.message for e in validator.iter_errors(example)]
    assert errors == [], f"example {example!r} at {pointer or '/'}"
