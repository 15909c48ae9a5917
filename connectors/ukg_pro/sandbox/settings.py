"""The sandbox tenant's settings: its size and seed, and every UKG behaviour that is a guess.

Points UKG documents are fixed in the code; points the README marks *(inferred)* are settings here,
so a test or a benchmark can switch to the other plausible behaviour.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

__all__ = [
    "DEFAULT_PAGE_LIMITS",
    "LEGACY_PAGE_LIMIT",
    "MAIN_PERSONNEL_PATHS",
    "SandboxSettings",
]

MAIN_PERSONNEL_PATHS: frozenset[str] = frozenset(
    {
        "/personnel/v1/person-details",
        "/personnel/v1/employment-details",
        "/personnel/v1/employee-employment-details",
        "/personnel/v1/compensation-details",
        "/personnel/v1/employee-job-history-details",
        "/personnel/v1/contacts",
        "/configuration/v1/company-details",
    }
)
"""Endpoints whose default/maximum page UKG raised from 100 to 10,000 in January 2022 (UKG's news page)."""

LEGACY_PAGE_LIMIT = 100
"""The default/maximum before 2022, served when ``legacy_paging`` is on."""

DEFAULT_PAGE_LIMITS: Mapping[str, int] = MappingProxyType(
    {
        **dict.fromkeys(MAIN_PERSONNEL_PATHS, 10_000),
        # Not published; older clients saw 100, 200 and 1,000 on other endpoints (inferred).
        "/personnel/v1/employee-supervisor-details": 1_000,
        "/personnel/v1/employee-demographic-details": 1_000,
        "/personnel/v1/user-defined-fields": 1_000,
        "/personnel/v1/employee-multi-phone-numbers": 1_000,
        # The spec gives per_page a "maxLength: 200" on these two (inferred to mean a maximum of 200).
        "/personnel/v1/employee-changes": 200,
        "/personnel/v1/pto-plans": 200,
        "/personnel/v1/companies/{companyId}/employees/{employeeId}/pto-plans": 200,
        # Payroll endpoints: no maximum published; 1,000 as on the other non-personnel lists (inferred).
        "/payroll/v1/direct-deposit": 1_000,
        "/payroll/v1/companies/{companyId}/direct-deposit": 1_000,
        "/payroll/v1/companies/pay-statements": 1_000,
        "/payroll/v1/companies/pay-statements-summary": 1_000,
        "/payroll/v1/paygroup-payperiods": 1_000,
        "/payroll/v1/payroll-deductions-history": 1_000,
        "/personnel/v1/emp-deductions": 1_000,
    }
)
"""Endpoint path → default and maximum page size."""


def _default_udf_labels() -> dict[str, str]:
    return {
        "personnelUDField01": "T-Shirt Size",
        "personnelUDField02": "Remote Eligible",
        "personnelUDField03": "Badge Number",
        "personnelUDField04": "Commute Distance (mi)",
        "personnelUDField05": "Certification Expiry",
        "personnelUDField06": "Last Safety Training",
        "personnelUDField07": "Preferred Pronouns",
        "personnelUDField08": "Laptop Asset Tag",
        "internationalUDField01": "Provincial Health Card",
    }


@dataclass(frozen=True, kw_only=True)
class SandboxSettings:
    """How a sandbox tenant is generated and behaves.

    Attributes:
        employees: people in the generated tenant (a few also hold a job in the second company,
            so employment rows are slightly more; ``Tenant.summary()`` gives the counts).
        seed: the seed; the same seed, size and ``as_of`` give the same tenant in any process.
        as_of: the date the tenant is generated "as of" (hire dates, terminations, balances are set
            relative to it); None takes the tenant clock's date at construction.
        latency_ms: latency added to every request (the initial value of ``Faults.latency_ms``).
        username / password / customer_api_key: the default service account's credentials; the
            password, when None, is derived from the seed.
        company_name / component_company_name / email_domain: the two companies of the tenant.
        org_level_labels: the customer's names for org levels 1-4 (``levelDescription``).
        udf_labels: the customer's labels of user-defined fields (API name → label).
        component_share: share of people in the component (Canadian) company.
        multi_company_share: share of people who also hold a job in the other company.
        terminated_share / leave_share / future_hire_share / part_time_share: the status mix.
        page_limits: per-endpoint default/maximum page sizes overriding :data:`DEFAULT_PAGE_LIMITS`.
        legacy_paging: serve the pre-2022 default/maximum of 100 on the main personnel endpoints.
        link_header: send an RFC 8288 ``Link`` header (first/previous/next/last) on paged answers;
            off by default because UKG is not known to send one (inferred).
        change_feed_location_key: ``workLocation`` (the spec) or ``workLocationCode`` (UKG's sample).
        job_code_keys: the key(s) of a job's code in ``/configuration/v1/jobs``: ``jobCode`` (README
            and samples) and/or ``code`` (the subset's schema).
        change_feed_default_window: the window used when ``startDate`` is missing and the account
            has not called the change feed before (UKG: "since the last API call").
        rehire_keeps_termination: a rehire's record keeps the termination of the earlier spell
            (``dateOfTermination``, ``termReason``, ``termType``), as UKG's employment record keeps
            the last termination until the next one (inferred); False shows them empty.
        padded_codes: char codes of converted records (``Employment.converted``) come back
            space-padded to their column's width (``"F "``, ``"CAD "``), as UKG's char columns do
            (inferred); False sends them trimmed.
        admin_enabled: serve the ``/_sandbox/`` admin surface.

    """

    employees: int = 250
    seed: int = 7
    as_of: date | None = None
    latency_ms: int = 0
    username: str = "HrisHubSandbox"
    password: str | None = None
    customer_api_key: str = "SBX01"
    company_name: str = "Northwind Outfitters, Inc."
    component_company_name: str = "Northwind Outfitters Canada Ltd."
    email_domain: str = "northwind.example"
    org_level_labels: tuple[str, str, str, str] = ("Division", "Cost Center", "Department", "Team")
    udf_labels: Mapping[str, str] = field(default_factory=_default_udf_labels)
    component_share: float = 0.2
    multi_company_share: float = 0.01
    terminated_share: float = 0.12
    leave_share: float = 0.03
    future_hire_share: float = 0.02
    part_time_share: float = 0.12
    page_limits: Mapping[str, int] = field(default_factory=dict)
    legacy_paging: bool = False
    link_header: bool = False
    change_feed_location_key: str = "workLocation"
    job_code_keys: tuple[str, ...] = ("jobCode",)
    change_feed_default_window: timedelta = timedelta(hours=24)
    rehire_keeps_termination: bool = True
    padded_codes: bool = True
    admin_enabled: bool = True

    def __post_init__(self) -> None:
        if self.employees < 1:
            raise ValueError("employees must be at least 1")
        if len(self.customer_api_key) != 5 or not self.customer_api_key.isalnum():
            raise ValueError("customer_api_key must be 5 letters or digits")
        if len(self.org_level_labels) != 4:
            raise ValueError("org_level_labels needs one label per org level 1-4")
        if self.change_feed_location_key not in ("workLocation", "workLocationCode"):
            raise ValueError("change_feed_location_key is workLocation or workLocationCode")
        if not self.job_code_keys or not set(self.job_code_keys) <= {"jobCode", "code"}:
            raise ValueError("job_code_keys holds jobCode and/or code")

    def page_limit(self, path: str) -> int | None:
        """The default/maximum page size of an endpoint (by its path template); None if unpaged."""
        if path in self.page_limits:
            return self.page_limits[path]
        if self.legacy_paging and path in MAIN_PERSONNEL_PATHS:
            return LEGACY_PAGE_LIMIT
        return DEFAULT_PAGE_LIMITS.get(path)
