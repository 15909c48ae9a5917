"""Recording a connector's traffic into scrubbed cassettes that the conformance suite replays.

``record_cassettes`` links an account and reads every supported list action live, with vcrpy
recording: credential headers filtered, personal data in bodies replaced by consistent fakes, and a
request whose URL carries a secret refused. When the credential form has secrets it also records a
link with wrong secrets, so the replayed suite can check the provider's refusal becomes a hub error.
Beside the cassettes, ``link.json`` keeps the linking values with every secret replaced.

A recording leaves no account behind: each one it links is deleted when it ends, however it ends
(``hrishub record`` also links into a :func:`scratch_store`, never the user's store).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hub.cassettes import PLACEHOLDER, make_vcr, scan_cassette
from hub.errors import HubError

if TYPE_CHECKING:
    from hub.accounts import Account
    from hub.hub import Hub
    from hub.store import Store

__all__ = [
    "CONTRACT_CASSETTE",
    "LINK_FILE",
    "REFUSED_CASSETTE",
    "Recording",
    "record_cassettes",
    "scratch_store",
    "secret_fields",
]

CONTRACT_CASSETTE = "contract.yaml"
REFUSED_CASSETTE = "refused.yaml"
LINK_FILE = "link.json"


def secret_fields(schema: Mapping[str, Any]) -> list[str]:
    """The credential fields the schema marks ``writeOnly`` (passwords, keys)."""
    return [name for name, spec in (schema.get("properties") or {}).items() if spec.get("writeOnly")]


@dataclass(frozen=True)
class Recording:
    """What a recording wrote: the files, and each action's record count."""

    files: list[Path]
    counts: dict[str, int]


def _shifted(char: str) -> str:
    for first, size in (("a", 26), ("A", 26), ("0", 10)):
        offset = ord(char) - ord(first)
        if 0 <= offset < size:
            return chr(ord(first) + (offset + 1) % size)
    return char


def wrong_secrets(values: Mapping[str, Any], secrets: list[str]) -> dict[str, Any]:
    """``values`` with every secret changed but still well-formed (each letter or digit shifted by one).

    A refused link must reach the provider: a value that breaks the form's pattern would be
    stopped by validation first.
    """
    return {k: ("".join(map(_shifted, str(v))) if k in secrets else v) for k, v in values.items()}


def scratch_store() -> Store:
    """An in-memory store with a throwaway key of its own: what a recording links goes nowhere else."""
    from hub.secrets import SecretBox
    from hub.store import Store

    return Store("sqlite://", box=SecretBox([os.urandom(32)]))


def record_cassettes(
    hub: Hub,
    connector: str,
    credentials: Mapping[str, Any],
    folder: Path,
    *,
    sandbox_origin: str | None = None,
) -> Recording:
    """Record ``connector``'s link and every supported list action into ``folder`` (overwritten).

    Raises :class:`ValueError` when a written cassette still holds a secret or personal data (the
    files are removed then).
    """
    declared = hub.connector(connector)
    secrets = secret_fields(declared.credentials_schema)
    secret_values = [str(credentials[k]) for k in secrets if credentials.get(k)]
    folder.mkdir(parents=True, exist_ok=True)
    for name in (CONTRACT_CASSETTE, REFUSED_CASSETTE):
        (folder / name).unlink(missing_ok=True)
    recorder = make_vcr(folder, "all", secrets=secret_values)
    counts: dict[str, int] = {}
    linked: list[Account] = []
    try:
        with recorder.use_cassette(CONTRACT_CASSETTE):
            account = hub.link(connector, credentials)
            linked.append(account)
            for action, spec in declared.actions.items():
                if (
                    not action.endswith(".list")
                    or not spec.supported
                    or not account.permissions.enabled(action)
                ):
                    continue
                accessor = getattr(hub, action.removesuffix(".list"))(account)
                counts[action] = len(accessor.list(page_size=1000, mode="live").results)
        files = [folder / CONTRACT_CASSETTE]
        if secrets:
            with recorder.use_cassette(REFUSED_CASSETTE), suppress(HubError):
                linked.append(hub.link(connector, wrong_secrets(credentials, secrets)))  # should be refused
            if (folder / REFUSED_CASSETTE).exists():
                files.append(folder / REFUSED_CASSETTE)
    finally:
        # Linked only to be recorded: no account outlives the recording (an error or Ctrl+C included).
        for made in linked:
            with suppress(HubError):
                hub.delete_account(made)
    properties = declared.credentials_schema.get("properties") or {}
    # Secrets are replaced by the form's own public example (so replays pass validation) or a placeholder.
    link = {
        k: ((properties.get(k, {}).get("examples") or [PLACEHOLDER])[0] if k in secrets else v)
        for k, v in credentials.items()
    }
    (folder / LINK_FILE).write_text(
        json.dumps({"connector": connector, "credentials": link, "sandbox_origin": sandbox_origin}, indent=2)
        + "\n"
    )
    findings = [f for path in files for f in scan_cassette(path, secret_values)]
    if findings:
        for path in files:
            path.unlink(missing_ok=True)
        raise ValueError("the recording still held secrets or personal data:\n" + "\n".join(findings))
    return Recording(files=[*files, folder / LINK_FILE], counts=counts)
