"""UKG Pro authentication: HTTP Basic (service account) plus the ``US-Customer-Api-Key`` header.

UKG's published description also names a ``US-Client-id`` header for the pay-statement reads (POSTs)
without saying what it holds; the connector sends the Customer API key there too (inferred), on POSTs only.
"""

from __future__ import annotations

import base64
from collections.abc import Generator

import httpx

__all__ = ["UkgAuth"]


class UkgAuth(httpx.Auth):
    """Adds UKG Pro's two credentials to every request; never shows them in ``repr``."""

    def __init__(self, username: str, password: str, customer_api_key: str) -> None:
        token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        self._authorization = f"Basic {token}"
        self._customer_api_key = customer_api_key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Set the ``Authorization`` and ``US-Customer-Api-Key`` headers."""
        request.headers["Authorization"] = self._authorization
        request.headers["US-Customer-Api-Key"] = self._customer_api_key
        if request.method == "POST":
            request.headers["US-Client-id"] = self._customer_api_key
        yield request

    def __repr__(self) -> str:
        return "UkgAuth(<redacted>)"
