"""Many sandbox tenants behind one port, each chosen by its Customer API key, as UKG customers share a host.

UKG serves many customers from one web-service host (``service4.ultipro.com``) and tells them apart by
the ``US-Customer-Api-Key`` header. :class:`TenantHost` does the same for ``count`` small sandbox
tenants, keys ``T0001``, ``T0002``…, each generated on its first request (seed ``seed + n``): a hub
with hundreds of linked accounts can be exercised against one loopback server. A request with no
known key gets the 401 an unknown tenant gets. ``GET /_sandbox/host`` (outside UKG's surface) reports
the most requests held in flight at once, over every tenant; ``POST`` there resets it (and with
``?latency_ms=50`` sets every tenant's added latency).

Run it as ``python -m connectors.ukg_pro.sandbox.tenants --tenants 500 --employees 5 --port 8766``.
"""

from __future__ import annotations

import argparse
import json
import threading
from typing import Any
from urllib.parse import parse_qsl

from connectors.ukg_pro.sandbox.sandbox import DEFAULT_BASE_URL, Sandbox

__all__ = ["TenantHost", "tenant_key"]

_STATS_PATH = "/_sandbox/host"
_DENIED = json.dumps({"message": "Authorization has been denied for this request."}).encode()


def tenant_key(number: int) -> str:
    """The Customer API key of tenant ``number`` (1-based): five letters or digits, as UKG's are."""
    return f"T{number:04d}"


class TenantHost:
    """An ASGI app serving ``count`` sandbox tenants of ``employees`` people on one host."""

    def __init__(self, count: int, *, employees: int = 5, seed: int = 100, latency_ms: int = 0) -> None:
        if not 1 <= count <= 9999:
            raise ValueError("count must be 1 to 9999 (tenant keys are T0001 to T9999)")
        self.count = count
        self.employees = employees
        self.seed = seed
        self.latency_ms = latency_ms
        self._tenants: dict[str, Sandbox] = {}
        self._lock = threading.Lock()
        self.in_flight = 0
        self.peak_in_flight = 0
        self.requests = 0

    def tenant(self, key: str) -> Sandbox | None:
        """The tenant whose Customer API key is ``key`` (made on first use), or None."""
        if not (len(key) == 5 and key.startswith("T") and key[1:].isdigit()):
            return None
        number = int(key[1:])
        if not 1 <= number <= self.count:
            return None
        with self._lock:
            found = self._tenants.get(key)
            if found is None:
                found = self._tenants[key] = Sandbox(
                    self.employees,
                    seed=self.seed + number,
                    latency_ms=self.latency_ms,
                    customer_api_key=key,
                )
            return found

    def credentials(self, number: int, base_url: str = DEFAULT_BASE_URL) -> dict[str, str]:
        """The five values that link tenant ``number`` served at ``base_url``."""
        sandbox = self.tenant(tenant_key(number))
        assert sandbox is not None
        return sandbox.credentials(base_url)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Answer as the tenant the request's ``US-Customer-Api-Key`` names."""
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] != "http":
            return
        if scope["path"] == _STATS_PATH:
            await self._stats(scope, send)
            return
        key = dict(scope["headers"]).get(b"us-customer-api-key", b"").decode("latin-1")
        sandbox = self.tenant(key)
        if sandbox is None:
            await _answer(send, 401, _DENIED)
            return
        with self._lock:
            self.requests += 1
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        try:
            await sandbox.app(scope, receive, send)
        finally:
            with self._lock:
                self.in_flight -= 1

    async def _stats(self, scope: dict[str, Any], send: Any) -> None:
        query = dict(parse_qsl(scope.get("query_string", b"").decode()))
        with self._lock:
            if scope["method"] == "POST":
                self.peak_in_flight = self.in_flight
                self.requests = 0
                if query.get("latency_ms", "").isdigit():
                    self.latency_ms = int(query["latency_ms"])
                    for sandbox in self._tenants.values():
                        sandbox.faults.latency_ms = self.latency_ms
            body = {
                "tenants": self.count,
                "made": len(self._tenants),
                "requests": self.requests,
                "in_flight": self.in_flight,
                "peak_in_flight": self.peak_in_flight,
                "latency_ms": self.latency_ms,
            }
        await _answer(send, 200, json.dumps(body).encode())


async def _answer(send: Any, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def main(argv: list[str] | None = None) -> None:
    """Serve a :class:`TenantHost` on loopback until interrupted."""
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenants", type=int, default=500)
    parser.add_argument("--employees", type=int, default=5)
    parser.add_argument("--seed", type=int, default=100)
    parser.add_argument("--latency-ms", type=int, default=0)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args(argv)
    host = TenantHost(args.tenants, employees=args.employees, seed=args.seed, latency_ms=args.latency_ms)
    print(f"{args.tenants} UKG Pro sandbox tenants on http://127.0.0.1:{args.port} (keys T0001…)", flush=True)
    uvicorn.run(host, host="127.0.0.1", port=args.port, log_level="warning", lifespan="on")


if __name__ == "__main__":
    main()
