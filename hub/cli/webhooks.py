"""``hrishub webhooks``: register a customer's receivers, rotate their secrets, read and redo deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from hub.cli.app import ACCOUNTS, _echo_json, _errors, _hub, _out, _when, app, id_column

__all__ = ["webhooks_app"]

webhooks_app = typer.Typer(
    help="Receivers of a customer's change events, signed per the Standard Webhooks specification.",
    invoke_without_command=True,
    add_completion=False,
)
app.add_typer(webhooks_app, name="webhooks", rich_help_panel=ACCOUNTS)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
EndpointId = Annotated[str, typer.Argument(help="The endpoint id (whe_...), from `hrishub webhooks`.")]


def _show_secret(endpoint: Any, secret: str, what: str) -> None:
    console = _out()
    console.print(f"{what} Its signing secret:", markup=False)
    console.print(f"  {secret}", markup=False, soft_wrap=True)
    console.print(
        "[yellow]Store it in the receiver now: it is shown only this once.[/] Verify each delivery with "
        "any Standard Webhooks library (headers webhook-id, webhook-timestamp, webhook-signature)."
    )


@webhooks_app.callback()
def webhooks(
    ctx: typer.Context,
    customer: Annotated[str | None, typer.Option("--customer", help="Only this customer's.")] = None,
    as_json: AsJson = False,
) -> None:
    """List webhook endpoints; `hrishub webhooks add URL --customer ID` registers one."""
    if ctx.invoked_subcommand is not None:
        return
    hub = _hub()
    with _errors():
        found = hub.webhook_endpoints.all(customer)
    if as_json:
        _echo_json([e.to_dict() for e in found])
        return
    console = _out()
    if not found:
        console.print("No webhook endpoint yet. Register one with: hrishub webhooks add URL --customer ID")
        return
    table = Table(id_column("id", [e.id for e in found]), "customer", "url", "events", "state")
    for e in found:
        state = "enabled" if e.enabled else f"disabled: {e.disabled_reason}"
        if e.enabled and e.failing_since is not None:
            state = f"failing since {_when(e.failing_since)}"
        events = ", ".join(e.event_types) if e.event_types else "every type"
        table.add_row(e.id, e.customer_id, escape(e.url), events, escape(state))
    console.print(table)


@webhooks_app.command("add")
def add(
    url: Annotated[str, typer.Argument(help="The https URL that receives the events.")],
    customer: Annotated[str, typer.Option("--customer", help="The customer (cus_...) whose events it gets.")],
    event_type: Annotated[
        list[str] | None, typer.Option("--event-type", help="Only this type (repeat it); default every type.")
    ] = None,
    account: Annotated[
        list[str] | None, typer.Option("--account", help="Only this account's events (repeat it).")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Register a receiver and print its signing secret, shown this once only."""
    hub = _hub()
    with _errors():
        endpoint, secret = hub.webhook_endpoints.add(
            customer, url, event_types=event_type or None, account_ids=account or None
        )
    if as_json:
        _echo_json({**endpoint.to_dict(), "secret": secret})
        return
    _show_secret(endpoint, secret, f"Endpoint {endpoint.id} registered for {customer}.")


@webhooks_app.command("rotate-secret")
def rotate_secret(endpoint_id: EndpointId, as_json: AsJson = False) -> None:
    """Make a new signing secret; the previous one keeps signing too for 24 hours."""
    hub = _hub()
    with _errors():
        endpoint, secret = hub.webhook_endpoints.rotate_secret(endpoint_id)
    if as_json:
        _echo_json({**endpoint.to_dict(), "secret": secret})
        return
    until = _when(endpoint.previous_secret_until)
    _show_secret(endpoint, secret, f"New secret for {endpoint_id}; the old one also signs until {until}.")


@webhooks_app.command("enable")
def enable(endpoint_id: EndpointId) -> None:
    """Resume deliveries (after a 410 or days of failures): the queued events follow in order."""
    with _errors():
        _hub().webhook_endpoints.update(endpoint_id, enabled=True)
    _out().print(f"Deliveries to {endpoint_id} resume.", markup=False)


@webhooks_app.command("disable")
def disable(endpoint_id: EndpointId) -> None:
    """Stop deliveries; new events still queue for it until it is enabled again or removed."""
    with _errors():
        _hub().webhook_endpoints.update(endpoint_id, enabled=False)
    _out().print(f"Deliveries to {endpoint_id} stopped.", markup=False)


@webhooks_app.command("remove")
def remove(
    endpoint_id: EndpointId,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove an endpoint with its queue and history."""
    if not yes:
        typer.confirm(f"Remove {endpoint_id} and its delivery history?", abort=True)
    with _errors():
        _hub().webhook_endpoints.remove(endpoint_id)
    _out().print(f"{endpoint_id} removed.", markup=False)


@webhooks_app.command("deliveries")
def deliveries(
    endpoint_id: EndpointId,
    state: Annotated[str | None, typer.Option("--state", help="pending, delivered or failed.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=200)] = 20,
    as_json: AsJson = False,
) -> None:
    """The newest deliveries of an endpoint, each with its attempts (status, latency, answer)."""
    from hub.webhooks.feed import delivery_page

    hub = _hub()
    with _errors():
        hub.webhook_endpoints.get(endpoint_id)
        results, _ = delivery_page(hub.store, endpoint_id, state=state, limit=limit)
    if as_json:
        _echo_json(results)
        return
    console = _out()
    if not results:
        console.print("No delivery yet.")
        return
    table = Table("event", "type", "state", "attempts", "last answer")
    for d in results:
        last = d["attempts"][-1] if d["attempts"] else None
        said = (
            "—"
            if last is None
            else (f"{last['status']} in {last['latency_ms']} ms" if last["status"] else last["error"])
        )
        table.add_row(
            d["event_id"], d["event_type"] or "?", d["state"], str(len(d["attempts"])), escape(said or "")
        )
    console.print(table)


@webhooks_app.command("redeliver")
def redeliver(
    endpoint_id: EndpointId,
    event: Annotated[
        str | None, typer.Option("--event", help="The event id (evt_...) to send again.")
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option("--since", help="Every event from this instant (UTC), e.g. 2026-12-01T00:00"),
    ] = None,
    until: Annotated[datetime | None, typer.Option("--until", help="... up to this instant (UTC).")] = None,
) -> None:
    """Queue one event, or every event of a time range, for delivery again."""
    from datetime import UTC

    from hub.errors import InputError

    hub = _hub()
    with _errors():
        if event is None and since is None:
            raise InputError("Say what to send again.", remedy="Give --event evt_... or --since INSTANT.")
        queued = hub.webhook_dispatcher().redeliver(
            endpoint_id,
            event_id=event,
            since=since.replace(tzinfo=UTC) if since and since.tzinfo is None else since,
            until=until.replace(tzinfo=UTC) if until and until.tzinfo is None else until,
        )
    _out().print(f"{queued} deliveries queued; `hrishub worker` or `hrishub serve` sends them.", markup=False)
