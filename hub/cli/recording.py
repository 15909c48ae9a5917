"""``hrishub record NAME``: record a connector's traffic into scrubbed cassettes for its contract tests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from hub.cli.app import CONNECTORS, _err, _errors, _hub, _out, app

__all__ = ["record"]

ENV_PREFIX = "HRISHUB_RECORD_"


@app.command(rich_help_panel=CONNECTORS)
def record(
    connector: Annotated[str, typer.Argument(help="Connector to record, e.g. ukg_pro.")],
    out: Annotated[
        Path | None, typer.Option(help="Folder for the cassettes (default cassettes/NAME/contract).")
    ] = None,
    sandbox: Annotated[
        bool,
        typer.Option(
            "--sandbox/--tenant",
            help="Record against the connector's sandbox, or a real tenant whose linking values come from "
            f"{ENV_PREFIX}<FIELD> variables (e.g. {ENV_PREFIX}PASSWORD).",
        ),
    ] = True,
    port: Annotated[
        int, typer.Option(help="Loopback port of the sandbox (replays expect the same).")
    ] = 18766,
    employees: Annotated[int, typer.Option(help="Employees in the sandbox tenant.")] = 20,
    seed: Annotated[int, typer.Option(help="Seed of the sandbox tenant.")] = 3,
) -> None:
    """Link and read every supported action live, writing scrubbed cassettes ready to commit.

    Nothing is kept in your store: the account is linked in a scratch store and deleted at the end.

    Credential headers are filtered and personal data in bodies replaced by consistent fakes; the
    files are checked for leaks before they are kept. Replay them with ``ConnectorConformance``
    (``cassettes = <folder>``).
    """
    from hub.connector import HttpSettings
    from hub.hub import Hub
    from hub.recording import record_cassettes, scratch_store
    from hub.serving import serve_in_thread

    with _errors():
        declared = _hub().connector(connector)
    folder = out or Path("cassettes") / connector / "contract"
    with _errors():
        if sandbox:
            if declared.sandbox is None:
                _err().print(f"[red]{declared.title} has no sandbox:[/] record a tenant with --tenant.")
                raise typer.Exit(code=2)
            simulator = declared.sandbox(employees=employees, seed=seed)
            with serve_in_thread(simulator.app, port=port) as base:
                hub = Hub(
                    settings=HttpSettings(sandbox_origins=frozenset({base}), max_attempts=2),
                    store=scratch_store(),
                )
                result = record_cassettes(
                    hub, connector, simulator.credentials(base), folder, sandbox_origin=base
                )
        else:
            fields = list(declared.credentials_schema.get("properties", {}))
            values = {
                f: os.environ[ENV_PREFIX + f.upper()] for f in fields if ENV_PREFIX + f.upper() in os.environ
            }
            missing = [f for f in declared.credentials_schema.get("required", []) if f not in values]
            if missing:
                names = ", ".join(ENV_PREFIX + f.upper() for f in missing)
                _err().print(f"[red]Set {names} to the tenant's linking values first.[/]")
                raise typer.Exit(code=2)
            result = record_cassettes(Hub(store=scratch_store()), connector, values, folder)
    console = _out()
    for path in result.files:
        console.print(f"wrote {path}", markup=False)
    for action, count in result.counts.items():
        console.print(f"  {action}: {count} records", markup=False)
    console.print("Checked: no secret or personal data left. Commit the folder.", markup=False)
