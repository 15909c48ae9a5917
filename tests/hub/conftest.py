"""A throw-away connector plugin, installed as a real distribution (a dist-info folder on sys.path)."""

import re
import sys
import textwrap
from collections.abc import Iterator
from importlib import invalidate_caches
from typing import Any

import pytest

from field_maps.model_info import describe_fields
from unified_models import INSTANT_PATTERN, MODELS

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


# -- the hub's JSON forms, checked in API and CLI answers alike -----------------------------------------------

INSTANT = re.compile(INSTANT_PATTERN)
LOOKS_LIKE_AN_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ZONED = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")
PROVIDER_TEXT = {"remote_data", "source_value"}
"""Members holding the provider's own values as it sent them (its text is not the hub's)."""


def _fields_of_kind(*kinds: str) -> dict[str, tuple[str, ...]]:
    return {
        name: tuple(f for f, info in describe_fields(model).items() if info.kind in kinds)
        for name, model in MODELS.items()
    }


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """(path, key, value) of every scalar, skipping the provider's own values."""
    items = node.items() if isinstance(node, dict) else ((f"[{i}]", v) for i, v in enumerate(node))
    for key, value in items:
        if key in PROVIDER_TEXT:
            continue
        where = f"{path}{key}" if key.startswith("[") else f"{path}.{key}"
        if isinstance(value, (dict, list)):
            yield from _walk(value, where)
        else:
            yield where, key, value


class JsonForms:
    """The hub's JSON forms, as API answers and CLI output must write them.

    Instants RFC 3339 in UTC with six fractional digits and ``Z``, dates ``YYYY-MM-DD``, the models'
    numeric fields JSON numbers.
    """

    numeric = _fields_of_kind("decimal", "number", "integer")
    instants = _fields_of_kind("datetime")
    dates = _fields_of_kind("date")

    def problems(self, body: Any, where: str) -> list[str]:
        """Every instant anywhere in ``body`` in the one form (text under a key ending ``_at`` too).

        A custom field's value is the provider's: an instant (with a zone) takes the one form, but a
        date-time the provider sent without a zone is its own text, not an instant.
        """
        wrong = []
        for path, key, value in _walk(body) if isinstance(body, (dict, list)) else ():
            if not isinstance(value, str) or INSTANT.fullmatch(value):
                continue
            if LOOKS_LIKE_AN_INSTANT.match(value):
                if ".custom_fields." in path and not ZONED.search(value):
                    continue
                wrong.append(f"{where}{path}: {value!r}")
            elif key.endswith("_at"):
                wrong.append(f"{where}{path}: {value!r}")
        return wrong

    def record_problems(self, record: dict[str, Any], model: str, where: str, seen: set[str]) -> list[str]:
        """A unified record's numeric fields are numbers, its instants and dates in their forms.

        ``seen`` collects ``Model.field`` of the numeric fields that had a value.
        """
        wrong = []
        for name in self.numeric[model]:
            value = record.get(name)
            if value is not None:
                seen.add(f"{model}.{name}")
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    wrong.append(f"{where}.{name}: {value!r} is not a JSON number")
        for name in self.instants[model]:
            value = record.get(name)
            if value is not None and not INSTANT.fullmatch(value):
                wrong.append(f"{where}.{name}: {value!r}")
        for name in self.dates[model]:
            value = record.get(name)
            if value is not None and not DATE.fullmatch(value):
                wrong.append(f"{where}.{name}: {value!r}")
        return wrong


@pytest.fixture(scope="session")
def json_forms() -> JsonForms:
    """Checks of the hub's JSON forms, for API answers and CLI ``--json`` output."""
    return JsonForms()
