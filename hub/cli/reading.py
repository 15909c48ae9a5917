"""``hrishub employees ACCOUNT``: the account's employees in the unified model."""

from __future__ import annotations

import json
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from hub.cli.app import DATA, _account_row, _errors, _hub, _out, app

if TYPE_CHECKING:
    from hub.hub import Hub

__all__ = ["employees", "read_employees", "show_employees"]


def read_employees(hub: Hub, account: str, *, limit: int, mode: str = "auto") -> list[Any]:
    """Up to ``limit`` employees (``0``: all), page by page."""
    found: list[Any] = []
    cursor = None
    while True:
        want = 1000 if limit == 0 else min(1000, limit - len(found))
        page = hub.employees(account).list(page_size=want, cursor=cursor, mode=mode)
        found += page.results
        cursor = page.next_cursor
        if cursor is None or (limit and len(found) >= limit):
            return found


def _text(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, Enum):
        value = value.value
    return escape(str(value))


def show_employees(console: Console, people: list[Any], *, title: str = "Employees") -> None:
    """A table of employees: name, work email, job title, status, hire date."""
    table = Table(title=escape(title), title_justify="left")
    for column in ("name", "work email", "job title", "status", "hire date"):
        table.add_column(column)
    for person in people:
        name = person.display_full_name or " ".join(
            part for part in (person.preferred_name or person.first_name, person.last_name) if part
        )
        table.add_row(
            _text(name or None),
            _text(person.work_email),
            _text(person.job_title),
            _text(person.employment_status),
            _text(person.hire_date),
        )
    console.print(table)


@app.command(rich_help_panel=DATA)
def employees(
    account: Annotated[str, typer.Argument(help="Account id (acct_...).")],
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
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array of unified employees.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Print one JSON employee per line.")] = False,
) -> None:
    """List an account's employees in the unified model."""
    hub = _hub()
    machine = as_json or jsonl
    if limit is None:
        limit = 0 if machine else 50  # a script reading JSON gets every employee unless it asks for fewer
    with _errors():
        _account_row(hub, account)
        people = read_employees(hub, account, limit=limit, mode=mode)
    if machine:
        records = [p.model_dump(mode="json") for p in people]
        if jsonl:
            for record in records:
                typer.echo(json.dumps(record))
        else:
            typer.echo(json.dumps(records, indent=2))
        if limit and len(people) == limit:
            typer.echo(f"Partial: the first {limit} employees (--limit); --limit 0 gives them all.", err=True)
        return
    console = _out()
    show_employees(console, people, title=f"Employees of {account}")
    if not people:
        console.print(f"No employee yet. Sync the account first: hrishub sync {account}", markup=False)
    elif limit and len(people) == limit:
        console.print(f"[dim]The first {limit}; --limit 0 shows them all.[/]")
