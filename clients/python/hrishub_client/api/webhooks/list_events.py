from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_list import EventList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: list[str] | None | Unset = UNSET,
    account_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = type_

    else:
        json_type_ = type_
    params["type"] = json_type_

    json_account_id: None | str | Unset
    if isinstance(account_id, Unset):
        json_account_id = UNSET
    else:
        json_account_id = account_id
    params["account_id"] = json_account_id

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
        "url": "/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EventList | Problem | None:
    if response.status_code == 200:
        response_200 = EventList.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EventList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    type_: list[str] | None | Unset = UNSET,
    account_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> Response[EventList | Problem]:
    """List events

     The same events webhooks deliver, oldest first, for apps that poll.

    Keep the last ``next_cursor`` and poll with it: you get only newer events. Events are kept
    ``HRISHUB_EVENT_RETENTION_DAYS`` days (30 by default).

    Args:
        type_ (list[str] | None | Unset): Only these event types (repeat the parameter for
            several).
        account_id (None | str | Unset): Only this account's events.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventList | Problem]
    """

    kwargs = _get_kwargs(
        type_=type_,
        account_id=account_id,
        cursor=cursor,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    type_: list[str] | None | Unset = UNSET,
    account_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> EventList | Problem | None:
    """List events

     The same events webhooks deliver, oldest first, for apps that poll.

    Keep the last ``next_cursor`` and poll with it: you get only newer events. Events are kept
    ``HRISHUB_EVENT_RETENTION_DAYS`` days (30 by default).

    Args:
        type_ (list[str] | None | Unset): Only these event types (repeat the parameter for
            several).
        account_id (None | str | Unset): Only this account's events.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventList | Problem
    """

    return sync_detailed(
        client=client,
        type_=type_,
        account_id=account_id,
        cursor=cursor,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    type_: list[str] | None | Unset = UNSET,
    account_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> Response[EventList | Problem]:
    """List events

     The same events webhooks deliver, oldest first, for apps that poll.

    Keep the last ``next_cursor`` and poll with it: you get only newer events. Events are kept
    ``HRISHUB_EVENT_RETENTION_DAYS`` days (30 by default).

    Args:
        type_ (list[str] | None | Unset): Only these event types (repeat the parameter for
            several).
        account_id (None | str | Unset): Only this account's events.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventList | Problem]
    """

    kwargs = _get_kwargs(
        type_=type_,
        account_id=account_id,
        cursor=cursor,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    type_: list[str] | None | Unset = UNSET,
    account_id: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> EventList | Problem | None:
    """List events

     The same events webhooks deliver, oldest first, for apps that poll.

    Keep the last ``next_cursor`` and poll with it: you get only newer events. Events are kept
    ``HRISHUB_EVENT_RETENTION_DAYS`` days (30 by default).

    Args:
        type_ (list[str] | None | Unset): Only these event types (repeat the parameter for
            several).
        account_id (None | str | Unset): Only this account's events.
        cursor (None | str | Unset): `next_cursor` of the previous page.
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
            account_id=account_id,
            cursor=cursor,
            page_size=page_size,
        )
    ).parsed
