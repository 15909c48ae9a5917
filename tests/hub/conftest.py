"""A throw-away connector plugin, installed as a real distribution (a dist-info folder on sys.path)."""

import sys
import textwrap
from importlib import invalidate_caches

import pytest

COMPANY_MAP = """\
version: 1
model: Company
description: Acme companies.
sources:
  - name: company
    record: companies
    key: [id]
key: [company.id]
fields:
  legal_name: company.name
"""

PLUGIN = """
from hub.connector import Action, Connector
from hub.hookspecs import hookimpl

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {"token": {"type": "string", "title": "API token", "format": "password", "writeOnly": True}},
    "required": ["token"],
}


def make(name="acme", **changes):
    fields = dict(
        name=name,
        title="Acme HR",
        docs="Settings > API",
        credentials_schema=SCHEMA,
        actions={"companies.list": Action(scopes=("Company Read",))},
        field_maps=MAPS,
        client_factory=lambda creds, settings: None,
    )
    fields.update(changes)
    return Connector(**fields)


@hookimpl
def register_connectors(register):
    register(make())
"""


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder on sys.path where tests install fake distributions with entry points."""
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "company.yaml").write_text(COMPANY_MAP)

    def install(dist: str, module: str, source: str, entry_name: str | None = None, version: str = "1.2.3"):
        (root / f"{module}.py").write_text(f"MAPS = {str(maps)!r}\n" + textwrap.dedent(source))
        info = root / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
        (info / "entry_points.txt").write_text(f"[hrishub.connectors]\n{entry_name or module} = {module}\n")
        invalidate_caches()
        sys.modules.pop(module, None)
        return maps

    install.maps = maps
    yield install
    invalidate_caches()


@pytest.fixture(name="PLUGIN")
def plugin_source():
    """The source of a valid one-connector plugin module (``MAPS`` is prepended by ``site``)."""
    return PLUGIN
