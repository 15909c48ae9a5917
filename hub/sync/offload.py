"""Packing a sync's records in order, in helper processes once a read proves large (opt-in).

A sync's work per record is of three kinds: reading and decoding the provider's pages and joining
them, mapping and packing each record (:func:`hub.sync.packing.pack_slice`), writing the store.
Python runs one at a time per process; :class:`Packer` moves the middle one, with the compression
and sealing of raw data, to helper processes (``HttpSettings.sync_workers``,
``HRISHUB_SYNC_WORKERS``), so a spare core maps while this process reads and writes.

Helpers are forked (they inherit the compiled map and the store's sealing: nothing is compiled
twice, no plugin loaded again) and only once the read has passed :data:`OFFLOAD_AFTER` records: a
small read never pays for a process. A helper gets joined records as JSON and hands back plain
values (staged rows, errors, problems); it never touches the store, the provider or the event
loop. Results come back in read order, so what is staged, and the report, are the same as when
every record is packed here. Without ``fork`` (not Linux) everything is packed here; so is what a
helper that died (killed, out of memory) left, with a warning in the log.

Off by default, on measurement (``python3 bench/full_sync.py --workers 1``): it takes a quarter of
the CPU off this process, but shipping a joined record costs nearly what mapping it does (an
Employee's is 6 KB of JSON: about 10 µs to write here, 30 µs to read there), so on two cores shared
with the provider's sandbox a full sync took 5-10% longer with a helper than without.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Any

import orjson

from hub.sync import packing
from hub.sync.packing import Excluded, Packed, PackSpec, Refused, pack_slice

__all__ = ["OFFLOAD_AFTER", "Packer", "can_fork"]

log = logging.getLogger(__name__)

OFFLOAD_AFTER = 4_000
"""Records a read packs in this process before it starts helpers (a fork costs about 20 ms)."""

IN_FLIGHT = 4
"""Slices handed to helpers and not yet taken back, per helper: enough to keep them busy, few in memory."""

Result = Packed | Refused | Excluded

_adopted: tuple[Any, PackSpec] | None = None
"""In a helper: the compiled map and spec it packs with (inherited from the sync when forked)."""


def can_fork() -> bool:
    """Whether helpers can be forked here (they inherit the compiled map rather than rebuild it)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _adopt(compiled: Any, spec: PackSpec) -> None:
    global _adopted
    _adopted = (compiled, spec)


def _pack_adopted(joined: bytes | list[dict[str, Any]]) -> list[Result]:
    assert _adopted is not None, "a helper packs only after it was forked with a compiled map"
    compiled, spec = _adopted
    return pack_slice(compiled, spec, orjson.loads(joined) if isinstance(joined, bytes) else joined)


_AS_IS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_SUBCLASS
"""orjson options that refuse what JSON would not give back as it was (dates, dataclasses, subclasses)."""


def _shipped(joined: list[dict[str, Any]]) -> bytes | list[dict[str, Any]]:
    """``joined`` as a helper gets it: as JSON, or as it is (pickled) if JSON would change it.

    Decoded provider records are JSON values, and JSON is written twice as fast as pickle; a record
    holding something JSON would not give back as it was (a date, an object) goes pickled.
    """
    try:
        return orjson.dumps(joined, option=_AS_IS)
    except TypeError:
        return joined


class Packer:
    """Packs the joined records of one read, slice by slice, and gives the results back in order.

    ``await add(slice)`` gives the results that are ready (all of them while packing here);
    ``await rest()`` the remaining ones once the read has ended. ``mapped`` holds the keys of the
    records packed so far (at most :data:`hub.sync.packing.MAPPED_KEYS_KEPT`): a record with one of
    them is the same record again (UKG's ``pto-plans`` lists a plan once per enrolled employee),
    which the reader skips rather than maps. ``keep`` (the account's employee filters) needs the
    store, so a read with it is packed here. Close with :meth:`close`.
    """

    def __init__(
        self,
        compiled: Any,
        spec: PackSpec,
        *,
        keep: Callable[[Any], bool] | None = None,
        workers: int = 0,
        after: int = OFFLOAD_AFTER,
    ) -> None:
        self.compiled = compiled
        self.spec = spec
        self.keep = keep
        self.mapped: set[Any] = set()
        self.offloaded = 0
        """Records packed by helpers."""
        self._workers = 0 if keep is not None or not can_fork() else max(workers, 0)
        self._after = after
        self._seen = 0
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[tuple[list[dict[str, Any]], asyncio.Future[list[Result]]]] = deque()

    async def add(self, joined: list[dict[str, Any]]) -> list[Result]:
        """Pack ``joined``; the results ready by now, in read order."""
        if self._pool is None and self._workers and self._seen + len(joined) > self._after:
            self._start()
        if self._pool is None:
            self._seen += len(joined)
            ready = await self.rest()  # a helper that died left these: they come first
            return ready + self._remember(pack_slice(self.compiled, self.spec, joined, self.keep))
        try:
            future = asyncio.wrap_future(self._pool.submit(_pack_adopted, _shipped(joined)))
        except BrokenProcessPool:
            self._broken()
            return await self.add(joined)
        self._pending.append((joined, future))
        self.offloaded += len(joined)
        ready = []
        while self._pending and (self._pending[0][1].done() or len(self._pending) > self._in_flight):
            ready.extend(await self._next())
        return ready

    async def rest(self) -> list[Result]:
        """Every result still to come."""
        out = []
        while self._pending:
            out.extend(await self._next())
        return out

    def close(self) -> None:
        """Stop the helpers (their unfinished work is dropped)."""
        for _, future in self._pending:
            future.cancel()
        self._pending.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    @property
    def _in_flight(self) -> int:
        return IN_FLIGHT * self._workers

    def _start(self) -> None:
        self._pool = ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_adopt,
            initargs=(self.compiled, replace(self.spec, pack_raw=True)),
        )

    def _broken(self) -> None:
        """A helper died: no more are used for this read (what it was given is packed here)."""
        if self._pool is not None:
            log.warning("a sync helper process died: the rest of the read is packed in this process")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool, self._workers = None, 0

    async def _next(self) -> list[Result]:
        joined, future = self._pending.popleft()
        try:
            out = await future
        except BrokenProcessPool:
            self._broken()
            self.offloaded -= len(joined)
            out = pack_slice(self.compiled, self.spec, joined, self.keep)
        return self._remember(out)

    def _remember(self, results: list[Result]) -> list[Result]:
        mapped, kept = self.mapped, packing.MAPPED_KEYS_KEPT
        for result in results:
            key = result.key if result.__class__ is Packed else None  # type: ignore[union-attr]
            if key is not None:
                if len(mapped) >= kept:
                    mapped.clear()
                if kept:
                    mapped.add(key)
        return results
