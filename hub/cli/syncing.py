"""``hrishub sync ACCOUNT`` (with a progress bar per model) and ``hrishub worker``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from hub.cli.app import DATA, RUN, _account_row, _echo_json, _errors, _fail, _hub, _out, app

if TYPE_CHECKING:
    from hub.errors import StorageError
    from hub.hub import Hub
    from hub.queue.queue import JobQueue
    from hub.sync import ModelReport, SyncReport

__all__ = [
    "describe_reads",
    "fill_bar",
    "run_with_progress",
    "show_fill",
    "show_report",
    "storage_error_of_run",
    "sync",
    "worker",
]

MODES = {"full": "full", "feed": "incremental", "skipped": "skipped"}
"""How each model's read is named on screen: ``feed`` is the provider's change feed."""

REDRAW_SECONDS = 0.1
"""The shortest time between two redraws of the progress bars."""

MAX_RECORD_ERRORS = 3
"""Record errors listed per model under the summary (the count covers them all)."""


def _mode(report: ModelReport) -> str:
    if report.error:
        return "[red]failed[/]"
    return MODES.get(report.mode, report.mode)


def run_with_progress(hub: Hub, account: str, console: Console, *, full: bool, force: bool) -> SyncReport:
    """Sync ``account`` showing one line per model: spinner, mode, the count read so far.

    A full read of a model synced before gets a bar, a percentage and an estimate of the time left: its
    total is taken to be the last full read's count (a first read, or a change feed, has none).

    The bars are redrawn as the sync reports progress (at most every :data:`REDRAW_SECONDS`), not by a
    thread of rich's: a process with one thread may fork read-ahead helpers (:mod:`hub.sync.read_ahead`).
    """
    import time

    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Mark(SpinnerColumn):
        """The spinner while a model syncs, then ✓ or, for a model that failed, a red ✗."""

        def render(self, task: Any) -> Any:
            if task.finished and task.fields.get("failed"):
                return Text("✗", style="red")
            return super().render(task)

    class Total(TextColumn):
        """``of ~N`` when the total is an estimate from the last full read, nothing otherwise."""

        def render(self, task: Any) -> Any:
            return Text(f"of ~{int(task.total):<7}" if task.total and not task.finished else " " * 10)

    class Remaining(TimeRemainingColumn):
        """The estimate, only while a total is known."""

        def render(self, task: Any) -> Any:
            return super().render(task) if task.total and not task.finished else Text("")

    bars = Progress(
        Mark(finished_text="[green]✓[/]"),
        TextColumn("{task.description:<15}"),
        TextColumn("{task.fields[mode]:<11}"),
        TextColumn("{task.completed:>7} read"),
        Total(""),
        BarColumn(bar_width=20),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        Remaining(),
        console=console,
        auto_refresh=False,
    )
    drawn = [0.0]

    def redraw(now: bool = False) -> None:
        moment = time.monotonic()
        if now or moment - drawn[0] >= REDRAW_SECONDS:
            drawn[0] = moment
            bars.refresh()

    tasks: dict[str, Any] = {}
    totals: dict[str, int | None] = {}

    def progress(model: str, stage: str, info: Mapping[str, Any]) -> None:
        if model not in tasks:
            tasks[model] = bars.add_task(
                model, total=None, mode=MODES.get(info.get("mode", ""), ""), failed=False
            )
        task = tasks[model]
        if stage == "start":
            expected = info.get("expected")
            totals[model] = int(expected) if expected else None
            bars.update(task, mode=MODES.get(info.get("mode", ""), info.get("mode", "")), total=totals[model])
        elif stage == "advance":
            read = int(info.get("read", 0))
            total = totals.get(model)
            if total is not None and read >= total:
                # More than the last read: the estimate grows with it, so the bar never passes 100 %.
                totals[model] = total = read + 1
            bars.update(task, completed=read, total=total)
        elif stage == "done":
            report: ModelReport = info["report"]
            mode = "failed" if report.error else MODES.get(report.mode, report.mode)
            bars.update(task, total=report.read, completed=report.read, mode=mode, failed=bool(report.error))
        redraw(now=stage != "advance")

    with bars:
        return hub.sync(account, full=full, force=force, progress=progress)


def _note(report: ModelReport) -> str:
    notes = []
    if report.error:
        notes.append(f"[red]{escape(report.error)}[/]")
    notes += [f"[yellow]{escape(w)}[/]" for w in report.warnings]
    if report.failed:
        notes.append(f"[yellow]{report.failed} record(s) could not be mapped[/]")
    if report.problems:
        fields = ", ".join(f"{name} {count}" for name, count in sorted(report.problem_fields.items()))
        notes.append(
            f"[yellow]{report.problems} value(s) could not be used, their fields left empty: {fields}[/]"
        )
    if not report.error and report.reason and report.mode != "skipped":  # skipped: "not read" below
        notes.append(f"[dim]{escape(report.reason)}[/]")
    if report.unmapped_codes:
        codes = "; ".join(
            f"{name} " + ", ".join(f"{code} ({count})" for code, count in counted.items())
            for name, counted in sorted(report.unmapped_codes.items())
        )
        notes.append(f"[dim]codes the map has no unified value for (left empty): {escape(codes)}[/]")
    return "\n".join(notes)


FILL_COLUMNS = 3
"""Fields side by side in the fill-rate view (each a name, a bar and a percentage)."""


def fill_bar(rate: float, width: int = 10) -> str:
    """A small bar for a fill rate from 0 to 1 (``███████░░░``), coloured by how full it is."""
    rate = min(max(rate, 0.0), 1.0)
    filled = round(rate * width)
    if rate > 0 and filled == 0:
        filled = 1  # a field with any value shows a sliver, never an empty bar
    colour = "green" if rate >= 0.9 else "yellow" if rate >= 0.5 else "red"
    return f"[{colour}]{'█' * filled}[/][dim]{'░' * (width - filled)}[/]"


def show_fill(console: Console, report: SyncReport) -> None:
    """Per model read in full, the share of its records that have each unified field, as bars."""
    for model in report.models.values():
        if model.mode != "full" or not model.read or not model.fill or model.error:
            continue
        grid = Table.grid(padding=(0, 1))
        for _ in range(FILL_COLUMNS):
            grid.add_column()
            grid.add_column()
            grid.add_column(justify="right")
        cells: list[str] = []
        for name, count in model.fill.items():
            rate = count / model.read
            cells += [escape(name), fill_bar(rate), f"{rate:.0%}"]
        for start in range(0, len(cells), 3 * FILL_COLUMNS):
            row = cells[start : start + 3 * FILL_COLUMNS]
            grid.add_row(*row, *[""] * (3 * FILL_COLUMNS - len(row)))
        console.print(f"[bold]{model.model}[/] fields filled, of {model.read} records:")
        console.print(grid)


def describe_reads(report: SyncReport) -> str:
    """What the run did, per model: read in full, from the change feed, by date window, not read, failed."""
    groups: dict[str, list[str]] = {}
    for model in report.models.values():
        what = "failed" if model.error else model.mode
        groups.setdefault(what, []).append(model.model)
    parts = [
        f"{label}: {', '.join(groups[what])}"
        for what, label in (
            ("full", "read in full"),
            ("feed", "from the change feed"),
            ("window", "by date window"),
            ("skipped", "not read"),
            ("failed", "failed"),
        )
        if groups.get(what)
    ]
    return "; ".join(parts) or "nothing to read"


def show_report(console: Console, report: SyncReport, *, fill: bool = True) -> None:
    """The summary of a sync: one row per model, fill rates as bars, record errors, then the run's status."""
    from rich import box

    # No vertical rules: the eight columns fit 80 columns without cutting a mode or a count.
    table = Table(
        title=f"Sync {report.run_id} of {report.account_id}", title_justify="left", box=box.SIMPLE_HEAD
    )
    table.add_column("model", no_wrap=True)
    table.add_column("mode", no_wrap=True)
    for column in ("read", "created", "updated", "deleted", "excluded", "failed"):
        table.add_column(column, justify="right")
    for model in report.models.values():
        table.add_row(
            model.model,
            _mode(model),
            *(
                str(getattr(model, name))
                for name in ("read", "created", "updated", "deleted", "excluded", "failed")
            ),
        )
    console.print(table)
    # Notes below the table, one per line: a column of them wraps one word per line at 80 columns.
    for model in report.models.values():
        for line in _note(model).splitlines():
            console.print(f"  [bold]{model.model}[/]: {line}")
    if fill:
        show_fill(console, report)
    for model in report.models.values():
        for error in model.errors[:MAX_RECORD_ERRORS]:
            where = f" {error.key}" if error.key else ""
            field = f" {error.field}:" if error.field else ""
            console.print(f"  [yellow]{model.model}{escape(where)}[/]{escape(field)} {escape(error.reason)}")
        if model.failed > MAX_RECORD_ERRORS:
            console.print(f"  [dim]... and {model.failed - MAX_RECORD_ERRORS} more {model.model} errors[/]")
        for problem in model.value_problems[:MAX_RECORD_ERRORS]:
            where = f" {problem.key}" if problem.key else ""
            field, reason, value = escape(problem.field), escape(problem.reason), escape(problem.value)
            console.print(
                f"  [yellow]{model.model}{escape(where)}[/] {field}: {reason} "
                f"[dim](value {value}; the field was left empty)[/]"
            )
        if model.problems > MAX_RECORD_ERRORS:
            console.print(f"  [dim]... and {model.problems - MAX_RECORD_ERRORS} more {model.model} values[/]")
    colour = {"succeeded": "green", "partial": "yellow", "failed": "red"}.get(report.status, "white")
    duration = f"{report.duration_seconds:.2f} s" if report.duration_seconds is not None else "-"
    console.print(
        f"[bold {colour}]{report.status}[/]: {escape(describe_reads(report))}. "
        f"{report.requests} requests in {duration}; {report.events} change events."
    )
    # Say per model what did not happen, so a summary never hides a model that was not read.
    for model in report.models.values():
        if model.mode == "skipped" and not model.error and model.reason:
            console.print(f"  [dim]{model.model} not read: {escape(model.reason)}[/]")
    if report.status == "partial":
        console.print(
            "[yellow]Some models were not synced; their previous data stays as it was. "
            "The notes above say why and what to do.[/]"
        )
    elif report.status == "failed":
        console.print("[red]Nothing was applied; the data stays as it was.[/]")
        for error in report.errors:
            console.print(
                f"  [red]{escape(str(error.get('model', '')))}:[/] {escape(str(error.get('message')))}"
            )
            console.print(f"    [bold]Fix:[/] {escape(str(error.get('remedy')))}")


@app.command(rich_help_panel=DATA)
def sync(
    account: Annotated[str, typer.Argument(help="Account id (acct_...).")],
    full: Annotated[
        bool, typer.Option("--full", help="Read everything and diff, even with a change feed.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Read the change feed now, even sooner than the provider asks.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the sync report as JSON.")] = False,
    fill: Annotated[
        bool, typer.Option("--fill/--no-fill", help="Show how full each field is, as bars (full reads).")
    ] = True,
) -> None:
    """Sync one account into the store: full the first time, incremental after that.

    Exits 1 when the sync failed (nothing applied), 2 when the store stopped it (the disk is full, the
    store is missing: one error and its fix, after the report of what was applied), 0 otherwise.
    """
    hub = _hub()
    with _errors():
        _account_row(hub, account)
        if as_json:
            report = hub.sync(account, full=full, force=force)
        else:
            console = _out()
            report = run_with_progress(hub, account, console, full=full, force=force)
    stopped = storage_error_of_run(report)
    if as_json:
        _echo_json(report.to_dict())
    else:
        if stopped is not None:  # said once, as the error below the report, not again as a model's note
            for model in report.models.values():
                if model.error.startswith(stopped.message):
                    model.error = "stopped here: the store failed (the error below)"
        show_report(console, report, fill=fill)
    if stopped is not None:
        raise _fail(stopped)
    if report.status == "failed":
        raise typer.Exit(code=1)


def storage_error_of_run(report: SyncReport) -> StorageError | None:
    """The store failure (disk full, store missing) that stopped the run, if one did."""
    from hub.errors import StorageError, StoreFull, StoreMissing

    kinds = {kind.type for kind in (StorageError, StoreFull, StoreMissing)}
    for error in report.errors:
        if error.get("type") in kinds:
            return StorageError(str(error.get("message", "")), remedy=str(error.get("remedy", "")))
    return None


def _line(report: SyncReport) -> str:
    models = report.models.values()
    counts = {
        name: sum(getattr(m, name) for m in models) for name in ("read", "created", "updated", "deleted")
    }
    duration = f"{report.duration_seconds:.2f}s" if report.duration_seconds is not None else "-"
    return (
        f"{report.account_id}  {report.status:<9}  {report.kind:<11}  read {counts['read']}, "
        f"created {counts['created']}, updated {counts['updated']}, deleted {counts['deleted']}  "
        f"{report.requests} requests  {duration}"
    )


@app.command(rich_help_panel=RUN)
def worker(
    once: Annotated[bool, typer.Option("--once", help="Sync the accounts due now, then stop.")] = False,
    poll: Annotated[
        float, typer.Option("--poll", min=1.0, help="Seconds between looks for due accounts (SQLite).")
    ] = 30.0,
    webhooks: Annotated[
        bool, typer.Option("--webhooks/--no-webhooks", help="Deliver webhooks from this worker too (SQLite).")
    ] = True,
    concurrency: Annotated[
        int,
        typer.Option("--concurrency", min=1, max=64, help="Jobs run at once by this process (PostgreSQL)."),
    ] = 4,
    log_level: Annotated[
        str | None,
        typer.Option(
            "--log-level",
            help="Log level: debug, info, warning, error (default: HRISHUB_LOG_LEVEL, else info). Logs are "
            "JSON lines on stderr unless it is a terminal.",
        ),
    ] = None,
    metrics_port: Annotated[
        int | None,
        typer.Option(
            "--metrics-port",
            min=0,
            max=65535,
            help="Serve this worker's Prometheus metrics at /metrics on this port (HRISHUB_METRICS_TOKEN "
            "guards it as it guards the API's).",
        ),
    ] = None,
    metrics_host: Annotated[
        str, typer.Option("--metrics-host", help="Address the metrics server listens on.")
    ] = "127.0.0.1",
) -> None:
    """Run each account's sync when it is due (its schedule is `hrishub options --sync-every`).

    On PostgreSQL, syncs (scheduled or started through the API) and webhook deliveries are jobs of the
    store's task queue: start as many workers as you like, on as many machines; each account is synced by
    one at a time, and the jobs of a worker that dies are taken over by the others
    (HRISHUB_QUEUE=off keeps the in-process loop). On SQLite, one worker polls for due accounts and
    delivers webhooks to the registered endpoints (`hrishub webhooks`), unless --no-webhooks.
    """
    import contextlib

    from hub.observability.logs import configure_logging
    from hub.observability.server import metrics_token_from_env, serve_metrics
    from hub.observability.tracing import configure_tracing

    with _errors():
        configure_logging(log_level)
        configure_tracing()
    console = _out()
    with contextlib.ExitStack() as stack:
        if metrics_port is not None:
            try:
                url = stack.enter_context(
                    serve_metrics(metrics_host, metrics_port, token=metrics_token_from_env())
                )
            except OSError as exc:
                from hub.errors import InvalidSetting

                raise _fail(
                    InvalidSetting(
                        "--metrics-port",
                        f"{metrics_host}:{metrics_port} cannot be served: {exc.strerror or exc}.",
                        remedy="Pick a free port (or another --metrics-host).",
                    )
                ) from None
            console.print(f"Metrics on {url}/metrics", markup=False)
        _work(console, once=once, poll=poll, webhooks=webhooks, concurrency=concurrency)


def _work(console: Console, *, once: bool, poll: float, webhooks: bool, concurrency: int) -> None:
    """The worker's loop: the task queue on PostgreSQL, else syncs polled for and webhooks delivered."""
    import asyncio

    from hub.queue import uses_queue
    from hub.worker import run_due, run_worker

    hub = _hub()

    def on_report(report: SyncReport) -> None:
        console.print(_line(report), markup=False, soft_wrap=True)

    with _errors():
        if uses_queue(hub.store.url):
            _queue_worker(hub, console, concurrency=concurrency, once=once)
            return
        if once:
            done = asyncio.run(run_due(hub, on_report=on_report))
            if webhooks:
                asyncio.run(hub.webhook_dispatcher().deliver_due())
            if not done:
                console.print("No account is due.")
            return
        console.print(f"Worker started: looking for due accounts every {poll:g} s. Press Ctrl+C to stop.")
        try:
            asyncio.run(run_worker(hub, poll_seconds=poll, on_report=on_report, deliver_webhooks=webhooks))
        except KeyboardInterrupt:
            console.print("Worker stopped.")


def _queue_worker(hub: Hub, console: Console, *, concurrency: int, once: bool) -> None:
    """Work the task queue until stopped (SIGINT/SIGTERM finish running jobs first), or once through."""
    import asyncio

    from hub.observability.queue_depth import on_loop, register_queue_depth
    from hub.queue.queue import JobQueue

    async def work() -> None:
        async with JobQueue(hub, pool_size=concurrency + 4) as queue:
            stop_depth = register_queue_depth(on_loop(queue.depth, asyncio.get_running_loop()))
            try:
                await _run_queue(queue, console, concurrency=concurrency, once=once)
            finally:
                stop_depth()

    asyncio.run(work())
    if not once:
        console.print("Worker stopped.")


async def _run_queue(queue: JobQueue, console: Console, *, concurrency: int, once: bool) -> None:
    """Work ``queue``: once through the due syncs and deliveries, or until stopped."""
    if once:
        queued = await queue.schedule_due()
        await queue.defer_deliveries()
        await queue.work(concurrency=concurrency, wait=False)
        console.print(f"Queued and ran the syncs of {queued} due account(s).")
        return
    console.print(
        f"Worker started on the task queue: {concurrency} job(s) at a time. Ctrl+C stops it "
        "once its running jobs end."
    )
    await queue.work(concurrency=concurrency)
