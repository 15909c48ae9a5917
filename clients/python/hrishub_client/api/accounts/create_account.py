from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_out import AccountOut
from ...models.link_request import LinkRequest
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: LinkRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AccountOut | Problem | None:
    if response.status_code == 201:
        response_201 = AccountOut.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LinkRequest,
) -> Response[AccountOut | Problem]:
    """Link an account

     Validate the linking values (every field at once), probe the provider, store them encrypted.

    The answer's ``permissions`` report says, per action, whether it is enabled and which provider
    permissions to tick. Nothing is stored when validation or the probe fails.

    Args:
        body (LinkRequest): Link an account: the connector's linking values (validated, probed,
            then stored encrypted).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountOut | Problem]
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
    body: LinkRequest,
) -> AccountOut | Problem | None:
    """Link an account

     Validate the linking values (every field at once), probe the provider, store them encrypted.

    The answer's ``permissions`` report says, per action, whether it is enabled and which provider
    permissions to tick. Nothing is stored when validation or the probe fails.

    Args:
        body (LinkRequest): Link an account: the connector's linking values (validated, probed,
            then stored encrypted).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LinkRequest,
) -> Response[AccountOut | Problem]:
    """Link an account

     Validate the linking values (every field at once), probe the provider, store them encrypted.

    The answer's ``permissions`` report says, per action, whether it is enabled and which provider
    permissions to tick. Nothing is stored when validation or the probe fails.

    Args:
        body (LinkRequest): Link an account: the connector's linking values (validated, probed,
            then stored encrypted).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: LinkRequest,
) -> AccountOut | Problem | None:
    """Link an account

     Validate the linking values (every field at once), probe the provider, store them encrypted.

    The answer's ``permissions`` report says, per action, whether it is enabled and which provider
    permissions to tick. Nothing is stored when validation or the probe fails.

    Args:
        body (LinkRequest): Link an account: the connector's linking values (validated, probed,
            then stored encrypted).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
