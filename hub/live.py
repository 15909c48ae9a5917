"""Reading unified records straight from the provider (``mode="live"``), through the field maps."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any

from hub.accounts import Account
from hub.connector import Connector, ConnectorClient, HttpSettings
from hub.errors import MissingPermission

__all__ = ["read_live"]

log = logging.getLogger(__name__)


async def _collect(client: ConnectorClient, record: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    async for page in client.records(record):
        rows.extend(page)
    return rows


async def read_live(
    connector: Connector,
    field_map: Any,
    account: Account,
    settings: HttpSettings,
    transforms: Mapping[str, Any],
    *,
    include_raw: bool = False,
    include_sources: bool = False,
) -> AsyncIterator[Any]:
    """Stream the unified records of one model for one account, read live from the provider.

    Joined sources are read once and indexed; the primary source streams page by page. A joined,
    optional source the account may not read (403) joins nothing rather than failing the read. Each
    record that fails to map comes out as its :class:`field_maps.MappingError`.
    """
    client = connector.client_factory(account.credentials.reveal(), settings)
    try:
        labels = await client.labels(field_map.model)
        overrides = account.options.overrides.get(field_map.model)
        compiled = field_map.compile(
            connector=connector.name,
            labels=labels,
            overrides=overrides,
            transforms=transforms,
            tz=account.options.time_zone,
        )
        primary, *joined = compiled.sources

        async def optional(source: Any) -> list[dict[str, Any]]:
            try:
                return await _collect(client, source.record)
            except MissingPermission:
                if source.required:
                    raise
                log.info(
                    "%s: %s not readable (permission missing); joined as empty", account.id, source.record
                )
                return []

        tables = await asyncio.gather(*(optional(s) for s in joined))
        others = {s.name: rows for s, rows in zip(joined, tables, strict=True)}
        async for page in client.records(primary.record):
            for item in compiled.map_many(
                compiled.join(page, **others), include_raw=include_raw, include_sources=include_sources
            ):
                yield item
    finally:
        await client.aclose()
