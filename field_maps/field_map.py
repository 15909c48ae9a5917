"""A loaded field map: its validated document (:class:`~field_maps.spec.MapSpec`) plus ``compile``.

The loader makes these; the compiler's parts read the plain :class:`~field_maps.spec.MapSpec`, so
none of them depends on this module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields
from typing import Any

from field_maps.compiler import CompiledMap, compile_map
from field_maps.labels import LabelTable
from field_maps.spec import MapSpec

__all__ = ["FieldMap"]


class FieldMap(MapSpec):
    """A loaded, validated field map for one unified model. Compile it per account with :meth:`compile`.

    Its attributes are :class:`~field_maps.spec.MapSpec`'s.
    """

    __slots__ = ()

    @classmethod
    def of(cls, spec: MapSpec) -> FieldMap:
        """The map whose document is ``spec``."""
        return cls(**{f.name: getattr(spec, f.name) for f in fields(spec)})

    def compile(
        self,
        *,
        connector: str,
        labels: LabelTable | Mapping[str, Any] | None = None,
        overrides: Mapping[str, Any] | None = None,
        transforms: Mapping[str, Callable[[Any], Any]] | None = None,
        tz: str = "UTC",
        code_tables: Mapping[str, Mapping[str, str]] | None = None,
    ) -> CompiledMap:
        """Compile for one account into a :class:`~field_maps.compiler.CompiledMap`.

        Args:
            connector: the connector name, part of every stable id.
            labels: the account's :class:`~field_maps.labels.LabelTable` (a plain mapping is accepted).
            overrides: unified field (dotted for a nested sub-field) → a path, ``{"from": path}`` or
                ``{"label": ...}``; replaces that field's source and keeps its other steps.
            transforms: extra named transforms, on top of the ones the map was loaded with.
            tz: the account's time zone (IANA name); naive provider times are read in it.
            code_tables: the account's provider code tables, name → {code: description}, for the
                fields that decode with ``code_table`` (a missing table keeps the codes, with a warning).

        Raises:
            FieldMapError: a bad override, an unknown time zone, or a ``required_label`` the
                account lacks; every issue at once.

        """
        return compile_map(
            self,
            connector=connector,
            labels=labels,
            overrides=overrides,
            transforms=transforms,
            tz=tz,
            code_tables=code_tables,
        )
