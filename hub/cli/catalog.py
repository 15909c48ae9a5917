"""``hrishub connectors`` and ``hrishub scopes``: what is loaded and which permissions each action needs."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from hub.cli.app import CONNECTORS, _echo_json, _errors, _hub, _out, app

__all__ = ["connectors", "scopes"]


@app.command(rich_help_panel=CONNECTORS)
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
        _echo_json({"connectors": rows, "failures": failures})
        return
    console = _out()
    for row in rows:
        table = Table(
            title=escape(
                f"{row['title']} ({row['name']}) from {row['package'] or row['plugin']} {row['version']}"
            ),
            title_justify="left",
        )
        table.add_column("action")
        table.add_column("permissions needed (exact names on the admin screen)")
        for action, spec in row["actions"].items():
            if spec["supported"]:
                needed = ", ".join(spec["scopes"]) or "-"
                for scope, adds in spec.get("optional_scopes", {}).items():
                    needed += f"\n  optional: {scope} ({adds})"
                table.add_row(action, escape(needed))
            else:
                table.add_row(action, f"[dim]not supported: {escape(spec['reason'])}[/]")
        for feature, spec in row["features"].items():
            table.add_row(f"[italic]{feature}[/]", escape(", ".join(spec["scopes"]) or "-"))
        console.print(table)
    if not rows:
        console.print("[yellow]No connector is loaded.[/]")
    for failure in failures:
        where = f" ({failure['package']})" if failure["package"] else ""
        what = f":{failure['connector']}" if failure["connector"] else ""
        console.print(
            f"[red]failed to load[/] {escape(failure['plugin'] + what + where)}: {escape(failure['reason'])}"
        )


@app.command(rich_help_panel=CONNECTORS)
def scopes(
    connector: Annotated[str, typer.Argument(help="Connector name, e.g. ukg_pro.")],
    actions: Annotated[
        list[str] | None, typer.Argument(help="Actions (default: every supported one).")
    ] = None,
) -> None:
    """Print the checklist of permissions an admin grants the provider account the hub signs in with."""
    hub = _hub()
    with _errors():
        declared = hub.connector(connector)
        names = actions or declared.supported_actions
        needed = declared.scopes_for(names)
    console = _out()
    console.print(f"{escape(declared.title)} permissions for: {', '.join(names)}")
    console.print(escape(declared.grant_permissions))
    for scope in needed:
        console.print(f"  \\[ ] {escape(scope)}")
    for name in names:
        spec = declared.actions[name]
        if not spec.supported:
            console.print(
                f"  [dim]{name} is not supported by {escape(declared.title)}: {escape(spec.reason)}[/]"
            )
        for scope, adds in spec.optional_scopes.items():
            console.print(f"  \\[ ] {escape(scope)}  [dim](optional, {name}: {escape(adds)})[/]")
