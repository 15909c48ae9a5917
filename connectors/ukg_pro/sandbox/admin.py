"""The sandbox's own admin surface under ``/_sandbox/``: not part of UKG's API.

No authentication (it exists only in the sandbox, never under ``/personnel`` or ``/configuration``),
but it answers only loopback clients and can be switched off (``admin_enabled``).

    GET  /_sandbox/state                              tenant summary, clock, faults, accounts, stats
    POST /_sandbox/advance       {"hires", "changes", "terminations", "at"?}  → what changed
    POST /_sandbox/clock         {"now": ISO} | {"advance_seconds": n} | {"run": true}
    GET  /_sandbox/faults        the faults in force
    POST /_sandbox/faults        {fault: value, ...}  (see faults.py); {"reset": true} clears them
    POST /_sandbox/accounts      {"username", "password", "permissions"?}
    POST /_sandbox/accounts/{username}/grant|revoke  {"permissions": [...], "roles"?: [...]}
    POST /_sandbox/accounts/{username}/expire|renew|deactivate|activate
    GET  /_sandbox/stats, POST /_sandbox/stats/reset
"""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from connectors.ukg_pro.sandbox import jsonio
from connectors.ukg_pro.sandbox.auth import PERMISSIONS, ROLES

if TYPE_CHECKING:
    from connectors.ukg_pro.sandbox.state import Receive, SandboxState, Scope, Send

__all__ = ["handle_admin"]


def _is_loopback(scope: Scope) -> bool:
    client = scope.get("client")
    if not client:
        return True
    host = str(client[0])
    if host in ("localhost", "testclient"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def _body(receive: Receive) -> Any:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    raw = b"".join(chunks)
    return jsonio.loads(raw) if raw.strip() else {}


async def _answer(send: Send, status: int, value: Any) -> None:
    body = jsonio.dumps(value)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def state_of(sb: SandboxState) -> dict[str, Any]:
    """The admin view of a sandbox."""
    return {
        "tenant": sb.tenant.summary(),
        "customer_api_key": sb.settings.customer_api_key,
        "companies": [c.company_id for c in sb.tenant.companies],
        "org_level_labels": list(sb.settings.org_level_labels),
        "faults": sb.faults.to_dict(),
        "accounts": [a.to_dict() for a in sb.accounts.values()],
        "permissions": list(PERMISSIONS),
        "stats": sb.stats.to_dict(),
    }


async def handle_admin(sb: SandboxState, scope: Scope, receive: Receive, send: Send) -> None:
    """Serve one admin request."""
    if not sb.settings.admin_enabled:
        await _answer(send, 404, {"message": "The sandbox admin surface is switched off."})
        return
    if not _is_loopback(scope):
        await _answer(send, 403, {"message": "The sandbox admin surface answers loopback clients only."})
        return
    method = scope["method"]
    parts = [unquote(p) for p in scope["path"].split("/")[2:] if p]
    try:
        body = await _body(receive) if method == "POST" else {}
        status, value = _route(sb, method, parts, body)
    except (ValueError, TypeError, KeyError) as problem:
        status, value = 400, {"message": str(problem).strip("'\"")}
    await _answer(send, status, value)


def _route(sb: SandboxState, method: str, parts: list[str], body: Any) -> tuple[int, Any]:
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    match method, parts:
        case "GET", ([] | ["state"]):
            return 200, state_of(sb)
        case "GET", ["stats"]:
            return 200, sb.stats.to_dict()
        case "POST", ["stats", "reset"]:
            sb.stats.reset()
            return 200, sb.stats.to_dict()
        case "POST", ["advance"]:
            at = datetime.fromisoformat(body["at"]) if body.get("at") else None
            summary = sb.tenant.advance(
                int(body.get("hires", 0)),
                int(body.get("changes", 0)),
                int(body.get("terminations", 0)),
                at=at,
            )
            return 200, summary.to_dict()
        case "POST", ["clock"]:
            if "now" in body:
                sb.tenant.freeze(datetime.fromisoformat(body["now"]))
            elif "advance_seconds" in body:
                sb.tenant.travel(timedelta(seconds=float(body["advance_seconds"])))
            elif body.get("run"):
                sb.tenant.unfreeze()
            return 200, {"now": sb.tenant.now.isoformat()}
        case "GET", ["faults"]:
            return 200, sb.faults.to_dict()
        case "POST", ["faults"]:
            if body.pop("reset", False):
                sb.faults.reset()
            sb.faults.update(body)
            return 200, sb.faults.to_dict()
        case "POST", ["accounts"]:
            account = sb.accounts.add(
                body["username"],
                body["password"],
                body.get("permissions", PERMISSIONS),
                email=body.get("email", ""),
            )
            return 201, account.to_dict()
        case "POST", ["accounts", username, action]:
            if username not in sb.accounts:
                return 404, {"message": f"no service account {username!r}"}
            account = sb.accounts[username]
            if action in ("grant", "revoke"):
                roles = body.get("roles", ["View"] if action == "grant" else list(ROLES))
                change = sb.accounts.grant if action == "grant" else sb.accounts.revoke
                change(account, *body.get("permissions", []), roles=roles)
            elif action == "expire":
                account.password_expired = True
            elif action == "renew":
                account.password_expired = False
                if body.get("password"):
                    account.password = body["password"]
            elif action in ("deactivate", "activate"):
                account.active = action == "activate"
            else:
                return 404, {"message": f"unknown account action {action!r}"}
            return 200, account.to_dict()
    return 404, {"message": "unknown sandbox admin route; GET /_sandbox/state lists what there is"}
