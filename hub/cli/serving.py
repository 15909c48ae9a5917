"""Running the hub: ``hrishub serve`` (the unified HTTP API) and ``hrishub secret-key``."""

from __future__ import annotations

from typing import Annotated

import typer

from hub.cli.app import RUN, _err, _errors, _hub, _out, app

__all__ = ["secret_key", "serve"]


@app.command(rich_help_panel=RUN)
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn's log level.")] = "info",
    webhooks: Annotated[
        bool,
        typer.Option(
            "--webhooks/--no-webhooks",
            help="Deliver webhooks from this process too (turn off when `hrishub worker`s deliver them).",
        ),
    ] = True,
) -> None:
    """Serve the unified HTTP API (customers call it with their API key) with uvicorn."""
    import uvicorn

    from hub.api import create_app

    with _errors():
        api = create_app(_hub(), deliver_webhooks=webhooks)
    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{port}"
    console = _out()
    console.print(
        f"hrishub API on {base}  (interactive docs: {base}/docs). Press Ctrl+C to stop.", markup=False
    )
    uvicorn.run(api, host=host, port=port, log_level=log_level)


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
