"""Compiling a field map for one account into plain Python callables, and applying it.

``FieldMap.compile`` → :func:`compile_map`: apply the account's overrides (:mod:`.overrides`), resolve
its labels and settle each field's type (:mod:`.plan`), prove what it can of each field's values
(:mod:`.proof`) and generate the building function, the mapping function and their traced twins
(which also report lineage per record) (:mod:`.codegen`). The result, a :class:`CompiledMap`, joins
provider records, maps them and builds unified models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from field_maps.codegen import PROBLEMS, Generated, buildable, dig, generate, guard_transform
from field_maps.errors import FieldMapError, FieldProblem, MapIssue, MappingError
from field_maps.joiner import JoinStats, join_records
from field_maps.labels import LabelTable
from field_maps.lineage import static_lineage
from field_maps.model_info import describe_fields
from field_maps.overrides import OVERRIDES_FILE, apply_overrides
from field_maps.parsers import PARSERS, make_datetime_parser, resolve_timezone
from field_maps.plan import FieldPlan, plan_field
from field_maps.spec import (
    CoalesceSource,
    CustomFieldsSource,
    FromSource,
    MapSpec,
    Path,
    SourceSpec,
    TemplateSource,
)
from field_maps.spec_builder import SpecBuilder
from field_maps.transforms import BUILTIN_TRANSFORMS
from unified_models import FieldSource

__all__ = ["CompiledMap", "compile_map"]


class CompiledMap:
    """A field map compiled for one account: join, map, build and explain provider records.

    Attributes:
        field_map: the map it was compiled from.
        model: the unified model class; ``model_name`` its name.
        connector: the connector name used in stable ids.
        source_names: the source aliases, primary first; ``records`` the provider record types.
        lineage: unified field (dotted for nested sub-fields) → :class:`~unified_models.FieldSource`.
        field_aliases: unified field → the source aliases its value is read from (references included).
        warnings: what compiling could not resolve (an account without a label the map uses).

    The building function (:meth:`build`) is generated when compiling; the mapping function
    (:meth:`map`, and :meth:`build` for a record it validates) and the traced twins on first use.
    """

    def __init__(
        self,
        *,
        field_map: MapSpec,
        connector: str,
        generate: Callable[[bool, bool], Generated],
        buildable: bool,
        lineage: dict[str, FieldSource],
        warnings: tuple[str, ...],
        field_aliases: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self.field_map = field_map
        self.model: type[BaseModel] = field_map.model_cls
        self.model_name = field_map.model
        self.connector = connector
        self.sources: tuple[SourceSpec, ...] = field_map.sources
        self.source_names: tuple[str, ...] = tuple(s.name for s in field_map.sources)
        self.records: tuple[str, ...] = tuple(s.record for s in field_map.sources)
        self.lineage = lineage
        self.field_aliases = field_aliases or {}
        self.warnings = warnings
        self._generate = generate
        self._generated: dict[tuple[bool, bool], Generated] = {}
        self._validate = field_map.model_cls.model_validate
        self._raw_names = tuple((s.name, s.record) for s in field_map.sources)
        self._builder: Callable[..., BaseModel | None] | None = None
        if buildable:
            self._builder = self._generated_for(traced=False, build=True).function

    def _generated_for(self, *, traced: bool, build: bool) -> Generated:
        """One of the map's generated functions, generated on first use."""
        found = self._generated.get((traced, build))
        if found is None:
            found = self._generated[(traced, build)] = self._generate(traced, build)
        return found

    @property
    def code(self) -> str:
        """The generated Python source of the mapping function (what :meth:`map` runs)."""
        return self._generated_for(traced=False, build=False).code

    @property
    def build_code(self) -> str | None:
        """The generated Python source of the building function (what :meth:`build` runs), if any."""
        return self._generated_for(traced=False, build=True).code if self._builder is not None else None

    @property
    def checks(self) -> Mapping[str, str]:
        """How :meth:`build` makes sure of each field without validating the record.

        Unified field (dotted for sub-fields) → ``proven`` (the generated code can only produce values
        the model's validation keeps), ``checked`` (a class test per value) or ``validated`` (the
        field's own validator per value). Empty when the model is always validated (it has validators,
        or a configuration that changes validation).
        """
        if self._builder is None:
            return {}
        return self._generated_for(traced=False, build=True).checks

    def _function(self, joined: Mapping[str, Any]) -> dict[str, Any]:
        return self._generated_for(traced=False, build=False).function(joined)  # type: ignore[no-any-return]

    def _traced(self, joined: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, FieldSource]]:
        return self._generated_for(traced=True, build=False).function(joined)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"<CompiledMap {self.model_name} for {self.connector} from {self.field_map.file}>"

    def join(
        self,
        primary: Iterable[Mapping[str, Any]],
        **others: Iterable[Mapping[str, Any]] | Mapping[Any, Mapping[str, Any]],
    ) -> Iterator[dict[str, Any]]:
        """Join records into ``{alias: record or None}``, one per primary record.

        Each keyword is a source alias with that source's records (indexed once by its key) or a
        mapping already keyed by join key (a tuple, or the bare value for a one-part key).
        """
        return join_records(self.sources, primary, others)

    def join_counted(
        self,
        primary: Iterable[Mapping[str, Any]],
        others: Mapping[str, Any],
        stats: JoinStats,
    ) -> Iterator[dict[str, Any]]:
        """:meth:`join`, counting in ``stats`` the primary records and how many each source matched."""
        return join_records(self.sources, primary, others, stats)

    def map(self, joined: Mapping[str, Any], problems: list[FieldProblem] | None = None) -> dict[str, Any]:
        """The unified values of one joined record (a plain dict with ``id`` and ``remote_id``).

        A value that cannot be used leaves its field ``None``; it is added to ``problems`` if given.

        Raises:
            MappingError: the record's key is missing or malformed (naming the key, field and reason).

        """
        values = self._function(joined)
        found = values.pop(PROBLEMS, None)
        if found and problems is not None:
            problems.extend(found)
        return values

    def build(
        self,
        joined: Mapping[str, Any],
        *,
        include_raw: bool = False,
        include_sources: bool = False,
        problems: list[FieldProblem] | None = None,
        validate: bool = False,
    ) -> BaseModel:
        """The unified model instance of one joined record.

        A value that cannot be used (it does not parse, a transform fails on it, the model refuses
        it) leaves its field empty and the record is kept; each such value is added to ``problems``
        when given.

        The model is built without pydantic's validation from the values the map's generated code
        makes sure of (see :attr:`checks`); a record with a value only validation can judge, or
        every record with ``validate=True``, is validated (``model_validate``). Both give the same
        model: equal, with the same JSON and the same fields set.

        Args:
            joined: ``{alias: record or None}`` as :meth:`join` yields.
            include_raw: set ``remote_data`` to ``{record type: raw record}``.
            include_sources: set ``field_sources`` from the lineage, with the provider's own value
                for enum fields and the path a ``coalesce`` actually used.
            problems: a list collecting the :class:`~field_maps.errors.FieldProblem` of this record.
            validate: validate the values through the model (slower; the same result).

        Raises:
            MappingError: the record's key is missing or malformed, or a required source or field
                is missing.

        """
        builder = self._builder
        if builder is not None and not validate:
            if include_sources:
                builder = self._generated_for(traced=True, build=True).function
            model = builder(joined, problems, self.raw_of(joined) if include_raw else None)
            if model is not None:
                return model
        return self._validated(
            joined, include_raw=include_raw, include_sources=include_sources, problems=problems
        )

    def _validated(
        self,
        joined: Mapping[str, Any],
        *,
        include_raw: bool,
        include_sources: bool,
        problems: list[FieldProblem] | None,
    ) -> BaseModel:
        """:meth:`build` through the model's validation: the mapping function's values, validated."""
        if include_sources:
            values, sources = self._traced(joined)
            values["field_sources"] = sources
        else:
            values = self._function(joined)
        found = values.pop(PROBLEMS, None)
        if include_raw:
            values["remote_data"] = self.raw_of(joined)
        try:
            model = self._validate(values)
        except ValidationError as exc:
            found = found or []
            model = self._without_refused(joined, values, exc, found)
        if found and problems is not None:
            problems.extend(found)
        return model

    def _without_refused(
        self,
        joined: Mapping[str, Any],
        values: dict[str, Any],
        exc: ValidationError,
        found: list[FieldProblem],
    ) -> BaseModel:
        """The model with each field it refused left empty (noted in ``found``), or the record's error."""
        errors = exc.errors(include_url=False)
        names = {e["loc"][0] for e in errors if e.get("loc")}
        if not names or names & {"id", "remote_id"} or not names <= values.keys():
            raise self._refused(joined, exc) from None
        key = self.record_key(joined)
        for error in errors:
            name = error["loc"][0]
            where = ".".join(str(p) for p in error["loc"])
            values[name] = None
            found.append(
                FieldProblem(key, where, f"{error.get('input')!r:.80}", str(error.get("msg", "invalid")))
            )
        try:
            return self._validate(values)
        except ValidationError as again:
            raise self._refused(joined, again) from None

    def raw_of(self, joined: Mapping[str, Any]) -> dict[str, Any]:
        """The provider records behind one joined record, by record type (what ``remote_data`` holds)."""
        return {record: joined[alias] for alias, record in self._raw_names if joined.get(alias) is not None}

    def map_many(
        self,
        joined: Iterable[Mapping[str, Any]],
        *,
        include_raw: bool = False,
        include_sources: bool = False,
        problems: list[FieldProblem] | None = None,
    ) -> Iterator[BaseModel | MappingError]:
        """Build every joined record; a record that fails yields its :class:`MappingError` instead."""
        build = self.build
        for record in joined:
            try:
                yield build(
                    record, include_raw=include_raw, include_sources=include_sources, problems=problems
                )
            except MappingError as exc:
                yield exc

    def record_key(self, joined: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """The provider key parts of a joined record (for messages), or ``None`` when unreadable."""
        parts = []
        for path in self.field_map.key:
            record = joined.get(path.alias)
            parts.append(dig(record, path.segments) if record is not None else None)
        return tuple(parts)

    def _refused(self, joined: Mapping[str, Any], exc: ValidationError) -> MappingError:
        errors = exc.errors(include_url=False)
        first = errors[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or None
        reason = f"{first.get('msg', 'invalid')} (got {first.get('input')!r:.60})"
        if len(errors) > 1:
            reason += f"; and {len(errors) - 1} more"
        return MappingError(self.record_key(joined), where, reason)


def compile_map(
    field_map: MapSpec,
    *,
    connector: str,
    labels: LabelTable | Mapping[str, Any] | None = None,
    overrides: Mapping[str, Any] | None = None,
    transforms: Mapping[str, Callable[[Any], Any]] | None = None,
    tz: str = "UTC",
    code_tables: Mapping[str, Mapping[str, str]] | None = None,
) -> CompiledMap:
    """Compile ``field_map`` for one account; see :meth:`field_maps.FieldMap.compile`."""
    issues: list[MapIssue] = []
    registry = dict(BUILTIN_TRANSFORMS)
    registry.update(field_map.transforms)
    if transforms:
        registry.update(transforms)
    builder = SpecBuilder(OVERRIDES_FILE, field_map.models, registry, {}, issues)
    for source in field_map.sources:
        builder.aliases[source.name] = source
    if labels is not None and not isinstance(labels, LabelTable):
        labels = LabelTable(labels)
    try:
        zone = resolve_timezone(tz)
    except ValueError as exc:
        issues.append(MapIssue("<compile>", "$.tz", str(exc)))
        zone = None
    fields = apply_overrides(field_map, overrides, builder) if overrides else dict(field_map.fields)
    warnings: list[str] = []
    plans = [
        plan_field(
            field_map, spec, describe_fields(field_map.model_cls)[name], name, labels, warnings, issues
        )
        for name, spec in fields.items()
    ]
    if issues:
        raise FieldMapError(issues)
    parsers = dict(PARSERS)
    parsers["datetime"] = make_datetime_parser(zone if zone is not None else "UTC")
    guarded = {
        name: fn if BUILTIN_TRANSFORMS.get(name) is fn else guard_transform(name, fn)
        for name, fn in registry.items()
    }
    code_tables = code_tables or {}
    for table in sorted(field_map.code_tables - {k for k, v in code_tables.items() if v}):
        warnings.append(f"code table {table} is not available: its fields keep the provider's codes")
    options: dict[str, Any] = {
        "code_tables": code_tables,
        "connector": connector,
        "parsers": parsers,
        "transforms": guarded,
        "labels": labels,
    }

    def make(traced: bool, build: bool) -> Generated:
        return generate(field_map, plans, traced=traced, build=build, **options)

    return CompiledMap(
        field_map=field_map,
        connector=connector,
        generate=make,
        buildable=buildable(field_map, plans),
        lineage=static_lineage(field_map, plans, labels),
        warnings=tuple(warnings),
        field_aliases={plan.name: frozenset(_aliases(plan)) for plan in plans},
    )


def _aliases(plan: FieldPlan) -> set[str]:
    """The source aliases a planned field reads (its source paths and its reference's key paths)."""
    source = plan.source
    if isinstance(source, list):
        return set().union(*(_aliases(sub) for sub in source)) if source else set()
    found: set[str] = set()
    if isinstance(source, FromSource | CustomFieldsSource):
        found.add(source.path.alias)
    elif isinstance(source, CoalesceSource):
        found.update(p.alias for p in source.paths)
    elif isinstance(source, TemplateSource):
        found.update(p.alias for p in source.parts if isinstance(p, Path))
    if plan.spec.ref is not None:
        found.update(p.alias for p in plan.spec.ref.key if isinstance(p, Path))
    return found
