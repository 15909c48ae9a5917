"""UKG Pro passes the connector contract: against its sandbox served on loopback, and from cassettes."""

from pathlib import Path

from hub.testing import ConnectorContract

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes" / "ukg_pro" / "contract"


class TestUkgProAgainstItsSandbox(ConnectorContract):
    connector = "ukg_pro"
    sandbox = {"employees": 25, "seed": 9}


class TestUkgProFromCassettes(ConnectorContract):
    connector = "ukg_pro"
    cassettes = CASSETTES
