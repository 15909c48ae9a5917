"""OpenTelemetry spans for API requests, syncs (per run and per model) and provider calls; optional.

Tracing is on when the operator configures an exporter and the ``tracing`` extra is installed
(``pip install 'hrishub[tracing]'``):

- ``OTEL_EXPORTER_OTLP_ENDPOINT`` (or ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``): spans are batched to that
  OTLP collector, over ``OTEL_EXPORTER_OTLP_PROTOCOL`` (``http/protobuf``, the default, or ``grpc``); the
  exporter reads the other standard ``OTEL_EXPORTER_OTLP_*`` settings (headers, timeout, certificates);
- ``HRISHUB_TRACING=console``: spans are printed to stderr (a quick look without a collector);
- ``HRISHUB_TRACING=off``: no spans even with an endpoint set;
- an application embedding the hub that set OpenTelemetry's global tracer provider gets the hub's
  spans there.

``OTEL_SERVICE_NAME`` names the service (default ``hrishub``). With nothing configured, :func:`span`
is a no-op: one check of a module variable per call, nothing of OpenTelemetry imported.

Spans never carry a query string, a credential or a raw path with ids in it: routes are templates.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from hub.errors import HubError, InvalidSetting

__all__ = [
    "NO_SPAN",
    "TRACING_SETTING",
    "configure_tracing",
    "enabled",
    "extract_context",
    "span",
    "use_tracer_provider",
]

TRACING_SETTING = "HRISHUB_TRACING"
"""``console`` (spans to stderr), ``off`` (none), or unset (spans when an OTLP endpoint is set)."""

_ENDPOINTS = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
_PROTOCOLS = ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL")

_tracer: Any = None
"""The tracer spans go to; None while tracing is off (then :func:`span` does nothing)."""


class _NoSpan:
    """What :func:`span` yields while tracing is off: attributes set on it go nowhere."""

    def set_attribute(self, key: str, value: Any) -> None:
        """Drop the attribute."""

    def set_attributes(self, attributes: Mapping[str, Any]) -> None:
        """Drop the attributes."""

    def is_recording(self) -> bool:
        """Never."""
        return False


NO_SPAN = _NoSpan()


def enabled() -> bool:
    """Whether spans are being recorded."""
    return _tracer is not None


def use_tracer_provider(provider: Any | None) -> None:
    """Send the hub's spans to ``provider`` (an OpenTelemetry ``TracerProvider``); ``None`` turns them off.

    For tests (with the SDK's ``InMemorySpanExporter``) and for applications that build their own.
    """
    global _tracer
    _tracer = None if provider is None else provider.get_tracer("hrishub")


def _missing_extra(why: str) -> InvalidSetting:
    return InvalidSetting(
        why,
        "asks for tracing, but OpenTelemetry's SDK is not installed.",
        remedy="Install the tracing extra: pip install 'hrishub[tracing]' (or unset the setting).",
    )


def configure_tracing() -> bool:
    """Turn tracing on as the environment says (see the module's description); whether it is on."""
    choice = os.environ.get(TRACING_SETTING, "").strip().lower()
    if choice not in {"", "console", "off", "otlp"}:
        raise InvalidSetting(
            TRACING_SETTING, f"is {choice!r}.", remedy="Use console, off, or leave it unset (OTLP)."
        )
    if choice == "off":
        use_tracer_provider(None)
        return False
    endpoint = next((os.environ[name] for name in _ENDPOINTS if os.environ.get(name, "").strip()), None)
    if choice != "console" and endpoint is None:
        return _use_global_provider()
    try:
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter
    except ImportError:
        raise _missing_extra(TRACING_SETTING if choice == "console" else _ENDPOINTS[0]) from None
    attributes = {} if os.environ.get("OTEL_SERVICE_NAME") else {"service.name": "hrishub"}
    provider = TracerProvider(resource=Resource.create(attributes))
    exporter: Any
    exporter = ConsoleSpanExporter() if choice == "console" else _otlp_exporter()
    provider.add_span_processor(BatchSpanProcessor(exporter))
    use_tracer_provider(provider)
    return True


def _otlp_exporter() -> Any:
    protocol = next((os.environ[n].strip() for n in _PROTOCOLS if os.environ.get(n, "").strip()), "")
    protocol = protocol or "http/protobuf"
    try:
        if protocol == "grpc":
            from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
        elif protocol == "http/protobuf":
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import (  # type: ignore[assignment]
                OTLPSpanExporter,
            )
        else:
            raise InvalidSetting(
                _PROTOCOLS[1],
                f"is {protocol!r}; use http/protobuf or grpc.",
                remedy="Set one of them.",
            )
    except ImportError:
        raise _missing_extra(_ENDPOINTS[0]) from None
    return OTLPSpanExporter()


def _use_global_provider() -> bool:
    """Spans to the global provider an embedding application set, if it set one (else tracing stays off)."""
    try:
        from opentelemetry import trace
    except ImportError:
        use_tracer_provider(None)
        return False
    provider = trace.get_tracer_provider()
    if type(provider).__name__ in {"ProxyTracerProvider", "NoOpTracerProvider"}:
        use_tracer_provider(None)
        return False
    use_tracer_provider(provider)
    return True


@contextmanager
def span(name: str, *, kind: str = "internal", attributes: Mapping[str, Any] | None = None) -> Iterator[Any]:
    """A span around the block (``kind``: ``internal``, ``server``, ``client``); a no-op while tracing is off.

    An exception leaving the block marks the span as an error: ``error.type`` is a hub error's type (else
    the exception's class name), the status message a hub error's message (they never hold a secret);
    no other exception text or traceback is put on the span.
    """
    tracer = _tracer
    if tracer is None:
        yield NO_SPAN
        return
    from opentelemetry.trace import SpanKind, Status, StatusCode

    with tracer.start_as_current_span(
        name,
        kind={"server": SpanKind.SERVER, "client": SpanKind.CLIENT}.get(kind, SpanKind.INTERNAL),
        attributes=dict(attributes or {}),
        record_exception=False,
        set_status_on_exception=False,
    ) as current:
        try:
            yield current
        except BaseException as exc:
            error = exc.type if isinstance(exc, HubError) else type(exc).__name__
            current.set_attribute("error.type", error)
            if not isinstance(exc, GeneratorExit | KeyboardInterrupt | SystemExit):
                message = exc.message if isinstance(exc, HubError) else ""
                current.set_status(Status(StatusCode.ERROR, message or error))
            raise


def extract_context(headers: Mapping[str, str]) -> Any:
    """The caller's trace context (W3C ``traceparent``) from request headers, or None while tracing is off."""
    if _tracer is None:
        return None
    from opentelemetry import propagate

    return propagate.extract(headers)


@contextmanager
def server_span(name: str, headers: Mapping[str, str], attributes: Mapping[str, Any]) -> Iterator[Any]:
    """A server span continuing the caller's trace (``traceparent``), a no-op while tracing is off."""
    tracer = _tracer
    if tracer is None:
        yield NO_SPAN
        return
    from opentelemetry import context

    parent = extract_context(headers)
    token = context.attach(parent) if parent is not None else None
    try:
        with span(name, kind="server", attributes=attributes) as current:
            yield current
    finally:
        if token is not None:
            context.detach(token)
