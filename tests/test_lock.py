"""The lock file the README's commands install from stays in step with pyproject.toml's ranges."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
LOCK = ROOT / "requirements" / "test.lock"


def pinned() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in LOCK.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"{line!r}: the lock pins exact versions"
        pins[canonicalize_name(requirement.name)] = Version(spec.version)
    return pins


def declared() -> list[Requirement]:
    project = PYPROJECT["project"]
    extras = project["optional-dependencies"]
    wanted = [
        Requirement(r)
        for r in project["dependencies"] + extras["test"] + extras["postgres"] + extras["tracing"]
    ]
    # The project's own extras named from another (``hrishub[postgres]`` in ``test``) are not packages.
    return [r for r in wanted if canonicalize_name(r.name) != canonicalize_name(project["name"])]


@pytest.mark.parametrize("requirement", declared(), ids=str)
def test_every_declared_dependency_is_pinned_within_its_range(requirement: Requirement) -> None:
    pins = pinned()
    name = canonicalize_name(requirement.name)
    assert name in pins, f"{requirement.name} is not in requirements/test.lock: run bash scripts/refresh-lock"
    assert pins[name] in requirement.specifier, (
        f"requirements/test.lock pins {requirement.name} {pins[name]}, outside {requirement.specifier}: "
        "run bash scripts/refresh-lock"
    )


def test_ci_and_the_readme_install_from_the_lock() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "-c requirements/test.lock -e '.[test]'" in ci
    assert readme.count("-c requirements/test.lock") >= 2
