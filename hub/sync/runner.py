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
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
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
from hub.live import ChangedReads, ReadStats, compile_for, read_compiled, screened_problem
from hub.observability import tracing
from hub.observability.logs import bound, get_logger
from hub.observability.metrics import record_sync
from hub.observability.redaction import secret_values, secrets_scrubbed
from hub.rest.limiter import AdaptiveLimiter
from hub.store import tables as t
from hub.store import utcnow
from hub.store.budget import BudgetClaim
from hub.store.codec import RawDictionary, RawPacker
from hub.store.events import record_account_event
from hub.sync.apply import ApplyPlan, apply_model, mark_delivered, pending_events, save_state
from hub.sync.filters import EmployeeFilter
from hub.sync.lease import Lease, next_sync_in
from hub.sync.packing import Packed, PackSpec, Refused, pack_slice, remember_keys
from hub.sync.read_ahead import Advance, Helper, Outcome, can_fork, fork_is_safe, usable_cpus
from hub.sync.report import JoinReport, ModelReport, RecordError, SyncReport, ValueProblem
from hub.sync.staging import Stager
from hub.sync.stored_rows import StoredRows
from unified_models import SENSITIVE_FIELDS

if TYPE_CHECKING:
    from datetime import datetime

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
class _Read:
    """One model read and staged, waiting for its apply (read here or by a read-ahead helper)."""

    stager: Stager
    protected: set[str] = field(default_factory=set)
    """Ids of stored records whose provider record failed to map: kept, not deleted."""
    excluded: dict[str, str] = field(default_factory=dict)
    lineage: dict[str, Any] = field(default_factory=dict)
    empty_field_warnings: list[str] = field(default_factory=list)
    dictionary: RawDictionary | None = None
    """The raw-data dictionary a helper trained and packed the staged rows with (kept when applied)."""


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

HELPER_CHECK_SECONDS = 0.05
"""How often a sync with read-ahead helpers looks for one that finished (a fork costs about 20 ms)."""

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
        self._helper_client: Callable[[], Any] | None = None
        """Makes a read-ahead helper's provider client (None: no helpers this run)."""
        self._workers = 0
        """How many helpers may read at once this run."""
        self._auto_workers = False
        """Whether the number is the hub's choice (``sync_workers`` unset): then each fork needs
        :func:`~hub.sync.read_ahead.fork_is_safe`."""
        self._concurrency = 0
        """The request concurrency the run had before helpers took their share of it."""
        self._no_more_helpers = False
        """Whether forking stopped being safe mid-run: the helpers forked so far finish, no more start."""
        self._helpers: dict[str, tuple[_Planned, Stager, Helper]] = {}
        self._ahead: dict[str, _Read | HubError] = {}
        """Models read ahead, waiting for their turn to be applied (or the error their read raised)."""
        self._applying: str | None = None
        """The model being applied (its read taken: no helper may read it again)."""
        self._dictionaries: dict[str, RawDictionary | None] = {}
        """Each model's raw-data dictionary for the account, as its read starts (None: none yet)."""
        self._new_dictionary_ids: dict[str, int] = {}
        """For a full read of a model with none: the id a dictionary trained for it gets."""
        self._checked_at = 0.0
        """When a long apply last looked at the helpers (:meth:`_between_batches`)."""
        self._reading: dict[str, asyncio.Future[None]] = {}
        """Feed re-reads started before their turn, in this process (:meth:`_read_next_feed_model`)."""
        self._helper_requests = 0
        self._read_here: set[str] = set()
        """Models this process reads (or read) in a run with helpers."""
        self._helpers_started: list[Helper] = []
        self._helper_send: Any = None
        """In a helper: the pipe its progress and outcomes go back on."""
        self._due: tuple[list[_Planned], _Planned] | None = None
        """The models of the run and the one due to be applied, while helpers may take more."""
        self._feed_since: datetime | None = None
        """Where this run's change-feed window starts (a feed read)."""
        self._stored_rows: StoredRows | None = None

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
        self._feed_since = since
        for p in waiting:
            p.keys = list(keys)

    # -- one model --------------------------------------------------------------------------------

    def _start(self, planned: _Planned) -> Stager:
        """Announce a model's read (progress ``start``) and give the stager it is read into."""
        model, report = planned.model, planned.report
        full = report.mode == "full"
        # A full read's size is about that of the last one: a progress bar's total and estimate.
        last = self.store.sync_state.get(self.account.id, model) if full else {}
        expected = (last.get("details") or {}).get("count") if full else None
        self.progress(model, "start", {"mode": report.mode, "expected": expected or None})
        known = self.store.raw_dictionaries.current(self.account.id, model)
        self._dictionaries[model] = known
        if known is None and full:  # the id a dictionary trained now gets (a helper cannot ask the store)
            self._new_dictionary_ids[model] = self.store.raw_dictionaries.unused_id()
        return Stager(self.store, self.report.run_id, model, report)

    async def _sync_model(self, planned: _Planned) -> None:
        """Read one model here, then apply it."""
        stager = self._start(planned)
        try:
            read = await self._read_model(planned, stager)
        except BaseException:
            stager.close()
            raise
        self._apply_read(planned, read)

    async def _read_model(self, planned: _Planned, stager: Stager, *, here: bool = True) -> _Read:
        """Read, map and stage one model into ``stager``; its report counts what was read.

        ``here`` False: in a read-ahead helper (:mod:`hub.sync.read_ahead`), which touches neither
        the store (no lease renewal) nor the caller's progress callback: it sends its progress back.
        """
        model, report = planned.model, planned.report
        full = report.mode == "full"
        field_map = self.context.field_maps(self.connector.name)[model]
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
            pack_raw=not here,
            packer=RawPacker(  # used where the raw data is packed as read: in a helper
                self._dictionaries.get(model), train=full, new_id=self._new_dictionary_ids.get(model)
            ),
        )
        keep = None if self.filter is None else partial(self.filter.keeps_record, model)
        mapped: set[Any] = set()
        changed = self._changed_reads(planned)

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
                    skip=mapped,
                    spill=spill,
                    tolerate=self.account.permissions.missing,
                    stats=stats,
                    changed=changed,
                ):
                    staged(remember_keys(pack_slice(compiled, spec, page, keep), mapped))
                    if here:
                        self.progress(model, "advance", {"read": report.read})
                        self._renew()
                    elif self._helper_send is not None:
                        self._helper_send.send(Advance(model, report.read))
            stager.flush()
            if report.oversized_count:
                named = ", ".join(sorted({o.field for o in report.oversized}))
                report.warnings.append(
                    f"{report.oversized_count} value(s) over the size caps were not stored (each record "
                    f"kept, the value left empty): {named}; the report's `oversized` lists each record's "
                    "remote id, field and size"
                )
        finally:
            scratch.cleanup()
        report.complete = True
        if changed is not None:
            report.changed_reads = changed.counts
            unknown = sum(counts["by_key"] for counts in changed.counts.values())
            if unknown:
                report.warnings.append(
                    f"{unknown} time(s) a key the change feed named was read one key at a time: the "
                    "provider listed no changed rows for it and nothing was stored for it at the last "
                    "sync (a new record, or raw data over the size cap); `changed_reads` counts them per "
                    "record type"
                )
        lineage = {k: v.model_dump(exclude_none=True) for k, v in compiled.lineage.items()}
        trained = spec.packer.trained
        if not full:
            return _Read(stager, protected, excluded, lineage, dictionary=trained)
        report.joins = _join_reports(compiled, stats)
        report.warnings.extend(_join_warnings(report.joins))
        warnings = _empty_field_warnings(compiled, report)
        return _Read(stager, protected, excluded, lineage, warnings, dictionary=trained)

    def _changed_reads(self, planned: _Planned) -> ChangedReads | None:
        """For a feed read, the sources read as rows changed since the feed's window (None: all by key)."""
        feed = self.connector.change_feed
        client_reads = callable(getattr(self.client, "changed_records", None))
        if planned.report.mode != "feed" or feed is None or not feed.changed_since or not client_reads:
            return None
        if self._feed_since is None or not planned.keys:
            return None
        if self._stored_rows is None:
            maps = self.context.field_maps(self.connector.name)
            reads = {m: [source.record for source in maps[m].sources] for m in feed.models if m in maps}
            keyed = {m: records for m, records in reads.items() if len(maps[m].key) == len(feed.key)}
            owned = {m: records for m, records in reads.items() if m not in keyed}
            self._stored_rows = StoredRows(
                self.store,
                self.account.id,
                self.connector.name,
                keyed,
                planned.keys,
                owned=owned,
                owner=feed.owner,
            )
        return ChangedReads(since=self._feed_since, records=feed.changed_since, stored=self._stored_rows.rows)

    def _apply_read(self, planned: _Planned, read: _Read) -> None:
        """Apply one model's staged read to the store in one transaction; hand out its events."""
        model, report, stager = planned.model, planned.report, read.stager
        full = report.mode == "full"
        dictionary = read.dictionary or self._dictionaries.get(model)
        state = self.store.sync_state.get(self.account.id, model)
        details = dict(state.get("details") or {})
        filters_changed = details.get("filters", {}) != dict(self.account.options.filters)
        details["lineage"] = read.lineage
        if full:
            total = max(report.read, 1)
            fill = {
                name: round(report.fill.get(name, 0) / total, 4)
                for name in details.get("fill", {}) | report.fill
            }
            report.warnings.extend(
                _fill_warnings(model, details.get("fill", {}), fill) if report.read else []
            )
            report.warnings.extend(read.empty_field_warnings)
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
            protected=read.protected,
            excluded=read.excluded,
            announce_exclusions=not filters_changed,
            hide=() if self.account.options.include_sensitive else SENSITIVE_FIELDS.get(model, ()),
            cursor=self.now,
            details=details,
            sensitive=SENSITIVE_FIELDS.get(model, ()),
            sensitive_raw=self.connector.sensitive_raw_keys,
            seal=self.store.seal,
            between=self._between_batches if self._helper_client is not None else None,
            packer=RawPacker(
                dictionary, train=full and dictionary is None, new_id=self._new_dictionary_ids.get(model)
            ),
            dictionary=read.dictionary,
        )
        self._applying = model
        try:
            events = apply_model(self.store, plan, report, stager)
        except BaseException:
            # The model's one transaction was rolled back: nothing of it was written.
            report.complete = False
            report.created = report.updated = report.unchanged = report.deleted = report.excluded = 0
            raise
        finally:
            self._applying = None
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
        self.report.requests = int(getattr(self.client, "requests", 0) or 0) + self._helper_requests
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
                self._share_with_helpers(credentials, settings)
            except HubError as exc:  # e.g. the stored host is no longer allowed: nothing is called
                self._stop(planned, exc)
                return
            if self.account.options.filters:
                self.filter = EmployeeFilter(
                    self.store, self.account.id, self.connector.name, self.account.options.filters
                )
            deadline = self.context.settings.sync_deadline
            current: list[_Planned] = []
            watcher = asyncio.ensure_future(self._keep_helpers_busy()) if self._helper_client else None
            try:
                async with asyncio.timeout(deadline) as clock:
                    await self._read_models(planned, current)
            except TimeoutError:
                if not clock.expired():
                    raise
                self._stop(planned, SyncDeadlineExceeded(deadline), current[-1] if current else None)
            finally:
                if watcher is not None:
                    watcher.cancel()
                    await asyncio.gather(watcher, return_exceptions=True)
        except Exception as exc:
            self.report.errors.append({"type": "internal", "message": repr(exc)})
            raise
        finally:
            await self._stop_reading()
            self._drop_ahead()
            if self.client is not None:
                await self.client.aclose()
            if self.claim is not None:
                self.claim.release()
            self._finish()

    # -- reading ahead ----------------------------------------------------------------------------

    def _share_with_helpers(self, credentials: Mapping[str, Any], settings: Any) -> None:
        """Decide how many read-ahead helpers the run may use, and split the request concurrency with them.

        ``sync_workers`` unset: one helper where a fork is safe now (one thread in this process), two
        cores are there to use and the network is the network (a ``transport`` replacing it, a test's,
        keeps its state in this process: a helper would talk to a copy); a number: that many.

        The helpers' clients together get half of the concurrency (the provider sees no more requests
        in flight than without them); none are used with employee filters (a read needs the store
        then), without ``fork``, or with fewer than 2 requests allowed in flight.
        """
        configured = self.context.settings.sync_workers
        self._auto_workers = configured is None
        if configured is None:
            workers = int(settings.transport is None and usable_cpus() >= 2 and fork_is_safe())
        else:
            workers = configured
        limiter = getattr(self.client, "limiter", None)
        if workers <= 0 or not can_fork() or self.account.options.filters:
            return
        if not isinstance(limiter, AdaptiveLimiter) or limiter.maximum < 2:
            return
        share = max(1, limiter.maximum // 2 // workers)
        self._concurrency = limiter.maximum
        limiter.maximum = limiter.limit = limiter.maximum - share * workers
        helper_settings = replace(settings, max_concurrency=share)
        self._helper_client = partial(self.connector.client_factory, credentials, helper_settings)
        self._workers = workers

    def _may_fork(self, busy: int) -> bool:
        """Whether a helper may be forked now; with the hub's choice, not while another thread runs.

        When none may be (and none reads), the run goes on without helpers, with all its concurrency.
        """
        if not self._auto_workers or fork_is_safe():
            return True
        if not busy:
            log.debug("another thread runs in this process: no more read-ahead helpers this run")
            self._no_more_helpers = True
            limiter = getattr(self.client, "limiter", None)
            if isinstance(limiter, AdaptiveLimiter):
                limiter.maximum = limiter.limit = self._concurrency
        return False

    def _renew(self) -> None:
        """Keep the account's lease (and the provider budget's slots) while the run reads."""
        self.lease.renew()
        if self.claim is not None:
            self.claim.renew()

    async def _keep_helpers_busy(self) -> None:
        """While helpers read: pass on their progress, keep the lease, give an idle one the next models.

        This runs even while this process waits for a helper (it reads nothing then, so renews nothing
        itself) or reads a model of its own.
        """
        while True:
            await asyncio.sleep(HELPER_CHECK_SECONDS)
            self._renew()
            self._tend_helpers()

    def _between_batches(self) -> None:
        """While a long apply holds the event loop: pass on the helpers' progress, give an idle one work.

        Without this a helper that ends during the apply of a large model waits for it to end. The fork
        copies this process with the apply's transaction open: a helper never touches the store and
        leaves with ``os._exit`` (multiprocessing's fork start), so nothing of it runs twice. The lease
        is not renewed here: that write would wait for the apply's own transaction.
        """
        now = time.monotonic()
        if now - self._checked_at >= HELPER_CHECK_SECONDS:
            self._checked_at = now
            self._tend_helpers()

    def _tend_helpers(self) -> None:
        """Pass on what the helpers sent so far; give an idle helper slot the next models, if any is due."""
        for helper in self._helpers_started:
            helper.drain()
        if self._due is not None:
            self._refill(*self._due)

    def _can_read_ahead(self, item: _Planned) -> bool:
        return (
            item.model != self._applying
            and item.report.mode == "full"
            and not item.report.error
            and item.model not in self._ahead
            and item.model not in self._helpers
            and item.model not in self._read_here
        )

    def _unclaimed(self, planned: list[_Planned], after: _Planned) -> _Planned | None:
        """The first model after ``after`` that may be read ahead and nobody reads yet."""
        for item in planned[planned.index(after) + 1 :]:
            if self._can_read_ahead(item):
                return item
        return None

    def _alone(self, planned: list[_Planned], after: _Planned) -> _Planned | None:
        """The first model after ``after`` nobody reads yet that shares its primary record with none.

        What this process reads while it waits for a helper: models sharing a primary record go to
        a helper together (one read of it, replayed).
        """
        item = self._unclaimed(planned, after)
        while item is not None and any(
            self._shares(item.model, p.model) for p in planned if p is not item and p.report.mode == "full"
        ):
            item = self._unclaimed(planned, item)
        return item

    def _shares(self, one: str, other: str) -> bool:
        """Whether two models' maps read the same primary provider record (one client should read both).

        The connector's client may read such a record once and replay it (UKG's ``pto-plans``, most
        of a sync's requests, for time-off policies and balances). A joined source two maps share
        (UKG's ``employment-details``) may be read by two processes: a few requests more, for reads
        that run side by side.
        """
        maps = self.context.field_maps(self.connector.name)
        return bool(maps[one].sources[0].record == maps[other].sources[0].record)

    def _refill(self, planned: list[_Planned], after: _Planned) -> None:
        """Give each idle helper slot the next models to read ahead: one, and later ones sharing its primary.

        A model sharing its primary record with one this process reads is left to this process.
        """
        busy = {id(helper) for _, _, helper in self._helpers.values() if helper.running()}
        while self._helper_client is not None and not self._no_more_helpers and len(busy) < self._workers:
            first = self._unclaimed(planned, after)
            while first is not None and any(self._shares(first.model, m) for m in self._read_here):
                first = self._unclaimed(planned, first)
            if first is None or not self._may_fork(len(busy)):
                return
            chain = [first]
            for item in planned[planned.index(first) + 1 :]:
                if self._can_read_ahead(item) and any(self._shares(item.model, c.model) for c in chain):
                    chain.append(item)
            stagers = [self._start(item) for item in chain]
            log.debug("a helper reads %s ahead", ", ".join(item.model for item in chain))
            helper = Helper(partial(self._read_in_helper, chain, stagers), self._helper_advanced)
            self._helpers_started.append(helper)
            self.report.helpers += 1
            for item, stager in zip(chain, stagers, strict=True):
                self._helpers[item.model] = (item, stager, helper)
            busy.add(id(helper))

    def _helper_advanced(self, advance: Advance) -> None:
        self.progress(advance.model, "advance", {"read": advance.read})

    async def _read_in_helper(self, chain: list[_Planned], stagers: list[Stager], send: Any) -> None:
        """In a helper: read models in order with a client of its own, sending progress and outcomes."""
        assert self._helper_client is not None
        self.client = self._helper_client()
        self._helper_send = send
        try:
            for item, stager in zip(chain, stagers, strict=True):
                before = self.client.requests
                read = await self._read_model(item, stager, here=False)
                stager.finish()
                outcome = Outcome(
                    item.report,
                    stager.ids,
                    read.protected,
                    read.excluded,
                    read.lineage,
                    read.empty_field_warnings,
                    self.client.requests - before,
                    read.dictionary,
                )
                send.send(outcome)
        finally:
            await self.client.aclose()

    async def _collect(self, item: _Planned) -> _Read:
        """Wait for the helper reading ``item``; if it failed, read the model here (as without helpers)."""
        _, stager, helper = self._helpers.pop(item.model)
        outcome = await helper.outcome()
        if isinstance(outcome, Outcome):
            self._helper_requests += outcome.requests
            item.report.__dict__.update(outcome.report.__dict__)
            stager.ids = outcome.ids
            return _Read(
                stager,
                outcome.protected,
                outcome.excluded,
                outcome.lineage,
                outcome.empty_field_warnings,
                outcome.dictionary,
            )
        log.warning(
            "%s: the read-ahead helper stopped (%s); the model is read again here", item.model, outcome
        )
        stager.close()
        stager = Stager(self.store, self.report.run_id, item.model, item.report)
        try:
            return await self._read_model(item, stager)
        except BaseException:
            stager.close()
            raise

    async def _read_ahead_here(self, item: _Planned) -> None:
        """Read ``item`` before its turn (a helper is busy with the model due first)."""
        stager = self._start(item)
        self._read_here.add(item.model)
        try:
            self._ahead[item.model] = await self._read_model(item, stager)
        except HubError as exc:  # raised again in the model's turn, so it is handled as that model's
            stager.close()
            self._ahead[item.model] = exc
        except BaseException:
            stager.close()
            raise

    async def _sync_in_turn(self, item: _Planned, planned: list[_Planned]) -> None:
        """Sync ``item`` now that models before it are applied: read it (or take its read), apply it.

        With helpers, a helper reads later models meanwhile, and while the model due is still being
        read by one, this process reads the next one nobody reads rather than wait. A change feed's
        model is read beside the one before it (:meth:`_read_next_feed_model`) and applied from that read.
        """
        reading = self._reading.pop(item.model, None)
        self._read_next_feed_model(planned, item)
        if reading is not None:
            await reading
            self._apply_ahead(item)
            return
        if self._helper_client is None:
            await self._sync_model(item)
            return
        self._due = (planned, item)
        while True:
            self._refill(planned, item)
            if item.model in self._ahead:
                self._apply_ahead(item)
                return
            if item.model not in self._helpers:
                self._read_here.add(item.model)
                await self._sync_model(item)
                return
            other = None if self._helpers[item.model][2].done() else self._alone(planned, item)
            if other is not None:
                log.debug("%s: read here ahead while a helper reads %s", other.model, item.model)
                await self._read_ahead_here(other)
                continue
            self._ahead[item.model] = await self._collect(item)

    def _apply_ahead(self, item: _Planned) -> None:
        """Apply the read of ``item`` made before its turn (or raise the error that read raised)."""
        read = self._ahead.pop(item.model)
        if isinstance(read, HubError):
            raise read
        self._apply_read(item, read)

    def _read_next_feed_model(self, planned: list[_Planned], item: _Planned) -> None:
        """While ``item`` is read from the change feed, start reading the next model it covers too.

        A feed's re-reads are small (the changed keys' rows) and mostly waiting on the provider: two
        side by side take the time of the longer one. Each is still applied in its turn. Not with
        employee filters: a model's read may need the employees applied before it.
        """
        if item.report.mode != "feed" or self.filter is not None:
            return
        for other in planned[planned.index(item) + 1 :]:
            if other.report.mode == "feed" and not other.report.error:
                if other.model not in self._reading and other.model not in self._ahead:
                    self._reading[other.model] = asyncio.ensure_future(self._read_ahead_here(other))
                return

    async def _stop_reading(self) -> None:
        """Cancel the feed re-reads started ahead that no turn took (a run that ended early)."""
        reading = list(self._reading.values())
        self._reading.clear()
        for future in reading:
            future.cancel()
        await asyncio.gather(*reading, return_exceptions=True)

    def _drop_ahead(self) -> None:
        """Stop the helpers and drop the reads no apply took (a run that ended early)."""
        for _, stager, _ in self._helpers.values():
            stager.close()
        for helper in self._helpers_started:
            helper.kill()
        self._helpers.clear()
        self._helpers_started.clear()
        for read in self._ahead.values():
            if isinstance(read, _Read):
                read.stager.close()
        self._ahead.clear()

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
                    await self._sync_in_turn(item, planned)
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
