"""Passthrough: a customer's own request sent to the provider with an account's stored credentials.

The hub checks the request before any client sees it (:func:`check_request`): a method the
connector allows (read-only ones unless it declares others), a path relative to the connector's own
host (no absolute URL, scheme, ``//host``, ``..``, backslash, ``@``, encoded slash or dot, control
character), query parameters as names and plain values, headers that carry no credential and no
hop-by-hop meaning, a JSON body only with a method that takes one. Every refusal names the field and
nothing is sent. The connector's client then sends it (:class:`hub.connector.PassthroughClient`)
with its credentials, its limiter and its retries, never following a redirect, reading at most
:attr:`hub.connector.Passthrough.max_bytes`.

The answer (:class:`PassthroughResult`) keeps the provider's status, a few harmless headers and the
body (JSON when it is JSON, else text, else base64), with every credential value the request carried
or the account holds redacted, should the provider echo one. Each request, refused or sent, is one
row of the audit trail (:mod:`hub.store.passthrough_audit`): method, path, parameter names, status,
size and time; never a credential, a query value or a body.

The parts: :mod:`~hub.passthrough.checks` (what may be sent), :mod:`~hub.passthrough.redaction`
(what may be shown) and :mod:`~hub.passthrough.sending` (the budget, the audit, the whole request).
"""

from __future__ import annotations

from hub.passthrough.checks import MAX_BODY_BYTES, REFUSED_HEADERS, check_request
from hub.passthrough.redaction import REDACTED, RELAYED_HEADERS, account_secrets
from hub.passthrough.sending import PassthroughResult, send_passthrough

__all__ = [
    "MAX_BODY_BYTES",
    "REDACTED",
    "REFUSED_HEADERS",
    "RELAYED_HEADERS",
    "PassthroughResult",
    "account_secrets",
    "check_request",
    "send_passthrough",
]
