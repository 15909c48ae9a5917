"""The zstd dictionaries each account's raw data is packed with (``store.raw_dictionaries``).

A full sync of a model with none trains one on the account's records as it writes them
(:class:`hub.store.codec.RawPacker`) and keeps it here, in the transaction that writes them; later
syncs pack with it. Reading raw data looks its dictionary up here by the id its frame names
(:func:`hub.store.codec.add_dictionary_source`). Deleting an account deletes its dictionaries.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, Engine

from hub.store import tables as t
from hub.store.codec import RawDictionary, add_dictionary_source, new_dictionary_id, register_dictionary

__all__ = ["RawDictionaryStore"]


class RawDictionaryStore:
    """The ``raw_dictionaries`` table: find an account's dictionary for a model, keep a new one."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        add_dictionary_source(self.data)

    def current(self, account_id: str, model: str) -> RawDictionary | None:
        """The dictionary a write of ``model``'s raw data packs with for the account (None: none yet)."""
        d = t.raw_dictionaries.c
        query = (
            select(d.id, d.data)
            .where(d.account_id == account_id, d.model == model)
            .order_by(d.created_at.desc(), d.id)
            .limit(1)
        )
        with self.engine.connect() as db:
            row = db.execute(query).first()
        if row is None:
            return None
        dictionary = RawDictionary(int(row.id), bytes(row.data))
        register_dictionary(dictionary)
        return dictionary

    def data(self, dictionary_id: int) -> bytes | None:
        """A dictionary's bytes by id (None: not in this store)."""
        d = t.raw_dictionaries.c
        with self.engine.connect() as db:
            data = db.execute(select(d.data).where(d.id == dictionary_id)).scalar()
        return None if data is None else bytes(data)

    def unused_id(self) -> int:
        """An id for a dictionary about to be trained that no dictionary in this store has.

        Two syncs drawing the same id between this check and their inserts is the one way left for
        ids to meet: a chance in 2**31 for two trainings at once.
        """
        d = t.raw_dictionaries.c
        with self.engine.connect() as db:
            while True:
                dictionary_id = new_dictionary_id()
                if db.execute(select(d.id).where(d.id == dictionary_id)).first() is None:
                    return dictionary_id

    @staticmethod
    def add(db: Connection, account_id: str, model: str, dictionary: RawDictionary, now: datetime) -> None:
        """Keep a dictionary trained for the account's ``model``, in the transaction ``db`` writes with."""
        db.execute(
            insert(t.raw_dictionaries).values(
                id=dictionary.id, account_id=account_id, model=model, data=dictionary.data, created_at=now
            )
        )
