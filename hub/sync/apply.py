"""Applying a model's staged records to the store in one transaction, and recording the events.

Everything a model's sync changes commits together: new and changed records, deletions (only after
a complete read), the model's sync state (the feed cursor among it) and the change events in the
outbox. Readers see the previous state until the commit, then the new one; a crash before the
commit changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from hub.secrets import SEALED_PREFIX
from hub.store import Store
from hub.store import tables as t
from hub.store.codec import RawDictionary, RawPacker
from hub.store.events import new_event_id
from hub.store.raw_dictionaries import RawDictionaryStore
from hub.store.sealing import RecordSeal
from hub.sync.diff import diff_records
from hub.sync.report import ModelReport
from hub.sync.staging import StagedRow, Stager

__all__ = ["EVENT_MODELS", "ApplyPlan", "apply_model", "mark_delivered", "pending_events", "save_state"]

_CHUNK = 1000

APPLY_CACHE_KIB = -32_768
"""SQLite's page cache while a model is applied (negative: in KiB, so 32 MB); see :func:`_roomy_cache`.

Measured at 50,000 employees, the resident memory it takes is not all handed back after the apply,
so it adds to a sync's peak: 64 MB cost as much in memory and gained nothing measurable in time."""

EVENT_MODELS = {"Employee": "employee", "Employment": "employment", "TimeOffBalance": "time_off_balance"}
"""Models whose changes become events (``employee.created`` ...)."""


@dataclass
class ApplyPlan:
    """How to apply one model's staged records.

    ``full`` with ``complete``: records not staged are marked ``remote_was_deleted`` (except the
    ``protected`` ids, whose records failed to map this time). ``excluded`` maps the ids the
    account's filters leave out to their new data: they leave the store; when ``announce_exclusions``
    (the filters did not change) a stored employee who stops matching because of a change (say, a
    termination under an ACTIVE filter) is announced with that change first. ``emit`` is False on a
    model's first load, so a new account does not announce every employee as hired. ``sensitive``
    (unified fields) and ``sensitive_raw`` (the connector's raw members) are sealed as they are written,
    in the records and in the events. ``between``: called after each batch written, while the
    transaction is open (a sync hands its idle read-ahead helpers their next models there).
    """

    account_id: str
    connector: str
    run_id: str
    model: str
    now: datetime
    full: bool
    complete: bool
    emit: bool
    protected: set[str] = field(default_factory=set)
    excluded: dict[str, str] = field(default_factory=dict)
    announce_exclusions: bool = True
    hide: tuple[str, ...] = ()
    cursor: datetime | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
    sensitive: tuple[str, ...] = ()
    sensitive_raw: Mapping[str, Collection[str]] = field(default_factory=dict)
    seal: RecordSeal | None = None
    between: Callable[[], None] | None = None
    packer: RawPacker = field(default_factory=RawPacker)
    """Compresses the raw data written: with the account's dictionary, training one, or plain zstd."""
    dictionary: RawDictionary | None = None
    """A dictionary a read-ahead helper trained and packed staged rows with: kept with the records."""


def _event(plan: ApplyPlan, kind: str, record_id: str, record: dict[str, Any], changes: Any = None) -> dict:
    for name in plan.hide:
        record.pop(name, None)
        if changes:
            changes = {k: v for k, v in changes.items() if k.split(".")[0] != name}
    event_id = new_event_id()
    changed = {k: list(v) for k, v in (changes or {}).items()}
    if plan.seal is not None:
        for name in plan.sensitive:
            if record.get(name) is not None:
                record[name] = plan.seal.box.seal_value(f"{event_id}\x1f{name}", record[name])
        for name, pair in changed.items():
            if name.split(".")[0] in plan.sensitive:
                changed[name] = plan.seal.box.seal_value(f"{event_id}\x1fchanges.{name}", pair)
    payload = {"record": record, "changes": changed}
    return {
        "id": event_id,
        "account_id": plan.account_id,
        "run_id": plan.run_id,
        "type": f"{EVENT_MODELS[plan.model]}.{kind}",
        "record_id": record_id,
        "payload": json.dumps(payload, default=str),
        "created_at": plan.now,
    }


def _sealed_data(plan: ApplyPlan, record_id: str, data: str) -> str:
    return plan.seal.seal_data(record_id, data, plan.sensitive) if plan.seal is not None else data


def _packed_raw(plan: ApplyPlan, row: StagedRow) -> bytes | None:
    """A staged row's raw JSON as the store keeps it: compressed, its sensitive members sealed."""
    if row.raw is None or row.packed:
        return row.raw
    if row.sensitive and plan.seal is not None:
        return plan.seal.seal_raw_json(row.id, row.raw, plan.sensitive_raw, plan.packer)
    return plan.packer.pack(row.raw)


def _opened(plan: ApplyPlan, data: str) -> dict[str, Any]:
    """A stored record's data, parsed, with its sealed fields opened."""
    if plan.seal is not None and SEALED_PREFIX in data:
        return plan.seal.open_text(data)
    return json.loads(data)  # type: ignore[no-any-return]


def _is_termination(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """An employee who stopped being employed: now INACTIVE, or a termination date newly set."""
    became_inactive = after.get("employment_status") == "INACTIVE" != before.get("employment_status")
    return became_inactive or (bool(after.get("termination_date")) and not before.get("termination_date"))


def _terminates(plan: ApplyPlan, before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Whether the change is announced as ``employee.terminated`` (other models have no such event)."""
    return plan.model == "Employee" and _is_termination(before, after)


def _upsert_staged(
    db: Connection, plan: ApplyPlan, report: ModelReport, staged: Stager, events: list[dict]
) -> None:
    """Insert the new staged records (in the order read) and update the changed ones."""
    r = t.records.c
    emit = plan.emit and plan.model in EVENT_MODELS
    changed_events: list[dict] = []
    created_events: list[dict] = []
    rewrite = (
        update(t.records)
        .where(r.seq == bindparam("b_seq"))
        .values(
            hash=bindparam("b_hash"),
            data=bindparam("b_data"),
            raw=bindparam("b_raw"),
            remote_id=bindparam("b_remote_id"),
        )
    )
    modify = rewrite.values(modified_at=plan.now, deleted=False)
    for batch in staged.batches():
        stored = {
            row.id: row
            for row in db.execute(
                select(r.seq, r.id, r.hash, r.deleted).where(
                    r.account_id == plan.account_id, r.model == plan.model, r.id.in_([s.id for s in batch])
                )
            )
        }
        new: list[dict[str, Any]] = []
        changed: list[tuple[Any, StagedRow]] = []
        for row in batch:
            old = stored.get(row.id)
            if old is None:
                new.append(
                    {
                        "account_id": plan.account_id,
                        "model": plan.model,
                        "id": row.id,
                        "remote_id": row.remote_id,
                        "hash": row.hash,
                        "data": _sealed_data(plan, row.id, row.data),
                        "raw": _packed_raw(plan, row),
                        "deleted": False,
                        "created_at": plan.now,
                        "modified_at": plan.now,
                    }
                )
                if emit:
                    created_events.append(_event(plan, "created", row.id, json.loads(row.data)))
            elif old.hash != row.hash or old.deleted:
                changed.append((old, row))
        if changed:
            seqs = [old.seq for old, _ in changed]
            before = {seq: data for seq, data in db.execute(select(r.seq, r.data).where(r.seq.in_(seqs)))}
            rewritten, modified = [], []
            for old, row in changed:
                values = {
                    "b_seq": old.seq,
                    "b_hash": row.hash,
                    "b_data": _sealed_data(plan, row.id, row.data),
                    "b_raw": _packed_raw(plan, row),
                    "b_remote_id": row.remote_id,
                }
                was, now = _opened(plan, before[old.seq]), json.loads(row.data)
                changes = diff_records(was, now)
                if not (changes or old.deleted):
                    rewritten.append(values)  # same data, new raw: not a change anyone is told of
                    continue
                modified.append(values)
                report.updated += 1
                if emit:
                    if old.deleted:
                        changed_events.append(_event(plan, "created", row.id, now))
                    else:
                        kind = "terminated" if _terminates(plan, was, now) else "updated"
                        changed_events.append(_event(plan, kind, row.id, now, changes))
            if rewritten:
                db.execute(rewrite, rewritten)
            if modified:
                db.execute(modify, modified)
        if new:
            report.created += len(new)
            _insert_new(db, new)
        if plan.between is not None:
            plan.between()
    # Changed records first, then new ones, each in id order (as they have always been announced).
    events.extend(sorted(changed_events, key=lambda e: e["record_id"]))
    events.extend(sorted(created_events, key=lambda e: e["record_id"]))


_NEW_COLUMNS = (
    "account_id",
    "model",
    "id",
    "remote_id",
    "hash",
    "data",
    "raw",
    "deleted",
    "created_at",
    "modified_at",
)


def _insert_new(db: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert new records; on SQLite straight through the driver, the same values SQLAlchemy would bind.

    A sync inserts every record of a new tenant: SQLAlchemy's per-row parameter processing was a
    tenth of an apply. The columns that take a processor (the time stamps, the flag) hold one value
    for the whole batch, so each is processed once; the rest are text and bytes, bound as they are.
    """
    if db.dialect.name != "sqlite" or not rows:
        db.execute(insert(t.records), rows)
        return
    first = rows[0]
    constant = {}
    for name in ("deleted", "created_at", "modified_at"):
        process = t.records.c[name].type.dialect_impl(db.dialect).bind_processor(db.dialect)
        constant[name] = process(first[name]) if process is not None else first[name]
    if any(row[name] is not first[name] for row in rows for name in constant):
        db.execute(insert(t.records), rows)  # not one value per batch after all: the general path
        return
    sql = f"INSERT INTO records ({', '.join(_NEW_COLUMNS)}) VALUES ({', '.join('?' * len(_NEW_COLUMNS))})"
    tail = (constant["deleted"], constant["created_at"], constant["modified_at"])
    db.exec_driver_sql(
        sql,
        [
            (r["account_id"], r["model"], r["id"], r["remote_id"], r["hash"], r["data"], r["raw"], *tail)
            for r in rows
        ],
    )


def _delete_missing(
    db: Connection, plan: ApplyPlan, report: ModelReport, staged: Stager, events: list[dict]
) -> None:
    r = t.records.c
    last = 0
    while True:
        rows = db.execute(
            select(r.seq, r.id)
            .where(r.account_id == plan.account_id, r.model == plan.model, r.deleted.is_(False), r.seq > last)
            .order_by(r.seq)
            .limit(_CHUNK)
        ).all()
        if not rows:
            return
        last = rows[-1].seq
        gone = [row.seq for row in rows if row.id not in staged.ids and row.id not in plan.protected]
        if not gone:
            continue
        if plan.emit and plan.model in EVENT_MODELS:
            for row in db.execute(select(r.id, r.data).where(r.seq.in_(gone)).order_by(r.seq)):
                events.append(_event(plan, "deleted", row.id, _opened(plan, row.data)))
        db.execute(update(t.records).where(r.seq.in_(gone)).values(deleted=True, modified_at=plan.now))
        report.deleted += len(gone)


def _drop_excluded(db: Connection, plan: ApplyPlan, report: ModelReport, events: list[dict]) -> None:
    r = t.records.c
    ids = list(plan.excluded)
    announce = plan.emit and plan.announce_exclusions and plan.model in EVENT_MODELS
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        where = (r.account_id == plan.account_id, r.model == plan.model, r.id.in_(chunk))
        if announce:
            for row in db.execute(select(r.id, r.data).where(*where, r.deleted.is_(False))):
                before, after = _opened(plan, row.data), json.loads(plan.excluded[row.id])
                changes = diff_records(before, after)
                if changes:
                    kind = "terminated" if _terminates(plan, before, after) else "updated"
                    events.append(_event(plan, kind, row.id, after, changes))
        report.excluded += db.execute(delete(t.records).where(*where)).rowcount or 0


def save_state(
    db: Connection,
    account_id: str,
    name: str,
    *,
    now: datetime,
    cursor: datetime | None = None,
    full: bool = False,
    details: Mapping[str, Any] | None = None,
) -> None:
    """Record a model's (or a feed's) sync state; the cursor never moves backwards."""
    st = t.sync_state.c
    row = db.execute(select(t.sync_state).where(st.account_id == account_id, st.name == name)).first()
    values: dict[str, Any] = {"last_run_at": now}
    if cursor is not None and (row is None or row.cursor is None or cursor > row.cursor):
        values["cursor"] = cursor
    if full:
        values["last_full_at"] = now
    if details is not None:
        values["details"] = json.dumps(details, default=str)
    if row is None:
        db.execute(insert(t.sync_state).values(account_id=account_id, name=name, **values))
    else:
        db.execute(update(t.sync_state).where(st.account_id == account_id, st.name == name).values(**values))


@contextmanager
def _roomy_cache(db: Connection) -> Iterator[None]:
    """On SQLite, a larger page cache for the length of one apply.

    An apply writes every record of a model in one transaction, and each insert lands in the
    indexes of ``records`` at a random place (ids are hashes): with SQLite's default 2 MB cache
    most of those pages are read and written again and again once a tenant is large.
    """
    if db.dialect.name != "sqlite":
        yield
        return
    before = db.exec_driver_sql("PRAGMA cache_size").scalar()
    db.exec_driver_sql(f"PRAGMA cache_size={APPLY_CACHE_KIB}")
    try:
        yield
    finally:
        db.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


def apply_model(store: Store, plan: ApplyPlan, report: ModelReport, staged: Stager) -> list[dict[str, Any]]:
    """Move the records ``staged`` for one model into the store; returns the events it recorded."""
    events: list[dict[str, Any]] = []
    with store.begin() as db, _roomy_cache(db):
        _upsert_staged(db, plan, report, staged, events)
        if plan.excluded:
            _drop_excluded(db, plan, report, events)
        if plan.full and plan.complete:
            _delete_missing(db, plan, report, staged, events)
        report.unchanged = max(0, report.read - report.created - report.updated)
        save_state(
            db,
            plan.account_id,
            plan.model,
            now=plan.now,
            cursor=plan.cursor,
            full=plan.full and plan.complete,
            details=plan.details,
        )
        for dictionary in (plan.dictionary, plan.packer.trained):
            if dictionary:  # data packed with it was written above: kept in the same transaction
                RawDictionaryStore.add(db, plan.account_id, plan.model, dictionary, plan.now)
        if events:
            db.execute(insert(t.events), events)
    return events


def pending_events(store: Store, account_id: str | None = None) -> Iterable[Any]:
    """Events committed but not yet delivered to ``sync_event`` listeners, oldest first."""
    e = t.events.c
    query = select(t.events).where(e.delivered_at.is_(None)).order_by(e.seq)
    if account_id is not None:
        query = query.where(e.account_id == account_id)
    with store.engine.connect() as db:
        return db.execute(query).all()


def mark_delivered(store: Store, seqs: list[int], now: datetime) -> None:
    """Mark events delivered."""
    with store.begin() as db:
        for start in range(0, len(seqs), _CHUNK):
            db.execute(
                update(t.events)
                .where(t.events.c.seq.in_(seqs[start : start + _CHUNK]))
                .values(delivered_at=now)
            )
