"""``/v1/webhook-endpoints`` and ``/v1/events``: where a customer's events are pushed; the feed to poll."""

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from hub.api.auth import current_customer, get_hub
from hub.api.schemas import Problem
from hub.api.webhook_schemas import (
    DeliveryList,
    EndpointCreate,
    EndpointList,
    EndpointOut,
    EndpointUpdate,
    EndpointWithSecret,
    EventList,
    Redeliver,
    Redelivered,
)
from hub.errors import InputError
from hub.events import EVENT_TYPES
from hub.hub import Hub
from hub.store import Customer
from hub.webhooks.feed import delivery_page, event_page

__all__ = ["events_router", "router"]

router = APIRouter(prefix="/v1/webhook-endpoints", tags=["webhooks"])
events_router = APIRouter(prefix="/v1/events", tags=["webhooks"])

HubDep = Annotated[Hub, Depends(get_hub)]
CustomerDep = Annotated[Customer, Depends(current_customer)]

_AUTH = {401: {"model": Problem, "description": "The API key is missing or unknown."}}
_MISSING = {404: {"model": Problem, "description": "No such webhook endpoint for this caller."}}
_INVALID = {
    422: {"model": Problem, "description": "Invalid URL, event types or accounts: `errors` names each."}
}


@router.post(
    "",
    summary="Register a webhook endpoint",
    status_code=201,
    response_model=EndpointWithSecret,
    responses={**_AUTH, **_INVALID},
)
async def create_webhook_endpoint(
    body: EndpointCreate, response: Response, hub: HubDep, customer: CustomerDep
) -> dict[str, Any]:
    """Register a receiver; the answer holds its signing secret, shown only this once.

    Events recorded from now on are delivered to it (signed per the Standard Webhooks specification);
    ask for older ones with the redeliver route.
    """
    endpoint, secret = await asyncio.to_thread(
        hub.webhook_endpoints.add,
        customer.id,
        body.url,
        event_types=body.event_types,
        account_ids=body.account_ids,
    )
    response.headers["Location"] = f"/v1/webhook-endpoints/{endpoint.id}"
    return {**endpoint.to_dict(), "secret": secret}


@router.get("", summary="List your webhook endpoints", response_model=EndpointList, responses=_AUTH)
def list_webhook_endpoints(hub: HubDep, customer: CustomerDep) -> dict[str, Any]:
    """Your endpoints, oldest first (their secrets are never shown)."""
    return {"results": [e.to_dict() for e in hub.webhook_endpoints.all(customer.id)]}


@router.get(
    "/{endpoint_id}",
    summary="Show a webhook endpoint",
    response_model=EndpointOut,
    responses={**_AUTH, **_MISSING},
)
def get_webhook_endpoint(endpoint_id: str, hub: HubDep, customer: CustomerDep) -> dict[str, Any]:
    """One endpoint: what it receives, whether deliveries run, and why not."""
    return hub.webhook_endpoints.get(endpoint_id, customer_id=customer.id).to_dict()


@router.patch(
    "/{endpoint_id}",
    summary="Change a webhook endpoint",
    response_model=EndpointOut,
    responses={**_AUTH, **_MISSING, **_INVALID},
)
def update_webhook_endpoint(
    endpoint_id: str, body: EndpointUpdate, hub: HubDep, customer: CustomerDep
) -> dict[str, Any]:
    """Change the URL, the event types or accounts, or enable it again (deliveries resume in order)."""
    given = body.model_dump(exclude_unset=True)
    if given.get("url", "") is None:
        raise InputError("url cannot be null.", remedy="Leave url out to keep it, or give a new https URL.")
    changes = {k: v for k, v in given.items() if k in ("url", "event_types", "account_ids")}
    endpoint = hub.webhook_endpoints.update(
        endpoint_id, customer_id=customer.id, enabled=given.get("enabled"), **changes
    )
    return endpoint.to_dict()


@router.delete(
    "/{endpoint_id}",
    summary="Remove a webhook endpoint",
    status_code=204,
    responses={**_AUTH, **_MISSING},
)
def delete_webhook_endpoint(endpoint_id: str, hub: HubDep, customer: CustomerDep) -> Response:
    """Remove it with its queue and history; nothing more is sent to it."""
    hub.webhook_endpoints.remove(endpoint_id, customer_id=customer.id)
    return Response(status_code=204)


@router.post(
    "/{endpoint_id}/rotate-secret",
    summary="Rotate a webhook endpoint's signing secret",
    response_model=EndpointWithSecret,
    responses={**_AUTH, **_MISSING},
)
def rotate_webhook_secret(endpoint_id: str, hub: HubDep, customer: CustomerDep) -> dict[str, Any]:
    """A new secret, shown only in this answer; the previous one also signs for 24 hours.

    During that time each delivery carries two signatures, so a receiver can switch without missing one.
    """
    endpoint, secret = hub.webhook_endpoints.rotate_secret(endpoint_id, customer_id=customer.id)
    return {**endpoint.to_dict(), "secret": secret}


@router.get(
    "/{endpoint_id}/deliveries",
    summary="List a webhook endpoint's deliveries",
    response_model=DeliveryList,
    responses={**_AUTH, **_MISSING},
)
def list_webhook_deliveries(
    endpoint_id: str,
    hub: HubDep,
    customer: CustomerDep,
    state: Annotated[str | None, Query(pattern="^(pending|delivered|failed)$")] = None,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page.")] = None,
    page_size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    """Deliveries newest first, each with every attempt: time, status, latency and the answer's start."""
    hub.webhook_endpoints.get(endpoint_id, customer_id=customer.id)
    results, next_cursor = delivery_page(hub.store, endpoint_id, cursor=cursor, state=state, limit=page_size)
    return {"results": results, "next_cursor": next_cursor}


@router.post(
    "/{endpoint_id}/redeliver",
    summary="Send events to a webhook endpoint again",
    response_model=Redelivered,
    responses={**_AUTH, **_MISSING, 422: {"model": Problem, "description": "Neither an event nor a range."}},
)
def redeliver(endpoint_id: str, body: Redeliver, hub: HubDep, customer: CustomerDep) -> dict[str, Any]:
    """Queue one event again (``event_id``), or every event of a time range (``since``, ``until``)."""
    hub.webhook_endpoints.get(endpoint_id, customer_id=customer.id)
    if body.event_id is None and body.since is None:
        raise InputError(
            "Say what to send again: event_id, or since (and optionally until).",
            remedy='Send {"event_id": "evt_..."} or {"since": "2026-12-01T00:00:00Z"}.',
        )
    queued = hub.webhook_dispatcher().redeliver(
        endpoint_id, event_id=body.event_id, since=body.since, until=body.until, customer_id=customer.id
    )
    return {"queued": queued}


@events_router.get("", summary="List events", response_model=EventList, responses=_AUTH)
def list_events(
    hub: HubDep,
    customer: CustomerDep,
    type: Annotated[
        list[str] | None, Query(description="Only these event types (repeat the parameter for several).")
    ] = None,
    account_id: Annotated[str | None, Query(description="Only this account's events.")] = None,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page.")] = None,
    page_size: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    """The same events webhooks deliver, oldest first, for apps that poll.

    Keep the last ``next_cursor`` and poll with it: you get only newer events. Events are kept
    ``HRISHUB_EVENT_RETENTION_DAYS`` days (30 by default).
    """
    unknown = sorted(set(type or ()) - EVENT_TYPES)
    if unknown:
        raise InputError(
            f"type: {', '.join(unknown)} is not an event type.",
            remedy=f"Use types among {', '.join(sorted(EVENT_TYPES))}.",
        )
    results, next_cursor = event_page(
        hub.store,
        customer.id,
        cursor=cursor,
        types=type or (),
        account_id=account_id,
        limit=page_size,
    )
    return {"results": results, "next_cursor": next_cursor}
