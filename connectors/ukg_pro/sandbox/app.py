"""The ASGI app: UKG Pro's REST surface at the host root, the sandbox admin under ``/_sandbox/``.

A plain ASGI callable rather than a framework app: it must be able to stall, cut a connection
mid-body and send a 10,000-row page with as little overhead as possible.

Order of checks on UKG's surface (gateway first, then the API): latency, stall, dropped connection,
5xx burst, rate limit (429); then method (405), authentication (401), route (404), permission (403),
query (400), and the records.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any
from urllib.parse import urlencode

import anyio

from connectors.ukg_pro.sandbox import jsonio
from connectors.ukg_pro.sandbox.auth import Account
from connectors.ukg_pro.sandbox.endpoints import Call, Endpoint, NotFound, Router
from connectors.ukg_pro.sandbox.faults import ConnectionDropped
from connectors.ukg_pro.sandbox.query import (
    Page,
    QueryError,
    QueryParams,
    compile_filters,
    link_header,
    parse_page,
)
from connectors.ukg_pro.sandbox.records import RecordContext
from connectors.ukg_pro.sandbox.state import Receive, SandboxState, Scope, Send

__all__ = ["ADMIN_PREFIX", "SandboxApp", "SandboxState"]


ADMIN_PREFIX = "/_sandbox"
_JSON = b"application/json; charset=utf-8"
_UNMATCHED = "(unmatched)"
_DENIED = {"message": "Authorization has been denied for this request."}
_GATEWAY_PAGE = (
    "<html><head><title>{status} {reason}</title></head><body><center><h1>{status} {reason}</h1></center>"
    "</body></html>"
)
_REASONS = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Temporarily Unavailable",
            504: "Gateway Time-out"}  # fmt: skip


async def _respond(
    send: Send,
    status: int,
    body: bytes,
    *,
    content_type: bytes = _JSON,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    head = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
    if headers:
        head.extend(headers)
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _json(
    send: Send, status: int, value: Any, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    await _respond(send, status, jsonio.dumps(value), headers=headers)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _base_url(scope: Scope) -> str:
    host = _header(scope, b"host")
    if not host:
        server = scope.get("server") or ("localhost", None)
        host = server[0] if server[1] in (None, 80, 443) else f"{server[0]}:{server[1]}"
    return f"{scope.get('scheme', 'http')}://{host}"


async def _body_params(receive: Receive) -> QueryParams | None:
    """A POST's JSON object body as parameters (UKG's pay-statement filters), or None when it is not one.

    Scalar members become parameters (``page``, ``per_Page``, ``startDate`` ...); nested objects are not
    filters the sandbox serves and are skipped.
    """
    raw = b""
    while True:
        message = await receive()
        raw += message.get("body", b"")
        if not message.get("more_body"):
            break
    try:
        body = json.loads(raw or b"null")
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    pairs = [
        (str(k), str(v).lower() if isinstance(v, bool) else str(v))
        for k, v in body.items()
        if v is not None and not isinstance(v, (dict, list))
    ]
    return QueryParams(urlencode(pairs))


PICKED_KEPT = 16
"""Filtered queries whose kept rows the sandbox holds for their next pages."""

_NO_RECORD: Mapping[str, Any] = MappingProxyType({})
"""What a filter on the objects behind the rows is given for the record: nothing is built yet."""


class SandboxApp:
    """The sandbox's ASGI application (``sb.app``)."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.router = Router()
        # Per endpoint: its rows (held, so the identity check stays sound), the tenant version, and the
        # rows' positions by employment: a read of a few employees need not scan a large tenant's rows.
        self._by_employee: dict[str, tuple[Any, int, dict[int, list[int]]]] = {}
        # The rows a query's object filters kept, by endpoint, filters and tenant version: paging
        # through a filtered read filters once, as a database's index would spare it.
        self._picked: dict[tuple[str, tuple[tuple[str, str], ...], int], tuple[Any, list[Any]]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection (HTTP and lifespan; other scopes are ignored)."""
        kind = scope["type"]
        if kind == "lifespan":
            await self._lifespan(receive, send)
            return
        if kind != "http":
            return
        path: str = scope["path"]
        if path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/"):
            from connectors.ukg_pro.sandbox.admin import handle_admin

            await handle_admin(self.state, scope, receive, send)
            return
        await self._ukg(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _ukg(self, scope: Scope, receive: Receive, send: Send) -> None:
        state = self.state
        faults, stats = state.faults, state.stats
        matched = self.router.match(scope["path"])
        name = matched[0].path if matched else _UNMATCHED

        if faults.latency_ms > 0:
            await anyio.sleep(faults.latency_ms / 1000)
        stall = faults.take_stall()
        if stall and await self._stall(receive, stall):
            stats.record(name, 499)
            return
        if faults.take_drop():
            stats.record(name, 0)
            await self._drop(send)
        error = faults.take_error()
        if error is not None:
            stats.record(name, error)
            await self._error(send, error)
            return
        limited, retry_after = faults.take_rate_limit()
        if limited:
            stats.record(name, 429)
            headers = [(b"retry-after", retry_after.encode())] if retry_after is not None else None
            await _json(send, 429, {"message": "API rate limit exceeded"}, headers)
            return

        allowed = matched[0].method if matched else "GET"
        if scope["method"] != allowed:
            stats.record(name, 405)
            message = f"The requested resource does not support http method '{scope['method']}'."
            await _json(send, 405, {"message": message}, [(b"allow", allowed.encode())])
            return
        account = state.accounts.authenticate(
            _header(scope, b"authorization"),
            _header(scope, b"us-customer-api-key"),
            state.settings.customer_api_key,
        )
        if not isinstance(account, Account):
            stats.record(name, 401)
            stats.record_auth_failure(account)
            await _json(send, 401, _DENIED, [(b"www-authenticate", b'Basic realm="UKG Pro"')])
            return
        if matched is None:
            stats.record(name, 404)
            uri = f"{_base_url(scope)}{scope['path']}"
            await _json(
                send, 404, {"message": f"No HTTP resource was found that matches the request URI '{uri}'."}
            )
            return
        endpoint, args = matched
        if not account.can(endpoint.permission):
            stats.record(name, 403)
            await _json(send, 403, _DENIED)
            return
        if endpoint.method == "POST":
            params = await _body_params(receive)
            if params is None:
                stats.record(name, 400)
                problem = {"filter": [{"message": "A JSON object is required.", "type": "validation"}]}
                await _json(
                    send, 400, {"message": "The request is invalid.", "errors": {"modelstate": problem}}
                )
                return
        else:
            params = QueryParams(scope.get("query_string", b""))
        await self._serve(scope, send, endpoint, args, account, params)

    async def _serve(
        self,
        scope: Scope,
        send: Send,
        endpoint: Endpoint,
        args: dict[str, str],
        account: Account,
        params: QueryParams,
    ) -> None:
        state = self.state
        base_url = _base_url(scope)
        context = RecordContext(state.tenant, state.settings, base_url)
        call = Call(args, params, account, context)
        headers: list[tuple[bytes, bytes]] = []
        try:
            for required in endpoint.required:
                if not (params.get(required) or "").strip():
                    raise QueryError(required, "The field is required.")
            limit = state.settings.page_limit(endpoint.path) if endpoint.paged else None
            page = parse_page(params, limit) if limit else Page(1, 0)
            served_page = page
            if limit:
                repeat = state.faults.take_repeat(endpoint.path, page.number)
                if repeat is not None:
                    served_page = Page(repeat, page.size)
            early = compile_filters(endpoint.filters, params, on_object=True)
            predicates = compile_filters(endpoint.filters, params, on_object=False)
            with state.tenant.lock:
                refs = endpoint.rows(call)
                if early and not endpoint.single:  # filters on the objects: only their matches are built
                    refs = self._pick(endpoint.path, params, state.tenant.version, refs, early)
                if endpoint.single:
                    body_value: Any = endpoint.build(refs[0], context)
                    rows = 1
                else:
                    records, total = self._select(endpoint, call, refs, predicates, served_page, limit)
                    body_value, rows = records, len(records)
                    if limit and state.settings.link_header:
                        link = link_header(base_url, scope["path"], params, page, total)
                        headers.append((b"link", link.encode()))
        except QueryError as problem:
            state.stats.record(endpoint.path, 400)
            await _json(
                send,
                400,
                {
                    "code": 400,
                    "message": "The request is invalid.",
                    "errors": {
                        "modelstate": {problem.name: [{"message": problem.message, "type": "validation"}]}
                    },
                },
            )
            return
        except NotFound as missing:
            state.stats.record(endpoint.path, 404)
            await _json(send, 404, {"message": str(missing)})
            return
        body = jsonio.dumps(body_value)
        if state.faults.take_malformed(endpoint.path, page.number):
            body = body[: max(1, len(body) * 2 // 3)]
        state.stats.record(endpoint.path, 200, rows)
        await _respond(send, 200, body, headers=headers)

    def _select(
        self,
        endpoint: Endpoint,
        call: Call,
        refs: Any,
        predicates: list[Any],
        page: Page,
        limit: int | None,
    ) -> tuple[list[dict[str, Any]], int]:
        """The page's records and the total matching (for the Link header)."""
        build, context = endpoint.build, call.context
        spec = endpoint.filters.get("employeeid")
        if endpoint.employee_of is not None and spec is not None:
            wanted = call.params.get("employeeId")
            if wanted and "*" not in wanted:
                if spec.several:
                    names = [n.strip() for n in wanted.strip().strip("[]").split(",") if n.strip()]
                else:  # one id: a list names no employee, as at UKG
                    names = [wanted.strip()]
                index = self._employee_index(endpoint, refs, call)
                positions = sorted(
                    p for name in names for e in call.tenant.find(name) for p in index.get(id(e), ())
                )
                refs = [refs[p] for p in positions]
        if not predicates:
            if not limit:
                return [build(r, context) for r in refs], len(refs)
            chunk = refs[page.offset : page.offset + page.size]
            return [build(r, context) for r in chunk], len(refs)
        matched = []
        for ref in refs:
            record = build(ref, context)
            if all(keep(record, ref) for keep in predicates):
                matched.append(record)
        if not limit:
            return matched, len(matched)
        return matched[page.offset : page.offset + page.size], len(matched)

    def _pick(self, path: str, params: QueryParams, version: int, refs: Any, early: list[Any]) -> list[Any]:
        """The rows ``early`` keeps, kept for the query's next pages until the tenant changes."""
        filters = tuple(sorted((n.lower(), v) for n, v in params.without_paging()))
        key = (path, filters, version)
        kept = self._picked.get(key)
        if kept is not None and kept[0] is refs:
            return kept[1]
        if len(early) == 1:  # the usual case, without a generator per row
            (keep,) = early
            picked = [ref for ref in refs if keep(_NO_RECORD, ref)]
        else:
            picked = [ref for ref in refs if all(keep(_NO_RECORD, ref) for keep in early)]
        if len(self._picked) >= PICKED_KEPT:
            self._picked.pop(next(iter(self._picked)))
        self._picked[key] = (refs, picked)  # the rows held, so the identity check stays sound
        return picked

    def _employee_index(self, endpoint: Endpoint, refs: Any, call: Call) -> dict[int, list[int]]:
        """The positions of ``refs`` by employment (``id``), built once per rows and tenant version."""
        kept = self._by_employee.get(endpoint.path)
        if kept is not None and kept[0] is refs and kept[1] == call.tenant.version:
            return kept[2]
        assert endpoint.employee_of is not None
        employee_of = endpoint.employee_of
        index: dict[int, list[int]] = {}
        for position, ref in enumerate(refs):
            index.setdefault(id(employee_of(ref)), []).append(position)
        self._by_employee[endpoint.path] = (refs, call.tenant.version, index)
        return index

    async def _stall(self, receive: Receive, seconds: float) -> bool:
        """Wait ``seconds`` sending nothing; True if the client hung up meanwhile."""
        with anyio.move_on_after(seconds):
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return True
        return False

    async def _drop(self, send: Send) -> None:
        """Start a response, send part of the body, then cut the connection."""
        promised = b'[{"employeeId":"' + b"X" * 4000 + b'"}]'
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", _JSON), (b"content-length", str(len(promised)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": promised[:1024], "more_body": True})
        raise ConnectionDropped("sandbox fault: connection dropped mid-response")

    async def _error(self, send: Send, status: int) -> None:
        reason = _REASONS.get(status, "Error")
        if status in (502, 503, 504):
            page = _GATEWAY_PAGE.format(status=status, reason=reason).encode()
            await _respond(send, status, page, content_type=b"text/html")
        else:
            await _json(send, status, {"message": "An error has occurred."})
