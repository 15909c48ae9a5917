"""CLI tests: commands run through typer's CliRunner against a Tiny HRIS sandbox served on loopback.

Each test has its own ``HRISHUB_HOME`` (tests/conftest.py), so its own SQLite file and secret key.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hub.cli import app
from hub.serving import serve_in_thread
from tests.tiny_hris.sandbox import Sandbox

HRISHUB = [sys.executable, "-c", "from hub.cli import main; main()"]


class Processes:
    """hrishub as a real child process: the console script, its environment, a free port."""

    @staticmethod
    def command(*args):
        """The installed ``hrishub`` script next to this interpreter, else the same entry point via ``-c``."""
        found = shutil.which("hrishub", path=str(Path(sys.executable).parent))
        return [*([found] if found else HRISHUB), *(str(a) for a in args)]

    @staticmethod
    def env(**extra):
        """This environment (its HRISHUB_HOME), wide output, this sys.path, plus ``extra``."""
        return {**os.environ, "COLUMNS": "200", "PYTHONPATH": os.pathsep.join(sys.path), **extra}

    def run(self, *args, env=None, timeout=60):
        return subprocess.run(
            self.command(*args), capture_output=True, text=True, timeout=timeout, env=env or self.env()
        )

    def popen(self, *args, env=None):
        return subprocess.Popen(
            self.command(*args),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env or self.env(),
        )

    @staticmethod
    def free_port():
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]


@pytest.fixture
def hrishub():
    return Processes()


@dataclass
class Tiny:
    sandbox: Sandbox
    base: str

    @property
    def credentials(self) -> dict[str, str]:
        return self.sandbox.credentials(self.base)


@pytest.fixture
def tiny(monkeypatch):
    """A 30-employee sandbox tenant served on a free loopback port, allowed as the hub's sandbox origin."""
    sb = Sandbox(employees=30, seed=5)
    with serve_in_thread(sb.app) as base:
        monkeypatch.setenv("HRISHUB_SANDBOX_ORIGINS", base)
        yield Tiny(sb, base)


@pytest.fixture
def cli(monkeypatch):
    """Invoke hrishub in process: ``cli("sync", id, input=...)`` → click Result (stdout, stderr, output)."""
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, [str(a) for a in args], input=input)

    return invoke


@pytest.fixture
def linked(cli, tiny, tmp_path):
    """An account linked through the CLI from a JSON file; its id."""
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(tiny.credentials))
    result = cli("link", "tiny_hris", "--json-file", path, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["id"]
