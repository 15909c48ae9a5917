"""Webhook deliveries from the event outbox: at least once, in order per account and endpoint, signed.

Every event recorded after an endpoint was registered becomes one delivery for it (when its type and
account are wanted), queued in the store, so a hub that stops and starts again loses none. A
delivery is sent once the one before it (same endpoint, same account) is delivered or given up, so
a receiver sees each account's changes in the order they happened. A failed attempt is retried
after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (about 28 h in all) before it is given up; an
endpoint that answers ``410 Gone`` is disabled at once, and one that has failed for
:data:`DISABLE_AFTER` is disabled too, with a ``webhook_endpoint.disabled`` event to the customer's
other endpoints. Several dispatchers may share one store: each delivery is claimed before it is sent.

Each request carries the Standard Webhooks headers: ``webhook-id`` (the event's id, the same on every
retry), ``webhook-timestamp`` and ``webhook-signature`` (``v1,<HMAC-SHA256>``, one per secret while
a rotated-out secret is in its grace period), so any Standard Webhooks verifier accepts it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import NoResultFound
from standardwebhooks.webhooks import Webhook

from hub.store import Store
from hub.store import tables as t
from hub.store.clock import utcnow
from hub.store.events import new_event_id
from hub.webhooks.addresses import DestinationPolicy, Resolver
from hub.webhooks.endpoints import WebhookEndpoints
from hub.webhooks.feed import prune_events
from hub.webhooks.payloads import event_body

__all__ = [
    "DISABLE_AFTER",
    "RETRY_SCHEDULE",
    "Attempt",
    "WebhookDispatcher",
    "sign",
]

log = logging.getLogger("hub.webhooks")

RETRY_SCHEDULE: tuple[timedelta, ...] = (
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
)
"""The wait after each failed attempt; after the last one the delivery is given up."""

DISABLE_AFTER = timedelta(days=5)
"""An endpoint that has not accepted a delivery for this long is disabled."""

CLAIM_MARGIN = timedelta(seconds=30)
"""How long past its request timeout a dispatcher holds a delivery it is sending; a dispatcher that
died mid-send (killed, not stopped) leaves it to another one after that."""

EXCERPT = 1000
"""How many characters of a receiver's answer an attempt keeps."""

USER_AGENT = "hrishub-webhooks/1"


def sign(secrets: Sequence[str], msg_id: str, at: datetime, body: bytes) -> str:
    """The ``webhook-signature`` header: one ``v1,`` signature per secret, space-separated."""
    return " ".join(Webhook(secret).sign(msg_id, at, body) for secret in secrets)


@dataclass(frozen=True)
class Attempt:
    """What one delivery attempt met: the answer's status, how long it took, what it said or why not."""

    status: int | None
    latency_ms: int
    response: str | None = None
    error: str | None = None

    @property
    def accepted(self) -> bool:
        """Whether the receiver took the delivery (any 2xx)."""
        return self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class _Claimed:
    seq: int
    endpoint_id: str
    customer_id: str
    url: str
    attempts: int
    event: Any


class WebhookDispatcher:
    """Queues deliveries from the event outbox and sends the ones that are due.

    ``transport`` replaces the network (tests); ``resolver`` replaces DNS; ``clock`` the time.
    """

    def __init__(
        self,
        store: Store,
        *,
        policy: DestinationPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        resolver: Resolver | None = None,
        clock: Callable[[], datetime] = utcnow,
        timeout: float = 15.0,
        concurrency: int = 8,
        schedule: Sequence[timedelta] = RETRY_SCHEDULE,
        poll_seconds: float = 1.0,
    ) -> None:
        self.store = store
        self.policy = policy if policy is not None else DestinationPolicy.from_env()
        self.endpoints = WebhookEndpoints(store, self.policy)
        self.transport = transport
        self.resolver = resolver
        self.clock = clock
        self.timeout = timeout
        self.concurrency = concurrency
        self.schedule = tuple(schedule)
        self.poll_seconds = poll_seconds
        self.claim = timedelta(seconds=timeout) + CLAIM_MARGIN

    # -- queueing ----------------------------------------------------------------------------------

    def enqueue(self) -> int:
        """Queue a delivery per new event and endpoint that wants it; how many were queued.

        A disabled endpoint's deliveries queue too (none is sent until it is enabled again), so what
        it missed is kept, past the events' retention, and follows in order once it is enabled.
        """
        return sum(self._enqueue_for(endpoint.id) for endpoint in self.endpoints.all())

    def _enqueue_for(self, endpoint_id: str) -> int:
        e, a, w = t.events.c, t.accounts.c, t.webhook_endpoints.c
        with self.store.begin() as db:
            row = db.execute(select(t.webhook_endpoints).where(w.id == endpoint_id)).first()
            if row is None:
                return 0
            last = db.execute(select(func.max(e.seq))).scalar() or 0
            if last <= row.after_seq:
                return 0
            # Claim the range first: a dispatcher that loses this race queues nothing twice.
            moved = db.execute(
                update(t.webhook_endpoints)
                .where(w.id == endpoint_id, w.after_seq == row.after_seq)
                .values(after_seq=last)
            )
            if moved.rowcount != 1:
                return 0
            wanted_types = json.loads(row.event_types) if row.event_types is not None else None
            wanted_accounts = json.loads(row.account_ids) if row.account_ids is not None else None
            events = db.execute(
                select(e.seq, e.id, e.type, e.account_id, e.customer_id)
                .select_from(t.events.outerjoin(t.accounts, a.id == e.account_id))
                .where(
                    e.seq > row.after_seq,
                    e.seq <= last,
                    or_(a.customer_id == row.customer_id, e.customer_id == row.customer_id),
                )
                .order_by(e.seq)
            ).all()
            now = self.clock()
            rows = [
                {
                    "endpoint_id": endpoint_id,
                    "event_seq": ev.seq,
                    "event_id": ev.id,
                    "account_id": ev.account_id or "",
                    "state": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
                for ev in events
                if _wanted(wanted_types, wanted_accounts, ev)
                and not (ev.type == "webhook_endpoint.disabled" and _about(db, ev.seq) == endpoint_id)
            ]
            if rows:
                db.execute(insert(t.webhook_deliveries), rows)
        return len(rows)

    # -- sending -----------------------------------------------------------------------------------

    def _claim_due(self, limit: int) -> list[_Claimed]:
        """The oldest pending delivery of each (endpoint, account) line that is due, claimed."""
        d, w = t.webhook_deliveries.c, t.webhook_endpoints.c
        now = self.clock()
        heads = (
            select(func.min(d.seq))
            .where(d.state == "pending")
            .group_by(d.endpoint_id, d.account_id)
            .scalar_subquery()
        )
        with self.store.engine.connect() as db:
            due = db.execute(
                select(d.seq, d.next_attempt_at, d.attempts, d.event_seq, w.id, w.customer_id, w.url)
                .join(t.webhook_endpoints, w.id == d.endpoint_id)
                .where(d.seq.in_(heads), d.next_attempt_at <= now, w.enabled.is_(True))
                .order_by(d.seq)
                .limit(limit)
            ).all()
        claimed: list[_Claimed] = []
        for row in due:
            with self.store.begin() as db:
                taken = db.execute(
                    update(t.webhook_deliveries)
                    .where(d.seq == row.seq, d.state == "pending", d.next_attempt_at == row.next_attempt_at)
                    .values(next_attempt_at=now + self.claim)
                )
                if taken.rowcount != 1:
                    continue  # another dispatcher has it
                event = db.execute(select(t.events).where(t.events.c.seq == row.event_seq)).first()
            if event is None:  # the account was deleted with its events: nothing left to say
                self._finish(row.seq, "failed")
                continue
            claimed.append(_Claimed(row.seq, row.id, row.customer_id, row.url, row.attempts, event))
        return claimed

    def _body(self, event: Any) -> bytes:
        payload = self.store.seal.open_event(event.id, json.loads(event.payload))
        return event_body(event, payload)

    async def _send(self, client: httpx.AsyncClient, delivery: _Claimed) -> Attempt:
        started = time.perf_counter()

        def took() -> int:
            return round((time.perf_counter() - started) * 1000)

        try:
            destination = await asyncio.to_thread(self.policy.resolve, delivery.url, self.resolver)
        except ValueError as exc:
            return Attempt(None, took(), error=f"not sent: {exc}")
        at = self.clock()
        # The grace of a rotated-out secret is judged on the dispatcher's clock, like every other time.
        try:
            secrets = await asyncio.to_thread(self.endpoints.signing_secrets, delivery.endpoint_id, at)
        except NoResultFound:
            return Attempt(None, took(), error="not sent: the endpoint was removed")
        body = await asyncio.to_thread(self._body, delivery.event)
        host = httpx.URL(delivery.url)
        headers = {
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            "host": host.netloc.decode(),
            "webhook-id": delivery.event.id,
            "webhook-timestamp": str(int(at.timestamp())),
            "webhook-signature": sign(secrets, delivery.event.id, at, body),
        }
        extensions = {"sni_hostname": destination.host} if host.scheme == "https" else {}
        try:
            request = client.build_request(
                "POST", destination.request_url, content=body, headers=headers, extensions=extensions
            )
            response = await client.send(request, stream=True)
            try:
                excerpt = await _excerpt(response)
            finally:
                await response.aclose()
        except httpx.TimeoutException:
            return Attempt(None, took(), error=f"no answer within {self.timeout:g} s")
        except httpx.HTTPError as exc:
            return Attempt(None, took(), error=f"could not connect: {type(exc).__name__}")
        return Attempt(response.status_code, took(), response=excerpt)

    def _record(self, delivery: _Claimed, attempt: Attempt) -> None:
        d, w = t.webhook_deliveries.c, t.webhook_endpoints.c
        now = self.clock()
        attempts = delivery.attempts + 1
        with self.store.begin() as db:
            endpoint = db.execute(select(t.webhook_endpoints).where(w.id == delivery.endpoint_id)).first()
            if endpoint is None:
                return  # removed while this was being sent: its queue and history went with it
            db.execute(
                insert(t.webhook_attempts).values(
                    delivery_seq=delivery.seq,
                    at=now,
                    status=attempt.status,
                    latency_ms=attempt.latency_ms,
                    response=attempt.response,
                    error=attempt.error,
                )
            )
            values: dict[str, Any] = {"attempts": attempts}
            if attempt.accepted:
                values.update(state="delivered", finished_at=now, next_attempt_at=None)
                db.execute(update(t.webhook_endpoints).where(w.id == endpoint.id).values(failing_since=None))
            elif attempt.status == 410:
                # Gone: the receiver asks for nothing more. The delivery stays first in line, so
                # enabling the endpoint again resumes exactly where it stopped.
                values.update(next_attempt_at=now)
                self._disable(db, endpoint, "the receiver answered 410 Gone", now)
            else:
                if attempts > len(self.schedule):
                    values.update(state="failed", finished_at=now, next_attempt_at=None)
                else:
                    values.update(next_attempt_at=now + self.schedule[attempts - 1])
                since = endpoint.failing_since or now
                if endpoint.failing_since is None:
                    db.execute(
                        update(t.webhook_endpoints).where(w.id == endpoint.id).values(failing_since=now)
                    )
                if now - since >= DISABLE_AFTER:
                    days = DISABLE_AFTER.days
                    self._disable(db, endpoint, f"no delivery accepted for {days} days", now)
            db.execute(update(t.webhook_deliveries).where(d.seq == delivery.seq).values(values))

    def _disable(self, db: Any, endpoint: Any, reason: str, now: datetime) -> None:
        w = t.webhook_endpoints.c
        db.execute(
            update(t.webhook_endpoints)
            .where(w.id == endpoint.id)
            .values(enabled=False, disabled_reason=f"{reason} ({now:%Y-%m-%d %H:%M} UTC)")
        )
        record = {
            "id": endpoint.id,
            "url": endpoint.url,
            "reason": reason,
            "remedy": "Fix the receiver, then enable the endpoint again (PATCH /v1/webhook-endpoints/"
            f"{endpoint.id} with enabled true, or `hrishub webhooks enable {endpoint.id}`); the events "
            "queued meanwhile follow in order.",
        }
        db.execute(
            insert(t.events).values(
                id=new_event_id(),
                account_id=None,
                customer_id=endpoint.customer_id,
                run_id=None,
                type="webhook_endpoint.disabled",
                record_id=endpoint.id,
                payload=json.dumps({"record": record, "changes": {}}),
                created_at=now,
                delivered_at=now,
            )
        )
        log.warning("webhook endpoint %s disabled: %s", endpoint.id, reason)

    def _release(self, seq: int) -> None:
        d = t.webhook_deliveries.c
        with self.store.begin() as db:
            db.execute(
                update(t.webhook_deliveries)
                .where(d.seq == seq, d.state == "pending")
                .values(next_attempt_at=self.clock())
            )

    def _finish(self, seq: int, state: str) -> None:
        with self.store.begin() as db:
            db.execute(
                update(t.webhook_deliveries)
                .where(t.webhook_deliveries.c.seq == seq)
                .values(state=state, finished_at=self.clock(), next_attempt_at=None)
            )

    # -- the loop ----------------------------------------------------------------------------------

    async def deliver_due(self) -> int:
        """Queue new events, then send every delivery that is due, line after line; how many were sent."""
        await asyncio.to_thread(self.enqueue)
        sent = 0
        limits = httpx.Limits(max_connections=self.concurrency)
        gate = asyncio.Semaphore(self.concurrency)
        async with httpx.AsyncClient(
            transport=self.transport, timeout=self.timeout, follow_redirects=False, limits=limits
        ) as client:

            async def one(delivery: _Claimed) -> bool:
                try:
                    async with gate:
                        attempt = await self._send(client, delivery)
                except asyncio.CancelledError:
                    # Stopping: hand the delivery back at once rather than when its claim runs out.
                    self._release(delivery.seq)
                    raise
                await asyncio.to_thread(self._record, delivery, attempt)
                return attempt.accepted

            while True:
                claiming = asyncio.ensure_future(asyncio.to_thread(self._claim_due, self.concurrency * 4))
                try:
                    batch = await asyncio.shield(claiming)
                except asyncio.CancelledError:
                    # Stopping while claims were being written: hand back whatever was claimed.
                    for delivery in await claiming:
                        self._release(delivery.seq)
                    raise
                if not batch:
                    return sent
                results = await asyncio.gather(*(one(item) for item in batch))
                sent += len(results)
                if not any(results):
                    return sent  # everything due failed: the next ones wait for their retry time

    async def run(self) -> None:
        """Deliver until cancelled, looking for new events every ``poll_seconds``.

        Once an hour it also removes events past their retention (:func:`hub.webhooks.feed.retention`).
        """
        pruned_at: datetime | None = None
        while True:
            try:
                await self.deliver_due()
                now = self.clock()
                if pruned_at is None or now - pruned_at >= timedelta(hours=1):
                    await asyncio.to_thread(prune_events, self.store, now)
                    pruned_at = now
            except Exception:  # a store hiccup must not end deliveries for good
                log.exception("webhook deliveries stopped for a moment")
            await asyncio.sleep(self.poll_seconds)

    # -- redelivery --------------------------------------------------------------------------------

    def redeliver(
        self,
        endpoint_id: str,
        *,
        event_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        customer_id: str | None = None,
    ) -> int:
        """Queue one event again (``event_id``), or every one recorded in ``[since, until)``; how many.

        An instant without an offset is UTC.
        """
        endpoint = self.endpoints.get(endpoint_id, customer_id=customer_id)
        since, until = _utc(since), _utc(until)
        e, a = t.events.c, t.accounts.c
        query = (
            select(e.seq, e.id, e.type, e.account_id)
            .select_from(t.events.outerjoin(t.accounts, a.id == e.account_id))
            .where(or_(a.customer_id == endpoint.customer_id, e.customer_id == endpoint.customer_id))
            .order_by(e.seq)
        )
        if event_id is not None:
            query = query.where(e.id == event_id)
        if since is not None:
            query = query.where(e.created_at >= since)
        if until is not None:
            query = query.where(e.created_at < until)
        now = self.clock()
        with self.store.begin() as db:
            rows = [
                {
                    "endpoint_id": endpoint.id,
                    "event_seq": ev.seq,
                    "event_id": ev.id,
                    "account_id": ev.account_id or "",
                    "state": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
                for ev in db.execute(query)
                if event_id is not None or _wanted(endpoint.event_types, endpoint.account_ids, ev)
            ]
            if rows:
                db.execute(insert(t.webhook_deliveries), rows)
        return len(rows)


def _utc(moment: datetime | None) -> datetime | None:
    """``moment``, read as UTC when it has no offset (the store takes aware instants only)."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def _wanted(types: Sequence[str] | None, accounts: Sequence[str] | None, event: Any) -> bool:
    """Whether an endpoint listening to ``types`` of ``accounts`` (None: all) wants ``event``."""
    if types is not None and event.type not in types:
        return False
    return accounts is None or event.account_id is None or event.account_id in accounts


def _about(db: Any, event_seq: int) -> str | None:
    """The endpoint a ``webhook_endpoint.disabled`` event is about (it is not sent to that one)."""
    return db.execute(select(t.events.c.record_id).where(t.events.c.seq == event_seq)).scalar()


async def _excerpt(response: httpx.Response) -> str:
    """The first :data:`EXCERPT` characters of an answer, reading no more than needed."""
    if response.is_stream_consumed:  # a transport that hands back answers already read (MockTransport)
        return response.content.decode("utf-8", "replace")[:EXCERPT]
    taken = bytearray()
    async for chunk in response.aiter_raw():
        taken += chunk
        if len(taken) >= EXCERPT * 4:
            break
    return taken.decode("utf-8", "replace")[:EXCERPT]
