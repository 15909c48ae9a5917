"""README.md works as written: every fenced block in it is run (or checked) from the file itself.

Shell blocks run command by command in one bash session, in README order, with ``hrishub`` on PATH
running this checkout, a fresh ``HRISHUB_HOME`` and the UKG Pro sandbox on loopback; the few values
a reader copies from one command's output into the next (ids, the API key, the port) are the
placeholders below. Python blocks run in a fresh interpreter per section; plugin blocks are
registered against the hub's hook specifications and called. A block that cannot run as printed
(it installs packages) carries ``<!-- readme-test: skip (why) -->`` and its parts are tested here.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import tomllib
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pluggy
import pytest

from connectors.ukg_pro.sandbox import Sandbox, run_server

from .readme import REPO, Block, Shell, blocks, commands, hrishub_shim, json_body, shape_problems, substitute

SKIPPED = {
    "hrishub": "test_the_install_and_test_commands_are_the_ones_ci_runs, test_the_demo_prints_what_the_readme_says...",
    "Writing a connector": "test_the_connector_steps_are_the_ones_the_tutorial_and_record_tests_run",
}
"""The blocks not run as printed (by their section), and the tests of their parts."""

RUN = {"bash", "python", "toml", "text"}
"""The languages whose blocks this file runs or checks; any other block must carry a skip marker."""

LEARNED = {
    "cus_...": r"\bcus_[\w-]+",
    "acct_...": r"\bacct_[\w-]+",
    "ls_...": r"\bls_[\w-]+",
    "hh_...": r"\bhh_[\w-]+",
}
"""Placeholders for ids a command prints, with the pattern that finds the newest one in its output."""

UNTIL_STOPPED = {"hrishub worker": "--once"}
"""Commands that run until stopped, and the flag that makes them do one round and exit."""

SERVES = "hrishub serve"
"""The command that serves the hub: started in the background; later commands call it."""

FORM = ("username", "password", "customer_api_key", "domain", "subdomain")
"""The order ``hrishub link`` asks the UKG values in."""


def _blocks(lang: str) -> list[Block]:
    return [b for b in blocks() if b.lang == lang and b.skip is None]


def test_every_block_is_run_or_skipped_with_a_reason():
    found = blocks()
    assert len(found) >= 10
    unaccounted = [b.where for b in found if b.skip is None and b.lang not in RUN]
    assert not unaccounted, f"add a runner for these blocks or a readme-test skip marker: {unaccounted}"
    skipped = {b.section: b for b in found if b.skip}
    assert set(skipped) == set(SKIPPED), f"each skipped block needs a test of its parts: {skipped}"
    for block in skipped.values():
        assert len(block.skip.split()) >= 5, f"{block.where}: say why it is skipped"


def test_the_connector_steps_are_the_ones_the_tutorial_and_record_tests_run():
    [block] = [b for b in blocks() if b.skip and b.section == "Writing a connector"]
    steps = [c.text.split("#")[0].strip() for c in commands(block)]
    assert steps == [
        "hrishub new-connector acme_hr",
        "python3 -m pytest tests/acme_hr",
        "hrishub record acme_hr",
    ]
    tutorial = (REPO / "docs" / "writing-a-connector.md").read_text()
    assert (
        "hrishub new-connector acme_hr --package acme_plugins" in tutorial and f"\n{steps[1]}\n" in tutorial
    )
    assert '["record", "tiny_hris"' in (REPO / "tests" / "hub" / "test_record.py").read_text()


def test_a_skip_marker_is_read_only_right_before_its_block():
    text = "# T\n<!-- readme-test: skip (installs things into this very Python) -->\n\n```bash\nx\n```\n\n```sh\ny\n```"
    first, second = blocks(text)
    assert first.skip == "installs things into this very Python" and second.skip is None


# -- the opening commands: install + demo, install + tests ---------------------------------------------


def _opening() -> tuple[list[str], list[str]]:
    [block] = [b for b in blocks() if b.skip and b.section == "hrishub"]
    lines = [c.text.split("#")[0].strip() for c in commands(block)]
    demo, tests = ([part.strip() for part in line.split("&&")] for line in lines)
    return demo, tests


def _ci_lines() -> list[str]:
    text = (REPO / ".ci" / "run").read_text()
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_the_install_and_test_commands_are_the_ones_ci_runs():
    demo, tests = _opening()
    ci = [line.replace(" --quiet", "") for line in _ci_lines()]
    assert tests[-1] == ci[-1] == "python3 -m pytest -q -n 2"
    assert tests[:-1] == [line for line in ci if line in tests[:-1]] and len(tests) == 3
    assert demo[0] == tests[1].replace(" '.[test]'", " .")  # the same locked install, without the test extra
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert "test" in pyproject["project"]["optional-dependencies"]
    assert pyproject["project"]["scripts"]["hrishub"] == "hub.cli:main"
    assert (REPO / "requirements" / "test.lock").is_file() and (REPO / "scripts" / "refresh-lock").is_file()
    chores = re.search(r"^\| test \| `(.+)` \|$", (REPO / "README.md").read_text(), re.M)
    assert chores and chores.group(1) == ci[-1]


def _environment(root: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HRISHUB_")}
    bin_dir = root / "bin"
    hrishub_shim(bin_dir, sys.executable)
    return {
        **env,
        "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        "HRISHUB_HOME": str(root / "home"),
        "COLUMNS": "200",
        **extra,
    }


def _read_until(stream: Any, marker: str, timeout: float) -> str:
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            break
        seen.append(line)
        if marker in line:
            break
    return "".join(seen)


def test_the_demo_prints_what_the_readme_says_and_its_curl_lines_work(tmp_path):
    demo, _ = _opening()
    assert demo[-1] == "hrishub demo"
    env = _environment(tmp_path)
    proc = subprocess.Popen(
        shlex.split(demo[-1]),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        out = _read_until(proc.stdout, "Press Ctrl+C to stop.", timeout=60)
        assert "Press Ctrl+C to stop." in out, out + (proc.stderr.read() if proc.poll() is not None else "")
        # "starts the built-in UKG Pro sandbox on loopback, creates a customer with an API key, links ..."
        assert re.search(r"employees \(seed \d+\) at http://127\.0\.0\.1:\d+", out)
        assert re.search(r"Customer cus_[\w-]+, API key: hh_[\w-]+", out)
        assert re.search(r"Linked account acct_[\w-]+", out)
        assert "Granted:" in out and "employees.list" in out  # the permissions report
        for model in ("Company", "Employee", "Employment", "TimeOffBalance"):  # a progress bar per model
            assert re.search(rf"✓ {model}\s+full\s+\d+ read\s+━+ 100%", out), model
        assert "work email" in out  # the unified employees
        curls = [line.strip() for line in out.splitlines() if line.strip().startswith("curl ")]
        assert len(curls) >= 3 and any("/v1/hris/employees" in c for c in curls)
        for line in curls:  # ready to paste: each one answers
            ran = subprocess.run(["bash", "-c", line], capture_output=True, text=True, timeout=60, env=env)
            assert ran.returncode == 0, (line, ran.stderr)
            assert not _is_problem(ran.stdout), (line, ran.stdout)
            json.loads(ran.stdout)
        proc.send_signal(signal.SIGINT)  # "Ctrl+C stops it"
        rest, errors = proc.communicate(timeout=30)
        assert proc.returncode == 0, errors
        assert "Demo stopped." in rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


# -- shell blocks ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sandbox() -> Iterator[tuple[Sandbox, str]]:
    """A UKG Pro sandbox tenant on a free loopback port, for the README's ``hrishub link``."""
    sb = Sandbox(employees=30, seed=5)
    with run_server(sb) as base:
        yield sb, base


def _wait_for(url: str, out: Path, err: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"nothing answers at {url}: {out.read_text()} {err.read_text()}")


def test_every_shell_block_runs_as_written(sandbox, tmp_path_factory):
    if shutil.which("curl") is None:
        pytest.fail("curl runs the README's HTTP examples: install it (scripts/install-system-packages does)")
    sb, base = sandbox
    root = tmp_path_factory.mktemp("readme-shell")
    port = str(_free_port())
    values = {"localhost:8000": f"localhost:{port}", "--port 8000": f"--port {port}"}
    stdin = {"hrishub link ": "".join(f"{sb.credentials(base)[name]}\n" for name in FORM)}
    shell = Shell(root, _environment(root, HRISHUB_SANDBOX_ORIGINS=base))
    ran: list[str] = []
    try:
        for block in _blocks("bash"):
            for command in commands(block):
                where = f"README.md:{command.line}: {command.text}"
                text = substitute(command.text, values)
                unresolved = [p for p in LEARNED if p in text]
                assert not unresolved, f"{where}: no earlier command printed a value for {unresolved}"
                for long_running, flag in UNTIL_STOPPED.items():
                    if text.startswith(long_running):
                        text = text.replace(long_running, f"{long_running} {flag}", 1)
                if text.startswith(SERVES):
                    out, err = shell.start(text)
                    _wait_for(f"http://127.0.0.1:{port}/v1/connectors", out, err)
                    ran.append(command.text)
                    continue
                given = next((v for k, v in stdin.items() if text.startswith(k)), "")
                code, out_text, err_text = shell.run(text, stdin=given)
                assert code == 0, f"{where}\nexit {code}\n{out_text}\n{err_text}"
                assert not _is_problem(out_text), f"{where}: the hub answered a problem: {out_text}"
                for shown in command.shows:
                    problems = shape_problems(substitute(shown, values), out_text)
                    assert not problems, f"{where}: the output is not as shown: {problems}"
                for placeholder, pattern in LEARNED.items():
                    if found := re.findall(pattern, out_text):
                        values[placeholder] = found[-1]
                ran.append(command.text)
    finally:
        shell.close()
    assert any(c.startswith("hrishub link ukg_pro") for c in ran) and any(c.startswith("curl") for c in ran)
    assert sum(len(commands(b)) for b in _blocks("bash")) == len(ran)


def _is_problem(output: str) -> bool:
    """Whether ``output`` is an HTTP problem document (curl exits 0 on a 4xx or 5xx answer)."""
    try:
        answer = json.loads(output)
    except json.JSONDecodeError:
        return False
    return isinstance(answer, dict) and isinstance(answer.get("status"), int) and answer["status"] >= 400


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_json_the_curl_examples_send_is_what_the_api_takes():
    from hub.api import create_app, schemas
    from hub.hub import Hub

    hub = Hub()
    try:
        spec = create_app(hub).openapi()
    finally:
        hub.close()
    checked = 0
    for block in _blocks("bash"):
        for command in commands(block):
            body = json_body(command.text)
            if body is None:
                continue
            method = re.search(r"-X\s+(\w+)", command.text)
            path = re.search(r"localhost:\d+(/[^\s'\"]*)", command.text)
            assert method and path, command.text
            operation = spec["paths"][path.group(1)][method.group(1).lower()]
            ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            model = getattr(schemas, ref.rsplit("/", 1)[-1])
            model.model_validate(body)  # raises on a field the route does not take
            for shown in command.shows:
                answer = spec["paths"][path.group(1)][method.group(1).lower()]["responses"]
                [ok] = [r for code, r in answer.items() if code.startswith("2")]
                out_ref = ok["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
                keys = set(re.findall(r'"(\w+)":', shown))
                assert keys <= set(getattr(schemas, out_ref).model_fields), keys
            checked += 1
    assert checked >= 1


# -- python blocks --------------------------------------------------------------------------------------

DRIVER = """
import json, sys
namespace = {"__name__": "__main__"}
for number, source in json.load(sys.stdin):
    exec(compile(source, f"README.md:{number}", "exec"), namespace)
"""


def _is_plugin(block: Block) -> bool:
    return "@hookimpl" in block.text


def test_python_blocks_run_in_a_fresh_interpreter_per_section(tmp_path):
    sections: dict[str, list[Block]] = {}
    for block in _blocks("python"):
        if not _is_plugin(block):
            sections.setdefault(block.section, []).append(block)
    assert "The Python API" in sections and len(sections["The Python API"]) == 2
    for section, group in sections.items():
        ran = subprocess.run(
            [sys.executable, "-c", DRIVER],
            input=json.dumps([[b.line, b.text] for b in group]),
            capture_output=True,
            text=True,
            timeout=60,
            env={**_environment(tmp_path / section.replace(" ", "-")), "PYTHONPATH": str(REPO)},
            cwd=tmp_path,
        )
        assert ran.returncode == 0, f"{section}: {ran.stderr[-3000:]}"
        for block in group:
            for shown in re.findall(r"#\s*→\s*(.+)$", block.text, re.M):
                pattern = ".*".join(re.escape(part) for part in shown.strip().split("..."))
                assert re.search(pattern, ran.stdout), f"{block.where}: {shown!r} not in {ran.stdout!r}"


def test_plugin_blocks_are_hook_implementations_the_hub_calls():
    from hub import hookspecs
    from hub.events import SyncEvent
    from hub.hub import Hub

    hub = Hub()
    connector = hub.connector("csv_files")
    hub.close()
    offboarded: list[str] = []
    registered: list[Any] = []
    # The names a plugin block leaves to its reader: their own connector, their own offboarding.
    free = {"MY_CONNECTOR": connector, "offboard": offboarded.append}
    calls = {
        "register_connectors": {"register": registered.append},
        "sync_event": {
            "event": SyncEvent(
                type="employee.terminated",
                account_id="acct_1",
                connector="ukg_pro",
                record={"work_email": "ann@example.com"},
            )
        },
    }
    plugins = [b for b in _blocks("python") if _is_plugin(b)]
    assert len(plugins) == 2
    for block in plugins:
        manager = pluggy.PluginManager(hookspecs.PROJECT)
        manager.add_hookspecs(hookspecs)
        module = types.ModuleType(f"readme_{block.line}")
        module.__dict__.update(free)
        exec(compile(block.text, block.where, "exec"), module.__dict__)
        manager.register(module)  # checks each hook's name and arguments against the specs
        manager.check_pending()
        implemented = [name for name in calls if getattr(manager.hook, name).get_hookimpls()]
        assert implemented, block.where
        for name in implemented:
            getattr(manager.hook, name)(**calls[name])
    assert registered == [connector]
    assert offboarded == ["ann@example.com"]


# -- toml and text blocks -------------------------------------------------------------------------------


def test_the_entry_point_example_uses_the_group_the_hub_loads():
    from hub.plugins import ENTRY_POINT_GROUP

    [block] = _blocks("toml")
    example = tomllib.loads(block.text)["project"]["entry-points"]
    assert list(example) == [ENTRY_POINT_GROUP]
    [target] = example[ENTRY_POINT_GROUP].values()
    assert re.fullmatch(r"[\w.]+", target)
    built_in = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]
    assert {"ukg_pro", "csv_files"} <= set(built_in[ENTRY_POINT_GROUP])  # "the built-in UKG Pro one included"


def test_the_tour_diagram_names_files_and_folders_that_exist():
    [diagram] = _blocks("text")
    names = set(re.findall(r"[\w/]+\.py|[\w]+/(?:[\w]+)?", diagram.text))
    assert {"hub.py", "plugins.py", "sdk.py", "linking/", "store/", "connectors/ukg_pro"} <= names
    for name in names:
        found = (REPO / name).exists() or any(p.exists() for p in (REPO / "hub").rglob(name.rstrip("/")))
        assert found, f"{diagram.where} names {name!r}, which is not in the repository"
