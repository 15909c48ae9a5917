"""``hrishub accounts audit ACCOUNT``: an account's audit log, also once the account is deleted."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from hub.cli.accounts import AsJson, accounts_app
from hub.cli.app import _echo_json, _errors, _hub, _out, _when, id_column

__all__ = ["account_audit"]


@accounts_app.command("audit")
def account_audit(
    account: Annotated[str, typer.Argument(help="Account id (acct_...), deleted or not.")],
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=100, help="How many entries, newest first.")
    ] = 20,
    as_json: AsJson = False,
) -> None:
    """An account's audit log, newest first: action, outcome, who, from where, when.

    Deleted accounts' entries are kept and read here (the API answers 404 for a deleted account).
    """
    hub = _hub()
    with _errors():
        entries, _ = hub.store.account_audit.page(account, page_size=limit)
    if as_json:
        _echo_json([entry.to_dict() for entry in entries])
        return
    if not entries:
        _out().print(f"No audited action for account {escape(account)}.")
        return
    table = Table(
        id_column("id", [str(e.id) for e in entries]),
        "at",
        "action",
        "outcome",
        "who",
        "from",
        "details",
        title=f"Audit log of {escape(account)}",
        title_justify="left",
    )
    for entry in entries:
        who = " ".join(filter(None, [entry.actor, entry.customer_id, entry.key_prefix, entry.user]))
        outcome = entry.outcome + (f" ({entry.problem})" if entry.problem else "")
        details = ", ".join(f"{k}={v}" for k, v in sorted(entry.details.items()))
        table.add_row(
            str(entry.id),
            _when(entry.at),
            escape(entry.action),
            escape(outcome),
            escape(who),
            escape(entry.address or "-"),
            escape(details) or "-",
        )
    _out().print(table)
