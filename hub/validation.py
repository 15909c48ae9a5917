"""Load-time validation of a connector declaration: every fault found, reported at once."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from hub.actions import ACTIONS
from hub.connector import Action, Connector

__all__ = ["ConnectorInvalid", "validate_connector"]

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"


class ConnectorInvalid(Exception):
    """A connector declaration failed validation; ``problems`` lists every fault."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def validate_connector(connector: object, transforms: Mapping[str, Callable[[Any], Any]]) -> dict[str, Any]:
    """Check a declaration; return its loaded field maps by model name, or raise :class:`ConnectorInvalid`."""
    if not isinstance(connector, Connector):
        raise ConnectorInvalid(
            [f"register() takes a hub.connector.Connector, got {type(connector).__name__}"]
        )
    problems: list[str] = []
    if not NAME_PATTERN.match(connector.name):
        problems.append(f"name {connector.name!r} must be lower-case snake case, 2-40 characters")
    if not connector.title.strip():
        problems.append("title is empty")
    problems += _schema_problems(connector.credentials_schema)
    problems += _action_problems(connector)
    if not callable(connector.client_factory):
        problems.append("client_factory is not callable")
    if connector.normalize_credentials is not None and not callable(connector.normalize_credentials):
        problems.append("normalize_credentials is not callable")
    if connector.sandbox is not None and not callable(connector.sandbox):
        problems.append("sandbox is not callable")
    problems += _sensitive_key_problems(connector.sensitive_raw_keys)
    maps = _field_map_problems(connector, transforms, problems)
    if problems:
        raise ConnectorInvalid(problems)
    return maps


def _schema_problems(schema: Mapping[str, Any]) -> list[str]:
    if not isinstance(schema, Mapping):
        return ["credentials_schema must be a JSON Schema object"]
    problems = []
    declared = schema.get("$schema", DRAFT_2020_12)
    if declared != DRAFT_2020_12:
        problems.append(f"credentials_schema $schema must be {DRAFT_2020_12!r}, got {declared!r}")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(root)"
        problems.append(f"credentials_schema is not valid JSON Schema at {where}: {exc.message}")
        return problems
    if schema.get("type") != "object" or not isinstance(schema.get("properties"), Mapping):
        problems.append("credentials_schema must describe an object with properties")
        return problems
    for name, prop in schema["properties"].items():
        if not isinstance(prop, Mapping) or not prop.get("title"):
            problems.append(f"credentials_schema property {name!r} needs a title for the linking form")
        elif prop.get("format") == "password" and not prop.get("writeOnly"):
            problems.append(f"credentials_schema property {name!r} is a password: mark it writeOnly")
    return problems


def _sensitive_key_problems(keys: object) -> list[str]:
    if not isinstance(keys, Mapping):
        return ["sensitive_raw_keys must map record types to sets of API names"]
    problems = []
    for record, names in keys.items():
        if not isinstance(record, str) or not record.strip():
            problems.append(f"sensitive_raw_keys has a record type that is not a name: {record!r}")
        elif isinstance(names, str) or not isinstance(names, (set, frozenset, tuple, list)):
            problems.append(f"sensitive_raw_keys[{record!r}] must be a set of API names")
        elif not all(isinstance(n, str) and n.strip() and "" not in n.split(".") for n in names):
            problems.append(f"sensitive_raw_keys[{record!r}] has an empty or malformed API name")
    return problems


def _action_problems(connector: Connector) -> list[str]:
    problems = []
    if not connector.actions:
        problems.append("actions is empty: declare at least one unified action")
    for name, spec in {**connector.actions, **connector.features}.items():
        if name in connector.actions and name not in ACTIONS:
            problems.append(f"action {name!r} is not a unified action (known: {', '.join(ACTIONS)})")
        if not isinstance(spec, Action):
            problems.append(f"action {name!r} must be a hub.connector.Action")
            continue
        if spec.supported and not all(isinstance(s, str) and s.strip() for s in spec.scopes):
            problems.append(f"action {name!r} has an empty or non-text scope name")
        if not spec.supported and not spec.reason.strip():
            problems.append(f"action {name!r} is unsupported: say why in reason")
    return problems


def _field_map_problems(
    connector: Connector, transforms: Mapping[str, Callable[[Any], Any]], problems: list[str]
) -> dict[str, Any]:
    from field_maps import FieldMapError, load_maps

    folder = Path(connector.field_maps)
    if not folder.is_absolute():
        problems.append(
            f"field_maps {str(folder)!r} is not an absolute path: declare the folder the plugin ships, "
            'e.g. field_maps=Path(__file__).parent / "maps"'
        )
        return {}
    if not folder.is_dir():
        problems.append(f"field-map folder {str(folder)!r} does not exist")
        return {}
    try:
        maps = load_maps(folder, transforms=transforms)
    except FieldMapError as exc:
        problems.extend(f"field map {i.file} at {i.path}: {i.message}" for i in exc.issues)
        return {}
    for action, spec in connector.actions.items():
        model = ACTIONS.get(action)
        if spec.supported and model and model not in maps:
            problems.append(f"action {action!r} is supported but no field map for {model} is in {folder}")
    return maps
