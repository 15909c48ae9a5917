"""Linking pages from the command line: ``hrishub link-pages new|list|revoke``."""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from hub.cli.app import ACCOUNTS, _echo_json, _err, _errors, _hub, _out, _when, app, id_column

__all__ = ["list_pages", "new_page", "revoke_page"]

pages_app = typer.Typer(
    help="Single-use linking pages to send to an HR admin (the hub must be served for them to open).",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(pages_app, name="link-pages", rich_help_panel=ACCOUNTS)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def _base_url(given: str | None) -> str:
    return (given or os.environ.get("HRISHUB_PUBLIC_URL") or "http://127.0.0.1:8000").rstrip("/")


@pages_app.command("new")
def new_page(
    connector: Annotated[str, typer.Argument(help="The connector to link, e.g. ukg_pro.")],
    customer: Annotated[str, typer.Option("--customer", help="The customer (cus_...) the account is for.")],
    reference: Annotated[
        str, typer.Option("--reference", help="Your own id for the end customer (e.g. their tenant id).")
    ],
    actions: Annotated[
        list[str] | None,
        typer.Option("--action", help="An action the customer needs (repeat it); default: every one."),
    ] = None,
    expires_in_hours: Annotated[
        float, typer.Option("--expires-in-hours", help="How long the link works (5 minutes to 30 days).")
    ] = 24 * 7,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url", help="The hub's address as browsers reach it (default HRISHUB_PUBLIC_URL)."
        ),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Create a linking page and print its single-use URL (shown only this once)."""
    hub = _hub()
    with _errors():
        if hub.store.customers.get(customer) is None:
            from hub.errors import NotFound

            raise NotFound(f"No customer {customer!r}.", remedy="List customers with `hrishub customers`.")
        created = hub.link_sessions.create(
            customer,
            connector,
            reference=reference,
            expires_in=timedelta(hours=expires_in_hours),
            actions=actions,
        )
    url = f"{_base_url(base_url)}/link/{created.token}"
    session = created.session
    if base_url is None and not os.environ.get("HRISHUB_PUBLIC_URL"):
        _err().print(
            "[yellow]Note:[/] the URL assumes the hub serves at http://127.0.0.1:8000 (`hrishub serve`'s "
            "default). If browsers reach it elsewhere, pass --base-url or set HRISHUB_PUBLIC_URL, e.g. "
            "export HRISHUB_PUBLIC_URL=https://hub.example.com, and make a new page.",
            soft_wrap=True,
        )
    if as_json:
        _echo_json({"id": session.id, "url": url, "expires_at": session.expires_at, "status": session.status})
        return
    console = _out()
    console.print(
        f"Linking page [bold]{session.id}[/] for {escape(reference)}, until {_when(session.expires_at)}:"
    )
    console.print(f"  {url}", markup=False, soft_wrap=True)
    console.print("[yellow]The URL is shown only this once; it links one account, once.[/]")


@pages_app.command("list")
def list_pages(
    customer: Annotated[str, typer.Option("--customer", help="The customer (cus_...).")],
    as_json: AsJson = False,
) -> None:
    """A customer's linking pages, newest first: open, linked (with the account), expired or revoked."""
    from datetime import UTC, datetime

    hub = _hub()
    with _errors():
        rows = hub.link_sessions.list(customer)
    now = datetime.now(UTC)

    if as_json:
        _echo_json(
            [
                {
                    "id": r.id,
                    "reference": r.reference,
                    "status": r.state(now),
                    "account_id": r.account_id,
                    "expires_at": r.expires_at,
                }
                for r in rows
            ]
        )
        return
    table = Table(
        id_column("id", [r.id for r in rows]),
        "reference",
        "status",
        id_column("account", [r.account_id for r in rows]),
        "expires",
    )
    for r in rows:
        table.add_row(r.id, escape(r.reference), r.state(now), r.account_id or "-", _when(r.expires_at))
    _out().print(table)


@pages_app.command("revoke")
def revoke_page(
    session: Annotated[str, typer.Argument(help="The linking page's id (ls_...).")],
    customer: Annotated[str, typer.Option("--customer", help="The customer (cus_...) it belongs to.")],
) -> None:
    """Withdraw a linking page: its URL stops working at once (an account it linked stays)."""
    hub = _hub()
    with _errors():
        row = hub.link_sessions.revoke(session, customer)
    _out().print(f"Linking page {row.id}: {row.status}.", markup=False)
