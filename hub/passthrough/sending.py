"""One passthrough request from start to end.

Checked, within the account's budget, sent by the connector's client, redacted, audited.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hub.accounts import NEEDS_ATTENTION
from hub.connector import PassthroughClient, PassthroughRequest, PassthroughResponse
from hub.errors import CredentialsRejected, HubError, NotSupported, PassthroughBusy
from hub.observability.logs import bound
from hub.passthrough.checks import MAX_PARAMS, check_request
from hub.passthrough.redaction import Scrubber, account_secrets, relayed, shown_body

if TYPE_CHECKING:
    from collections.abc import Iterator

    from hub.accounts import Account
    from hub.connector import Connector
    from hub.context import HubContext

__all__ = ["IN_FLIGHT", "PassthroughResult", "send_passthrough"]


@dataclass(frozen=True)
class PassthroughResult:
    """The provider's answer as the caller sees it: credentials redacted, headers filtered.

    ``body`` is the decoded JSON value when the answer is JSON, the text when it is text, base64
    when it is neither (``body_encoding`` says which: ``json``, ``text``, ``base64``, or ``None`` for
    an empty body). ``audit_id`` is the entry of the audit trail.
    """

    status: int
    headers: dict[str, str]
    body: Any
    body_encoding: str | None
    bytes: int
    audit_id: int = 0
    duration_ms: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the HTTP API's answer)."""
        return {
            "status": self.status,
            "headers": dict(self.headers),
            "body": self.body,
            "body_encoding": self.body_encoding,
            "bytes": self.bytes,
            "audit_id": self.audit_id,
            "duration_ms": self.duration_ms,
        }


@dataclass
class _InFlight:
    """Passthrough requests in flight per account, in this process (any thread, any event loop)."""

    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @contextmanager
    def hold(self, account_id: str, limit: int) -> Iterator[None]:
        with self.lock:
            if self.counts.get(account_id, 0) >= limit:
                raise PassthroughBusy(account_id, limit)
            self.counts[account_id] = self.counts.get(account_id, 0) + 1
        try:
            yield
        finally:
            with self.lock:
                self.counts[account_id] -= 1
                if not self.counts[account_id]:
                    del self.counts[account_id]


IN_FLIGHT = _InFlight()
"""At most the settings' ``max_concurrency`` passthrough requests in flight per account."""


def _shown_path(path: Any, scrub: Scrubber) -> str:
    """The path as the audit keeps it: printable, at most 300 characters, credentials redacted."""
    text = path if isinstance(path, str) else repr(path)
    return scrub.text(ascii(text)[1:-1] if not text.isprintable() else text)[:300]


def _param_names(params: Any) -> list[str]:
    if not isinstance(params, Mapping):
        return []
    return [ascii(n)[1:-1][:100] if isinstance(n, str) else "?" for n in list(params)[:MAX_PARAMS]]


async def send_passthrough(
    context: HubContext,
    account: Account,
    *,
    method: Any,
    path: Any,
    params: Any = None,
    headers: Any = None,
    body: Any = None,
) -> PassthroughResult:
    """Check, send, redact and audit one passthrough request for ``account`` (see the module).

    A provider 401 marks the account ``needs_attention``, as a sync does: later passthroughs and
    syncs are refused without calling the provider until the credentials are updated.

    Raises :class:`NotSupported` when the connector offers no passthrough,
    :class:`InvalidPassthrough` for a refused request, :class:`CredentialsRejected` when the provider
    refused the account's credentials before, :class:`PassthroughBusy` past the account's requests
    in flight, :class:`~hub.errors.HostNotAllowed`, :class:`~hub.errors.PassthroughTooLarge`, or the
    provider's :class:`~hub.errors.ProviderUnreachable`. Each but the first is audited.
    """
    connector = context.connector(account.connector)
    offer = connector.passthrough
    if offer is None:
        raise NotSupported(
            f"{connector.title} offers no passthrough.",
            remedy="Read the unified models instead; this connector does not relay requests.",
        )
    store = context.store
    credentials = account.credentials.reveal()
    scrub = Scrubber(account_secrets(connector, credentials))
    verb = method.upper()[:16] if isinstance(method, str) else "?"
    started = time.monotonic()

    def audit(status: int | None, size: int, error: HubError | None, shown: Scrubber = scrub) -> int:
        return store.passthrough_audit.add(
            account_id=account.id,
            customer_id=account.customer_id,
            method=ascii(verb)[1:-1],
            path=_shown_path(path, shown),
            params=_param_names(params),
            status=status,
            size=size,
            duration_ms=round((time.monotonic() - started) * 1000),
            error=error.type if error is not None else None,
        )

    try:
        request = check_request(offer, method=method, path=path, params=params, headers=headers, body=body)
        row = await asyncio.to_thread(store.accounts.row, account.id)
        if row.status == NEEDS_ATTENTION:
            raise CredentialsRejected(account.id, provider=connector.title)
        with IN_FLIGHT.hold(account.id, context.settings.max_concurrency):
            answer = await _send(connector, credentials, context, request)
    except HubError as exc:
        await asyncio.to_thread(audit, None, 0, exc)
        raise
    if answer.status == 401:
        # As a sync does: the same credentials would be refused again, and repeated refusals can lock
        # the provider's service account. The caller still gets the provider's answer.
        await asyncio.to_thread(store.accounts.set_status, account.id, NEEDS_ATTENTION)
    scrub = Scrubber(set(scrub.secrets) | answer.secrets)
    shown, encoding = shown_body(answer, scrub)
    audit_id = await asyncio.to_thread(audit, answer.status, len(answer.content), None, scrub)
    return PassthroughResult(
        status=answer.status,
        headers=relayed(answer.headers, scrub),
        body=shown,
        body_encoding=encoding,
        bytes=len(answer.content),
        audit_id=audit_id,
        duration_ms=round((time.monotonic() - started) * 1000),
    )


async def _send(
    connector: Connector, credentials: Mapping[str, Any], context: HubContext, request: PassthroughRequest
) -> PassthroughResponse:
    with bound(connector=connector.name):
        client = connector.client_factory(credentials, context.settings)
    try:
        if not isinstance(client, PassthroughClient):
            raise NotSupported(
                f"{connector.title} declares a passthrough, but its client cannot send one.",
                remedy="Report it to the connector's authors: its client needs a passthrough method.",
            )
        return await client.passthrough(request)
    finally:
        await client.aclose()
