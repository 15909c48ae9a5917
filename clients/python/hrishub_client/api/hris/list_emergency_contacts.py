import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.emergency_contact_listed_page import EmergencyContactListedPage
from ...models.problem import Problem
from ...models.read_mode import ReadMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
    modified_after: datetime.datetime | None | Unset = UNSET,
    include_deleted: bool | Unset = False,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    employee_id: None | str | Unset = UNSET,
    remote_id: None | str | Unset = UNSET,
    expand: None | str | Unset = UNSET,
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

    params["include_deleted"] = include_deleted

    params["include_raw"] = include_raw

    params["include_sources"] = include_sources

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    json_employee_id: None | str | Unset
    if isinstance(employee_id, Unset):
        json_employee_id = UNSET
    else:
        json_employee_id = employee_id
    params["employee_id"] = json_employee_id

    json_remote_id: None | str | Unset
    if isinstance(remote_id, Unset):
        json_remote_id = UNSET
    else:
        json_remote_id = remote_id
    params["remote_id"] = json_remote_id

    json_expand: None | str | Unset
    if isinstance(expand, Unset):
        json_expand = UNSET
    else:
        json_expand = expand
    params["expand"] = json_expand

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/hris/emergency-contacts",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmergencyContactListedPage | Problem | None:
    if response.status_code == 200:
        response_200 = EmergencyContactListedPage.from_dict(response.json())

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
) -> Response[EmergencyContactListedPage | Problem]:
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
    include_deleted: bool | Unset = False,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    employee_id: None | str | Unset = UNSET,
    remote_id: None | str | Unset = UNSET,
    expand: None | str | Unset = UNSET,
    x_account_id: str,
) -> Response[EmergencyContactListedPage | Problem]:
    """List emergency contacts

     One page of emergency contacts, in a stable order; pass `next_cursor` back for the next page (it
    stays valid while a sync runs). Filters combine with AND; records deleted in the provider are left
    out unless `include_deleted=true`. An unknown query member is a 422 problem.

    Args:
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Records per page. Default: 100.
        modified_after (datetime.datetime | None | Unset): Only records that changed after this
            moment (ISO 8601; without an offset, UTC), by the hub's clock: a record's `modified_at` is
            the start of the sync that stored its change (not the provider's `remote_modified_at`).
            Live reads (`mode=live`) mean the same: a record the store holds unchanged counts from its
            `modified_at`; one the store holds otherwise, or not at all, is a change the hub sees now.
            To poll without missing a change, pass the `started_at` of the newest sync run that had
            finished when you last read (`GET /v1/accounts/{id}/syncs`), with `include_deleted=true`.
        include_deleted (bool | Unset): Also list records deleted in the provider
            (`remote_was_deleted` true; the hub keeps their last copy). Off by default. A get by id
            answers for a deleted record either way. Live reads hold no deleted records: the provider
            lists only what exists. Default: False.
        include_raw (bool | Unset): Add `remote_data`, the provider's raw records, and
            `remote_data_redacted`: unless the account's `include_sensitive` option is on, the raw
            members its connector declares sensitive are null, and listed there as `record.member`.
            Default: False.
        include_sources (bool | Unset): Add `field_sources`: each field's provider API name, label
            and raw value. Default: False.
        mode (ReadMode | Unset): Where a read comes from: `auto`, the store once synced, else the
            provider; `live`, the provider.
        employee_id (None | str | Unset): Only the records of this employee (hub id). Filters
            combine with AND.
        remote_id (None | str | Unset): Only the record with this provider id (`remote_id`).
            Filters combine with AND.
        expand (None | str | Unset): References to embed in each result, one level deep, read in
            one batch per reference (no request per record): a comma-separated list of `employee` (a
            record or null: employees). Each becomes a member of the result beside the ids it expands.
        x_account_id (str): The id of one of your linked accounts (`GET /v1/accounts` lists them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmergencyContactListedPage | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        page_size=page_size,
        modified_after=modified_after,
        include_deleted=include_deleted,
        include_raw=include_raw,
        include_sources=include_sources,
        mode=mode,
        employee_id=employee_id,
        remote_id=remote_id,
        expand=expand,
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
    include_deleted: bool | Unset = False,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    employee_id: None | str | Unset = UNSET,
    remote_id: None | str | Unset = UNSET,
    expand: None | str | Unset = UNSET,
    x_account_id: str,
) -> EmergencyContactListedPage | Problem | None:
    """List emergency contacts

     One page of emergency contacts, in a stable order; pass `next_cursor` back for the next page (it
    stays valid while a sync runs). Filters combine with AND; records deleted in the provider are left
    out unless `include_deleted=true`. An unknown query member is a 422 problem.

    Args:
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Records per page. Default: 100.
        modified_after (datetime.datetime | None | Unset): Only records that changed after this
            moment (ISO 8601; without an offset, UTC), by the hub's clock: a record's `modified_at` is
            the start of the sync that stored its change (not the provider's `remote_modified_at`).
            Live reads (`mode=live`) mean the same: a record the store holds unchanged counts from its
            `modified_at`; one the store holds otherwise, or not at all, is a change the hub sees now.
            To poll without missing a change, pass the `started_at` of the newest sync run that had
            finished when you last read (`GET /v1/accounts/{id}/syncs`), with `include_deleted=true`.
        include_deleted (bool | Unset): Also list records deleted in the provider
            (`remote_was_deleted` true; the hub keeps their last copy). Off by default. A get by id
            answers for a deleted record either way. Live reads hold no deleted records: the provider
            lists only what exists. Default: False.
        include_raw (bool | Unset): Add `remote_data`, the provider's raw records, and
            `remote_data_redacted`: unless the account's `include_sensitive` option is on, the raw
            members its connector declares sensitive are null, and listed there as `record.member`.
            Default: False.
        include_sources (bool | Unset): Add `field_sources`: each field's provider API name, label
            and raw value. Default: False.
        mode (ReadMode | Unset): Where a read comes from: `auto`, the store once synced, else the
            provider; `live`, the provider.
        employee_id (None | str | Unset): Only the records of this employee (hub id). Filters
            combine with AND.
        remote_id (None | str | Unset): Only the record with this provider id (`remote_id`).
            Filters combine with AND.
        expand (None | str | Unset): References to embed in each result, one level deep, read in
            one batch per reference (no request per record): a comma-separated list of `employee` (a
            record or null: employees). Each becomes a member of the result beside the ids it expands.
        x_account_id (str): The id of one of your linked accounts (`GET /v1/accounts` lists them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmergencyContactListedPage | Problem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        page_size=page_size,
        modified_after=modified_after,
        include_deleted=include_deleted,
        include_raw=include_raw,
        include_sources=include_sources,
        mode=mode,
        employee_id=employee_id,
        remote_id=remote_id,
        expand=expand,
        x_account_id=x_account_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 100,
    modified_after: datetime.datetime | None | Unset = UNSET,
    include_deleted: bool | Unset = False,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    employee_id: None | str | Unset = UNSET,
    remote_id: None | str | Unset = UNSET,
    expand: None | str | Unset = UNSET,
    x_account_id: str,
) -> Response[EmergencyContactListedPage | Problem]:
    """List emergency contacts

     One page of emergency contacts, in a stable order; pass `next_cursor` back for the next page (it
    stays valid while a sync runs). Filters combine with AND; records deleted in the provider are left
    out unless `include_deleted=true`. An unknown query member is a 422 problem.

    Args:
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Records per page. Default: 100.
        modified_after (datetime.datetime | None | Unset): Only records that changed after this
            moment (ISO 8601; without an offset, UTC), by the hub's clock: a record's `modified_at` is
            the start of the sync that stored its change (not the provider's `remote_modified_at`).
            Live reads (`mode=live`) mean the same: a record the store holds unchanged counts from its
            `modified_at`; one the store holds otherwise, or not at all, is a change the hub sees now.
            To poll without missing a change, pass the `started_at` of the newest sync run that had
            finished when you last read (`GET /v1/accounts/{id}/syncs`), with `include_deleted=true`.
        include_deleted (bool | Unset): Also list records deleted in the provider
            (`remote_was_deleted` true; the hub keeps their last copy). Off by default. A get by id
            answers for a deleted record either way. Live reads hold no deleted records: the provider
            lists only what exists. Default: False.
        include_raw (bool | Unset): Add `remote_data`, the provider's raw records, and
            `remote_data_redacted`: unless the account's `include_sensitive` option is on, the raw
            members its connector declares sensitive are null, and listed there as `record.member`.
            Default: False.
        include_sources (bool | Unset): Add `field_sources`: each field's provider API name, label
            and raw value. Default: False.
        mode (ReadMode | Unset): Where a read comes from: `auto`, the store once synced, else the
            provider; `live`, the provider.
        employee_id (None | str | Unset): Only the records of this employee (hub id). Filters
            combine with AND.
        remote_id (None | str | Unset): Only the record with this provider id (`remote_id`).
            Filters combine with AND.
        expand (None | str | Unset): References to embed in each result, one level deep, read in
            one batch per reference (no request per record): a comma-separated list of `employee` (a
            record or null: employees). Each becomes a member of the result beside the ids it expands.
        x_account_id (str): The id of one of your linked accounts (`GET /v1/accounts` lists them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmergencyContactListedPage | Problem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        page_size=page_size,
        modified_after=modified_after,
        include_deleted=include_deleted,
        include_raw=include_raw,
        include_sources=include_sources,
        mode=mode,
        employee_id=employee_id,
        remote_id=remote_id,
        expand=expand,
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
    include_deleted: bool | Unset = False,
    include_raw: bool | Unset = False,
    include_sources: bool | Unset = False,
    mode: ReadMode | Unset = UNSET,
    employee_id: None | str | Unset = UNSET,
    remote_id: None | str | Unset = UNSET,
    expand: None | str | Unset = UNSET,
    x_account_id: str,
) -> EmergencyContactListedPage | Problem | None:
    """List emergency contacts

     One page of emergency contacts, in a stable order; pass `next_cursor` back for the next page (it
    stays valid while a sync runs). Filters combine with AND; records deleted in the provider are left
    out unless `include_deleted=true`. An unknown query member is a 422 problem.

    Args:
        cursor (None | str | Unset): `next_cursor` of the previous page, unchanged.
        page_size (int | Unset): Records per page. Default: 100.
        modified_after (datetime.datetime | None | Unset): Only records that changed after this
            moment (ISO 8601; without an offset, UTC), by the hub's clock: a record's `modified_at` is
            the start of the sync that stored its change (not the provider's `remote_modified_at`).
            Live reads (`mode=live`) mean the same: a record the store holds unchanged counts from its
            `modified_at`; one the store holds otherwise, or not at all, is a change the hub sees now.
            To poll without missing a change, pass the `started_at` of the newest sync run that had
            finished when you last read (`GET /v1/accounts/{id}/syncs`), with `include_deleted=true`.
        include_deleted (bool | Unset): Also list records deleted in the provider
            (`remote_was_deleted` true; the hub keeps their last copy). Off by default. A get by id
            answers for a deleted record either way. Live reads hold no deleted records: the provider
            lists only what exists. Default: False.
        include_raw (bool | Unset): Add `remote_data`, the provider's raw records, and
            `remote_data_redacted`: unless the account's `include_sensitive` option is on, the raw
            members its connector declares sensitive are null, and listed there as `record.member`.
            Default: False.
        include_sources (bool | Unset): Add `field_sources`: each field's provider API name, label
            and raw value. Default: False.
        mode (ReadMode | Unset): Where a read comes from: `auto`, the store once synced, else the
            provider; `live`, the provider.
        employee_id (None | str | Unset): Only the records of this employee (hub id). Filters
            combine with AND.
        remote_id (None | str | Unset): Only the record with this provider id (`remote_id`).
            Filters combine with AND.
        expand (None | str | Unset): References to embed in each result, one level deep, read in
            one batch per reference (no request per record): a comma-separated list of `employee` (a
            record or null: employees). Each becomes a member of the result beside the ids it expands.
        x_account_id (str): The id of one of your linked accounts (`GET /v1/accounts` lists them).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmergencyContactListedPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            page_size=page_size,
            modified_after=modified_after,
            include_deleted=include_deleted,
            include_raw=include_raw,
            include_sources=include_sources,
            mode=mode,
            employee_id=employee_id,
            remote_id=remote_id,
            expand=expand,
            x_account_id=x_account_id,
        )
    ).parsed
