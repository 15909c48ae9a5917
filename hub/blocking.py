"""Running the hub's async work from plain (blocking) code, and refusing to inside an event loop.

Each blocking method of the Python API (``Hub.link``, ``Hub.sync``, ``ModelAccessor.list``, ...) runs
its async twin to completion with :func:`run_blocking`. Called where an event loop is already running
(a coroutine, a notebook cell, an ASGI route), it would have to block that very loop; it raises
:class:`CalledInEventLoop` naming the twin to ``await`` instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

__all__ = ["CalledInEventLoop", "refuse_in_event_loop", "run_blocking"]

T = TypeVar("T")


class CalledInEventLoop(RuntimeError):
    """A blocking hub method was called where an event loop is running; await its async twin."""

    def __init__(self, method: str, instead: str) -> None:
        self.method = method
        self.instead = instead
        super().__init__(
            f"{method}() blocks until it is done, and it was called inside a running event loop, "
            f"which it would stall. In async code, use `await {instead}(...)` instead."
        )


def refuse_in_event_loop(method: str, instead: str) -> None:
    """Raise :class:`CalledInEventLoop` if an event loop is running in this thread.

    A blocking method checks first, so it refuses the same way whichever path it would take (a
    store read that needs no loop, or a provider call that does).
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    raise CalledInEventLoop(method, instead)


def run_blocking(coro: Coroutine[Any, Any, T], *, method: str, instead: str) -> T:
    """The result of ``coro``, run on a fresh event loop; :class:`CalledInEventLoop` inside a running one.

    ``method`` and ``instead`` name the blocking method and its async twin for the error.
    """
    try:
        refuse_in_event_loop(method, instead)
    except CalledInEventLoop:
        coro.close()  # never started: no "coroutine was never awaited" warning
        raise
    held: list[T] = []

    async def run() -> None:
        # The task's own result stays None: on 3.11, asyncio.run formats the finished task (and a
        # large result, such as a page of a thousand records) while restoring signal handlers.
        held.append(await coro)

    asyncio.run(run())
    return held[0]
