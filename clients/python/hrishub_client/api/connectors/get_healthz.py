from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_healthz_response_gethealthz import GetHealthzResponseGethealthz
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/healthz",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetHealthzResponseGethealthz | Problem | None:
    if response.status_code == 200:
        response_200 = GetHealthzResponseGethealthz.from_dict(response.json())

        return response_200

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetHealthzResponseGethealthz | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[GetHealthzResponseGethealthz | Problem]:
    """Liveness: the process answers and its store file is in place

     ``{"status": "ok", "store": "ok"}`` while the SQLite store file is the one the hub opened (no
    query).

    For a database server, ``store`` is ``"unchecked"`` here: ``/readyz`` queries it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetHealthzResponseGethealthz | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> GetHealthzResponseGethealthz | Problem | None:
    """Liveness: the process answers and its store file is in place

     ``{"status": "ok", "store": "ok"}`` while the SQLite store file is the one the hub opened (no
    query).

    For a database server, ``store`` is ``"unchecked"`` here: ``/readyz`` queries it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetHealthzResponseGethealthz | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[GetHealthzResponseGethealthz | Problem]:
    """Liveness: the process answers and its store file is in place

     ``{"status": "ok", "store": "ok"}`` while the SQLite store file is the one the hub opened (no
    query).

    For a database server, ``store`` is ``"unchecked"`` here: ``/readyz`` queries it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetHealthzResponseGethealthz | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> GetHealthzResponseGethealthz | Problem | None:
    """Liveness: the process answers and its store file is in place

     ``{"status": "ok", "store": "ok"}`` while the SQLite store file is the one the hub opened (no
    query).

    For a database server, ``store`` is ``"unchecked"`` here: ``/readyz`` queries it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetHealthzResponseGethealthz | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
