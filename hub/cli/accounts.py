"""Customers and accounts: customers, link, relink, accounts (pause, resume, delete), check, options."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from hub.cli.app import ACCOUNTS, _account_row, _echo_json, _err, _errors, _hub, _out, _when, app, id_column
from hub.cli.auditing import cli_audited
from hub.errors import InputError, NotFound

if TYPE_CHECKING:
    from hub.accounts import PermissionReport
    from hub.connector import Connector
    from hub.hub import Hub

__all__ = [
    "accounts",
    "add_customer",
    "check",
    "collect_credentials",
    "customers",
    "delete_account",
    "link",
    "options",
    "pause_account",
    "relink",
    "resume_account",
    "show_permissions",
]

customers_app = typer.Typer(
    help="Apps that call the unified API, each with its own API key.",
    invoke_without_command=True,
    add_completion=False,
)
app.add_typer(customers_app, name="customers", rich_help_panel=ACCOUNTS)

JsonFile = Annotated[
    Path | None,
    typer.Option(
        "--json-file",
        help="Read the linking values from a JSON object in this file ('-' reads stdin).",
        dir_okay=False,
        allow_dash=True,
    ),
]
SetValues = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="FIELD=VALUE",
        help="One linking value, e.g. --set username=AcmeHub (repeat it). Missing required values are asked.",
    ),
]
Filters = Annotated[
    list[str] | None,
    typer.Option(
        "--filter",
        metavar="KEY=V1,V2",
        help="Import only matching employees: status=ACTIVE, company=C1, group=SALES (repeatable).",
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


# -- customers ---------------------------------------------------------------------------------------


@customers_app.callback()
def customers(
    ctx: typer.Context,
    as_json: AsJson = False,
) -> None:
    """List customers (apps with an API key); `hrishub customers add NAME` creates one."""
    if ctx.invoked_subcommand is not None:
        return
    hub = _hub()
    with _errors():
        found = hub.store.customers.all()
        counts: dict[str | None, int] = {}
        for row in hub.accounts():
            counts[row.customer_id] = counts.get(row.customer_id, 0) + 1
    if as_json:
        _echo_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "key_prefix": c.key_prefix,
                    "created_at": c.created_at,
                    "accounts": counts.get(c.id, 0),
                }
                for c in found
            ]
        )
        return
    console = _out()
    if not found:
        console.print("No customer yet. Create one with: hrishub customers add NAME", markup=False)
        return
    table = Table(id_column("id", [c.id for c in found]), "name", "API key starts", "accounts", "created")
    for c in found:
        starts = f"{c.key_prefix}…" if c.key_prefix else "none yet (rotate-key)"
        table.add_row(c.id, escape(c.name), starts, str(counts.get(c.id, 0)), _when(c.created_at))
    console.print(table)


@customers_app.command("add")
def add_customer(
    name: Annotated[str, typer.Argument(help="A name for the app, e.g. 'Review tool'.")],
    as_json: AsJson = False,
) -> None:
    """Create a customer and print its API key, shown this once only."""
    hub = _hub()
    with _errors():
        customer, key = hub.store.customers.add(name)
    if as_json:
        _echo_json({"id": customer.id, "name": customer.name, "api_key": key})
        return
    console = _out()
    console.print(f"Customer [bold]{customer.id}[/] ({escape(customer.name)}) created. Its API key:")
    console.print(f"  {key}", markup=False, soft_wrap=True)
    console.print(
        "[yellow]Store it now: it is shown only this once (the hub keeps a hash, not the key).[/]\n"
        f"Send it as 'Authorization: Bearer <key>'; link accounts for it with "
        f"`hrishub link CONNECTOR --customer {customer.id}`."
    )


@customers_app.command("rotate-key")
def rotate_customer_key(
    customer: Annotated[str, typer.Argument(help="The customer id (cus_...).")],
    as_json: AsJson = False,
) -> None:
    """Revoke a customer's API key and print its new one (shown this once only)."""
    hub = _hub()
    with _errors():
        key = hub.store.customers.rotate_key(customer)
    if as_json:
        _echo_json({"id": customer, "api_key": key})
        return
    console = _out()
    console.print(f"The old key of {customer} no longer works. Its new API key:", markup=False)
    console.print(f"  {key}", markup=False, soft_wrap=True)
    console.print("[yellow]Store it now: it is shown only this once.[/]")


# -- linking -----------------------------------------------------------------------------------------


def _read_json_file(path: Path) -> dict[str, Any]:
    where = "stdin" if str(path) == "-" else str(path)
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text()
        data = json.loads(text)
    except OSError as exc:
        raise InputError(
            f"Cannot read {where}: {exc.strerror}.", remedy="Give the path of a readable JSON file."
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{where} is not JSON ({exc.msg} at line {exc.lineno}).",
            remedy='Write one JSON object: {"field": "value", ...}.',
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"{where} holds JSON but not an object.", remedy='Write {"field": "value", ...}.')
    return data


def _pairs(items: list[str] | None, flag: str) -> list[tuple[str, str]]:
    pairs = []
    for number, item in enumerate(items or [], start=1):
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            # Not echoed: a mistyped --set may hold a secret.
            raise InputError(
                f"{flag} number {number} is not NAME=VALUE.", remedy=f"Write each as {flag} name=value."
            )
        pairs.append((name.strip(), value))
    return pairs


def _ask(console: Console, name: str, prop: Mapping[str, Any], required: bool) -> str | None:
    """Prompt for one field with its title and help text; hidden input for secrets."""
    title = prop.get("title", name)
    secret = bool(prop.get("writeOnly"))
    console.print(f"\n[bold]{escape(title)}[/] ({name}{'' if required else ', optional'})")
    examples = [e for e in prop.get("examples", []) if isinstance(e, str)]
    help_lines = [
        prop.get("description", ""),
        f"e.g. {', '.join(examples)}" if examples and not secret else "",
    ]
    for line in filter(None, help_lines):
        console.print(Padding(Text(line, style="dim"), (0, 0, 0, 2)))
    default = prop.get("default")
    try:
        value = typer.prompt(
            f"  {title}",
            default="" if default is None else str(default),
            show_default=default is not None,
            hide_input=secret,
            err=True,
        )
    except (click.exceptions.Abort, typer.Abort):
        raise InputError(
            f"No value for {title} ({name}): the input ended or was interrupted.",
            remedy=f"Type it at the prompt, or pass --set {name}=VALUE or --json-file FILE.",
        ) from None
    if value == "" and not required:
        return None
    return value


def collect_credentials(
    connector: Connector, json_file: Path | None, sets: list[str] | None, console: Console
) -> dict[str, Any]:
    """The linking values: from a JSON file and ``--set`` flags, then prompts.

    With neither a file nor a flag, every field of the connector's form is asked, each with its
    title and help text (hidden input for secrets). Otherwise only the missing required fields are.
    The form goes to ``console`` (stderr in the commands, so stdout holds only the result).
    """
    schema = connector.credentials_schema
    properties: Mapping[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    values: dict[str, Any] = _read_json_file(json_file) if json_file is not None else {}
    values.update(_pairs(sets, "--set"))
    whole_form = not values
    asking = [n for n in properties if n not in values and (whole_form or n in required)]
    if asking:
        intro = f"Linking a {connector.title} account."
        if connector.docs:
            intro += f" {connector.docs}"
        console.print(escape(intro))
    for name in asking:
        value = _ask(console, name, properties[name], name in required)
        if value is not None:
            values[name] = value
    if asking:
        console.print()
    return values


def _options_from_flags(
    filters: list[str] | None,
    *,
    base: Mapping[str, Any] | None = None,
    clear_filters: bool = False,
    sync_every: float | None = None,
    include_sensitive: bool | None = None,
    time_zone: str | None = None,
) -> dict[str, Any]:
    options = dict(base or {})
    chosen: dict[str, list[str]] = (
        {} if clear_filters else {k: list(v) for k, v in options.get("filters", {}).items()}
    )
    given: dict[str, list[str]] = {}
    for key, value in _pairs(filters, "--filter"):
        given.setdefault(key, []).extend(v.strip() for v in value.split(",") if v.strip())
    chosen.update(given)
    options["filters"] = chosen
    if sync_every is not None:
        options["sync_every_hours"] = sync_every
    if include_sensitive is not None:
        options["include_sensitive"] = include_sensitive
    if time_zone is not None:
        options["time_zone"] = time_zone
    return options


def _check_customer(hub: Hub, customer: str | None) -> None:
    if customer is not None and customer not in {c.id for c in hub.store.customers.all()}:
        raise NotFound(
            f"No customer {customer!r}.",
            remedy="List customers with `hrishub customers`; create one with `hrishub customers add NAME`.",
        )


def show_permissions(
    console: Console,
    report: PermissionReport,
    *,
    title: str = "Permissions",
    grant: str | None = None,
) -> None:
    """The permissions report: per action enabled or the exact permissions missing; notes below; totals.

    ``grant`` is the connector's sentence on where an admin grants a permission, shown when any is
    missing. Long notes (why an action is not supported, what an optional permission adds) go below the
    table, so the table stays readable at 80 columns.
    """
    table = Table(title=escape(title), title_justify="left")
    table.add_column("action", no_wrap=True)
    table.add_column("enabled")
    table.add_column("permissions missing")
    notes: list[str] = []
    rows = [(name, status, False) for name, status in report.actions.items()]
    rows += [(name, status, True) for name, status in report.features.items()]
    for name, status, feature in rows:
        missing = "-"
        if status.enabled:
            state = "[green]yes[/]"
        elif status.missing:
            state = "[red]no[/]"
            missing = ", ".join(f'"{escape(p)}"' for p in status.missing)
        else:
            state = "[dim]n/a[/]"
            notes.append(
                f"[dim]{escape(name)}: not supported: {escape(status.reason or 'no reason given')}[/]"
            )
        for permission, adds in status.optional_missing.items():
            notes.append(f'[dim]{escape(name)}: optional "{escape(permission)}" adds {escape(adds)}[/]')
        label = f"[italic]{escape(name)}[/] (feature)" if feature else escape(name)
        table.add_row(label, state, missing)
    console.print(table)
    for note in notes:
        console.print(f"  {note}")
    console.print(f"[bold]Granted:[/] {escape(', '.join(report.granted)) or 'none'}")
    if report.missing:
        console.print(f"[bold]Not granted:[/] [yellow]{escape(', '.join(report.missing))}[/]")
        if grant is None:
            from hub.connector import DEFAULT_GRANT

            grant = DEFAULT_GRANT
        console.print(escape(grant))
    else:
        console.print("[bold]Not granted:[/] none")


def _link_result(console: Console, hub: Hub, account: Any, verb: str) -> None:
    connector = hub.connector(account.connector)
    owner = f" for customer {account.customer_id}" if account.customer_id else ""
    console.print(f"[green]{verb}[/] {escape(connector.title)} account [bold]{account.id}[/]{owner}.")
    show_permissions(
        console, account.permissions, title=f"Permissions of {account.id}", grant=connector.grant_permissions
    )
    console.print(f"Next: hrishub sync {account.id}", markup=False)


@app.command(rich_help_panel=ACCOUNTS)
def link(
    connector: Annotated[str, typer.Argument(help="Connector name, e.g. ukg_pro.")],
    customer: Annotated[
        str | None,
        typer.Option(
            "--customer",
            help="The customer (cus_...) the account belongs to (default: the local owner cus_local).",
        ),
    ] = None,
    json_file: JsonFile = None,
    sets: SetValues = None,
    filters: Filters = None,
    as_json: AsJson = False,
) -> None:
    """Link a provider account: asks each value with where to find it, checks it, stores it encrypted.

    Prints the account id and, per action, whether it is enabled or which permissions to tick.
    Without --customer the account belongs to the local owner (cus_local), whose API key
    `hrishub customers rotate-key cus_local` prints.
    """
    hub = _hub()
    console = _out()
    with _errors():
        declared = hub.connector(connector)
        _check_customer(hub, customer)
        options = _options_from_flags(filters)
        values = collect_credentials(declared, json_file, sets, _err())
        owner = customer or hub.store.customers.local().id
        with cli_audited(
            hub, "link", None, owner, connector=connector, options=sorted(options or {})
        ) as audit:
            account = hub.link(connector, values, options=options, customer_id=owner)
            audit.account_id = account.id
    if as_json:
        _echo_json(
            {
                "id": account.id,
                "connector": account.connector,
                "customer_id": account.customer_id,
                "permissions": account.permissions.to_dict(),
            }
        )
        return
    _link_result(console, hub, account, "Linked")
    if customer is None:
        console.print(
            f"It belongs to the local owner {owner} (no --customer given): "
            f"`hrishub customers rotate-key {owner}` prints an API key that reaches it over HTTP.",
            markup=False,
        )


@app.command(rich_help_panel=ACCOUNTS)
def relink(
    account: Annotated[str, typer.Argument(help="Account id (acct_...).")],
    json_file: JsonFile = None,
    sets: SetValues = None,
) -> None:
    """Replace an account's credentials (a rotated password); synced data and options stay."""
    hub = _hub()
    console = _out()
    with _errors():
        row = _account_row(hub, account)
        values = collect_credentials(hub.connector(row.connector), json_file, sets, _err())
        with cli_audited(hub, "credentials", account, row.customer_id, fields=sorted(values)):
            fresh = hub.update_credentials(account, values)
    _link_result(console, hub, fresh, "Updated")


# -- reading accounts --------------------------------------------------------------------------------


def _enabled(report: PermissionReport) -> str:
    usable = [s for s in report.actions.values() if s.enabled or s.missing]
    return f"{sum(s.enabled for s in usable)}/{len(usable)}"


accounts_app = typer.Typer(
    help="Linked accounts: list them; pause, resume or delete one; read its audit log.",
    invoke_without_command=True,
    add_completion=False,
)
app.add_typer(accounts_app, name="accounts", rich_help_panel=ACCOUNTS)


@accounts_app.callback()
def accounts(
    ctx: typer.Context,
    customer: Annotated[str | None, typer.Option("--customer", help="Only this customer's accounts.")] = None,
    as_json: AsJson = False,
) -> None:
    """List linked accounts (connector, customer, status, enabled actions, last and next sync).

    `hrishub accounts pause|resume|delete ACCOUNT` pauses, resumes or deletes one; `audit` reads its log.
    """
    if ctx.invoked_subcommand is not None:
        return
    hub = _hub()
    with _errors():
        rows = hub.accounts(customer_id=customer)
        last = {row.id: next(iter(hub.syncs(row.id, limit=1)), None) for row in rows}
    if as_json:
        _echo_json(
            [
                {
                    "id": row.id,
                    "connector": row.connector,
                    "customer_id": row.customer_id,
                    "status": row.status,
                    "permissions": row.permissions.to_dict(),
                    "options": row.options.to_dict(),
                    "created_at": row.created_at,
                    "next_sync_at": row.next_sync_at,
                    "last_sync": last[row.id] and {k: v for k, v in last[row.id].items() if k != "report"},
                }
                for row in rows
            ]
        )
        return
    console = _out()
    if not rows:
        console.print("No linked account yet. Link one with: hrishub link ukg_pro", markup=False)
        return
    table = Table(
        id_column("id", [r.id for r in rows]),
        "connector",
        id_column("customer", [r.customer_id for r in rows]),
        "status",
        "actions enabled",
        "last sync",
        "next sync",
    )
    for row in rows:
        run = last[row.id]
        status = row.status if row.status == "linked" else f"[yellow]{escape(row.status)}[/]"
        if row.lease_owner:
            status += " (syncing)"
        table.add_row(
            row.id,
            row.connector,
            row.customer_id or "-",
            status,
            _enabled(row.permissions),
            f"{run['status']} {_when(run['started_at'])}" if run else "never",
            _when(row.next_sync_at),
        )
    console.print(table)


AccountId = Annotated[str, typer.Argument(help="Account id (acct_...).")]


@accounts_app.command("delete")
def delete_account(
    account: AccountId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking first.")] = False,
) -> None:
    """Delete an account and everything stored for it: credentials, synced records, raw data, events.

    Asks first (unless --yes); refused while a sync of the account runs. Announces account.deleted.
    """
    hub = _hub()
    with _errors():
        row = _account_row(hub, account)
        if not yes:
            owner = f" of customer {row.customer_id}" if row.customer_id else ""
            _err().print(
                f"Delete {escape(row.connector)} account [bold]{escape(account)}[/]{escape(owner)} with its "
                "credentials, synced records, raw data, sync runs and events? This cannot be undone."
            )
            if not typer.confirm("Delete it?", default=False, err=True):
                _err().print("Nothing was deleted.")
                raise typer.Exit(code=1)
        with cli_audited(hub, "delete", account, row.customer_id):
            hub.delete_account(account)
    _out().print(f"[green]Deleted[/] account [bold]{escape(account)}[/] and everything stored for it.")


@accounts_app.command("pause")
def pause_account(account: AccountId) -> None:
    """Pause an account: no sync runs (worker or `hrishub sync`) until resumed; reads keep working."""
    hub = _hub()
    with _errors():
        row = _account_row(hub, account)
        with cli_audited(hub, "pause", account, row.customer_id):
            hub.pause(account)
    _out().print(
        f"Account [bold]{escape(account)}[/] is paused: it is not synced until "
        f"`hrishub accounts resume {escape(account)}`."
    )


@accounts_app.command("resume")
def resume_account(account: AccountId) -> None:
    """Resume a paused account: the worker syncs it again (at once if a sync fell due meanwhile)."""
    hub = _hub()
    with _errors():
        owner = _account_row(hub, account).customer_id
        with cli_audited(hub, "resume", account, owner):
            row = hub.resume(account)
    _out().print(f"Account [bold]{escape(account)}[/] is resumed, status {escape(row.status)}.")


@app.command(rich_help_panel=ACCOUNTS)
def check(
    account: Annotated[str, typer.Argument(help="Account id (acct_...).")],
    stored: Annotated[
        bool, typer.Option("--stored", help="Show the stored report without asking the provider again.")
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Ask the provider again which permissions the account holds; per action, enabled or what is missing."""
    hub = _hub()
    with _errors():
        if stored:
            row = _account_row(hub, account)
            connector_name, status, report = row.connector, row.status, row.permissions
        else:
            row = _account_row(hub, account)
            report = hub.recheck(account)
            connector_name, status = row.connector, "linked"
    if as_json:
        _echo_json(
            {"id": account, "connector": connector_name, "status": status, "permissions": report.to_dict()}
        )
        return
    console = _out()
    source = "as stored" if stored else "checked with the provider just now"
    console.print(
        f"Account [bold]{escape(account)}[/] ({connector_name}), status {escape(status)}, {source}."
    )
    loaded = hub.connectors.get(connector_name)
    grant = loaded.grant_permissions if loaded is not None else None
    show_permissions(console, report, title=f"Permissions of {account}", grant=grant)


@app.command(rich_help_panel=ACCOUNTS)
def options(
    account: Annotated[str, typer.Argument(help="Account id (acct_...).")],
    filters: Filters = None,
    clear_filters: Annotated[
        bool, typer.Option("--clear-filters", help="Drop every employee filter (before any --filter).")
    ] = False,
    sync_every: Annotated[
        float | None, typer.Option("--sync-every", help="Hours between the worker's syncs (0.5 to 720).")
    ] = None,
    include_sensitive: Annotated[
        bool | None,
        typer.Option(
            "--include-sensitive/--no-include-sensitive",
            help="Whether the account may read national id, date of birth and ethnicity.",
            show_default=False,
        ),
    ] = None,
    time_zone: Annotated[str | None, typer.Option("--time-zone", help="The provider's time zone.")] = None,
    as_json: AsJson = False,
) -> None:
    """Show an account's options, or change them (employee filters, schedule, sensitive fields).

    Changes apply from the next sync.
    """
    hub = _hub()
    with _errors():
        row = _account_row(hub, account)
        current = row.options.to_dict()
        wanted = _options_from_flags(
            filters,
            base=current,
            clear_filters=clear_filters,
            sync_every=sync_every,
            include_sensitive=include_sensitive,
            time_zone=time_zone,
        )
        changed = wanted != current
        if changed:
            names = sorted(k for k in {*current, *wanted} if current.get(k) != wanted.get(k))
            with cli_audited(hub, "options", account, row.customer_id, named=names) as audit:
                after = hub.set_options(account, wanted).to_dict()
                audit.details["changed"] = sorted(
                    k for k in {*current, *after} if current.get(k) != after.get(k)
                )
            current = after
    if as_json:
        _echo_json(current)
        return
    console = _out()
    table = Table("option", "value", title=f"Options of {account}", title_justify="left")
    filters_shown = "; ".join(f"{k} = {', '.join(v)}" for k, v in current["filters"].items())
    table.add_row("employee filters", escape(filters_shown) or "none (every employee)")
    table.add_row("sync every", f"{current['sync_every_hours']:g} h")
    table.add_row("sensitive fields", "included" if current["include_sensitive"] else "left out")
    table.add_row("time zone", escape(current["time_zone"]))
    overrides = ", ".join(f"{m}.{f}" for m, fields in current["overrides"].items() for f in fields)
    table.add_row("field overrides", escape(overrides) or "none")
    console.print(table)
    if changed:
        console.print("[green]Saved.[/] The next sync applies them.")
