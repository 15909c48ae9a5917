"""``/v1/accounts/{id}/sync`` and ``/syncs``: start a sync (waiting or not) and follow its runs."""

import asyncio
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from hub.accounts import PAUSED
from hub.api.audit import audited
from hub.api.auth import current_customer, get_hub
from hub.api.background import BackgroundSyncs
from hub.api.schemas import Problem, Run, RunList, SyncRequest, SyncStarted
from hub.errors import AccountPaused, NotFound
from hub.hub import Hub
from hub.store import Customer
from hub.sync import new_run_id

if TYPE_CHECKING:
    from hub.queue.queue import JobQueue

__all__ = ["router"]

router = APIRouter(prefix="/v1/accounts", tags=["syncs"])

HubDep = Annotated[Hub, Depends(get_hub)]
CustomerDep = Annotated[Customer, Depends(current_customer)]

_ERRORS = {
    401: {"model": Problem, "description": "The API key is missing or unknown."},
    404: {"model": Problem, "description": "No such account (or run) for this caller."},
}


@router.post(
    "/{account_id}/sync",
    summary="Sync an account",
    status_code=202,
    response_model=SyncStarted,
    responses={
        **_ERRORS,
        200: {
            "description": "With `wait=true`: the finished sync's report.",
            "content": {"application/json": {}},
        },
        202: {"description": "The sync started; follow it at `Location`."},
        409: {
            "model": Problem,
            "description": "A sync of this account is already running (`sync-in-progress`), or the account "
            "is paused (`account-paused`: resume it first).",
        },
    },
)
async def start_sync(
    request: Request,
    account_id: str,
    hub: HubDep,
    customer: CustomerDep,
    body: Annotated[SyncRequest | None, Body()] = None,
    wait: Annotated[bool, Query(description="Answer with the report once the sync has finished.")] = False,
) -> Any:
    """Sync the account into the store: the first sync reads everything, later ones the changes.

    Without ``wait`` the sync runs in the background: the answer is 202 with the run id and a
    ``Location`` to follow. With ``wait=true`` the answer is the finished run's report.
    On a PostgreSQL store the sync is a job of the task queue that a worker (`hrishub worker`) runs:
    the run is `queued` until one starts it.
    """
    options = body or SyncRequest()
    run_id = new_run_id()
    syncs: BackgroundSyncs = request.app.state.syncs
    details = {"full": options.full, "force": options.force, "wait": wait, "run_id": run_id}
    async with audited(request, hub, customer, "sync", account_id, **details):
        row = await asyncio.to_thread(hub.store.accounts.row, account_id, customer_id=customer.id)
        if row.status == PAUSED:
            raise AccountPaused(account_id)
        queue: JobQueue | None = request.app.state.queue
        if queue is not None:
            await queue.defer_sync(account_id, full=options.full, force=options.force, run_id=run_id)
            if wait:
                return JSONResponse(jsonable_encoder(await _finished(hub, run_id)), status_code=200)
            status = "queued"
        elif wait:
            report = await syncs.run(hub, account_id, full=options.full, force=options.force, run_id=run_id)
            return JSONResponse(jsonable_encoder(report.to_dict()), status_code=200)
        else:
            task = syncs.start(hub, account_id, full=options.full, force=options.force, run_id=run_id)
            await syncs.started(hub, task, run_id)
            status = task.result().status if task.done() else "running"
    return JSONResponse(
        {"run_id": run_id, "account_id": account_id, "status": status},
        status_code=202,
        headers={"Location": f"/v1/accounts/{account_id}/syncs/{run_id}"},
    )


async def _finished(hub: Hub, run_id: str) -> dict[str, Any]:
    """The report of queued run ``run_id`` once a worker has finished it (polled in the store)."""
    async with asyncio.timeout(hub.context.settings.sync_deadline + 600):
        while True:
            run = await asyncio.to_thread(hub.store.runs.get, run_id)
            if run["status"] not in ("queued", "running"):
                return run["report"] if run.get("report") else run
            await asyncio.sleep(0.2)


@router.get(
    "/{account_id}/syncs", summary="List an account's sync runs", response_model=RunList, responses=_ERRORS
)
def list_syncs(
    account_id: str,
    hub: HubDep,
    customer: CustomerDep,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page, unchanged.")] = None,
    page_size: Annotated[int | None, Query(ge=1, le=100, description="Runs per page (default 20).")] = None,
    limit: Annotated[
        int | None, Query(ge=1, le=100, deprecated=True, description="The former name of `page_size`.")
    ] = None,
) -> dict[str, Any]:
    """One page of the account's sync runs with their reports, newest first.

    Paged like every list: pass `next_cursor` back as `cursor` (null on the last page).
    """
    hub.store.accounts.row(account_id, customer_id=customer.id)
    page = hub.sync_runs(account_id, cursor=cursor, page_size=page_size or limit or 20)
    return {"results": page.results, "next_cursor": page.next_cursor}


@router.get(
    "/{account_id}/syncs/{run_id}", summary="Show one sync run", response_model=Run, responses=_ERRORS
)
def get_sync(account_id: str, run_id: str, hub: HubDep, customer: CustomerDep) -> dict[str, Any]:
    """One sync run: its status while it runs, its report once finished."""
    hub.store.accounts.row(account_id, customer_id=customer.id)
    try:
        run = hub.store.runs.get(run_id)
    except NotFound:
        run = None
    if run is None or run["account_id"] != account_id:
        raise NotFound(
            f"No sync run {run_id!r} for account {account_id}.",
            remedy=f"List the account's runs with GET /v1/accounts/{account_id}/syncs.",
        )
    return run
