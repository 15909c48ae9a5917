"""A faithful local UKG Pro tenant: the REST API the demo, tests, cassettes and benchmarks run against.

    from connectors.ukg_pro.sandbox import Sandbox, run_server

    sb = Sandbox(employees=250, seed=7)          # deterministic tenant
    async with sb.client() as client:            # in process, authenticated
        people = (await client.get("/personnel/v1/person-details")).json()
    with run_server(sb) as base_url:             # real HTTP on a free loopback port
        ...
    sb.tenant.advance(hires=3, changes=5, terminations=2)
    sb.faults.rate_limit_every = 5

Modules: ``generate`` builds the tenant, ``tenant`` holds it with its clock and ``advance()``,
``records`` shapes each endpoint's records, ``endpoints`` maps paths to permissions and rows,
``query`` reads filters and paging, ``auth`` holds service accounts, ``faults`` the failures on
demand, ``app`` the ASGI app, ``admin`` the ``/_sandbox/`` surface, ``server`` real-HTTP serving,
``transport`` an in-process httpx transport.
"""

from connectors.ukg_pro.sandbox.auth import PERMISSIONS, ROLES, Account, AccountStore
from connectors.ukg_pro.sandbox.endpoints import ENDPOINTS, Endpoint
from connectors.ukg_pro.sandbox.faults import ConnectionDropped, Faults
from connectors.ukg_pro.sandbox.sandbox import DEFAULT_BASE_URL, Sandbox, sandbox_factory
from connectors.ukg_pro.sandbox.server import run_server, serve
from connectors.ukg_pro.sandbox.settings import DEFAULT_PAGE_LIMITS, SandboxSettings
from connectors.ukg_pro.sandbox.stats import Stats
from connectors.ukg_pro.sandbox.tenant import AdvanceSummary, Tenant
from connectors.ukg_pro.sandbox.transport import SandboxTransport

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_PAGE_LIMITS",
    "ENDPOINTS",
    "PERMISSIONS",
    "ROLES",
    "Account",
    "AccountStore",
    "AdvanceSummary",
    "ConnectionDropped",
    "Endpoint",
    "Faults",
    "Sandbox",
    "SandboxSettings",
    "SandboxTransport",
    "Stats",
    "Tenant",
    "run_server",
    "sandbox_factory",
    "serve",
]
