"""A sync against a host that accepts and never answers ends in bound with one ProviderUnreachable,
its retries logged in the hub's words (host/path, attempt, wait), never stamina's bare line."""

import logging
import socket
import time
from dataclasses import replace

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub


def test_a_silent_host_stops_the_sync_once_with_one_unreachable_error(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    monkeypatch.delenv("HRISHUB_SECRET_KEY", raising=False)
    sb = Sandbox(employees=5, seed=3)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(64)  # accepts (the kernel does), never answers
    origin = f"http://127.0.0.1:{silent.getsockname()[1]}"
    settings = HttpSettings(
        sandbox_origins=frozenset({origin}), read_timeout=0.3, max_attempts=2, retry_initial_wait=0.05
    )
    # Linked through the in-process sandbox, then the network is real: the host never answers.
    hub = Hub(transport=sb.transport(), settings=settings, database_url=f"sqlite:///{tmp_path / 'hub.db'}")
    try:
        account = hub.link("ukg_pro", sb.credentials(origin))
        hub.settings = replace(settings, sync_deadline=30)
        started = time.monotonic()
        with caplog.at_level(logging.WARNING):
            report = hub.sync(account)
        assert time.monotonic() - started < 20
        assert report.status == "failed"
        assert [e["type"] for e in report.errors] == ["provider-unreachable"]
        read = [m for m in report.models.values() if m.error]
        assert len(read) == 1  # the first model only: the others were not tried
        retries = [r for r in caplog.records if r.name == "hub.rest.retries"]
        assert (
            retries and "127.0.0.1" in retries[0].getMessage() and "attempt 1 of 2" in retries[0].getMessage()
        )
        assert not [r for r in caplog.records if r.getMessage() == "stamina.retry_scheduled"]
        assert sb.password not in caplog.text
    finally:
        hub.close()
        silent.close()
