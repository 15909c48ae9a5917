"""The public face of field_maps: an exact list of names, each documented, and the dependency rule."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

import field_maps

PUBLIC = {
    "BUILTIN_TRANSFORMS",
    "SCHEMA",
    "SCHEMA_ID",
    "SCHEMA_PATH",
    "CompiledMap",
    "FieldMap",
    "FieldMapError",
    "FieldSpec",
    "FieldProblem",
    "LabelTable",
    "LabelTarget",
    "MapIssue",
    "MappingError",
    "Transform",
    "load_map",
    "load_maps",
    "make_datetime_parser",
    "normalise_label",
    "parse_boolean",
    "parse_date",
    "parse_datetime",
    "parse_decimal",
    "parse_integer",
    "parse_number",
    "parse_map",
    "parse_string",
}

PACKAGE = Path(field_maps.__file__).parent


def test_the_public_list_is_exact() -> None:
    assert set(field_maps.__all__) == PUBLIC
    assert all(hasattr(field_maps, name) for name in PUBLIC)


def test_every_public_class_and_function_is_documented() -> None:
    undocumented = []
    for name in PUBLIC:
        value = getattr(field_maps, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            if not inspect.getdoc(value):
                undocumented.append(name)
            if inspect.isclass(value):
                undocumented += [
                    f"{name}.{member}"
                    for member, attr in vars(value).items()
                    if not member.startswith("_") and callable(attr) and not inspect.getdoc(attr)
                ]
    assert undocumented == []


def test_field_maps_knows_models_not_providers_http_storage_or_the_hub() -> None:
    forbidden = {"hub", "connectors", "httpx", "sqlalchemy", "fastapi", "starlette", "vcr"}
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in forbidden]
    assert found == []


def test_importing_field_maps_pulls_in_no_provider_or_host_code() -> None:
    code = (
        "import sys, field_maps; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('hub', 'connectors', 'httpx')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
