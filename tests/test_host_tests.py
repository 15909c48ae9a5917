"""The hub's own tests (``tests/hub``) run on the Tiny HRIS fixture connector, never on UKG Pro.

A test of generic hub behaviour that drives UKG Pro breaks when UKG's connector changes, and hides
whether the hub or the connector is at fault. Tests of UKG itself live in ``tests/ukg_pro``.
"""

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
HOST = TESTS / "hub"
UKG = re.compile(r"connectors\.ukg_pro|ukg_pro|\bUKG\b|ultipro", re.IGNORECASE)

ALLOWED: dict[str, str] = {}
"""Files of ``tests/hub`` that may still name UKG Pro, each with its reason (relative to tests/hub)."""


def _naming_ukg() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(HOST.rglob("*.py")):
        lines = [
            f"{n}: {line.strip()}"
            for n, line in enumerate(path.read_text().splitlines(), 1)
            if UKG.search(line)
        ]
        if lines:
            found[path.relative_to(HOST).as_posix()] = lines
    return found


def test_host_tests_do_not_import_or_name_the_ukg_connector():
    found = _naming_ukg()
    unexpected = {path: lines[:3] for path, lines in found.items() if path not in ALLOWED}
    assert not unexpected, (
        "tests/hub is for the hub itself: drive Tiny HRIS (tests/tiny_hris), and move tests of UKG Pro "
        f"to tests/ukg_pro: {unexpected}"
    )


def test_every_allowed_file_still_needs_its_entry():
    found = _naming_ukg()
    stale = sorted(path for path in ALLOWED if path not in found)
    assert not stale, f"these no longer name UKG Pro: take them off ALLOWED: {stale}"
    assert all(reason.strip() for reason in ALLOWED.values())


def test_the_guard_sees_an_import_of_the_ukg_connector():
    assert UKG.search("from connectors.ukg_pro.sandbox import Sandbox")
    assert UKG.search('hub.link("ukg_pro", creds)')
    assert not UKG.search('hub.link("tiny_hris", creds)')
