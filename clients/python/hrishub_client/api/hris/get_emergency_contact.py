from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.emergency_contact import EmergencyContact
from ...models.problem import Problem
from ...models.read_mode import ReadMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    record_id: str,
    *,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    x_account_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Account-Id"] = x_account_id

    params: dict[str, Any] = {}

    params["include_raw"] = include_raw

    params["include_sources"] = include_sources

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/hris/emergency-contacts/{record_id}".format(
            record_id=quote(str(record_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmergencyContact | Problem | None:
    if response.status_code == 200:
        response_200 = EmergencyContact.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmergencyContact | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    record_id: str,
    *,
    client: AuthenticatedClient,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    x_account_id: str,
) -> Response[EmergencyContact | Problem]:
    """Get one of the emergency contacts

     One of the emergency contacts, by hub id or the provider's id.

    Args:
        record_id (str): The hub id, or the provider's own id.
        include_raw (bool | Unset): Add `remote_data`, the provider's raw records, and
            `remote_data_redacted`: unless the account's `include_sensitive` option is on, the raw
            members its connector declares sensitive are null, and listed there as `record.member`.
            Default: False.
        include_sources (bool | Unset): Add `field_sources`: each field's provider API name, label
            and raw value. Default: False.
        mode (ReadMode | Unset): Where a read comes from: `auto`, the store once synced, else the
            provider; `live`, the provider.
        x_account_id (str): The id of one of your linked accounts (`GET /v1/accounts` lists them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmergencyContact | Problem]
    """

    kwargs = _get_kwargs(
        record_id=record_id,
        include_raw=include_raw,
        include_sources=include_sources,
        mode=mode,
        x_account_id=x_account_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    record_id: str,
    *,
    client: AuthenticatedClient,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    x_account_id: str,
) -> EmergencyContact | Problem | None:
    """Get one of the emergency contacts

     One of the emergency contacts, by hub id or the provider's id.

    Args:
        record_id (str): The hub id, or the provider's own id.
        include_raw (bool | Unset): Add `remote_data`, the provider's raw records, and
            `remote_data_redacted`: unless the account's `include_sensitive` option is on, the raw
            members its connector declares sensitive are null, and listed there as `record.member`.
            Default: False.
        include_sources (bool | Unset): Add `field_sources`: each field's provider API name, label
            and raw value. Default: False.
        mode (ReadMode | Unset): Where a read comes from: `auto`, the store once synced, else the
            provider; `live`, the provider.
        x_account_id (str): The id of one of your linked accounts (`GET /v1/accounts` lists them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmergencyContact | Problem
    """

    return sync_detailed(
        record_id=record_id,
        client=client,
        include_raw=include_raw,
        include_sources=include_sources,
        mode=mode,
        x_account_id=x_account_id,
    ).parsed


async def asyncio_detailed(
    record_id: str,
    *,
    client: AuthenticatedClient,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    x_account_id: str,
) -> Response[EmergencyContact | Problem]:
    """Get one of the emergency contacts

     One of the emergency contacts, by hub id or the provider's id.

    Args:
        record_id (str): The hub id, or the provider's own id.
        include_raw (bool | Unset): Add `remote_data`, the provider's raw records, and
            `remote_data_redacted`: unless the account's `include_sensitive` option is on, the raw
            members its connector declares sensitive are null, and listed there as `record.member`.
            Default: False.
        include_sources (bool | Unset): Add `field_sources`: each field's provider API name, label
            and raw value. Default: False.
        mode (ReadMode | Unset): Where a read comes from: `auto`, the store once synced, else the
            provider; `live`, the provider.
        x_account_id (str): The id of one of your linked accounts (`GET /v1/accounts` lists them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmergencyContact | Problem]
    """

    kwargs = _get_kwargs(
        record_id=record_id,
        include_raw=include_raw,
        include_sources=include_sources,
        mode=mode,
        x_account_id=x_account_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    record_id: str,
    *,
    client: AuthenticatedClient,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    x_account_id: str,
) -> EmergencyContact | Problem | None:
    """Get one of the emergency contacts

     One of the emergency contacts, by hub id or the provider's id.

    Args:
        record_id (str): The hub id, or the provider's own id.
        include_raw (bool | Unset): Add `remote_data`, the provider's raw records, and
            `remote_data_redacted`: unless the account's `include_sensitive` option is on, the raw
            members its connector declares sensitive are null, and listed there as `record.member`.
            Default: False.
        include_sources (bool | Unset): Add `field_sources`: each field's provider API name, label
            and raw value. Default: False.
        mode (ReadMode | Unset): Where a read comes from: `auto`, the store once synced, else the
            provider; `live`, the provider.
        x_account_id (str): The id of one of your linked accounts (`GET /v1/accounts` lists them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmergencyContact | Problem
    """

    return (
        await asyncio_detailed(
            record_id=record_id,
            client=client,
            include_raw=include_raw,
            include_sources=include_sources,
            mode=mode,
            x_account_id=x_account_id,
        )
    ).parsed
