"""Semantic checks of a field map and its typed specs: what the schema alone cannot say.

The model exists; every field is one the model lets a map fill; every path's alias is a declared
source; enum targets, ``unknown``, ``const`` and ``default`` are values the field accepts; ``type`` fits
the field; transforms are registered; ``object`` only on nested models, ``custom_fields`` only on
dicts; source names are unique and keys match in length. The loader and the overrides share it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from field_maps.errors import MapIssue
from field_maps.model_info import META_FIELDS, FieldInfo, describe_fields, fillable_fields
from field_maps.schema import json_path, suggest
from field_maps.spec import (
    MISSING,
    CoalesceSource,
    ConstSource,
    CustomFieldsSource,
    FieldSpec,
    FromSource,
    LabelSource,
    ListSource,
    MapSpec,
    ObjectSource,
    Path,
    RefSpec,
    SourceSpec,
    TemplateSource,
    ValueSource,
)

__all__ = ["PathParts", "SpecBuilder"]

PathParts = tuple[str | int, ...]
"""A JSON path as its parts: ``("fields", "hire_date", "type")``."""

_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[^.\s]+)+")

# Which parsed `type` may feed which kind of model field directly (no transform, enum or ref between).
_TYPE_FITS: dict[str, frozenset[str]] = {
    "string": frozenset({"string", "enum", "any"}),
    "integer": frozenset({"integer", "number", "decimal", "any"}),
    "number": frozenset({"number", "decimal", "any"}),
    "decimal": frozenset({"decimal", "number", "any"}),
    "boolean": frozenset({"boolean", "any"}),
    "date": frozenset({"date", "any"}),
    "datetime": frozenset({"datetime", "any"}),
}


class SpecBuilder:
    """Semantic checks and the typed specs of one document; issues go to a shared list.

    The compiler reuses it to validate an account's overrides with the very same rules.
    """

    def __init__(
        self,
        file: str,
        models: Mapping[str, type[BaseModel]],
        transforms: Mapping[str, Callable[[Any], Any]],
        lines: Mapping[PathParts, int],
        issues: list[MapIssue],
        schema_faults: set[str] | None = None,
    ) -> None:
        self.file = file
        self.models = models
        self.transforms = transforms
        self.lines = lines
        self.issues = issues
        self.schema_faults = schema_faults or set()
        self.aliases: dict[str, SourceSpec] = {}

    # -- reporting -------------------------------------------------------------------------

    def issue(self, parts: PathParts, message: str) -> None:
        """Record one issue at ``parts``, with the line of the nearest enclosing node."""
        probe = tuple(parts)
        while probe and probe not in self.lines:
            probe = probe[:-1]
        self.issues.append(MapIssue(self.file, json_path(parts), message, self.lines.get(probe)))

    def _faulty(self, parts: PathParts) -> bool:
        """True when the schema already reported a fault at or under ``parts``."""
        prefix = json_path(parts)
        return any(p == prefix or p.startswith((prefix + ".", prefix + "[")) for p in self.schema_faults)

    # -- the document ----------------------------------------------------------------------

    def build(self, data: Mapping[str, Any]) -> MapSpec | None:
        """Check the whole document; the :class:`MapSpec` when nothing is wrong with its parts."""
        model_name = data.get("model")
        model_cls = None
        if isinstance(model_name, str) and not self._faulty(("model",)):
            model_cls = self.model_class(model_name, ("model",))
        sources = self.sources(data.get("sources"))
        key = self.paths(data.get("key"), ("key",))
        remote_id = None
        if isinstance(data.get("remote_id"), str) and not self._faulty(("remote_id",)):
            remote_id = self.path(data["remote_id"], ("remote_id",))
            if model_cls is not None and remote_id is not None and "remote_id" not in model_cls.model_fields:
                self.issue(("remote_id",), f"{model_name} has no remote_id field")
        fields: dict[str, FieldSpec] = {}
        raw_fields = data.get("fields")
        if model_cls is not None and isinstance(raw_fields, Mapping):
            fields = self.fields(raw_fields, model_cls, ("fields",))
        if model_cls is None or sources is None or key is None:
            return None
        return MapSpec(
            file=self.file,
            model=str(model_name),
            model_cls=model_cls,
            description=str(data.get("description") or ""),
            sources=tuple(sources),
            key=tuple(key),
            remote_id=remote_id,
            fields=fields,
            transforms=self.transforms,
            models=self.models,
        )

    def model_class(self, name: str, parts: PathParts) -> type[BaseModel] | None:
        """The model class called ``name``, or an issue naming the known ones."""
        model = self.models.get(name)
        if model is None:
            known = sorted(self.models)
            self.issue(parts, f"unknown model {name!r}{suggest(name, known)}; known: {', '.join(known)}")
        return model

    def sources(self, raw: Any) -> list[SourceSpec] | None:
        """The ``sources`` list, checking names are unique and keys have the primary's length.

        A source the schema already faulted still declares its alias, so paths using it are not
        reported a second time; the result is then ``None``.
        """
        if not isinstance(raw, list):
            return None
        result: list[SourceSpec] = []
        complete = not self._faulty(("sources",))
        for index, item in enumerate(raw):
            if not isinstance(item, Mapping) or self._faulty(("sources", index)):
                if isinstance(item, Mapping) and isinstance(item.get("name"), str):
                    self.aliases.setdefault(item["name"], SourceSpec(item["name"], "", ()))
                complete = False
                continue
            source = SourceSpec(
                name=item["name"],
                record=item["record"],
                key=tuple(item["key"]),
                required=item.get("required", False),
                on=tuple(item.get("on", ())),
            )
            if source.name in self.aliases:
                self.issue(("sources", index, "name"), f"source name {source.name!r} is used twice")
                complete = False
                continue
            if not result and source.on:
                self.issue(("sources", index, "on"), "the primary source joins nothing: leave `on` out here")
                complete = False
            elif source.on and len(source.on) != len(source.key):
                self.issue(
                    ("sources", index, "on"),
                    f"has {len(source.on)} part(s) and key has {len(source.key)}: they are matched "
                    "position by position",
                )
                complete = False
            elif result and not source.on and len(source.key) != len(result[0].key):
                self.issue(
                    ("sources", index, "key"),
                    f"has {len(source.key)} part(s); the primary source {result[0].name!r} has "
                    f"{len(result[0].key)}: keys are matched position by position (or name the primary's "
                    "fields to join on with `on`)",
                )
                complete = False
            self.aliases[source.name] = source
            result.append(source)
        return result if complete else None

    def path(self, text: str, parts: PathParts) -> Path | None:
        """A :class:`Path` whose alias is a declared source, or an issue."""
        path = Path.parse(text)
        if path.alias not in self.aliases:
            known = list(self.aliases)
            self.issue(
                parts,
                f"{path.alias!r} is not a source of this map{suggest(path.alias, known)}; "
                f"sources: {', '.join(known) or 'none'}",
            )
            return None
        return path

    def paths(self, raw: Any, parts: PathParts) -> list[Path] | None:
        """A list of paths, each checked; ``None`` if any is bad."""
        if not isinstance(raw, list) or self._faulty(parts):
            return None
        result = [self.path(text, (*parts, i)) for i, text in enumerate(raw)]
        return None if any(p is None for p in result) else [p for p in result if p is not None]

    # -- fields ------------------------------------------------------------------------------

    def fields(
        self, raw: Mapping[str, Any], model: type[BaseModel], parts: PathParts
    ) -> dict[str, FieldSpec]:
        """Every field spec of ``model`` in ``raw``; bad ones are reported and left out."""
        infos = describe_fields(model)
        allowed = fillable_fields(model)
        result: dict[str, FieldSpec] = {}
        for name, raw_spec in raw.items():
            here = (*parts, name)
            if name in META_FIELDS:
                self.issue(
                    here, f"{name} is not mapped under fields: it comes from the top-level key/remote_id"
                )
                continue
            if name not in allowed:
                self.issue(
                    here,
                    f"{name!r} is not a field of {model.__name__}{suggest(name, sorted(allowed))}",
                )
                continue
            if self._faulty(here):
                continue
            spec = self.field(name, raw_spec, infos[name], model, here)
            if spec is not None:
                result[name] = spec
        return result

    def field(
        self, name: str, raw: Any, info: FieldInfo, model: type[BaseModel], parts: PathParts
    ) -> FieldSpec | None:
        """One field spec, checked against the model field it fills."""
        count = len(self.issues)
        if isinstance(raw, str):
            raw = {"from": raw}
        source = self.value_source(raw, info, parts, model)
        transforms = raw.get("transform", ())
        transforms = (transforms,) if isinstance(transforms, str) else tuple(transforms)
        for index, transform in enumerate(transforms):
            if transform not in self.transforms:
                where = (
                    (*parts, "transform", index)
                    if "transform" in raw and isinstance(raw["transform"], list)
                    else (
                        *parts,
                        "transform",
                    )
                )
                known = sorted(self.transforms)
                self.issue(
                    where,
                    f"unknown transform {transform!r}{suggest(transform, known)}; known: {', '.join(known)}",
                )
        type_name = raw.get("type")
        enum = raw.get("enum")
        unknown = raw.get("unknown")
        ref = self.ref(raw.get("ref"), source, info, (*parts, "ref")) if "ref" in raw else None
        adapter = _adapter(model, name)
        if type_name and not transforms and enum is None and "ref" not in raw:
            fits = _TYPE_FITS.get(type_name, frozenset())
            if info.kind not in fits:
                self.issue((*parts, "type"), f"type {type_name} does not fit {name}, a {info.kind} field")
        if enum is not None:
            self.enum_targets(name, enum, unknown, info, adapter, parts, has_ref="ref" in raw)
        if isinstance(source, ConstSource) and not (
            type_name or transforms or enum is not None or "ref" in raw
        ):
            self.value_fits(adapter, source.value, name, (*parts, "const"))
        default = raw.get("default", MISSING)
        if default is not MISSING and default is not None:
            self.value_fits(adapter, default, name, (*parts, "default"))
        if source is None or len(self.issues) > count:
            return None
        return FieldSpec(
            name=name,
            source=source,
            json_path=json_path(parts),
            type=type_name,
            transforms=transforms,
            code_table=raw.get("code_table"),
            enum=dict(enum) if enum is not None else None,
            unknown=unknown,
            ref=ref,
            default=default,
        )

    def value_source(
        self, raw: Mapping[str, Any], info: FieldInfo, parts: PathParts, model: type[BaseModel]
    ) -> ValueSource | None:
        """The one source of a spec, checked against the field's kind (``model`` holds the field)."""
        if "from" in raw:
            path = self.path(raw["from"], (*parts, "from"))
            return FromSource(path) if path else None
        if "coalesce" in raw:
            paths = self.paths(raw["coalesce"], (*parts, "coalesce"))
            return CoalesceSource(tuple(paths)) if paths else None
        if "template" in raw:
            return self.template(raw["template"], (*parts, "template"))
        if "const" in raw:
            return ConstSource(raw["const"])
        if "label" in raw:
            return LabelSource(raw["label"], bool(raw.get("required_label", False)))
        if "object" in raw:
            if info.kind != "model" or info.nested is None:
                self.issue(
                    (*parts, "object"),
                    f"object needs a nested-model field; {info.name} is a {info.kind} field",
                )
                return None
            sub = self.fields(raw["object"], info.nested, (*parts, "object"))
            return ObjectSource(sub)
        if "list" in raw:
            if info.kind != "sequence":
                self.issue((*parts, "list"), f"list needs a list field; {info.name} is a {info.kind} field")
                return None
            item_info = FieldInfo(info.name, "any")
            items = [
                self.field(info.name, item, item_info, model, (*parts, "list", i))
                for i, item in enumerate(raw["list"])
            ]
            return ListSource(tuple(i for i in items if i is not None)) if all(items) else None
        if "custom_fields" in raw:
            if info.kind != "dict":
                self.issue(
                    (*parts, "custom_fields"),
                    f"custom_fields needs a dict field; {info.name} is a {info.kind} field",
                )
                return None
            spec = raw["custom_fields"]
            path = self.path(spec["from"], (*parts, "custom_fields", "from"))
            if path is None:
                return None
            return CustomFieldsSource(
                path,
                spec.get("label_key", "field"),
                spec.get("value_key", "value"),
                dict(spec.get("types", {})),
            )
        return None

    def template(self, text: str, parts: PathParts) -> TemplateSource | None:
        """A template split into literals and checked paths."""
        pieces: list[str | Path] = []
        try:
            parsed = list(string.Formatter().parse(text))
        except ValueError as exc:
            self.issue(parts, f"bad template: {exc} (write {{{{ and }}}} for literal braces)")
            return None
        ok = True
        for literal, name, spec, conversion in parsed:
            if literal:
                pieces.append(literal)
            if name is None:
                continue
            if spec or conversion:
                self.issue(parts, f"placeholder {{{name}}} may not have a format spec or conversion")
                ok = False
                continue
            if not _PATH.fullmatch(name):
                self.issue(parts, f"placeholder {{{name}}} is not a path like {{person.firstName}}")
                ok = False
                continue
            path = self.path(name, parts)
            if path is None:
                ok = False
                continue
            pieces.append(path)
        if not any(isinstance(p, Path) for p in pieces) and ok:
            self.issue(parts, "a template needs at least one {path}; use const for fixed text")
            return None
        return TemplateSource(text, tuple(pieces)) if ok else None

    def ref(
        self, raw: Mapping[str, Any], source: ValueSource | None, info: FieldInfo, parts: PathParts
    ) -> RefSpec | None:
        """A ``ref`` step: the model exists, the field holds an id, key parts are valid."""
        if info.kind not in ("string", "any"):
            self.issue(parts, f"ref gives an id (text); {info.name} is a {info.kind} field")
        model = self.model_class(raw["model"], (*parts, "model"))
        key: list[Path | str | int] = []
        for index, part in enumerate(raw["key"]):
            if (isinstance(part, int) and not isinstance(part, bool)) or part == "$value":
                key.append(part)
            elif part.startswith("$label."):
                if not isinstance(source, LabelSource):
                    self.issue(
                        (*parts, "key", index),
                        f"{part} needs a field declared by label (label: ...); this one is not",
                    )
                key.append(part)
            else:
                path = self.path(part, (*parts, "key", index))
                if path is not None:
                    key.append(path)
        if model is None or len(key) != len(raw["key"]):
            return None
        return RefSpec(str(raw["model"]), tuple(key))

    def enum_targets(
        self,
        name: str,
        table: Mapping[str, Any],
        unknown: Any,
        info: FieldInfo,
        adapter: TypeAdapter[Any] | None,
        parts: PathParts,
        *,
        has_ref: bool,
    ) -> None:
        """Every enum target (and ``unknown``) is a value the field accepts."""
        if has_ref:
            return
        if info.kind not in ("enum", "string", "any"):
            self.issue((*parts, "enum"), f"enum gives text; {name} is a {info.kind} field")
            return
        if info.enum_values is None:
            return
        allowed = sorted(info.enum_values)
        values = ", ".join(allowed)
        for code, target in table.items():
            if target is not None and target not in info.enum_values:
                self.issue(
                    (*parts, "enum", code),
                    f"{target!r} is not a value of {name}{suggest(str(target), allowed)}; values: {values}",
                )
        if unknown is not None and unknown not in info.enum_values:
            self.issue(
                (*parts, "unknown"),
                f"{unknown!r} is not a value of {name}{suggest(str(unknown), allowed)}; values: {values}",
            )

    def value_fits(self, adapter: TypeAdapter[Any] | None, value: Any, name: str, parts: PathParts) -> None:
        """A literal (const, default) the field would reject is an issue now, not on every record."""
        if adapter is None:
            return
        try:
            adapter.validate_python(value)
        except ValidationError as exc:
            reason = exc.errors()[0].get("msg", "invalid")
            self.issue(parts, f"{value!r} does not fit {name}: {reason}")


_ADAPTERS: dict[tuple[type[BaseModel], str], TypeAdapter[Any] | None] = {}


def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any] | None:
    key = (model, name)
    if key not in _ADAPTERS:
        field = model.model_fields.get(name)
        try:
            _ADAPTERS[key] = TypeAdapter(field.annotation) if field is not None else None
        except Exception:  # an annotation pydantic cannot adapt alone: skip the literal check
            _ADAPTERS[key] = None
    return _ADAPTERS[key]
