from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["hub.testing"]


@pytest.fixture(autouse=True)
def hub_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty data folder: its own SQLite file and key, never the user's."""
    home = tmp_path_factory.mktemp("hrishub-home")
    monkeypatch.setenv("HRISHUB_HOME", str(home))
    monkeypatch.delenv("HRISHUB_DATABASE_URL", raising=False)
    monkeypatch.delenv("HRISHUB_SECRET_KEY", raising=False)
    yield home
