"""UKG Pro failures as hub errors, in UKG's words: the toolkit's mapping with UKG's remedies and screens.

The statuses, retries and transport failures are the REST toolkit's (``hub.sdk.ProviderErrors``);
what is UKG's own is here: the linking fields and screens each failure points at, the permission a
path needs, and the detail UKG puts in a 400's body.
"""

from __future__ import annotations

import httpx

from connectors.ukg_pro.scopes import permission_for
from hub.sdk import MissingPermission, ProviderAuthError, ProviderError, ProviderErrors

__all__ = ["ERRORS", "HOST_FIELDS", "HOST_REMEDY", "PROVIDER", "UkgErrors"]

PROVIDER = "ukg_pro"

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


class UkgErrors(ProviderErrors):
    """The toolkit's mapping, with UKG's service-account wording for 401 and 403 and its 400 detail."""

    def unauthorized(self, response: httpx.Response) -> ProviderError:
        """401: UKG refused the service account; it does not say which of the three values is wrong."""
        return ProviderAuthError(
            f"UKG Pro refused the service account's credentials (401) on {response.request.url.path}.",
            provider=self.provider,
            remedy=self.auth_remedy,
            fields=self.auth_fields,
        )

    def forbidden(self, response: httpx.Response) -> ProviderError:
        """403: the service account lacks the permission the path needs, named as UKG's screen names it."""
        path = response.request.url.path
        permission = self.permission_for(path)
        return MissingPermission(
            f"The service account lacks the permission UKG Pro requires for {path} (403).",
            permissions=[permission] if permission else [],
            provider=self.provider,
            remedy=(
                f'On Service Account Administration, tick "{permission}" (View) for this service account, '
                "then check the account again."
                if permission
                else None
            ),
        )

    def detail(self, response: httpx.Response) -> str:
        """A 400's model state (``errors.modelstate``): which query parameter UKG refused, and why."""
        if response.status_code != 400:
            return ""
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


ERRORS = UkgErrors(
    provider=PROVIDER,
    title="UKG Pro",
    permissions=permission_for,
    auth_remedy=AUTH_REMEDY,
    auth_fields=AUTH_FIELDS,
    host_remedy=HOST_REMEDY,
    host_fields=HOST_FIELDS,
    timeout_remedy=HOST_REMEDY + " If the host is right, UKG is slow: try again later.",
    dropped_remedy=DROPPED_REMEDY,
)
"""How UKG Pro's failures become hub errors (429 and 5xx are retried first)."""
