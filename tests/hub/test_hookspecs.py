import inspect

import pluggy

from hub import hookspecs

HOOKS = [
    name
    for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
    if hasattr(fn, f"{hookspecs.PROJECT}_spec")
]


def test_the_contract_declares_the_three_hooks():
    assert set(HOOKS) == {"register_connectors", "register_transforms", "sync_event"}


def test_every_hook_documents_when_results_parameters_and_returns():
    for name in HOOKS:
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        for section in ("When:", "Results:", "Parameters:", "Returns:"):
            assert section in doc, f"hook {name} lacks a {section!r} section"
        for param in inspect.signature(getattr(hookspecs, name)).parameters:
            assert f"{param}:" in doc, f"hook {name} does not document parameter {param!r}"


def test_hookimpl_uses_the_project_marker():
    assert isinstance(hookspecs.hookimpl, pluggy.HookimplMarker)
    assert hookspecs.hookimpl.project_name == "hrishub"


def test_importing_the_contract_does_not_import_the_store_http_app_or_cli():
    import subprocess
    import sys

    code = (
        "import sys, hub, hub.connector, hub.hookspecs, hub.errors;"
        "heavy = [m for m in ('hub.cli','hub.store','hub.api','fastapi','sqlalchemy','typer','uvicorn') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
