"""Reading unified records back from the store: keyset pages that stay stable while a sync writes."""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson
from sqlalchemy import (
    Integer,
    LargeBinary,
    Select,
    String,
    Text,
    bindparam,
    cast,
    exists,
    false,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import JSONB

from hub.errors import AmbiguousId
from hub.store import tables as t
from hub.store.codec import RawRedaction, unpack_raw
from hub.store.store import Store
from unified_models import SENSITIVE_FIELDS, format_instant

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from hub.selection import FilterSpec

__all__ = [
    "encode_rows",
    "encoded_page",
    "find_record",
    "lineage_of",
    "raw_by_id",
    "raw_by_member",
    "raw_of",
    "reads_encoded",
    "record_page",
    "records_by_field",
    "records_by_id",
    "to_json_dict",
    "to_model",
]

CHUNK = 500
"""Ids per ``IN`` list: well under SQLite's bound-parameter limit, so a page of 1000 takes two queries."""


def record_page(
    store: Store,
    account_id: str,
    model: str,
    *,
    after: int = 0,
    limit: int = 100,
    modified_after: datetime | None = None,
    with_raw: bool = True,
    hidden: tuple[str, ...] = (),
    instants_as_text: bool = False,
    include_deleted: bool = True,
    filters: Sequence[tuple[FilterSpec, str]] = (),
) -> list[Any]:
    """Up to ``limit`` records after position ``after``, in the order they were first stored.

    Positions (``seq``) only grow and an update keeps a record's position, so a customer paging
    while a sync runs sees every record once; records the sync adds appear at the end.
    ``with_raw=False`` leaves the provider's raw data (the largest column) unread. ``hidden`` fields
    are emptied by the database where it can (see :func:`hides_in_sql`), else left for the caller.
    ``instants_as_text`` hands SQLite's stored text for ``created_at``/``modified_at`` back unparsed
    (:func:`encode_rows` formats it directly); other databases give datetimes either way.

    ``modified_after`` keeps records the hub changed after that moment (the ``modified_at`` column:
    the hub's clock). Records deleted in the provider are left out unless ``include_deleted``;
    ``filters`` (each a :class:`~hub.selection.FilterSpec` and its value) must all hold. They are
    tested by the database on the stored JSON (SQLite's JSON1, PostgreSQL's jsonb) while it walks
    the account's records in ``seq`` order, so no record is loaded that a filter rejects.
    """
    specs = tuple(spec for spec, _ in filters)
    statement = _page_statement(
        store.engine.dialect.name,
        with_raw=with_raw,
        hidden=hidden,
        instants_as_text=instants_as_text,
        since=modified_after is not None,
        include_deleted=include_deleted,
        specs=specs,
    )
    params = _page_params(account_id, model, after, limit, modified_after, filters)
    with store.engine.connect() as db:
        rows = db.execute(statement, params).all()
    return [store.seal.open_row(row) for row in rows]


@lru_cache(maxsize=256)
def _page_statement(
    dialect: str,
    *,
    with_raw: bool,
    hidden: tuple[str, ...],
    instants_as_text: bool,
    since: bool,
    include_deleted: bool = True,
    specs: tuple[FilterSpec, ...] = (),
) -> Select[Any]:
    # Built once per shape with bound parameters: building and keying a statement per request costs
    # more than the read itself on the API's hot path.
    r = t.records.c
    raw = r.raw if with_raw else null().label("raw")
    data = _hiding(dialect, r.data, hidden).label("data") if hidden else r.data
    created, modified = r.created_at, r.modified_at
    if instants_as_text and dialect == "sqlite":
        created = type_coerce(r.created_at, String()).label("created_at")
        modified = type_coerce(r.modified_at, String()).label("modified_at")
    query = select(r.seq, r.id, data, raw, r.deleted, created, modified)
    return _paged(dialect, query, since=since, include_deleted=include_deleted, specs=specs)


def _paged(
    dialect: str, query: Select[Any], *, since: bool, include_deleted: bool, specs: tuple[FilterSpec, ...]
) -> Select[Any]:
    """``query`` kept to one page of an account's records of one model, in ``seq`` order."""
    r = t.records.c
    query = (
        query.where(
            r.account_id == bindparam("account_id"),
            r.model == bindparam("model"),
            r.seq > bindparam("after"),
        )
        .order_by(r.seq)
        .limit(bindparam("limit"))
    )
    if since:
        query = query.where(r.modified_at > bindparam("modified_after", type_=t.UTCDateTime()))
    if not include_deleted:
        query = query.where(r.deleted == false())
    for index, spec in enumerate(specs):
        query = query.where(_test(dialect, spec, bindparam(f"filter_{index}", type_=String())))
    return query


def _page_params(
    account_id: str,
    model: str,
    after: int,
    limit: int,
    modified_after: datetime | None,
    filters: Sequence[tuple[FilterSpec, str]],
) -> dict[str, Any]:
    params: dict[str, Any] = {"account_id": account_id, "model": model, "after": after, "limit": limit}
    if modified_after is not None:
        params["modified_after"] = modified_after
    for index, (_, value) in enumerate(filters):
        params[f"filter_{index}"] = value
    return params


def reads_encoded(store: Store) -> bool:
    """Whether :func:`encoded_page` can read this store: SQLite, whose text it reads as stored bytes."""
    return store.engine.dialect.name == "sqlite"


def encoded_page(
    store: Store,
    account_id: str,
    model: str,
    *,
    after: int = 0,
    limit: int = 100,
    modified_after: datetime | None = None,
    hidden: tuple[str, ...] = (),
    include_deleted: bool = True,
    filters: Sequence[tuple[FilterSpec, str]] = (),
) -> tuple[list[bytes | memoryview], int | None]:
    """The page :func:`record_page` reads, without raw data, as pieces of the API's JSON.

    Joined, the pieces are the page's records separated by commas, the bytes :func:`encode_rows`
    makes; they come with the position of the page's last record when more follow (None on the last
    page). SQLite only (:func:`reads_encoded`). They are made with less work: each record's JSON is
    handed over as its stored UTF-8 bytes (never decoded to text and encoded back), the ``hidden``
    members are cut off its end where a sync wrote them (:meth:`hub.store.sealing.RecordSeal.seal_data`
    keeps them last) and nulls put in their place, the store's members are spliced on without copying
    the record, and only a record stored otherwise, or still holding a sealed value (an account whose
    sensitive fields are not hidden), is parsed.
    """
    specs = tuple(spec for spec, _ in filters)
    statement = _encoded_statement(
        since=modified_after is not None, include_deleted=include_deleted, specs=specs
    )
    params = _page_params(account_id, model, after, limit + 1, modified_after, filters)
    with store.engine.connect() as db:
        rows = db.execute(statement, params).all()
    following = rows[limit - 1][0] if len(rows) > limit else None
    page = rows[:limit]
    holds_sealed = store.seal.holds_sealed
    hiding = _hiding_of(model, hidden) if hidden else None
    pieces: list[bytes | memoryview] = []
    sealed = False
    for row in page:
        data: bytes = row[2]
        if hiding is None:
            body: bytes | memoryview = memoryview(data)[:-1]
            rest = b""
            sealed = sealed or holds_sealed(data)
        else:
            body, rest, cut = _hidden_body(data, hiding)
            if not sealed and not (cut is not None and hiding.hides_sealed):
                sealed = holds_sealed(data, cut) if cut is not None else holds_sealed(body)  # type: ignore[arg-type]
        pieces += (body, rest, _tail(row[3], row[4], row[5], len(data) > 2 or hiding is not None), b",")
    if not sealed:
        return pieces[:-1], following
    opened = [
        store.seal.open_json(row[1], b"".join(pieces[4 * n : 4 * n + 3]).decode())
        for n, row in enumerate(page)
    ]
    return [",".join(opened).encode()], following


class _Hiding(NamedTuple):
    marker: bytes
    """The first hidden member's key as it follows another member: ``,"name":``."""
    names: tuple[str, ...]
    nulls: bytes
    """The hidden members, null, each after a comma."""
    hides_sealed: bool
    """Whether every member a sync seals is hidden: a record cut off before them holds no sealed value."""


@lru_cache(maxsize=64)
def _hiding_of(model: str, hidden: tuple[str, ...]) -> _Hiding:
    nulls = b"".join(b',"' + name.encode() + b'":null' for name in hidden)
    hides_sealed = set(SENSITIVE_FIELDS.get(model, ())) <= set(hidden)
    return _Hiding(b',"' + hidden[0].encode() + b'":', hidden, nulls, hides_sealed)


def _hidden_body(data: bytes, hiding: _Hiding) -> tuple[bytes | memoryview, bytes, int | None]:
    """A stored record's JSON with the hidden members null and no closing brace, in two pieces.

    With the length of the stored bytes kept: None when the record was parsed and written again (the
    first piece is then bytes).
    """
    # The last `,"first hidden name":` outside any string (a quote inside one is escaped): where the
    # hidden members start when a sync wrote them last. If the rest is not exactly those members (a
    # record stored before, or a nested member of that name), the record is parsed instead.
    cut = data.rfind(hiding.marker)
    if cut > 0:
        try:
            rest = orjson.loads(b"{" + data[cut + 1 :])
        except orjson.JSONDecodeError:
            rest = None
        if isinstance(rest, dict) and tuple(rest) == hiding.names:
            return memoryview(data)[:cut], hiding.nulls, cut
    parsed = orjson.loads(data)
    parsed.update(dict.fromkeys(hiding.names))  # as the SQL of record_page: null in place, or added
    return orjson.dumps(parsed)[:-1], b"", None


def _tail(deleted: int, created: str, modified: str, after_member: bool) -> bytes:
    """The store's members closing a record's JSON, as :func:`encode_rows` writes them."""
    # The usual stored instant (26 characters) inline: a call per instant is a tenth of this function.
    created = f"{created[:10]}T{created[11:]}Z" if len(created) == 26 else _instant_of(created)
    modified = f"{modified[:10]}T{modified[11:]}Z" if len(modified) == 26 else _instant_of(modified)
    gone = "true" if deleted else "false"
    comma = "," if after_member else ""
    return (
        f'{comma}"created_at":"{created}","modified_at":"{modified}","remote_was_deleted":{gone}}}'.encode()
    )


@lru_cache(maxsize=256)
def _encoded_statement(*, since: bool, include_deleted: bool, specs: tuple[FilterSpec, ...]) -> Select[Any]:
    # BLOB: SQLite hands text over as its bytes, and the driver then skips decoding each record.
    r = t.records.c
    query = select(
        r.seq,
        r.id,
        cast(r.data, LargeBinary()).label("data"),
        type_coerce(r.deleted, Integer()).label("deleted"),
        type_coerce(r.created_at, String()).label("created_at"),
        type_coerce(r.modified_at, String()).label("modified_at"),
    )
    return _paged("sqlite", query, since=since, include_deleted=include_deleted, specs=specs)


_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _test(dialect: str, spec: FilterSpec, value: Any) -> Any:
    """The SQL condition of one filter, its value bound as ``value``."""
    r = t.records.c
    if spec.field == "remote_id":
        return r.remote_id == value  # a column of its own, indexed
    if spec.member:
        if dialect == "postgresql":
            held = cast(r.data, JSONB).op("->")(spec.field)
            return held.op("@>")(func.jsonb_build_array(value))
        # One row per list element, read by SQLite's json_each for this record only.
        each = func.json_each(r.data, f"$.{spec.field}").table_valued("value")
        return exists(select(literal_column("1")).select_from(each).where(each.c.value == value))
    member = t.JsonMember(r.data, spec.field)
    if spec.fold_case:
        # ASCII letters only, as hub.selection.fold does (SQLite's lower() folds no others).
        if dialect == "postgresql":
            return func.translate(member, _UPPER, _UPPER.lower()) == value
        return func.lower(member) == value
    return member == value


def hides_in_sql(store: Store) -> bool:
    """Whether the store's database can empty JSON members itself (SQLite's JSON1, PostgreSQL's jsonb)."""
    return store.engine.dialect.name in ("sqlite", "postgresql")


def _hiding(dialect: str, column: Any, hidden: tuple[str, ...]) -> Any:
    """``column`` (JSON text) with the ``hidden`` top-level members set to null, computed by the database."""
    if dialect == "sqlite":
        pairs = [item for name in hidden for item in (f"$.{name}", null())]
        return func.json_set(column, *pairs)
    if dialect == "postgresql":
        nulls = json.dumps(dict.fromkeys(hidden))
        merged = cast(column, JSONB).op("||")(cast(literal(nulls), JSONB))
        return cast(merged, Text)
    return column


def find_record(store: Store, account_id: str, model: str, ref: str) -> Any | None:
    """The stored record whose hub id, or provider id, is ``ref``.

    A provider id may also be the last part of composite remote ids (UKG's ``employeeId`` in
    ``companyId:employeeId``): it names a record when exactly one matches.

    Raises:
        AmbiguousId: ``ref`` is the last part of several records' remote ids.

    """
    r = t.records.c
    columns = (r.seq, r.id, r.data, r.raw, r.deleted, r.created_at, r.modified_at)
    exact = (
        select(*columns)
        .where(r.account_id == account_id, r.model == model, or_(r.id == ref, r.remote_id == ref))
        .order_by((r.id == ref).desc(), r.deleted, r.seq)
        .limit(1)
    )
    partial = (
        select(*columns, r.remote_id)
        .where(
            r.account_id == account_id,
            r.model == model,
            r.remote_id.endswith(":" + ref, autoescape=True),
        )
        .order_by(r.deleted, r.remote_id)
        .limit(20)
    )
    with store.engine.connect() as db:
        found = db.execute(exact).first()
        if found is not None:
            return store.seal.open_row(found)
        rows = db.execute(partial).all()
    live = [row for row in rows if not row.deleted] or rows
    if len(live) > 1:
        raise AmbiguousId(
            f"{ref!r} is the provider id of {len(live)} {model} records of account {account_id} "
            "(one person with records in several companies).",
            [row.remote_id for row in live],
        )
    return store.seal.open_row(live[0]) if live else None


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def records_by_id(store: Store, account_id: str, model: str, ids: Iterable[str]) -> list[Any]:
    """The stored records (deleted ones too, without raw data) whose hub id is one of ``ids``.

    One indexed query per :data:`CHUNK` ids, whatever their number: a page's references are read
    in a bounded number of queries, never one per record.
    """
    r = t.records.c
    found: list[Any] = []
    with store.engine.connect() as db:
        for chunk in _chunks(ids):
            query = select(
                r.seq, r.id, r.data, null().label("raw"), r.deleted, r.created_at, r.modified_at
            ).where(r.account_id == account_id, r.model == model, r.id.in_(chunk))
            found.extend(db.execute(query).all())
    return [store.seal.open_row(row) for row in found]


def raw_by_id(store: Store, account_id: str, model: str, ids: Iterable[str]) -> dict[str, Any]:
    """The raw provider data of the live records whose hub id is one of ``ids``, sealed members opened.

    By id; a record stored without raw data (over the size cap) is left out, as is a deleted one: what
    it held is not known to be the provider's now.
    """
    r = t.records.c
    found: dict[str, Any] = {}
    with store.engine.connect() as db:
        for chunk in _chunks(ids):
            query = select(r.id, r.raw).where(
                r.account_id == account_id,
                r.model == model,
                r.id.in_(chunk),
                r.deleted == false(),
                r.raw.is_not(None),
            )
            for row in db.execute(query):
                found[row.id] = store.seal.open_raw(row.id, unpack_raw(row.raw))
    return found


def raw_by_member(
    store: Store, account_id: str, model: str, member: str, values: Iterable[str]
) -> list[tuple[str, Any]]:
    """(``member``'s value, raw provider data) of the live records whose ``member`` is one of ``values``.

    In stored order, sealed members opened; None for a record stored without raw data. The member is
    read through its index where the store has one (``employee_id``).
    """
    r = t.records.c
    column = t.JsonMember(r.data, member)
    found: list[tuple[int, str, Any]] = []
    with store.engine.connect() as db:
        for chunk in _chunks(values):
            query = select(r.seq, r.id, column.label("member"), r.raw).where(
                r.account_id == account_id, r.model == model, column.in_(chunk), r.deleted == false()
            )
            for row in db.execute(query):
                raw = None if row.raw is None else store.seal.open_raw(row.id, unpack_raw(row.raw))
                found.append((row.seq, row.member, raw))
    found.sort(key=lambda item: item[0])
    return [(value, raw) for _, value, raw in found]


def records_by_field(
    store: Store,
    account_id: str,
    model: str,
    field: str,
    values: Iterable[str],
    *,
    include_deleted: bool = False,
) -> list[Any]:
    """The stored records (without raw data) whose top-level ``field`` is one of ``values``, in stored order.

    The field is read from the stored JSON by the database: one query per :data:`CHUNK` values.
    """
    r = t.records.c
    member = t.JsonMember(r.data, field)
    found: list[Any] = []
    with store.engine.connect() as db:
        for chunk in _chunks(values):
            query = select(
                r.seq, r.id, r.data, null().label("raw"), r.deleted, r.created_at, r.modified_at
            ).where(r.account_id == account_id, r.model == model, member.in_(chunk))
            if not include_deleted:
                query = query.where(r.deleted == false())
            found.extend(db.execute(query.order_by(r.seq)).all())
    found.sort(key=lambda row: row.seq)
    return [store.seal.open_row(row) for row in found]


def lineage_of(store: Store, account_id: str, model: str) -> dict[str, Any] | None:
    """The field lineage the last sync of ``model`` mapped with (API name and label per field)."""
    return store.sync_state.get(account_id, model).get("details", {}).get("lineage")


def raw_of(row: Any, redaction: RawRedaction | None) -> tuple[Any, list[str]]:
    """A stored row's raw provider data with ``redaction`` applied (None: all of it), and what it redacted."""
    if not row.raw:
        return None, []
    raw = unpack_raw(row.raw)
    return redaction.apply(raw) if redaction is not None else (raw, [])


def to_model(
    cls: Any,
    row: Any,
    *,
    include_raw: bool = False,
    lineage: dict[str, Any] | None = None,
    redaction: RawRedaction | None = None,
) -> Any:
    """A unified model instance from a stored row; raw data (when asked for) redacted by ``redaction``."""
    data = json.loads(row.data)
    data["created_at"] = row.created_at
    data["modified_at"] = row.modified_at
    data["remote_was_deleted"] = bool(row.deleted)
    if include_raw:
        data["remote_data"], data["remote_data_redacted"] = raw_of(row, redaction)
    if lineage is not None:
        data["field_sources"] = lineage
    return cls.model_validate(data)


def to_json_dict(
    row: Any,
    *,
    include_raw: bool = False,
    lineage: dict[str, Any] | None = None,
    hidden: tuple[str, ...] = (),
    redaction: RawRedaction | None = None,
) -> dict[str, Any]:
    """A stored record as the JSON-ready dict its model would dump, without building the model.

    The stored data was written by the model's own serializer, so it needs no validation again; this
    is the API's hot path. ``hidden`` fields are emptied as for the model; raw data (when asked for)
    has ``redaction`` applied, its redacted members named in ``remote_data_redacted``.
    """
    data = orjson.loads(row.data)
    data["created_at"] = _instant_of(row.created_at)
    data["modified_at"] = _instant_of(row.modified_at)
    data["remote_was_deleted"] = bool(row.deleted)
    for name in hidden:
        data[name] = None
    if include_raw:
        data["remote_data"], data["remote_data_redacted"] = raw_of(row, redaction)
    if lineage is not None:
        data["field_sources"] = {k: v for k, v in lineage.items() if k.split(".")[0] not in hidden}
    return data


def _instant_of(value: datetime | str) -> str:
    """:func:`unified_models.format_instant` of a datetime, or of SQLite's stored text (UTC).

    SQLAlchemy stores ``2026-01-31 14:05:09.123456``: always six fractional digits, so the usual text
    needs only its separator and zone; any other width is padded to the same form.
    """
    if not isinstance(value, str):
        return format_instant(value)
    if len(value) == 26:
        return f"{value[:10]}T{value[11:]}Z"
    whole, _, fraction = value.partition(".")
    return f"{whole[:10]}T{whole[11:19]}.{fraction[:6].ljust(6, '0')}Z"


def encode_rows(
    rows: list[Any],
    *,
    hidden: tuple[str, ...] = (),
    include_raw: bool = False,
    redaction: RawRedaction | None = None,
) -> list[bytes]:
    """Stored rows as the JSON bytes :func:`to_json_dict` would encode, without parsing them when possible.

    The stored data is the model's own JSON without the store's members, so those are spliced onto
    its end (with ``include_raw``, the raw data too, redacted by ``redaction``: only the raw data is
    parsed). ``hidden`` fields the database did not empty (see :func:`record_page`) need a parse.
    """
    if hidden:
        return [
            orjson.dumps(to_json_dict(row, hidden=hidden, include_raw=include_raw, redaction=redaction))
            for row in rows
        ]
    encoded = []
    for row in rows:
        data: str = row.data
        deleted = "true" if row.deleted else "false"
        tail = (
            f'"created_at":"{_instant_of(row.created_at)}","modified_at":"{_instant_of(row.modified_at)}",'
            f'"remote_was_deleted":{deleted}'
        )
        spliced = f"{data[:-1]}{',' if len(data) > 2 else ''}{tail}"
        if include_raw:
            raw, redacted = raw_of(row, redaction)
            encoded.append(
                spliced.encode()
                + b',"remote_data":'
                + orjson.dumps(raw)
                + b',"remote_data_redacted":'
                + orjson.dumps(redacted)
                + b"}"
            )
        else:
            encoded.append(f"{spliced}}}".encode())
    return encoded
