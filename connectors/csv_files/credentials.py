"""The linking form (three file names) and its normaliser, which keeps every file inside the import folder.

A linked account must never make the hub read a file of its choosing (``/etc/passwd``, another
account's secrets, another customer's export). Files are therefore named relative to an import folder
the hub's *operator* chooses (``HRISHUB_CSV_ROOT``; default ``$HRISHUB_HOME/imports``, else the user
data folder's ``hrishub/imports``): each customer's accounts read only the customer's own folder inside
it, ``<root>/<customer_id>/``, unless the operator lets that customer use the whole root
(``HRISHUB_CSV_SHARED_CUSTOMERS``); accounts the operator links with no customer read the root. A name
is accepted only if, once resolved (``..`` collapsed and every symlink followed), it is a regular file
inside that folder. The check runs again on every read, so a symlink swapped in after linking is
refused too.

A refusal seen by a customer names no folder of the server, and says the same for a file that does
not exist, lies outside the folder or is not a regular file: it never tells whether a file exists.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from connectors.csv_files.columns import BALANCES, EMPLOYEES, FILES, ORG_UNITS
from hub.sdk import FieldIssue, HttpSettings, InvalidCredentials

__all__ = [
    "CREDENTIALS_SCHEMA",
    "FILE_FIELDS",
    "ROOT_ENV",
    "SHARED_ENV",
    "FileRefused",
    "import_root",
    "locate",
    "normalize_credentials",
]

ROOT_ENV = "HRISHUB_CSV_ROOT"
"""The environment variable naming the import folder."""

SHARED_ENV = "HRISHUB_CSV_SHARED_CUSTOMERS"
"""Customer ids (comma-separated) the operator lets read the whole import folder, not only their own."""

_FOLDER_NAME = re.compile(r"[A-Za-z0-9_-]{1,100}")

FILE_FIELDS: tuple[str, ...] = tuple(kind.field for kind in FILES)
"""The credential fields, in form order."""


def import_root(customer_id: str | None = None) -> Path:
    """The import folder of ``customer_id``'s accounts: ``<root>/<customer_id>``, or the root itself.

    The root is ``HRISHUB_CSV_ROOT``, else ``$HRISHUB_HOME/imports``, else the data folder's. Accounts
    with no customer, and customers listed in ``HRISHUB_CSV_SHARED_CUSTOMERS``, read the root.
    """
    chosen = os.environ.get(ROOT_ENV, "").strip()
    if chosen:
        root = Path(chosen).expanduser()
    else:
        home = os.environ.get("HRISHUB_HOME", "").strip()
        root = Path(home or user_data_dir("hrishub", appauthor=False)) / "imports"
    if customer_id is None or customer_id in _shared_customers():
        return root
    if not _FOLDER_NAME.fullmatch(customer_id):  # hub ids never fail this; a folder name must not escape
        raise ValueError(f"customer id {customer_id!r} cannot name a folder")
    return root / customer_id


def _shared_customers() -> set[str]:
    return {part.strip() for part in os.environ.get(SHARED_ENV, "").split(",") if part.strip()}


def folder_label(root: Path, customer_id: str | None) -> str:
    """How a message names the import folder: its path for the operator, never for a customer."""
    if customer_id is None:
        return f"the import folder {root}"
    if customer_id in _shared_customers():
        return "the hub's import folder"
    return "your import folder"


def _ask_operator(customer_id: str) -> str:
    if customer_id in _shared_customers():
        return "Ask the hub's operator to copy the file into the hub's import folder, then give its name."
    return (
        f"Ask the hub's operator to copy the file into your import folder (the folder {customer_id} in "
        "the hub's import folder), then give its name relative to it, e.g. employees.csv."
    )


_WHERE = (
    "Name it relative to the hub's import folder (a name such as {example}, or a path to a folder "
    "inside it). The hub's operator chooses that folder with HRISHUB_CSV_ROOT."
)

CREDENTIALS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "CSV files",
    "description": (
        "CSV files exported from a spreadsheet (UTF-8, a header row first) and copied into the hub's import "
        "folder. Only the employees file is needed; balances and org units add time off and departments."
    ),
    "type": "object",
    "additionalProperties": False,
    "required": [EMPLOYEES.field],
    "properties": {
        EMPLOYEES.field: {
            "type": "string",
            "title": "Employees file",
            "description": (
                "One row per employee, with an Employee ID column and any of First Name, Last Name, Work "
                "Email, Job Title, Department, Manager ID, Hire Date, Employment Status ... "
                + _WHERE.format(example="employees.csv")
            ),
            "minLength": 1,
            "examples": ["employees.csv", "acme/employees-2024-06.csv"],
        },
        BALANCES.field: {
            "type": ["string", "null"],
            "title": "Time-off balances file (optional)",
            "description": (
                "One row per employee and time-off policy: Employee ID, Policy, Balance, Used, Unit (hours "
                "or days). Leave it empty if you have none. " + _WHERE.format(example="time_off_balances.csv")
            ),
            "examples": ["time_off_balances.csv"],
        },
        ORG_UNITS.field: {
            "type": ["string", "null"],
            "title": "Org units file (optional)",
            "description": (
                "One row per department or team: Code, Name, Parent Code, Type. The employees file's "
                "Department column holds these codes. Without it, each distinct Department becomes a "
                "department. " + _WHERE.format(example="org_units.csv")
            ),
            "examples": ["org_units.csv"],
        },
    },
}
"""The linking form: three file names, no secrets (nothing is ``writeOnly``)."""


class FileRefused(Exception):
    """A file name that cannot be used, with the message and fix for the person who typed it."""

    def __init__(self, message: str, fix: str, reason: str) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.reason = reason
        """``empty``, ``name``, ``no_root``, ``outside``, ``missing`` or ``not_regular``."""

    def issue(self, field: str) -> FieldIssue:
        """The refusal as the credential field's issue."""
        return FieldIssue(field, self.message, self.fix)


def _put_it_in(root: Path) -> str:
    return (
        f"Put the file in {root} (or a folder inside it) and give its name relative to that folder, "
        "e.g. employees.csv."
    )


def locate(name: str, root: Path | None = None, customer_id: str | None = None) -> tuple[str, Path]:
    """Check a typed file name against the import folder: ``(name to store, resolved path)``.

    The name is resolved against the folder (``root``, else ``customer_id``'s import folder) when
    relative; the result, symlinks followed, must be a regular file strictly inside the resolved
    folder. The stored name is relative to the folder, so a moved folder keeps working and every read
    checks again. For a customer, every refusal but an empty name reads the same and names no path.

    Raises:
        FileRefused: outside the folder, missing, not a regular file, or not a usable name.

    """
    root = import_root(customer_id) if root is None else root
    if customer_id is None:
        return _locate(name, root)
    try:
        return _locate(name, root)
    except FileRefused as refused:
        if refused.reason == "empty":
            raise FileRefused("is empty.", _ask_operator(customer_id), "empty") from None
        if refused.reason == "no_root":
            raise FileRefused(
                "cannot be read: your import folder has not been made on the hub's server yet.",
                _ask_operator(customer_id),
                "no_root",
            ) from None
        label = folder_label(root, customer_id)
        raise FileRefused(
            f"{name.strip()!r} is not a file the hub can read in {label}.",
            f"{_ask_operator(customer_id)} File names are case-sensitive.",
            refused.reason,
        ) from None


def _locate(name: str, root: Path) -> tuple[str, Path]:
    text = name.strip()
    if not text:
        raise FileRefused("is empty.", _put_it_in(root), "empty")
    if "\x00" in text:
        raise FileRefused("contains a NUL character, which no file name has.", _put_it_in(root), "name")
    try:
        root_real = root.resolve()
        if not root_real.is_dir():
            raise FileRefused(
                f"cannot be read: the import folder {root} does not exist on the hub's server.",
                f"Ask the hub's operator to create {root} (or to set {ROOT_ENV}), then put the file there.",
                "no_root",
            )
        given = Path(text)
        real = (given if given.is_absolute() else root_real / given).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a name too long ...
        raise FileRefused(f"{text!r} is not a usable file name.", _put_it_in(root), "name") from None
    if real == root_real or not real.is_relative_to(root_real):
        raise FileRefused(f"{text!r} is outside the import folder {root}.", _put_it_in(root), "outside")
    try:
        exists, regular = real.exists(), real.is_file()
    except OSError:
        exists = regular = False
    if not exists:
        raise FileRefused(
            f"{text!r} does not exist in the import folder {root}.",
            f"{_put_it_in(root)} File names are case-sensitive.",
            "missing",
        )
    if not regular:
        raise FileRefused(
            f"{text!r} is not a regular file (a folder, pipe or device).", _put_it_in(root), "not_regular"
        )
    stored = str(real.relative_to(root_real)) if given.is_absolute() else text
    return stored, real


def normalize_credentials(values: Mapping[str, Any], settings: HttpSettings) -> dict[str, Any]:
    """Check the three file names; every issue at once (:class:`InvalidCredentials`).

    Returns each given file's name relative to the import folder of ``settings.customer_id``
    (``None`` for an optional file not given). The files' contents are checked by the client's
    ``probe`` when the account is linked.
    """
    issues: list[FieldIssue] = [
        FieldIssue(
            name,
            "is not a field of the CSV files form.",
            f"Remove it; the fields are {', '.join(FILE_FIELDS)}.",
        )
        for name in sorted(set(values) - set(FILE_FIELDS))
    ]
    customer_id = settings.customer_id
    root = import_root(customer_id)
    fix = _put_it_in(root) if customer_id is None else _ask_operator(customer_id)
    out: dict[str, Any] = {}
    seen: dict[Path, str] = {}
    for kind in FILES:
        raw = values.get(kind.field)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if kind.required:
                issues.append(
                    FieldIssue(
                        kind.field,
                        "is missing.",
                        f"Give the name of the employees CSV file in {folder_label(root, customer_id)}, "
                        "e.g. employees.csv.",
                    )
                )
            out[kind.field] = None
            continue
        if not isinstance(raw, str):
            issues.append(FieldIssue(kind.field, "must be text: a file name.", fix))
            continue
        try:
            stored, real = locate(raw, root, customer_id)
        except FileRefused as refused:
            issues.append(refused.issue(kind.field))
            continue
        if real in seen:
            issues.append(
                FieldIssue(
                    kind.field,
                    f"names the same file as {seen[real]}.",
                    f"Give the {kind.noun}'s own file, or leave the field empty.",
                )
            )
            continue
        seen[real] = kind.field
        out[kind.field] = stored
    if issues:
        raise InvalidCredentials(issues, connector="csv_files")
    return out
