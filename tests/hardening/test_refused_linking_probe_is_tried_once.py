"""A linking probe toward a host that refuses connections makes exactly one attempt."""

import httpx
import pytest

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub
from hub.errors import ProviderUnreachable

ORIGIN = "http://127.0.0.1:9"


def test_a_refused_probe_is_not_retried(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path))
    attempts = []

    def refuse(request: httpx.Request) -> httpx.Response:
        attempts.append(request.url.path)
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    settings = HttpSettings(
        transport=httpx.MockTransport(refuse),
        sandbox_origins=frozenset({ORIGIN}),
        max_attempts=6,
        retry_initial_wait=0.01,
    )
    hub = Hub(settings=settings, database_url=f"sqlite:///{tmp_path / 'hub.db'}")
    try:
        with pytest.raises(ProviderUnreachable):
            hub.link("ukg_pro", Sandbox(employees=1).credentials(ORIGIN))
        assert len(attempts) == 1
    finally:
        hub.close()
