"""Reading one CSV file: safely from disk, decoded as UTF-8, split by a sniffed delimiter, shape checked.

Every problem becomes a :class:`hub.errors.FieldIssue` on the file's credential field that names the
row (the header is row 1, as a spreadsheet shows it), the column, and the fix. Values are checked
in :mod:`connectors.csv_files.validation`.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from connectors.csv_files.columns import FileKind, column_keys
from hub.sdk import FieldIssue, normalise_label

__all__ = [
    "MAX_BYTES",
    "SAVE_AS_UTF8",
    "Table",
    "TooLarge",
    "decode",
    "parse_table",
    "quote_list",
    "read_bytes",
    "sniff_delimiter",
]

MAX_BYTES = 200 * 1024 * 1024
"""The largest file read (200 MB, far beyond any company's employee list)."""

SAVE_AS_UTF8 = (
    "Save it as CSV UTF-8: in Excel, File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)'; in Google "
    "Sheets, File > Download > Comma-separated values; in LibreOffice, Save As > Text CSV with the "
    "character set 'Unicode (UTF-8)'."
)
"""The fix for a file in another encoding."""

_QUOTING_FIX = (
    "Put a value that contains the delimiter, a line break or a double quote in double quotes, and double "
    'each quote inside it ("Smith, Jr." or "the ""A"" team"); a spreadsheet export does this for you.'
)


class TooLarge(Exception):
    """The file is larger than :data:`MAX_BYTES`."""


def read_bytes(path: Path) -> bytes:
    """The whole file, opened without following a symlink at its last step and only if it is a regular file.

    Raises:
        OSError: the file is missing, unreadable, or not a regular file (``EINVAL``).
        TooLarge: larger than :data:`MAX_BYTES`.

    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(22, "not a regular file")
        if info.st_size > MAX_BYTES:
            raise TooLarge(info.st_size)
        return handle.read(MAX_BYTES + 1)


def quote_list(items: list[str], limit: int = 12) -> str:
    """``'A', 'B' and 'C'`` (at most ``limit`` items, then how many more)."""
    shown = [f"'{i}'" for i in items[:limit]]
    more = len(items) - len(shown)
    if more:
        shown.append(f"{more} more")
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def decode(data: bytes) -> tuple[str | None, str, str]:
    """``(text, problem, fix)``: the file as text (UTF-8, a byte-order mark dropped), or why not."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, "is UTF-16 text (Excel's 'Unicode Text'), not UTF-8.", SAVE_AS_UTF8
    if data.startswith(b"PK\x03\x04"):
        return (
            None,
            "is an Excel workbook (.xlsx) or another zip file, not a CSV file.",
            f"Open it in your spreadsheet and export the sheet as CSV. {SAVE_AS_UTF8}",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        guess = bytes([byte]).decode("cp1252", errors="replace")
        hint = f" ('{guess}' in Windows-1252)" if guess.isprintable() and guess != "\ufffd" else ""
        return (
            None,
            f"is not UTF-8 text: line {line} holds the byte 0x{byte:02X}{hint}, so it was probably saved "
            "as Latin-1/Windows-1252 ('CSV (Comma delimited)' in Excel).",
            SAVE_AS_UTF8,
        )
    if "\x00" in text:
        return None, "contains NUL bytes: it is not a text file.", f"Export the sheet as CSV. {SAVE_AS_UTF8}"
    return text, "", ""


def sniff_delimiter(text: str) -> str:
    """``,``, ``;`` or a tab: the most frequent outside quotes in the first row (``,`` on a tie)."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


@dataclass
class Table:
    """One file, parsed: its headers, each column's record key, and its data rows by row number.

    Rows with the wrong number of cells are left out of ``rows`` (each is an issue); blank rows too.
    """

    kind: FileKind
    name: str
    headers: list[str] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    key_columns: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    found: list[tuple[int, int, FieldIssue]] = field(default_factory=list)

    def issue(self, message: str, fix: str, row: int = 0) -> None:
        """Add a problem of this file; ``row`` orders the issues (0: the file as a whole)."""
        self.found.append((row, len(self.found), FieldIssue(self.kind.field, message, fix)))

    @property
    def issues(self) -> list[FieldIssue]:
        """The problems found, the file's own first, then by row."""
        return [issue for _, _, issue in sorted(self.found, key=lambda f: (f[0], f[1]))]

    def column(self, label: str) -> int | None:
        """The index of the column whose header is ``label`` (compared as labels are), if any."""
        wanted = normalise_label(label)
        return next((i for i, h in enumerate(self.headers) if normalise_label(h) == wanted), None)


_LOOKS_LIKE_DATA = re.compile(r"^(\d[\d\s./:-]*|\S+@\S+\.\S+)$")


def _missing_key(table: Table, label: str, what: str, headers: list[str]) -> None:
    named = [h for h in headers if h]
    found = f"its header row (row 1) has {quote_list(named)}" if named else "its header row (row 1) is empty"
    guess = difflib.get_close_matches(
        normalise_label(label), [normalise_label(h) for h in named], n=1, cutoff=0.45
    )
    fix = f"Name the column of {what} '{label}' in row 1"
    if guess:
        fix += f" (is it '{named[[normalise_label(h) for h in named].index(guess[0])]}'?)"
    fix += "."
    if named and sum(bool(_LOOKS_LIKE_DATA.match(h)) for h in named) >= max(1, len(named) // 3):
        found += ", which looks like data rather than column names"
        fix += " The first row must be the header row: insert one above the data."
    table.issue(f"has no '{label}' column: {found}.", fix)


def parse_table(kind: FileKind, name: str, data: bytes) -> Table:
    """Decode and split ``data``; check the header row and the number of cells in each row."""
    table = Table(kind, name)
    text, problem, fix = decode(data)
    if text is None:
        table.issue(problem, fix)
        return table
    if not text.strip():
        table.issue(
            "is empty: it has no header row.",
            f"Export the sheet with a header row ({', '.join(k.label for k in kind.keys)}, ...) as row 1, "
            f"then one row per {kind.row_noun}.",
        )
        return table
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    raw_rows: list[list[str]] = []
    try:
        for cells in reader:
            raw_rows.append(cells)
    except csv.Error as exc:
        number = len(raw_rows) + 1
        table.issue(f"row {number} {_csv_problem(str(exc), delimiter)}", _QUOTING_FIX, row=number)
        return table
    headers = [h.strip() for h in raw_rows[0]]
    if not any(headers):
        table.issue(
            "has no header row: row 1 is empty.",
            "Make row 1 the header row, naming each column (Employee ID, First Name, ...).",
        )
        return table
    table.headers = headers
    seen: dict[str, int] = {}
    for index, header in enumerate(headers):
        if not header:
            continue
        key = normalise_label(header)
        if key in seen:
            table.issue(
                f"row 1: columns {seen[key] + 1} and {index + 1} are both named '{header}'.",
                "Give each column its own header: rename or delete one of them.",
                row=1,
            )
        else:
            seen[key] = index
    table.keys, table.key_columns = column_keys(headers, kind)
    for key_column in kind.keys:
        if key_column.key not in table.key_columns:
            _missing_key(table, key_column.label, key_column.what, headers)
    width = len(headers)
    nameless_reported: set[int] = set()
    for number, cells in enumerate(raw_rows[1:], start=2):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue  # a blank row (spreadsheets export trailing ones)
        if len(cells) > width and not any(cells[width:]):
            cells = cells[:width]  # trailing empty cells from stray delimiters
        if len(cells) != width:
            _wrong_width(table, number, cells, headers, delimiter)
            continue
        for index, cell in enumerate(cells):
            if cell and not headers[index] and index not in nameless_reported:
                nameless_reported.add(index)
                table.issue(
                    f"row {number}, column {index + 1}: the column has no header but holds '{cell}'.",
                    "Name the column in row 1, or delete it.",
                    row=number,
                )
        table.rows.append((number, cells))
    return table


def _csv_problem(error: str, delimiter: str) -> str:
    if "unexpected end of data" in error:
        return "opens a double quote that is never closed, so the rest of the file reads as one value."
    if "expected after" in error:
        return f"has text right after a closing double quote (a quoted value must end at a {delimiter!r})."
    if "field larger than field limit" in error:
        return "has a value longer than 131072 characters: probably a double quote that is never closed."
    return f"is not valid CSV ({error})."


def _wrong_width(table: Table, number: int, cells: list[str], headers: list[str], delimiter: str) -> None:
    width, shown = len(headers), "tab" if delimiter == "\t" else f"'{delimiter}'"
    if len(cells) > width:
        extra = [c for c in cells[width:] if c]
        table.issue(
            f"row {number} has {len(cells)} cells but the header row has {width} columns: after column "
            f"'{headers[-1] or width}' comes {quote_list(extra, 3)}.",
            f'A value that contains the delimiter {shown} must be in double quotes ("Smith, Jr."); otherwise '
            "remove the stray delimiter, or add the missing column header.",
            row=number,
        )
    else:
        missing = [h or f"column {i + 1}" for i, h in enumerate(headers[len(cells) :], start=len(cells))]
        table.issue(
            f"row {number} has {len(cells)} cells but the header row has {width} columns: "
            f"no cell for {quote_list(missing, 4)}.",
            f"Give the row one cell per column (an empty cell is two {shown} side by side); a line break "
            "inside a value must be in double quotes.",
            row=number,
        )
