"""Loading field maps: YAML → schema check → semantic checks → :class:`~field_maps.FieldMap`.

Nothing stops at the first fault: every issue of every file is collected and raised together in one
:class:`~field_maps.errors.FieldMapError`, each with its file, JSON path and line.

YAML is read with two YAML 1.1 surprises turned off, because a map is data a person types:
``Y``/``N``/``yes``/``no``/``on``/``off`` stay text (they are provider codes), and ``2021-09-20`` stays
text rather than becoming a date. Mapping keys are always text, and a duplicate key is an error.
A document nested deeper than :data:`MAX_DEPTH`, larger than :data:`MAX_NODES` once its aliases are
expanded (a "billion laughs" file), or with an alias inside its own anchor is refused before it is
walked, so a hostile map is an issue, never a hang or a ``RecursionError``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path as FilePath
from typing import Any

import yaml
from pydantic import BaseModel

from field_maps.errors import FieldMapError, MapIssue
from field_maps.field_map import FieldMap
from field_maps.schema import json_path, schema_issues
from field_maps.spec import FieldSpec, ListSource, ObjectSource
from field_maps.spec_builder import PathParts, SpecBuilder
from field_maps.transforms import BUILTIN_TRANSFORMS
from unified_models import MODELS

__all__ = ["MAX_DEPTH", "MAX_NODES", "load_map", "load_maps", "parse_map", "read_yaml"]

MAX_DEPTH = 50
"""How deeply a map may nest; real maps nest fewer than ten levels."""

MAX_NODES = 50_000
"""How many values a map may hold once YAML aliases are expanded; real maps hold a few hundred."""


class _MapYamlLoader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's yes/no/on/off booleans and timestamps; keys always text."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        # Keys become text as they are read: 1 and true must not collide as Python keys first.
        self.flatten_mapping(node)
        return {
            _key_text(self.construct_object(key_node, deep=deep)): self.construct_object(
                value_node, deep=deep
            )
            for key_node, value_node in node.value
        }


_MapYamlLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_MapYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _key_text(key: Any) -> str:
    if isinstance(key, str):
        return key
    if key is True or key is False:
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)


def read_yaml(text: str, file: str) -> tuple[Any, dict[PathParts, int], list[MapIssue]]:
    """Parse one YAML document: (data, JSON path → line, issues such as syntax errors and duplicate keys)."""
    lines: dict[PathParts, int] = {}
    issues: list[MapIssue] = []
    try:
        loader = _MapYamlLoader(text)  # reads the whole text: a control character is refused here
    except yaml.YAMLError as exc:
        return None, lines, [_yaml_issue(exc, file)]
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            return None, lines, [MapIssue(file, "$", f"nests deeper than {MAX_DEPTH} levels")]
        if node is None:
            return None, lines, [MapIssue(file, "$", "the file is empty; expected a field map", 1)]
        shape = _shape_problem(node, _node_children)
        if shape:
            return None, lines, [MapIssue(file, "$", shape, 1)]
        _index_lines(node, (), lines, issues, file)
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        return None, lines, [_yaml_issue(exc, file)]
    finally:
        loader.dispose()
    return data, lines, issues


def _yaml_issue(exc: yaml.YAMLError, file: str) -> MapIssue:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc)
    return MapIssue(file, "$", f"not valid YAML: {problem}", line)


def _node_children(node: Any) -> list[Any]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _data_children(value: Any) -> list[Any]:
    if isinstance(value, Mapping):
        return [*value.keys(), *value.values()]
    return list(value) if isinstance(value, list | tuple) else []


def _shape_problem(root: Any, children: Callable[[Any], list[Any]]) -> str | None:
    """Why a document cannot be walked safely (too deep, too large, self-containing), or ``None``.

    Iterative, and each shared (aliased) node is measured once, so the check itself is cheap.
    """
    measured: dict[int, tuple[int, int]] = {}  # id → (values once expanded, depth)
    started: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        item, finished = stack.pop()
        key = id(item)
        if finished:
            kids = [measured[id(kid)] for kid in children(item)]
            size = 1 + sum(k[0] for k in kids)
            depth = 1 + max((k[1] for k in kids), default=0)
            if depth > MAX_DEPTH:
                return f"nests deeper than {MAX_DEPTH} levels"
            if size > MAX_NODES:
                return f"holds more than {MAX_NODES} values once its aliases (*name) are expanded"
            measured[key] = (size, depth)
            started.discard(key)
        elif key not in measured:
            if key in started:
                return "a value contains itself (an alias *name inside its own &anchor)"
            started.add(key)
            stack.append((item, True))
            stack.extend((kid, False) for kid in children(item))
    return None


def _index_lines(
    node: yaml.Node, path: PathParts, lines: dict[PathParts, int], issues: list[MapIssue], file: str
) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen and key != "<<":
                issues.append(
                    MapIssue(
                        file,
                        json_path([*path, key]),
                        f"duplicate key {key!r} (first on line {seen[key]})",
                        line,
                    )
                )
                continue
            seen[key] = line
            lines[(*path, key)] = line
            _index_lines(value_node, (*path, key), lines, issues, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*path, index), lines, issues, file)


def _registry(transforms: Mapping[str, Callable[[Any], Any]] | None) -> dict[str, Callable[[Any], Any]]:
    merged = dict(BUILTIN_TRANSFORMS)
    if transforms:
        merged.update(transforms)
    return merged


def _default_models() -> Mapping[str, type[BaseModel]]:
    return MODELS


def load_map(
    path: str | FilePath,
    *,
    transforms: Mapping[str, Callable[[Any], Any]] | None = None,
    models: Mapping[str, type[BaseModel]] | None = None,
) -> FieldMap:
    """Load and validate one field-map YAML file.

    Args:
        path: the file.
        transforms: named transforms besides the built-ins (plugins' ``register_transforms``).
        models: the unified model registry (default ``unified_models.MODELS``).

    Raises:
        FieldMapError: with every issue in the file, each with its JSON path.

    """
    issues: list[MapIssue] = []
    field_map = _load_file(FilePath(path), _registry(transforms), models or _default_models(), issues)
    if issues or field_map is None:
        raise FieldMapError(issues)
    return field_map


def load_maps(
    folder: str | FilePath,
    *,
    transforms: Mapping[str, Callable[[Any], Any]] | None = None,
    models: Mapping[str, type[BaseModel]] | None = None,
) -> dict[str, FieldMap]:
    """Load every ``*.yaml``/``*.yml`` map in ``folder``, keyed by model name.

    Besides each file's own checks: one map per model, and a ``ref`` to a model mapped in the same
    folder lists as many key parts as that map's ``key``.

    Raises:
        FieldMapError: every issue of every file, in one error.

    """
    registry = _registry(transforms)
    model_registry = models or _default_models()
    issues: list[MapIssue] = []
    maps: dict[str, FieldMap] = {}
    files = sorted(p for p in FilePath(folder).iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    for file in files:
        field_map = _load_file(file, registry, model_registry, issues)
        if field_map is None:
            continue
        if field_map.model in maps:
            issues.append(
                MapIssue(
                    str(file),
                    "$.model",
                    f"{field_map.model} is already mapped by {maps[field_map.model].file}",
                )
            )
            continue
        maps[field_map.model] = field_map
    for field_map in maps.values():
        issues.extend(_ref_key_issues(field_map, maps))
    if issues:
        raise FieldMapError(issues)
    return maps


def _ref_key_issues(field_map: FieldMap, maps: Mapping[str, FieldMap]) -> Iterable[MapIssue]:
    for spec in _walk_specs(field_map.fields.values()):
        target = maps.get(spec.ref.model) if spec.ref else None
        if spec.ref and target and len(spec.ref.key) != len(target.key):
            yield MapIssue(
                field_map.file,
                f"{spec.json_path}.ref.key",
                f"has {len(spec.ref.key)} part(s) but {target.file} keys {target.model} by "
                f"{len(target.key)}: {', '.join(map(str, target.key))}",
            )


def _walk_specs(specs: Iterable[FieldSpec]) -> Iterable[FieldSpec]:
    for spec in specs:
        yield spec
        if isinstance(spec.source, ObjectSource):
            yield from _walk_specs(spec.source.fields.values())
        elif isinstance(spec.source, ListSource):
            yield from _walk_specs(spec.source.items)


def _load_file(
    file: FilePath,
    transforms: Mapping[str, Callable[[Any], Any]],
    models: Mapping[str, type[BaseModel]],
    issues: list[MapIssue],
) -> FieldMap | None:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        issues.append(MapIssue(str(file), "$", f"cannot read the file: {exc}"))
        return None
    data, lines, found = read_yaml(text, str(file))
    issues.extend(found)
    if data is None and found:
        return None
    return parse_map(data, file=str(file), transforms=transforms, models=models, lines=lines, issues=issues)


def parse_map(
    data: Any,
    *,
    file: str = "<memory>",
    transforms: Mapping[str, Callable[[Any], Any]] | None = None,
    models: Mapping[str, type[BaseModel]] | None = None,
    lines: Mapping[PathParts, int] | None = None,
    issues: list[MapIssue] | None = None,
) -> FieldMap | None:
    """Validate an already-parsed map document (a dict) and build its :class:`FieldMap`.

    With ``issues`` given, faults are appended there and ``None`` is returned when there were any;
    without it, they are raised as one :class:`FieldMapError`.
    """
    collect = issues if issues is not None else []
    before = len(collect)
    shape = _shape_problem(data, _data_children)
    if shape:
        collect.append(MapIssue(file, "$", shape, 1 if lines else None))
        if issues is None:
            raise FieldMapError(collect)
        return None
    registry = _registry(transforms)
    found = schema_issues(data, file=file, lines=lines)
    collect.extend(found)
    bad = {issue.path for issue in found}
    builder = SpecBuilder(file, models or _default_models(), registry, lines or {}, collect, bad)
    spec = builder.build(data) if isinstance(data, Mapping) else None
    if issues is None and len(collect) > before:
        raise FieldMapError(collect)
    return FieldMap.of(spec) if spec is not None and len(collect) == before else None
