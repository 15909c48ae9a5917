"""The declaration is data: name, docs, the linking form, actions, maps; the hub loads it cleanly."""

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import connectors.csv_files
from connectors.csv_files.columns import BALANCES, EMPLOYEES, FILES, ORG_UNITS, column_rules, field_maps_of
from connectors.csv_files.plugin import CONNECTOR
from connectors.csv_files.transforms import code
from field_maps import normalise_label
from field_maps.spec import LabelSource, ObjectSource
from hub import Hub
from hub.errors import NotSupported
from tests.conftest import REPO


def test_the_hub_loads_it_by_its_entry_point():
    hub = Hub(plugins=["csv_files"])
    assert hub.failures == []
    connector = hub.connector("csv_files")
    assert (connector.name, connector.title) == ("csv_files", "CSV files")
    assert connector.field_maps == REPO / "field_maps" / "csv_files"  # the folder it ships, by path
    assert set(hub.field_maps("csv_files")) == {
        "Employee",
        "Employment",
        "TimeOffBalance",
        "TimeOffPolicy",
        "Group",
        "Location",
        "Company",
    }
    assert "csv_files_code" in hub.registry.transforms


def test_docs_say_how_to_export_the_files():
    for words in ("CSV UTF-8", "header row", "YYYY-MM-DD", "Employee ID", "HRISHUB_CSV_ROOT"):
        assert words in CONNECTOR.docs


def test_the_linking_form_is_three_file_names_with_help_and_no_secrets():
    schema = CONNECTOR.credentials_schema
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["employees_file"]
    assert list(schema["properties"]) == ["employees_file", "time_off_balances_file", "org_units_file"]
    for prop in schema["properties"].values():
        assert prop["title"] and len(prop["description"]) > 40 and prop["examples"]
        assert not prop.get("writeOnly") and prop.get("format") != "password"
    validator = Draft202012Validator(schema)
    for name, prop in schema["properties"].items():
        for example in prop["examples"]:
            assert validator.is_valid({"employees_file": "employees.csv", name: example})


def test_actions_need_no_scopes_and_requests_are_unsupported_with_a_reason():
    assert CONNECTOR.scopes_for() == []
    for name in (
        "employees.list",
        "employees.get",
        "employments.list",
        "time_off_balances.list",
        "groups.list",
    ):
        assert CONNECTOR.required_scopes(name) == []
    assert set(CONNECTOR.supported_actions) == set(CONNECTOR.actions) - {"time_off_requests.list"}
    with pytest.raises(NotSupported, match="balances, not individual time-off requests"):
        CONNECTOR.required_scopes("time_off_requests.list")


@pytest.mark.parametrize("raw", ["Full-Time", "full_time", "  FULL   time ", "full/time", "Full.Time"])
def test_codes_compare_without_case_spaces_or_hyphens(raw):
    assert code(raw) == "full time"


def test_every_enum_key_of_the_maps_is_written_in_its_normal_form():
    for field_map in field_maps_of().values():
        for name, spec in field_map.fields.items():
            if spec.enum and "csv_files_code" in spec.transforms:
                assert all(code(key) == key for key in spec.enum), f"{field_map.model}.{name}"


def test_map_keys_are_the_fixed_names_of_the_key_columns():
    maps = field_maps_of()
    assert maps["Employee"].sources[0].key == ("employee_id",)
    assert maps["Employment"].sources[0].key == ("employee_id",)
    assert maps["TimeOffBalance"].sources[0].key == ("employee_id", "policy")
    assert maps["TimeOffPolicy"].sources[0].key == ("policy",)
    assert maps["Group"].sources[0].key == ("code",)
    assert [k.key for k in EMPLOYEES.keys] == ["employee_id"]
    assert [k.key for k in BALANCES.keys] == ["employee_id", "policy"]
    assert [k.key for k in ORG_UNITS.keys] == ["code"]


def test_key_aliases_never_shadow_a_column_the_maps_read():
    for kind in FILES:
        rules = column_rules(kind)
        for key in kind.keys:
            assert not {normalise_label(label) for label in key.labels} & set(rules), kind.field


def test_every_label_a_map_reads_is_a_checked_column():
    labels = set()
    for model in ("Employee", "Employment"):
        for spec in field_maps_of()[model].fields.values():
            specs = spec.source.fields.values() if isinstance(spec.source, ObjectSource) else [spec]
            labels |= {s.source.label for s in specs if isinstance(s.source, LabelSource)}
    assert {normalise_label(label) for label in labels} == set(column_rules(EMPLOYEES))
    rules = column_rules(EMPLOYEES)
    assert rules["hire date"].kind == "date"
    assert rules["employment status"].kind == "code" and "on leave" in rules["employment status"].codes
    assert rules["manager id"].refs == ("Employee",)
    assert rules["department"].refs == ("Group",)
    assert rules["pay rate"].kind == "number"
    assert column_rules(ORG_UNITS)["type"].kind == "text"  # unknown: OTHER, so any kind of unit is fine


def test_the_readme_sample_is_the_shipped_sample():
    folder = Path(connectors.csv_files.__file__).parent
    readme = (folder / "README.md").read_text()
    block = readme.split("```csv\n", 1)[1].split("```", 1)[0].splitlines()
    shipped = (folder / "sample" / "employees.csv").read_text().splitlines()
    assert block[0] == shipped[0] and set(block) <= set(shipped)
