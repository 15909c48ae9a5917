from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.link_session_create import LinkSessionCreate
from ...models.link_session_out import LinkSessionOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: LinkSessionCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/link-sessions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LinkSessionOut | Problem | None:
    if response.status_code == 201:
        response_201 = LinkSessionOut.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LinkSessionOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LinkSessionCreate,
) -> Response[LinkSessionOut | Problem]:
    """Create a linking page

     A single-use URL to send to the end customer's HR admin, who links the HR system there.

    The page needs no hub account; it lists the permissions your actions need, validates as the
    admin types, and links once. Follow it with `GET /v1/link-sessions/{id}` or the `account.linked`
    event (its record carries this session's id and your `reference`).

    Args:
        body (LinkSessionCreate): A request for a single-use linking page to hand to an HR admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LinkSessionOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: LinkSessionCreate,
) -> LinkSessionOut | Problem | None:
    """Create a linking page

     A single-use URL to send to the end customer's HR admin, who links the HR system there.

    The page needs no hub account; it lists the permissions your actions need, validates as the
    admin types, and links once. Follow it with `GET /v1/link-sessions/{id}` or the `account.linked`
    event (its record carries this session's id and your `reference`).

    Args:
        body (LinkSessionCreate): A request for a single-use linking page to hand to an HR admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LinkSessionOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LinkSessionCreate,
) -> Response[LinkSessionOut | Problem]:
    """Create a linking page

     A single-use URL to send to the end customer's HR admin, who links the HR system there.

    The page needs no hub account; it lists the permissions your actions need, validates as the
    admin types, and links once. Follow it with `GET /v1/link-sessions/{id}` or the `account.linked`
    event (its record carries this session's id and your `reference`).

    Args:
        body (LinkSessionCreate): A request for a single-use linking page to hand to an HR admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LinkSessionOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: LinkSessionCreate,
) -> LinkSessionOut | Problem | None:
    """Create a linking page

     A single-use URL to send to the end customer's HR admin, who links the HR system there.

    The page needs no hub account; it lists the permissions your actions need, validates as the
    admin types, and links once. Follow it with `GET /v1/link-sessions/{id}` or the `account.linked`
    event (its record carries this session's id and your `reference`).

    Args:
        body (LinkSessionCreate): A request for a single-use linking page to hand to an HR admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LinkSessionOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
