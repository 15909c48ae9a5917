"""Webhook delivery throughput: events from the outbox to a receiver on loopback, against a bare baseline.

Usage: python3 bench/webhooks.py [--events 5000] [--accounts 1,10]

For each account count, N events are recorded in a fresh store (spread evenly over the accounts) and
one :class:`hub.webhooks.dispatch.WebhookDispatcher` delivers them all to a receiver served by uvicorn
on 127.0.0.1, which verifies nothing (it answers 204). The baseline, measured in the same run against
the same receiver, is the floor of the work: the same number of signed POSTs of the same bodies, sent
by one bare httpx client one after another with nothing stored. The ratio (hub time / baseline time)
is what queueing, ordering, claiming and recording each attempt cost. One account means one ordered
line (strictly one delivery at a time); several accounts deliver their lines in parallel.
Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import insert, select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from hub.serving import serve_in_thread
from hub.store import Store
from hub.store import tables as t
from hub.webhooks.addresses import DestinationPolicy
from hub.webhooks.dispatch import WebhookDispatcher, sign
from hub.webhooks.payloads import event_body


def _receiver() -> tuple[Starlette, list[int]]:
    seen: list[int] = []

    async def hook(request: Request) -> Response:
        seen.append(len(await request.body()))
        return Response(status_code=204)

    return Starlette(routes=[Route("/hooks", hook, methods=["POST"])]), seen


def _store_with_events(home: Path, events: int, accounts: int) -> tuple[Store, str]:
    store = Store(f"sqlite:///{home / 'hub.db'}")
    customer, _ = store.customers.add("bench")
    now = datetime.now(UTC)
    with store.begin() as db:
        for n in range(accounts):
            db.execute(
                insert(t.accounts).values(
                    id=f"acct_{n}",
                    customer_id=customer.id,
                    connector="bench",
                    credentials="{}",
                    permissions="{}",
                    options="{}",
                    status="linked",
                    sync_every_seconds=86400,
                    created_at=now,
                    updated_at=now,
                )
            )
        record = {"id": "x", "first_name": "Ada", "last_name": "Lovelace", "job_title": "Analyst" * 4}
        rows = [
            {
                "id": f"evt_{n:08d}",
                "account_id": f"acct_{n % accounts}",
                "type": "employee.updated",
                "record_id": f"rec_{n}",
                "payload": json.dumps({"record": record, "changes": {"job_title": ["Clerk", "Analyst"]}}),
                "created_at": now,
                "delivered_at": now,
            }
            for n in range(events)
        ]
        db.execute(insert(t.events), rows)
    return store, customer.id


async def _baseline(url: str, bodies: list[tuple[str, bytes]], secret: str) -> float:
    async with httpx.AsyncClient() as client:
        start = time.perf_counter()
        for event_id, body in bodies:
            at = datetime.now(UTC)
            headers = {
                "content-type": "application/json",
                "webhook-id": event_id,
                "webhook-timestamp": str(int(at.timestamp())),
                "webhook-signature": sign([secret], event_id, at, body),
            }
            (await client.post(url, content=body, headers=headers)).raise_for_status()
        return time.perf_counter() - start


def run(events: int, accounts: int) -> dict[str, float]:
    """One measurement: the hub's delivery time and the baseline's, for ``events`` over ``accounts``."""
    home = Path(tempfile.mkdtemp(prefix="hrishub-bench-webhooks-"))
    os.environ["HRISHUB_HOME"] = str(home)
    store, customer_id = _store_with_events(home, events, accounts)
    app, seen = _receiver()
    with serve_in_thread(app) as base:
        url = f"{base}/hooks"
        policy = DestinationPolicy(loopback=True)
        dispatcher = WebhookDispatcher(store, policy=policy, concurrency=8)
        _, secret = dispatcher.endpoints.add(customer_id, url)
        with store.begin() as db:  # deliver the events recorded before the endpoint existed
            db.execute(t.webhook_endpoints.update().values(after_seq=0))
        with store.engine.connect() as db:
            rows = db.execute(select(t.events).order_by(t.events.c.seq)).all()
        bodies = [(row.id, event_body(row, json.loads(row.payload))) for row in rows]
        baseline = asyncio.run(_baseline(url, bodies, secret))
        seen.clear()
        start = time.perf_counter()
        asyncio.run(dispatcher.deliver_due())
        hub_seconds = time.perf_counter() - start
        assert len(seen) == events, (len(seen), events)
    store.close()
    return {"hub_s": hub_seconds, "baseline_s": baseline, "ratio": hub_seconds / baseline}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--accounts", default="1,10")
    args = parser.parse_args()
    results = {}
    for accounts in (int(a) for a in args.accounts.split(",")):
        figures = run(args.events, accounts)
        results[f"{accounts}_accounts"] = figures
        per_second = args.events / figures["hub_s"]
        print(
            f"{args.events} events over {accounts} account(s): hub {figures['hub_s']:.2f} s "
            f"({per_second:.0f}/s), bare signed POSTs {figures['baseline_s']:.2f} s, ratio {figures['ratio']:.2f}",
            file=sys.stderr,
        )
    print(json.dumps({"events": args.events, **results}))


if __name__ == "__main__":
    main()
