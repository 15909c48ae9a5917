"""Credentials at rest: AES-GCM, each value bound to its account and field, keys rotatable.

The key comes from ``HRISHUB_SECRET_KEY`` (one or more base64url 32-byte keys, comma-separated: the
first encrypts, every one decrypts, so a key can be rotated without downtime), or for the embedded
default from ``secret.key`` in the data folder, created with owner-only permissions on first run.
Each field is encrypted separately with its account id and field name as associated data, so a
ciphertext copied to another account or field does not decrypt.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hub.errors import SecretKeyError

__all__ = ["KEY_ENV", "SecretBox", "generate_key"]

KEY_ENV = "HRISHUB_SECRET_KEY"
_NONCE = 12


def generate_key() -> str:
    """A fresh key in the form ``HRISHUB_SECRET_KEY`` takes."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")


def _decode_key(text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise SecretKeyError(
            f"{KEY_ENV} holds a key that is not 32 bytes of base64url.",
            remedy="Generate one with `hrishub secret-key` and set it again.",
        )
    return raw


def _key_id(key: bytes) -> str:
    return hashlib.sha256(b"hrishub key id" + key).hexdigest()[:12]


def _key_file(folder: Path) -> str:
    path = folder / "secret.key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(generate_key() + "\n")
    return path.read_text().strip()


class SecretBox:
    """Encrypts and decrypts one account's credential fields."""

    def __init__(self, keys: list[bytes]) -> None:
        if not keys:
            raise SecretKeyError("No secret key is configured.", remedy=f"Set {KEY_ENV}.")
        self._keys = {_key_id(k): AESGCM(k) for k in keys}
        self.current = _key_id(keys[0])

    @classmethod
    def from_environment(cls, folder: Path) -> SecretBox:
        """Keys from ``HRISHUB_SECRET_KEY``, else the owner-only key file in ``folder``."""
        text = os.environ.get(KEY_ENV) or _key_file(folder)
        return cls([_decode_key(part) for part in text.split(",") if part.strip()])

    @staticmethod
    def _aad(account_id: str, field: str) -> bytes:
        return f"hrishub/credentials/v1\x1f{account_id}\x1f{field}".encode()

    def seal(self, account_id: str, values: Mapping[str, Any]) -> str:
        """``values`` encrypted field by field under the current key, as one JSON text."""
        aead = self._keys[self.current]
        fields = {}
        for name, value in values.items():
            nonce = secrets.token_bytes(_NONCE)
            sealed = aead.encrypt(nonce, json.dumps(value).encode(), self._aad(account_id, name))
            fields[name] = base64.b64encode(nonce + sealed).decode()
        return json.dumps({"kid": self.current, "fields": fields})

    def open(self, account_id: str, text: str) -> dict[str, Any]:
        """The values :meth:`seal` stored for ``account_id``."""
        envelope = json.loads(text)
        aead = self._keys.get(envelope["kid"])
        if aead is None:
            raise SecretKeyError(
                f"Account {account_id}'s credentials were stored under a key this hub does not hold.",
                remedy=f"Add the previous key to {KEY_ENV} (after the current one, comma-separated).",
            )
        values = {}
        for name, blob in envelope["fields"].items():
            raw = base64.b64decode(blob)
            try:
                plain = aead.decrypt(raw[:_NONCE], raw[_NONCE:], self._aad(account_id, name))
            except InvalidTag:
                raise SecretKeyError(
                    f"Account {account_id}'s stored {name!r} does not decrypt: it was altered or copied "
                    "from another account.",
                    remedy="Enter the account's credentials again (PUT /v1/accounts/{id}/credentials).",
                ) from None
            values[name] = json.loads(plain)
        return values

    def needs_rotation(self, text: str) -> bool:
        """Whether a stored envelope was sealed under an older key."""
        return json.loads(text)["kid"] != self.current
