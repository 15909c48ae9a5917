"""The CSV files connector plugin, registered through the ``hrishub.connectors`` entry point."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from connectors.csv_files.actions import ACTIONS
from connectors.csv_files.client import create_client
from connectors.csv_files.columns import MAPS_FOLDER
from connectors.csv_files.credentials import CREDENTIALS_SCHEMA, normalize_credentials
from connectors.csv_files.transforms import TRANSFORMS
from hub.sdk import Connector, hookimpl

__all__ = ["CONNECTOR", "DOCS", "register_connectors", "register_transforms"]

DOCS = (
    "Export each sheet from your spreadsheet as CSV UTF-8 with a header row (row 1) naming the columns: "
    "in Excel, File > Save As > 'CSV UTF-8 (Comma delimited)'; in Google Sheets, File > Download > "
    "Comma-separated values; in LibreOffice, Save As > Text CSV, character set Unicode (UTF-8). Write dates "
    "as YYYY-MM-DD. The employees file needs an Employee ID column; the usual columns are First Name, Last "
    "Name, Work Email, Job Title, Department, Manager ID, Location, Company, Employment Status, Employment "
    "Type, Hire Date and Termination Date. Copy the files into the hub's import folder (ask the hub's "
    "operator where it is: HRISHUB_CSV_ROOT) and give their names relative to it. A column with another "
    "header is mapped by an account override ({'Employee': {'first_name': {'label': 'Given Name'}}}); any "
    "other column lands in custom_fields."
)
"""How an HR admin prepares the files."""


def _version() -> str:
    try:
        return version("hrishub")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return ""


CONNECTOR = Connector(
    name="csv_files",
    title="CSV files",
    docs=DOCS,
    credentials_schema=CREDENTIALS_SCHEMA,
    actions=ACTIONS,
    field_maps=MAPS_FOLDER,
    client_factory=create_client,
    normalize_credentials=normalize_credentials,
    sandbox=None,
    version=_version(),
)
"""The CSV files declaration."""


@hookimpl
def register_connectors(register: Any) -> None:
    """Provide the CSV files connector."""
    register(CONNECTOR)


@hookimpl
def register_transforms(register: Any) -> None:
    """Provide the ``csv_files_code`` transform (codes compared without case, spaces or hyphens)."""
    for name, function in TRANSFORMS.items():
        register(name, function)
