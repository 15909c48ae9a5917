"""The hub's conformance suite, run on the CSV files connector with the sample files it ships."""

import shutil
from pathlib import Path

import pytest

import connectors.csv_files
from hub.testing import ConnectorConformance

SAMPLE = Path(connectors.csv_files.__file__).parent / "sample"


class TestCsvFilesContract(ConnectorConformance):
    connector = "csv_files"
    http = False  # it reads files: no HTTP retries to check

    @pytest.fixture(autouse=True)
    def import_folder(self, tmp_path, monkeypatch):
        """The sample files in this test's import folder."""
        folder = tmp_path / "imports"
        shutil.copytree(SAMPLE, folder)
        monkeypatch.setenv("HRISHUB_CSV_ROOT", str(folder))
        return folder

    def credentials(self, tmp_path: Path) -> dict[str, str]:
        return {
            "employees_file": "employees.csv",
            "time_off_balances_file": "time_off_balances.csv",
            "org_units_file": "org_units.csv",
        }
