"""``hrishub records ACCOUNT RESOURCE``: any unified resource of an account (pay runs, dependents, ...)."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any, Literal

import typer
from rich.markup import escape
from rich.table import Table

from hub.actions import LIST_ACTIONS
from hub.cli.app import DATA, _account_row, _errors, _hub, _out, app
from hub.errors import UnknownAction

__all__ = ["read_records", "records"]

_SHOWN = 6
"""How many fields a table shows (besides the id); --json gives them all."""


def read_records(hub: Any, account: str, resource: str, *, limit: int, mode: str = "auto") -> list[Any]:
    """Up to ``limit`` records of ``resource`` (``0``: all), page by page."""
    found: list[Any] = []
    cursor = None
    while True:
        want = 1000 if limit == 0 else min(1000, limit - len(found))
        page = hub.records(account, resource).list(page_size=want, cursor=cursor, mode=mode)
        found += page.results
        cursor = page.next_cursor
        if cursor is None or (limit and len(found) >= limit):
            return found


def _text(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, (list, tuple)):
        return f"{len(value)} item(s)"
    return escape(str(value))


@app.command(rich_help_panel=DATA)
def records(
    account: Annotated[str, typer.Argument(help="Account id (acct_...).")],
    resource: Annotated[
        str,
        typer.Argument(
            help=f"The resource: {', '.join(sorted(LIST_ACTIONS))} (dashes or underscores).",
            show_default=False,
        ),
    ],
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=0, help="How many to show (0: all); default 50 in a table, all as JSON."),
    ] = None,
    mode: Annotated[
        Literal["auto", "live"],
        typer.Option(
            "--mode", help="auto: the store once synced, the provider before; live: always the provider."
        ),
    ] = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array of unified records.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one JSON record per line.")] = False,
) -> None:
    """List an account's records of any unified resource (payroll runs, benefits, dependents, ...)."""
    hub = _hub()
    name = resource.strip().replace("-", "_").lower()
    machine = as_json or jsonl
    if limit is None:
        limit = 0 if machine else 50
    with _errors():
        if name not in LIST_ACTIONS:
            raise UnknownAction(f"{name}.list", (f"{r}.list" for r in LIST_ACTIONS))
        _account_row(hub, account)
        found = read_records(hub, account, name, limit=limit, mode=mode)
    if machine:
        rows = [r.model_dump(mode="json") for r in found]
        if jsonl:
            for row in rows:
                typer.echo(json.dumps(row))
        else:
            typer.echo(json.dumps(rows, indent=2))
        if limit and len(found) == limit:
            typer.echo(f"Partial: the first {limit} records (--limit); --limit 0 gives them all.", err=True)
        return
    console = _out()
    model = LIST_ACTIONS[name]
    skip = {"id", "remote_data", "remote_data_redacted", "field_sources", "created_at", "modified_at"}
    columns = [f for f in hub_model_fields(model) if f not in skip][:_SHOWN]
    table = Table(title=escape(f"{model} records of {account}"), title_justify="left")
    for column in columns:
        table.add_column(column.replace("_", " "))
    for record in found:
        table.add_row(*(_text(getattr(record, column, None)) for column in columns))
    console.print(table)
    if not found:
        console.print(f"None yet. Sync the account first: hrishub sync {account}", markup=False)
    elif limit and len(found) == limit:
        console.print(f"[dim]The first {limit}; --limit 0 shows them all.[/]")


def hub_model_fields(model: str) -> list[str]:
    """The field names of a unified model, in declaration order."""
    from unified_models import MODELS

    return list(MODELS[model].model_fields)
