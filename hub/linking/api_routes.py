"""``/v1/link-sessions``: single-use linking pages a customer hands to the HR admin of an end customer."""

import os
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from hub.api.auth import current_customer, get_hub
from hub.api.schemas import LinkSessionCreate, LinkSessionList, LinkSessionOut, Problem
from hub.hub import Hub
from hub.linking.rows import LinkSessionRow
from hub.store import Customer

__all__ = ["PUBLIC_URL_ENV", "lifetime", "router", "session_out"]

PUBLIC_URL_ENV = "HRISHUB_PUBLIC_URL"
"""The hub's address as browsers reach it (behind a proxy); by default the address the API was called on."""

router = APIRouter(prefix="/v1/link-sessions", tags=["linking"])

HubDep = Annotated[Hub, Depends(get_hub)]
CustomerDep = Annotated[Customer, Depends(current_customer)]

_AUTH = {401: {"model": Problem, "description": "The API key is missing or unknown."}}
_MISSING = {404: {"model": Problem, "description": "No such link session for this caller."}}


def session_out(hub: Hub, row: LinkSessionRow, url: str | None = None) -> dict[str, Any]:
    """A session as the API shows it (never its token, which only the creating answer's URL holds)."""
    connector = hub.connector(row.connector)
    return {
        "id": row.id,
        "connector": row.connector,
        "reference": row.reference,
        "actions": list(row.actions),
        "frame_origins": list(row.frame_origins),
        "status": row.state(datetime.now(UTC)),
        "account_id": row.account_id,
        "expires_at": row.expires_at,
        "created_at": row.created_at,
        "completed_at": row.completed_at,
        "permissions_needed": connector.scopes_for(row.actions or None),
        "url": url,
    }


def lifetime(seconds: int | None) -> timedelta | None:
    """``expires_in`` as a duration; a number of seconds too large for one stays out of range.

    JSON integers have no bound: ``timedelta`` overflows past 999,999,999 days, so such a value becomes
    the largest (or smallest) duration, which :meth:`hub.linking.sessions.LinkSessions.create` refuses
    with the same field issue as any other out-of-range life.
    """
    if seconds is None:
        return None
    try:
        return timedelta(seconds=seconds)
    except OverflowError:
        return timedelta.max if seconds > 0 else timedelta.min


def page_url(request: Request, token: str) -> str:
    """The linking page's address for ``token`` (``HRISHUB_PUBLIC_URL``, else the address called)."""
    base = os.environ.get(PUBLIC_URL_ENV, "").strip().rstrip("/") or str(request.base_url).rstrip("/")
    return f"{base}/link/{token}"


@router.post(
    "",
    summary="Create a linking page",
    status_code=201,
    response_model=LinkSessionOut,
    responses={
        **_AUTH,
        404: {"model": Problem, "description": "No connector of that name."},
        422: {"model": Problem, "description": "Invalid request: `errors` names each field and its fix."},
    },
)
def create_link_session(
    body: LinkSessionCreate, request: Request, response: Response, hub: HubDep, customer: CustomerDep
) -> dict[str, Any]:
    """A single-use URL to send to the end customer's HR admin, who links the HR system there.

    The page needs no hub account; it lists the permissions your actions need, validates as the
    admin types, and links once. Follow it with `GET /v1/link-sessions/{id}` or the `account.linked`
    event (its record carries this session's id and your `reference`).
    """
    created = hub.link_sessions.create(
        customer.id,
        body.connector,
        reference=body.reference,
        expires_in=lifetime(body.expires_in),
        actions=body.actions,
        frame_origins=body.frame_origins,
    )
    response.headers["Location"] = f"/v1/link-sessions/{created.session.id}"
    return session_out(hub, created.session, url=page_url(request, created.token))


@router.get("", summary="List your linking pages", response_model=LinkSessionList, responses=_AUTH)
def list_link_sessions(hub: HubDep, customer: CustomerDep) -> dict[str, Any]:
    """Your link sessions, newest first (the last 100)."""
    return {"results": [session_out(hub, row) for row in hub.link_sessions.list(customer.id)]}


@router.get(
    "/{session_id}",
    summary="Show a linking page's state",
    response_model=LinkSessionOut,
    responses={**_AUTH, **_MISSING},
)
def get_link_session(session_id: str, hub: HubDep, customer: CustomerDep) -> dict[str, Any]:
    """Open, linked (with the account id), expired or revoked."""
    return session_out(hub, hub.link_sessions.get(session_id, customer_id=customer.id))


@router.delete(
    "/{session_id}",
    summary="Withdraw a linking page",
    response_model=LinkSessionOut,
    responses={**_AUTH, **_MISSING},
)
def revoke_link_session(session_id: str, hub: HubDep, customer: CustomerDep) -> dict[str, Any]:
    """Its URL stops working at once; a session already used keeps its account."""
    return session_out(hub, hub.link_sessions.revoke(session_id, customer.id))
