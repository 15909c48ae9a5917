"""Who is calling: the customer behind a Bearer API key, and the linked account it names.

A customer reaches only its own accounts: another customer's account id answers 404 exactly like an
id that does not exist, so ids cannot be probed.
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hub.accounts import Account
from hub.errors import Unauthenticated
from hub.hub import Hub
from hub.observability.logs import note
from hub.store import Customer

__all__ = [
    "ACCOUNT_HEADER",
    "REQUIRED_HEADERS",
    "CallerRef",
    "api_key",
    "bearer",
    "caller_ref",
    "current_account",
    "current_customer",
    "customer_for",
    "get_hub",
    "hub_of",
    "resolve_account",
]

ACCOUNT_HEADER = "X-Account-Id"

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="CustomerApiKey",
    bearerFormat="hrishub API key",
    description="Your hrishub customer API key (`hrishub customers add` prints it once): "
    "`Authorization: Bearer hh_...`.",
)


async def hub_of(request: Request) -> Hub:
    """The served hub, as a dependency (async: FastAPI then runs it inline, not in a worker thread)."""
    return request.app.state.hub


def get_hub(request: Request) -> Hub:
    """The :class:`hub.hub.Hub` the app serves."""
    return request.app.state.hub


async def api_key(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> str:
    """The API key the request carries (not yet checked), or a 401 problem when none is sent."""
    if credentials is None or not credentials.credentials.strip():
        raise Unauthenticated("No API key was sent: this route needs 'Authorization: Bearer <key>'.")
    return credentials.credentials.strip()


def customer_for(hub: Hub, key: str) -> Customer:
    """The customer holding ``key``, or a 401 problem."""
    customer = hub.store.customers.for_key(key)
    if customer is None:
        raise Unauthenticated("The API key is not known to this hub (mistyped, or the customer was removed).")
    note(customer_id=customer.id)
    return customer


def current_customer(request: Request, key: Annotated[str, Depends(api_key)]) -> Customer:
    """The customer whose API key the request carries, or a 401 problem."""
    return customer_for(get_hub(request), key)


@dataclass(frozen=True)
class CallerRef:
    """An API key and the account id it asks for, both unchecked: resolved by :func:`resolve_account`."""

    key: str
    account_id: str | None


async def caller_ref(
    key: Annotated[str, Depends(api_key)],
    account_id: Annotated[
        str | None,
        Header(
            alias=ACCOUNT_HEADER,
            description="The id of one of your linked accounts (`GET /v1/accounts` lists them).",
        ),
    ] = None,
) -> CallerRef:
    """The key and ``X-Account-Id`` as sent; async and store-free, so it costs no worker-thread hop.

    The header is required (the OpenAPI document says so, see :data:`REQUIRED_HEADERS`) but checked
    only after the key, by :func:`resolve_account`: an unknown key is a 401 whatever else is missing.
    """
    return CallerRef(key, account_id.strip() if account_id is not None else None)


REQUIRED_HEADERS = frozenset({ACCOUNT_HEADER})
"""Headers declared optional to check them after the API key, yet required in the OpenAPI document."""


def resolve_account(hub: Hub, ref: CallerRef) -> Account:
    """The caller's account, its credentials sealed.

    401 for an unknown key, then 422 without ``X-Account-Id``, then 404 if the account is not the
    caller's (exactly like an id that does not exist).
    """
    if ref.account_id is not None:
        found = hub.store.accounts.for_key(ref.key, ref.account_id)
        if found is not None:
            note(customer_id=found.customer_id, account_id=found.id)
            return found
    customer = customer_for(hub, ref.key)
    if ref.account_id is None:
        raise RequestValidationError(
            [{"type": "missing", "loc": ("header", ACCOUNT_HEADER), "msg": "Field required", "input": None}]
        )
    return hub.store.accounts.get(ref.account_id, customer_id=customer.id, sealed=True)


def current_account(request: Request, ref: Annotated[CallerRef, Depends(caller_ref)]) -> Account:
    """The caller's linked account named by the ``X-Account-Id`` header (404 if it is not theirs).

    Its credentials stay sealed unless a live read reveals them.
    """
    return resolve_account(get_hub(request), ref)
