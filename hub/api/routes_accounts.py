"""``/v1/accounts``: link, list, inspect, re-credential, configure, pause, resume and delete accounts."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from hub.api.audit import audited
from hub.api.auth import current_customer, get_hub
from hub.api.schemas import AccountList, AccountOut, AccountUpdate, CredentialsUpdate, LinkRequest, Problem
from hub.api.schemas_audit import AccountAuditPage
from hub.hub import Hub
from hub.store import AccountRow, Customer

__all__ = ["account_out", "router"]

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])

HubDep = Annotated[Hub, Depends(get_hub)]
CustomerDep = Annotated[Customer, Depends(current_customer)]

_AUTH = {401: {"model": Problem, "description": "The API key is missing or unknown."}}
_MISSING = {404: {"model": Problem, "description": "No such account for this caller."}}
_LINK_ERRORS = {
    401: {"model": Problem, "description": "The hub API key is missing or unknown (never the provider's)."},
    403: {"model": Problem, "description": "The provider refused a permission the probe needs."},
    422: {
        "model": Problem,
        "description": "Invalid linking values (`errors` names each field and its fix), or the provider "
        "refused the credentials (type `.../provider-credentials-rejected`).",
    },
    504: {"model": Problem, "description": "The provider's host could not be reached."},
}

RUN_SUMMARY_KEYS = ("id", "kind", "status", "started_at", "finished_at", "models")


def account_out(hub: Hub, row: AccountRow) -> dict[str, Any]:
    """An account as the API shows it: no credentials; its newest sync run summarised."""
    runs = hub.syncs(row.id, limit=1)
    return {
        "id": row.id,
        "connector": row.connector,
        "status": row.status,
        "permissions": row.permissions.to_dict(),
        "options": row.options.to_dict(),
        "created_at": row.created_at,
        "updated_at": row.updated_at,
        "next_sync_at": row.next_sync_at,
        "last_sync": {k: runs[0][k] for k in RUN_SUMMARY_KEYS} if runs else None,
    }


@router.get("", summary="List your accounts", response_model=AccountList, responses=_AUTH)
def list_accounts(hub: HubDep, customer: CustomerDep) -> dict[str, Any]:
    """Your linked accounts, oldest first."""
    return {"results": [account_out(hub, row) for row in hub.accounts(customer_id=customer.id)]}


def _account_of(hub: Hub, account_id: str, customer_id: str) -> dict[str, Any]:
    return account_out(hub, hub.store.accounts.row(account_id, customer_id=customer_id))


@router.post(
    "",
    summary="Link an account",
    status_code=201,
    response_model=AccountOut,
    responses={**_LINK_ERRORS, 404: {"model": Problem, "description": "No connector of that name."}},
)
async def link_account(
    request: Request, body: LinkRequest, response: Response, hub: HubDep, customer: CustomerDep
) -> dict[str, Any]:
    """Validate the linking values (every field at once), probe the provider, store them encrypted.

    The answer's ``permissions`` report says, per action, whether it is enabled and which provider
    permissions to tick. Nothing is stored when validation or the probe fails.
    """
    options = sorted(body.options or {})
    async with audited(request, hub, customer, "link", connector=body.connector, options=options) as audit:
        account = await hub.alink(
            body.connector, body.credentials, options=body.options, customer_id=customer.id
        )
        audit.account_id = account.id
    response.headers["Location"] = f"/v1/accounts/{account.id}"
    return await run_in_threadpool(_account_of, hub, account.id, customer.id)


@router.get(
    "/{account_id}",
    summary="Show an account",
    response_model=AccountOut,
    responses={**_AUTH, **_MISSING},
)
def get_account(account_id: str, hub: HubDep, customer: CustomerDep) -> dict[str, Any]:
    """One of your accounts: status, permissions report, options, schedule and its newest sync."""
    return account_out(hub, hub.store.accounts.row(account_id, customer_id=customer.id))


@router.put(
    "/{account_id}/credentials",
    summary="Replace an account's credentials",
    response_model=AccountOut,
    responses={**_LINK_ERRORS, **_MISSING},
)
async def update_credentials(
    request: Request, account_id: str, body: CredentialsUpdate, hub: HubDep, customer: CustomerDep
) -> dict[str, Any]:
    """Rotate the linking values (a new password): validated and probed first.

    Synced data, sync cursors and options stay; the permissions report is refreshed. Wrong values
    leave the stored credentials as they were.
    """
    fields = sorted(body.credentials)  # the names only: never a value
    async with audited(request, hub, customer, "credentials", account_id, fields=fields):
        current = await run_in_threadpool(hub.account, account_id, customer_id=customer.id)
        await hub.aupdate_credentials(current, body.credentials)
    return await run_in_threadpool(_account_of, hub, account_id, customer.id)


@router.patch(
    "/{account_id}",
    summary="Change an account's options",
    response_model=AccountOut,
    responses={
        **_AUTH,
        **_MISSING,
        422: {"model": Problem, "description": "Invalid options: `errors` names each one and its fix."},
    },
)
def update_account(
    request: Request, account_id: str, body: AccountUpdate, hub: HubDep, customer: CustomerDep
) -> dict[str, Any]:
    """Change options (employee filters, overrides, schedule); options not named keep their values.

    Filters and overrides apply from the next sync.
    """
    with audited(request, hub, customer, "options", account_id, named=sorted(body.options)) as audit:
        before = hub.store.accounts.row(account_id, customer_id=customer.id).options.to_dict()
        after = hub.set_options(account_id, {**before, **body.options}).to_dict()
        audit.details["changed"] = sorted(k for k in {*before, *after} if before.get(k) != after.get(k))
    return account_out(hub, hub.store.accounts.row(account_id, customer_id=customer.id))


@router.delete(
    "/{account_id}",
    summary="Delete an account",
    status_code=204,
    response_class=Response,
    responses={
        **_AUTH,
        **_MISSING,
        204: {"description": "Deleted: nothing of the account is left but the `account.deleted` event."},
        409: {
            "model": Problem,
            "description": "A sync of the account is running (type `.../sync-in-progress`): "
            "nothing was deleted; try again once it has finished.",
        },
    },
)
async def delete_account(request: Request, account_id: str, hub: HubDep, customer: CustomerDep) -> Response:
    """Delete the account and everything the hub stored for it.

    Its credentials, synced records (and their raw provider data), sync state and runs, and its
    events go in one transaction; one `account.deleted` event is recorded (its record holds the
    account's `id`, `connector` and `deleted_at`) and announced. The account then answers 404
    everywhere, a second delete too.
    """
    async with audited(request, hub, customer, "delete", account_id):
        await hub.adelete_account(account_id, customer_id=customer.id)
    return Response(status_code=204)


@router.post(
    "/{account_id}/pause",
    summary="Pause an account's syncs",
    response_model=AccountOut,
    responses={**_AUTH, **_MISSING},
)
async def pause_account(
    request: Request, account_id: str, hub: HubDep, customer: CustomerDep
) -> dict[str, Any]:
    """Stop syncing the account (its `status` becomes `paused`) until it is resumed.

    Reads of its stored data keep working; a sync already running finishes. Syncs asked for while
    it is paused answer 409 `account-paused`, and the worker skips it. Pausing twice changes nothing.
    """
    async with audited(request, hub, customer, "pause", account_id):
        await hub.apause(account_id, customer_id=customer.id)
    return await run_in_threadpool(_account_of, hub, account_id, customer.id)


@router.post(
    "/{account_id}/resume",
    summary="Resume a paused account",
    response_model=AccountOut,
    responses={**_AUTH, **_MISSING},
)
async def resume_account(
    request: Request, account_id: str, hub: HubDep, customer: CustomerDep
) -> dict[str, Any]:
    """Sync the account again: it gets back the status it had when paused (`needs_attention` stays so).

    A sync that fell due meanwhile runs at the worker's next round. Resuming an account that is not
    paused changes nothing.
    """
    async with audited(request, hub, customer, "resume", account_id):
        await hub.aresume(account_id, customer_id=customer.id)
    return await run_in_threadpool(_account_of, hub, account_id, customer.id)


@router.get(
    "/{account_id}/audit-log",
    summary="List an account's audited actions",
    response_model=AccountAuditPage,
    responses={**_AUTH, **_MISSING, 422: {"model": Problem, "description": "A cursor that is not valid."}},
)
def account_audit_log(
    account_id: str,
    hub: HubDep,
    customer: CustomerDep,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page, unchanged.")] = None,
    page_size: Annotated[int, Query(ge=1, le=100, description="Entries per page (default 20).")] = 20,
) -> dict[str, Any]:
    """One page of the account's audit log, newest first.

    Every link, credential rotation, option change, pause, resume, deletion and sync started over
    the API or on a linking page: who (customer and API key prefix), when, from which address, what
    (non-secret details) and the outcome (a refusal with its problem type). Never a credential value
    or an API key. A deleted account answers 404; its entries are kept for the hub's operators.
    """
    page = hub.account_audit_log(account_id, cursor=cursor, page_size=page_size, customer_id=customer.id)
    return {"results": [entry.to_dict() for entry in page.results], "next_cursor": page.next_cursor}
