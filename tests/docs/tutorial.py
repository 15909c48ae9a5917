"""Follow docs/writing-a-connector.md mechanically: its marked code blocks are the tutorial's steps.

A step is an HTML comment in the Markdown followed by its fenced code block(s)::

    <!-- tutorial: run -->                 a bash block, run in the current folder and environment
    <!-- tutorial: run expect="9 passed" -->   ... whose output must contain that text
    <!-- tutorial: background -->          a long-running command (a sandbox, a server), started
                                           and left running; run again, it is restarted
    <!-- tutorial: file PATH -->           the block is the whole new file PATH
    <!-- tutorial: edit PATH -->           two blocks: text found exactly once in PATH, and its replacement
    <!-- tutorial: install -->             `pip install -e .`: emulated by a .dist-info folder holding
                                           the entry points of the project's pyproject.toml, so the
                                           test never changes the environment it runs in

`cd` and `export` in a run block carry over to the next ones, as in one terminal. Values the reader
copies from an earlier output are substituted: `acct_...`, `cus_...` and `hh_...` become the last
account id, customer id and API key printed; the ports 8765 and 8000 become free ones.

Run it by hand to see every step and its output:
``python3 tests/docs/tutorial.py docs/writing-a-connector.md /tmp/tutorial``.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

MARKER = re.compile(r"<!--\s*tutorial:\s*(?P<kind>[a-z]+)(?P<args>[^>]*?)\s*-->")
FENCE = re.compile(r"^(?P<fence>```+)[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)
KINDS = {"run": 1, "background": 1, "file": 1, "edit": 2, "install": 1}
LEARNED = {  # placeholder in the doc -> what a real value looks like in an output
    "acct_...": re.compile(r"\bacct_[A-Za-z0-9_-]{12,}"),
    "cus_...": re.compile(r"\bcus_[A-Za-z0-9_-]{8,}"),
    "hh_...": re.compile(r"\bhh_[A-Za-z0-9_-]{20,}"),
}
PORTS = ("8765", "8000")


class TutorialError(AssertionError):
    """A step of the tutorial did not work as the doc prints it."""


@dataclass(frozen=True)
class Step:
    kind: str
    args: str
    blocks: tuple[str, ...]
    line: int

    @property
    def expect(self) -> str | None:
        found = re.search(r"expect=(?:\"([^\"]*)\"|'([^']*)')", self.args)
        return (found.group(1) or found.group(2)) if found else None

    @property
    def path(self) -> str:
        return self.args.strip()

    @property
    def where(self) -> str:
        return f"line {self.line} ({self.kind}{' ' + self.args.strip() if self.args.strip() else ''})"

    @property
    def is_suite(self) -> bool:
        """A run of the conformance suite (pytest)."""
        return self.kind == "run" and "pytest" in self.blocks[0]

    @property
    def is_hub(self) -> bool:
        """A step that uses the installed connector through the hub (link, sync, serve, read)."""
        if self.kind == "background":
            return True
        if self.kind != "run" or self.is_suite:
            return False
        commands = [c for c in _commands(self.blocks[0]) if c.startswith(("hrishub", "curl"))]
        return any(not c.startswith("hrishub new-connector") for c in commands)


def _commands(block: str) -> list[str]:
    return [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]


def parse(markdown: str) -> list[Step]:
    """Every marked step of the document, in order, each with its code blocks."""
    steps = []
    markers = list(MARKER.finditer(markdown))
    for i, marker in enumerate(markers):
        kind = marker.group("kind")
        line = markdown.count("\n", 0, marker.start()) + 1
        if kind not in KINDS:
            raise TutorialError(f"line {line}: unknown tutorial step {kind!r} (known: {', '.join(KINDS)})")
        end = markers[i + 1].start() if i + 1 < len(markers) else len(markdown)
        blocks = [m.group("body") for m in FENCE.finditer(markdown, marker.end(), end)][: KINDS[kind]]
        if len(blocks) != KINDS[kind]:
            raise TutorialError(
                f"line {line}: a {kind} step needs {KINDS[kind]} code block(s) before the next step"
            )
        steps.append(Step(kind, marker.group("args"), tuple(blocks), line))
    return steps


def _free_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return str(s.getsockname()[1])


def _wait_for_port(port: str, process: subprocess.Popen, step: Step, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise TutorialError(f"{step.where}: the command ended at once (exit {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", int(port)), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TutorialError(f"{step.where}: nothing listens on port {port} after {timeout} s")


@dataclass
class Tutorial:
    """The state of a reader following the tutorial: folder, environment, values seen, servers running."""

    root: Path
    cwd: Path = field(init=False)
    env: dict[str, str] = field(init=False)
    values: dict[str, str] = field(default_factory=dict)
    background: dict[str, subprocess.Popen] = field(default_factory=dict)
    last_output: str = ""
    logs: dict[str, Path] = field(default_factory=dict)
    log: Callable[[str], None] = lambda text: None

    def __post_init__(self) -> None:
        self.cwd = self.root
        bindir = str(Path(sys.executable).parent)
        self.env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""), COLUMNS="200")
        self.values = {port: _free_port() for port in PORTS}

    def _substitute(self, text: str, step: Step) -> str:
        for placeholder, value in self.values.items():
            text = re.sub(
                rf"\b{re.escape(placeholder)}\b" if placeholder.isdigit() else re.escape(placeholder),
                value,
                text,
            )
        for placeholder in LEARNED:
            if placeholder in text:
                raise TutorialError(f"{step.where}: {placeholder} is used before any output printed one")
        return text

    def _learn(self, output: str) -> None:
        for placeholder, pattern in LEARNED.items():
            found = pattern.findall(output)
            if found:
                self.values[placeholder] = found[-1]

    def apply(self, step: Step) -> str:
        """Do one step; returns its output (for a run)."""
        self.last_output = ""
        getattr(self, f"_{step.kind}")(step)
        return self.last_output

    def _file(self, step: Step) -> None:
        path = self.cwd / step.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(step.blocks[0])
        self.last_output = f"wrote {path}"

    def _edit(self, step: Step) -> None:
        path = self.cwd / step.path
        if not path.exists():
            raise TutorialError(f"{step.where}: {path} does not exist")
        text = path.read_text()
        find, replace = step.blocks
        count = text.count(find)
        if count != 1:
            raise TutorialError(
                f"{step.where}: the text to replace is found {count} times in {step.path}, not once:\n{find}"
            )
        path.write_text(text.replace(find, replace))
        self.last_output = f"edited {path}"

    def _install(self, step: Step) -> None:
        if _commands(step.blocks[0]) != ["python3 -m pip install -e ."]:
            raise TutorialError(f"{step.where}: the install step must be `python3 -m pip install -e .`")
        project = tomllib.loads((self.cwd / "pyproject.toml").read_text())["project"]
        points = project.get("entry-points", {})
        if not points.get("hrishub.connectors"):
            raise TutorialError(f"{step.where}: pyproject.toml declares no hrishub.connectors entry point")
        name = re.sub(r"[-_.]+", "_", project["name"])
        info = self.cwd / f"{name}-{project['version']}.dist-info"
        info.mkdir(exist_ok=True)
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
        )
        lines = []
        for group, entries in points.items():
            lines.append(f"[{group}]")
            lines += [f"{key} = {value}" for key, value in entries.items()]
        (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(self.cwd), self.env.get("PYTHONPATH")]))
        self.last_output = f"emulated the install of {project['name']} in {info}"

    def _run(self, step: Step) -> None:
        script = self._substitute(step.blocks[0], step)
        state = self.root / ".tutorial-state"
        state.mkdir(exist_ok=True)
        wrapped = (
            f"set -euo pipefail\n{script}\n"
            f"pwd > {shlex.quote(str(state / 'cwd'))}\nenv -0 > {shlex.quote(str(state / 'env'))}\n"
        )
        done = subprocess.run(
            ["bash", "-c", wrapped],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
        output = done.stdout + done.stderr
        self.last_output = output
        if done.returncode != 0:
            raise TutorialError(f"{step.where}: exit {done.returncode}\n$ {script}\n{output}{self._logs()}")
        expect = step.expect and self._substitute(step.expect, step)
        if expect and expect not in output:
            raise TutorialError(f"{step.where}: the output lacks {expect!r}\n$ {script}\n{output}")
        self.cwd = Path((state / "cwd").read_text().strip())
        self.env = dict(item.split("=", 1) for item in (state / "env").read_text().split("\0") if "=" in item)
        self._learn(output)

    def _background(self, step: Step) -> None:
        command = self._substitute(step.blocks[0], step).strip()
        ports = re.findall(r"--port[ =](\d+)", command)
        if not ports:
            raise TutorialError(f"{step.where}: a background command must name its --port")
        self._stop(command)
        log = self.root / ".tutorial-state" / f"background-{step.line}.log"
        log.parent.mkdir(exist_ok=True)
        with log.open("w") as sink:
            process = subprocess.Popen(
                ["bash", "-c", f"exec {command}"],
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.background[command] = process
        self.logs[command] = log
        try:
            _wait_for_port(ports[0], process, step)
        except TutorialError as exc:
            raise TutorialError(f"{exc}{self._logs()}") from None
        self.last_output = f"started {command}"

    def _logs(self) -> str:
        """The last lines each running background command printed, for an error message."""
        shown = ""
        for command, log in self.logs.items():
            if command in self.background and log.exists():
                tail = "\n".join(log.read_text(errors="replace").splitlines()[-25:])
                shown += f"\n--- the output of `{command}` (running in the background):\n{tail}"
        return shown

    def _stop(self, command: str) -> None:
        process = self.background.pop(command, None)
        if process is None:
            return
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def close(self) -> None:
        for command in list(self.background):
            self._stop(command)


def follow(
    doc: Path, root: Path, *, skip: Callable[[Step], bool] = lambda step: False
) -> Iterator[tuple[Step, str]]:
    """Do every step of ``doc`` in ``root`` except those ``skip`` names; yields each step and its output."""
    root.mkdir(parents=True, exist_ok=True)
    tutorial = Tutorial(root)
    try:
        for step in parse(doc.read_text()):
            if skip(step):
                continue
            yield step, tutorial.apply(step)
    finally:
        tutorial.close()


if __name__ == "__main__":
    target = Path(sys.argv[2])
    started = time.monotonic()
    skipped = sys.argv[3] if len(sys.argv) > 3 else ""  # "suite" or "hub": leave those steps out
    for step, output in follow(
        Path(sys.argv[1]), target, skip=lambda s: bool(skipped) and getattr(s, f"is_{skipped}")
    ):
        print(f"--- {step.where}  [{time.monotonic() - started:.1f} s]")
        print(output.rstrip())
