"""Tiny HRIS's API for one linked account: its paths, paging, filters and change feed, on ``hub.sdk.RestClient``."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from hub.sdk import HttpSettings, MissingPermission, PageNumber, ProviderErrors, RestClient
from tests.tiny_hris.scopes import PATHS, PERMISSION_OF_PATH

__all__ = ["ERRORS", "TinyClient", "create_client"]

ERRORS = ProviderErrors(
    provider="tiny_hris",
    title="Tiny HRIS",
    permissions=PERMISSION_OF_PATH,
    auth_remedy="Check the API key on Settings > API in Tiny HRIS: it may have been revoked or replaced.",
    auth_fields={"api_key": "Check the API key on Settings > API: revoked keys are refused."},
    host_remedy="Check the API address on Settings > API in Tiny HRIS.",
    host_fields={"base_url": "Check the API address on Settings > API."},
    dropped_remedy="Tiny HRIS or the network cut the connection before the answer was complete: sync again later.",
)
"""How Tiny HRIS's failures become hub errors (429 and 5xx are retried first)."""


def _instant(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


class TinyClient(RestClient):
    """Reads one Tiny HRIS tenant: ``?page=N&per_page=M`` pages; ``?field=a,b`` keeps those values only."""

    endpoints = PATHS
    paginator = PageNumber(page_param="page", size_param="per_page", page_size=100)

    def __init__(self, credentials: Mapping[str, Any], settings: HttpSettings) -> None:
        key = {"Authorization": f"Bearer {credentials['api_key']}"}
        super().__init__(credentials["base_url"], settings, errors=ERRORS, headers=key)

    def query(
        self,
        record: str,
        *,
        since: datetime | None,
        until: datetime | None,
        where: Mapping[str, Sequence[Any]] | None,
    ) -> dict[str, Any]:
        """The change feed's window (``since``/``until``) and key filters (``field=a,b``)."""
        params: dict[str, Any] = {name: ",".join(map(str, values)) for name, values in (where or {}).items()}
        if since is not None:
            params["since"] = _instant(since)
        if until is not None:
            params["until"] = _instant(until)
        return params

    async def probe(self) -> None:
        """One row of employees proves the address and the key (a 403 still proves the key)."""
        try:
            await self.get(PATHS["employees"], {"page": 1, "per_page": 1})
        except MissingPermission:
            return

    async def check_permissions(self, permissions: Iterable[str]) -> dict[str, bool]:
        """Whether the key holds each permission: one one-row read of a path that needs it."""
        wanted = list(dict.fromkeys(permissions))
        path_of = {permission: path for path, permission in PERMISSION_OF_PATH.items()}

        async def holds(permission: str) -> bool:
            if permission not in path_of:
                return False
            try:
                await self.get(path_of[permission], {"page": 1, "per_page": 1})
            except MissingPermission:
                return False
            return True

        granted = await asyncio.gather(*(holds(p) for p in wanted))
        return dict(zip(wanted, granted, strict=True))


def create_client(credentials: Mapping[str, Any], settings: HttpSettings) -> TinyClient:
    """The connector's client factory."""
    return TinyClient(credentials, settings)
