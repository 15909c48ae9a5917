"""Who is calling: the customer behind a Bearer API key, and the linked account it names.

A customer reaches only its own accounts: another customer's account id answers 404 exactly like an
id that does not exist, so ids cannot be probed.
"""

from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hub.accounts import Account
from hub.errors import Unauthenticated
from hub.hub import Hub
from hub.store import Customer

__all__ = ["ACCOUNT_HEADER", "bearer", "current_account", "current_customer", "get_hub", "hub_of"]

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


def current_customer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Customer:
    """The customer whose API key the request carries, or a 401 problem."""
    if credentials is None or not credentials.credentials.strip():
        raise Unauthenticated("No API key was sent: this route needs 'Authorization: Bearer <key>'.")
    customer = get_hub(request).store.customer_for_key(credentials.credentials.strip())
    if customer is None:
        raise Unauthenticated("The API key is not known to this hub (mistyped, or the customer was removed).")
    return customer


def current_account(
    request: Request,
    customer: Annotated[Customer, Depends(current_customer)],
    account_id: Annotated[
        str,
        Header(
            alias=ACCOUNT_HEADER,
            description="The id of one of your linked accounts (`GET /v1/accounts` lists them).",
        ),
    ],
) -> Account:
    """The caller's linked account named by the ``X-Account-Id`` header (404 if it is not theirs).

    Its credentials stay sealed unless a live read reveals them.
    """
    return get_hub(request).store.account(account_id.strip(), customer_id=customer.id, sealed=True)
