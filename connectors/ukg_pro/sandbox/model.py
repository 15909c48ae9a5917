"""The tenant's objects: companies, org units, jobs, pay groups, people, employments, job history.

Kept as slotted dataclasses so 50,000 employees and their history fit in a few hundred megabytes;
the per-endpoint JSON shapes are built from them on request (``records.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from connectors.ukg_pro.sandbox.ids import hashed_guid
from connectors.ukg_pro.sandbox.vocab import LocationSpec

__all__ = [
    "Company",
    "EarlierSpell",
    "Employment",
    "HistoryRow",
    "Job",
    "LocationSpec",
    "OrgUnit",
    "PayGroup",
    "Person",
]


@dataclass(slots=True)
class Company:
    """A company of the tenant: the master company or a component company."""

    company_id: str
    code: str
    name: str
    is_master: bool
    master_id: str
    country: str
    currency: str
    language: str
    address1: str
    address2: str | None
    city: str
    state: str
    postal: str
    county: str | None
    phone: str
    phone_ext: str | None
    federal_tax_id: str
    gl_segment: str


@dataclass(slots=True, frozen=True)
class OrgUnit:
    """One org-level unit: ``level`` 1-4, its ``code`` and the ``parent`` code one level up."""

    level: int
    code: str
    description: str
    parent: str | None
    gl_segment: str
    budget_group: str | None
    reporting_category: str | None
    is_active: bool
    budget_fte: float
    budget_salary: float
    last_year_fte: float
    last_year_salary: float


@dataclass(slots=True, frozen=True)
class Job:
    """A job of the catalogue (``rank`` 0 contributor … 3 executive)."""

    code: str
    title: str
    long_description: str
    family: str
    flsa: str
    country: str
    rank: int
    hourly: bool
    low: float
    high: float
    grade: str
    is_active: bool


@dataclass(slots=True, frozen=True)
class PayGroup:
    """A pay group and its pay period (``W`` weekly, ``B`` biweekly, ``S`` semi-monthly)."""

    code: str
    description: str
    period: str
    per_year: int
    hourly: bool
    country: str


@dataclass(slots=True)
class Person:
    """The personal side of an employee, shared by every job the person holds in the tenant."""

    person_id: str
    first_name: str
    middle_name: str | None
    last_name: str
    preferred_name: str | None
    former_name: str | None
    prefix: str | None
    suffix: str | None
    gender: str
    birth_date: date
    marital: str | None
    ethnic: str | None
    national_id: str
    country: str
    work_email: str | None
    alt_email: str | None
    home_phone: str | None
    cell_phone: str | None
    address1: str
    address2: str | None
    city: str
    state: str
    postal: str
    county: str | None
    user_name: str
    key: int
    is_smoker: bool
    created_at: datetime
    changed_at: datetime

    @property
    def address_id(self) -> str:
        """The GUID of the person's home address."""
        return hashed_guid(self.key, 1)

    @property
    def home_phone_id(self) -> str:
        """The GUID of the person's home phone."""
        return hashed_guid(self.key, 2)


@dataclass(slots=True)
class HistoryRow:
    """One row of an employee's job history, a snapshot of the job as of ``effective``."""

    system_id: str
    effective: date
    created_at: datetime
    reason: str
    is_promotion: bool
    is_transfer: bool
    is_job_change: bool
    is_rate_change: bool
    is_org_change: bool
    job: Job
    annual: float
    hourly_rate: float
    weekly_hours: float
    full_part: str
    salary_hourly: str
    employee_type: str
    status: str
    org: tuple[str, str, str, str | None]
    location: str
    pay_group: PayGroup
    supervisor: Employment | None
    percent_change: float


@dataclass(slots=True, frozen=True)
class EarlierSpell:
    """A rehire's earlier spell in the same company: hired on ``hired``, terminated on ``terminated``."""

    hired: date
    terminated: date
    reason: str
    term_type: str


@dataclass(slots=True, eq=False)
class Employment:
    """One job of a person in one company: keyed by (employee id, company id), as UKG keys it."""

    key: int
    employee_id: str
    number: str
    company: Company
    person: Person
    is_home: bool
    status: str
    status_start: date
    employee_type: str
    full_part: str
    salary_hourly: str
    job: Job
    alt_title: str | None
    org: tuple[str, str, str, str | None]
    location: LocationSpec
    supervisor: Employment | None
    original_hire: date
    last_hire: date
    date_in_job: date
    term_date: date | None
    term_reason: str | None
    term_type: str | None
    ok_to_rehire: str | None
    leave_reason: str | None
    pay_group: PayGroup
    annual: float
    hourly_rate: float
    weekly_hours: float
    last_review: date | None
    next_review: date | None
    work_phone: str | None
    work_ext: str | None
    hire_source: str
    review_rating: str | None
    created_at: datetime
    changed_at: datetime
    history: list[HistoryRow] = field(default_factory=list)
    reports: int = 0
    earlier: EarlierSpell | None = None
    """The spell before a rehire (``last_hire`` then follows ``earlier.terminated``)."""
    converted: bool = False
    """Loaded by the customer's data conversion: space-padded char codes, no job-change reason (inferred)."""

    @property
    def integration_id(self) -> str:
        """UKG's ``integrationRecordId`` of the employment (a GUID)."""
        return hashed_guid(self.key, 3)

    @property
    def family(self) -> str:
        """The job family (ENG, SAL, OPS …)."""
        return self.job.family

    @property
    def is_active(self) -> bool:
        """Whether the employment is current (not terminated or released)."""
        return self.status not in ("T", "R")

    @property
    def touched_at(self) -> datetime:
        """The later of the employment's and the person's last change (what the change feed keys on)."""
        person_changed = self.person.changed_at
        return person_changed if person_changed > self.changed_at else self.changed_at
