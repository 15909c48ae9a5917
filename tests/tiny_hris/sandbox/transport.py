"""An in-process httpx transport to the sandbox that fails as a network does (drops, read timeouts)."""

from __future__ import annotations

from typing import Any

import anyio
import httpx

from tests.tiny_hris.sandbox.faults import ConnectionDropped

__all__ = ["SandboxTransport"]


class SandboxTransport(httpx.AsyncBaseTransport):
    """Calls the app in process; a dropped connection and a stall past the read timeout become httpx errors."""

    def __init__(self, app: Any) -> None:
        self._inner = httpx.ASGITransport(app=app, client=("127.0.0.1", 50123))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` to the app."""
        timeout = (request.extensions.get("timeout") or {}).get("read")
        try:
            with anyio.fail_after(timeout):
                return await self._inner.handle_async_request(request)
        except TimeoutError:
            raise httpx.ReadTimeout("the sandbox did not answer in time", request=request) from None
        except ConnectionDropped:
            raise httpx.RemoteProtocolError("peer closed connection", request=request) from None

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self._inner.aclose()
