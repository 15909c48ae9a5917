"""The writer of a generated function: its lines, its closure variables, the reads of its records."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

from field_maps.labels import LabelTable
from field_maps.runtime import dig
from field_maps.spec import MapSpec, Path
from unified_models.ids import stable_id_maker, stable_id_text_maker

__all__ = ["CodeWriter"]


class CodeWriter:
    """Writes a generated function's source and collects the objects it closes over.

    The generator (:mod:`.codegen`) and the model building (:mod:`.building`) emit through it; every
    value from a map reaches the source as a bound closure variable or through ``repr()``.
    """

    def __init__(
        self,
        field_map: MapSpec,
        connector: str,
        *,
        traced: bool,
        fast: bool,
        parsers: Mapping[str, Callable[[Any], Any]],
        transforms: Mapping[str, Callable[[Any], Any]],
        labels: LabelTable | None,
        code_tables: Mapping[str, Mapping[str, str]],
    ) -> None:
        self.field_map = field_map
        self.connector = connector
        self.records = {s.name: i for i, s in enumerate(field_map.sources)}  # alias → index of r<i>/g<i>
        self.sources = {s.name: s for s in field_map.sources}
        self.traced = traced
        self.fast = fast
        self.parsers = parsers
        self.transforms = transforms
        self.labels = labels
        self.code_tables = code_tables
        self.lines: list[str] = []
        self.names: dict[str, Any] = {}
        self._ids: dict[int, str] = {}
        self._count = itertools.count()
        self._makers: dict[tuple[str, str], str] = {}
        self.lineage_exprs: list[tuple[str, str]] = []
        self.checks: dict[str, str] = {}
        self.hoisted: dict[Path, str] = {}  # a reference key path read once per record → its local
        self.reads: dict[Path, str] = {}  # an API name several fields read, read once → its local

    def bind(self, value: Any, prefix: str) -> str:
        """A closure variable holding ``value`` (shared when bound twice)."""
        known = self._ids.get(id(value))
        if known is not None and self.names[known] is value:
            return known
        name = f"_{prefix}{next(self._count)}"
        self.names[name] = value
        self._ids[id(value)] = name
        return name

    def const(self, value: Any, prefix: str) -> str:
        """``None``, ``True`` and ``False`` written out; other values bound."""
        return repr(value) if value is None or value is True or value is False else self.bind(value, prefix)

    def id_maker(self, model: str) -> str:
        """The closure variable making ``model``'s stable ids for this connector from a key."""
        if ("key", model) not in self._makers:
            self._makers[("key", model)] = self.bind(stable_id_maker(self.connector, model), "sid")
        return self._makers[("key", model)]

    def text_id_maker(self, model: str) -> str:
        """The closure variable making ``model``'s stable ids for this connector from a key as text."""
        if ("text", model) not in self._makers:
            self._makers[("text", model)] = self.bind(stable_id_text_maker(self.connector, model), "sidt")
        return self._makers[("text", model)]

    def slice(self, start: int | None, stop: int | None, step: int | None = None) -> str:
        """A closure variable holding ``slice(start, stop, step)`` (no slice object made per use)."""
        key = ("slice", f"{start}:{stop}:{step}")
        if key not in self._makers:
            self._makers[key] = self.bind(slice(start, stop, step), "SL")
        return self._makers[key]

    def fstring(self, pieces: list[tuple[bool, str]]) -> str:
        """An f-string joining ``(is_text, piece)`` pieces: one string built, no tuple.

        Expressions' values are text or whole numbers, which an f-string writes as ``str`` does; literal
        text is bound (never written into the source), but for the key separator.
        """
        parts = []
        for is_text, piece in pieces:
            if not is_text:
                parts.append(f"{{{piece}}}")
            elif piece == "\x1f":
                parts.append("\\x1f")
            elif piece:
                parts.append(f"{{{self.bind(piece, 'LT')}}}")
        return 'f"' + "".join(parts) + '"'

    def local(self, prefix: str) -> str:
        """A fresh local variable name."""
        return f"{prefix}{next(self._count)}"

    def emit(self, depth: int, text: str) -> None:
        """One line at ``depth`` (the function body is depth 2)."""
        self.lines.append("    " * depth + text)

    def path_expr(self, path: Path) -> str:
        """The expression reading ``path`` from its record (or the local it was read into once)."""
        read = self.reads.get(path)
        if read is not None:
            return read
        getter = f"g{self.records[path.alias]}({path.segments[0]!r})"
        if len(path.segments) == 1:
            return getter
        return f"{self.bind(dig, 'dig')}({getter}, {path.segments[1:]!r})"

    def blank_to_none(self, depth: int, var: str) -> None:
        """Empty text becomes ``None``."""
        self.emit(depth, f"if {var}.__class__ is str and (not {var} or {var}.isspace()):")
        self.emit(depth + 1, f"{var} = None")

    def trimmed(self, depth: int, var: str) -> None:
        """Text is trimmed (UKG pads char codes: ``"NYC "``) and empty text becomes ``None``.

        For key parts and references, so a padded code and a trimmed one give the same stable id.
        """
        self.emit(depth, f"if {var}.__class__ is str:")
        self.emit(depth + 1, f"{var} = {var}.strip() or None")
