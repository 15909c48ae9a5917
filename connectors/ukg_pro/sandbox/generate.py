"""Generating a tenant from a seed and a size, and applying :meth:`Tenant.advance`'s changes.

The tenant holds a master company (US) and a component company (Canada); org levels 1-4 labelled by
the customer; a job catalogue; US and Canadian locations; a supervisor tree (a 7-ary heap: employee
``i`` reports to ``(i - 1) // 7``, so managers are never leaves and terminations never orphan anyone);
actives, leaves, suspensions, releases and terminations; part-time and hourly staff; future hires;
job history with hires, rehires, promotions, merit increases, transfers, leaves and terminations.

UKG's edge cases are built in, so even a small tenant (from about 20 people) has each of them:
a person holding jobs in both companies (one employee id, two company ids, one home company); a
rehire whose earlier spell and its termination show in the job history; an employee supervised from
the other company; US and Canadian addresses; converted records with space-padded char codes; and
a null in every optional field (``published.NULLABLE``). Whatever the draws: the last person drawn
joins the Canadian company if nobody did (so someone lives in Canada and, up the tree, reports to a
US manager); after the draws, a rehire is made if none was drawn and converted records are marked.
The extra draws come from a second random stream (``Generator.aux``), so a tenant that already had
each case keeps its people and values.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from connectors.ukg_pro.sandbox import vocab
from connectors.ukg_pro.sandbox.formats import truncate_ms
from connectors.ukg_pro.sandbox.ids import (
    BASE36,
    company_id,
    employee_number,
    guid,
    mix,
    unique_employee_id,
)
from connectors.ukg_pro.sandbox.model import (
    Company,
    EarlierSpell,
    Employment,
    HistoryRow,
    Job,
    LocationSpec,
    OrgUnit,
    PayGroup,
    Person,
)
from connectors.ukg_pro.sandbox.roster import Roster

__all__ = ["FANOUT", "Generator"]

FANOUT = 7
"""Direct reports per manager in the generated supervisor tree."""

_AREA_CODES = {
    "GA": "404", "TX": "512", "IL": "312", "CO": "303", "NY": "212", "NJ": "201", "WA": "206", "TN": "901",
    "NC": "704", "OH": "614", "AZ": "602", "OR": "503", "MA": "617", "MN": "612", "CA": "619", "FL": "813",
    "MO": "816", "UT": "801", "ON": "416", "BC": "604", "QC": "514", "AB": "403",
}  # fmt: skip
_CHANGE_KINDS = ("promotion", "merit", "transfer", "address", "name", "leave")
_CHANGE_WEIGHTS = (20, 25, 15, 20, 8, 12)
_MINUTE = timedelta(minutes=1)
_FOLDED: dict[str, str] = {}
_CONVERTED_ONE_IN = 6
"""About one employment in this many is a converted record (space-padded codes), chosen by its key."""


def _fold(text: str) -> str:
    """ASCII letters and digits of a name, lower case (for e-mail addresses and user names)."""
    folded = _FOLDED.get(text)
    if folded is None:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        folded = _FOLDED[text] = "".join(c for c in plain if c.isalnum()).lower()
    return folded


@dataclass
class _Dates:
    status: str
    original: date
    last_hire: date
    rehired: bool
    status_start: date
    term_date: date | None = None
    term_reason: str | None = None
    term_type: str | None = None
    ok_to_rehire: str | None = None
    leave_reason: str | None = None


@dataclass(frozen=True)
class _Work:
    employee_type: str
    full_part: str
    hourly: bool
    weekly: float
    rate: float
    annual: float


class Generator:
    """Builds a tenant's catalogue and people (:meth:`generate`); applies its hires, changes, terminations."""

    def __init__(self, tenant: Roster) -> None:
        self.t = tenant
        self.s = tenant.settings
        self.rng = random.Random(mix(tenant.seed, 0x5EED))
        self.aux = random.Random(mix(tenant.seed, 0xED6E))
        self.anchor = datetime.combine(tenant.as_of, time())
        self.taken_ids: set[str] = set()
        self.taken_emails: set[str] = set()
        self.taken_users: set[str] = set()
        self.id_suffix = ""
        self.next_number = 0
        self.org_by_code: dict[tuple[int, str], OrgUnit] = {}
        self.job_by_code: dict[str, Job] = {}
        self.jobs_by: dict[tuple[str, str, int], list[Job]] = {}
        self.location_by_code = {loc.code: loc for loc in vocab.LOCATIONS}
        self.locations_by: dict[tuple[str, str], list[LocationSpec]] = {}
        self.dept_parents: dict[str, tuple[str, str]] = {}
        self.teams_of: dict[str, list[str]] = {}
        self.cities = {"USA": vocab.US_CITIES, "CAN": vocab.CA_CITIES}
        self.city_by_name = {c.name: c for c in vocab.US_CITIES + vocab.CA_CITIES}

    # -- catalogue ---------------------------------------------------------------------------------------

    def generate(self) -> None:
        """Build companies, org units, jobs, locations and people into the tenant."""
        rng = self.rng
        self.id_suffix = rng.choice(BASE36[10:]) + "0"
        self.next_number = 10_000 + int(rng.random() * 2_000)
        self._companies()
        self._org_units()
        self._jobs()
        for loc in vocab.LOCATIONS:
            if loc.is_active:
                self.locations_by.setdefault((loc.country, loc.kind), []).append(loc)
        self._people()
        self._ensure_rehire()
        self._mark_converted()

    def _companies(self) -> None:
        rng, s = self.rng, self.s
        master_id = company_id(rng)
        component_id = company_id(rng)
        while component_id == master_id:
            component_id = company_id(rng)
        initials = "".join(w[0] for w in s.company_name.split() if w[:1].isalpha()).upper()[:3].ljust(3, "X")
        shared = {"master_id": master_id, "language": "EN"}
        master = Company(
            company_id=master_id,
            code=f"{initials}US",
            name=s.company_name,
            is_master=True,
            country="USA",
            currency="USD",
            address1="1180 Peachtree St NE",
            address2="Suite 2400",
            city="Atlanta",
            state="GA",
            postal="30309",
            county="Fulton",
            phone="4045550100",
            phone_ext=None,
            federal_tax_id=f"9{int(rng.random() * 10)}-{int(rng.random() * 10**7):07d}",
            gl_segment="10",
            **shared,
        )
        component = Company(
            company_id=component_id,
            code=f"{initials}CA",
            name=s.component_company_name,
            is_master=False,
            country="CAN",
            currency="CAD",
            address1="100 King St W",
            address2="Suite 5700",
            city="Toronto",
            state="ON",
            postal="M5X 1A9",
            county=None,
            phone="4165550100",
            phone_ext="200",
            federal_tax_id=f"0{int(rng.random() * 10**8):08d}RC0001",
            gl_segment="20",
            **shared,
        )
        self.t.companies = [master, component]

    def _org_units(self) -> None:
        rng = self.rng
        units: list[OrgUnit] = []

        def add(level: int, code: str, description: str, parent: str | None, active: bool, gl: str) -> None:
            fte = float(rng.randrange(5, 400)) if active else 0.0
            salary = round(fte * rng.uniform(60_000, 110_000), -3)
            unit = OrgUnit(
                level=level,
                code=code,
                description=description[:25],
                parent=parent,
                gl_segment=gl,
                budget_group=f"BG{level}{rng.randrange(1, 4)}" if level <= 2 else None,
                reporting_category=("G&A", "R&D", "S&M", "COGS")[int(rng.random() * 4)]
                if level == 2
                else None,
                is_active=active,
                budget_fte=fte,
                budget_salary=salary,
                last_year_fte=round(fte * 0.94, 1),
                last_year_salary=round(salary * 0.95, -3),
            )
            units.append(unit)
            self.org_by_code[(level, code)] = unit

        for n, (code, description, active) in enumerate(vocab.DIVISIONS, 1):
            add(1, code, description, None, active, f"{n}0")
        for code, description, parent, active in vocab.COST_CENTERS:
            add(2, code, description, parent, active, code)
        cost_center_division = {code: parent for code, _, parent, _ in vocab.COST_CENTERS}
        for n, (code, description, parent, active) in enumerate(vocab.DEPARTMENTS, 1):
            add(3, code, description, parent, active, f"{300 + n}")
            self.dept_parents[code] = (cost_center_division[parent], parent)
        for n, (code, description, parent, active) in enumerate(vocab.TEAMS, 1):
            add(4, code, description, parent, active, f"{400 + n}")
            if active:
                self.teams_of.setdefault(parent, []).append(code)
        self.t.org_units = units

    def _jobs(self) -> None:
        jobs: list[Job] = []
        families = {
            "EXEC": "executive leadership",
            "ENG": "the engineering organisation",
            "SUP": "customer support",
            "SAL": "sales and customer success",
            "OPS": "distribution operations",
            "FIN": "finance and accounting",
            "HR": "people operations",
            "ADM": "administration and facilities",
        }
        for spec in vocab.JOBS:
            variants = [("USA", spec.code, 1.0)]
            if spec.rank < 3:
                variants.append(("CAN", ("CA" + spec.code)[:8], 1.1))
            for country, code, factor in variants:
                low, high = spec.low * factor, spec.high * factor
                if not spec.hourly:
                    low, high = round(low, -3), round(high, -3)
                else:
                    low, high = round(low, 2), round(high, 2)
                kind = "people leader" if spec.rank >= 2 else "role"
                job = Job(
                    code=code,
                    title=spec.title,
                    long_description=f"{spec.title}: a {kind} in {families[spec.family]}.",
                    family=spec.family,
                    flsa=spec.flsa,
                    country=country,
                    rank=spec.rank,
                    hourly=spec.hourly,
                    low=low,
                    high=high,
                    grade=f"G{spec.rank + 1}",
                    is_active=True,
                )
                jobs.append(job)
                self.jobs_by.setdefault((spec.family, country, spec.rank), []).append(job)
        retired = Job(
            code="DATAENT",
            title="Data Entry Clerk",
            long_description="Data Entry Clerk (retired job).",
            family="ADM",
            flsa="N",
            country="USA",
            rank=0,
            hourly=True,
            low=15.0,
            high=18.0,
            grade="G1",
            is_active=False,
        )
        jobs.append(retired)
        self.job_by_code = {job.code: job for job in jobs}
        self.t.jobs = jobs

    def pick_job(self, rng: random.Random, family: str, country: str, rank: int) -> Job:
        """A job of the family and country at ``rank``, else the nearest rank that exists."""
        for r in (rank, rank - 1, rank + 1, rank - 2, 0):
            options = self.jobs_by.get((family, country, r))
            if options:
                return options[int(rng.random() * len(options))]
        return self.jobs_by[(family, "USA", 0)][0]

    def pay_group(self, country: str, hourly: bool) -> PayGroup:
        """The pay group for a country and pay basis."""
        for group in self.t.pay_groups:
            if group.country == country and group.hourly == hourly:
                return group
        raise LookupError(country)

    def last_pay_date(self, group: PayGroup, on: date) -> date:
        """The last pay day on or before ``on`` (Fridays; the 15th or month-end if semi-monthly)."""
        if group.period == "S":
            if on.day >= 15:
                return on.replace(day=15)
            return on.replace(day=1) - timedelta(days=1)
        friday = on - timedelta(days=(on.weekday() - 4) % 7)
        if group.period == "B" and (friday - date(2024, 1, 5)).days % 14:
            friday -= timedelta(days=7)
        return friday

    # -- people ------------------------------------------------------------------------------------------

    def _people(self) -> None:
        rng, s, t = self.rng, self.s, self.t
        n = s.employees
        depth = [0] * n
        family = [""] * n
        statuses = self._status_quota(rng, n)
        in_component = False
        for i in range(n):
            parent = (i - 1) // FANOUT if i else -1
            if i:
                depth[i] = depth[parent] + 1
                family[i] = vocab.HEAD_FAMILIES[(i - 1) % FANOUT] if depth[i] == 1 else family[parent]
            else:
                family[i] = "EXEC"
            supervisor = t.employments[parent] if i else None
            has_reports = FANOUT * i + 1 < n
            if depth[i] <= 1:
                company, rank = t.master, 3
            else:
                company = t.component if rng.random() < s.component_share else t.master
                if i == n - 1 and not in_component and s.component_share > 0:
                    # Someone must live in Canada and report across companies: the last one drawn
                    # (depth 2 or more) joins the component company if nobody did.
                    company = t.component
                in_component = in_component or company is t.component
                if has_reports:
                    rank = 2 if depth[i] == 2 or rng.random() < 0.5 else 1
                else:
                    rank = 1 if rng.random() < 0.15 else 0
            if i == 0:
                job = self.job_by_code["CEO"]
            elif depth[i] == 1:
                job = self.pick_job(rng, family[i], "USA", 3)
            else:
                job = self.pick_job(rng, family[i], company.country, rank)
            employment = self._employment(
                rng,
                company,
                job,
                supervisor,
                leaf=not has_reports,
                depth=depth[i],
                status=statuses.get(i, "A"),
            )
            if supervisor is not None:
                supervisor.reports += 1
            t.index(employment)
        self._second_jobs(rng)

    def _status_quota(self, rng: random.Random, n: int) -> dict[int, str]:
        """Statuses of the employees without reports, dealt from exact shares.

        Dealt rather than drawn so even a small tenant has a leave, a termination, a future hire (and,
        from 40 people, a suspension and a release): tests and demos can count on each kind.
        """
        s = self.s
        leaves = [i for i in range(n) if FANOUT * i + 1 >= n and i > FANOUT]
        size = len(leaves)

        def share(value: float, minimum: int) -> int:
            return max(minimum if value > 0 else 0, round(size * value))

        small = 1 if size >= 40 else 0
        deck = (
            ["T"] * share(s.terminated_share, 1)
            + ["L"] * share(s.leave_share, 1)
            + ["S"] * share(0.004, small)
            + ["R"] * share(0.006, small)
            + ["FUTURE"] * share(s.future_hire_share, 1)
        )[:size]
        deck += ["A"] * (size - len(deck))
        rng.shuffle(deck)
        return dict(zip(leaves, deck, strict=True))

    def _second_jobs(self, rng: random.Random) -> None:
        t = self.t
        share = self.s.multi_company_share
        candidates = [
            e
            for e in t.employments
            if e.company is t.master and e.status == "A" and not e.reports and e.supervisor
        ]
        count = min(
            len(candidates),
            max(1 if share > 0 and len(t.employments) >= 20 else 0, round(len(t.employments) * share)),
        )
        managers = [e for e in t.employments if e.company is t.component and e.reports]
        for primary in rng.sample(candidates, count):
            job = self.pick_job(rng, primary.family, "CAN", 0)
            supervisor = managers[int(rng.random() * len(managers))] if managers else primary.supervisor
            hired = max(primary.last_hire, self.t.as_of - timedelta(days=rng.randint(40, 700)))
            second = self._employment(
                rng,
                t.component,
                job,
                supervisor,
                leaf=True,
                depth=9,
                person=primary.person,
                employee_id=primary.employee_id,
                number=primary.number,
                hired=hired,
                part_time=True,
            )
            if supervisor is not None:
                supervisor.reports += 1
            t.index(second)

    def _person(self, rng: random.Random, country: str, near: str, age: int, created: datetime) -> Person:
        first, gender = vocab.FIRST_NAMES[int(rng.random() * len(vocab.FIRST_NAMES))]
        last = vocab.LAST_NAMES[int(rng.random() * len(vocab.LAST_NAMES))]
        r = rng.random()
        middle = (
            vocab.FIRST_NAMES[int(rng.random() * len(vocab.FIRST_NAMES))][0]
            if r < 0.4
            else f"{vocab.FIRST_NAMES[int(rng.random() * len(vocab.FIRST_NAMES))][0][0]}."
            if r < 0.55
            else None
        )
        preferred = (
            vocab.FIRST_NAMES[int(rng.random() * len(vocab.FIRST_NAMES))][0] if rng.random() < 0.1 else None
        )
        prefix = None
        if rng.random() < 0.5:
            prefix = {"M": "MR", "F": ("MS", "MRS")[int(rng.random() * 2)], "X": "MX"}[gender]
            if rng.random() < 0.05:
                prefix = "DR"
        suffix = ("JR", "SR", "III")[int(rng.random() * 3)] if gender == "M" and rng.random() < 0.04 else None
        cities = self.cities[country]
        home = self.city_by_name.get(near)
        city = home if home is not None and rng.random() < 0.6 else cities[int(rng.random() * len(cities))]
        if country == "CAN":
            digit, letter, tail = (
                int(rng.random() * 10),
                chr(65 + int(rng.random() * 26)),
                int(rng.random() * 10),
            )
            postal = f"{city.postal} {digit}{letter}{tail}"
            national_id = f"0{int(rng.random() * 10**8):08d}"
            ethnic = None
        else:
            postal = city.postal
            national_id = f"9{int(rng.random() * 10**8):08d}"
            ethnic = vocab.ETHNIC_CODES[min(int(rng.expovariate(0.9)), len(vocab.ETHNIC_CODES) - 1)][0]
        area = _AREA_CODES.get(city.state, "555")
        local = f"{_fold(first)}.{_fold(last)}"
        email = f"{local}@{self.s.email_domain}"
        n = 1
        while email in self.taken_emails:
            n += 1
            email = f"{local}{n}@{self.s.email_domain}"
        self.taken_emails.add(email)
        user = email.split("@", 1)[0]
        self.taken_users.add(user)
        birth = self.t.as_of - timedelta(days=age * 365 + int(rng.random() * 365))
        changed = created + (self.anchor - created) * rng.random() * 0.5
        return Person(
            person_id=guid(rng),
            first_name=first,
            middle_name=middle,
            last_name=last,
            preferred_name=preferred,
            former_name=vocab.LAST_NAMES[int(rng.random() * len(vocab.LAST_NAMES))]
            if rng.random() < 0.05
            else None,
            prefix=prefix,
            suffix=suffix,
            gender=gender,
            birth_date=birth,
            marital=("S", "M", "M", "D", "W", "P")[int(rng.random() * 6)] if rng.random() < 0.92 else None,
            ethnic=ethnic,
            national_id=national_id,
            country=country,
            work_email=email,
            alt_email=f"{_fold(first)}{_fold(last)}{rng.randrange(10, 99)}@mail.example"
            if rng.random() < 0.5
            else None,
            home_phone=f"{area}55501{int(rng.random() * 100):02d}" if rng.random() < 0.85 else None,
            cell_phone=f"{area}55501{int(rng.random() * 100):02d}" if rng.random() < 0.7 else None,
            address1=f"{rng.randint(1, 9999)} {vocab.STREETS[int(rng.random() * len(vocab.STREETS))]}",
            address2=("Apt 4B", "Unit 12", "Suite 300", "Apt 1207", "#5")[int(rng.random() * 5)]
            if rng.random() < 0.15
            else None,
            city=city.name,
            state=city.state,
            postal=postal,
            county=city.county,
            user_name=user,
            key=rng.getrandbits(62),
            is_smoker=rng.random() < 0.08,
            created_at=created,
            changed_at=self._before_anchor(changed),
        )

    def _before_anchor(self, moment: datetime) -> datetime:
        limit = self.anchor - timedelta(minutes=1)
        return truncate_ms(moment if moment < limit else limit)

    def _at(self, rng: random.Random, day: date) -> datetime:
        """A working-hours instant on ``day`` (millisecond precision), never after the generation anchor."""
        moment = datetime(day.year, day.month, day.day, 8) + timedelta(
            milliseconds=int(rng.random() * 36_000_000)
        )
        limit = self.anchor - _MINUTE
        return moment if moment < limit else limit

    def _dates(self, rng: random.Random, status: str, hired: date | None, leaf: bool, depth: int) -> _Dates:
        """Hire, rehire, status and termination dates for a new employment."""
        as_of = self.t.as_of
        if hired is not None:
            original = hired
        elif status == "FUTURE":
            original = as_of + timedelta(days=rng.randint(3, 60))
        else:
            base = {0: 5000, 1: 2500}.get(depth, 900 if not leaf else 0)
            tenure = base + int(rng.expovariate(1 / 1100)) + 20
            if status in ("T", "R"):
                tenure = max(tenure, 120)
            original = as_of - timedelta(days=min(tenure, 12_000))
        last_hire = original
        rehired = (
            status == "A" and leaf and hired is None and (as_of - original).days > 900 and rng.random() < 0.04
        )
        if rehired:
            last_hire = original + timedelta(days=rng.randint(200, (as_of - original).days - 100))
        if status == "FUTURE":
            status = "A"
        dates = _Dates(status, original, last_hire, rehired, last_hire)
        if status in ("T", "R"):
            span = (as_of - last_hire).days
            dates.term_date = last_hire + timedelta(days=rng.randint(min(60, span - 2), span - 1))
            code, _, kind = vocab.TERM_REASONS[int(rng.random() * len(vocab.TERM_REASONS))]
            if status == "R":
                code, kind = "RIF", "I"
            dates.term_reason, dates.term_type = code, kind
            dates.ok_to_rehire = "N" if code in ("PERF", "ATTEND") else "Y"
            dates.status_start = dates.term_date
        elif status == "L":
            dates.status_start = max(
                last_hire + timedelta(days=1), as_of - timedelta(days=rng.randint(3, 150))
            )
            dates.leave_reason = vocab.LEAVE_REASONS[int(rng.random() * len(vocab.LEAVE_REASONS))][0]
        elif status == "S":
            dates.status_start = max(
                last_hire + timedelta(days=1), as_of - timedelta(days=rng.randint(1, 20))
            )
        return dates

    def _work(self, rng: random.Random, job: Job, country: str, regular: bool, part_time: bool) -> _Work:
        """Employee type, schedule and pay; ``regular`` staff (managers, executives) are full-time REG."""
        employee_type = "REG"
        if not regular and not part_time:
            r = rng.random()
            if r < 0.03:
                employee_type = "TMP"
            elif r < 0.05 and job.family == "OPS":
                employee_type = "SEA"
            elif r < 0.08 and job.family in ("ENG", "SAL", "HR"):
                employee_type = "INT"
        full_part = "P" if part_time or (not regular and rng.random() < self.s.part_time_share) else "F"
        hourly = job.hourly or (full_part == "P" and job.rank == 0 and rng.random() < 0.6)
        if full_part == "P":
            weekly = (20.0, 24.0, 25.0, 30.0)[int(rng.random() * 4)] if not part_time else 10.0
        else:
            weekly = 37.5 if country == "CAN" and not job.hourly and rng.random() < 0.5 else 40.0
        if job.hourly:
            rate = round(rng.uniform(job.low, job.high), 2)
        elif hourly:
            rate = round(rng.uniform(job.low, job.high) / 2080, 2)
        else:
            rate = 0.0
        if hourly:
            annual = round(rate * weekly * 52, 2)
        else:
            annual = float(round(rng.uniform(job.low, job.high) / 500) * 500)
            if full_part == "P":
                annual = round(annual * weekly / 40, 2)
            rate = round(annual / (weekly * 52), 4)
        return _Work(employee_type, full_part, hourly, weekly, rate, annual)

    def _placement(
        self, rng: random.Random, job: Job, depth: int, supervisor: Employment | None, country: str
    ) -> tuple[tuple[str, str, str, str | None], LocationSpec]:
        """Org levels 1-4 (reports mostly join their manager's department) and a work location."""
        if job.family == "EXEC" or depth == 1:
            department = "EXEC"
        elif (
            supervisor is not None
            and supervisor.family == job.family
            and supervisor.org[2] in vocab.FAMILY_DEPARTMENTS[job.family]
            and rng.random() < 0.85
        ):
            department = supervisor.org[2]
        else:
            options = vocab.FAMILY_DEPARTMENTS[job.family]
            department = options[int(rng.random() * len(options))]
        teams = self.teams_of.get(department, [])
        team = teams[int(rng.random() * len(teams))] if teams and rng.random() < 0.75 else None
        division, cost_center = self.dept_parents[department]
        if job.family == "OPS" and rng.random() < 0.85:
            kind = "warehouse"
        elif job.family in ("ENG", "SAL", "SUP", "HR", "FIN") and rng.random() < 0.15:
            kind = "remote"
        else:
            kind = "office"
        places = self.locations_by.get((country, kind)) or self.locations_by[(country, "office")]
        return (division, cost_center, department, team), places[int(rng.random() * len(places))]

    def _employment(
        self,
        rng: random.Random,
        company: Company,
        job: Job,
        supervisor: Employment | None,
        *,
        leaf: bool,
        depth: int,
        person: Person | None = None,
        employee_id: str | None = None,
        number: str | None = None,
        hired: date | None = None,
        part_time: bool = False,
        status: str = "A",
    ) -> Employment:
        """A new employment (and person, unless given) with its job history."""
        as_of = self.t.as_of
        country = company.country
        dates = self._dates(rng, status, hired, leaf, depth)
        work = self._work(rng, job, country, regular=not leaf or depth < 2, part_time=part_time)
        org, location = self._placement(rng, job, depth, supervisor, country)
        if employee_id is None:
            employee_id = unique_employee_id(rng, self.id_suffix, self.taken_ids)
        if number is None:
            number = employee_number(self.next_number)
            self.next_number += 1
        original = dates.original
        if hired is not None and hired >= as_of:
            created = self._at(rng, as_of - timedelta(days=1))
        elif original > as_of:
            created = self._at(rng, as_of - timedelta(days=rng.randint(1, 20)))
        else:
            created = self._at(rng, original - timedelta(days=rng.randint(1, 25)))
        new_person = person is None
        if person is None:
            age = {0: 55, 1: 48}.get(depth, 38 if not leaf else 20 + min(int(rng.expovariate(1 / 14)), 45))
            age = max(age, 18 + (as_of - original).days // 365)
            person = self._person(rng, country, location.city, age, created)
        area = _AREA_CODES.get(location.state, "555")
        desk = location.kind == "office" or not work.hourly
        department = self.org_by_code.get((3, org[2])) if org[2] else None
        employment = Employment(
            key=(self.t.seed & 0xFFFFFF) << 40 | int(number) << 1 | (0 if company.is_master else 1),
            employee_id=employee_id,
            number=number,
            company=company,
            person=person,
            is_home=not self.t.is_known(employee_id),
            status=dates.status,
            status_start=dates.status_start,
            employee_type=work.employee_type,
            full_part=work.full_part,
            salary_hourly="H" if work.hourly else "S",
            job=job,
            alt_title=f"{job.title} ({department.description})"
            if department and rng.random() < 0.12
            else None,
            org=org,
            location=location,
            supervisor=supervisor,
            original_hire=original,
            last_hire=dates.last_hire,
            date_in_job=dates.last_hire,
            term_date=dates.term_date,
            term_reason=dates.term_reason,
            term_type=dates.term_type,
            ok_to_rehire=dates.ok_to_rehire,
            leave_reason=dates.leave_reason,
            pay_group=self.pay_group(country, work.hourly),
            annual=work.annual,
            hourly_rate=work.rate,
            weekly_hours=work.weekly,
            last_review=None,
            next_review=None,
            work_phone=f"{area}55501{int(rng.random() * 100):02d}" if desk else None,
            work_ext=f"{rng.randrange(1000, 9999)}" if desk and rng.random() < 0.7 else None,
            hire_source=("WEB", "WEB", "REF", "AGY", "UNI")[int(rng.random() * 5)],
            review_rating=str(rng.randint(2, 5)) if original < as_of - timedelta(days=365) else None,
            created_at=created,
            changed_at=created,
        )
        if new_person and job.family == "OPS" and work.hourly and rng.random() < 0.35:
            employment.person.work_email = None
        if dates.rehired:
            employment.earlier = self._earlier_spell(original, dates.last_hire)
        employment.converted = mix(employment.key, 0xC0DE) % _CONVERTED_ONE_IN == 0
        self._history(rng, employment, dates.rehired)
        return employment

    def _earlier_spell(self, hired: date, rehired: date) -> EarlierSpell:
        """The spell before a rehire on ``rehired``: from ``hired`` to a voluntary termination between."""
        aux = self.aux
        gap = (rehired - hired).days
        low = max(1, gap // 2)
        terminated = hired + timedelta(days=aux.randint(low, max(low, gap - 14)))
        voluntary = [(code, kind) for code, _, kind in vocab.TERM_REASONS if kind == "V"]
        reason, kind = voluntary[int(aux.random() * len(voluntary))]
        return EarlierSpell(hired=hired, terminated=terminated, reason=reason, term_type=kind)

    def _ensure_rehire(self) -> None:
        """Make the longest-serving active employee without reports a rehire if the draws made none."""
        t, as_of = self.t, self.t.as_of
        if any(e.earlier is not None for e in t.employments):
            return
        candidates = [
            e
            for e in t.employments
            if e.status == "A"
            and not e.reports
            and e.supervisor is not None
            and len(t.find(e.employee_id)) == 1
            and (as_of - e.original_hire).days >= 60
        ]
        if not candidates:
            return
        e = min(candidates, key=lambda c: (c.original_hire, c.number))
        span = (as_of - e.original_hire).days
        e.last_hire = e.status_start = e.original_hire + timedelta(days=span * 3 // 5)
        e.earlier = self._earlier_spell(e.original_hire, e.last_hire)
        self._history(self.aux, e, rehired=True)

    def _mark_converted(self) -> None:
        """Converted records beyond the share chosen by key: one per company and a terminated one.

        So padded ``"F "``, ``"CAD "``, a padded status and a padded term reason are always served.
        """
        t = self.t
        width = vocab.CHAR_WIDTHS["termReason"]
        for company in t.companies:
            first = next((e for e in t.employments if e.company is company), None)
            if first is not None:
                first.converted = True
        terminated = [e for e in t.employments if e.status == "T" and e.term_reason]
        short = [e for e in terminated if len(e.term_reason or "") < width]
        if short or terminated:
            (short or terminated)[0].converted = True

    def _history(self, rng: random.Random, e: Employment, rehired: bool) -> None:
        """Job history from hire to now, built backwards from the current job and pay."""
        as_of = self.t.as_of
        end = e.term_date or (e.status_start if e.status == "L" else as_of)
        events: list[tuple[date, str]] = [(e.original_hire, "100")]
        earlier = e.earlier.terminated if e.earlier is not None else None
        if rehired:
            events.append((e.last_hire, "101"))
            if earlier is not None:
                events.append((earlier, "500"))
        span = (end - e.last_hire).days
        promoted = None
        if e.job.rank > 0 and span > 400 and rng.random() < 0.6:
            before = self.pick_job(rng, e.job.family, e.job.country, e.job.rank - 1)
            if before.rank < e.job.rank:
                promoted = before
                events.append((e.last_hire + timedelta(days=rng.randint(180, span - 60)), "200"))
        if span > 420 and rng.random() < 0.5:
            events.append((end - timedelta(days=rng.randint(20, min(400, span - 20))), "210"))
        if span > 300 and rng.random() < 0.15:
            events.append((end - timedelta(days=rng.randint(10, span - 200)), "300"))
        if e.status == "L":
            events.append((e.status_start, "400"))
        if e.status in ("T", "R"):
            events.append((e.term_date or end, "500"))
        events.sort()
        rows: list[HistoryRow] = []
        job, annual, rate, org = e.job, e.annual, e.hourly_rate, e.org
        for day, reason in reversed(events):
            status = {"400": "L", "500": "R" if e.status == "R" and day != earlier else "T"}.get(reason, "A")
            pct = {"200": 0.10, "210": 0.035}.get(reason, 0.0)
            # The earlier spell's end draws from the second stream: adding it moved no other value.
            draw = self.aux if reason == "500" and day == earlier else rng
            rows.append(self._row(draw, e, day, reason, job, annual, rate, org, status, pct * 100))
            if reason == "200" and promoted is not None:
                job = promoted
            if pct:
                annual, rate = round(annual / (1 + pct), 2), round(rate / (1 + pct), 4)
            if reason == "300":
                options = vocab.FAMILY_DEPARTMENTS.get(e.job.family, (org[2],))
                department = options[int(rng.random() * len(options))]
                if department != org[2]:
                    division, cost_center = self.dept_parents[department]
                    org = (division, cost_center, department, None)
        rows.reverse()
        e.history = rows
        job_days = [row.effective for row in rows if row.reason in ("100", "101", "200", "300")]
        e.date_in_job = max(job_days) if job_days else e.last_hire
        reviews = [row.effective for row in rows if row.reason in ("200", "210")]
        e.last_review = max(reviews) if reviews else None
        if e.is_active and e.last_hire <= as_of:
            e.next_review = (e.last_review or e.last_hire) + timedelta(days=365)
        latest = max(row.created_at for row in rows)
        drift = (self.anchor - latest) * rng.random() * 0.3
        e.changed_at = self._before_anchor(max(e.created_at, latest + drift))

    def _row(
        self,
        rng: random.Random,
        e: Employment,
        day: date,
        reason: str,
        job: Job,
        annual: float,
        rate: float,
        org: tuple[str, str, str, str | None],
        status: str,
        percent: float,
        *,
        created: datetime | None = None,
    ) -> HistoryRow:
        if created is None:
            created = e.created_at if day > self.t.as_of - timedelta(days=1) else self._at(rng, day)
        return HistoryRow(
            system_id=unique_employee_id(rng, self.id_suffix, self.taken_ids),
            effective=day,
            created_at=created,
            reason=reason,
            is_promotion=reason == "200",
            is_transfer=reason == "300",
            is_job_change=reason in ("200", "300"),
            is_rate_change=reason in ("200", "210"),
            is_org_change=reason in ("300", "310"),
            job=job,
            annual=annual,
            hourly_rate=rate,
            weekly_hours=e.weekly_hours,
            full_part=e.full_part,
            salary_hourly=e.salary_hourly,
            employee_type=e.employee_type,
            status=status,
            org=org,
            location=e.location.code,
            pay_group=e.pay_group,
            supervisor=e.supervisor,
            percent_change=round(percent, 2),
        )

    # -- advance -----------------------------------------------------------------------------------------

    def hire(self, rng: random.Random, now: datetime) -> Employment:
        """Hire one person today under an active manager."""
        t = self.t
        today = now.date()
        in_component = rng.random() < self.s.component_share
        company = t.component if in_component else t.master
        managers = (
            [
                e
                for e in t.employments
                if e.company is company and e.status == "A" and e.job.rank >= 1 and e.is_home
            ]
            or [e for e in t.employments if e.status == "A" and e.job.rank >= 1]
            or t.employments[:1]
        )
        supervisor = managers[int(rng.random() * len(managers))]
        family = (
            supervisor.family
            if supervisor.family != "EXEC"
            else vocab.HEAD_FAMILIES[int(rng.random() * FANOUT)]
        )
        job = self.pick_job(rng, family, company.country, 0)
        saved_anchor = self.anchor
        self.anchor = now + timedelta(seconds=1)  # new records are stamped now, not before as_of
        try:
            e = self._employment(rng, company, job, supervisor, leaf=True, depth=9, hired=today, status="A")
        finally:
            self.anchor = saved_anchor
        e.created_at = e.changed_at = now
        e.person.created_at = e.person.changed_at = now
        for row in e.history:
            row.created_at = now
        supervisor.reports += 1
        t.index(e)
        return e

    def terminate(self, e: Employment, rng: random.Random, now: datetime) -> None:
        """Terminate an employee today with a reason."""
        today = now.date()
        code, _, kind = vocab.TERM_REASONS[int(rng.random() * len(vocab.TERM_REASONS))]
        e.status, e.status_start = "T", today
        e.term_date, e.term_reason, e.term_type = today, code, kind
        e.ok_to_rehire = "N" if code in ("PERF", "ATTEND") else "Y"
        e.leave_reason = None
        e.next_review = None
        e.history.append(
            self._row(rng, e, today, "500", e.job, e.annual, e.hourly_rate, e.org, "T", 0.0, created=now)
        )
        e.changed_at = now
        if e.supervisor is not None:
            e.supervisor.reports -= 1

    def change(self, e: Employment, rng: random.Random, now: datetime) -> str:
        """Apply one change (promotion, merit, transfer, address, name, leave); returns its kind."""
        today = now.date()
        kind = rng.choices(_CHANGE_KINDS, _CHANGE_WEIGHTS)[0]
        if kind == "promotion":
            better = self.jobs_by.get((e.family, e.job.country, e.job.rank + 1))
            if not better or e.status != "A":
                kind = "merit"
            else:
                e.job = better[int(rng.random() * len(better))]
                e.annual = round(max(e.annual * 1.1, e.job.low), 2)
                e.hourly_rate = round(e.annual / (e.weekly_hours * 52), 4)
                e.date_in_job = e.last_review = today
                e.next_review = today + timedelta(days=365)
                self._append(rng, e, today, "200", now, 10.0)
        if kind == "merit":
            e.annual = round(e.annual * 1.035, 2)
            e.hourly_rate = round(e.hourly_rate * 1.035, 4)
            e.last_review, e.next_review = today, today + timedelta(days=365)
            self._append(rng, e, today, "210", now, 3.5)
        elif kind == "transfer":
            options = [d for d in vocab.FAMILY_DEPARTMENTS.get(e.family, ()) if d != e.org[2]] or [e.org[2]]
            department = options[int(rng.random() * len(options))]
            division, cost_center = self.dept_parents[department]
            teams = self.teams_of.get(department, [])
            e.org = (
                division,
                cost_center,
                department,
                teams[int(rng.random() * len(teams))] if teams else None,
            )
            places = self.locations_by.get((e.company.country, e.location.kind)) or [e.location]
            e.location = places[int(rng.random() * len(places))]
            e.date_in_job = today
            self._append(rng, e, today, "300", now, 0.0)
        elif kind == "leave":
            if e.status == "L":
                e.status, e.leave_reason = "A", None
                self._append(rng, e, today, "410", now, 0.0)
            else:
                e.status, e.leave_reason = (
                    "L",
                    vocab.LEAVE_REASONS[int(rng.random() * len(vocab.LEAVE_REASONS))][0],
                )
                self._append(rng, e, today, "400", now, 0.0)
            e.status_start = today
        elif kind == "address":
            p = e.person
            p.address1 = f"{rng.randint(1, 9999)} {vocab.STREETS[int(rng.random() * len(vocab.STREETS))]}"
            p.address2 = None
            p.changed_at = now
        elif kind == "name":
            p = e.person
            p.former_name = p.last_name
            p.last_name = vocab.LAST_NAMES[int(rng.random() * len(vocab.LAST_NAMES))]
            p.changed_at = now
        if kind not in ("address", "name"):
            e.changed_at = now
        return kind

    def _append(
        self, rng: random.Random, e: Employment, day: date, reason: str, now: datetime, pct: float
    ) -> None:
        status = "L" if reason == "400" else e.status
        e.history.append(
            self._row(rng, e, day, reason, e.job, e.annual, e.hourly_rate, e.org, status, pct, created=now)
        )
