"""Loading connector plugins by entry point: validation, the allow-list, and isolation of broken ones."""

import pytest

from hub import Hub
from hub.errors import UnknownConnector


def failure_of(hub, plugin):
    [failure] = [f for f in hub.failures if f.plugin == plugin]
    return failure


def test_an_installed_distribution_is_found_by_its_entry_point(site, PLUGIN):
    site("acme-hris", "acme_plugin", PLUGIN, entry_name="acme")
    hub = Hub(plugins=["acme"])
    assert list(hub.connectors) == ["acme"]
    origin = hub.origin("acme")
    assert (origin.name, origin.package, origin.version) == ("acme", "acme-hris", "1.2.3")
    assert "Company" in hub.field_maps("acme")


def test_the_allow_list_from_the_environment_limits_what_loads(site, monkeypatch, PLUGIN):
    site("acme-hris", "acme_plugin", PLUGIN, entry_name="acme")
    monkeypatch.setenv("HRISHUB_PLUGINS", "acme")
    assert list(Hub().connectors) == ["acme"]
    monkeypatch.setenv("HRISHUB_PLUGINS", "nothing_such")
    hub = Hub()
    assert not hub.connectors
    with pytest.raises(UnknownConnector):
        hub.connector("acme")


def test_a_plugin_that_fails_to_import_is_isolated_and_reported(site, PLUGIN):
    site("acme-hris", "acme_plugin", PLUGIN, entry_name="acme")
    site("broken-hris", "broken_plugin", "import does_not_exist_anywhere\n", entry_name="broken")
    hub = Hub(plugins=["acme", "broken"])
    assert list(hub.connectors) == ["acme"]
    failure = failure_of(hub, "broken")
    assert failure.package == "broken-hris"
    assert "does_not_exist_anywhere" in failure.reason


def test_a_hook_that_raises_is_isolated(site, PLUGIN):
    site("acme-hris", "acme_plugin", PLUGIN, entry_name="acme")
    site(
        "raising-hris",
        "raising_plugin",
        "from hub.hookspecs import hookimpl\n@hookimpl\ndef register_connectors(register):\n    raise RuntimeError('boom')\n",
        entry_name="raising",
    )
    hub = Hub(plugins=["acme", "raising"])
    assert list(hub.connectors) == ["acme"]
    assert "RuntimeError: boom" in failure_of(hub, "raising").reason


def test_a_mistyped_hook_fails_loudly_instead_of_being_ignored(site, PLUGIN):
    site(
        "typo-hris",
        "typo_plugin",
        "from hub.hookspecs import hookimpl\n@hookimpl\ndef register_connector(register):\n    pass\n",
        entry_name="typo",
    )
    hub = Hub(plugins=["typo"])
    assert "register_connector" in failure_of(hub, "typo").reason


def test_a_bad_declaration_reports_every_fault_at_once(site, PLUGIN):
    bad = PLUGIN.replace(
        "    register(make())",
        "    register(make(name='Bad Name', title=' ', credentials_schema={'type': 'object', 'properties': "
        "{'secret': {'type': 'string', 'format': 'password'}, 'x': {'type': 42}}}, "
        "actions={'payroll.list': Action(), 'time_off_requests.list': Action(supported=False)}))",
    )
    site("bad-hris", "bad_plugin", bad, entry_name="bad")
    reason = failure_of(Hub(plugins=["bad"]), "bad").reason
    for fault in (
        "lower-case snake case",
        "title is empty",
        "not valid JSON Schema",
        "payroll.list",
        "say why",
    ):
        assert fault in reason, fault


def test_a_field_map_folder_given_by_name_is_refused_the_hub_looks_nothing_up(site, PLUGIN):
    # "csv_files" names a real folder under the project's field_maps/: a name must still not reach it.
    by_name = PLUGIN.replace("    register(make())", "    register(make(field_maps='csv_files'))")
    site("named-hris", "named_plugin", by_name, entry_name="named")
    hub = Hub(plugins=["named"])
    assert "named" not in hub.connectors
    reason = failure_of(hub, "named").reason
    assert "'csv_files' is not an absolute path" in reason and 'Path(__file__).parent / "maps"' in reason


def test_a_bad_field_map_is_reported_with_its_file_and_json_path(site, PLUGIN):
    maps = site("acme-hris", "acme_plugin", PLUGIN, entry_name="acme")
    (maps / "company.yaml").write_text(
        (maps / "company.yaml").read_text().replace("legal_name: company.name", "legal_nam: company.name")
    )
    reason = failure_of(Hub(plugins=["acme"]), "acme").reason
    assert "company.yaml" in reason and "$.fields" in reason and "legal_nam" in reason


def test_a_map_naming_an_unregistered_transform_is_refused_and_a_plugin_transform_admits_it(site, PLUGIN):
    maps = site("acme-hris", "acme_plugin", PLUGIN, entry_name="acme")
    (maps / "company.yaml").write_text(
        (maps / "company.yaml")
        .read_text()
        .replace("legal_name: company.name", "legal_name: {from: company.name, transform: acme_title}")
    )
    assert "acme_title" in failure_of(Hub(plugins=["acme"]), "acme").reason
    site(
        "acme-transforms",
        "acme_transforms",
        "from hub.hookspecs import hookimpl\n@hookimpl\ndef register_transforms(register):\n"
        "    register('acme_title', lambda v: v.title())\n",
        entry_name="acme_transforms",
    )
    hub = Hub(plugins=["acme", "acme_transforms"])
    assert "acme" in hub.connectors, [str(f) for f in hub.failures]
    assert hub.registry.transforms["acme_title"]("acme corp") == "Acme Corp"


def test_a_duplicate_connector_name_keeps_the_first_and_reports_the_second(site, PLUGIN):
    site("acme-hris", "acme_plugin", PLUGIN, entry_name="acme")
    site("acme-clone", "acme_clone", PLUGIN, entry_name="acme_clone")
    hub = Hub(plugins=["acme", "acme_clone"])
    assert list(hub.connectors) == ["acme"]
    assert "already provided" in failure_of(hub, "acme_clone").reason


def test_the_register_plugin_fixture_loads_an_in_process_plugin_for_one_test(register_plugin, site, PLUGIN):
    maps = site("unused", "unused_plugin", "", entry_name="unused")
    namespace = {"MAPS": str(maps)}
    exec(compile(PLUGIN, "acme_inline", "exec"), namespace)

    class Plugin:
        register_connectors = staticmethod(namespace["register_connectors"])

    register_plugin(Plugin(), "inline")
    assert "acme" in Hub(plugins=[]).connectors


def test_sensitive_raw_keys_are_validated(site, PLUGIN):
    bad = PLUGIN.replace(
        "    register(make())",
        "    register(make(sensitive_raw_keys={'people': 'ssn', 'contacts': {'', 'a..b'}, '': {'x'}}))",
    )
    site("bad-keys", "bad_keys_plugin", bad, entry_name="badkeys")
    reason = failure_of(Hub(plugins=["badkeys"]), "badkeys").reason
    for fault in ("sensitive_raw_keys['people'] must be a set", "['contacts'] has an empty", "is not a name"):
        assert fault in reason, fault
