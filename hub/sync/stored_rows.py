"""The provider rows a sync stored for a change feed's keys: what a feed read takes where nothing changed.

With ``ChangeFeed.changed_since``, a feed's keys are read as "the rows changed since the last sync"
(:class:`hub.live.ChangedReads`); for a key the provider returned no changed row for, the rows stored
with its records at the last sync are the provider's rows now. Those rows are the raw data of the feed's
models: those keyed by the feed's key alone (UKG Pro: Employee, one per company and employee), found
by id, and those keyed beyond it (UKG Pro: Employment, one per job-history row), found by the member
naming their owner (``ChangeFeed.owner``: the Employee's hub id in ``employee_id``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson

from field_maps.joiner import JoinKey, normalise_key
from hub.store.reads import raw_by_id, raw_by_member
from hub.store.store import Store
from unified_models import stable_id

__all__ = ["StoredRows"]


class StoredRows:
    """The stored raw rows of some feed keys, by record type, read once per model when first asked.

    ``models`` maps each model keyed by the feed's key alone to the record types its field map reads;
    ``owned`` each model keyed beyond it, whose records name their ``owner`` (model, member).
    """

    def __init__(
        self,
        store: Store,
        account_id: str,
        connector: str,
        models: Mapping[str, Iterable[str]],
        keys: Sequence[tuple[str, ...]],
        *,
        owned: Mapping[str, Iterable[str]] | None = None,
        owner: tuple[str, str] | None = None,
    ) -> None:
        self._store = store
        self._account_id = account_id
        self._connector = connector
        self._models = {model: frozenset(records) for model, records in models.items()}
        self._owned = {model: frozenset(records) for model, records in (owned or {}).items()} if owner else {}
        self._owner_model, self._member = owner or ("", "")
        self._keys = list(keys)
        self._raw: dict[str, dict[JoinKey, Any]] = {}
        self._parts: dict[str, dict[JoinKey, list[Any]]] = {}

    def _ids(self, model: str) -> dict[str, JoinKey]:
        """Hub id of each key's ``model`` record → the key, as joins compare it."""
        ids: dict[str, JoinKey] = {}
        for key in self._keys:
            joined = normalise_key(key)
            if joined is not None:
                ids[stable_id(self._connector, model, key)] = joined
        return ids

    def _whole(self, model: str) -> dict[JoinKey, Any]:
        if model not in self._raw:
            ids = self._ids(model)
            stored = raw_by_id(self._store, self._account_id, model, ids)
            self._raw[model] = {ids[record_id]: raw for record_id, raw in stored.items()}
        return self._raw[model]

    def _owned_raw(self, model: str) -> dict[JoinKey, list[Any]]:
        """Key → the raw data of each of its live ``model`` records, in stored order (None: none stored)."""
        if model not in self._parts:
            ids = self._ids(self._owner_model)
            parts: dict[JoinKey, list[Any]] = {}
            for owner_id, raw in raw_by_member(self._store, self._account_id, model, self._member, ids):
                parts.setdefault(ids[owner_id], []).append(raw)
            self._parts[model] = parts
        return self._parts[model]

    def rows(self, record: str, key: JoinKey) -> list[dict[str, Any]] | None:
        """The rows of ``record`` stored for ``key`` (``[]``: its records had none), None when not known.

        Not known: no model reading ``record`` has live records with raw data for the key (a new
        employee, one the employee filters left out, raw data over the size cap). A model keyed
        beyond the key gives the rows of all the key's records, each once, and is known only where
        the owner's record is stored and each of the key's records kept its raw data.
        """
        for model, records in self._models.items():
            if record in records:
                raw = self._whole(model).get(key)
                if isinstance(raw, dict):
                    return _rows_of(raw, record)
        for model, records in self._owned.items():
            if record not in records or not isinstance(self._whole(self._owner_model).get(key), dict):
                continue
            parts = self._owned_raw(model).get(key, [])
            if any(not isinstance(raw, dict) for raw in parts):
                continue
            seen: set[bytes] = set()
            rows = []
            for raw in parts:
                for row in _rows_of(raw, record):
                    identity = orjson.dumps(row, option=orjson.OPT_SORT_KEYS)
                    if identity not in seen:  # a joined row repeats on each of the key's records
                        seen.add(identity)
                        rows.append(row)
            return rows
        return None


def _rows_of(raw: dict[str, Any], record: str) -> list[dict[str, Any]]:
    rows = raw.get(record)
    if rows is None:
        return []
    return [row for row in (rows if isinstance(rows, list) else [rows]) if isinstance(row, dict)]
