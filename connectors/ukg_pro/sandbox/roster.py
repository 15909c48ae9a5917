"""A tenant's people and catalogue: what the generator fills in and the tenant serves and changes."""

from __future__ import annotations

from datetime import date

from connectors.ukg_pro.sandbox import vocab
from connectors.ukg_pro.sandbox.model import Company, Employment, Job, LocationSpec, OrgUnit, PayGroup
from connectors.ukg_pro.sandbox.settings import SandboxSettings

__all__ = ["Roster"]


class Roster:
    """Companies, org units, jobs, locations, pay groups and employments, with the id index.

    :class:`~connectors.ukg_pro.sandbox.tenant.Tenant` is one (with a clock and changes over time);
    :class:`~connectors.ukg_pro.sandbox.generate.Generator` fills one in.
    """

    def __init__(self, settings: SandboxSettings, as_of: date) -> None:
        self.settings = settings
        self.seed = settings.seed
        self.as_of = as_of
        self.companies: list[Company] = []
        self.org_units: list[OrgUnit] = []
        self.jobs: list[Job] = []
        self.locations: list[LocationSpec] = list(vocab.LOCATIONS)
        self.pay_groups: list[PayGroup] = [PayGroup(*spec) for spec in vocab.PAY_GROUPS]
        self.employments: list[Employment] = []
        self._by_id: dict[str, list[Employment]] = {}

    @property
    def master(self) -> Company:
        """The master company."""
        return self.companies[0]

    @property
    def component(self) -> Company:
        """The component (Canadian) company."""
        return self.companies[1]

    def find(self, employee_id: str, company_id: str | None = None) -> list[Employment]:
        """Employments by employee id (and company id), matched case-insensitively as UKG's SQL does."""
        found = self._by_id.get(employee_id.upper(), [])
        if company_id is not None:
            wanted = company_id.upper()
            found = [e for e in found if e.company.company_id == wanted]
        return found

    def is_known(self, employee_id: str) -> bool:
        """Whether an employment with this (upper-case) employee id exists already."""
        return employee_id in self._by_id

    def index(self, employment: Employment) -> None:
        """Add ``employment`` to the roster and its id index."""
        self.employments.append(employment)
        self._by_id.setdefault(employment.employee_id, []).append(employment)

    def remove(self, employee_id: str) -> list[Employment]:
        """Take every employment of an employee id out of the roster; the ones removed."""
        gone = self._by_id.pop(employee_id.upper(), [])
        ids = {id(e) for e in gone}
        self.employments = [e for e in self.employments if id(e) not in ids]
        return gone
