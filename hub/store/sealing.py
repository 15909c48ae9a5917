"""Sensitive fields at rest: sealed (encrypted) in a record's data and raw data, opened on read.

The unified fields marked sensitive (:data:`unified_models.SENSITIVE_FIELDS`: national id, date of
birth, ethnicity) and the raw members a connector declares sensitive (``sensitive_raw_keys``: UKG's
``ssn``, ``dateOfBirth``) are each replaced, as a record is written, by a sealed text
(:meth:`hub.secrets.SecretBox.seal_value`, the key ring of the credentials) bound to the record id and
the member's name. Readers get rows with those values opened. Values stored before sealing existed
stay readable as they are until ``hrishub keys reencrypt`` seals them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import SimpleNamespace
from typing import Any

import orjson

from hub.secrets import SEALED_PREFIX, SecretBox, is_sealed
from hub.store.codec import RawPacker, RawRedaction, is_sealed_raw, pack_json, pack_raw, unpack_raw

__all__ = ["RecordSeal"]

_SEP = "\x1f"
_SEALED_BYTES = SEALED_PREFIX.encode()


class RecordSeal:
    """Seals and opens the sensitive members of stored records with one key ring."""

    def __init__(self, box: SecretBox) -> None:
        self.box = box

    # -- unified data -----------------------------------------------------------------------------

    def seal_data(self, record_id: str, data: str, fields: Collection[str]) -> str:
        """``data`` (a record's JSON) with each filled field of ``fields`` sealed, and those members last.

        The members of ``fields`` it holds are moved to the end of the object, in the order given
        (null ones too): a read that hides them then cuts the stored bytes instead of parsing them
        (:func:`hub.store.reads.encoded_page`). Readers that parse the JSON see the same record.
        """
        if not fields:
            return data
        parsed = orjson.loads(data)
        last = {}
        for name in fields:
            if name not in parsed:
                continue
            value = parsed.pop(name)
            if value is not None and not is_sealed(value):
                value = self.box.seal_value(f"{record_id}{_SEP}{name}", value)
            last[name] = value
        parsed.update(last)
        return orjson.dumps(parsed).decode()

    def open_data(self, record_id: str, data: dict[str, Any]) -> dict[str, Any]:
        """``data`` (parsed) with its sealed fields opened, in place."""
        for name, value in data.items():
            if is_sealed(value):
                data[name] = self.box.open_value(f"{record_id}{_SEP}{name}", value)
        return data

    @staticmethod
    def holds_sealed(data: bytes, end: int | None = None) -> bool:
        """Whether JSON ``data`` (up to byte ``end``) may hold a sealed value (False: none to open)."""
        return data.find(_SEALED_BYTES, 0, end) != -1

    def open_json(self, record_id: str, text: str) -> str:
        """A record's JSON ``text`` with its sealed top-level members opened (``text`` itself if none)."""
        if SEALED_PREFIX not in text:
            return text
        return orjson.dumps(self.open_data(record_id, orjson.loads(text))).decode()

    def open_text(self, data: str) -> dict[str, Any]:
        """A record's stored JSON, parsed, its sealed fields opened."""
        parsed = orjson.loads(data)
        if SEALED_PREFIX in data:
            self.open_data(parsed.get("id", ""), parsed)
        return parsed  # type: ignore[no-any-return]

    # -- raw data ---------------------------------------------------------------------------------

    def seal_raw_json(
        self,
        record_id: str,
        text: bytes,
        keys: Mapping[str, Collection[str]],
        packer: RawPacker | None = None,
    ) -> bytes:
        """Raw data given as JSON bytes, packed (by ``packer`` if given), its members ``keys`` names sealed.

        Data with no member to seal is packed as it came.
        """
        raw = orjson.loads(text)
        if isinstance(raw, dict) and self._seal_members(record_id, raw, keys):
            if packer is not None:
                return packer.pack(orjson.dumps(raw, default=str), sealed=True)
            return pack_raw(raw, sealed=True)
        return packer.pack(text) if packer is not None else pack_json(text)

    def _seal_members(self, record_id: str, raw: dict[str, Any], keys: Mapping[str, Collection[str]]) -> bool:
        """Seal, in place, the members ``keys`` names (record type → names, dotted) not sealed yet."""
        touched = False
        place = f"{record_id}{_SEP}raw{_SEP}"
        seal = self.box.seal_value
        for record, flat, nested in RawRedaction.of(keys).members:
            rows = raw.get(record)
            for row in rows if isinstance(rows, list) else (rows,):
                if row.__class__ is not dict:
                    continue
                for name in row.keys() & flat:
                    value = row[name]
                    if value is not None and not is_sealed(value):
                        row[name] = seal(f"{place}{record}.{name}", value)
                        touched = True
                for *path, leaf in nested:
                    node: Any = row
                    for part in path:
                        node = node.get(part) if node.__class__ is dict else None
                    value = node.get(leaf) if node.__class__ is dict else None
                    if value is not None and not is_sealed(value):
                        node[leaf] = seal(f"{place}{record}.{'.'.join(path)}.{leaf}", value)
                        touched = True
        return touched

    def open_raw(self, record_id: str, raw: Any) -> Any:
        """Unpacked raw data with every sealed member opened, in place."""
        if isinstance(raw, dict):
            for record, rows in raw.items():
                self._open_node(record_id, record, [], rows)
        return raw

    def _open_node(self, record_id: str, record: str, path: list[str], node: Any) -> Any:
        if is_sealed(node):
            return self.box.open_value(f"{record_id}{_SEP}raw{_SEP}{record}.{'.'.join(path)}", node)
        if isinstance(node, dict):
            for key, value in node.items():
                node[key] = self._open_node(record_id, record, [*path, key], value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                node[index] = self._open_node(record_id, record, path, value)
        return node

    # -- events ---------------------------------------------------------------------------------

    def open_event(self, event_id: str, payload: dict[str, Any]) -> dict[str, Any]:
        """An event's payload (``record``, ``changes``) with its sealed values opened, in place."""
        record = payload.get("record") or {}
        for name, value in record.items():
            if is_sealed(value):
                record[name] = self.box.open_value(f"{event_id}{_SEP}{name}", value)
        changes = payload.get("changes") or {}
        for name, value in changes.items():
            if is_sealed(value):
                changes[name] = self.box.open_value(f"{event_id}{_SEP}changes.{name}", value)
        return payload

    # -- re-encryption under the current key (hrishub keys reencrypt) -----------------------------

    def _reseal(self, place: str, value: Any) -> tuple[Any, bool]:
        if is_sealed(value) and self.box.value_needs_rotation(value):
            return self.box.seal_value(place, self.box.open_value(place, value)), True
        return value, False

    def reseal_data(self, record_id: str, data: str, fields: Collection[str] = ()) -> str | None:
        """A record's JSON with every value under an older key sealed again under the current one.

        Filled ``fields`` still in plain text (stored before sealing existed) are sealed too. None when
        nothing changes.
        """
        if SEALED_PREFIX not in data and not fields:
            return None
        parsed = orjson.loads(data)
        touched = False
        for name, value in parsed.items():
            parsed[name], changed = self._reseal(f"{record_id}{_SEP}{name}", value)
            touched |= changed
        for name in fields:
            value = parsed.get(name)
            if value is not None and not is_sealed(value):
                parsed[name] = self.box.seal_value(f"{record_id}{_SEP}{name}", value)
                touched = True
        return orjson.dumps(parsed).decode() if touched else None

    def reseal_raw(
        self, record_id: str, packed: bytes | None, keys: Mapping[str, Collection[str]] | None = None
    ) -> bytes | None:
        """Packed raw data with every member under an older key sealed again (and ``keys`` sealed).

        Packed with the dictionary it was packed with, if any. None when nothing changes.
        """
        if not packed or not (keys or is_sealed_raw(packed)):
            return None
        raw = unpack_raw(packed)
        if not isinstance(raw, dict):
            return None
        touched = False
        if is_sealed_raw(packed):
            for record, rows in raw.items():
                raw[record], changed = self._reseal_node(record_id, record, [], rows)
                touched |= changed
        if keys:
            touched |= self._seal_members(record_id, raw, keys)
        return pack_raw(raw, sealed=True, like=packed) if touched else None

    def _reseal_node(self, record_id: str, record: str, path: list[str], node: Any) -> tuple[Any, bool]:
        if is_sealed(node):
            return self._reseal(f"{record_id}{_SEP}raw{_SEP}{record}.{'.'.join(path)}", node)
        touched = False
        if isinstance(node, dict):
            for key, value in node.items():
                node[key], changed = self._reseal_node(record_id, record, [*path, key], value)
                touched |= changed
        elif isinstance(node, list):
            for index, value in enumerate(node):
                node[index], changed = self._reseal_node(record_id, record, path, value)
                touched |= changed
        return node, touched

    def reseal_event(self, event_id: str, payload: str) -> str | None:
        """An event's payload JSON with every value under an older key sealed again; None if none."""
        if SEALED_PREFIX not in payload:
            return None
        parsed = orjson.loads(payload)
        touched = False
        for member, prefix in (("record", ""), ("changes", "changes.")):
            values = parsed.get(member) or {}
            for name, value in values.items():
                values[name], changed = self._reseal(f"{event_id}{_SEP}{prefix}{name}", value)
                touched |= changed
        return orjson.dumps(parsed).decode() if touched else None

    # -- rows -------------------------------------------------------------------------------------

    def open_row(self, row: Any) -> Any:
        """A stored row (``data``, ``raw``) with its sealed members opened; the row itself if none are."""
        data = row.data
        raw = getattr(row, "raw", None)
        sealed_data = isinstance(data, str) and SEALED_PREFIX in data
        sealed_raw = isinstance(raw, bytes) and is_sealed_raw(raw)
        if not (sealed_data or sealed_raw):
            return row
        values = dict(row._mapping)
        record_id = values.get("id")
        if sealed_data:
            parsed = orjson.loads(data)
            record_id = record_id or parsed.get("id", "")
            values["data"] = orjson.dumps(self.open_data(record_id, parsed)).decode()
        if sealed_raw:
            if record_id is None:
                record_id = orjson.loads(data).get("id", "")
            values["raw"] = pack_raw(self.open_raw(record_id, unpack_raw(raw)))
        return SimpleNamespace(**values)
