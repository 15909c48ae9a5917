"""``hrishub migrate``: bring the store's schema to this version before rolling a new release out."""

from __future__ import annotations

from typing import Annotated

import typer

from hub.cli.app import RUN, _echo_json, _errors, _out, app

__all__ = ["migrate"]


@app.command(rich_help_panel=RUN)
def migrate(
    check: Annotated[
        bool, typer.Option("--check", help="Apply nothing; exit 1 when the store is behind this version.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Migrate the store (HRISHUB_DATABASE_URL) to this version's schema, task queue tables included.

    Every hub process also migrates when it opens the store (one at a time on PostgreSQL); run this
    once from the new release before restarting the API processes and workers, so none of them waits
    on a migration and a failing one stops the deploy, not a serving process.
    """
    from hub.paths import database_url
    from hub.store.database import open_engine, sqlite_file
    from hub.store.guard import SqliteGuard
    from hub.store.migrate import migration_state, upgrade

    url = database_url()
    path = sqlite_file(url)
    with _errors():
        engine = open_engine(url, migrate=False, guard=SqliteGuard(path) if path is not None else None)
        try:
            before = migration_state(engine)
            if not check and not before.up_to_date:
                upgrade(engine)
            after = before if check else migration_state(engine)
        finally:
            engine.dispose()
    if as_json:
        _echo_json(
            {
                "revision": after.current,
                "head": after.head,
                "pending": list(after.pending),
                "applied": [] if check else list(before.pending),
            }
        )
    else:
        console = _out()
        if check:
            if after.up_to_date:
                console.print(f"The store is at {after.current}, this version's schema.")
            else:
                console.print(
                    f"The store is at {after.current or 'no revision (empty)'}; this version needs "
                    f"{', '.join(after.pending)}. Run `hrishub migrate`."
                )
        elif before.pending:
            console.print(f"Applied {', '.join(before.pending)}: the store is at {after.current}.")
        else:
            console.print(f"Nothing to apply: the store is at {after.current}.")
    if check and not after.up_to_date:
        raise typer.Exit(1)
