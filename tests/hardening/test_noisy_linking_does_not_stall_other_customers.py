"""Many link attempts toward a host that never answers leave another customer's reads fast.

A real uvicorn server on loopback; the provider host is a loopback socket that accepts and stays silent.
"Fast" is an order, not a stopwatch: the other customer is answered while every probe still waits on
the silent host (each waits up to PROBE_SECONDS), so a busy machine cannot make the test lie.
"""

import socket
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub
from hub.api import create_app
from hub.api.ratelimit import Rate, RateLimits
from hub.serving import serve_in_thread

ATTEMPTS = 30
PROBE_SECONDS = 10


def test_parallel_links_to_a_silent_host_leave_other_customers_fast(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    monkeypatch.delenv("HRISHUB_SECRET_KEY", raising=False)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(128)
    origin = f"http://127.0.0.1:{silent.getsockname()[1]}"
    hub = Hub(
        settings=HttpSettings(sandbox_origins=frozenset({origin}), probe_seconds=PROBE_SECONDS),
        database_url=f"sqlite:///{tmp_path / 'hub.db'}",
    )
    _, noisy = hub.store.customers.add("noisy")
    _, quiet = hub.store.customers.add("quiet")
    app = create_app(hub, rate_limits=RateLimits(api=Rate(1000), link=Rate(1000)))
    creds = Sandbox(employees=1).credentials(origin)
    try:
        with serve_in_thread(app) as url, ThreadPoolExecutor(ATTEMPTS) as pool:

            def link() -> int:
                with httpx.Client(base_url=url, timeout=60) as client:
                    answer = client.post(
                        "/v1/accounts",
                        json={"connector": "ukg_pro", "credentials": creds},
                        headers={"Authorization": f"Bearer {noisy}"},
                    )
                    return answer.status_code

            started = time.monotonic()
            links = [pool.submit(link) for _ in range(ATTEMPTS)]
            time.sleep(0.5)  # the probes are waiting on the silent host now
            with httpx.Client(base_url=url, timeout=30) as client:
                answer = client.get("/v1/accounts", headers={"Authorization": f"Bearer {quiet}"})
                waiting = sum(not f.done() for f in links)
            assert answer.status_code == 200
            assert waiting == ATTEMPTS, f"the quiet customer waited until {ATTEMPTS - waiting} probes gave up"
            assert [f.result() for f in links] == [504] * ATTEMPTS
            # Each probe bounded (PROBE_SECONDS), not retried for minutes.
            assert time.monotonic() - started < PROBE_SECONDS * 4
    finally:
        hub.close()
        silent.close()
