"""``hrishub passthrough ACCOUNT PATH`` and ``hrishub passthrough-log ACCOUNT``: the provider's own API."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from hub.cli.app import DATA, _account_row, _echo_json, _errors, _hub, _out, _when, app, id_column
from hub.errors import InputError

__all__ = ["passthrough", "passthrough_log"]

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _params(items: list[str] | None) -> dict[str, str | list[str]]:
    params: dict[str, str | list[str]] = {}
    for number, item in enumerate(items or [], start=1):
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise InputError(
                f"--param number {number} is not NAME=VALUE.", remedy="Write each as --param name=value."
            )
        if name in params:
            before = params[name]
            params[name] = [*(before if isinstance(before, list) else [before]), value]
        else:
            params[name] = value
    return params


def _headers(items: list[str] | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    for number, item in enumerate(items or [], start=1):
        name, sep, value = item.partition(":")
        if not sep or not name.strip():
            raise InputError(
                f"--header number {number} is not NAME: VALUE.",
                remedy="Write each as --header 'Name: value'.",
            )
        headers[name.strip()] = value.strip()
    return headers


@app.command(rich_help_panel=DATA)
def passthrough(
    account: Annotated[str, typer.Argument(help="Account id (acct_...).")],
    path: Annotated[
        str, typer.Argument(help="A path on the provider's own host, e.g. /configuration/v1/jobs.")
    ],
    method: Annotated[
        str, typer.Option("--method", "-X", help="GET, HEAD or OPTIONS, unless the connector allows others.")
    ] = "GET",
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="A query parameter NAME=VALUE (repeat it).")
    ] = None,
    header: Annotated[
        list[str] | None, typer.Option("--header", "-H", help="A request header 'Name: value' (repeat it).")
    ] = None,
) -> None:
    """Send one request to the account's provider with its stored credentials; print the answer as JSON.

    The provider's status, harmless headers and body (credentials redacted); audited
    (`hrishub passthrough-log ACCOUNT`).
    """
    hub = _hub()
    with _errors():
        _account_row(hub, account)
        result = hub.passthrough(account, method, path, params=_params(param), headers=_headers(header))
    _echo_json(result.to_dict())


@app.command("passthrough-log", rich_help_panel=DATA)
def passthrough_log(
    account: Annotated[str, typer.Argument(help="Account id (acct_...).")],
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=1000, help="How many entries, newest first.")
    ] = 20,
    as_json: AsJson = False,
) -> None:
    """The account's passthrough requests, newest first: method, path, parameter names, status, size, time."""
    hub = _hub()
    with _errors():
        _account_row(hub, account)
        entries = hub.passthrough_log(account, limit=limit)
    if as_json:
        _echo_json([entry.to_dict() for entry in entries])
        return
    table = Table(
        id_column("id", [str(e.id) for e in entries]),
        "at",
        "method",
        "path",
        "params",
        "status",
        "bytes",
        "ms",
        "refused or failed",
        title=f"Passthrough requests of {escape(account)}",
        title_justify="left",
    )
    for entry in entries:
        table.add_row(
            str(entry.id),
            _when(entry.at),
            escape(entry.method),
            escape(entry.path),
            escape(", ".join(entry.params)) or "-",
            str(entry.status) if entry.status is not None else "-",
            f"{entry.bytes:,}",
            str(entry.duration_ms),
            escape(entry.error or "-"),
        )
    _out().print(table)
