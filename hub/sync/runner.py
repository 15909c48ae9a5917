"""One sync of one account: plan, read (whole or by the change feed), stage, apply, announce.

The first sync of a model reads everything, so no one who existed before linking is missed. Later
syncs read the provider's change feed from the stored cursor (minus an overlap) and re-read only the
changed records; models the feed does not cover, accounts without the feed's permission, and the
periodic reconciliation read everything and diff. See :mod:`hub.sync.apply` for what commits when.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import secrets
import tempfile
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import insert, select, update

from field_maps import FieldProblem
from hub.accounts import LINKED, NEEDS_ATTENTION, PAUSED, Account
from hub.actions import LIST_ACTIONS
from hub.errors import (
    AccountPaused,
    CredentialsRejected,
    HubError,
    MissingPermission,
    ProviderAuthError,
    ProviderBudgetBusy,
    ProviderUnreachable,
    StorageError,
    SyncDeadlineExceeded,
)
from hub.events import SyncEvent
from hub.live import ReadStats, compile_for, read_compiled, screened_problem
from hub.observability import tracing
from hub.observability.logs import bound, get_logger
from hub.observability.metrics import record_sync
from hub.observability.redaction import secret_values, secrets_scrubbed
from hub.rest.limiter import AdaptiveLimiter
from hub.store import tables as t
from hub.store import utcnow
from hub.store.budget import BudgetClaim
from hub.store.events import record_account_event
from hub.sync import offload
from hub.sync.apply import ApplyPlan, apply_model, mark_delivered, pending_events, save_state
from hub.sync.filters import EmployeeFilter
from hub.sync.lease import Lease, next_sync_in
from hub.sync.offload import Packer
from hub.sync.packing import Packed, PackSpec, Refused
from hub.sync.report import JoinReport, ModelReport, RecordError, SyncReport, ValueProblem
from hub.sync.staging import Stager
from unified_models import SENSITIVE_FIELDS

if TYPE_CHECKING:
    from hub.context import HubContext

__all__ = ["MODEL_ORDER", "Progress", "SyncRun", "new_run_id"]

log = logging.getLogger(__name__)
run_log = get_logger("hub.sync")

MODEL_ORDER = (
    "Company",
    "Location",
    "Group",
    "Employee",
    "Employment",
    "TimeOffPolicy",
    "TimeOffBalance",
    "TimeOffRequest",
    "Dependent",
    "EmergencyContact",
    "BankInfo",
    "PayGroup",
    "PayrollRun",
    "EmployeePayrollRun",
    "EmployerBenefit",
    "Benefit",
)
"""Models in sync order: what filters and references need comes first."""

_REFUSED = frozenset({ProviderAuthError.type, CredentialsRejected.type})
"""Error types that leave the account's status as the refusal set it."""

_ACTION_OF = {model: f"{resource}.list" for resource, model in LIST_ACTIONS.items()}

Progress = Callable[[str, str, Mapping[str, Any]], None]
"""``progress(model, stage, info)``: stage ``start`` (info: mode, and ``expected``: the record count of
the last full read, or None), ``advance`` (read), ``done`` (report)."""


def new_run_id() -> str:
    """A fresh sync run id (callers that answer before the run ends may make one up front)."""
    return "run_" + secrets.token_urlsafe(12)


@dataclass
class _Planned:
    model: str
    report: ModelReport
    keys: list[tuple[str, ...]] | None = None


def _fill_warnings(model: str, previous: Mapping[str, float], current: Mapping[str, float]) -> list[str]:
    warnings = []
    for name, before in previous.items():
        now = current.get(name, 0.0)
        if before >= 0.5 and now < 0.5 and now <= before / 2:
            warnings.append(
                f"{name} was filled on {before:.0%} of {model} records at the last full sync "
                f"and on {now:.0%} now: a provider permission may have been removed or the field map broken."
            )
    return warnings


BUDGET_WAIT_SECONDS = 300.0
"""How long a sync waits for a slot of its provider host's request budget before giving up."""

JOIN_WARNING_BELOW = 0.5
"""A joined source that matched fewer than this share of the records it could have matched is reported."""


def _join_reports(compiled: Any, stats: ReadStats) -> dict[str, JoinReport]:
    primary = compiled.sources[0]
    return {
        s.name: JoinReport(
            record=s.record,
            key=list(s.key),
            on=list(s.on or primary.key),
            rows_read=stats.rows.get(s.name, 0),
            joined=stats.join.joined.get(s.name, 0),
            primary=stats.join.primary,
        )
        for s in compiled.sources[1:]
    }


def _join_warnings(joins: Mapping[str, JoinReport]) -> list[str]:
    """A warning per joined source whose rows exist but matched few of the records they could have."""
    warnings = []
    for alias, join in joins.items():
        possible = min(join.rows_read, join.primary)
        if possible and join.joined < possible * JOIN_WARNING_BELOW:
            warnings.append(
                f"{join.record} ({alias}): {join.rows_read} rows read, but only {join.joined} of "
                f"{join.primary} records joined one on [{', '.join(join.key)}] = [{', '.join(join.on)}]: "
                f"the fields read from {join.record} are empty for the rest. The join key of the field map "
                "may not match what the provider sends."
            )
    return warnings


def _empty_field_warnings(compiled: Any, report: ModelReport) -> list[str]:
    """Fields that came out empty on every record although rows of their joined sources were matched.

    These hold on a first sync too, where there is no earlier fill rate to compare with.
    """
    if not report.read:
        return []
    warnings = []
    joined = {alias: join.joined for alias, join in report.joins.items()}
    for name, aliases in compiled.field_aliases.items():
        if report.fill.get(name):
            continue
        matched = [a for a in aliases if joined.get(a)]
        failed = report.problem_fields.get(name, 0)
        if failed:
            warnings.append(
                f"{name} is empty on every {report.model} record: {failed} provider value(s) could not be "
                "used (see value_problems)."
            )
        elif matched:
            records = ", ".join(sorted({report.joins[a].record for a in matched}))
            warnings.append(
                f"{name} is empty on every {report.model} record although {records} rows were joined: "
                "the provider may not send the field the map reads, or it is empty in this tenant."
            )
    return warnings


class SyncRun:
    """Syncs one account once: ``await SyncRun(hub.context, account).run()`` gives its :class:`SyncReport`."""

    def __init__(
        self,
        context: HubContext,
        account: Account,
        *,
        full: bool = False,
        force: bool = False,
        progress: Progress | None = None,
        models: tuple[str, ...] | None = None,
        run_id: str | None = None,
    ) -> None:
        self.context = context
        self.store = context.store
        self.account = account
        self.connector = context.connector(account.connector)
        self.full = full
        self.force = force
        self.progress = progress or (lambda model, stage, info: None)
        self.only = models
        self.lease = Lease(self.store, account.id)
        self.now = utcnow()
        self.report = SyncReport(
            run_id=run_id or new_run_id(),
            account_id=account.id,
            kind="full" if full else "auto",
            started_at=self.now,
        )
        self.filter: EmployeeFilter | None = None
        self.client: Any = None
        self.claim: BudgetClaim | None = None

    # -- planning ---------------------------------------------------------------------------------

    def _plan(self) -> list[_Planned]:
        maps = self.context.field_maps(self.connector.name)
        feed = self.connector.change_feed
        feature = self.account.permissions.features.get(feed.feature) if feed else None
        feed_ok = feed is not None and feature is not None and feature.enabled
        window = self.connector.date_window
        planned = []
        for model in MODEL_ORDER:
            if self.only is not None and model not in self.only:
                continue
            action = _ACTION_OF[model]
            report = ModelReport(model=model, action=action)
            spec = self.connector.actions.get(action)
            status = self.account.permissions.actions.get(action)
            if spec is None or not spec.supported or model not in maps:
                report.mode, report.reason = "skipped", (spec.reason if spec else f"{action} is not offered.")
            elif status is not None and not status.enabled:
                report.mode = "skipped"
                report.reason = f"Missing permissions: {', '.join(status.missing)}."
            else:
                state = self.store.sync_state.get(self.account.id, model)
                last_full = state.get("last_full_at")
                if self.full:
                    report.reason = "full sync asked for"
                elif last_full is None:
                    report.reason = "first sync: everything is read"
                elif state.get("details", {}).get("filters", {}) != dict(self.account.options.filters):
                    report.reason = "the employee filters changed: every record is checked again"
                elif window is not None and model in window.models:
                    if self.now - last_full >= window.reconcile_every:
                        report.reason = "periodic reconciliation: the whole history is read"
                    else:
                        since = (state.get("cursor") or last_full) - window.overlap
                        report.mode = "window"
                        report.reason = (
                            f"records dated since {since:%Y-%m-%d} "
                            f"(the last sync less {window.overlap.days} days)"
                        )
                elif feed is None or model not in feed.models:
                    report.reason = "the provider has no change feed for this model: read and diffed"
                elif not feed_ok:
                    missing = ", ".join(feature.missing) if feature else feed.feature
                    report.reason = f"the change feed needs {missing}: read and diffed"
                elif self.now - last_full >= feed.reconcile_every:
                    report.reason = "periodic reconciliation: everything is read"
                else:
                    report.mode, report.reason = "feed", "changes from the provider's change feed"
            self.report.models[model] = report
            planned.append(_Planned(model, report))
        return planned

    async def _read_feed(self, planned: list[_Planned]) -> None:
        feed = self.connector.change_feed
        waiting = [p for p in planned if p.report.mode == "feed"]
        if not waiting or feed is None:
            return
        feed_state = self.store.sync_state.get(self.account.id, f"feed:{feed.record}")
        last = feed_state.get("last_run_at")
        if last is not None and self.now - last < feed.min_interval and not self.force:
            after = last + feed.min_interval
            for p in waiting:
                p.report.mode = "skipped"
                p.report.reason = (
                    f"{self.connector.title} asks for at least {feed.min_interval} between "
                    "change-feed reads; "
                    f"the last was at {last:%Y-%m-%d %H:%M} UTC, the next is allowed at {after:%H:%M} UTC "
                    "(force to read now)."
                )
            return
        cursors = [self.store.sync_state.get(self.account.id, p.model).get("cursor") for p in waiting]
        since = min(c for c in cursors if c is not None) - feed.overlap
        keys: dict[tuple[str, ...], None] = {}
        try:
            async for page in self.client.records(feed.record, since=since, until=self.now):
                for row in page:
                    parts = tuple("" if row.get(k) is None else str(row.get(k)).strip() for k in feed.key)
                    if all(parts):
                        keys[parts] = None
        except MissingPermission as exc:
            for p in waiting:
                p.report.mode = "full"
                p.report.reason = (
                    f"the change feed is not readable ({', '.join(exc.permissions)}): read and diffed"
                )
            return
        with self.store.begin() as db:
            save_state(db, self.account.id, f"feed:{feed.record}", now=self.now, details={"since": since})
        stored = max(
            (self.store.sync_state.get(self.account.id, p.model).get("details") or {}).get("count") or 0
            for p in waiting
        )
        share = feed.full_read_share
        if share is not None and len(keys) >= feed.full_read_min and len(keys) > share * stored:
            for p in waiting:
                p.report.mode = "full"
                p.report.reason = (
                    f"the change feed names {len(keys):,} changed records, over {share:.0%} of the "
                    f"{stored:,} read last time: read in full and diffed, fewer requests than by id"
                )
            return
        for p in waiting:
            p.keys = list(keys)

    # -- one model --------------------------------------------------------------------------------

    async def _sync_model(self, planned: _Planned) -> None:
        model, report = planned.model, planned.report
        field_map = self.context.field_maps(self.connector.name)[model]
        full = report.mode == "full"
        # A full read's size is about that of the last one: a progress bar's total and estimate.
        last = self.store.sync_state.get(self.account.id, model) if full else {}
        expected = (last.get("details") or {}).get("count") if full else None
        self.progress(model, "start", {"mode": report.mode, "expected": expected or None})
        stager = Stager(self.store, self.report.run_id, model, report)
        protected: set[str] = set()
        excluded: dict[str, str] = {}
        compiled = await compile_for(
            self.client, self.connector, field_map, self.account, self.context.registry.transforms
        )
        feed = self.connector.change_feed
        window = self.connector.date_window
        since = None
        if report.mode == "window" and window is not None:
            state = self.store.sync_state.get(self.account.id, model)
            since = (state.get("cursor") or state["last_full_at"]) - window.overlap
        batches: list[list[tuple[str, ...]] | None]
        if full or since is not None:
            batches = [None]
        else:
            keys = planned.keys or []
            size = feed.batch if feed else 50
            batches = [keys[i : i + size] for i in range(0, len(keys), size)]
        scratch = tempfile.TemporaryDirectory(prefix="hrishub-join-")
        stats = ReadStats()
        hidden = () if self.account.options.include_sensitive else SENSITIVE_FIELDS.get(model, ())
        spec = PackSpec(
            connector=self.connector.name,
            model=model,
            sensitive_raw=self.connector.sensitive_raw_keys,
            seal=self.store.seal,
        )
        keep = None if self.filter is None else partial(self.filter.keeps_record, model)
        packer = Packer(
            compiled, spec, keep=keep, workers=self.context.settings.sync_workers, after=offload.OFFLOAD_AFTER
        )

        def staged(results: list[Any]) -> None:
            for result in results:
                if result.__class__ is Packed:
                    if stager.accept(result):
                        report.read += 1
                        self._problems(report, result.problems, hidden)
                elif result.__class__ is Refused:
                    self._problems(report, result.problems, hidden)
                    report.add_error(RecordError(result.key, result.field, result.reason))
                    if result.protect is not None:
                        protected.add(result.protect)
                else:
                    self._problems(report, result.problems, hidden)
                    excluded[result.id] = result.data

        try:
            for batch in batches:
                spill = Path(scratch.name) if batch is None else None  # a full read: joins kept on disk
                async for page in read_compiled(
                    self.client,
                    compiled,
                    self.account.id,
                    keys=batch,
                    since=since,
                    unmapped=True,
                    skip=packer.mapped,
                    spill=spill,
                    tolerate=self.account.permissions.missing,
                    stats=stats,
                ):
                    staged(await packer.add(page))
                    self.progress(model, "advance", {"read": report.read})
                    self.lease.renew()
                    if self.claim is not None:
                        self.claim.renew()
            staged(await packer.rest())
            stager.flush()
            if report.oversized_count:
                named = ", ".join(sorted({o.field for o in report.oversized}))
                report.warnings.append(
                    f"{report.oversized_count} value(s) over the size caps were not stored (each record "
                    f"kept, the value left empty): {named}; the report's `oversized` lists each record's "
                    "remote id, field and size"
                )
        except BaseException:
            stager.close()
            raise
        finally:
            packer.close()
            scratch.cleanup()
        report.complete = True
        if full:
            report.joins = _join_reports(compiled, stats)
            report.warnings.extend(_join_warnings(report.joins))
        state = self.store.sync_state.get(self.account.id, model)
        details = dict(state.get("details") or {})
        filters_changed = details.get("filters", {}) != dict(self.account.options.filters)
        details["lineage"] = {k: v.model_dump(exclude_none=True) for k, v in compiled.lineage.items()}
        if full:
            total = max(report.read, 1)
            fill = {
                name: round(report.fill.get(name, 0) / total, 4)
                for name in details.get("fill", {}) | report.fill
            }
            report.warnings.extend(
                _fill_warnings(model, details.get("fill", {}), fill) if report.read else []
            )
            report.warnings.extend(_empty_field_warnings(compiled, report))
            details["fill"], details["count"] = fill, report.read
            details["filters"] = dict(self.account.options.filters)
        plan = ApplyPlan(
            account_id=self.account.id,
            connector=self.connector.name,
            run_id=self.report.run_id,
            model=model,
            now=self.now,
            full=full,
            complete=True,
            emit=state.get("last_full_at") is not None,
            protected=protected,
            excluded=excluded,
            announce_exclusions=not filters_changed,
            hide=() if self.account.options.include_sensitive else SENSITIVE_FIELDS.get(model, ()),
            cursor=self.now,
            details=details,
            sensitive=SENSITIVE_FIELDS.get(model, ()),
            sensitive_raw=self.connector.sensitive_raw_keys,
            seal=self.store.seal,
        )
        try:
            events = apply_model(self.store, plan, report, stager)
        except BaseException:
            # The model's one transaction was rolled back: nothing of it was written.
            report.complete = False
            report.created = report.updated = report.unchanged = report.deleted = report.excluded = 0
            raise
        finally:
            stager.close()
        self.report.events += len(events)
        if events:
            self._deliver()
        if model == "Employee" and self.filter is not None:
            self.filter.refresh_kept()
        self.progress(model, "done", {"report": report})

    @staticmethod
    def _problems(report: ModelReport, problems: tuple[FieldProblem, ...], hidden: Collection[str]) -> None:
        """Report the values of one record that could not be used (screened for what the account sees)."""
        for problem in problems:
            seen = screened_problem(problem, hidden)
            if problem.unmapped:
                report.add_unmapped(problem.field, seen.value)
                continue
            key = list(seen.record_key) if seen.record_key is not None else None
            report.add_problem(ValueProblem(key, seen.field, seen.value, seen.reason))

    # -- events -----------------------------------------------------------------------------------

    def _deliver(self) -> None:
        """Hand committed, undelivered events of this account to every ``sync_event`` listener."""
        rows = list(pending_events(self.store, self.account.id))
        if not rows:
            return
        for row in rows:
            payload = self.store.seal.open_event(row.id, json.loads(row.payload))
            self.context.registry.announce(
                SyncEvent(
                    id=row.id,
                    type=row.type,
                    account_id=row.account_id,
                    connector=self.connector.name,
                    record_id=row.record_id,
                    record=payload.get("record"),
                    changes={k: tuple(v) for k, v in payload.get("changes", {}).items()},
                    occurred_at=row.created_at,
                )
            )
        mark_delivered(self.store, [row.seq for row in rows], utcnow())

    def _run_summary(self) -> dict[str, Any]:
        """What ``account.synced`` and ``sync.failed`` events say about the run."""
        return {
            "id": self.account.id,
            "run_id": self.report.run_id,
            "status": self.report.status,
            "kind": self.report.kind,
            "events": self.report.events,
            "errors": [
                {k: e[k] for k in ("type", "model", "message", "remedy") if k in e}
                for e in self.report.errors
            ],
        }

    def _account_event(self, event_type: str, record: dict[str, Any]) -> None:
        """Store an account event in the outbox (for webhooks and the feed) and announce it."""
        now = utcnow()
        with self.store.begin() as db:
            event_id = record_account_event(
                db,
                account_id=self.account.id,
                type=event_type,
                record=record,
                now=now,
                run_id=self.report.run_id,
            )
        self.context.registry.announce(
            SyncEvent(
                id=event_id,
                type=event_type,
                account_id=self.account.id,
                connector=self.connector.name,
                record=record,
                occurred_at=now,
            )
        )

    # -- the run ----------------------------------------------------------------------------------

    def _begin(self) -> None:
        runs = t.sync_runs.c
        with self.store.begin() as db:
            interrupted = (
                db.execute(
                    select(runs.id).where(runs.account_id == self.account.id, runs.status == "running")
                )
                .scalars()
                .all()
            )
            if interrupted:
                db.execute(
                    update(t.sync_runs)
                    .where(runs.id.in_(interrupted))
                    .values(status="interrupted", finished_at=self.now)
                )
            started = db.execute(
                update(t.sync_runs)
                .where(runs.id == self.report.run_id, runs.status == "queued")
                .values(kind=self.report.kind, status="running", started_at=self.now)
            ).rowcount
            if not started:  # not queued beforehand (a sync from Python, the CLI or the in-process API)
                db.execute(
                    insert(t.sync_runs).values(
                        id=self.report.run_id,
                        account_id=self.account.id,
                        kind=self.report.kind,
                        status="running",
                        started_at=self.now,
                    )
                )

    def _finish(self) -> None:
        attempted = [m for m in self.report.models.values() if m.mode != "skipped"]
        failed = [m for m in attempted if m.error]
        if any("model" not in e for e in self.report.errors):  # the run itself stopped
            self.report.status = "failed"
        elif not failed:
            self.report.status = "succeeded"
        elif len(failed) == len(attempted):
            self.report.status = "failed"
        else:
            self.report.status = "partial"
        applied = {m.mode for m in self.report.models.values() if m.complete}
        # A model the connector offers but that was not read this time (the feed's minimum spacing, a
        # missing permission) makes the run "mixed": never "full" while a model was left unread.
        offered = {name for name, spec in self.connector.actions.items() if spec.supported}
        unread = any(m.mode == "skipped" and m.action in offered for m in self.report.models.values())
        if applied & {"feed", "window"}:
            self.report.kind = "mixed" if "full" in applied or unread else "incremental"
        elif self.report.kind == "auto":
            self.report.kind = "mixed" if unread and applied else "full"
        if self.report.errors and self.report.errors[-1].get("type") == "internal":
            self.report.status = "failed"
        elif not any(e.get("type") in _REFUSED for e in self.report.errors):
            self.store.accounts.set_status(self.account.id, LINKED)
        self.report.requests = int(getattr(self.client, "requests", 0) or 0)
        self.report.finished_at = utcnow()
        with self.store.begin() as db:
            db.execute(
                update(t.sync_runs)
                .where(t.sync_runs.c.id == self.report.run_id)
                .values(
                    status=self.report.status,
                    kind=self.report.kind,
                    finished_at=self.report.finished_at,
                    report=json.dumps(self.report.to_dict(), default=str),
                )
            )

    async def run(self) -> SyncReport:
        """Run the sync; provider failures are recorded in the report, never lost or half-applied.

        A run ends within the settings' ``sync_deadline``; it stops at the first model whose host
        stays unreachable after its retries (the others would only wait as long again); and an account
        whose credentials the provider refused is not synced (nor the provider called) until they are
        updated. Each of these is one error in the report, with its remedy.

        A paused account is not synced: :class:`hub.errors.AccountPaused` is raised and no run is
        recorded (nor one of a deleted account: :class:`hub.errors.NotFound`).
        """
        with (
            bound(
                account_id=self.account.id,
                run_id=self.report.run_id,
                customer_id=self.account.customer_id,
                connector=self.connector.name,
            ),
            tracing.span(
                "sync",
                attributes={
                    "hrishub.account_id": self.account.id,
                    "hrishub.run_id": self.report.run_id,
                    "hrishub.connector": self.connector.name,
                },
            ) as current,
        ):
            report = await self._run()
            current.set_attribute("hrishub.sync.status", report.status)
            current.set_attribute("hrishub.sync.kind", report.kind)
            current.set_attribute("hrishub.sync.requests", report.requests)
            return report

    async def _run(self) -> SyncReport:
        self.lease.acquire()
        try:
            # Read once the lease is held: a deletion takes the lease first, so none happens meanwhile.
            status = self.store.accounts.row(self.account.id).status
        except BaseException:
            self.lease.release()
            raise
        if status == PAUSED:
            self.lease.release()
            raise AccountPaused(self.account.id)
        # Objects older than the run (modules, schemas, compiled maps) are moved out of the cyclic
        # collector's sight while it runs: a large sync allocates millions of objects, and every full
        # collection would walk all of those again. They are handed back when the run ends.
        gc.freeze()
        try:
            self._begin()
            run_log.info("sync.started", full=self.full)
            self._deliver()  # events a crashed run committed but never handed out
            if status == NEEDS_ATTENTION:
                # Refused before: the same credentials would be refused again, and repeated refusals
                # can lock the provider's service account.
                self._stop(self._plan(), CredentialsRejected(self.account.id, provider=self.connector.title))
                self._finish()
            else:
                await self._read_and_apply()
            outcome = "sync.failed" if self.report.status == "failed" else "account.synced"
            self._account_event(outcome, self._run_summary())
            return self.report
        finally:
            gc.unfreeze()
            try:
                self.lease.release(next_sync_in=next_sync_in(self.account.options.sync_every_hours))
            finally:
                # After the release: the account is free for its next sync as soon as its run is recorded.
                if self.report.finished_at is not None:  # ended, even by an internal error
                    self._measured()

    def _measured(self) -> None:
        """The run's metrics and its ``sync.finished`` event (one line: status, counts, errors)."""
        report = self.report
        try:
            record_sync(self.connector.name, report)
        except Exception:  # a metric never fails a sync
            log.exception("the sync's metrics could not be recorded")
        models = report.models.values()
        level = "warning" if report.status != "succeeded" else "info"
        getattr(run_log, level)(
            "sync.finished",
            status=report.status,
            kind=report.kind,
            duration_seconds=report.duration_seconds,
            requests=report.requests,
            records_read=sum(m.read for m in models),
            records_created=sum(m.created for m in models),
            records_updated=sum(m.updated for m in models),
            records_deleted=sum(m.deleted for m in models),
            change_events=report.events,
            errors=[e.get("type") for e in report.errors],
        )

    async def _read_and_apply(self) -> None:
        credentials = self.account.credentials.reveal()
        with secrets_scrubbed(secret_values(credentials, self.connector.credentials_schema)):
            await self._read_and_apply_with(credentials)

    async def _read_and_apply_with(self, credentials: Mapping[str, Any]) -> None:
        planned = self._plan()
        try:
            try:
                settings = self.context.settings_for(self.account.customer_id)
                self.client = self.connector.client_factory(credentials, settings)
                await self._claim_budget()
            except HubError as exc:  # e.g. the stored host is no longer allowed: nothing is called
                self._stop(planned, exc)
                return
            if self.account.options.filters:
                self.filter = EmployeeFilter(
                    self.store, self.account.id, self.connector.name, self.account.options.filters
                )
            deadline = self.context.settings.sync_deadline
            current: list[_Planned] = []
            try:
                async with asyncio.timeout(deadline) as clock:
                    await self._read_models(planned, current)
            except TimeoutError:
                if not clock.expired():
                    raise
                self._stop(planned, SyncDeadlineExceeded(deadline), current[-1] if current else None)
        except Exception as exc:
            self.report.errors.append({"type": "internal", "message": repr(exc)})
            raise
        finally:
            if self.client is not None:
                await self.client.aclose()
            if self.claim is not None:
                self.claim.release()
            self._finish()

    async def _claim_budget(self) -> None:
        """On a shared store, hold slots of the provider host's budget; the client's limiter gets as many."""
        budget = self.store.budget
        limiter = getattr(self.client, "limiter", None)
        if budget is None or not isinstance(limiter, AdaptiveLimiter):
            return
        host = urlsplit(str(getattr(self.client, "base_url", "") or "")).netloc or "default"
        key = f"{self.connector.name}:{host}"
        waited = BUDGET_WAIT_SECONDS
        self.claim = await asyncio.to_thread(
            budget.claim, key, self.lease.owner, limiter.maximum, wait_seconds=waited
        )
        if self.claim is None:
            raise ProviderBudgetBusy(key, budget.total, waited)
        limiter.maximum = limiter.limit = self.claim.slots

    async def _read_models(self, planned: list[_Planned], current: list[_Planned]) -> None:
        """The feed, then each model in order; ``current`` holds the model being read."""
        try:
            await self._read_feed(planned)
        except ProviderAuthError as exc:
            self._refused(planned, exc)
        except ProviderUnreachable as exc:
            if self._host_down(exc):
                self._stop(planned, exc)
                return
            for item in planned:
                if item.report.mode == "feed":
                    self._failed(item, exc)
        except StorageError as exc:
            self._stop(planned, exc)
            return
        except HubError as exc:
            for item in planned:
                if item.report.mode == "feed":
                    self._failed(item, exc)
        for item in planned:
            if item.report.mode == "skipped" or item.report.error:
                continue
            if item.model == "Employee" and self.filter is not None:
                self.filter.resolve_units()  # companies and groups were just synced
            current.append(item)
            try:
                with tracing.span(
                    "sync.model",
                    attributes={"hrishub.model": item.model, "hrishub.sync.mode": item.report.mode},
                ) as model_span:
                    await self._sync_model(item)
                    model_span.set_attributes(
                        {
                            "hrishub.records.read": item.report.read,
                            "hrishub.records.created": item.report.created,
                            "hrishub.records.updated": item.report.updated,
                            "hrishub.records.deleted": item.report.deleted,
                        }
                    )
            except ProviderAuthError as exc:
                self._refused(planned, exc)
                break
            except ProviderUnreachable as exc:
                if self._host_down(exc):
                    self._stop(planned, exc, item)
                    break
                self._failed(item, exc)
            except StorageError as exc:  # the disk is full or the store is gone: so for every model
                self._stop(planned, exc, item)
                break
            except HubError as exc:
                self._failed(item, exc)

    def _host_down(self, exc: ProviderUnreachable) -> bool:
        """No connection could be made, or the host has answered no request of this run: stop there.

        A host that answered earlier in the run and then stalled or dropped a connection may be back
        for the next model, so that model is still tried.
        """
        return exc.host_down or getattr(self.client, "answered", None) == 0

    def _stop(self, planned: list[_Planned], exc: HubError, at: _Planned | None = None) -> None:
        """End the run on ``exc``: one error (on the model ``at``, else the run's); the rest is not read."""
        if at is not None and not at.report.complete:
            self._failed(at, exc)
        else:
            self.report.errors.append({"type": exc.type, "message": exc.message, "remedy": exc.remedy})
        why = f"the run stopped ({exc.type}; the error below says why and what to do)"
        for item in planned:
            if item is at or item.report.complete or item.report.error or item.report.mode == "skipped":
                continue
            item.report.mode, item.report.reason = "skipped", why

    def _refused(self, planned: list[_Planned], exc: ProviderAuthError) -> None:
        """The provider refused the credentials: nothing more is read, the account needs attention.

        Later syncs are refused without calling the provider until the credentials are updated.
        """
        if self.store.accounts.row(self.account.id).status != NEEDS_ATTENTION:
            self.store.accounts.set_status(self.account.id, NEEDS_ATTENTION)
            self._account_event(
                "account.needs_attention",
                {"id": self.account.id, "reason": exc.message, "remedy": exc.remedy},
            )
        exc.remedy = f"{exc.remedy} {CredentialsRejected(self.account.id).remedy}"
        for item in planned:
            if item.report.mode != "skipped" and not item.report.complete and not item.report.error:
                self._failed(item, exc)

    def _failed(self, item: _Planned, exc: HubError) -> None:
        item.report.complete = False
        item.report.error = f"{exc.message} Fix: {exc.remedy}"
        self.report.errors.append(
            {"model": item.model, "type": exc.type, "message": exc.message, "remedy": exc.remedy}
        )
        self.progress(item.model, "done", {"report": item.report})
