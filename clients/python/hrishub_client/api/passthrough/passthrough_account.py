from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.passthrough_in import PassthroughIn
from ...models.passthrough_out import PassthroughOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    account_id: str,
    *,
    body: PassthroughIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts/{account_id}/passthrough".format(
            account_id=quote(str(account_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PassthroughOut | Problem | None:
    if response.status_code == 200:
        response_200 = PassthroughOut.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 501:
        response_501 = Problem.from_dict(response.json())

        return response_501

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PassthroughOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: PassthroughIn,
) -> Response[PassthroughOut | Problem]:
    """Send a request to the provider

     Send one request to the account's provider with its stored credentials, and relay the answer.

    Only to the connector's own host, only read-only methods unless the connector allows others,
    within the provider's request budget (the account's requests in flight, the retry bounds, and
    this API key's linking rate, `HRISHUB_LINK_RATE_LIMIT`). The provider's status is passed back
    as `status` (a provider 404 is a 200 answer with `"status": 404`); the credentials never appear
    in the answer. Every request is audited: `GET /v1/accounts/{id}/passthrough-log`.

    Args:
        account_id (str):
        body (PassthroughIn): One request to send to the account's provider with its stored
            credentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PassthroughOut | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: PassthroughIn,
) -> PassthroughOut | Problem | None:
    """Send a request to the provider

     Send one request to the account's provider with its stored credentials, and relay the answer.

    Only to the connector's own host, only read-only methods unless the connector allows others,
    within the provider's request budget (the account's requests in flight, the retry bounds, and
    this API key's linking rate, `HRISHUB_LINK_RATE_LIMIT`). The provider's status is passed back
    as `status` (a provider 404 is a 200 answer with `"status": 404`); the credentials never appear
    in the answer. Every request is audited: `GET /v1/accounts/{id}/passthrough-log`.

    Args:
        account_id (str):
        body (PassthroughIn): One request to send to the account's provider with its stored
            credentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PassthroughOut | Problem
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: PassthroughIn,
) -> Response[PassthroughOut | Problem]:
    """Send a request to the provider

     Send one request to the account's provider with its stored credentials, and relay the answer.

    Only to the connector's own host, only read-only methods unless the connector allows others,
    within the provider's request budget (the account's requests in flight, the retry bounds, and
    this API key's linking rate, `HRISHUB_LINK_RATE_LIMIT`). The provider's status is passed back
    as `status` (a provider 404 is a 200 answer with `"status": 404`); the credentials never appear
    in the answer. Every request is audited: `GET /v1/accounts/{id}/passthrough-log`.

    Args:
        account_id (str):
        body (PassthroughIn): One request to send to the account's provider with its stored
            credentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PassthroughOut | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: PassthroughIn,
) -> PassthroughOut | Problem | None:
    """Send a request to the provider

     Send one request to the account's provider with its stored credentials, and relay the answer.

    Only to the connector's own host, only read-only methods unless the connector allows others,
    within the provider's request budget (the account's requests in flight, the retry bounds, and
    this API key's linking rate, `HRISHUB_LINK_RATE_LIMIT`). The provider's status is passed back
    as `status` (a provider 404 is a 200 answer with `"status": 404`); the credentials never appear
    in the answer. Every request is audited: `GET /v1/accounts/{id}/passthrough-log`.

    Args:
        account_id (str):
        body (PassthroughIn): One request to send to the account's provider with its stored
            credentials.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PassthroughOut | Problem
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
        )
    ).parsed
