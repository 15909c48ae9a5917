"""Fault tests: a realistic sync (a clean full sync, then HR changes), a fault, then the fault cleared.

``make_world()`` gives a :class:`World`: a 40-person Tiny HRIS tenant with small server pages (so full reads
span several pages), synced once into a real SQLite file, then changed by HR (2 hires, 5 changes, 1
termination), with a snapshot of the store taken before the faulty sync. ``make_world(loopback=True)``
serves the sandbox over real HTTP on loopback (for dropped connections and read timeouts).
"""

import contextlib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select

from hub import HttpSettings, Hub
from hub.serving import serve_in_thread
from hub.store import tables as t
from tests.tiny_hris.sandbox import DEFAULT_BASE_URL, Sandbox

RESOURCES = {"employees": "Employee", "employments": "Employment", "time_off_balances": "TimeOffBalance"}
"""The resources compared with the provider, and the model each one is synced as."""

HUB_ONLY = {"created_at", "modified_at", "remote_was_deleted", "remote_data", "field_sources"}
PAGES = {"/v1/employees": 10, "/v1/jobs": 10, "/v1/time-off/balances": 10}
ATTEMPTS = 4
IN_PROCESS = DEFAULT_BASE_URL


class World:
    """A tenant synced once then changed by HR, the hub syncing it, and the store as it was before the fault."""

    def __init__(self, sb: Sandbox, hub: Hub, base: str) -> None:
        self.sb, self.hub, self.base = sb, hub, base
        self.account = hub.link("tiny_hris", sb.credentials(base))
        assert hub.sync(self.account).status == "succeeded"
        self.changes = sb.tenant.advance(hires=2, changes=5, terminations=1)
        self.before = self.snapshots()
        self._live: dict[str, dict[str, dict]] | None = None
        sb.stats.reset()

    # -- reading the store and the provider ---------------------------------------------------------

    def records(self, resource: str, mode: str = "auto") -> list[Any]:
        accessor = getattr(self.hub, resource)(self.account)
        found, cursor = [], None
        while True:
            page = accessor.list(page_size=1000, cursor=cursor, mode=mode)
            found.extend(page.results)
            cursor = page.next_cursor
            if cursor is None:
                return found

    def snapshot(
        self, resource: str, mode: str = "auto", records: list[Any] | None = None
    ) -> dict[str, dict]:
        records = self.records(resource, mode) if records is None else records
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids)), f"{resource}: an id is listed twice"
        return {r.id: r.model_dump(mode="json", exclude=HUB_ONLY) for r in records}

    def snapshots(self, mode: str = "auto") -> dict[str, dict[str, dict]]:
        return {resource: self.snapshot(resource, mode) for resource in RESOURCES}

    def live(self) -> dict[str, dict[str, dict]]:
        """The provider's records, read once the fault has cleared (the tenant does not change after)."""
        if self._live is None:
            self._live = self.snapshots("live")
        return self._live

    def status(self) -> str:
        return self.hub.accounts()[0].status

    def events(self) -> list[tuple[str, str]]:
        """The change events recorded (type, record id); account events such as syncs left out."""
        e = t.events.c
        with self.hub.store.engine.connect() as db:
            query = select(e.type, e.record_id).where(e.record_id.is_not(None))
            return [tuple(row) for row in db.execute(query)]

    # -- the scenario's steps -------------------------------------------------------------------------

    def sync(self, *, at: dict[tuple[str, str], Callable[[], Any]] | None = None, **options: Any) -> Any:
        """Sync, doing ``at[(model, stage)]()`` when the sync reports that stage of that model."""
        actions = at or {}

        def progress(model: str, stage: str, info: Any) -> None:
            action = actions.get((model, stage)) or actions.get(("*", stage))
            if action is not None:
                action()

        return self.hub.sync(self.account, progress=progress, **options)

    def settled(self, report: Any) -> list[str]:
        """After the fault cleared: each model the faulty run finished equals the provider, the others
        are exactly as before it. Returns the resources left as before."""
        unfinished = [r for r, model in RESOURCES.items() if not report.models[model].complete]
        for resource in RESOURCES:
            stored = self.records(resource)
            assert not [r.id for r in stored if r.remote_was_deleted], f"{resource}: wrongly marked deleted"
            expected = self.before[resource] if resource in unfinished else self.live()[resource]
            assert self.snapshot(resource, records=stored) == expected, resource
        return unfinished

    def recovered(self) -> Any:
        """A rerun after the fault cleared leaves nothing lost, duplicated or stale."""
        report = self.hub.sync(self.account, force=True)
        assert report.status == "succeeded", report.errors
        assert self.status() == "linked"
        for resource in RESOURCES:
            stored = self.records(resource)
            assert not [r.id for r in stored if r.remote_was_deleted], f"{resource}: wrongly marked deleted"
            assert self.snapshot(resource, records=stored) == self.live()[resource], resource
        events = self.events()
        repeated = [e for e, n in Counter(events).items() if n > 1]
        assert not repeated, f"events announced twice: {repeated}"
        kinds = Counter(kind for kind, _ in events)
        assert kinds["employee.created"] == len(self.changes.hired) == 2
        assert kinds["employee.terminated"] == len(self.changes.terminated) == 1
        return report


@pytest.fixture
def make_world(tmp_path) -> Iterator[Callable[..., World]]:
    with contextlib.ExitStack() as stack:

        def make(*, loopback: bool = False, **settings: Any) -> World:
            sb = Sandbox(employees=40, seed=5, page_limits=PAGES)
            options = {
                "retry_initial_wait": 0.002,
                "max_attempts": ATTEMPTS,
                "max_retry_seconds": 5.0,
                "read_timeout": 0.5,
            } | settings
            if loopback:
                base = stack.enter_context(serve_in_thread(sb.app))
                http = HttpSettings(sandbox_origins=frozenset({base}), **options)
            else:
                base = IN_PROCESS
                http = HttpSettings(transport=sb.transport(), **options)
            hub = Hub(settings=http, database_url=f"sqlite:///{tmp_path / 'hub.db'}")
            return World(sb, hub, base)

        yield make
