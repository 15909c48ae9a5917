"""``hrishub docs``: write the generated references (hooks, field maps, problems, OpenAPI) into ``docs/``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hub.cli.app import CONNECTORS, _err, _out, app

__all__ = ["docs"]


@app.command(rich_help_panel=CONNECTORS)
def docs(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="The folder to write into (default: the repository's docs/ beside hub/)."),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 listing each generated file that is stale."),
    ] = False,
) -> None:
    """Write the generated docs: hooks.md, field-maps.md, problems.md and openapi.json (from the code)."""
    from hub.docgen import default_docs_folder, stale_docs, write_docs

    folder = out or default_docs_folder()
    try:
        if check:
            stale = stale_docs(folder)
            if stale:
                err = _err()
                for path in stale:
                    err.print(f"stale: {path}", markup=False, highlight=False, soft_wrap=True)
                err.print("Run `hrishub docs` to write them again, then commit them.", markup=False)
                raise typer.Exit(code=1)
            _out().print(f"The generated docs in {folder} are up to date.", markup=False, soft_wrap=True)
            return
        written = write_docs(folder)
    except ValueError as exc:  # an undocumented hook: say which, write nothing half-done
        _err().print(f"Error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None
    console = _out()
    for path in written:
        console.print(f"wrote {path}", markup=False, soft_wrap=True)
