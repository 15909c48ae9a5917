"""``hrishub demo``: sandbox, customer, link, sync, employees and the API, from defaults."""

import re
import signal
import socket
import time

import httpx

from hub import Hub
from hub.paths import data_home


def check_demo_output(out):
    [account] = set(re.findall(r"\bacct_[\w-]+", out))
    [key] = set(re.findall(r"\bhh_[\w-]+", out))
    assert f"Linked account {account}" in out
    assert "employees.list" in out and "incremental_sync" in out and "Granted:" in out  # the permissions
    assert "succeeded" in out and "full read" in out  # the sync summary
    assert "work email" in out and "@" in out  # the employees table
    curls = [line.strip() for line in out.splitlines() if line.strip().startswith("curl ")]
    assert (
        f'curl -H "Authorization: Bearer {key}" -H "X-Account-Id: {account}" '
        '"http://127.0.0.1:8000/v1/hris/employees?page_size=5"'
    ) in curls
    assert any(line.endswith(f"/v1/accounts/{account}/syncs") for line in curls)
    assert "/docs" in out
    return account, key


def test_demo_without_serving_in_process(cli):
    result = cli("demo", "--no-serve", "--employees", "20")
    assert result.exit_code == 0, result.output
    account, key = check_demo_output(result.stdout)
    demo_db = data_home() / "demo.db"
    assert f"HRISHUB_DATABASE_URL=sqlite:///{demo_db} hrishub serve --port 8000" in result.stdout
    hub = Hub(database_url=f"sqlite:///{demo_db}")
    try:
        assert hub.store.customers.for_key(key) is not None
        [row] = hub.accounts()
        assert row.id == account
    finally:
        hub.close()
    assert Hub().accounts() == []  # the user's own store is left alone


def test_demo_console_script_without_serving(hrishub, tmp_path):
    env = hrishub.env(HRISHUB_HOME=str(tmp_path / "home"))
    env.pop("HRISHUB_SANDBOX_ORIGINS", None)
    started = time.monotonic()
    result = hrishub.run("demo", "--no-serve", "--employees", "20", env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    check_demo_output(result.stdout)
    assert time.monotonic() - started < 30
    assert (tmp_path / "home" / "demo.db").exists()


def test_demo_serves_the_api_until_interrupted_on_a_free_port_when_its_own_is_taken(hrishub, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        proc = hrishub.popen(
            "demo", "--employees", "20", "--port", busy, env=hrishub.env(HRISHUB_HOME=str(tmp_path / "home"))
        )
        try:
            lines = []
            deadline = time.monotonic() + 45
            while time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                lines.append(line)
                if "Press Ctrl+C to stop." in line:
                    break
            out = "".join(lines)
            assert "Press Ctrl+C to stop." in out, out + (
                proc.stderr.read() if proc.poll() is not None else ""
            )
            assert f"Port {busy} is taken" in out
            [base] = re.findall(r"The API is at (http://127\.0\.0\.1:\d+)", out)
            assert base != f"http://127.0.0.1:{busy}"
            [account] = set(re.findall(r"\bacct_[\w-]+", out))
            [key] = set(re.findall(r"\bhh_[\w-]+", out))
            assert f"{base}/v1/hris/employees?page_size=5" in out
            headers = {"Authorization": f"Bearer {key}", "X-Account-Id": account}
            page = httpx.get(f"{base}/v1/hris/employees?page_size=5", headers=headers, timeout=10)
            assert page.status_code == 200, page.text
            assert len(page.json()["results"]) == 5
            [link] = re.findall(rf"{re.escape(base)}/link/[\w-]+", out)
            form = httpx.get(link, timeout=10)
            assert form.status_code == 200 and "Connect UKG Pro" in form.text
            synced = httpx.post(f"{base}/v1/accounts/{account}/sync?wait=true", headers=headers, timeout=30)
            assert synced.status_code == 200, synced.text  # the sandbox is still up behind the API
            proc.send_signal(signal.SIGINT)
            rest, errors = proc.communicate(timeout=20)
            assert proc.returncode == 0, errors
            assert "Demo stopped." in rest
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
