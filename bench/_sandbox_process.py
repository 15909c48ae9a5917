"""Run a UKG Pro sandbox tenant in its own process, so a benchmark measures the hub alone."""

import json
import os
import re
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served(tuple):
    """(base URL, credentials) of a served sandbox, and the CPU time its process has used so far."""

    pid: int

    def cpu(self) -> float:
        """User and system CPU seconds of the sandbox's process (Linux ``/proc``)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def sandbox_process(employees: int, seed: int = 7, latency_ms: int = 0, settings: dict | None = None):
    """Yield (base URL, credentials) of a sandbox served by `hrishub sandbox` in a subprocess.

    ``settings``: the sandbox's own settings (``--setting NAME=VALUE``), e.g. ``{"link_header": True}``.
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "hub.cli",
        "sandbox",
        "ukg_pro",
        "--port",
        str(port),
        "--employees",
        str(employees),
        "--seed",
        str(seed),
        "--latency-ms",
        str(latency_ms),
    ]
    for name, value in (settings or {}).items():
        command += ["--setting", f"{name}={json.dumps(value)}"]
    env = dict(os.environ, COLUMNS="200")
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    credentials: dict[str, str] = {}
    try:
        deadline = time.monotonic() + 300
        for line in child.stdout:  # type: ignore[union-attr]
            found = re.match(r"^\s+(\w+): ?(.*)$", line)
            if found:
                credentials[found.group(1)] = found.group(2).strip()
            if "Ctrl+C" in line:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("the sandbox did not start")
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):  # wait until it answers
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                    break
            except OSError:
                time.sleep(0.05)
        served = Served((base, credentials))
        served.pid = child.pid
        yield served
    finally:
        child.terminate()
        child.wait(timeout=10)
