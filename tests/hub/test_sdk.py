"""The connector author's surface: one module, its exact names, light to import, the only door connectors use."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import hub.sdk

ROOT = Path(__file__).resolve().parents[2]

SURFACE = {
    "BUILTIN_TRANSFORMS",
    "Action",
    "ChangeFeed",
    "DateWindow",
    "ClientFactory",
    "Connector",
    "ConnectorClient",
    "FieldIssue",
    "FieldMap",
    "FieldSpec",
    "HostNotAllowed",
    "HttpSettings",
    "HubError",
    "InputError",
    "InvalidCredentials",
    "LabelTable",
    "LabelTarget",
    "MappingError",
    "MissingPermission",
    "NotFound",
    "NotSupported",
    "ProviderAuthError",
    "ProviderError",
    "ProviderResponseError",
    "ProviderUnreachable",
    "RateLimited",
    "SandboxLike",
    "Passthrough",
    "PassthroughClient",
    "PassthroughRequest",
    "PassthroughResponse",
    "PassthroughTooLarge",
    "hookimpl",
    "load_maps",
    "normalise_label",
    "parse_boolean",
    "parse_date",
    "parse_datetime",
    "parse_decimal",
    # the REST toolkit (hub.rest)
    "RETRY_STATUSES",
    "AdaptiveLimiter",
    "Cursor",
    "Fetch",
    "LinkHeader",
    "Offset",
    "PageNumber",
    "Paginator",
    "ProviderErrors",
    "RestClient",
    "Retryable",
    "parse_retry_after",
    "retrying",
}


def test_the_surface_is_exactly_its_names_and_each_is_there():
    assert set(hub.sdk.__all__) == SURFACE
    for name in SURFACE:
        assert getattr(hub.sdk, name) is not None, name


def test_importing_the_surface_loads_no_store_http_app_or_cli():
    code = (
        "import sys, hub.sdk\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'sqlalchemy', 'fastapi', 'typer', 'alembic'}"
        " or m.startswith(('hub.store', 'hub.api', 'hub.cli', 'hub.sync')))\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


def test_the_packages_are_typed():
    for package in ("hub", "connectors", "field_maps", "unified_models"):
        assert (ROOT / package / "py.typed").is_file(), package


def test_connectors_import_the_project_only_through_the_surface():
    for path in sorted((ROOT / "connectors").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                where = f"{path.relative_to(ROOT)} imports {name}"
                assert top != "field_maps", f"{where}: take it from hub.sdk"
                assert top != "hub" or name == "hub.sdk", f"{where}: connectors use hub.sdk only"
