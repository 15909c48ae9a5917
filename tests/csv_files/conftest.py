"""CSV files connector tests: a temporary import folder (HRISHUB_CSV_ROOT) and a writer for files in it."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hub import Hub

from .helpers import BALANCES, BALANCES_HEADER, UNITS, UNITS_HEADER, people, to_csv


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The operator's import folder for this test."""
    folder = tmp_path / "imports"
    folder.mkdir()
    monkeypatch.setenv("HRISHUB_CSV_ROOT", str(folder))
    return folder


@pytest.fixture
def write(root: Path) -> Callable[..., Path]:
    """``write(name, text_or_bytes)``: a file in the import folder (UTF-8 unless bytes are given)."""

    def write(name: str, content: str | bytes) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return write


@pytest.fixture
def files(write: Callable[..., Path]) -> dict[str, str]:
    """The three sample files written; their credentials."""
    write("employees.csv", people())
    write("balances.csv", to_csv(BALANCES_HEADER, BALANCES))
    write("units.csv", to_csv(UNITS_HEADER, UNITS))
    return {
        "employees_file": "employees.csv",
        "time_off_balances_file": "balances.csv",
        "org_units_file": "units.csv",
    }


@pytest.fixture
def make_hub(tmp_path: Path) -> Iterator[Callable[[], Hub]]:
    """Hubs on one SQLite file, loading only this connector (make them after asking for ``sync_events``)."""
    made: list[Hub] = []

    def make() -> Hub:
        hub = Hub(plugins=["csv_files"], database_url=f"sqlite:///{tmp_path}/hub.db")
        made.append(hub)
        return hub

    yield make
    for hub in made:
        hub.close()
