"""UKG Pro failures turned into hub errors, each with the remedy an admin can act on."""

from __future__ import annotations

import httpx

from connectors.ukg_pro.scopes import permission_for
from hub.sdk import (
    MissingPermission,
    NotFound,
    ProviderAuthError,
    ProviderError,
    ProviderResponseError,
    ProviderUnreachable,
    RateLimited,
)

__all__ = ["RETRY_STATUSES", "Retryable", "error_for_response", "error_for_transport", "retry_after"]

PROVIDER = "ukg_pro"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

AUTH_REMEDY = (
    "Check, on UKG Pro's System Configuration > Security > Service Account Administration: the username "
    "(it is case-sensitive); the password (wrong or expired? reset it there); the Customer API key shown at "
    "the top of that page; and that the service account is active."
)
AUTH_FIELDS = {
    "username": "Check the username on Service Account Administration: it is case-sensitive.",
    "password": "Check the password; if it is wrong or expired, reset it on Service Account Administration.",
    "customer_api_key": "Check the Customer API key: the 5 characters at the top of Service Account "
    "Administration (not the 12-character User API key).",
}
"""The linking fields a 401 points at, and what to check in each (UKG does not say which is wrong)."""
HOST_FIELDS = {
    "domain": "Check the domain: ultipro.com, or ultipro.ca for Canadian tenants.",
    "subdomain": "Check the subdomain: System Configuration > Security > Web Services lists URLs such as "
    "https://service4.ultipro.com/...; service4 and servicet are different tenants.",
}
"""The linking fields an unreachable host points at, and what to check in each."""
HOST_REMEDY = (
    "Check the web-service domain and subdomain (System Configuration > Security > Web Services lists URLs "
    "such as https://service4.ultipro.com/...; service4 and servicet are different tenants)."
)

DROPPED_REMEDY = (
    "The host was reached, but UKG Pro or the network cut the connection before the answer was complete: "
    "sync again later. If it keeps happening, lower the account's concurrency or report the endpoint "
    "named above."
)


class Retryable(Exception):
    """A transient failure worth another attempt; ``wait`` is the provider's ``Retry-After``, if any."""

    def __init__(self, error: ProviderError | NotFound, wait: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.wait = wait


def retry_after(response: httpx.Response) -> float | None:
    """Seconds from a numeric ``Retry-After`` header, capped at five minutes; None when absent."""
    value = response.headers.get("Retry-After", "").strip()
    try:
        return min(max(float(value), 0.0), 300.0) if value else None
    except ValueError:
        return None


def error_for_response(response: httpx.Response) -> ProviderError | NotFound:
    """The hub error for a non-2xx UKG response (no secret is ever included)."""
    path = response.request.url.path
    status = response.status_code
    if status == 401:
        return ProviderAuthError(
            f"UKG Pro refused the service account's credentials (401) on {path}.",
            provider=PROVIDER,
            remedy=AUTH_REMEDY,
            fields=AUTH_FIELDS,
        )
    if status == 403:
        permission = permission_for(path)
        names = [permission] if permission else []
        return MissingPermission(
            f"The service account lacks the permission UKG Pro requires for {path} (403).",
            permissions=names,
            provider=PROVIDER,
            remedy=(
                f'On Service Account Administration, tick "{permission}" (View) for this service account, '
                "then check the account again."
                if permission
                else None
            ),
        )
    if status == 404:
        return NotFound(f"UKG Pro has no record at {path} (404).")
    if status == 429:
        wait = retry_after(response)
        asked = f" (it asks to wait {wait:g} s before the next request)" if wait else ""
        return RateLimited(
            f"UKG Pro kept limiting requests (429) on {path} after every allowed retry{asked}.",
            retry_after=wait,
            provider=PROVIDER,
        )
    if 300 <= status < 400:
        return ProviderResponseError(
            f"UKG Pro redirected {path} ({status}); the hub never follows redirects.",
            provider=PROVIDER,
            remedy=HOST_REMEDY,
            fields=HOST_FIELDS,
        )
    detail = _model_state(response) if status == 400 else ""
    return ProviderResponseError(
        f"UKG Pro answered {status} on {path}{': ' + detail if detail else ''}.",
        provider=PROVIDER,
    )


def error_for_transport(exc: httpx.TransportError, path: str) -> ProviderError:
    """The hub error for a connection failure or timeout."""
    if isinstance(exc, httpx.TimeoutException):
        return ProviderUnreachable(
            f"UKG Pro did not answer {path} in time ({type(exc).__name__}).",
            provider=PROVIDER,
            remedy=HOST_REMEDY + " If the host is right, UKG is slow: try again later.",
            fields=HOST_FIELDS,
        )
    if isinstance(exc, httpx.ConnectError | httpx.UnsupportedProtocol | httpx.ProxyError):
        return ProviderUnreachable(
            f"Could not reach UKG Pro for {path} ({type(exc).__name__}).",
            provider=PROVIDER,
            remedy=HOST_REMEDY,
            fields=HOST_FIELDS,
        )
    # Connected, then the connection broke mid-exchange: the host is right, the network or UKG is not.
    return ProviderUnreachable(
        f"UKG Pro dropped the connection while answering {path} ({type(exc).__name__}).",
        provider=PROVIDER,
        remedy=DROPPED_REMEDY,
    )


def _model_state(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    errors = body.get("errors") if isinstance(body, dict) else None
    state = errors.get("modelstate") if isinstance(errors, dict) else None
    if isinstance(state, dict):
        return "; ".join(
            f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in state.items()
        )
    return ""
