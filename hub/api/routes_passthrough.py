"""``/v1/accounts/{id}/passthrough`` and ``/passthrough-log``: a request to the provider, and its trail."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from hub.api.auth import current_customer, get_hub
from hub.api.schemas import Problem
from hub.api.schemas_passthrough import AuditPage, PassthroughIn, PassthroughOut
from hub.hub import Hub
from hub.store import Customer
from hub.store.cursors import decode_position, encode_position

__all__ = ["router"]

router = APIRouter(prefix="/v1/accounts", tags=["passthrough"])

HubDep = Annotated[Hub, Depends(get_hub)]
CustomerDep = Annotated[Customer, Depends(current_customer)]

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "The API key is missing or unknown."},
    404: {"model": Problem, "description": "No such account for this caller."},
}
_SEND_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    409: {
        "model": Problem,
        "description": "The provider refused the stored credentials before (`credentials-rejected`), or the "
        "account's host is no longer allowed (`host-not-allowed`): nothing was sent.",
    },
    422: {
        "model": Problem,
        "description": "The request was refused before anything was sent (`invalid-passthrough`): `errors` "
        "names each field (`method`, `path`, `params`, `headers.<name>`, `body`) and its fix.",
    },
    429: {"model": Problem, "description": "Too many requests, or too many in flight for this account."},
    501: {"model": Problem, "description": "The account's connector offers no passthrough."},
    502: {"model": Problem, "description": "The provider's answer is larger than the hub relays."},
    504: {"model": Problem, "description": "The provider could not be reached (after the retries)."},
}


@router.post(
    "/{account_id}/passthrough",
    summary="Send a request to the provider",
    response_model=PassthroughOut,
    responses=_SEND_ERRORS,
)
async def passthrough(
    account_id: str, body: PassthroughIn, hub: HubDep, customer: CustomerDep
) -> dict[str, Any]:
    """Send one request to the account's provider with its stored credentials, and relay the answer.

    Only to the connector's own host, only read-only methods unless the connector allows others,
    within the provider's request budget (the account's requests in flight, the retry bounds, and
    this API key's linking rate, `HRISHUB_LINK_RATE_LIMIT`). The provider's status is passed back
    as `status` (a provider 404 is a 200 answer with `"status": 404`); the credentials never appear
    in the answer. Every request is audited: `GET /v1/accounts/{id}/passthrough-log`.
    """
    result = await hub.apassthrough(
        account_id,
        body.method,
        body.path,
        params=body.params,
        headers=body.headers,
        body=body.body,
        customer_id=customer.id,
    )
    return result.to_dict()


@router.get(
    "/{account_id}/passthrough-log",
    summary="List an account's passthrough requests",
    response_model=AuditPage,
    responses={**_ERRORS, 422: {"model": Problem, "description": "A cursor or limit that is not valid."}},
)
def passthrough_log(
    account_id: str,
    hub: HubDep,
    customer: CustomerDep,
    limit: Annotated[int, Query(ge=1, le=100, description="How many entries, newest first.")] = 50,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page.")] = None,
) -> dict[str, Any]:
    """The account's passthrough requests, newest first.

    Each says who, method, path, parameter names, status, size and time; never a credential, a query
    value or a body.
    """
    before = decode_position(cursor, "b", what="the passthrough log") if cursor is not None else None
    entries = hub.passthrough_log(account_id, limit=limit + 1, before=before, customer_id=customer.id)
    more = len(entries) > limit
    entries = entries[:limit]
    return {
        "results": [e.to_dict() for e in entries],
        "next_cursor": encode_position(entries[-1].id, "b") if more else None,
    }
