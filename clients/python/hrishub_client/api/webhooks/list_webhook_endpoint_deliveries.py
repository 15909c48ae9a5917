from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_list import DeliveryList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: str,
    *,
    state: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    else:
        json_state = state
    params["state"] = json_state

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/webhook-endpoints/{endpoint_id}/deliveries".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeliveryList | Problem | None:
    if response.status_code == 200:
        response_200 = DeliveryList.from_dict(response.json())

        return response_200

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
) -> Response[DeliveryList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 50,
) -> Response[DeliveryList | Problem]:
    """List a webhook endpoint's deliveries

     Deliveries newest first, each with every attempt: time, status, latency and the answer's start.

    Args:
        endpoint_id (str):
        state (None | str | Unset):
        cursor (None | str | Unset): `next_cursor` of the previous page.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryList | Problem]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        state=state,
        cursor=cursor,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 50,
) -> DeliveryList | Problem | None:
    """List a webhook endpoint's deliveries

     Deliveries newest first, each with every attempt: time, status, latency and the answer's start.

    Args:
        endpoint_id (str):
        state (None | str | Unset):
        cursor (None | str | Unset): `next_cursor` of the previous page.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryList | Problem
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        state=state,
        cursor=cursor,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 50,
) -> Response[DeliveryList | Problem]:
    """List a webhook endpoint's deliveries

     Deliveries newest first, each with every attempt: time, status, latency and the answer's start.

    Args:
        endpoint_id (str):
        state (None | str | Unset):
        cursor (None | str | Unset): `next_cursor` of the previous page.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryList | Problem]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        state=state,
        cursor=cursor,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: str,
    *,
    client: AuthenticatedClient,
    state: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 50,
) -> DeliveryList | Problem | None:
    """List a webhook endpoint's deliveries

     Deliveries newest first, each with every attempt: time, status, latency and the answer's start.

    Args:
        endpoint_id (str):
        state (None | str | Unset):
        cursor (None | str | Unset): `next_cursor` of the previous page.
        page_size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryList | Problem
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            state=state,
            cursor=cursor,
            page_size=page_size,
        )
    ).parsed
