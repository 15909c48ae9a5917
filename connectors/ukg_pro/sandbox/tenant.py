"""A UKG Pro tenant: its clock, its lookups, and :meth:`Tenant.advance` (hire, change, terminate).

The people, companies and catalogue come from ``generate.py``. Everything generated happened
strictly before midnight of ``as_of``; :meth:`Tenant.advance` stamps its changes with the tenant
clock, so a change-feed window after ``as_of`` holds exactly them.
"""

from __future__ import annotations

import gc
import random
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from connectors.ukg_pro.sandbox.formats import truncate_ms
from connectors.ukg_pro.sandbox.generate import Generator
from connectors.ukg_pro.sandbox.ids import mix
from connectors.ukg_pro.sandbox.model import Employment, Job, LocationSpec, OrgUnit, PayGroup
from connectors.ukg_pro.sandbox.roster import Roster
from connectors.ukg_pro.sandbox.settings import SandboxSettings

__all__ = ["AdvanceSummary", "Clock", "Tenant"]

Clock = Callable[[], datetime]
"""A source of naive UTC datetimes."""


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class AdvanceSummary:
    """What :meth:`Tenant.advance` did: the employee ids hired, changed and terminated, and when.

    ``kinds`` maps each changed employee id to the kind of change (promotion, merit, transfer,
    address, name, leave).
    """

    at: datetime
    hired: tuple[str, ...]
    changed: tuple[str, ...]
    terminated: tuple[str, ...]
    kinds: dict[str, str] = field(default_factory=dict)

    @property
    def employee_ids(self) -> frozenset[str]:
        """Every employee id touched."""
        return frozenset(self.hired + self.changed + self.terminated)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (the admin endpoint's answer)."""
        return {
            "at": self.at.isoformat(),
            "hired": list(self.hired),
            "changed": list(self.changed),
            "terminated": list(self.terminated),
            "kinds": dict(self.kinds),
        }


class Tenant(Roster):
    """A generated UKG Pro tenant (its :class:`Roster`) and its clock.

    Args:
        settings: size, seed and the tenant's customisations.
        clock: a fixed naive-UTC ``datetime`` (the clock stands still until moved) or a callable
            returning one; default the real UTC time.

    """

    def __init__(self, settings: SandboxSettings, clock: datetime | Clock | None = None) -> None:
        self._fixed: datetime | None = None
        self._source: Clock = _utc_now
        self._offset = timedelta()
        if isinstance(clock, datetime):
            self._fixed = truncate_ms(clock.replace(tzinfo=None))
        elif clock is not None:
            self._source = clock
        super().__init__(settings, settings.as_of or self.now.date())
        self.lock = threading.RLock()
        self.version = 0
        self.row_cache: dict[str, tuple[int, list[Any]]] = {}
        self._advances = 0
        self._gen = Generator(self)
        # Generation allocates millions of small objects that all live on; pausing the cyclic
        # collector meanwhile saves about a third of the time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._gen.generate()
        finally:
            if collecting:
                gc.enable()

    # -- clock -------------------------------------------------------------------------------------------

    @property
    def now(self) -> datetime:
        """The tenant's current time (naive UTC, millisecond precision)."""
        if self._fixed is not None:
            return self._fixed
        return truncate_ms(self._source() + self._offset)

    @now.setter
    def now(self, value: datetime) -> None:
        self.freeze(value)

    def freeze(self, at: datetime | None = None) -> None:
        """Stop the clock at ``at`` (default: the current tenant time)."""
        moment = self.now if at is None else at
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        self._fixed = truncate_ms(moment)

    def unfreeze(self) -> None:
        """Let the clock run again from where it stands."""
        if self._fixed is not None:
            self._offset = self._fixed - self._source()
            self._fixed = None

    def travel(self, delta: timedelta) -> datetime:
        """Move the clock by ``delta``; returns the new time."""
        if self._fixed is not None:
            self._fixed = truncate_ms(self._fixed + delta)
        else:
            self._offset += delta
        return self.now

    # -- lookup ------------------------------------------------------------------------------------------

    def home(self, employee_id: str) -> Employment | None:
        """The home-company employment of an employee id, or None."""
        found = self.find(employee_id)
        for employment in found:
            if employment.is_home:
                return employment
        return found[0] if found else None

    def org_unit(self, level: int, code: str | None) -> OrgUnit | None:
        """An org unit by level and code."""
        return self._gen.org_by_code.get((level, code)) if code else None

    def job(self, code: str) -> Job | None:
        """A job by code (case-insensitive)."""
        return self._gen.job_by_code.get(code.upper())

    def location(self, code: str) -> LocationSpec | None:
        """A location by code (case-insensitive)."""
        return self._gen.location_by_code.get(code.upper())

    def last_pay_date(self, pay_group: PayGroup, on: date | None = None) -> date:
        """The last pay date of a pay group on or before ``on`` (default ``as_of`` minus a day)."""
        return self._gen.last_pay_date(pay_group, on or self.as_of - timedelta(days=1))

    def people_count(self) -> int:
        """Distinct people (a person holding jobs in both companies counts once)."""
        return len({id(e.person) for e in self.employments})

    def summary(self) -> dict[str, Any]:
        """Counts for the admin state and for tests: rows, people, statuses, companies, managers."""
        with self.lock:
            statuses = Counter(e.status for e in self.employments)
            future = sum(1 for e in self.employments if e.last_hire > self.as_of)
            return {
                "seed": self.seed,
                "as_of": self.as_of.isoformat(),
                "now": self.now.isoformat(),
                "version": self.version,
                "people": self.people_count(),
                "employments": len(self.employments),
                "statuses": dict(sorted(statuses.items())),
                "future_hires": future,
                "part_time": sum(1 for e in self.employments if e.full_part == "P"),
                "hourly": sum(1 for e in self.employments if e.salary_hourly == "H"),
                "managers": sum(1 for e in self.employments if e.reports),
                "by_company": dict(Counter(e.company.company_id for e in self.employments)),
                "multi_company_people": sum(1 for e in self.employments if not e.is_home),
                "job_history_rows": sum(len(e.history) for e in self.employments),
            }

    # -- change ------------------------------------------------------------------------------------------

    def advance(
        self, hires: int = 0, changes: int = 0, terminations: int = 0, *, at: datetime | None = None
    ) -> AdvanceSummary:
        """Hire, change and terminate employees now (or ``at``), as HR would in UKG.

        Hires start today with a manager in the tree; changes are promotions, merit increases,
        transfers, address or name changes and leaves (started or ended); terminations pick
        employees without direct reports. Every touched employee gets ``dateTimeChanged`` = the
        tenant time, so the change feed over a window around it reports exactly them.
        Raises ValueError when the tenant has too few candidates.
        """
        if min(hires, changes, terminations) < 0:
            raise ValueError("counts must not be negative")
        with self.lock:
            if at is not None and at.tzinfo is not None:
                at = at.astimezone(UTC).replace(tzinfo=None)
            moment = truncate_ms(at or self.now)
            rng = random.Random(mix(self.seed, 0xADDA, self._advances))
            self._advances += 1
            today = moment.date()
            pool = [
                e
                for e in self.employments
                if e.is_home and e.status in ("A", "L") and e.last_hire <= today and e.supervisor is not None
            ]
            leavers = [e for e in pool if e.reports == 0]
            if terminations > len(leavers):
                raise ValueError(f"only {len(leavers)} employees can be terminated")
            terminated = rng.sample(leavers, terminations) if terminations else []
            gone = {id(e) for e in terminated}
            rest = [e for e in pool if id(e) not in gone]
            if changes > len(rest):
                raise ValueError(f"only {len(rest)} employees can be changed")
            changed = rng.sample(rest, changes) if changes else []
            kinds: dict[str, str] = {}
            for employment in changed:
                kinds[employment.employee_id] = self._gen.change(employment, rng, moment)
            for employment in terminated:
                self._gen.terminate(employment, rng, moment)
            hired = [self._gen.hire(rng, moment) for _ in range(hires)]
            self.version += 1
            return AdvanceSummary(
                at=moment,
                hired=tuple(e.employee_id for e in hired),
                changed=tuple(e.employee_id for e in changed),
                terminated=tuple(e.employee_id for e in terminated),
                kinds=kinds,
            )

    def purge(self, employee_id: str) -> list[Employment]:
        """Remove an employee's records outright, as a data purge in UKG does.

        Nothing appears in the change feed: only a full read notices the employee is gone.
        """
        with self.lock:
            gone = self.remove(employee_id)
            self.version += 1
            return gone

    def changed_between(self, start: datetime, end: datetime) -> list[Employment]:
        """Employments whose record or person changed in ``[start, end]`` (the change feed)."""
        with self.lock:
            return [e for e in self.employments if start <= e.touched_at <= end]
