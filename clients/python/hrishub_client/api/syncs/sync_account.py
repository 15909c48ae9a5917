from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sync_request import SyncRequest
from ...models.sync_started import SyncStarted
from ...types import UNSET, Response, Unset


def _get_kwargs(
    account_id: str,
    *,
    body: None | SyncRequest | Unset = UNSET,
    wait: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["wait"] = wait

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/accounts/{account_id}/sync".format(
            account_id=quote(str(account_id), safe=""),
        ),
        "params": params,
    }

    if isinstance(body, SyncRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | SyncStarted | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 202:
        response_202 = SyncStarted.from_dict(response.json())

        return response_202

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | SyncStarted]:
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
    body: None | SyncRequest | Unset = UNSET,
    wait: bool | Unset = False,
) -> Response[Any | Problem | SyncStarted]:
    """Sync an account

     Sync the account into the store: the first sync reads everything, later ones the changes.

    Without ``wait`` the sync runs in the background: the answer is 202 with the run id and a
    ``Location`` to follow. With ``wait=true`` the answer is the finished run's report.
    On a PostgreSQL store the sync is a job of the task queue that a worker (`hrishub worker`) runs:
    the run is `queued` until one starts it.

    Args:
        account_id (str):
        wait (bool | Unset): Answer with the report once the sync has finished. Default: False.
        body (None | SyncRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SyncStarted]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        wait=wait,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: None | SyncRequest | Unset = UNSET,
    wait: bool | Unset = False,
) -> Any | Problem | SyncStarted | None:
    """Sync an account

     Sync the account into the store: the first sync reads everything, later ones the changes.

    Without ``wait`` the sync runs in the background: the answer is 202 with the run id and a
    ``Location`` to follow. With ``wait=true`` the answer is the finished run's report.
    On a PostgreSQL store the sync is a job of the task queue that a worker (`hrishub worker`) runs:
    the run is `queued` until one starts it.

    Args:
        account_id (str):
        wait (bool | Unset): Answer with the report once the sync has finished. Default: False.
        body (None | SyncRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SyncStarted
    """

    return sync_detailed(
        account_id=account_id,
        client=client,
        body=body,
        wait=wait,
    ).parsed


async def asyncio_detailed(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: None | SyncRequest | Unset = UNSET,
    wait: bool | Unset = False,
) -> Response[Any | Problem | SyncStarted]:
    """Sync an account

     Sync the account into the store: the first sync reads everything, later ones the changes.

    Without ``wait`` the sync runs in the background: the answer is 202 with the run id and a
    ``Location`` to follow. With ``wait=true`` the answer is the finished run's report.
    On a PostgreSQL store the sync is a job of the task queue that a worker (`hrishub worker`) runs:
    the run is `queued` until one starts it.

    Args:
        account_id (str):
        wait (bool | Unset): Answer with the report once the sync has finished. Default: False.
        body (None | SyncRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SyncStarted]
    """

    kwargs = _get_kwargs(
        account_id=account_id,
        body=body,
        wait=wait,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    account_id: str,
    *,
    client: AuthenticatedClient,
    body: None | SyncRequest | Unset = UNSET,
    wait: bool | Unset = False,
) -> Any | Problem | SyncStarted | None:
    """Sync an account

     Sync the account into the store: the first sync reads everything, later ones the changes.

    Without ``wait`` the sync runs in the background: the answer is 202 with the run id and a
    ``Location`` to follow. With ``wait=true`` the answer is the finished run's report.
    On a PostgreSQL store the sync is a job of the task queue that a worker (`hrishub worker`) runs:
    the run is `queued` until one starts it.

    Args:
        account_id (str):
        wait (bool | Unset): Answer with the report once the sync has finished. Default: False.
        body (None | SyncRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SyncStarted
    """

    return (
        await asyncio_detailed(
            account_id=account_id,
            client=client,
            body=body,
            wait=wait,
        )
    ).parsed
