from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.run_list import RunList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    *,
    cursor: None | str | Unset = UNSET,
    page_size: int | None | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_page_size: int | None | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/accounts/{account_id}/syncs".format(
            account_id=quote(str(account_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RunList | None:
    if response.status_code == 200:
        response_200 = RunList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RunList]:
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
    cursor: None | str | Unset = UNSET,
    page_size: int | None | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[Problem | RunList]:
    """List an account's sync runs

     One page of the account's sync runs with their reports, newest first.

    Paged like every list: pass `next_cursor` back as `cursor` (null on the last page).

    Args:
        account_id (str):
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | None | Unset): Runs per page (default 20).
        limit (int | None | Unset): The former name of `page_size`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RunList]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        cursor=cursor,
        page_size=page_size,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    page_size: int | None | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Problem | RunList | None:
    """List an account's sync runs

     One page of the account's sync runs with their reports, newest first.

    Paged like every list: pass `next_cursor` back as `cursor` (null on the last page).

    Args:
        account_id (str):
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | None | Unset): Runs per page (default 20).
        limit (int | None | Unset): The former name of `page_size`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RunList
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        cursor=cursor,
        page_size=page_size,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    page_size: int | None | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[Problem | RunList]:
    """List an account's sync runs

     One page of the account's sync runs with their reports, newest first.

    Paged like every list: pass `next_cursor` back as `cursor` (null on the last page).

    Args:
        account_id (str):
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | None | Unset): Runs per page (default 20).
        limit (int | None | Unset): The former name of `page_size`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RunList]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        cursor=cursor,
        page_size=page_size,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    page_size: int | None | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Problem | RunList | None:
    """List an account's sync runs

     One page of the account's sync runs with their reports, newest first.

    Paged like every list: pass `next_cursor` back as `cursor` (null on the last page).

    Args:
        account_id (str):
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | None | Unset): Runs per page (default 20).
        limit (int | None | Unset): The former name of `page_size`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RunList
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            cursor=cursor,
            page_size=page_size,
            limit=limit,
        )
    ).parsed
