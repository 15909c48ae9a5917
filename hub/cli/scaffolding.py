"""``hrishub new-connector NAME``: scaffold a connector that passes the conformance suite out of the box."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hub.cli.app import CONNECTORS, _err, _out, app

__all__ = ["new_connector"]


@app.command("new-connector", rich_help_panel=CONNECTORS)
def new_connector(
    name: Annotated[str, typer.Argument(help="The connector's name, lower-case snake case (acme_hr).")],
    directory: Annotated[
        Path, typer.Option("--dir", help="The project root to write into (default: here).")
    ] = Path(),
    package: Annotated[
        str, typer.Option(help="The Python package that holds connectors (connectors/NAME/).")
    ] = "connectors",
) -> None:
    """Write connectors/NAME/ (plugin, client, sandbox), field_maps/NAME/, tests/NAME/ and the entry point."""
    from hub.scaffold import scaffold_connector

    try:
        made = scaffold_connector(name, directory.resolve(), package=package)
    except (ValueError, FileExistsError) as exc:
        _err().print(f"[bold red]Error:[/] {exc}", markup=True, highlight=False)
        raise typer.Exit(code=2) from None
    console = _out()
    root = directory.resolve()
    for path in made.files:
        console.print(f"wrote {path.relative_to(root)}", markup=False)
    if made.pyproject_updated:
        console.print(f"added to pyproject.toml: {made.entry_point}", markup=False, soft_wrap=True)
    else:
        console.print(
            'Add to pyproject.toml under [project.entry-points."hrishub.connectors"]: ' + made.entry_point,
            markup=False,
            soft_wrap=True,
        )
    console.print(
        f"Next: python3 -m pytest tests/{name} (green now), then follow docs/writing-a-connector.md.",
        markup=False,
        soft_wrap=True,
    )
