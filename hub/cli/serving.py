"""Running the hub: ``hrishub serve`` (the unified HTTP API) and ``hrishub secret-key``."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from hub.cli.app import RUN, _err, _errors, _hub, _out, app

__all__ = ["secret_key", "serve"]


@app.command(rich_help_panel=RUN)
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    log_level: Annotated[
        str | None,
        typer.Option(
            "--log-level",
            help="Log level: debug, info, warning, error (default: HRISHUB_LOG_LEVEL, else info). Logs are "
            "JSON lines on stderr unless it is a terminal (HRISHUB_LOG_FORMAT=json|console forces one).",
        ),
    ] = None,
    webhooks: Annotated[
        bool,
        typer.Option(
            "--webhooks/--no-webhooks",
            help="Deliver webhooks from this process too (turn off when `hrishub worker`s deliver them).",
        ),
    ] = True,
) -> None:
    """Serve the unified HTTP API (customers call it with their API key) with uvicorn.

    Prometheus metrics are at /metrics (HRISHUB_METRICS_TOKEN: the bearer token a scrape must send);
    OpenTelemetry traces go where OTEL_EXPORTER_OTLP_ENDPOINT says (docs/operating.md).
    """
    import uvicorn

    from hub.api import create_app
    from hub.observability.logs import configure_logging
    from hub.observability.tracing import configure_tracing

    with _errors():
        handler = configure_logging(log_level)
        configure_tracing()
        api = create_app(_hub(), deliver_webhooks=webhooks)
    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{port}"
    console = _out()
    console.print(
        f"hrishub API on {base}  (interactive docs: {base}/docs). Press Ctrl+C to stop.", markup=False
    )
    # uvicorn logs through the hub's handler (log_config=None); its access log is the hub's own
    # http.request event, which names the route template, never a raw path with its query.
    level = logging.getLevelName(handler.level or logging.getLogger().level).lower()
    uvicorn.run(api, host=host, port=port, log_level=level, log_config=None, access_log=False)


@app.command("secret-key", rich_help_panel=RUN)
def secret_key() -> None:
    """Print a fresh key for HRISHUB_SECRET_KEY (it encrypts the linked accounts' credentials)."""
    from hub.secrets import generate_key

    typer.echo(generate_key())
    _err().print(
        "Set it as HRISHUB_SECRET_KEY for every hub process; to rotate, put the new key first: "
        "HRISHUB_SECRET_KEY=new,old.",
        markup=False,
    )
