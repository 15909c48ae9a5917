"""The provider rows a sync stored for a change feed's keys: what a feed read takes where nothing changed.

With ``ChangeFeed.changed_since``, a feed's keys are read as "the rows changed since the last sync"
(:class:`hub.live.ChangedReads`); for a key the provider returned no changed row for, the row stored
with its record at the last sync is the provider's row now. Those rows are the raw data of the feed's
models keyed by the feed's key alone (UKG Pro: Employee, one per company and employee), found by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from field_maps.joiner import JoinKey, normalise_key
from hub.store.reads import raw_by_id
from hub.store.store import Store
from unified_models import stable_id

__all__ = ["StoredRows"]


class StoredRows:
    """The stored raw rows of some feed keys, by record type, read once from the store when first asked.

    ``models`` maps each model keyed by the feed's key alone to the record types its field map reads.
    """

    def __init__(
        self,
        store: Store,
        account_id: str,
        connector: str,
        models: Mapping[str, Iterable[str]],
        keys: Sequence[tuple[str, ...]],
    ) -> None:
        self._store = store
        self._account_id = account_id
        self._connector = connector
        self._models = {model: frozenset(records) for model, records in models.items()}
        self._keys = list(keys)
        self._raw: dict[str, dict[JoinKey, Any]] | None = None

    def _load(self) -> dict[str, dict[JoinKey, Any]]:
        if self._raw is None:
            self._raw = {}
            for model in self._models:
                ids: dict[str, JoinKey] = {}
                for key in self._keys:
                    joined = normalise_key(key)
                    if joined is not None:
                        ids[stable_id(self._connector, model, key)] = joined
                stored = raw_by_id(self._store, self._account_id, model, ids)
                self._raw[model] = {ids[record_id]: raw for record_id, raw in stored.items()}
        return self._raw

    def rows(self, record: str, key: JoinKey) -> list[dict[str, Any]] | None:
        """The rows of ``record`` stored for ``key`` (``[]``: its record had none), None when not known.

        Not known: no model reading ``record`` has a live record with raw data for the key (a new
        employee, one the employee filters left out, raw data over the size cap).
        """
        loaded = self._load()
        for model, records in self._models.items():
            if record not in records:
                continue
            raw = loaded[model].get(key)
            if not isinstance(raw, dict):
                continue
            rows = raw.get(record)
            if rows is None:
                return []
            return [row for row in (rows if isinstance(rows, list) else [rows]) if isinstance(row, dict)]
        return None
