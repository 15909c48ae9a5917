"""Tiny HRIS passes the conformance suite, against its sandbox served on loopback."""

from hub.testing import ConnectorConformance


class TestTinyHrisAgainstItsSandbox(ConnectorConformance):
    connector = "tiny_hris"
    sandbox = {"employees": 30, "seed": 4}
