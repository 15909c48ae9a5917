"""Reading a sync's models ahead in forked helper processes, while this one applies.

A full sync reads each model (HTTP, decoding, joins, mapping, hashing) and then applies it (one
transaction). Python does one of these at a time per process; with ``HttpSettings.sync_workers``
(``HRISHUB_SYNC_WORKERS``) helpers read later models while this process reads and applies earlier
ones (:class:`hub.sync.runner.SyncRun` schedules them). Models are still applied in sync order, one
transaction each, so the store, the events and a killed run's state are the same as without them.

A :class:`Helper` is one forked process reading models that share provider records (so each
record is fetched once, as the connector's client replays it: UKG's ``pto-plans`` for policies and
balances). It inherits the run (compiled field maps, the store's sealing, the account's
credentials: nothing is loaded again) and makes its own provider client, with its share of the
request concurrency. It never touches the store: it stages into scratch files the syncing process
made before forking (open files both hold) and sends back, over a pipe, what each apply needs
(:class:`Outcome`), and its progress as it reads (:class:`Advance`: the syncing process hands that to
its progress callback, and keeps the account's lease meanwhile). If it fails in any way, the syncing
process reads that model and the rest of the helper's itself, so errors are reported and handled
exactly as without helpers. Needs ``fork`` (Linux).

A fork copies the locks other threads hold at that moment, so by default (``sync_workers`` unset) a run
forks a helper only where that cannot happen: the process has one thread, the one syncing
(:func:`fork_is_safe`, checked before each fork), and at least two cores to use (:func:`usable_cpus`);
and never with an in-process ``transport`` (a test's mock or ASGI app), whose state a helper would copy.
The syncing process itself starts no thread to wait for a helper: it waits on the pipe in its event
loop. An explicit ``sync_workers`` forks regardless: the operator has tried it in that process.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections import deque
from collections.abc import Awaitable, Callable
from multiprocessing.connection import Connection
from typing import Any, NamedTuple

__all__ = ["Advance", "Helper", "Outcome", "can_fork", "fork_is_safe", "os_threads", "usable_cpus"]


class Outcome(NamedTuple):
    """What a helper's read of one model gives the apply (its staged rows are in the shared file)."""

    report: Any
    """The model's :class:`hub.sync.report.ModelReport` as the read left it."""
    ids: set[str]
    """The staged ids."""
    protected: set[str]
    excluded: dict[str, str]
    lineage: dict[str, Any]
    empty_field_warnings: list[str]
    requests: int
    """Requests the helper's client made."""
    dictionary: Any = None
    """The raw-data dictionary the helper trained and packed with (:class:`hub.store.codec.RawDictionary`)."""


def can_fork() -> bool:
    """Whether helpers can be forked here (they inherit the run rather than load it again)."""
    return "fork" in multiprocessing.get_all_start_methods()


def os_threads() -> int | None:
    """The threads of this process as the operating system counts them (None: it does not say).

    Threads a C library started count too, which :func:`threading.active_count` does not see.
    """
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return None


def fork_is_safe() -> bool:
    """Whether a fork now copies no lock another thread may hold: ``fork`` exists, and one thread runs."""
    return can_fork() and os_threads() == 1


def usable_cpus() -> int:
    """The cores this process may run on (its affinity, where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _main(send: Connection, read: Callable[[Connection], Awaitable[None]]) -> None:
    """A helper's whole life: ``read(send)`` in a fresh event loop; what stopped it, if anything."""
    # The fork was made from inside the syncing process's running loop: this process has none.
    asyncio.events._set_running_loop(None)
    try:
        asyncio.run(read(send))  # type: ignore[arg-type]
    except BaseException as exc:
        send.send(type(exc).__name__)  # the name only: a message could quote provider data
    send.close()


class Advance(NamedTuple):
    """A helper's progress: it has read ``read`` records of ``model`` so far."""

    model: str
    read: int


class Helper:
    """One forked process reading models in order, sending an :class:`Outcome` for each as it ends.

    ``read(send)`` runs in the helper and sends each outcome (or, raising, stops: the syncing process
    then reads that model and the ones after it itself), and an :class:`Advance` as it reads, which
    :meth:`drain` (or :meth:`outcome`, waiting) hands to ``on_advance`` in the syncing process. Take
    the outcomes in the same order with :meth:`outcome`; :meth:`done` says whether the next one is
    there without waiting.
    """

    def __init__(
        self,
        read: Callable[[Connection], Awaitable[None]],
        on_advance: Callable[[Advance], None] = lambda advance: None,
    ) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_main, args=(send, read), daemon=True)
        self._process.start()
        send.close()
        self._on_advance = on_advance
        self._pending: deque[Outcome | str] = deque()
        self._ended = False

    def running(self) -> bool:
        """Whether the helper is still at work (or waiting to hand over an outcome)."""
        return self._process.is_alive()

    def drain(self) -> None:
        """Take what the helper sent so far without waiting: progress to ``on_advance``, outcomes kept."""
        while not self._ended and self._receive.poll():
            self._take(self._recv())

    def done(self) -> bool:
        """Whether the next outcome (or the helper's end) is there to take."""
        self.drain()
        return bool(self._pending) or self._ended or not self._process.is_alive()

    async def outcome(self) -> Outcome | str:
        """The next model's outcome, or the name of what stopped the helper (``died``: it sent nothing)."""
        while not self._pending:
            if self._ended:
                return "stopped"
            await self._readable()
            self.drain()
        return self._pending.popleft()

    async def _readable(self) -> None:
        """Until the pipe holds something (or the helper's end): waited on in the event loop, no thread."""
        if self._receive.poll():
            return
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()
        fd = self._receive.fileno()
        loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
        try:
            await ready
        finally:
            loop.remove_reader(fd)

    def _recv(self) -> Any:
        try:
            return self._receive.recv()
        except EOFError:
            return "died"

    def _take(self, got: Any) -> None:
        if isinstance(got, Advance):
            self._on_advance(got)
            return
        self._pending.append(got)
        if not isinstance(got, Outcome):
            self._ended = True

    def kill(self) -> None:
        """Stop the helper if it still runs, and reap it."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receive.close()
