"""Operating the hub: logs captured as an operator's collector would read them, spans in memory, metrics parsed."""

import io
import logging
from collections.abc import Iterator

import pytest
from prometheus_client.parser import text_string_to_metric_families

from hub.observability import tracing
from hub.observability.logs import configure_logging


def sample(text: str, name: str, **labels: str) -> float:
    """The value of metric sample ``name`` with these labels in Prometheus text (0 when absent)."""
    total = 0.0
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                total += s.value
    return total


def samples(text: str, name: str) -> list[dict[str, str]]:
    """The label sets of every sample named ``name``."""
    return [s.labels for f in text_string_to_metric_families(text) for s in f.samples if s.name == name]


class Captured:
    """Log output written as JSON lines into memory by the hub's own handler."""

    def __init__(self) -> None:
        self.stream = io.StringIO()

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def events(self) -> list[dict]:
        import json

        return [json.loads(line) for line in self.text.splitlines()]


@pytest.fixture
def captured_logs() -> Iterator[Captured]:
    """The hub's log handler (JSON, debug level) writing to memory for one test; the root logger restored."""
    root = logging.getLogger()
    level, quiet = root.level, {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    captured = Captured()
    handler = configure_logging("debug", json=True, stream=captured.stream)
    try:
        yield captured
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        for name, was in quiet.items():
            logging.getLogger(name).setLevel(was)


@pytest.fixture
def spans() -> Iterator[object]:
    """Spans recorded in memory (the SDK's InMemorySpanExporter) for one test; tracing off again after."""
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.use_tracer_provider(provider)
    try:
        yield exporter
    finally:
        tracing.use_tracer_provider(None)
        provider.shutdown()
