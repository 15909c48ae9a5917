"""docs/writing-a-connector.md works as printed: its steps are followed mechanically in a scratch folder.

The tutorial's marked code blocks (see `tutorial.py` beside this file) are applied in order: files
written, edits made, commands run with their expected output. Two halves share the work so that they
run side by side: one runs every contract-suite command the reader runs (the last against the
finished connector), the other every hub command (connectors, sandbox, link, sync, employees, the
HTTP API, the change feed, labels). Each does all the file steps. `HRISHUB_PLUGINS=acme_hr` keeps the
hub from loading the other installed connectors, which the tutorial does not use; `pip install -e .`
is emulated by a .dist-info folder so the test never changes the environment it runs in.
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .tutorial import follow, parse

DOC = Path(__file__).resolve().parents[2] / "docs" / "writing-a-connector.md"


def test_the_tutorial_is_a_sequence_of_marked_steps():
    steps = parse(DOC.read_text())
    kinds = [s.kind for s in steps]
    assert kinds[0] == "run" and "hrishub new-connector acme_hr" in steps[0].blocks[0]
    assert kinds.count("install") == 1 and "background" in kinds
    suites = [s for s in steps if s.is_suite]
    assert suites and all(s.expect and "passed" in s.expect for s in suites)
    assert any(s.is_hub and "hrishub sync" in s.blocks[0] for s in steps)
    assert all(s.kind != "run" or s.is_suite or s.is_hub or "new-connector" in s.blocks[0] for s in steps)


HALVES = {
    # every file step, and the contract-suite commands (the last one against the finished connector)
    "suite": lambda step: step.is_hub,
    # every file step, and the hub commands: connectors, sandbox, link, sync, employees, HTTP, feed, labels
    "hub": lambda step: step.is_suite,
}


@pytest.mark.e2e
def test_the_tutorial_works_as_printed(tmp_path, monkeypatch):
    """Both halves side by side (their work is in subprocesses), each in its own scratch folder."""
    monkeypatch.setenv("HRISHUB_PLUGINS", "acme_hr")
    monkeypatch.delenv("HRISHUB_SANDBOX_ORIGINS", raising=False)
    with ThreadPoolExecutor(max_workers=2) as pool:
        running = {
            name: pool.submit(lambda skip, root: list(follow(DOC, root, skip=skip)), skip, tmp_path / name)
            for name, skip in HALVES.items()
        }
        done = {name: future.result() for name, future in running.items()}

    suites = [output for step, output in done["suite"] if step.is_suite]
    assert len(suites) >= 4 and "passed" in suites[-1] and "failed" not in suites[-1]
    plugin = (tmp_path / "suite" / "acme-hrishub" / "acme_plugins" / "acme_hr" / "plugin.py").read_text()
    assert 'Action(scopes=("Read departments",))' in plugin and "ChangeFeed(" in plugin

    outputs = "\n".join(output for _, output in done["hub"])
    assert "Linked Acme HR account acct_" in outputs
    assert "incremental" in outputs and '"employee_number": "B-1001"' in outputs
