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
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import NoResultFound
from standardwebhooks.webhooks import Webhook

from hub.observability.logs import bound, get_logger
from hub.observability.metrics import WEBHOOK_DELIVERIES
from hub.store import Store
from hub.store import tables as t
from hub.store.clock import utcnow
from hub.store.events import customer_events, record_account_event
from hub.webhooks.addresses import Destination, DestinationPolicy, Resolver
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
deliveries_log = get_logger("hub.webhooks")

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

GAP_WAIT = timedelta(seconds=30)
"""How long a missing event position is waited for before it is taken as rolled back or deleted."""

LINE_CHUNK = 50
"""How many deliveries of one line a dispatcher claims at once (sent one after another, in order)."""


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
    """One claimed delivery: its position, the attempts made so far, and the event row it sends."""

    seq: int
    attempts: int
    event: Any


@dataclass(frozen=True)
class _Line:
    """Deliveries of one (endpoint, account), consecutive from the oldest pending, claimed by ``token``."""

    endpoint_id: str
    url: str
    token: str
    deliveries: list[_Claimed]


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
        self.serial_commits: bool | None = None
        """Whether the store commits one writer at a time (SQLite); found on first use."""
        self._gaps: dict[int, float] = {}

    # -- queueing ----------------------------------------------------------------------------------

    def enqueue(self) -> int:
        """Queue a delivery per new event and endpoint that wants it; how many were queued.

        A disabled endpoint's deliveries queue too (none is sent until it is enabled again), so what
        it missed is kept, past the events' retention, and follows in order once it is enabled.
        """
        return sum(self._enqueue_for(endpoint.id) for endpoint in self.endpoints.all())

    def _enqueue_for(self, endpoint_id: str) -> int:
        e, w = t.events.c, t.webhook_endpoints.c
        with self.store.begin() as db:
            row = db.execute(select(t.webhook_endpoints).where(w.id == endpoint_id)).first()
            if row is None:
                return 0
            last = self._settled(db, row.after_seq)
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
                customer_events(row.customer_id, e.seq, e.id, e.type, e.account_id, e.record_id)
                .where(e.seq > row.after_seq, e.seq <= last)
                .order_by(e.seq)
            ).all()
            # A webhook_endpoint.disabled event is about the endpoint in its record_id: never sent there.
            wanted = [
                ev
                for ev in events
                if _wanted(wanted_types, wanted_accounts, ev)
                and not (ev.type == "webhook_endpoint.disabled" and ev.record_id == endpoint_id)
            ]
            return self._queue(db, endpoint_id, wanted)

    def _queue(self, db: Any, endpoint_id: str, events: Sequence[Any]) -> int:
        """Insert one pending delivery of each event (rows with ``seq``, ``id``, ``account_id``)."""
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
        ]
        if rows:
            db.execute(insert(t.webhook_deliveries), rows)
        return len(rows)

    def _settled(self, db: Any, after: int) -> int:
        """The newest event position up to which no event can still appear (the range to queue).

        On SQLite writes are serial, so every event below the newest one is committed or gone. On a
        database with concurrent writers (PostgreSQL) a transaction may commit event 101 while event
        100 is still uncommitted: a gap is waited for (:data:`GAP_WAIT`, measured from when this
        dispatcher first saw it) before it is taken as rolled back or deleted, so no event is skipped.
        """
        e = t.events.c
        if self.serial_commits is None:
            self.serial_commits = db.dialect.name == "sqlite"
        if self.serial_commits:
            return int(db.execute(select(func.max(e.seq))).scalar() or 0)
        seqs = db.execute(select(e.seq).where(e.seq > after).order_by(e.seq)).scalars().all()
        settled, expected, now = after, after + 1, time.monotonic()
        for seq in seqs:
            if seq != expected:
                first_seen = self._gaps.setdefault(expected, now)
                if now - first_seen < GAP_WAIT.total_seconds():
                    return settled
            settled, expected = seq, seq + 1
        return settled

    # -- sending -----------------------------------------------------------------------------------

    def _claim_lines(self, max_lines: int, per_line: int) -> list[_Line]:
        """Due lines, each with up to ``per_line`` of its oldest pending deliveries, claimed in order.

        A line is the deliveries of one (endpoint, account); its head is its oldest pending one, and
        only a due head makes the line due. The deliveries after the head are claimed with it, so a
        line sends them one after another without asking the store in between.
        """
        d, w, e = t.webhook_deliveries.c, t.webhook_endpoints.c, t.events.c
        now = self.clock()
        heads = (
            select(func.min(d.seq))
            .where(d.state == "pending")
            .group_by(d.endpoint_id, d.account_id)
            .scalar_subquery()
        )
        with self.store.engine.connect() as db:
            due = db.execute(
                select(d.seq, d.account_id, w.id, w.url)
                .join(t.webhook_endpoints, w.id == d.endpoint_id)
                .where(d.seq.in_(heads), d.next_attempt_at <= now, w.enabled.is_(True))
                .order_by(d.seq)
                .limit(max_lines)
            ).all()
        lines: list[_Line] = []
        for head in due:
            token = secrets.token_hex(8)
            with self.store.begin() as db:
                chunk = list(
                    db.execute(
                        select(d.seq)
                        .where(
                            d.endpoint_id == head.id,
                            d.account_id == head.account_id,
                            d.state == "pending",
                            d.seq >= head.seq,
                        )
                        .order_by(d.seq)
                        .limit(per_line)
                    ).scalars()
                )
                db.execute(
                    update(t.webhook_deliveries)
                    .where(d.seq.in_(chunk), d.state == "pending", d.next_attempt_at <= now)
                    .values(claimed_by=token, next_attempt_at=now + self.claim)
                )
                got = db.execute(
                    select(d.seq, d.attempts, d.event_seq).where(d.claimed_by == token).order_by(d.seq)
                ).all()
                # Only an unbroken run from the head keeps the line's order; anything past a gap waits.
                run = []
                for row, expected in zip(got, chunk, strict=False):
                    if row.seq != expected:
                        break
                    run.append(row)
                if len(run) < len(got):
                    rest = [row.seq for row in got[len(run) :]]
                    db.execute(
                        update(t.webhook_deliveries)
                        .where(d.seq.in_(rest))
                        .values(claimed_by=None, next_attempt_at=now)
                    )
                events = {
                    row.seq: row
                    for row in db.execute(select(t.events).where(e.seq.in_([r.event_seq for r in run])))
                }
                gone = [r.seq for r in run if r.event_seq not in events]
                if gone:  # pruned, or deleted with its account: nothing is left to send
                    db.execute(
                        update(t.webhook_deliveries)
                        .where(d.seq.in_(gone))
                        .values(state="failed", finished_at=now, next_attempt_at=None, claimed_by=None)
                    )
            claimed = [_Claimed(r.seq, r.attempts, events[r.event_seq]) for r in run if r.event_seq in events]
            if claimed:
                lines.append(_Line(head.id, head.url, token, claimed))
        return lines

    def _body(self, event: Any) -> bytes:
        payload = self.store.seal.open_event(event.id, json.loads(event.payload))
        return event_body(event, payload)

    async def _send(
        self,
        client: httpx.AsyncClient,
        delivery: _Claimed,
        destination: Destination,
        signing: Sequence[str],
    ) -> Attempt:
        started = time.perf_counter()

        def took() -> int:
            return round((time.perf_counter() - started) * 1000)

        body = self._body(delivery.event)
        at = self.clock()
        host = httpx.URL(destination.url)
        headers = {
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            "host": host.netloc.decode(),
            "webhook-id": delivery.event.id,
            "webhook-timestamp": str(int(at.timestamp())),
            "webhook-signature": sign(signing, delivery.event.id, at, body),
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

    async def _deliver_line(
        self, client: httpx.AsyncClient, line: _Line, signing: dict[str, list[str]]
    ) -> tuple[int, int]:
        """Send a line's claimed deliveries in order until one fails; record them.

        Returns how many were sent and how many of those were accepted.
        """
        done: list[tuple[_Claimed, Attempt]] = []
        try:
            try:
                destination = await asyncio.to_thread(self.policy.resolve, line.url, self.resolver)
                if line.endpoint_id not in signing:
                    # The grace of a rotated-out secret is judged on the dispatcher's clock.
                    signing[line.endpoint_id] = await asyncio.to_thread(
                        self.endpoints.signing_secrets, line.endpoint_id, self.clock()
                    )
            except ValueError as exc:
                done.append((line.deliveries[0], Attempt(None, 0, error=f"not sent: {exc}")))
            except NoResultFound:
                pass  # the endpoint was removed: its queue went with it
            else:
                for index, delivery in enumerate(line.deliveries):
                    if index and not self._still_enabled(line.endpoint_id):
                        break  # removed or disabled meanwhile: nothing more goes to it
                    attempt = await self._send(client, delivery, destination, signing[line.endpoint_id])
                    done.append((delivery, attempt))
                    if not attempt.accepted:
                        break
        except asyncio.CancelledError:
            # Stopping: keep what was sent, hand the rest back at once rather than when the claim ends.
            self._record(line, done)
            raise
        await asyncio.to_thread(self._record, line, done)
        return len(done), sum(1 for _, attempt in done if attempt.accepted)

    def _still_enabled(self, endpoint_id: str) -> bool:
        w = t.webhook_endpoints.c
        with self.store.engine.connect() as db:
            return bool(db.execute(select(w.enabled).where(w.id == endpoint_id)).scalar())

    def _record(self, line: _Line, done: Sequence[tuple[_Claimed, Attempt]]) -> None:
        """Write each attempt of a line's run; release the deliveries it did not reach."""
        d, w = t.webhook_deliveries.c, t.webhook_endpoints.c
        now = self.clock()
        outcomes: list[str] = []
        with self.store.begin() as db:
            if db.execute(select(w.id).where(w.id == line.endpoint_id)).first() is None:
                return  # removed while this was being sent: its queue and history went with it
            if done:
                db.execute(
                    insert(t.webhook_attempts),
                    [
                        {
                            "delivery_seq": delivery.seq,
                            "at": now,
                            "status": attempt.status,
                            "latency_ms": attempt.latency_ms,
                            "response": attempt.response,
                            "error": attempt.error,
                        }
                        for delivery, attempt in done
                    ],
                )
            accepted = [delivery for delivery, attempt in done if attempt.accepted]
            if accepted:
                db.execute(
                    update(t.webhook_deliveries)
                    .where(d.seq.in_([x.seq for x in accepted]))
                    .values(
                        state="delivered",
                        attempts=d.attempts + 1,
                        finished_at=now,
                        next_attempt_at=None,
                        claimed_by=None,
                    )
                )
                db.execute(
                    update(t.webhook_endpoints).where(w.id == line.endpoint_id).values(failing_since=None)
                )
            outcomes = ["delivered"] * len(accepted)
            if done and not done[-1][1].accepted:
                outcomes.append(self._failed(db, line.endpoint_id, *done[-1], now))
            reached = {delivery.seq for delivery, _ in done}
            rest = [x.seq for x in line.deliveries if x.seq not in reached]
            if rest:
                db.execute(
                    update(t.webhook_deliveries)
                    .where(d.seq.in_(rest), d.claimed_by == line.token)
                    .values(claimed_by=None, next_attempt_at=now)
                )
        self._observe(line, done, outcomes)

    @staticmethod
    def _observe(line: _Line, done: Sequence[tuple[_Claimed, Attempt]], outcomes: Sequence[str]) -> None:
        """Count the recorded attempts by outcome; one event each (failures as warnings)."""
        for (delivery, attempt), outcome in zip(done, outcomes, strict=False):
            WEBHOOK_DELIVERIES.labels(outcome).inc()
            fields = {
                "endpoint_id": line.endpoint_id,
                "event_id": delivery.event.id,
                "event_type": delivery.event.type,
                "outcome": outcome,
                "status": attempt.status,
                "latency_ms": attempt.latency_ms,
                "attempt": delivery.attempts + 1,
            }
            with bound(account_id=getattr(delivery.event, "account_id", None)):
                if attempt.accepted:
                    deliveries_log.debug("webhook.delivery", **fields)
                else:
                    deliveries_log.warning("webhook.delivery", error=attempt.error, **fields)

    def _failed(self, db: Any, endpoint_id: str, delivery: _Claimed, attempt: Attempt, now: datetime) -> str:
        """A failed attempt: retry later or give up, and disable the endpoint when it must be; the outcome.

        ``gone`` (410: the endpoint disabled), ``given_up`` (no retry left) or ``retrying``.
        """
        outcome = "retrying"
        d, w = t.webhook_deliveries.c, t.webhook_endpoints.c
        endpoint = db.execute(select(t.webhook_endpoints).where(w.id == endpoint_id)).one()
        attempts = delivery.attempts + 1
        values: dict[str, Any] = {"attempts": attempts, "claimed_by": None}
        if attempt.status == 410:
            # Gone: the receiver asks for nothing more. The delivery stays first in line, so
            # enabling the endpoint again resumes exactly where it stopped.
            values.update(next_attempt_at=now)
            self._disable(db, endpoint, "the receiver answered 410 Gone", now)
            outcome = "gone"
        else:
            if attempts > len(self.schedule):
                values.update(state="failed", finished_at=now, next_attempt_at=None)
                outcome = "given_up"
            else:
                values.update(next_attempt_at=now + self.schedule[attempts - 1])
            since = endpoint.failing_since or now
            if endpoint.failing_since is None:
                failing = update(t.webhook_endpoints).where(w.id == endpoint.id)
                db.execute(failing.values(failing_since=now))
            if now - since >= DISABLE_AFTER:
                self._disable(db, endpoint, f"no delivery accepted for {DISABLE_AFTER.days} days", now)
        db.execute(update(t.webhook_deliveries).where(d.seq == delivery.seq).values(values))
        return outcome

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
        record_account_event(
            db,
            account_id=None,
            customer_id=endpoint.customer_id,
            type="webhook_endpoint.disabled",
            record=record,
            record_id=endpoint.id,
            now=now,
        )
        log.warning("webhook endpoint %s disabled: %s", endpoint.id, reason)

    def _release_lines(self, lines: Sequence[_Line]) -> None:
        d = t.webhook_deliveries.c
        with self.store.begin() as db:
            for line in lines:
                db.execute(
                    update(t.webhook_deliveries)
                    .where(d.claimed_by == line.token, d.state == "pending")
                    .values(claimed_by=None, next_attempt_at=self.clock())
                )

    # -- the loop ----------------------------------------------------------------------------------

    async def deliver_due(self) -> int:
        """Queue new events, then send every delivery that is due, line by line; how many were sent.

        Lines go in parallel (up to ``concurrency``); within a line one delivery at a time, in order,
        stopping at the first that fails (it waits for its retry, and the line with it).
        """
        await asyncio.to_thread(self.enqueue)
        lines = await self._claim()
        if not lines:
            # Nothing due (the usual poll): no HTTP client is made, since each one loads the CA
            # certificates, CPU that a serving hub's requests would otherwise wait for every second.
            return 0
        sent = 0
        signing: dict[str, list[str]] = {}
        limits = httpx.Limits(max_connections=self.concurrency)
        gate = asyncio.Semaphore(self.concurrency)
        async with httpx.AsyncClient(
            transport=self.transport, timeout=self.timeout, follow_redirects=False, limits=limits
        ) as client:

            async def one(line: _Line) -> tuple[int, int]:
                async with gate:
                    return await self._deliver_line(client, line, signing)

            while lines:
                tasks = [asyncio.ensure_future(one(line)) for line in lines]
                try:
                    counts = await asyncio.gather(*tasks)
                except asyncio.CancelledError:
                    await asyncio.gather(*tasks, return_exceptions=True)
                    self._release_lines(lines)
                    raise
                sent += sum(n for n, _ in counts)
                if not any(accepted for _, accepted in counts):
                    return sent  # everything due failed: the next ones wait for their retry time
                lines = await self._claim()
        return sent

    async def _claim(self) -> list[_Line]:
        """Claim the next lines of due deliveries (in a worker thread); on cancellation, hand them back."""
        claiming = asyncio.ensure_future(
            asyncio.to_thread(self._claim_lines, self.concurrency * 4, LINE_CHUNK)
        )
        try:
            return await asyncio.shield(claiming)
        except asyncio.CancelledError:
            # Stopping while claims were being written: hand back whatever was claimed.
            self._release_lines(await claiming)
            raise

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
        e = t.events.c
        query = customer_events(endpoint.customer_id, e.seq, e.id, e.type, e.account_id).order_by(e.seq)
        if event_id is not None:
            query = query.where(e.id == event_id)
        if since is not None:
            query = query.where(e.created_at >= since)
        if until is not None:
            query = query.where(e.created_at < until)
        with self.store.begin() as db:
            events = [
                ev
                for ev in db.execute(query)
                if event_id is not None or _wanted(endpoint.event_types, endpoint.account_ids, ev)
            ]
            return self._queue(db, endpoint.id, events)


def _utc(moment: datetime | None) -> datetime | None:
    """``moment``, read as UTC when it has no offset (the store takes aware instants only)."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def _wanted(types: Sequence[str] | None, accounts: Sequence[str] | None, event: Any) -> bool:
    """Whether an endpoint listening to ``types`` of ``accounts`` (None: all) wants ``event``."""
    if types is not None and event.type not in types:
        return False
    return accounts is None or event.account_id is None or event.account_id in accounts


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
