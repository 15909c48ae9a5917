"""The linking page an HR admin opens from a link session's URL: form, submit, permissions, check again.

Server-rendered (Jinja2) so it works without JavaScript; ``link.js`` adds checks while typing and
the host preview. Every answer carries :func:`hub.linking.page.security.security_headers`; secrets typed
into the form are never rendered back, logged or stored anywhere but the sealed account.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.staticfiles import StaticFiles

from hub.errors import (
    FieldIssue,
    HubError,
    InvalidCredentials,
    LinkUnavailable,
    MissingPermission,
    NotFound,
    ProviderError,
    TooManyAttempts,
)
from hub.hub import Hub
from hub.linking.page.form import action_lines, form_fields
from hub.linking.page.security import (
    CSRF_COOKIE,
    HOLDER_COOKIE,
    csrf_matches,
    csrf_token,
    same_origin,
    security_headers,
    set_cookie,
)
from hub.linking.rows import LinkSessionRow
from hub.linking.sessions import secret_fields
from hub.store.account_audit import Actor, AuditRecording

__all__ = ["ASSETS_PATH", "FormRefused", "assets", "router"]

ASSETS_PATH = "/link-assets"
router = APIRouter(include_in_schema=False)

_templates = Environment(
    loader=PackageLoader("hub.linking.page", "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def assets() -> StaticFiles:
    """The page's stylesheet and script, served by the hub (no build step, no CDN)."""
    return StaticFiles(directory=str(files("hub.linking.page") / "static"))


def _public_url() -> str:
    return os.environ.get("HRISHUB_PUBLIC_URL", "").strip()


@dataclass
class _Outcome:
    """What a failed submit shows: errors by field, and one for the whole form."""

    status: int
    fields: dict[str, list[FieldIssue]] = field(default_factory=dict)
    form: HubError | None = None


def _render(
    template: str, status: int, row: LinkSessionRow | None, request: Request, **context: Any
) -> HTMLResponse:
    page = _templates.get_template(template).render(assets=ASSETS_PATH, **context)
    response = HTMLResponse(
        page, status_code=status, headers=security_headers(row.frame_origins if row else ())
    )
    if row is not None and "csrf" in context:
        set_cookie(
            response,
            request,
            CSRF_COOKIE,
            context["csrf"],
            f"/link/{context['token']}",
            framed=bool(row.frame_origins),
        )
    return response


def _unavailable(request: Request, row: LinkSessionRow | None, error: HubError) -> HTMLResponse:
    return _render(
        "unavailable.html",
        error.status,
        row,
        request,
        heading={
            "used": "Already connected",
            "expired": "This link has expired",
            "busy": "Just a moment",
        }.get(getattr(error, "reason", ""), "This link cannot be used"),
        message=error.message,
        remedy=error.remedy,
    )


def _customer_name(hub: Hub, customer_id: str) -> str:
    customer = hub.store.customers.get(customer_id)
    return customer.name if customer is not None else "An app"


def _form_page(
    request: Request,
    hub: Hub,
    row: LinkSessionRow,
    token: str,
    *,
    values: Mapping[str, str] | None = None,
    outcome: _Outcome | None = None,
) -> HTMLResponse:
    connector = hub.connector(row.connector)
    hidden = secret_fields(connector)
    shown = {k: v for k, v in (values or {}).items() if k not in hidden}
    notes, _ = hub.link_sessions.preview(row, shown) if shown else ({}, [])
    outcome = outcome or _Outcome(200)
    return _render(
        "form.html",
        outcome.status,
        row,
        request,
        token=token,
        csrf=csrf_token(request),
        title=connector.title,
        schema_title=connector.credentials_schema.get("title", connector.title),
        schema_help=connector.credentials_schema.get("description", ""),
        customer=_customer_name(hub, row.customer_id),
        checklist=connector.scopes_for(row.actions or None),
        grant=connector.grant_permissions,
        fields=form_fields(connector),
        values=shown,
        notes=notes,
        errors=outcome.fields,
        form_error=outcome.form,
        missing_permissions=getattr(outcome.form, "permissions", []),
        expires_at=row.expires_at,
    )


def _account_gone() -> LinkUnavailable:
    return LinkUnavailable(
        "deleted",
        "The account this link connected has since been deleted by the app that sent the link.",
        remedy="To connect again, ask that app for a new link.",
    )


def _summary_page(
    request: Request,
    hub: Hub,
    row: LinkSessionRow,
    token: str,
    *,
    checked: bool,
    error: HubError | None = None,
) -> HTMLResponse:
    connector = hub.connector(row.connector)
    try:
        report = hub.store.accounts.row(row.account_id or "").permissions
    except NotFound:
        return _unavailable(request, row, _account_gone())
    lines = action_lines(report, row.actions)
    to_tick = list(dict.fromkeys(p for line in lines for p in line.missing))
    return _render(
        "summary.html",
        error.status if error else 200,
        row,
        request,
        token=token,
        csrf=csrf_token(request),
        title=connector.title,
        customer=_customer_name(hub, row.customer_id),
        lines=lines,
        to_tick=to_tick,
        grant=connector.grant_permissions,
        checked=checked,
        form_error=error,
    )


_API_PATH = re.compile(r"(?:\s+(?:at|on|for|from))?\s+/[\w.-]+/v\d+(?:/[\w.{}-]+)*")
"""A provider API path in a message (`` on /personnel/v1/person-details``): no help to an HR admin."""


def _for_admin(error: HubError, title: str) -> HubError:
    """``error`` as an HR admin should read it: an API path is no help, what to check instead is."""
    if isinstance(error, InvalidCredentials) or not _API_PATH.search(f"{error.message} {error.remedy}"):
        return error
    shown = copy.copy(error)  # same type, status and field issues; only the words change
    shown.message = _API_PATH.sub("", error.message).rstrip(".") + f" (while reading {title}'s web services)."
    shown.remedy = (
        f"Check that the host fields name your {title} web-service host. If they do, {title} may be busy "
        "or down: try again in a few minutes."
    )
    return shown


def _failure(error: HubError, connector_fields: set[str]) -> _Outcome:
    """Where a refused submit's error goes: on the fields it concerns, else above the form."""
    if isinstance(error, InvalidCredentials):
        outcome = _Outcome(422)
        for issue in error.issues:
            outcome.fields.setdefault(issue.field if issue.field in connector_fields else "", []).append(
                issue
            )
        if "" in outcome.fields:
            outcome.form = error
        return outcome
    outcome = _Outcome(error.status, form=error)
    if isinstance(error, ProviderError) and not isinstance(error, MissingPermission):
        for issue in error.issues:
            if issue.field in connector_fields:
                outcome.fields[issue.field] = [issue]
    return outcome


def _session(hub: Hub, request: Request, token: str) -> LinkSessionRow | HTMLResponse:
    try:
        return hub.link_sessions.open(token)
    except NotFound as missing:
        return _unavailable(request, None, missing)


@router.get("/link/{token}", response_class=HTMLResponse)
def show_link_page(token: str, request: Request, checked: str = "") -> Response:
    """The form (an open link), the permissions summary (for the browser that linked), or why not."""
    hub: Hub = request.app.state.hub
    row = _session(hub, request, token)
    if isinstance(row, HTMLResponse):
        return row
    if row.status == "linked" and hub.link_sessions.holds(row, request.cookies.get(HOLDER_COOKIE)):
        return _summary_page(request, hub, row, token, checked=checked == "1")
    try:
        hub.link_sessions.usable(row)
    except LinkUnavailable as gone:
        return _unavailable(request, row, gone)
    return _form_page(request, hub, row, token)


class FormRefused(HubError):
    """A post to a linking page without this page's CSRF token, from another origin, or not the holder's."""

    type = "form-refused"
    status = 403
    default_remedy = "Reload this page, then submit the form again."


def _refused(request: Request, row: LinkSessionRow | None) -> HTMLResponse:
    error = FormRefused("The form was sent from another page or its security token is out of date.")
    return _unavailable(request, row, error)


@dataclass
class _Post:
    """A form post to a linking page that passed the session and CSRF checks."""

    hub: Hub
    row: LinkSessionRow
    form: Any


async def _checked_post(token: str, request: Request, *, holder: bool = False) -> _Post | Response:
    """The post's session and form, or the page that refuses it (unknown link, forged, not the holder)."""
    hub: Hub = request.app.state.hub
    form = await request.form()
    row = await run_in_threadpool(_session, hub, request, token)
    if isinstance(row, HTMLResponse):
        return row
    genuine = same_origin(request, _public_url()) and csrf_matches(request, str(form.get("csrf_token", "")))
    if not genuine or (holder and not hub.link_sessions.holds(row, request.cookies.get(HOLDER_COOKIE))):
        return _refused(request, row)
    return _Post(hub, row, form)


def _retry_after(response: Response, error: HubError) -> Response:
    if isinstance(error, TooManyAttempts):
        response.headers["Retry-After"] = str(int(error.retry_after) + 1)
    return response


def _audited(hub: Hub, request: Request, row: LinkSessionRow) -> AuditRecording:
    """The audit of a submit: for the session's customer, by no API key, from the admin's address."""
    address = request.client.host if request.client is not None else None
    actor = Actor(kind="link_page", customer_id=row.customer_id, address=address)
    details = {"connector": row.connector, "link_session": row.id}
    return hub.store.account_audit.recording("link", actor, details=details)


@router.post("/link/{token}", response_class=HTMLResponse)
async def submit_link_page(token: str, request: Request) -> Response:
    """Validate and probe the typed values as ``POST /v1/accounts`` does; link once, then show the summary."""
    post = await _checked_post(token, request)
    if not isinstance(post, _Post):
        return post
    hub, row = post.hub, post.row
    names = set(hub.connector(row.connector).credentials_schema.get("properties", {}))
    values = {k: str(v) for k, v in post.form.items() if k in names}
    try:
        async with _audited(hub, request, row) as audit:
            linked = await hub.link_sessions.submit(row, values)
            audit.account_id = linked.account.id
    except LinkUnavailable as gone:
        return await run_in_threadpool(_unavailable, request, row, gone)
    except HubError as error:
        outcome = _failure(_for_admin(error, hub.connector(row.connector).title), names)
        page = partial(_form_page, request, hub, row, token, values=values, outcome=outcome)
        return _retry_after(await run_in_threadpool(page), error)
    response = RedirectResponse(
        f"/link/{token}", status_code=303, headers=security_headers(row.frame_origins)
    )
    framed = bool(row.frame_origins)
    set_cookie(response, request, HOLDER_COOKIE, linked.holder_token, f"/link/{token}", framed=framed)
    return response


@router.post("/link/{token}/check", response_class=HTMLResponse)
async def check_again(token: str, request: Request) -> Response:
    """Re-probe the linked account's permissions with its stored credentials (nothing retyped)."""
    post = await _checked_post(token, request, holder=True)
    if not isinstance(post, _Post):
        return post
    hub, row = post.hub, post.row
    try:
        await hub.link_sessions.recheck(row)
    except HubError as error:
        shown = _for_admin(error, hub.connector(row.connector).title)
        page = partial(_summary_page, request, hub, row, token, checked=False, error=shown)
        return _retry_after(await run_in_threadpool(page), error)
    return RedirectResponse(
        f"/link/{token}?checked=1", status_code=303, headers=security_headers(row.frame_origins)
    )


@router.post("/link/{token}/preview")
async def preview(token: str, request: Request) -> Response:
    """For ``link.js``: the host the typed non-secret values give, and values that can never be right."""
    hub: Hub = request.app.state.hub
    row = await run_in_threadpool(_session, hub, request, token)
    headers = security_headers()
    if isinstance(row, HTMLResponse) or row.status != "open":
        return JSONResponse({"notes": {}, "errors": []}, status_code=410, headers=headers)
    if not same_origin(request, _public_url()) or not csrf_matches(
        request, request.headers.get("x-csrf-token")
    ):
        return JSONResponse({"notes": {}, "errors": []}, status_code=403, headers=headers)
    try:
        body = await request.json()
    except ValueError:
        body = None
    values = body.get("values") if isinstance(body, dict) else None
    if not isinstance(values, dict):
        return JSONResponse({"notes": {}, "errors": []}, status_code=422, headers=headers)
    notes, issues = await run_in_threadpool(hub.link_sessions.preview, row, values)
    return JSONResponse(
        {"notes": notes, "errors": [{"field": i.field, "message": i.message, "fix": i.fix} for i in issues]},
        headers=headers,
    )
