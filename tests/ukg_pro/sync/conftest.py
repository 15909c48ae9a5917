"""Sync tests: a fresh sandbox tenant per test, in process; a real SQLite file; a listener for events."""

from collections.abc import Callable

import pytest

from connectors.ukg_pro.sandbox import Sandbox
from hub import HttpSettings, Hub
from hub.testing import EventRecorder


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(employees=40, seed=11)


@pytest.fixture
def listener(sync_events) -> EventRecorder:
    return sync_events


@pytest.fixture
def make_hub(sandbox, listener, tmp_path) -> Callable[..., Hub]:
    def make(**settings) -> Hub:
        base = {"retry_initial_wait": 0.001, "max_attempts": 2, "max_retry_seconds": 2.0} | settings
        return Hub(
            transport=sandbox.transport(),
            settings=HttpSettings(**base),
            database_url=f"sqlite:///{tmp_path / 'hub.db'}",
        )

    return make


@pytest.fixture
def hub(make_hub) -> Hub:
    return make_hub()


@pytest.fixture
def account(hub, sandbox):
    return hub.link("ukg_pro", sandbox.credentials())
