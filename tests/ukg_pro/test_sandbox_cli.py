"""``hrishub sandbox ukg_pro`` serves a tenant on loopback and prints the five values that link it."""

import os
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


def test_the_sandbox_command_serves_a_tenant_that_links(tmp_path):
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
        assert values["subdomain"] == base_url and values["domain"] == "ultipro.com"
        for _ in range(100):
            try:
                httpx.get(base_url + "/personnel/v1/person-details", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        hub = Hub(settings=HttpSettings(sandbox_origins=frozenset({base_url})))
        account = hub.link("ukg_pro", values)
        assert len(hub.employees(account).list(page_size=1000).results) >= 25

        # The printed command links it as printed: one line, pasted into a shell.
        command = ""
        while not command and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line.startswith("HRISHUB_SANDBOX_ORIGINS="):
                command = line.strip()
        assert command.startswith(f"HRISHUB_SANDBOX_ORIGINS={base_url} hrishub link ukg_pro --set ")
        home = tmp_path / "home"
        env = {**os.environ, "HRISHUB_HOME": str(home), "COLUMNS": "80"}
        env.pop("HRISHUB_SECRET_KEY", None)
        env.pop("HRISHUB_DATABASE_URL", None)
        shell = command.replace(" hrishub ", f" {sys.executable} -m hub.cli ", 1)
        linked = subprocess.run(["bash", "-c", shell], env=env, capture_output=True, text=True, timeout=60)
        assert linked.returncode == 0, linked.stdout + linked.stderr
        assert "acct_" in linked.stdout
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _sandbox(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from hub.cli import main; main()", "sandbox", "ukg_pro", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_port_0_prints_the_port_it_really_listens_on():
    proc = _sandbox("--port", "0", "--employees", "5")
    try:
        first = proc.stdout.readline()
        base_url = first.split(" at ")[1].split(" ")[0]
        assert not base_url.endswith(":0"), first
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = httpx.get(base_url + "/personnel/v1/person-details", timeout=10)
                break
            except httpx.ConnectError:  # printed before uvicorn listens
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert answer.status_code == 401  # UKG's sandbox answers, asking for credentials
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_busy_port_is_a_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        proc = _sandbox("--port", str(taken.getsockname()[1]))
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 2
    assert "is not free" in err and "--port 0" in err and "Traceback" not in err


def test_a_setting_reaches_the_served_tenant():
    """``--setting link_header=true``: paged answers carry the Link header UKG's clients parse."""
    proc = _sandbox("--port", "0", "--employees", "30", "--setting", "link_header=true")
    try:
        values, base_url = {}, ""
        deadline = time.monotonic() + 30
        while len(values) < 5 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if " at " in line and not base_url:
                base_url = line.split(" at ")[1].split(" ")[0]
            elif line.startswith("  ") and ":" in line:
                field, _, value = line.strip().partition(":")
                values[field] = value.strip()
        auth = (values["username"], values["password"])
        headers = {"US-CUSTOMER-API-KEY": values["customer_api_key"]}
        while True:
            try:
                answer = httpx.get(
                    base_url + "/personnel/v1/person-details",
                    params={"page": 1, "per_Page": 10},
                    auth=auth,
                    headers=headers,
                    timeout=10,
                )
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        everyone = httpx.get(
            base_url + "/personnel/v1/person-details", auth=auth, headers=headers, timeout=10
        ).json()
        assert answer.status_code == 200 and len(answer.json()) == 10
        last = -(-len(everyone) // 10)
        assert answer.links["last"]["url"].endswith(f"?page={last}&per_Page=10")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_an_unknown_setting_is_a_clear_error():
    proc = _sandbox("--port", "0", "--setting", "no_such_setting=1")
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 2
    assert "no_such_setting" in err and "--setting" in err and "Traceback" not in err
    assert "link_header" in " ".join(err.split())  # the settings there are, to pick from
