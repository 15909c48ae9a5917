"""Staging a model's mapped records during a sync, so the store changes only when the read is whole.

Records are packed (data and raw provider records as JSON, both hashed: :mod:`hub.sync.packing`)
as they are mapped and written in batches to a scratch file of the run (memory stays flat however
large the tenant);
:mod:`hub.sync.apply` then reads them back, batch by batch, into ``records`` in one transaction,
compressing (and sealing) the raw data of the records it writes: a record that did not change is
never compressed. A sync that dies while staging leaves ``records`` untouched (the scratch file is
anonymous: it goes with the process); the next run stages afresh. Staging outside the store keeps
each record out of the database's log until it is applied, so it is written to the store once.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import Any

from hub.store import Store
from hub.sync.packing import NOT_STORED, Packed, StagedRow
from hub.sync.report import ModelReport

__all__ = ["NOT_STORED", "StagedRow", "Stager", "is_filled"]


def is_filled(value: Any) -> bool:
    """Whether a unified value counts as present (not None, not empty text, list or object)."""
    return value is not None and value != "" and value != [] and value != {}


class Stager:
    """Stages one model's records of one run in a scratch file, batch by batch, in the order read.

    ``ids`` holds every staged id. :meth:`batches` reads the staged rows back; :meth:`close`
    drops the file (it is anonymous, so a killed process leaves nothing behind either).
    """

    def __init__(
        self,
        store: Store | None,
        run_id: str,
        model: str,
        report: ModelReport,
        *,
        batch: int = 1000,
    ) -> None:
        """Stage into a fresh scratch file."""
        self.store = store
        self.run_id = run_id
        self.model = model
        self.report = report
        self.batch = batch
        self.ids: set[str] = set()
        self._rows: list[StagedRow] = []
        self._file = tempfile.TemporaryFile(prefix="hrishub-staged-")  # noqa: SIM115 - see close()

    def accept(self, packed: Packed) -> bool:
        """Stage one packed record (:func:`hub.sync.packing.pack_slice`); False if its id was already staged.

        Only a staged record counts: its filled fields and oversized values go to the report.
        """
        row = packed.row
        if row.id in self.ids:
            return False
        self.ids.add(row.id)
        fill = self.report.fill
        for name in packed.filled:
            fill[name] = fill.get(name, 0) + 1
        for value in packed.oversized:
            self.report.add_oversized(value)
        self._rows.append(row)
        if len(self._rows) >= self.batch:
            self.flush()
        return True

    def flush(self) -> None:
        """Write what is buffered."""
        if self._rows:
            pickle.dump(self._rows, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._rows = []

    def finish(self) -> None:
        """Write what is buffered through to the file (a helper's staging, read by the syncing process)."""
        self.flush()
        self._file.flush()

    def batches(self) -> Iterator[list[StagedRow]]:
        """The staged rows, batch by batch, in the order they were staged."""
        self.flush()
        self._file.flush()
        self._file.seek(0)
        while True:
            try:
                yield pickle.load(self._file)  # our own scratch file, written above
            except EOFError:
                return

    def close(self) -> None:
        """Drop the scratch file."""
        self._rows = []
        self._file.close()
