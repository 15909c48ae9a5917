"""Whole reads kept and replayed: UKG endpoints that several field maps (or the client itself) read.

A full sync reads ``employment-details`` for employees and for employments, ``pto-plans`` for policies
and balances, ``contacts`` for dependents and emergency contacts, and so on. The first whole read
of such an endpoint (no key filter) streams from UKG as usual and is kept in a scratch file as it
passes (compact JSON, page after page); later reads by the same client with the same parameters
replay the file.
Only a read that ended is kept: one that failed half-way is read from UKG again. The file goes with
the client (:meth:`PageSpool.close`), so nothing outlives the run.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator, Callable
from typing import Any

import orjson

__all__ = ["REREAD", "PageSpool", "ReadOnce"]

REREAD = frozenset(
    {
        "employment-details",
        "org-levels",
        "pto-plans",
        "contacts",
        "employee-employment-details",
        "paygroup-payperiods",
        "payroll-deductions-history",
    }
)
"""UKG record types read whole by more than one field map or by a map and the client's own lookups
(``org-levels``: the customer's labels, and groups)."""


class PageSpool:
    """The pages of one whole read, in a scratch file, replayable in order."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="hrishub-ukg-pages-")  # noqa: SIM115 - see close()
        self._sizes: list[int] = []

    def add(self, page: list[dict[str, Any]]) -> None:
        """Keep one page."""
        data = orjson.dumps(page)
        self._file.write(data)
        self._sizes.append(len(data))

    def replay(self) -> AsyncIterator[list[dict[str, Any]]]:
        """The pages kept, in the order read."""
        self._file.flush()
        sizes = list(self._sizes)
        spool = self._file

        async def pages() -> AsyncIterator[list[dict[str, Any]]]:
            offset = 0
            for size in sizes:
                spool.seek(offset)
                offset += size
                yield orjson.loads(spool.read(size))

        return pages()

    def close(self) -> None:
        """Drop the file."""
        self._file.close()


class ReadOnce:
    """A client's kept whole reads, by record type and parameters: read from UKG once, replayed after."""

    def __init__(self) -> None:
        self._spools: dict[str, PageSpool] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self.replayed = 0
        """Whole reads served from a kept file rather than from UKG."""

    async def read(
        self, key: str, fetch: Callable[[], AsyncIterator[list[dict[str, Any]]]]
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """The pages of one read: ``fetch()``'s the first time, the kept copy after.

        ``key`` names the read: its record type and parameters.
        """
        # Two readers of one key at once: the second waits for the first read to end, then replays.
        async with self._locks.setdefault(key, asyncio.Lock()):
            kept = self._spools.get(key)
            if kept is None:
                spool = PageSpool()
                try:
                    async for page in fetch():
                        spool.add(page)
                        yield page
                except BaseException:
                    spool.close()
                    raise
                self._spools[key] = spool
                return
        self.replayed += 1
        async for page in kept.replay():
            yield page

    def close(self) -> None:
        """Drop every kept read."""
        for spool in self._spools.values():
            spool.close()
        self._spools.clear()
