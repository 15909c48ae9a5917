"""UKG Pro passes the connector contract: against its sandbox served on loopback, and from cassettes."""

from pathlib import Path

from hub.testing import ConnectorConformance

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes" / "ukg_pro" / "contract"


class TestUkgProAgainstItsSandbox(ConnectorConformance):
    connector = "ukg_pro"
    sandbox = {"employees": 25, "seed": 9}


class TestUkgProFromCassettes(ConnectorConformance):
    connector = "ukg_pro"
    cassettes = CASSETTES
