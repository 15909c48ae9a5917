"""Hardening tests (issue #15): the API world of ``tests/hub/api`` (a sandbox and the API on loopback)."""

from collections.abc import Iterator

import pytest

from tests.hub.api.conftest import World, assert_problem, open_world


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[World]:
    """One sandbox tenant, one hub and the API serving it, shared by one test module."""
    with open_world(tmp_path_factory.mktemp("hardening")) as made:
        yield made


@pytest.fixture(name="assert_problem")
def assert_problem_fixture():
    """:func:`tests.hub.api.conftest.assert_problem`."""
    return assert_problem
