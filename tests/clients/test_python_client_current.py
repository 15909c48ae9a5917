"""The committed typed client (clients/python) is what scripts/generate-client writes from docs/openapi.json.

Generating needs openapi-python-client, fetched into a throwaway environment (it pins an httpx below the
hub's, so it is not in the project's lock) and so the network; the suite runs without it. Instead
scripts/generate-client records the SHA-256 of the document it read and of every file it wrote
(clients/python/GENERATED.json): a document changed since, or a file edited by hand, shows here.
`scripts/generate-client --check` regenerates into a scratch folder and compares, for a machine online.
"""

import hashlib
import importlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "python"
DOCUMENT = ROOT / "docs" / "openapi.json"
MANIFEST = json.loads((CLIENT / "GENERATED.json").read_text(encoding="utf-8"))
REFRESH = "Run `scripts/generate-client` (after `hrishub docs`) and commit clients/python."


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_the_client_was_generated_from_the_committed_document():
    assert MANIFEST["source"] == "docs/openapi.json"
    assert MANIFEST["source_sha256"] == sha256(DOCUMENT), f"docs/openapi.json changed since. {REFRESH}"


def test_no_generated_file_was_edited_added_or_removed_by_hand():
    on_disk = {
        p.relative_to(CLIENT).as_posix(): sha256(p)
        for p in CLIENT.rglob("*")
        if p.is_file() and p.name != "GENERATED.json" and "__pycache__" not in p.parts
    }
    assert on_disk.keys() == MANIFEST["files"].keys(), f"files differ from the generated set. {REFRESH}"
    edited = sorted(name for name, digest in on_disk.items() if MANIFEST["files"][name] != digest)
    assert not edited, f"edited by hand: {edited}. {REFRESH}"


def test_the_client_has_a_function_for_every_operation_of_the_document():
    spec = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    for item in spec["paths"].values():
        for op in item.values():
            module = importlib.import_module(f"hrishub_client.api.{op['tags'][0]}.{snake(op['operationId'])}")
            for call in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
                assert callable(getattr(module, call)), (op["operationId"], call)


def test_the_client_names_the_document_it_came_from():
    package = importlib.import_module("hrishub_client")
    assert Path(package.__file__).resolve().is_relative_to(CLIENT)
    assert package.__doc__ and "hrishub" in package.__doc__
