import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.read_mode import ReadMode
from ...models.time_off_request_page import TimeOffRequestPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
    modified_after: datetime.datetime | None | Unset = UNSET,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    x_account_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["X-Account-Id"] = x_account_id

    params: dict[str, Any] = {}

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["page_size"] = page_size

    json_modified_after: None | str | Unset
    if isinstance(modified_after, Unset):
        json_modified_after = UNSET
    elif isinstance(modified_after, datetime.datetime):
        json_modified_after = modified_after.isoformat()
    else:
        json_modified_after = modified_after
    params["modified_after"] = json_modified_after

    params["include_raw"] = include_raw

    params["include_sources"] = include_sources

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/hris/time-off-requests",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TimeOffRequestPage | None:
    if response.status_code == 200:
        response_200 = TimeOffRequestPage.from_dict(response.json())

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
) -> Response[Problem | TimeOffRequestPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
    modified_after: datetime.datetime | None | Unset = UNSET,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    x_account_id: str,
) -> Response[Problem | TimeOffRequestPage]:
    """List time off requests

     One page of time off requests, in a stable order; pass `next_cursor` back for the next page (it
    stays valid while a sync runs).

    Args:
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Records per page. Default: 100.
        modified_after (datetime.datetime | None | Unset): Only records changed after this moment
            (ISO 8601; without an offset, UTC).
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
        Response[Problem | TimeOffRequestPage]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        page_size=page_size,
        modified_after=modified_after,
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
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
    modified_after: datetime.datetime | None | Unset = UNSET,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    x_account_id: str,
) -> Problem | TimeOffRequestPage | None:
    """List time off requests

     One page of time off requests, in a stable order; pass `next_cursor` back for the next page (it
    stays valid while a sync runs).

    Args:
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Records per page. Default: 100.
        modified_after (datetime.datetime | None | Unset): Only records changed after this moment
            (ISO 8601; without an offset, UTC).
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
        Problem | TimeOffRequestPage
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        page_size=page_size,
        modified_after=modified_after,
        include_raw=include_raw,
        include_sources=include_sources,
        mode=mode,
        x_account_id=x_account_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
    modified_after: datetime.datetime | None | Unset = UNSET,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    x_account_id: str,
) -> Response[Problem | TimeOffRequestPage]:
    """List time off requests

     One page of time off requests, in a stable order; pass `next_cursor` back for the next page (it
    stays valid while a sync runs).

    Args:
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Records per page. Default: 100.
        modified_after (datetime.datetime | None | Unset): Only records changed after this moment
            (ISO 8601; without an offset, UTC).
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
        Response[Problem | TimeOffRequestPage]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        page_size=page_size,
        modified_after=modified_after,
        include_raw=include_raw,
        include_sources=include_sources,
        mode=mode,
        x_account_id=x_account_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
    modified_after: datetime.datetime | None | Unset = UNSET,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    x_account_id: str,
) -> Problem | TimeOffRequestPage | None:
    """List time off requests

     One page of time off requests, in a stable order; pass `next_cursor` back for the next page (it
    stays valid while a sync runs).

    Args:
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Records per page. Default: 100.
        modified_after (datetime.datetime | None | Unset): Only records changed after this moment
            (ISO 8601; without an offset, UTC).
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
        Problem | TimeOffRequestPage
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            page_size=page_size,
            modified_after=modified_after,
            include_raw=include_raw,
            include_sources=include_sources,
            mode=mode,
            x_account_id=x_account_id,
        )
    ).parsed
