"""What a person watches during ``hrishub sync``: a total and an estimate where one is known, fill bars after."""

import re

from hub import Hub
from hub.cli.syncing import fill_bar


def test_fill_bars_show_how_full_each_field_is_and_can_be_turned_off(cli, linked):
    shown = cli("sync", linked)
    assert shown.exit_code == 0, shown.output
    read = int(re.search(r"Employee fields filled, of (\d+) records:", shown.stdout).group(1))
    assert read > 0
    first_name = re.search(r"first_name\s+([█░]{10})\s+(\d+)%", shown.stdout)
    assert first_name and first_name.group(1) == "█" * 10 and first_name.group(2) == "100"
    # A field that only some employees have shows a part-filled bar and its share.
    partial = [
        m for m in re.finditer(r"(\w+)\s+([█░]{10})\s+(\d+)%", shown.stdout) if 0 < int(m.group(3)) < 100
    ]
    assert partial and all(m.group(2).count("█") == max(1, round(int(m.group(3)) / 10)) for m in partial)
    hidden = cli("sync", linked, "--full", "--no-fill")
    assert hidden.exit_code == 0 and "fields filled" not in hidden.stdout


def test_a_full_read_announces_the_last_full_reads_count_as_its_expected_total(cli, linked):
    first = cli("sync", linked, "--no-fill")
    assert first.exit_code == 0, first.output
    heard: dict[str, dict] = {}
    report = Hub().sync(
        linked,
        full=True,
        progress=lambda model, stage, info: heard.setdefault(f"{model} {stage}", dict(info)),
    )
    employee = report.models["Employee"]
    # The first read had nothing to go on; this one expects what the last full read found.
    assert heard["Employee start"]["expected"] == employee.read > 0
    assert heard["TimeOffBalance start"]["expected"] == report.models["TimeOffBalance"].read


def test_a_bar_is_ten_cells_and_never_empty_for_a_field_that_has_any_value():
    def cells(bar: str) -> str:
        return re.sub(r"\[[^\]]*\]", "", bar)

    assert cells(fill_bar(1.0)) == "█" * 10 and cells(fill_bar(0.0)) == "░" * 10
    assert cells(fill_bar(0.5)) == "█" * 5 + "░" * 5
    assert cells(fill_bar(0.001)) == "█" + "░" * 9  # one record in a thousand still shows
    assert "[green]" in fill_bar(0.95) and "[yellow]" in fill_bar(0.6) and "[red]" in fill_bar(0.2)
