"""The ``hrishub`` app and what its command modules share: help panels, consoles, errors, JSON output.

The command modules import from here, never from :mod:`hub.cli` (whose ``__init__`` imports them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import click
import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Column, Table

from hub.errors import HubError

if TYPE_CHECKING:
    from hub.hub import Hub
    from hub.store import AccountRow

__all__ = ["ACCOUNTS", "CONNECTORS", "DATA", "RUN", "TRY", "app", "id_column"]

app = typer.Typer(
    name="hrishub",
    help="hrishub: an open, pluggable unified HRIS hub. New here? Run `hrishub demo`.",
    no_args_is_help=True,
    add_completion=False,
)

# Help panels, in the order ``hrishub --help`` shows them.
TRY = "Try it"
CONNECTORS = "Connectors"
ACCOUNTS = "Customers and accounts"
DATA = "Syncing and reading"
RUN = "Running the hub"


def id_column(header: str, ids: Iterable[str | None]) -> Column:
    """A table column for ids: never wrapped or cut, however narrow the terminal (the value to copy)."""
    widest = max((len(i) for i in ids if i), default=len(header))
    return Column(header, no_wrap=True, min_width=max(widest, len(header)))


def _out() -> Console:
    """A console on stdout, made per command so it sees the terminal (and ``COLUMNS``) of that run."""
    return Console(highlight=False)


def _err() -> Console:
    """A console on stderr, for errors and hints."""
    return Console(stderr=True, highlight=False)


def _hub() -> Hub:
    """The hub of the environment (``HRISHUB_HOME``, ``HRISHUB_DATABASE_URL``), closed after the command."""
    from hub.hub import Hub  # imported here so `hrishub --help` stays fast

    with _errors():  # a malformed setting (HRISHUB_SANDBOX_ORIGINS) is a message and a fix, no traceback
        hub = Hub()
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(hub.close)
    return hub


_LIST_COMMANDS = {
    "account": "Check the account id; list them with `hrishub accounts`.",
    "customer": "Check the customer id; list them with `hrishub customers`.",
    "link_session": "Check the id; list them with `hrishub link-pages list --customer cus_...`.",
    "webhook_endpoint": "Check the endpoint id; list them with `hrishub webhooks`.",
}
"""How a person at the command line finds valid ids, by the kind a NotFound names."""


def _fail(error: HubError) -> typer.Exit:
    """Print ``error`` (with every field issue it has) and its fix on stderr; returns the exit to raise."""
    err = _err()
    what = getattr(error, "what", None)
    remedy = _LIST_COMMANDS.get(what, error.remedy) if what else error.remedy
    issues = getattr(error, "issues", None)
    if issues:
        err.print("[bold red]Error:[/] these values are not valid:")
        table = Table("field", "problem", "fix", box=box.SIMPLE_HEAD)
        for issue in issues:
            table.add_row(escape(issue.field), escape(issue.message), escape(issue.fix))
        err.print(table)
    else:
        err.print(f"[bold red]Error:[/] {escape(error.message)}")
    err.print(f"[bold]Fix:[/] {escape(remedy)}")
    return typer.Exit(code=2)


def _account_row(hub: Hub, account: str) -> AccountRow:
    """The stored account ``account`` (no credentials), or :class:`NotFound` with a command-line fix."""
    from hub.errors import NotFound

    try:
        return hub.store.accounts.row(account)
    except NotFound:
        raise NotFound(
            f"No account {account!r} in {hub.store.engine.url.render_as_string(hide_password=True)}.",
            remedy="List linked accounts with `hrishub accounts`; link one with `hrishub link CONNECTOR`.",
        ) from None


@contextmanager
def _errors() -> Iterator[None]:
    """Turn a :class:`HubError` raised in the block into its message, its fix and exit code 2."""
    try:
        yield
    except HubError as error:
        raise _fail(error) from None


def _json_value(value: Any) -> Any:
    """A value ``json`` cannot write, in the API's JSON forms (instants, amounts), else as text."""
    from decimal import Decimal  # local: keep `hrishub --help` fast

    from unified_models import format_instant
    from unified_models.scalars import amount_json

    if isinstance(value, datetime):
        return format_instant(value if value.tzinfo is not None else value.replace(tzinfo=UTC))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal) and value.is_finite():
        return amount_json(value)
    return str(value)


def _echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON on stdout, as the HTTP API writes it.

    Instants are RFC 3339 in UTC with six fractional digits and ``Z``, dates ``YYYY-MM-DD``, decimal
    amounts JSON numbers; any other value ``json`` cannot write is text.
    """
    typer.echo(json.dumps(data, indent=2, default=_json_value))


def _when(moment: datetime | None) -> str:
    """A moment as ``2025-01-31 14:05 UTC`` (``-`` for none)."""
    if moment is None:
        return "-"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
