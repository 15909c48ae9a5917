"""The connector is built only on the hub's public contract: every module is read with ``ast``."""

import ast
import pkgutil
from pathlib import Path

import connectors.csv_files

ALLOWED_HUB = {"hub.sdk"}


def modules() -> list[tuple[str, Path]]:
    package = Path(connectors.csv_files.__file__).parent
    found = [("connectors.csv_files", package / "__init__.py")]
    for info in pkgutil.walk_packages([str(package)], prefix="connectors.csv_files."):
        path = package.joinpath(*info.name.split(".")[2:])
        found.append((info.name, path / "__init__.py" if info.ispkg else path.with_suffix(".py")))
    return found


def imported_names(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            names.append(node.module or "")
            names += [f"{node.module}.{alias.name}" for alias in node.names]  # `from hub import store`
    return names


def test_every_module_is_walked():
    names = {name for name, _ in modules()}
    assert {
        "connectors.csv_files.plugin",
        "connectors.csv_files.client",
        "connectors.csv_files.files",
    } <= names


def test_hub_imports_are_the_public_contract_only():
    for name, path in modules():
        for imported in imported_names(path):
            top = imported.split(".")[0]
            if top == "hub":
                module = ".".join(imported.split(".")[:2])
                assert module in ALLOWED_HUB, f"{name} imports {imported}"
            assert top != "field_maps", f"{name} imports {imported}: take it from hub.sdk"
            assert not imported.startswith("connectors.ukg_pro"), f"{name} imports {imported}"
            assert not imported.startswith("connectors.") or imported.startswith("connectors.csv_files"), (
                imported
            )


def test_a_forbidden_import_would_be_caught(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from hub import store\nfrom hub.sync import runner\nfrom hub.connector import Action\n")
    found = {".".join(n.split(".")[:2]) for n in imported_names(bad) if n.startswith("hub")}
    assert found - ALLOWED_HUB == {"hub", "hub.store", "hub.sync", "hub.connector"}
