"""The sandbox's ASGI app: bearer-key auth, permissions per path, faults, paging and ``field=a,b`` filters."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from tests.tiny_hris.sandbox.faults import ConnectionDropped
from tests.tiny_hris.scopes import PATHS, PERMISSION_OF_PATH

if TYPE_CHECKING:
    from tests.tiny_hris.sandbox.sandbox import Sandbox

__all__ = ["TinyApp"]

Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
RECORD_OF_PATH = {path: record for record, path in PATHS.items()}
PAGING = {"page", "per_page", "since", "until"}
GATEWAY = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
ECHO_PATH = "/v1/debug/echo"
"""A careless provider's debugging route: it echoes the request, credentials included, in its answer."""


class TinyApp:
    """Answers Tiny HRIS's API for one :class:`~tests.tiny_hris.sandbox.Sandbox`."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Send) -> None:
        """The ASGI entry point."""
        if scope["type"] != "http":
            return
        path = scope["path"]
        if path == ECHO_PATH:
            status, body, headers = self.echo(scope)
            self.sandbox.stats.record(path, status)
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.sandbox.stats.entered()
        try:
            status, body, headers = await self.answer(
                path, dict(scope["headers"]), scope["query_string"].decode()
            )
        except ConnectionDropped:
            self.sandbox.stats.record(path, 0)
            # Half an answer, then the connection goes: what a client meets when a network drops.
            length = [(b"content-length", b"100")]
            await send({"type": "http.response.start", "status": 200, "headers": length})
            await send({"type": "http.response.body", "body": b"[", "more_body": True})
            raise
        finally:
            self.sandbox.stats.left()
        self.sandbox.stats.record(path, status)
        kind = b"text/html" if body == GATEWAY else b"application/json"
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()), *headers],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def answer(self, path: str, headers: dict[bytes, bytes], query: str) -> tuple[int, bytes, list]:
        """Status, body and extra headers for one GET."""
        sb, faults = self.sandbox, self.sandbox.faults
        if faults.latency_ms:
            await asyncio.sleep(faults.latency_ms / 1000)
        if faults.take_drop():
            raise ConnectionDropped(path)
        stall = faults.take_stall()
        if stall:
            await asyncio.sleep(stall)
        error = faults.take_error()
        if error is not None:
            return error, GATEWAY if error in (502, 503, 504) else _json({"error": "internal error"}), []
        limited, retry_after = faults.take_rate_limit()
        if limited:
            return (
                429,
                _json({"error": "slow down"}),
                [(b"retry-after", retry_after.encode())] if retry_after else [],
            )
        key = headers.get(b"authorization", b"").decode().removeprefix("Bearer ")
        if key not in sb.keys:
            return 401, _json({"error": "unknown API key"}), []
        record = RECORD_OF_PATH.get(path)
        if record is None:
            return 404, _json({"error": "no such path"}), []
        if PERMISSION_OF_PATH[path] not in sb.keys[key]:
            return 403, _json({"error": f"this key lacks {PERMISSION_OF_PATH[path]}"}), []
        params = {name: values[-1] for name, values in parse_qs(query).items()}
        try:
            rows = _select(sb.roster.rows(record), params)
        except (KeyError, ValueError) as exc:
            return 400, _json({"error": f"bad query: {exc}"}), []
        size = min(int(params.get("per_page", sb.page_size)), sb.page_limits.get(path, sb.page_size))
        page = faults.take_repeat(path, int(params.get("page", 1)))
        body = _json(rows[(page - 1) * size : page * size])
        if faults.take_malformed(path):
            body = body[: max(1, len(body) // 2)]
        return 200, body, []

    def echo(self, scope: MutableMapping[str, Any]) -> tuple[int, bytes, list[tuple[bytes, bytes]]]:
        """The request echoed back: method, headers (the API key among them), query; ``?status=``
        picks the status, ``?pad=`` adds that many bytes, ``?as=text`` answers plain text.

        It also sets a cookie and a header holding the key, as careless providers do.
        """
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        key = headers.get("authorization", "").removeprefix("Bearer ")
        if key not in self.sandbox.keys:
            return 401, _json({"error": "unknown API key"}), [(b"content-type", b"application/json")]
        params = {name: values[-1] for name, values in parse_qs(scope["query_string"].decode()).items()}
        echoed = {
            "method": scope["method"],
            "path": scope["path"],
            "headers": headers,
            "query": parse_qs(scope["query_string"].decode()),
            "message": f"signed in with key {key}",
            key: "the key as a member name",
            "pad": "x" * int(params.get("pad", "0")),
        }
        text = params.get("as") == "text"
        body = f"key={key}\n".encode() if text else _json(echoed)
        kind = b"text/plain; charset=utf-8" if text else b"application/json"
        return (
            int(params.get("status", "200")),
            body,
            [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                (b"set-cookie", f"session={key}".encode()),
                (b"x-echo-key", key.encode()),
                (b"link", b'</v1/debug/echo?page=2>; rel="next"'),
                (b"location", f"https://elsewhere.example/?key={key}".encode()),
            ],
        )


def _select(rows: list[dict[str, Any]], params: dict[str, str]) -> list[dict[str, Any]]:
    """The rows whose fields take one of the asked-for values, and in the ``since``-``until`` window."""
    since, until = params.get("since"), params.get("until")
    wanted = {name: set(value.split(",")) for name, value in params.items() if name not in PAGING}
    kept = []
    for row in rows:
        if any(str(row[name]) not in values for name, values in wanted.items()):
            continue
        if "changedAt" in row:
            at = datetime.fromisoformat(row["changedAt"])
            if (since and at < datetime.fromisoformat(since)) or (
                until and at > datetime.fromisoformat(until)
            ):
                continue
        kept.append(row)
    return kept


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()
