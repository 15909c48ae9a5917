"""Which keys seal the store's rows, and re-encrypting every row under the current key.

A key can be retired (removed from ``HRISHUB_SECRET_KEY`` or ``secret.key``) once no row is sealed
under it: put the new key first, run :func:`reencrypt` (``hrishub keys reencrypt``), check with
:func:`key_usage` (``hrishub keys``) that only the new key is in use, then remove the old one.

Sealed things: accounts' credentials, webhook endpoints' signing secrets (one envelope per row, see
:meth:`hub.secrets.SecretBox.seal`), and single sealed values (:meth:`hub.secrets.SecretBox.seal_value`)
in records' unified data and raw data and in events' payloads. Rows are read and written in batches,
each batch its own transaction, and a row is rewritten only if it still holds what was read (a sync
writing the same record meanwhile wins). Running it again rewrites nothing: it is idempotent.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, Table, select, update

from hub.errors import SecretKeyError
from hub.secrets import KEY_ENV, SEALED_PREFIX
from hub.store import tables as t
from hub.store.codec import is_sealed_raw, unpack_raw

if TYPE_CHECKING:
    from hub.store.store import Store

__all__ = ["BATCH", "KINDS", "KeyUsage", "key_usage", "reencrypt"]

BATCH = 500
"""Rows read, re-encrypted and written per transaction."""

KINDS = ("account credentials", "webhook endpoint secrets", "records", "events")
"""The kinds of rows that hold sealed values, as reports name them."""

_KID = re.compile(re.escape(SEALED_PREFIX) + r"([^:\"]+):")
_LISTED = 10
"""Rows named in a refusal (the count covers them all)."""

RawKeys = Callable[[str], Mapping[str, Collection[str]]]
"""A connector's name → its sensitive raw members (``Connector.sensitive_raw_keys``)."""


@dataclass
class KeyUsage:
    """Per kind of row, how many rows each key id seals (a row sealed under two keys counts for both).

    ``unknown`` lists rows (kind, id) sealed under a key the hub does not hold: they cannot be opened.
    """

    current: str
    held: list[str]
    rows: dict[str, Counter[str]] = field(default_factory=lambda: {kind: Counter() for kind in KINDS})
    unknown: list[tuple[str, str]] = field(default_factory=list)
    unknown_count: int = 0

    def note(self, kind: str, row_id: str, kids: Collection[str]) -> None:
        """Count one row of ``kind`` sealed under ``kids``."""
        for kid in kids:
            self.rows[kind][kid] += 1
        if any(kid not in self.held for kid in kids):
            self.unknown_count += 1
            if len(self.unknown) < _LISTED:
                self.unknown.append((kind, row_id))

    def retired(self) -> list[str]:
        """The held keys no row uses any more (safe to remove), the current one never among them."""
        used = {kid for counted in self.rows.values() for kid in counted}
        return [kid for kid in self.held if kid != self.current and kid not in used]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``current``, ``held``, ``rows`` (kind → key id → rows), ``unknown``, ``retired``."""
        return {
            "current": self.current,
            "held": self.held,
            "rows": {kind: dict(counted) for kind, counted in self.rows.items()},
            "unknown": [{"kind": kind, "id": row_id} for kind, row_id in self.unknown],
            "unknown_count": self.unknown_count,
            "retired": self.retired(),
        }


def _envelope_kid(text: str) -> set[str]:
    try:
        kid = json.loads(text).get("kid")
    except (ValueError, AttributeError):
        return set()
    return {kid} if isinstance(kid, str) else set()


def _raw_kids(raw: bytes | None) -> set[str]:
    if not is_sealed_raw(raw):
        return set()
    assert raw is not None
    return set(_KID.findall(json.dumps(unpack_raw(raw))))


def _pages(store: Store, table: Table, key: Column[Any], columns: list[Column[Any]]) -> Iterator[list[Any]]:
    """Every row of ``table`` (``key`` and ``columns``), in batches of :data:`BATCH`, by ``key``."""
    after: Any = None
    while True:
        query = select(key, *columns).order_by(key).limit(BATCH)
        if after is not None:
            query = query.where(key > after)
        with store.engine.connect() as db:
            rows = db.execute(query).all()
        if not rows:
            return
        yield rows
        after = rows[-1][0]


def key_usage(store: Store) -> KeyUsage:
    """How many rows of each kind each key id seals, and the rows under keys the hub does not hold."""
    usage = KeyUsage(current=store.box.current, held=store.box.key_ids)
    for kind, table, column in (
        ("account credentials", t.accounts, t.accounts.c.credentials),
        ("webhook endpoint secrets", t.webhook_endpoints, t.webhook_endpoints.c.secrets),
    ):
        for rows in _pages(store, table, table.c.id, [column]):
            for row_id, text in rows:
                usage.note(kind, row_id, _envelope_kid(text))
    records = t.records.c
    for rows in _pages(store, t.records, records.seq, [records.id, records.data, records.raw]):
        for _seq, row_id, data, raw in rows:
            kids = set(_KID.findall(data)) | _raw_kids(raw)
            if kids:
                usage.note("records", row_id, kids)
    for rows in _pages(store, t.events, t.events.c.seq, [t.events.c.id, t.events.c.payload]):
        for _seq, row_id, payload in rows:
            kids = set(_KID.findall(payload))
            if kids:
                usage.note("events", row_id, kids)
    return usage


def _refuse_unknown(usage: KeyUsage) -> None:
    if not usage.unknown_count:
        return
    named = ", ".join(f"{kind} {row_id}" for kind, row_id in usage.unknown)
    more = (
        f" (and {usage.unknown_count - len(usage.unknown)} more)"
        if usage.unknown_count > len(usage.unknown)
        else ""
    )
    raise SecretKeyError(
        f"{usage.unknown_count} row(s) are sealed under a key this hub does not hold: {named}{more}. "
        "Nothing was re-encrypted.",
        remedy=f"Add the key they were sealed with to {KEY_ENV} or the key file (after the current "
        "one), then run `hrishub keys reencrypt` again; `hrishub keys` lists the key ids in use.",
    )


def _opening(kind: str, row_id: str, work: Callable[[], Any]) -> Any:
    """``work()``; a key error names the row (kind and id), never a value."""
    try:
        return work()
    except SecretKeyError as error:
        raise SecretKeyError(
            f"The {kind} row {row_id} cannot be re-encrypted: {error.message} The batches before its "
            "own were re-encrypted; the rest were not.",
            remedy=f"{error.remedy} Then run `hrishub keys reencrypt` again (it goes on where it stopped).",
        ) from None


def reencrypt(
    store: Store,
    *,
    raw_keys: RawKeys | None = None,
    sensitive: Mapping[str, Collection[str]] | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Seal every sealed value again under the current key; rows re-encrypted per kind.

    Values still in plain text that should be sealed are sealed too: the unified fields
    ``sensitive`` names per model, and the raw members ``raw_keys`` gives per connector. Refuses
    (:class:`hub.errors.SecretKeyError` naming the rows) before writing anything when a row is
    sealed under a key the hub does not hold. ``progress(kind, rows)`` is called after each batch.
    """
    _refuse_unknown(key_usage(store))
    box, seal = store.box, store.seal
    done = dict.fromkeys(KINDS, 0)

    def report(kind: str, count: int) -> None:
        done[kind] += count
        if progress is not None and count:
            progress(kind, count)

    for kind, table, column in (
        ("account credentials", t.accounts, t.accounts.c.credentials),
        ("webhook endpoint secrets", t.webhook_endpoints, t.webhook_endpoints.c.secrets),
    ):
        for rows in _pages(store, table, table.c.id, [column]):
            changes = [
                (row_id, text, _opening(kind, row_id, lambda r=row_id, x=text: box.seal(r, box.open(r, x))))
                for row_id, text in rows
                if box.needs_rotation(text)
            ]
            with store.begin() as db:
                for row_id, old, new in changes:
                    db.execute(
                        update(table).where(table.c.id == row_id, column == old).values({column.name: new})
                    )
            report(kind, len(changes))

    with store.engine.connect() as db:
        connectors = {
            row.id: row.connector for row in db.execute(select(t.accounts.c.id, t.accounts.c.connector))
        }
    records = t.records.c
    columns = [records.id, records.account_id, records.model, records.data, records.raw]
    for rows in _pages(store, t.records, records.seq, columns):
        changed_records = []
        for seq, row_id, account_id, model, data, raw in rows:
            fields = (sensitive or {}).get(model, ())
            members = raw_keys(connectors.get(account_id, "")) if raw_keys is not None else {}
            new_data = _opening(
                "records", row_id, lambda r=row_id, d=data, f=fields: seal.reseal_data(r, d, f)
            )
            new_raw = _opening("records", row_id, lambda r=row_id, w=raw, m=members: seal.reseal_raw(r, w, m))
            if new_data is not None or new_raw is not None:
                changed_records.append(
                    (seq, data, raw, new_data or data, new_raw if new_raw is not None else raw)
                )
        with store.begin() as db:
            for seq, data, raw, new_data, new_raw in changed_records:
                same_raw = records.raw.is_(None) if raw is None else records.raw == raw
                db.execute(
                    update(t.records)
                    .where(records.seq == seq, records.data == data, same_raw)
                    .values(data=new_data, raw=new_raw)
                )
        report("records", len(changed_records))

    events = t.events.c
    for rows in _pages(store, t.events, events.seq, [events.id, events.payload]):
        changed_events = []
        for seq, row_id, payload in rows:
            new = _opening("events", row_id, lambda r=row_id, p=payload: seal.reseal_event(r, p))
            if new is not None:
                changed_events.append((seq, payload, new))
        with store.begin() as db:
            for seq, old, new in changed_events:
                db.execute(
                    update(t.events).where(events.seq == seq, events.payload == old).values(payload=new)
                )
        report("events", len(changed_events))
    return done
