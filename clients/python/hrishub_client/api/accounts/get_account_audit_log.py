from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_audit_page import AccountAuditPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    *,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/v1/accounts/{account_id}/audit-log".format(
            account_id=quote(str(account_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountAuditPage | Problem | None:
    if response.status_code == 200:
        response_200 = AccountAuditPage.from_dict(response.json())

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
) -> Response[AccountAuditPage | Problem]:
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
    page_size: int | Unset = 20,
) -> Response[AccountAuditPage | Problem]:
    """List an account's audited actions

     One page of the account's audit log, newest first.

    Every link, credential rotation, option change, pause, resume, deletion and sync started over
    the API or on a linking page: who (customer and API key prefix), when, from which address, what
    (non-secret details) and the outcome (a refusal with its problem type). Never a credential value
    or an API key. A deleted account answers 404; its entries are kept for the hub's operators.

    Args:
        account_id (str):
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Entries per page (default 20). Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountAuditPage | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        cursor=cursor,
        page_size=page_size,
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
    page_size: int | Unset = 20,
) -> AccountAuditPage | Problem | None:
    """List an account's audited actions

     One page of the account's audit log, newest first.

    Every link, credential rotation, option change, pause, resume, deletion and sync started over
    the API or on a linking page: who (customer and API key prefix), when, from which address, what
    (non-secret details) and the outcome (a refusal with its problem type). Never a credential value
    or an API key. A deleted account answers 404; its entries are kept for the hub's operators.

    Args:
        account_id (str):
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Entries per page (default 20). Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountAuditPage | Problem
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        cursor=cursor,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> Response[AccountAuditPage | Problem]:
    """List an account's audited actions

     One page of the account's audit log, newest first.

    Every link, credential rotation, option change, pause, resume, deletion and sync started over
    the API or on a linking page: who (customer and API key prefix), when, from which address, what
    (non-secret details) and the outcome (a refusal with its problem type). Never a credential value
    or an API key. A deleted account answers 404; its entries are kept for the hub's operators.

    Args:
        account_id (str):
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Entries per page (default 20). Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountAuditPage | Problem]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        cursor=cursor,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> AccountAuditPage | Problem | None:
    """List an account's audited actions

     One page of the account's audit log, newest first.

    Every link, credential rotation, option change, pause, resume, deletion and sync started over
    the API or on a linking page: who (customer and API key prefix), when, from which address, what
    (non-secret details) and the outcome (a refusal with its problem type). Never a credential value
    or an API key. A deleted account answers 404; its entries are kept for the hub's operators.

    Args:
        account_id (str):
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Entries per page (default 20). Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountAuditPage | Problem
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            cursor=cursor,
            page_size=page_size,
        )
    ).parsed
