"""Declarative field maps: provider records → unified models, by static API name or customer label.

A map is a YAML file validated against ``schema.json`` (see :data:`SCHEMA_PATH`); it is loaded once
(:func:`load_map`, :func:`load_maps`), compiled per account into plain Python callables
(:meth:`FieldMap.compile`), and applied per record (:meth:`CompiledMap.build`,
:meth:`CompiledMap.map_many`). This package knows the unified models, not providers, HTTP or storage.
"""

from field_maps.compiler import CompiledMap
from field_maps.errors import FieldMapError, FieldProblem, MapIssue, MappingError
from field_maps.field_map import FieldMap
from field_maps.labels import LabelTable, LabelTarget, normalise_label
from field_maps.loader import load_map, load_maps, parse_map
from field_maps.parsers import (
    make_datetime_parser,
    parse_boolean,
    parse_date,
    parse_datetime,
    parse_decimal,
    parse_integer,
    parse_number,
    parse_string,
)
from field_maps.schema import SCHEMA, SCHEMA_ID, SCHEMA_PATH
from field_maps.spec import FieldSpec
from field_maps.transforms import BUILTIN_TRANSFORMS, Transform

__all__ = [
    "BUILTIN_TRANSFORMS",
    "SCHEMA",
    "SCHEMA_ID",
    "SCHEMA_PATH",
    "CompiledMap",
    "FieldMap",
    "FieldMapError",
    "FieldProblem",
    "FieldSpec",
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
    "parse_map",
    "parse_number",
    "parse_string",
]
