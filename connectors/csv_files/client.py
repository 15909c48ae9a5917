"""The CSV files "client": reads the linked files in the import folder (no network), checks them, pages rows.

One client serves one sync or one live read: each file is read and checked once, then every record
type is served from memory. Content problems raise :class:`hub.errors.InvalidCredentials` naming the
row, the column and the fix, at link time (``probe``) and at every sync; a file that was fine when
linked but is gone or unreadable now raises :class:`hub.errors.ProviderUnreachable` with the remedy.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from connectors.csv_files.columns import BALANCES, EMPLOYEES, FILES, ORG_UNITS, FileKind
from connectors.csv_files.credentials import FileRefused, folder_label, import_root, locate
from connectors.csv_files.files import MAX_BYTES, Table, TooLarge, parse_table, read_bytes
from connectors.csv_files.labels import RECORD_OF_MODEL, default_label_table, label_table
from connectors.csv_files.records import (
    RECORD_TYPES,
    distinct,
    policies,
    ref_column_key,
    rows_of,
    units_from_departments,
)
from connectors.csv_files.validation import cap, check_files, check_values
from hub.sdk import FieldIssue, HttpSettings, HubError, InvalidCredentials, LabelTable, ProviderUnreachable

__all__ = ["PAGE_SIZE", "CsvFilesClient", "create_client"]

PAGE_SIZE = 500
"""Rows per page of :meth:`CsvFilesClient.records`."""

Row = dict[str, Any]


class _Gone(Exception):
    """A linked file that cannot be read now (deleted, moved, permissions changed)."""

    def __init__(self, kind: FileKind, name: str, reason: str) -> None:
        super().__init__(reason)
        self.kind, self.name, self.reason = kind, name, reason


class CsvFilesClient:
    """Reads one account's CSV files. ``requests`` counts the files read."""

    def __init__(self, credentials: Mapping[str, Any], settings: HttpSettings | None = None) -> None:
        self.names: dict[str, str | None] = {
            kind.field: credentials.get(kind.field) or None for kind in FILES
        }
        self.requests = 0
        self.customer_id = settings.customer_id if settings is not None else None
        self._tables: dict[str, Table | None] | None = None
        self._failure: HubError | None = None
        self._records: dict[str, list[Row]] = {}
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        linked = ", ".join(f"{k}={v!r}" for k, v in self.names.items() if v)
        return f"CsvFilesClient({linked})"

    # -- reading and checking --------------------------------------------------------------------

    def _read(self, kind: FileKind, name: str, root: Path, *, linking: bool) -> Table:
        """One file parsed; a problem with the file itself becomes the table's issue (or :class:`_Gone`)."""
        table = Table(kind, name)
        try:
            _, real = locate(name, root, self.customer_id)
        except FileRefused as refused:
            if not linking and refused.reason in {"missing", "no_root", "not_regular"}:
                raise _Gone(kind, name, refused.message) from None
            table.issue(refused.message, refused.fix)
            return table
        try:
            data = read_bytes(real)
        except TooLarge:
            table.issue(
                f"is larger than {MAX_BYTES // 2**20} MB.",
                "Split it, or leave out columns the hub does not need.",
            )
            return table
        except OSError as exc:
            reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
            if not linking:
                raise _Gone(kind, name, f"{name!r} cannot be read ({reason}).") from None
            table.issue(
                f"{name!r} cannot be read by the hub ({reason}).",
                "Make the file readable by the user the hub runs as (e.g. chmod 644), or copy it again.",
            )
            return table
        finally:
            self.requests += 1
        return parse_table(kind, name, data)

    def _read_all(self, linking: bool) -> dict[str, Table | None]:
        root = import_root(self.customer_id)
        where = folder_label(root, self.customer_id)
        back = root if self.customer_id is None else where
        tables: dict[str, Table | None] = {}
        gone: list[_Gone] = []
        for kind in FILES:
            name = self.names[kind.field]
            if name is None:
                tables[kind.field] = None
                continue
            try:
                table = self._read(kind, name, root, linking=linking)
            except _Gone as exc:
                gone.append(exc)
                continue
            if table.headers:
                check_values(table)
            tables[kind.field] = table
        if gone:
            files = "; ".join(f"the {g.kind.noun} {g.reason}" for g in gone)
            raise ProviderUnreachable(
                f"A linked file is no longer readable from {where}: {files}",
                provider="csv_files",
                remedy=(
                    f"Put the file back in {back} (names are case-sensitive) and make it readable by the "
                    "hub, or link the account again with the file's new name "
                    f"(hrishub relink ACCOUNT --set {gone[0].kind.field}=NAME)."
                ),
            )
        check_files(tables)
        issues: list[FieldIssue] = [i for t in tables.values() if t is not None for i in t.issues]
        if issues:
            raise InvalidCredentials(cap(issues), connector="csv_files")
        return tables

    async def _load(self, *, linking: bool = False) -> dict[str, Table | None]:
        async with self._lock:
            if self._failure is not None:
                raise self._failure
            if self._tables is None:
                try:
                    self._tables = await asyncio.to_thread(self._read_all, linking)
                except HubError as exc:
                    self._failure = exc
                    raise
            return self._tables

    async def _rows(self, record: str) -> list[Row]:
        if record not in RECORD_TYPES:
            raise ValueError(f"unknown CSV files record type {record!r}; known: {', '.join(RECORD_TYPES)}")
        tables = await self._load()
        if record not in self._records:
            self._records[record] = self._build(record, tables)
        return self._records[record]

    def _build(self, record: str, tables: Mapping[str, Table | None]) -> list[Row]:
        employees, balances, units = (tables.get(k.field) for k in (EMPLOYEES, BALANCES, ORG_UNITS))
        if record == "employees":
            return rows_of(employees) if employees is not None else []
        if record == "time-off-balances":
            return rows_of(balances) if balances is not None else []
        if record == "time-off-policies":
            return policies(rows_of(balances)) if balances is not None else []
        if record == "org-units":
            if units is not None:
                return rows_of(units)
            if employees is None:
                return []
            return units_from_departments(distinct(rows_of(employees), ref_column_key(employees, "Group")))
        if employees is None:
            return []
        model = "Location" if record == "locations" else "Company"
        return [{"name": name} for name in distinct(rows_of(employees), ref_column_key(employees, model))]

    # -- the hub's client protocol ---------------------------------------------------------------

    async def probe(self) -> None:
        """Open and check every linked file; every problem at once (:class:`InvalidCredentials`)."""
        await self._load(linking=True)

    async def check_permissions(self, permissions: Iterable[str]) -> dict[str, bool]:
        """Files have no permissions: every name asked about is held."""
        return dict.fromkeys(permissions, True)

    async def records(
        self,
        record: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        where: Mapping[str, Sequence[Any]] | None = None,
        **params: Any,
    ) -> AsyncIterator[list[Row]]:
        """Rows of one record type, :data:`PAGE_SIZE` a page.

        A file has no change feed, so ``since``/``until`` are ignored (every read is whole); ``where``
        keeps the rows whose fields take one of the given values.
        """
        del since, until, params
        rows = await self._rows(record)
        if where:
            wanted = {name: {str(v) for v in values} for name, values in where.items()}
            rows = [r for r in rows if all(str(r.get(n)) in vs for n, vs in wanted.items())]
        for start in range(0, len(rows), PAGE_SIZE):
            yield rows[start : start + PAGE_SIZE]

    async def labels(self, model: str) -> LabelTable:
        """The file's headers as labels for ``model``'s map (the default headers for a file not linked)."""
        found = RECORD_OF_MODEL.get(model)
        if found is None:
            return LabelTable()
        kind, record = found
        tables = await self._load()
        table = tables.get(kind.field)
        return default_label_table(kind, record) if table is None else label_table(table, record)

    async def aclose(self) -> None:
        """Nothing to release: files are read whole and closed at once."""
        self._records.clear()


def create_client(credentials: Mapping[str, Any], settings: HttpSettings) -> CsvFilesClient:
    """The connector's client factory (see :class:`hub.connector.Connector`)."""
    return CsvFilesClient(credentials, settings)
