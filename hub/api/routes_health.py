"""``/healthz`` (liveness, the store file still in place) and ``/readyz`` (readiness: the store answers).

Both are for load balancers and orchestrators, so neither needs an API key nor touches the event loop
with file or database work: the checks run in a worker thread, bounded by :data:`READY_TIMEOUT`.

``/healthz`` stays cheap: it stats the SQLite file (no query), so a hub whose store file was deleted
or replaced while it runs stops reporting healthy (restarting it is refused too, see
:mod:`hub.store.guard`: the operator must restore the file). It never queries the database, so a slow
or restarting database server does not get healthy hub processes killed. ``/readyz`` runs
:meth:`hub.store.Store.check` (the file's identity, then one trivial query): route traffic to a hub
only while it answers 200.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends

from hub.api.auth import get_hub
from hub.api.schemas import Problem
from hub.errors import StorageError
from hub.hub import Hub

__all__ = ["READY_TIMEOUT", "router"]

router = APIRouter(tags=["connectors"])
log = logging.getLogger("hub.api")

READY_TIMEOUT = 2.0
"""Seconds a health check waits for the store before it answers 503 (the store does not answer)."""

_STORE_DOWN = {
    503: {
        "model": Problem,
        "description": "The store is missing (`store-missing`: its file was deleted or replaced) or does "
        "not answer (`storage-unavailable`); the remedy says how to recover.",
    }
}


async def _within_timeout(hub: Hub, check: Callable[[], None]) -> None:
    try:
        await asyncio.wait_for(asyncio.to_thread(check), READY_TIMEOUT)
    except StorageError as error:
        # Anyone may call these routes: the answer names the file, the log also its folder.
        log.error("Health check: %s", error.message)
        guard = hub.store.guard
        if guard is not None:
            folder = str(guard.path.parent) + os.sep
            error.message = error.message.replace(folder, "")
            error.remedy = error.remedy.replace(folder, "")
        raise
    except TimeoutError:
        raise StorageError(
            f"The store does not answer within {READY_TIMEOUT:g} s.",
            remedy="Check that the database is running and reachable (HRISHUB_DATABASE_URL), and that "
            "its disk is not stalled.",
        ) from None


def _file_in_place(hub: Hub) -> None:
    guard = hub.store.guard
    if guard is not None:
        guard.check()


@router.get(
    "/healthz", summary="Liveness: the process answers and its store file is in place", responses=_STORE_DOWN
)
async def healthz(hub: Annotated[Hub, Depends(get_hub)]) -> dict[str, str]:
    """``{"status": "ok", "store": "ok"}`` while the SQLite store file is the one the hub opened (no query).

    For a database server, ``store`` is ``"unchecked"`` here: ``/readyz`` queries it.
    """
    await _within_timeout(hub, lambda: _file_in_place(hub))
    return {"status": "ok", "store": "ok" if hub.store.guard is not None else "unchecked"}


@router.get("/readyz", summary="Readiness: the store is in place and answers a query", responses=_STORE_DOWN)
async def readyz(hub: Annotated[Hub, Depends(get_hub)]) -> dict[str, str]:
    """``{"status": "ready", "store": "ok"}`` once the store is in place and answers one trivial query."""
    await _within_timeout(hub, hub.store.check)
    return {"status": "ready", "store": "ok"}
