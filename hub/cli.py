"""The ``hrishub`` command line (typer + rich)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from hub.errors import HubError

if TYPE_CHECKING:
    from hub.hub import Hub

__all__ = ["app", "main"]

app = typer.Typer(
    name="hrishub",
    help="hrishub: an open, pluggable unified HRIS hub.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)


def _hub() -> Hub:
    from hub.hub import Hub  # imported here so `hrishub --help` stays fast

    return Hub()


def _fail(error: HubError) -> typer.Exit:
    err_console.print(f"[bold red]Error:[/] {error.message}")
    err_console.print(f"[bold]Fix:[/] {error.remedy}")
    return typer.Exit(code=2)


@app.command()
def connectors(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List loaded connectors (package, version, actions, permissions each needs) and failed plugins."""
    hub = _hub()
    rows = []
    for name, connector in sorted(hub.connectors.items()):
        origin = hub.origin(name)
        rows.append(
            {
                "name": name,
                "title": connector.title,
                "plugin": origin.name,
                "package": origin.package,
                "version": connector.version or origin.version,
                "actions": {
                    action: (
                        {"supported": True, "scopes": list(spec.scopes)}
                        | ({"optional_scopes": dict(spec.optional_scopes)} if spec.optional_scopes else {})
                        if spec.supported
                        else {"supported": False, "reason": spec.reason}
                    )
                    for action, spec in connector.actions.items()
                },
                "features": {
                    name: {"scopes": list(spec.scopes)} for name, spec in connector.features.items()
                },
            }
        )
    failures = [
        {"plugin": f.plugin, "package": f.package, "connector": f.connector, "reason": f.reason}
        for f in hub.failures
    ]
    if as_json:
        typer.echo(json.dumps({"connectors": rows, "failures": failures}, indent=2))
        return
    for row in rows:
        table = Table(
            title=f"{row['title']} ({row['name']}) from {row['package'] or row['plugin']} {row['version']}",
            title_justify="left",
        )
        table.add_column("action")
        table.add_column("permissions needed (exact names on the admin screen)")
        for action, spec in row["actions"].items():
            if spec["supported"]:
                needed = ", ".join(spec["scopes"]) or "-"
                for scope, adds in spec.get("optional_scopes", {}).items():
                    needed += f"\n  optional: {scope} ({adds})"
                table.add_row(action, needed)
            else:
                table.add_row(action, f"[dim]not supported: {spec['reason']}[/]")
        for feature, spec in row["features"].items():
            table.add_row(f"[italic]{feature}[/]", ", ".join(spec["scopes"]) or "-")
        console.print(table)
    if not rows:
        console.print("[yellow]No connector is loaded.[/]")
    for failure in failures:
        where = f" ({failure['package']})" if failure["package"] else ""
        what = f":{failure['connector']}" if failure["connector"] else ""
        console.print(f"[red]failed to load[/] {failure['plugin']}{what}{where}: {failure['reason']}")


@app.command()
def scopes(
    connector: Annotated[str, typer.Argument(help="Connector name, e.g. ukg_pro.")],
    actions: Annotated[
        list[str] | None, typer.Argument(help="Actions (default: every supported one).")
    ] = None,
) -> None:
    """Print the checklist of permissions an admin ticks on the provider's service account."""
    hub = _hub()
    try:
        declared = hub.connector(connector)
        names = actions or declared.supported_actions
        needed = declared.scopes_for(names)
    except HubError as error:
        raise _fail(error) from None
    console.print(f"Tick these permissions (View) for {declared.title}, for: {', '.join(names)}")
    for scope in needed:
        console.print(f"  [ ] {scope}")
    for name in names:
        spec = declared.actions[name]
        if not spec.supported:
            console.print(f"  [dim]{name} is not supported by {declared.title}: {spec.reason}[/]")
        for scope, adds in spec.optional_scopes.items():
            console.print(f"  [ ] {scope}  [dim](optional, {name}: {adds})[/]")


@app.command()
def sandbox(
    connector: Annotated[str, typer.Argument(help="Connector whose sandbox to run, e.g. ukg_pro.")],
    port: Annotated[int, typer.Option(help="Loopback port.")] = 8765,
    employees: Annotated[int, typer.Option(help="Employees in the generated tenant.")] = 250,
    seed: Annotated[int, typer.Option(help="Seed of the generated tenant.")] = 7,
    latency_ms: Annotated[int, typer.Option("--latency-ms", help="Added latency per request.")] = 0,
) -> None:
    """Run a connector's local sandbox tenant on 127.0.0.1 and print the values that link it."""
    import uvicorn

    hub = _hub()
    try:
        declared = hub.connector(connector)
    except HubError as error:
        raise _fail(error) from None
    if declared.sandbox is None:
        err_console.print(f"[red]{declared.title} has no sandbox.[/]")
        raise typer.Exit(code=2)
    simulator = declared.sandbox(employees=employees, seed=seed, latency_ms=latency_ms)
    base_url = f"http://127.0.0.1:{port}"
    console.print(
        f"{declared.title} sandbox at {base_url} ({employees} employees, seed {seed}). Link it with:"
    )
    for field, value in simulator.credentials(base_url).items():
        console.print(f"  {field}: {value}", highlight=False, markup=False)
    console.print("Press Ctrl+C to stop.", highlight=False)
    uvicorn.run(simulator.app, host="127.0.0.1", port=port, log_level="warning")


def main() -> None:
    """Console-script entry point."""
    app()
