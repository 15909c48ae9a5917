"""The UKG Pro REST endpoints the connector reads, by the record names its field maps use."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ENDPOINTS", "MAIN_PAGE_CAPS", "Endpoint"]


@dataclass(frozen=True)
class Endpoint:
    """How to read one UKG record type.

    ``page_param`` is the page-size parameter's spelling on this endpoint (``per_Page`` on most,
    ``per_page`` on employee-changes and pto-plans); ``page_size`` what the connector asks for.
    Unpaged endpoints (org levels, jobs, locations, code tables) return everything in one call.
    ``method`` ``POST``: a read that takes its filters and paging in a JSON body (pay statements).
    ``id_lists``: the key parameters (lower case) UKG publishes as taking several ids at once
    (``employeeId=[ABC,DEF]``); any other key filter takes one id (:mod:`connectors.ukg_pro.keyed`).
    ``page_caps``: the page maxima UKG published for the endpoint (10,000 on the main personnel
    endpoints since 2022, 100 before): a narrow read's short first page of another size is its last.
    ``changed_filter``: the published date filter on when a row last changed (``dateTimeChanged``;
    job history's rows, added and never changed, ``dateTimeCreated``), which a change feed's read uses
    instead of one request per employee
    (:meth:`connectors.ukg_pro.client.UkgProClient.changed_records`).
    """

    path: str
    paged: bool = True
    page_param: str = "per_Page"
    page_size: int = 2_500
    method: str = "GET"
    id_lists: frozenset[str] = frozenset()
    changed_filter: str | None = None
    page_caps: frozenset[int] = frozenset()


# UKG serves up to 10,000 rows a page on its main personnel endpoints, but a page of person details
# is about 10 KB a row once parsed: 2,500 rows keep a page near 25 MB, and a few pages in flight hide
# the latency as well as one big page would.


# employee-supervisor-details and payroll-deductions-history publish bare comma lists of employee ids
# (pattern ^[a-zA-Z0-9,]*$, no brackets); the connector never reads them by key, so none is declared.

MAIN_PAGE_CAPS = frozenset({100, 10_000})
"""The page maxima of UKG's main personnel endpoints: 10,000 rows since January 2022, 100 before (UKG's
news page); a tenant on either caps a page at exactly that many rows."""

ENDPOINTS: dict[str, Endpoint] = {
    # Both publish dateTimeChanged ("Used to find person record changed less than, greater than, equal
    # to, or between passed date(s)"; person-details' rows name it datetimeChanged).
    "person-details": Endpoint(
        "/personnel/v1/person-details", changed_filter="dateTimeChanged", page_caps=MAIN_PAGE_CAPS
    ),
    "employment-details": Endpoint(
        "/personnel/v1/employment-details", changed_filter="dateTimeChanged", page_caps=MAIN_PAGE_CAPS
    ),
    # Its description: "Company ID parameter can take in multiple ... ex: [ABC, DEF]"; employeeID one.
    "employee-employment-details": Endpoint(
        "/personnel/v1/employee-employment-details",
        id_lists=frozenset({"companyid"}),
        page_caps=MAIN_PAGE_CAPS,
    ),
    # The published pattern of its employeeId admits UKG's list: ^[\s*a-zA-Z0-9,\[\]]*$.
    "compensation-details": Endpoint(
        "/personnel/v1/compensation-details", id_lists=frozenset({"employeeid"}), page_caps=MAIN_PAGE_CAPS
    ),
    # Its rows are added, not changed: dateTimeCreated ("Used to find job history created less than,
    # greater than, equal to, or between passed date(s)") is its only published moment filter.
    "employee-job-history-details": Endpoint(
        "/personnel/v1/employee-job-history-details",
        changed_filter="dateTimeCreated",
        page_caps=MAIN_PAGE_CAPS,
    ),
    "employee-supervisor-details": Endpoint("/personnel/v1/employee-supervisor-details"),
    "employee-demographic-details": Endpoint("/personnel/v1/employee-demographic-details"),
    # Its description: "EmployeeId parameter can take in multiple employee Ids separated by comma.
    # ex: [ABC, DEF]", and CompanyId likewise.
    "user-defined-fields": Endpoint(
        "/personnel/v1/user-defined-fields", id_lists=frozenset({"employeeid", "companyid"})
    ),
    "contacts": Endpoint("/personnel/v1/contacts", page_caps=MAIN_PAGE_CAPS),
    "employee-multi-phone-numbers": Endpoint("/personnel/v1/employee-multi-phone-numbers"),
    # UKG documents no maximum for these two; 1,000 is a safe size seen in production clients (inferred).
    "employee-changes": Endpoint("/personnel/v1/employee-changes", page_param="per_page", page_size=1_000),
    "pto-plans": Endpoint("/personnel/v1/pto-plans", page_param="per_page", page_size=1_000),
    "company-details": Endpoint("/configuration/v1/company-details", page_caps=MAIN_PAGE_CAPS),
    "org-levels": Endpoint("/configuration/v1/org-levels", paged=False),
    "jobs": Endpoint("/configuration/v1/jobs", paged=False),
    "locations": Endpoint("/configuration/v1/locations", paged=False),
    "code-tables": Endpoint("/configuration/v1/code-tables", paged=False),
    "direct-deposit": Endpoint("/payroll/v1/direct-deposit", page_size=1_000),
    "paygroup-payperiods": Endpoint("/payroll/v1/paygroup-payperiods", page_size=1_000),
    # A statement carries every earning, deduction and tax line: 500 keep a page near 2 MB (inferred).
    "payroll-deductions-history": Endpoint("/payroll/v1/payroll-deductions-history", page_size=1_000),
    "emp-deductions": Endpoint("/personnel/v1/emp-deductions", page_size=1_000),
    "pay-statements": Endpoint("/payroll/v1/companies/pay-statements", page_size=500, method="POST"),
}
"""Record name (as field maps name it) → endpoint."""
