"""`hrishub new-connector`: the scaffold's own conformance suite is green at once and names each fault later."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hub.cli import app
from hub.scaffold import scaffold_connector

CHECKOUT = Path(__file__).resolve().parents[2]


def _suite(root):
    # The scaffold's package first, then the hub of this checkout (whatever an installed hrishub points at).
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(root), str(CHECKOUT)]))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            "tests/acme_hr",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.e2e
def test_the_scaffold_passes_its_contract_then_names_what_an_edit_broke(tmp_path):
    made = CliRunner().invoke(
        app, ["new-connector", "acme_hr", "--dir", str(tmp_path), "--package", "acme_plugins"]
    )
    assert made.exit_code == 0, made.output
    assert "acme_hr = " in made.output and "acme_plugins.acme_hr.plugin" in made.output

    client = tmp_path / "acme_plugins" / "acme_hr" / "client.py"
    assert len(client.read_text().splitlines()) < 40, "the client is its endpoints and a paginator choice"

    green = _suite(tmp_path)
    assert green.returncode == 0, green.stdout + green.stderr
    assert "12 passed" in green.stdout

    # An author drops writeOnly from the key: the suite says which field and what to do.
    plugin = tmp_path / "acme_plugins" / "acme_hr" / "plugin.py"
    original = plugin.read_text()
    plugin.write_text(original.replace('"writeOnly": True,', ""))
    red = _suite(tmp_path)
    assert red.returncode == 1
    assert "'api_key' is a password: mark it writeOnly" in red.stdout  # refused as the plugin loads
    plugin.write_text(original)

    # Then maps a field the model does not have: the load fails naming the file and the field.
    field_map = tmp_path / "field_maps" / "acme_hr" / "employee.yaml"
    field_map.write_text(field_map.read_text().replace("job_title: emp.title", "job_titel: emp.title"))
    red = _suite(tmp_path)
    assert red.returncode == 1
    assert "employee.yaml" in red.stdout and "job_titel" in red.stdout


def test_the_scaffold_adds_its_entry_point_and_never_overwrites(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[project.entry-points."hrishub.connectors"]\ncsv_files = "connectors.csv_files.plugin"\n'
    )
    made = scaffold_connector("acme_hr", tmp_path)
    assert made.pyproject_updated
    assert 'acme_hr = "connectors.acme_hr.plugin"' in (tmp_path / "pyproject.toml").read_text()
    assert (tmp_path / "connectors" / "acme_hr" / "client.py").exists()
    with pytest.raises(FileExistsError, match="refusing to overwrite"):
        scaffold_connector("acme_hr", tmp_path)


@pytest.mark.parametrize("name", ["Acme", "acme-hr", "1acme", "a", "acme hr", "../acme"])
def test_a_bad_name_is_refused_with_the_rule(tmp_path, name):
    result = CliRunner().invoke(app, ["new-connector", name, "--dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "lower-case letters, digits and _" in result.output
    assert not any(tmp_path.iterdir())
