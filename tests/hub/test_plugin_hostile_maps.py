"""A plugin whose field maps are hostile is refused when the hub loads, never at sync time.

Each map below once could (or still could, without the loader's guards) hang or crash the hub: the
registry must turn every one into a failure that names the plugin and the map file, keep the other
connectors, and leave nothing half-loaded that a later link or sync could trip over.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hub import Hub
from hub.connector import Action, Connector
from hub.errors import UnknownConnector
from hub.hookspecs import hookimpl

GOOD = """\
version: 1
model: Company
sources:
  - name: company
    record: companies
    key: [id]
key: [company.id]
fields:
  legal_name: company.name
"""


def billion_laughs() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return GOOD.replace("  legal_name: company.name\n", "  legal_name: *a8\n") + "\n".join(lines) + "\n"


HOSTILE: dict[str, str | bytes] = {
    "billion laughs": billion_laughs(),
    "self alias": GOOD.replace("fields:\n  legal_name: company.name", "fields: &f\n  legal_name: *f"),
    "deep nesting": GOOD.replace("company.name", "[" * 600 + "]" * 600),
    "control character": GOOD.replace("company.name", "company.\x1bname"),
    "not utf-8": GOOD.encode("utf-8").replace(b"company.name", b"company.\xff\xfename"),
    "python tag": GOOD.replace("company.name", "!!python/object/apply:os.system [echo pwned]"),
    "empty": "",
    "a list": "- 1\n",
    "wrong types": GOOD.replace("key: [company.id]", "key: {a: 1}").replace("version: 1", "version: [1]"),
    "unknown model and field": GOOD.replace("Company", "Compnay").replace("legal_name", "legal_nam"),
    "unknown transform": GOOD.replace("company.name", "{from: company.name, transform: exec}"),
}


class HostilePlugin:
    """An in-process plugin with one connector whose map folder holds ``company.yaml``."""

    def __init__(self, name: str, maps: Path) -> None:
        self.name, self.maps = name, maps

    @hookimpl
    def register_connectors(self, register):
        register(
            Connector(
                name=self.name,
                title="Hostile HR",
                docs="nowhere",
                credentials_schema={
                    "$schema": "https://json-schema.org/draft/2020-12/schema",
                    "type": "object",
                    "properties": {"token": {"type": "string", "title": "API token", "writeOnly": True}},
                },
                actions={"companies.list": Action(scopes=("Company Read",))},
                field_maps=str(self.maps),
                client_factory=lambda credentials, settings: None,
            )
        )


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_plugin_with_a_hostile_map_is_refused_at_load_naming_plugin_and_file(
    tmp_path, register_plugin, content
):
    maps = tmp_path / "maps"
    maps.mkdir()
    target = maps / "company.yaml"
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    good = tmp_path / "good"
    good.mkdir()
    (good / "company.yaml").write_text(GOOD)
    register_plugin(HostilePlugin("hostile", maps), "hostile-plugin")
    register_plugin(HostilePlugin("fine", good), "fine-plugin")

    hub = Hub(plugins=["tiny_hris"])

    [failure] = [f for f in hub.failures if f.plugin == "hostile-plugin"]
    assert failure.connector == "hostile"
    assert str(target) in failure.reason
    assert "$" in failure.reason  # the JSON path of the fault
    assert "Traceback" not in failure.reason
    assert "hostile" not in hub.connectors
    assert {"tiny_hris", "fine"} <= set(hub.connectors)
    # Nothing half-loaded is left for linking or syncing to trip over: the hub says what is loaded.
    with pytest.raises(UnknownConnector, match="fine"):
        hub.link("hostile", {"token": "x"})
    with pytest.raises(UnknownConnector):
        hub.field_maps("hostile")
