"""``hrishub sandbox NAME``: run a connector's local simulator of its provider on loopback."""

from __future__ import annotations

import gc
import json
import shlex
import socket
from typing import Annotated, Any

import typer

from hub.cli.app import CONNECTORS, _err, _errors, _hub, _out, app

__all__ = ["sandbox"]


@app.command(rich_help_panel=CONNECTORS)
def sandbox(
    connector: Annotated[str, typer.Argument(help="Connector whose sandbox to run, e.g. ukg_pro.")],
    port: Annotated[int, typer.Option(help="Loopback port (0: any free one).")] = 8765,
    employees: Annotated[int, typer.Option(help="Employees in the generated tenant.")] = 250,
    seed: Annotated[int, typer.Option(help="Seed of the generated tenant.")] = 7,
    latency_ms: Annotated[int, typer.Option("--latency-ms", help="Added latency per request.")] = 0,
    setting: Annotated[
        list[str] | None,
        typer.Option(
            "--setting",
            help="One of the sandbox's own settings, NAME=VALUE (JSON or text; repeatable), "
            "e.g. link_header=true.",
        ),
    ] = None,
) -> None:
    """Run a connector's local sandbox tenant on 127.0.0.1 and print the values that link it."""
    import uvicorn

    hub = _hub()
    with _errors():
        declared = hub.connector(connector)
    if declared.sandbox is None:
        _err().print(f"[red]{declared.title} has no sandbox.[/]")
        raise typer.Exit(code=2)
    options = _settings(setting or [])
    try:
        simulator = declared.sandbox(employees=employees, seed=seed, latency_ms=latency_ms, **options)
    except (TypeError, ValueError) as exc:
        _err().print(f"--setting: {exc}", style="red", markup=False)
        raise typer.Exit(code=2) from None
    # Bound before anything is printed: the values shown carry the port really listened on (--port 0).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        _err().print(
            f"[red]Port {port} on 127.0.0.1 is not free ({exc.strerror}).[/] "
            "Pick another with --port, or --port 0 for any free one."
        )
        raise typer.Exit(code=2) from None
    port = sock.getsockname()[1]
    base_url = f"http://127.0.0.1:{port}"
    console = _out()
    console.print(
        f"{declared.title} sandbox at {base_url} ({employees} employees, seed {seed}). Link it with:",
        markup=False,
    )
    values = simulator.credentials(base_url)
    for field, value in values.items():
        console.print(f"  {field}: {value}", markup=False)
    console.print(
        "The hub calls it only when HRISHUB_SANDBOX_ORIGINS names it. To link it, run:", markup=False
    )
    # One unwrapped line, every value quoted for the shell: it must paste and run as printed.
    sets = " ".join(f"--set {shlex.quote(f'{field}={value}')}" for field, value in values.items())
    typer.echo(f"HRISHUB_SANDBOX_ORIGINS={base_url} hrishub link {connector} {sets}")
    console.print("Press Ctrl+C to stop.")
    # The tenant is built: keep its objects out of the collector's way, or each full collection walks
    # every object of a large tenant again.
    gc.freeze()
    config = uvicorn.Config(simulator.app, log_level="warning", interface="asgi3")
    uvicorn.Server(config).run(sockets=[sock])


def _settings(pairs: list[str]) -> dict[str, Any]:
    """``NAME=VALUE`` pairs as options: a value JSON reads (true, 15, [..]) as such, else as text."""
    options: dict[str, Any] = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        if not sep or not name.strip():
            _err().print(f"[red]--setting {pair!r}: write NAME=VALUE, e.g. link_header=true.[/]")
            raise typer.Exit(code=2)
        try:
            options[name.strip()] = json.loads(text)
        except ValueError:
            options[name.strip()] = text
    return options
