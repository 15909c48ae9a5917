"""``hrishub demo``: the whole tour on one machine, with the built-in UKG Pro sandbox.

Starts the sandbox on loopback, links it for a demo customer in a demo store of its own, syncs,
shows the unified employees, then serves the unified API and prints ``curl`` lines to try it.
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from hub.cli.app import TRY, _errors, _out, app

if TYPE_CHECKING:
    from hub.hub import Hub

__all__ = ["curl_lines", "demo"]

CONNECTOR = "ukg_pro"
SHOWN = 15
"""Employees shown in the demo's table."""


def _fresh_sqlite(path: Path) -> str:
    """The URL of a new SQLite file at ``path`` (an earlier demo's file is removed)."""
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def curl_lines(base: str, key: str, account: str, *, sync: bool = True) -> list[str]:
    """Ready-to-paste commands that call the unified API as the demo customer.

    ``sync`` adds the call that starts a sync (it needs the sandbox, which runs while the demo serves).
    """
    auth = f'-H "Authorization: Bearer {key}"'
    lines = [
        f'curl {auth} -H "X-Account-Id: {account}" "{base}/v1/hris/employees?page_size=5"',
        f"curl {auth} {base}/v1/accounts/{account}",
        f"curl {auth} {base}/v1/accounts/{account}/syncs",
    ]
    if sync:
        lines.append(f'curl -X POST {auth} "{base}/v1/accounts/{account}/sync?wait=true"')
    return [*lines, f"open {base}/docs    # the interactive API docs"]


def _serve_api(stack: ExitStack, api: Any, port: int, console: Console) -> str:
    from hub.serving import serve_in_thread

    if port:
        try:
            return stack.enter_context(serve_in_thread(api, "127.0.0.1", port))
        except OSError:
            console.print(f"[yellow]Port {port} is taken; serving on a free port instead.[/]")
    return stack.enter_context(serve_in_thread(api, "127.0.0.1", 0))


def _step(console: Console, text: str) -> None:
    console.print()
    console.rule(f"[bold]{escape(text)}[/]", align="left")


@app.command(rich_help_panel=TRY)
def demo(
    employees: Annotated[
        int, typer.Option("--employees", min=1, help="Employees in the sandbox tenant.")
    ] = 60,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the sandbox tenant.")] = 7,
    port: Annotated[int, typer.Option("--port", help="Port of the API (0 or taken: a free one).")] = 8000,
    serve: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the API at the end (until Ctrl+C).")
    ] = True,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url", help="Store to use (default: a fresh demo.db in the hrishub data folder)."
        ),
    ] = None,
) -> None:
    """Try hrishub in one command: a UKG Pro sandbox, linked, synced, read, and served over HTTP."""
    from dataclasses import replace

    from hub.connector import HttpSettings
    from hub.hub import Hub
    from hub.paths import data_home
    from hub.serving import serve_in_thread

    console = _out()
    started = time.monotonic()
    demo_db = data_home() / "demo.db"
    url = database_url or _fresh_sqlite(demo_db)
    hub = Hub(settings=HttpSettings(), database_url=url)
    with ExitStack() as stack, _errors():
        stack.callback(hub.close)
        connector = hub.connector(CONNECTOR)
        if connector.sandbox is None:
            console.print(f"[red]{escape(connector.title)} has no sandbox to demo.[/]")
            raise typer.Exit(code=2)

        _step(console, f"1. A {connector.title} sandbox tenant on loopback")
        simulator = connector.sandbox(employees=employees, seed=seed)
        sandbox_url = stack.enter_context(serve_in_thread(simulator.app, "127.0.0.1", 0))
        # The hub calls a loopback address only when told to: allow this sandbox, nothing else.
        hub.settings = replace(hub.settings, sandbox_origins=frozenset({sandbox_url}))
        console.print(f"{employees} employees (seed {seed}) at {sandbox_url}", markup=False)
        where = database_url or f"{demo_db} (a fresh file each run; your hub.db is left alone)"
        console.print(f"Demo store: {where}", markup=False)

        _step(console, "2. A customer: an app that reads the unified API with its key")
        customer, key = hub.store.customers.add("Demo app")
        console.print(f"Customer {customer.id}, API key: {key}", markup=False, soft_wrap=True)

        _step(console, "3. Linking the account (what an HR admin does once)")
        account = _link(hub, simulator.credentials(sandbox_url), customer.id, console)

        _step(console, "4. The first sync: a full read into the store")
        from hub.cli.syncing import run_with_progress, show_report

        report = run_with_progress(hub, account, console, full=False, force=False)
        show_report(console, report)

        _step(console, f"5. Unified employees (the first {SHOWN})")
        from hub.cli.reading import read_employees, show_employees

        show_employees(console, read_employees(hub, account, limit=SHOWN), title=f"Employees of {account}")
        console.print(f"[dim]Non-serving part done in {time.monotonic() - started:.1f} s.[/]")

        _step(console, "6. The unified HTTP API")
        if not serve:
            _print_next(console, f"http://127.0.0.1:{port or 8000}", key, account, served=False, url=url)
            return
        from hub.api import create_app

        api_url = _serve_api(stack, create_app(hub), port, console)
        _print_next(console, api_url, key, account, served=True, url=url)
        _print_linking_page(console, hub, api_url, customer.id, simulator.credentials(sandbox_url))
        console.print("Press Ctrl+C to stop.")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            console.print("\nDemo stopped.")


def _link(hub: Hub, credentials: dict[str, Any], customer_id: str, console: Console) -> str:
    from hub.cli.accounts import show_permissions

    connector = hub.connector(CONNECTOR)
    console.print("The linking form asks for:", markup=False)
    for name, prop in connector.credentials_schema.get("properties", {}).items():
        shown = "********" if prop.get("format") == "password" else credentials.get(name) or "(empty)"
        console.print(f"  {prop.get('title', name)} ({name}): {shown}", markup=False)
    account = hub.link(CONNECTOR, credentials, customer_id=customer_id)
    console.print(f"[green]Linked[/] account [bold]{account.id}[/] for customer {customer_id}.")
    grant = hub.connector(CONNECTOR).grant_permissions
    show_permissions(console, account.permissions, title=f"Permissions of {account.id}", grant=grant)
    return account.id


def _print_linking_page(
    console: Console, hub: Hub, base: str, customer_id: str, credentials: dict[str, Any]
) -> None:
    """A single-use linking page, as an app would send one to an HR admin (POST /v1/link-sessions)."""
    created = hub.link_sessions.create(customer_id, CONNECTOR, reference="demo-tenant")
    console.print("The linking page an HR admin would get (works once; open it in a browser):", markup=False)
    console.print(f"  {base}/link/{created.token}", markup=False, soft_wrap=True)
    values = ", ".join(f"{name}={value or '(empty)'}" for name, value in credentials.items())
    console.print(f"  The sandbox's values to type there: {values}", markup=False, soft_wrap=True)


def _print_next(console: Console, base: str, key: str, account: str, *, served: bool, url: str) -> None:
    if served:
        console.print(f"The API is at {base} (docs: {base}/docs), as the demo customer:", markup=False)
    else:
        port = base.rsplit(":", 1)[-1]
        console.print(
            "Not served (--no-serve). Serve this demo's store (reads come from it) with:", markup=False
        )
        console.print(
            f"  HRISHUB_DATABASE_URL={url} hrishub serve --port {port}", markup=False, soft_wrap=True
        )
        console.print("then, as the demo customer:", markup=False)
    for line in curl_lines(base, key, account, sync=served):
        console.print(f"  {line}", markup=False, soft_wrap=True)
    console.print(f"Account: {account}   API key: {key}", markup=False, soft_wrap=True)
