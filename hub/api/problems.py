"""Every error answer is an RFC 9457 problem (``application/problem+json``), never a traceback.

Hub errors keep their stable ``type`` and ``status`` (:meth:`hub.errors.HubError.to_problem`);
FastAPI's request validation, unknown routes and unexpected exceptions are turned into problems of
the same shape. Problem bodies are built from field names and public facts only: a request's input
(which may hold a password) is never echoed.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.api.auth import REQUIRED_HEADERS
from hub.errors import (
    HubError,
    InputError,
    NotFound,
    NotSupported,
    PassthroughBusy,
    RateLimited,
    Unauthenticated,
)

__all__ = [
    "PROBLEM_JSON",
    "PROBLEM_TYPE_BASE",
    "ROUTE_PROBLEMS",
    "ProblemResponse",
    "install_problem_handlers",
    "problem",
    "problem_response",
]

log = logging.getLogger("hub.api")

PROBLEM_JSON = "application/problem+json"
PROBLEM_TYPE_BASE = "https://hrishub.dev/problems/"

ROUTE_PROBLEMS: Mapping[str, tuple[str, str]] = {
    "not-found": ("404", "No route at that path (the same type as a record that does not exist)."),
    "method-not-allowed": ("405", "The route exists, but not for that HTTP method."),
    "http-error": ("4xx", "Any other refusal of the HTTP layer."),
    "internal-error": ("500", "An unexpected failure of the hub; its log has the details."),
}
"""Problem types the API itself answers with (beside the hub errors'), slug → (status, when)."""

_ACCOUNT_FIX = "Send the id of one of your linked accounts (GET /v1/accounts) as X-Account-Id."
_FIXES = {("header", "x-account-id"): _ACCOUNT_FIX}
"""A fix to suggest for a validation error, by (location, lower-cased field)."""


class ProblemResponse(JSONResponse):
    """A JSON response with the problem media type."""

    media_type = PROBLEM_JSON

    def render(self, content: Any) -> bytes:
        """The body as UTF-8 JSON, or as ASCII JSON when the input it names holds a lone surrogate."""
        try:
            return super().render(content)
        except UnicodeEncodeError:  # e.g. a JSON field name sent as a lone surrogate, named in `errors`
            return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode()


def problem(slug: str, title: str, status: int, detail: str, remedy: str, **extra: Any) -> dict[str, Any]:
    """A problem body with the hub's members (type, title, status, detail, remedy) and any ``extra``."""
    return {
        "type": PROBLEM_TYPE_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "remedy": remedy,
        **extra,
    }


def problem_response(body: Mapping[str, Any], headers: Mapping[str, str] | None = None) -> ProblemResponse:
    """``body`` as a problem response with its own ``status``."""
    return ProblemResponse(dict(body), status_code=int(body["status"]), headers=dict(headers or {}))


_LIST_ROUTES = {
    "account": "Check the account id (X-Account-Id); list yours with GET /v1/accounts.",
    "link_session": "Check the id; list yours with GET /v1/link-sessions.",
    "webhook_endpoint": "Check the id; list yours with GET /v1/webhook-endpoints.",
}
"""How an API caller finds valid ids, by the kind a NotFound names."""


def hub_error_response(exc: HubError) -> ProblemResponse:
    """The problem answer for a hub error (``WWW-Authenticate`` on 401, ``Retry-After`` on 429)."""
    if isinstance(exc, NotFound) and exc.what in _LIST_ROUTES:
        exc = NotFound(exc.message, remedy=_LIST_ROUTES[exc.what], what=exc.what)
    headers: dict[str, str] = {}
    if isinstance(exc, Unauthenticated):
        headers["WWW-Authenticate"] = 'Bearer realm="hrishub"'
    if isinstance(exc, RateLimited | PassthroughBusy) and exc.retry_after is not None:
        headers["Retry-After"] = str(max(1, round(exc.retry_after)))
    return problem_response(exc.to_problem(), headers)


def _field_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Each validation error as ``{in, field, message}`` (plus ``fix`` when known); never the input."""
    out = []
    for error in errors:
        loc = [str(p) for p in error.get("loc", ())]
        where = loc[0] if loc else "request"
        field = ".".join(loc[1:]) if len(loc) > 1 else where
        item: dict[str, Any] = {"in": where, "field": field, "message": str(error.get("msg", "is not valid"))}
        fix = _FIXES.get((where, field.lower()))
        if fix:
            item["fix"] = fix
        out.append(item)
    return out


async def _on_hub_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, HubError)
    if exc.status >= 500 and not isinstance(exc, NotSupported):  # the hub's or the provider's failure
        log.warning("%s %s answered %s: %s", request.method, request.url.path, exc.status, exc.message)
    return hub_error_response(exc)


async def _on_validation_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _field_errors(exc.errors())
    listed = "; ".join(f"{e['field']} ({e['in']}): {e['message']}" for e in errors)
    remedy = "Correct each field listed in `errors` and send the request again (see /docs)."
    sent = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if any(e["in"] == "body" for e in errors) and sent != "application/json":
        # curl -d sends a form unless told otherwise: the body was never read as JSON.
        remedy = (
            f"Send the body as JSON with the header Content-Type: application/json "
            f"(this request said {sent or 'nothing'}), then correct any field still listed in `errors`."
        )
    refused = InputError(f"The request is not valid: {listed}.", remedy=remedy)
    body = {**refused.to_problem(), "errors": errors}
    return problem_response(body)


async def _on_http_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 404:
        body = problem(
            "not-found",
            "NotFound",
            404,
            f"No route {request.method} {request.url.path}.",
            "Check the path; /docs lists every route of this API.",
        )
    elif exc.status_code == 405:
        allowed = headers.get("Allow") or headers.get("allow") or ""
        body = problem(
            "method-not-allowed",
            "MethodNotAllowed",
            405,
            f"{request.method} is not allowed on {request.url.path}.",
            f"Use {allowed}." if allowed else "See /docs for the methods of this route.",
        )
    elif exc.status_code == 400:  # the body could not be read at all (not JSON, not UTF-8)
        unreadable = InputError(
            f"The request body could not be read: {exc.detail}.",
            remedy="Send a JSON body encoded as UTF-8 with 'Content-Type: application/json' (see /docs).",
        )
        body = {**unreadable.to_problem(), "status": 400}
    else:
        body = problem(
            "http-error",
            "HTTPError",
            exc.status_code,
            str(exc.detail),
            "See /docs for how to call this route.",
        )
    return problem_response(body, headers)


def internal_error_body() -> dict[str, Any]:
    """The generic problem for an unexpected failure (its details go to the log only)."""
    return problem(
        "internal-error",
        "InternalError",
        500,
        "The hub failed unexpectedly while answering this request.",
        "Try again; if it persists, report it to the hub's operator with the time of the request.",
    )


class ProblemOnCrash:
    """ASGI middleware: an unexpected exception is logged and answered with a generic 500 problem."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app; answer 500 problem if it raises before starting its response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception:
            log.exception("unexpected error answering %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await problem_response(internal_error_body())(scope, receive, send)


def _document_problems(app: FastAPI) -> None:
    """Make the OpenAPI document say what error answers are: ``application/problem+json``.

    Routes declare their error responses with the :class:`Problem` model, which FastAPI files under
    ``application/json``; the answers themselves are ``application/problem+json``, so a client (or a
    schema checker) reading the document would expect the wrong media type.
    """
    build = app.openapi
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    unreadable = {
        "description": "The body is not JSON (or not UTF-8).",
        "content": {PROBLEM_JSON: {"schema": problem_ref}},
    }

    def openapi() -> dict[str, Any]:
        spec = build()  # FastAPI caches the document: every step below is a no-op the second time
        if "Problem" not in spec.get("components", {}).get("schemas", {}):
            return spec
        for item in spec.get("paths", {}).values():
            for operation in item.values():
                if not isinstance(operation, dict):
                    continue
                for parameter in operation.get("parameters", ()):
                    if parameter.get("in") == "header" and parameter.get("name") in REQUIRED_HEADERS:
                        parameter["required"] = True
                        parameter.get("schema", {}).pop("anyOf", None)
                        parameter.setdefault("schema", {})["type"] = "string"
                responses = operation.setdefault("responses", {})
                if "requestBody" in operation:
                    responses.setdefault("400", unreadable)
                for status, response in responses.items():
                    content = response.get("content") or {}
                    if str(status)[:1] not in ("4", "5") or "application/json" not in content:
                        continue
                    media = content[PROBLEM_JSON] = content.pop("application/json")
                    if media.get("schema", {}).get("$ref", "").endswith("/HTTPValidationError"):
                        media["schema"] = dict(problem_ref)  # FastAPI's default 422: ours is a problem
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error answer of ``app`` a problem, and document it as one."""
    app.add_exception_handler(HubError, _on_hub_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_middleware(ProblemOnCrash)
    _document_problems(app)
