"""``hrishub new-connector NAME``: a working connector skeleton that passes the conformance suite.

The skeleton reads a small JSON REST API (bearer key, ``?page=N`` paging), ships a sandbox of that
API so its contract tests run green before a line is changed, and one field map. The author then
points the client at the real provider, replaces the sandbox's data with the provider's shapes and
grows the maps; the conformance suite says what is still wrong, check by check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

__all__ = ["NAME_PATTERN", "Scaffold", "scaffold_connector"]

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
"""A connector name: lower-case snake case, as in URLs and entry points."""

_TEMPLATES = Path(__file__).with_name("templates")
_ENTRY_TABLE = '[project.entry-points."hrishub.connectors"]'


@dataclass(frozen=True)
class Scaffold:
    """What ``scaffold_connector`` wrote, and the entry-point line (added to pyproject.toml or not)."""

    files: list[Path]
    entry_point: str
    pyproject_updated: bool


def _title(name: str) -> str:
    return " ".join(part.capitalize() for part in name.split("_"))


def scaffold_connector(name: str, root: Path, *, package: str = "connectors") -> Scaffold:
    """Write the skeleton of connector ``name`` under ``root``; refuses to overwrite anything.

    Files: ``<package>/<name>/`` (plugin, client, sandbox), ``field_maps/<name>/employee.yaml``,
    ``tests/<name>/test_conformance.py``. When ``root/pyproject.toml`` has the ``hrishub.connectors``
    entry-point table, the connector's entry point is added to it.
    """
    if not NAME_PATTERN.match(name):
        raise ValueError(
            f"{name!r} is not a connector name: use lower-case letters, digits and _ (e.g. acme_hr)"
        )
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*", package):
        raise ValueError(f"{package!r} is not a Python package path")
    module = f"{package}.{name}"
    values = {
        "name": name,
        "title": _title(name),
        "title_class": _title(name).replace(" ", ""),
        "module": module,
        "package": package,
    }
    package_dir = root.joinpath(*package.split("."))
    targets = {
        package_dir / name / "__init__.py": "package_init.py.txt",
        package_dir / name / "plugin.py": "plugin.py.txt",
        package_dir / name / "client.py": "client.py.txt",
        package_dir / name / "sandbox.py": "sandbox.py.txt",
        root / "field_maps" / name / "employee.yaml": "employee.yaml.txt",
        root / "tests" / name / "test_conformance.py": "test_conformance.py.txt",
    }
    existing = [str(p) for p in targets if p.exists()]
    if existing:
        raise FileExistsError("refusing to overwrite: " + ", ".join(existing))
    written = []
    for path, template in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = Template((_TEMPLATES / template).read_text()).substitute(values)
        path.write_text(text)
        written.append(path)
    for folder in {package_dir, *(package_dir.parents[i] for i in range(len(package.split(".")) - 1))}:
        init = folder / "__init__.py"
        if folder != root and folder.is_relative_to(root) and not init.exists():
            init.write_text("")
            written.append(init)
    entry = f'{name} = "{module}.plugin"'
    pyproject = root / "pyproject.toml"
    updated = False
    if pyproject.exists():
        text = pyproject.read_text()
        if _ENTRY_TABLE in text and entry not in text:
            pyproject.write_text(text.replace(_ENTRY_TABLE, f"{_ENTRY_TABLE}\n{entry}", 1))
            updated = True
    return Scaffold(files=written, entry_point=entry, pyproject_updated=updated)
