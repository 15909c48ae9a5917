"""The hub's own observability fixtures (logs in memory, spans in memory), for UKG Pro syncs."""

from tests.hub.observability.conftest import captured_logs, spans  # noqa: F401
