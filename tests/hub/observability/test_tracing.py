"""Spans (the SDK's InMemorySpanExporter) of an API request, the sync it runs, its models and provider calls."""

import httpx
import pytest
from opentelemetry.trace import StatusCode

from hub.errors import InvalidSetting
from hub.observability import tracing
from hub.observability.provider import route_template


def test_a_failing_block_marks_its_span_with_the_hub_error_type(spans):
    from hub.errors import ProviderUnreachable

    with pytest.raises(ProviderUnreachable), tracing.span("work"):
        raise ProviderUnreachable("no answer from the host", provider="tiny_hris")
    (span,) = spans.get_finished_spans()
    assert span.attributes["error.type"] == ProviderUnreachable.type
    assert span.status.status_code == StatusCode.ERROR
    assert span.status.description == "no answer from the host"


def test_with_nothing_configured_a_span_is_a_no_op():
    assert not tracing.enabled()
    with tracing.span("nothing") as span:
        span.set_attribute("x", 1)
    assert not span.is_recording()


@pytest.mark.parametrize(
    ("path", "template"),
    [
        ("/personnel/v1/person-details", "/personnel/v1/person-details"),
        ("/personnel/v1/employees/12345/compensation", "/personnel/v1/employees/{id}/compensation"),
        ("/x/3fa85f64-5717-4562-b3fc-2c963f66afa6?page=2", "/x/{id}"),
        ("/configuration/v1/code-tables/JOBS", "/configuration/v1/code-tables/JOBS"),
        ("/people/jane.doe@example.com", "/people/{id}"),
    ],
)
def test_provider_routes_are_templates(path, template):
    assert route_template(path) == template


def test_tracing_is_configured_from_the_environment(monkeypatch):
    monkeypatch.setenv("HRISHUB_TRACING", "console")
    try:
        assert tracing.configure_tracing() is True
        assert tracing.enabled()
        monkeypatch.setenv("HRISHUB_TRACING", "off")
        assert tracing.configure_tracing() is False
        assert not tracing.enabled()
        monkeypatch.setenv("HRISHUB_TRACING", "loud")
        with pytest.raises(InvalidSetting) as caught:
            tracing.configure_tracing()
        assert "HRISHUB_TRACING" in str(caught.value)
    finally:
        tracing.use_tracer_provider(None)


def test_an_otlp_endpoint_gets_the_spans_of_a_served_api(tmp_path):
    """``hrishub serve`` with OTEL_EXPORTER_OTLP_ENDPOINT posts its spans to that collector (here, a loopback one)."""
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from tests.hub.cli.conftest import Processes

    received = []

    class Collector(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((self.path, body))
            self.send_response(200)
            self.send_header("Content-Type", "application/x-protobuf")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hrishub = Processes()
    port = hrishub.free_port()
    env = hrishub.env(
        HRISHUB_HOME=str(tmp_path / "home"),
        OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{server.server_address[1]}",
        OTEL_BSP_SCHEDULE_DELAY="100",
    )
    proc = hrishub.popen("serve", "--port", port, env=env)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/v1/connectors", timeout=2).status_code == 200
                break
            except httpx.TransportError:
                time.sleep(0.1)
        while time.monotonic() < deadline and not received:
            time.sleep(0.1)
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
        server.shutdown()
    assert received, "no spans reached the collector"
    path, body = received[0]
    assert path == "/v1/traces"
    assert b"GET /v1/connectors" in body and b"hrishub" in body
