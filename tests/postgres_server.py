"""A throwaway PostgreSQL server for the suite, started from the system's own binaries.

The store, the task queue and the multi-worker tests run on it in every run, CI included
(``scripts/install-system-packages`` installs PostgreSQL where it is missing). Each xdist worker
starts one server on a free loopback port, in a folder of its own; each test gets a fresh database
copied from a template the hub's migrations ran on once, so a test costs a ``CREATE DATABASE``.

PostgreSQL refuses to run as root; CI runs as root, so there the server runs as the system's
``postgres`` user (``runuser``). pytest-postgresql was weighed for this and cannot do that.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

__all__ = ["PostgresServer", "find_binaries"]

INSTALL = "bash scripts/install-system-packages"


def find_binaries() -> Path:
    """The folder of ``initdb``, ``pg_ctl`` and ``postgres``: PATH first, then Debian's versioned folders."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3].split(".")[0])
    )
    if versions:
        return Path(versions[-1]).parent
    raise RuntimeError(f"PostgreSQL's server binaries (initdb, pg_ctl) were not found: run `{INSTALL}`.")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """One PostgreSQL server on loopback for this test process; :meth:`stop` removes every trace."""

    def __init__(self) -> None:
        self.bin = find_binaries()
        self.root = Path(tempfile.mkdtemp(prefix="hrishub-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            # The postgres user must reach its folder: the temporary root is made its own.
            shutil.chown(self.root, "postgres", "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        self._databases = 0
        self._template_ready = False

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._as, *args], capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed ({done.returncode}): {done.stderr.strip()}")

    def start(self) -> PostgresServer:
        """Create the cluster and start the server; returns self once it accepts connections."""
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "-A",
            "trust", "--no-instructions",
        )  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l",
                  str(self.root / "server.log"), "start")  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"PostgreSQL did not start: {self.root / 'server.log'}") from None
                time.sleep(0.05)

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of ``database`` on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _execute(self, statement: str) -> None:
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as db:
                db.execute(text(statement))
        finally:
            engine.dispose()

    def new_database(self, *, migrated: bool = True, name: str | None = None) -> str:
        """A fresh, empty database (with the hub's tables when ``migrated``); its URL."""
        from hub.store.database import open_engine

        if migrated and not self._template_ready:
            self._execute("CREATE DATABASE hub_template")
            open_engine(self.url("hub_template")).dispose()
            self._template_ready = True
        return self.copy("hub_template" if migrated else "template0", name)

    def copy(self, template: str, name: str | None = None) -> str:
        """A new database copied from ``template`` (which nobody may be connected to); its URL."""
        self._databases += 1
        name = name or f"test_{self._databases}"
        self._execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (fast) and delete its folder."""
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
