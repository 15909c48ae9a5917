"""README.md taken apart for its test: fenced blocks, their commands, and a shell session to run them in.

A block may be preceded by ``<!-- readme-test: skip (why) -->``: it is then not run as printed, and the
reason says what checks it instead. Inside a shell block, a comment line ``# → ...`` right after a
command shows the shape of what that command prints.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import shlex
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"

_FENCE = re.compile(r"^```(\S*)\s*$")
_SKIP = re.compile(r"^<!--\s*readme-test:\s*skip\s*\((?P<why>.+)\)\s*-->$")


@dataclass(frozen=True)
class Block:
    """One fenced code block: its language, text, first line number and section heading."""

    lang: str
    text: str
    line: int
    section: str
    skip: str | None = None
    """Why the block is not run as printed, from the marker before it; None when it is run."""

    @property
    def where(self) -> str:
        """``README.md:12 (bash, in "Chores")`` for messages."""
        return f"README.md:{self.line} ({self.lang or 'no language'}, in {self.section!r})"


def blocks(markdown: str | None = None) -> list[Block]:
    """Every fenced block of ``markdown`` (README.md by default), in order."""
    lines = (README.read_text() if markdown is None else markdown).splitlines()
    found: list[Block] = []
    section, number = "(top)", 0
    while number < len(lines):
        line = lines[number]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        opened = _FENCE.match(line)
        if not opened:
            number += 1
            continue
        end = next(i for i in range(number + 1, len(lines)) if lines[i].startswith("```"))
        before = next((lines[i].strip() for i in range(number - 1, -1, -1) if lines[i].strip()), "")
        marked = _SKIP.match(before)
        found.append(
            Block(
                lang=opened.group(1),
                text="\n".join(lines[number + 1 : end]),
                line=number + 1,
                section=section,
                skip=marked.group("why").strip() if marked else None,
            )
        )
        number = end + 1
    return found


@dataclass
class Command:
    """One shell command of a block (continuation lines joined) and the output shape shown after it."""

    text: str
    line: int
    shows: list[str] = field(default_factory=list)


def commands(block: Block) -> list[Command]:
    """The commands of a shell block; ``# →`` lines attach to the command before them."""
    found: list[Command] = []
    pending = ""
    for offset, raw in enumerate(block.text.splitlines()):
        stripped = raw.strip()
        if not pending and stripped.startswith("#"):
            shown = re.match(r"#\s*→\s*(.*)", stripped)
            if shown and found:
                found[-1].shows.append(shown.group(1))
            continue
        if not stripped and not pending:
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        found.append(Command(pending + stripped, block.line + 1 + offset))
        pending = ""
    return found


def substitute(text: str, values: dict[str, str]) -> str:
    """``text`` with each placeholder replaced by its value (longest placeholder first)."""
    for placeholder in sorted(values, key=len, reverse=True):
        text = text.replace(placeholder, values[placeholder])
    return text


def shape_problems(shown: str, output: str) -> list[str]:
    """What in ``output`` does not match the shape ``shown`` (a JSON object with ``...`` elisions).

    Every key shown must be in the output's JSON object; a value shown whole (no ``...`` or
    ``<...>`` in it) must be the output's value; an elided string value is matched as a pattern.
    """
    try:
        answer = json.loads(output)
    except json.JSONDecodeError:
        return [f"not JSON: {output[:300]!r}"]
    if not isinstance(answer, dict):
        return [f"not a JSON object: {output[:300]!r}"]
    problems = []
    for key, value in re.findall(r'"(\w+)":\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,}\s]+)', shown):
        if key not in answer:
            problems.append(f"no {key!r} in {sorted(answer)}")
        elif value.startswith('"'):
            pattern = re.escape(json.loads(value))
            pattern = pattern.replace(re.escape("..."), ".*").replace(re.escape("<token>"), r"[\w-]+")
            if not re.fullmatch(pattern, str(answer[key])):
                problems.append(f"{key}={answer[key]!r}, the README shows {value}")
    return problems


class Shell:
    """One bash process that runs commands in order, as a reader's terminal does (variables persist).

    Each command's stdin, stdout and stderr go through files, so a command that reads its input
    (a prompt) gets what the test gives it, and the exit status is read back from a file.
    """

    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.workdir = workdir
        self.count = 0
        self.bash = subprocess.Popen(
            ["bash", "--noprofile", "--norc"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=workdir,
            env=env,
            text=True,
            start_new_session=True,  # no controlling terminal: a hidden prompt reads the stdin given
        )

    def _files(self) -> tuple[Path, Path, Path, Path]:
        self.count += 1
        stem = self.workdir / f"cmd{self.count}"
        return (*(stem.with_suffix(s) for s in (".in", ".out", ".err")), stem.with_suffix(".rc"))

    def _send(self, line: str) -> None:
        assert self.bash.stdin is not None
        self.bash.stdin.write(line + "\n")
        self.bash.stdin.flush()

    def run(self, command: str, *, stdin: str = "", timeout: float = 60) -> tuple[int, str, str]:
        """Run ``command`` in the session; its exit status, stdout and stderr."""
        given, out, err, rc = self._files()
        given.write_text(stdin)
        self._send(f"{{ {command}\n}} <{given} >{out} 2>{err}; echo $? >{rc}.tmp; mv {rc}.tmp {rc}")
        deadline = time.monotonic() + timeout
        while not rc.exists():
            if time.monotonic() > deadline or self.bash.poll() is not None:
                raise AssertionError(f"{command!r} did not finish in {timeout} s: {err.read_text()[-2000:]}")
            time.sleep(0.02)
        return int(rc.read_text()), out.read_text(), err.read_text()

    def start(self, command: str) -> tuple[Path, Path]:
        """Start ``command`` in the background of the session; the files its stdout and stderr go to."""
        _, out, err, rc = self._files()
        self._send(f"{{ {command}\n}} </dev/null >{out} 2>{err} & echo $! >{rc}.tmp; mv {rc}.tmp {rc}")
        deadline = time.monotonic() + 10
        while not rc.exists():
            if time.monotonic() > deadline:
                raise AssertionError(f"{command!r} did not start")
            time.sleep(0.02)
        return out, err

    def close(self) -> None:
        """Stop the session and everything it started (its own process group)."""
        assert self.bash.stdin is not None
        self.bash.stdin.close()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.bash.pid, signal.SIGTERM)
        self.bash.wait(timeout=10)


def hrishub_shim(bin_dir: Path, python: str) -> Path:
    """An ``hrishub`` on PATH that runs this checkout's CLI with ``python`` (not an installed script)."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    shim = bin_dir / "hrishub"
    shim.write_text(
        "#!/bin/sh\n"
        f"PYTHONPATH={shlex.quote(str(REPO))}${{PYTHONPATH:+:$PYTHONPATH}} "
        f'exec {shlex.quote(python)} -m hub.cli "$@"\n'
    )
    shim.chmod(0o755)
    return shim


def json_body(command: str) -> Any:
    """The JSON a ``curl ... -d '...'`` command sends, or None."""
    words = shlex.split(command, comments=True)
    for flag, value in itertools.pairwise(words):
        if flag in ("-d", "--data", "--data-raw"):
            return json.loads(value)
    return None
