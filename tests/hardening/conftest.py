"""Hardening tests (issue #15): the UKG Pro API world of ``tests/ukg_pro/api`` (a sandbox and the API on loopback)."""

from collections.abc import Iterator

import pytest

from tests.ukg_pro.api.conftest import World, assert_problem, open_world


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[World]:
    """One sandbox tenant, one hub and the API serving it, shared by one test module."""
    with open_world(tmp_path_factory.mktemp("hardening")) as made:
        yield made


@pytest.fixture(name="assert_problem")
def assert_problem_fixture():
    """:func:`tests.ukg_pro.api.conftest.assert_problem`."""
    return assert_problem


@pytest.fixture
def make_world(tmp_path):
    """A world of one's own, for tests that change the hub's settings or the tenant."""
    from contextlib import ExitStack

    with ExitStack() as stack:
        made = iter(range(100))

        def make(**sandbox):
            return stack.enter_context(open_world(tmp_path / f"world{next(made)}", **sandbox))

        yield make
