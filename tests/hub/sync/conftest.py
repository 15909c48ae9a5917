"""Sync tests: a fresh Tiny HRIS tenant per test, in process; a real SQLite file; a listener for events."""

from collections.abc import Callable

import pytest

from hub import HttpSettings, Hub
from hub.testing import EventRecorder
from tests.tiny_hris.sandbox import Sandbox


@pytest.fixture
def sandbox(tiny_sandbox) -> Sandbox:
    return tiny_sandbox


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
    return hub.link("tiny_hris", sandbox.credentials())
