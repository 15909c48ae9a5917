"""A Tiny HRIS tenant's data: companies, departments, locations, policies and people, and how HR changes them."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

__all__ = ["Advance", "Roster"]

FIRST = ["Ada", "Grace", "Alan", "Katherine", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia"]
LAST = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Johnson",
    "Dijkstra",
    "Liskov",
    "Knuth",
    "Allen",
    "Thompson",
    "Perlman",
]
STREETS = ["Elm Street", "Oak Avenue", "Mill Lane", "Harbour Road", "Station Road"]
TITLES = ["Engineer", "Analyst", "Designer", "Recruiter", "Accountant"]
MANAGERS = 5
"""The first employees manage everyone else (so a leaf employee has a manager and no reports)."""


@dataclass
class Advance:
    """What one :meth:`Roster.advance` did, by employee id."""

    hired: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    terminated: list[str] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)

    @property
    def employee_ids(self) -> frozenset[str]:
        """Every employee hired, changed or terminated."""
        return frozenset(self.hired + self.changed + self.terminated)


class Roster:
    """Every record the sandbox serves, by record type, generated from a seed; ``now`` stamps changes."""

    def __init__(self, employees: int, seed: int, now: Callable[[], datetime]) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.companies = [
            {"id": "C1", "name": "Tiny Co", "parent": "true"},
            {"id": "C2", "name": "Tiny Labs", "parent": "false"},
        ]
        self.departments = [
            {"id": f"D{i}", "name": name, "level": "1", "active": "true"}
            for i, name in enumerate(["Engineering", "Finance", "People", "Sales"], start=1)
        ]
        self.locations = [
            {"id": "L1", "name": "Head office", "city": "Springfield", "country": "US", "active": "true"},
            {"id": "L2", "name": "Lab", "city": "Toronto", "country": "CA", "active": "true"},
        ]
        self.policies = [
            {"id": "VAC", "name": "Vacation", "kind": "vacation"},
            {"id": "SICK", "name": "Sick", "kind": "sick"},
        ]
        self.employees: list[dict[str, Any]] = []
        self.jobs: list[dict[str, Any]] = []
        self.balances: list[dict[str, Any]] = []
        self.changes: list[dict[str, Any]] = []
        self.hired = 0
        for _ in range(employees):
            edited = date(2024, 1, 1) + timedelta(days=self.rng.randrange(300))
            self._hire(
                date(2015, 1, 1) + timedelta(days=self.rng.randrange(3000)), f"{edited}T08:30:00+00:00"
            )
        for person in self.employees[: employees // 10]:
            person["status"] = "leave"

    def rows(self, record: str) -> list[dict[str, Any]]:
        """The rows of one record type (as the field maps name it)."""
        return {
            "employees": self.employees,
            "jobs": self.jobs,
            "companies": self.companies,
            "departments": self.departments,
            "locations": self.locations,
            "time-off-policies": self.policies,
            "time-off-balances": self.balances,
            "changes": self.changes,
        }[record]

    def employee(self, employee_id: str) -> dict[str, Any]:
        """The employee row with this id."""
        return next(e for e in self.employees if e["id"] == employee_id)

    # -- HR at work ------------------------------------------------------------------------------

    def _hire(self, hired: date, stamp: str) -> dict[str, Any]:
        self.hired += 1
        n = self.hired
        eid, rng = f"E{n:03d}", self.rng
        first, last = FIRST[n % len(FIRST)], LAST[(n * 7) % len(LAST)]
        department = self.departments[n % len(self.departments)]["id"]
        title = TITLES[n % len(TITLES)]
        person = {
            "id": eid,
            "number": str(1000 + n),
            "companyId": "C1" if n % 4 else "C2",
            "firstName": first,
            "lastName": last,
            "email": f"{first.lower()}.{last.lower()}{n}@tiny-hris.example",
            "addressLine1": f"{rng.randrange(1, 200)} {rng.choice(STREETS)}",
            "city": "Springfield",
            "country": "US",
            "locationId": "L1" if n % 3 else "L2",
            "managerId": None if n <= MANAGERS else f"E{rng.randrange(1, MANAGERS + 1):03d}",
            "departmentId": department,
            "title": title,
            "nationalId": f"TN-{n:05d}",
            "dateOfBirth": (date(1960, 1, 1) + timedelta(days=rng.randrange(14000))).isoformat(),
            "hireDate": hired.isoformat(),
            "terminationDate": None,
            "status": "active",
            "type": "part_time" if n % 6 == 0 else "full_time",
            "updatedAt": stamp,
        }
        self.employees.append(person)
        self.jobs.append(
            {
                "id": f"J{n:03d}",
                "employeeId": eid,
                "title": title,
                "departmentId": department,
                # Cents that never end in 0, so an amount's two decimals show in JSON.
                "payRate": f"{rng.randrange(40_000, 150_000)}.{rng.randrange(1, 10)}{rng.randrange(1, 10)}",
                "payPeriod": "year",
                "currency": "USD",
                "type": person["type"],
                "effectiveDate": hired.isoformat(),
            }
        )
        for policy in self.policies:
            self.balances.append(
                {
                    "employeeId": eid,
                    "policyId": policy["id"],
                    "balance": f"{rng.randrange(0, 160)}.5",
                    "used": "8",
                }
            )
        return person

    def _touch(self, person: dict[str, Any]) -> None:
        at = self.now()
        person["updatedAt"] = at.isoformat()
        self.changes.append({"employeeId": person["id"], "changedAt": at.isoformat()})

    def advance(self, hires: int = 0, changes: int = 0, terminations: int = 0) -> Advance:
        """HR hires, edits (address, title, pay in turn) and terminates: each change is in the feed."""
        done = Advance()
        active = [e for e in self.employees if e["status"] == "active" and e["id"] > f"E{MANAGERS:03d}"]
        picked = self.rng.sample(active, changes + terminations)
        for i, person in enumerate(picked[:changes]):
            kind = ("address", "title", "pay")[i % 3]
            job = next(j for j in self.jobs if j["employeeId"] == person["id"])
            if kind == "address":
                person["addressLine1"] = f"{self.rng.randrange(200, 400)} {self.rng.choice(STREETS)}"
            elif kind == "title":
                person["title"] = job["title"] = f"Senior {job['title']}"
            else:
                job["payRate"] = f"{float(job['payRate']) + 5000:.2f}"
            self._touch(person)
            done.changed.append(person["id"])
            done.kinds[person["id"]] = kind
        for person in picked[changes:]:
            person["status"], person["terminationDate"] = "terminated", self.now().date().isoformat()
            self._touch(person)
            done.terminated.append(person["id"])
        for _ in range(hires):
            person = self._hire(self.now().date(), self.now().isoformat())
            self._touch(person)
            done.hired.append(person["id"])
        return done

    def purge(self, employee_id: str) -> list[dict[str, Any]]:
        """Delete an employee with their job and balances, as a provider's hard delete does: no feed row."""
        gone = [e for e in self.employees if e["id"] == employee_id]
        self.employees[:] = [e for e in self.employees if e["id"] != employee_id]
        self.jobs[:] = [j for j in self.jobs if j["employeeId"] != employee_id]
        self.balances[:] = [b for b in self.balances if b["employeeId"] != employee_id]
        return gone

    def leaf(self) -> dict[str, Any]:
        """An active employee with a manager and no reports (safe to purge or terminate)."""
        managers = {e["managerId"] for e in self.employees}
        return next(
            e
            for e in self.employees
            if e["status"] == "active" and e["managerId"] and e["id"] not in managers
        )


def utc_now() -> datetime:
    """The real time, in UTC."""
    return datetime.now(UTC)
