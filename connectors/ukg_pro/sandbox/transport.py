"""An in-process httpx transport to the sandbox that fails the way a network does.

``httpx.ASGITransport`` ignores timeouts and hands app exceptions to the caller. This transport
turns the sandbox's dropped-connection fault into :class:`httpx.RemoteProtocolError` and enforces
the request's read timeout (so a stalled read raises :class:`httpx.ReadTimeout`), which is what a
client sees over a real socket.
"""

from __future__ import annotations

from typing import Any

import anyio
import httpx

from connectors.ukg_pro.sandbox.faults import ConnectionDropped

__all__ = ["SandboxTransport"]


class SandboxTransport(httpx.AsyncBaseTransport):
    """Calls the sandbox app in process (``sb.transport()``); a drop-in for a network transport."""

    def __init__(self, app: Any, client: tuple[str, int] = ("127.0.0.1", 50123)) -> None:
        self._inner = httpx.ASGITransport(app=app, client=client)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` to the app, mapping sandbox faults to httpx's transport errors."""
        timeout = (request.extensions.get("timeout") or {}).get("read")
        try:
            if timeout is None:
                return await self._inner.handle_async_request(request)
            with anyio.fail_after(timeout):
                return await self._inner.handle_async_request(request)
        except TimeoutError:
            raise httpx.ReadTimeout(
                "The sandbox did not answer within the read timeout.", request=request
            ) from None
        except ConnectionDropped:
            raise httpx.RemoteProtocolError(
                "peer closed connection without sending complete message body", request=request
            ) from None

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self._inner.aclose()
