"""Files must resolve inside the operator's import folder: no ``..``, absolute path or symlink gets out."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connectors.csv_files.client import CsvFilesClient
from connectors.csv_files.credentials import FileRefused, import_root, locate, normalize_credentials
from hub.connector import HttpSettings
from hub.errors import InvalidCredentials, ProviderUnreachable

from .helpers import people

SETTINGS = HttpSettings()


@pytest.fixture
def jail(tmp_path, monkeypatch):
    """An import folder with files in and out of it, and symlinks both ways."""
    root = tmp_path / "imports"
    (root / "acme").mkdir(parents=True)
    (root / "employees.csv").write_text(people())
    (root / "acme" / "employees.csv").write_text(people())
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "passwd.csv").write_text("root:x:0:0\n")
    (root / "link_out.csv").symlink_to(outside / "passwd.csv")
    (root / "dir_out").symlink_to(outside)
    (root / "link_in.csv").symlink_to(root / "acme" / "employees.csv")
    (root / "loop").symlink_to(root / "loop")
    monkeypatch.setenv("HRISHUB_CSV_ROOT", str(root))
    return root


def issue_of(values):
    with pytest.raises(InvalidCredentials) as caught:
        normalize_credentials(values, SETTINGS)
    return caught.value.issues


def test_the_root_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_CSV_ROOT", str(tmp_path / "x"))
    assert import_root() == tmp_path / "x"
    monkeypatch.delenv("HRISHUB_CSV_ROOT")
    monkeypatch.setenv("HRISHUB_HOME", str(tmp_path / "home"))
    assert import_root() == tmp_path / "home" / "imports"
    monkeypatch.delenv("HRISHUB_HOME")
    assert import_root().parts[-2:] == ("hrishub", "imports")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("employees.csv", "employees.csv"),
        ("  employees.csv ", "employees.csv"),
        ("acme/employees.csv", "acme/employees.csv"),
        ("acme/../employees.csv", "acme/../employees.csv"),
        ("./acme/employees.csv", "./acme/employees.csv"),
        ("link_in.csv", "link_in.csv"),
    ],
)
def test_names_inside_the_folder_are_kept_as_typed(jail, typed, stored):
    assert normalize_credentials({"employees_file": typed}, SETTINGS) == {
        "employees_file": stored,
        "time_off_balances_file": None,
        "org_units_file": None,
    }


def test_an_absolute_path_inside_the_folder_is_stored_relative(jail):
    values = normalize_credentials({"employees_file": str(jail / "acme" / "employees.csv")}, SETTINGS)
    assert values["employees_file"] == "acme/employees.csv"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("/etc/passwd", "'/etc/passwd' is outside the import folder"),
        ("../secret/passwd.csv", "is outside the import folder"),
        ("acme/../../secret/passwd.csv", "is outside the import folder"),
        ("link_out.csv", "'link_out.csv' is outside the import folder"),
        ("dir_out/passwd.csv", "is outside the import folder"),
        (".", "is outside the import folder"),
        ("acme", "is not a regular file"),
        ("nope.csv", "'nope.csv' does not exist in the import folder"),
        ("loop", "is not a usable file name"),
        ("a\x00b.csv", "contains a NUL character"),
        ("", "is missing."),
    ],
)
def test_names_outside_or_unusable_are_refused_with_the_fix(jail, typed, says):
    (issue,) = issue_of({"employees_file": typed})
    assert issue.field == "employees_file"
    assert says in issue.message
    assert str(jail) in issue.fix if says != "is missing." else "employees.csv" in issue.fix
    assert "passwd" not in issue.fix and "secret" not in issue.message.replace(typed, "")


def test_every_field_is_checked_at_once(jail):
    issues = issue_of(
        {"employees_file": "/etc/passwd", "org_units_file": "nope.csv", "time_off_balances_file": 3, "x": 1}
    )
    assert [i.field for i in issues] == ["x", "employees_file", "time_off_balances_file", "org_units_file"]


def test_two_fields_naming_one_file_are_refused(jail):
    (issue,) = issue_of({"employees_file": "employees.csv", "org_units_file": "acme/../employees.csv"})
    assert issue.field == "org_units_file" and "same file as employees_file" in issue.message


def test_a_missing_import_folder_says_who_creates_it(tmp_path, monkeypatch):
    monkeypatch.setenv("HRISHUB_CSV_ROOT", str(tmp_path / "nowhere"))
    (issue,) = issue_of({"employees_file": "employees.csv"})
    assert "does not exist on the hub's server" in issue.message and "HRISHUB_CSV_ROOT" in issue.fix


SEGMENTS = st.sampled_from(
    [
        "..",
        ".",
        "",
        "acme",
        "employees.csv",
        "link_out.csv",
        "dir_out",
        "link_in.csv",
        "secret",
        "passwd.csv",
        "imports",
        "/",
        "//",
        "loop",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(SEGMENTS, min_size=1, max_size=7), absolute=st.booleans())
def test_no_typed_path_reaches_a_file_outside_the_folder(jail, parts, absolute):
    typed = "/".join(parts)
    if absolute:
        typed = str(jail.parent) + "/" + typed
    try:
        stored, real = locate(typed, jail)
    except FileRefused as refused:
        assert refused.message and str(jail) in refused.fix
        return
    assert real.is_relative_to(jail.resolve()) and real.is_file()
    assert "secret" not in real.parts
    # What is stored resolves to the same file again, under the same checks.
    assert locate(stored, jail)[1] == real


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=40))
def test_any_typed_text_is_refused_or_inside(jail, name):
    try:
        _, real = locate(name, jail)
    except FileRefused:
        return
    assert real.is_relative_to(jail.resolve())


async def test_a_symlink_swapped_in_after_linking_is_refused_at_read(jail, tmp_path):
    values = normalize_credentials({"employees_file": "employees.csv"}, SETTINGS)
    (jail / "employees.csv").unlink()
    (jail / "employees.csv").symlink_to(tmp_path / "secret" / "passwd.csv")
    client = CsvFilesClient(values)
    with pytest.raises(InvalidCredentials) as caught:
        await client.probe()
    assert "is outside the import folder" in caught.value.issues[0].message
    client = CsvFilesClient(values)
    with pytest.raises(InvalidCredentials):
        async for _ in client.records("employees"):
            pass


async def test_a_fifo_is_never_opened(jail):
    os.mkfifo(jail / "pipe.csv")
    with pytest.raises(InvalidCredentials) as caught:
        normalize_credentials({"employees_file": "pipe.csv"}, SETTINGS)
    assert "is not a regular file" in caught.value.issues[0].message
    client = CsvFilesClient({"employees_file": "pipe.csv"})
    with pytest.raises(ProviderUnreachable):  # linked when it was a file, a pipe now: gone
        await client.labels("Employee")


def test_stored_names_follow_a_moved_folder(jail, tmp_path, monkeypatch):
    values = normalize_credentials({"employees_file": "acme/employees.csv"}, SETTINGS)
    moved = tmp_path / "moved"
    jail.rename(moved)
    monkeypatch.setenv("HRISHUB_CSV_ROOT", str(moved))
    assert locate(values["employees_file"])[1] == (moved / "acme" / "employees.csv").resolve()


def test_optional_files_left_empty_are_not_linked(jail):
    values = {"employees_file": "employees.csv", "org_units_file": "  ", "time_off_balances_file": None}
    assert normalize_credentials(values, SETTINGS) == {
        "employees_file": "employees.csv",
        "time_off_balances_file": None,
        "org_units_file": None,
    }
