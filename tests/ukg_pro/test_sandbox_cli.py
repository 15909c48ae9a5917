"""``hrishub sandbox ukg_pro`` serves a tenant on loopback and prints the five values that link it."""

import socket
import subprocess
import sys
import time

import httpx

from hub import HttpSettings, Hub


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_sandbox_command_serves_a_tenant_that_links():
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from hub.cli import main; main()",
            "sandbox",
            "ukg_pro",
            "--port",
            str(port),
            "--employees",
            "25",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        values = {}
        deadline = time.monotonic() + 30
        while len(values) < 5 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line.startswith("  ") and ":" in line:
                field, _, value = line.strip().partition(":")
                values[field] = value.strip()
        assert set(values) == {"username", "password", "customer_api_key", "domain", "subdomain"}, values
        base_url = f"http://127.0.0.1:{port}"
        assert values["domain"] == base_url
        for _ in range(100):
            try:
                httpx.get(base_url + "/personnel/v1/person-details", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        hub = Hub(settings=HttpSettings(sandbox_origins=frozenset({base_url})))
        account = hub.link("ukg_pro", values)
        assert len(hub.employees(account).list(page_size=1000).results) >= 25
    finally:
        proc.terminate()
        proc.wait(timeout=10)
