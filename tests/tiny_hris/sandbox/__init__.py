"""A local Tiny HRIS tenant on an ASGI app: served on loopback or called in process by tests.

sb = Sandbox(employees=40, seed=11)
hub = Hub(transport=sb.transport())          # in process
with serve_in_thread(sb.app) as base: ...     # real HTTP on loopback
sb.tenant.advance(hires=2, changes=5, terminations=1)
sb.faults.update({"error_burst": (500, 3)})
"""

from tests.tiny_hris.sandbox.faults import ConnectionDropped, Faults
from tests.tiny_hris.sandbox.roster import Advance, Roster
from tests.tiny_hris.sandbox.sandbox import DEFAULT_BASE_URL, PERMISSIONS, Sandbox

__all__ = ["DEFAULT_BASE_URL", "PERMISSIONS", "Advance", "ConnectionDropped", "Faults", "Roster", "Sandbox"]
