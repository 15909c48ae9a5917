"""``hrishub keys``: which keys seal the store's rows, and ``hrishub keys reencrypt`` to retire old ones."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from hub.cli.app import RUN, _echo_json, _errors, _hub, _out, app

__all__ = ["keys", "keys_app", "reencrypt"]

keys_app = typer.Typer(
    help="The secret keys in use: rows per key id, and re-encrypting everything under the current key.",
    invoke_without_command=True,
    add_completion=False,
)
app.add_typer(keys_app, name="keys", rich_help_panel=RUN)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


@keys_app.callback()
def keys(ctx: typer.Context, as_json: AsJson = False) -> None:
    """List the key ids held and how many rows of each kind each one seals (never a key)."""
    if ctx.invoked_subcommand is not None:
        return
    from hub.store.rekey import KINDS, key_usage

    hub = _hub()
    with _errors():
        usage = key_usage(hub.store)
    if as_json:
        _echo_json(usage.to_dict())
        return
    console = _out()
    table = Table("key id", "held", *KINDS)
    seen = list(dict.fromkeys([*usage.held, *(k for counted in usage.rows.values() for k in counted)]))
    for kid in seen:
        held = "current" if kid == usage.current else "yes" if kid in usage.held else "[red]NOT HELD[/]"
        table.add_row(kid, held, *(str(usage.rows[kind].get(kid, 0)) for kind in KINDS))
    console.print(table)
    if usage.unknown_count:
        console.print(
            f"[red]{usage.unknown_count} row(s) are sealed under a key this hub does not hold[/]: add it "
            "back (after the current one) before anything else."
        )
    retired = usage.retired()
    if retired:
        console.print(f"No row uses {', '.join(retired)}: that key can be removed.")
    elif any(kid != usage.current for counted in usage.rows.values() for kid in counted):
        console.print("Rows still use an older key: run `hrishub keys reencrypt` before removing it.")


@keys_app.command()
def reencrypt(as_json: AsJson = False) -> None:
    """Re-encrypt every sealed value under the current (first) key, so older keys can be removed.

    Credentials, webhook secrets, records' sensitive fields and raw members and events' payloads, in
    batches; running it again changes nothing. Refuses, naming the rows, when a row is sealed under a
    key the hub does not hold.
    """
    from hub.store.rekey import reencrypt as run
    from unified_models import SENSITIVE_FIELDS

    hub = _hub()

    def raw_keys(name: str) -> dict[str, frozenset[str]]:
        connector = hub.connectors.get(name)
        return dict(connector.sensitive_raw_keys) if connector is not None else {}

    with _errors():
        done = run(hub.store, raw_keys=raw_keys, sensitive=SENSITIVE_FIELDS)
    if as_json:
        _echo_json({"current": hub.store.box.current, "reencrypted": done})
        return
    console = _out()
    counts = ", ".join(f"{count} {kind}" for kind, count in done.items())
    console.print(f"Re-encrypted under key {hub.store.box.current}: {counts}.")
    console.print(
        "Check with `hrishub keys`; then remove the older key(s) from HRISHUB_SECRET_KEY or secret.key."
    )
