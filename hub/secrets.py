"""Credentials and sensitive fields at rest: AES-GCM, each value bound to where it is kept, keys rotatable.

The key comes from ``HRISHUB_SECRET_KEY`` (one or more base64url 32-byte keys, comma-separated: the
first encrypts, every one decrypts, so a key can be rotated without downtime), or for the embedded
default from ``secret.key`` in the data folder (keys comma- or newline-separated, the first current),
created with owner-only permissions on first run, and never again once the store holds data
encrypted under it: a lost key file is an error naming the file, not a silent new key.
Each value is encrypted separately with its place (account and field, or record and field) as
associated data, so a ciphertext copied to another place does not decrypt.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import orjson
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hub.errors import SecretKeyError

__all__ = [
    "KEY_ENV",
    "KEY_FILE",
    "SEALED_PREFIX",
    "SecretBox",
    "generate_key",
    "is_sealed",
    "key_file_path",
    "split_keys",
    "write_key_file",
]

KEY_ENV = "HRISHUB_SECRET_KEY"
KEY_FILE = "secret.key"
SEALED_PREFIX = "hrishub:sealed:v1:"
"""How a sealed single value (a sensitive field) starts: then the key id, ``:``, base64 nonce+ciphertext."""
_NONCE = 12


def generate_key() -> str:
    """A fresh key in the form ``HRISHUB_SECRET_KEY`` takes."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")


def is_sealed(value: Any) -> bool:
    """Whether ``value`` is a value :meth:`SecretBox.seal_value` sealed."""
    return isinstance(value, str) and value.startswith(SEALED_PREFIX)


def key_file_path(folder: Path) -> Path:
    """The key file of the data folder ``folder``."""
    return folder / KEY_FILE


def _decode_key(text: str, source: str = KEY_ENV) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except ValueError:
        raw = b""
    if len(raw) != 32:
        if source == KEY_ENV:
            raise SecretKeyError(
                f"{KEY_ENV} holds a key that is not 32 bytes of base64url.",
                remedy="Generate one with `hrishub secret-key` and set it again.",
            )
        raise SecretKeyError(
            f"The key file {source} is not a key: it holds text that is not 32 bytes of base64url.",
            remedy=f"Restore {source} from your backup, or set {KEY_ENV} to the key it held.",
        )
    return raw


def split_keys(text: str) -> list[str]:
    """The keys in a key text: comma- or newline-separated, the first the current one."""
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


def _key_id(key: bytes) -> str:
    return hashlib.sha256(b"hrishub key id" + key).hexdigest()[:12]


def write_key_file(path: Path, keys: list[str]) -> None:
    """Write ``keys`` (the current one first) to the key file ``path`` atomically, owner-only."""
    scratch = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write("\n".join(keys) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(scratch, path)


def _key_file(folder: Path, encrypted_data: Callable[[], str | None]) -> str:
    path = key_file_path(folder)
    if path.is_dir():
        raise SecretKeyError(
            f"The key file {path} is a directory, not a key file.",
            remedy=f"Move the directory {path} away and restore the key file there, or set {KEY_ENV}.",
        )
    if not path.exists():
        held = encrypted_data()
        if held:
            raise SecretKeyError(
                f"The key file {path} is missing, but the store holds {held} encrypted with it: "
                "a new key would not open them, so none was made.",
                remedy=f"Restore {path} from your backup, or set {KEY_ENV} to the key(s) it held.",
            )
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it just now: use that one
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(generate_key() + "\n")
    try:
        text = path.read_text(encoding="ascii")
    except UnicodeDecodeError:
        raise SecretKeyError(
            f"The key file {path} is not a key: it holds bytes that are not text.",
            remedy=f"Restore {path} from your backup, or set {KEY_ENV} to the key it held.",
        ) from None
    except OSError as error:
        raise SecretKeyError(
            f"The key file {path} cannot be read: {error.strerror}.",
            remedy=f"Give the hub's user read access to {path} (owner-only, mode 600), or set {KEY_ENV}.",
        ) from None
    if not split_keys(text):
        raise SecretKeyError(
            f"The key file {path} is not a key: it is empty.",
            remedy=f"Restore {path} from your backup, or set {KEY_ENV} to the key it held.",
        )
    return text


class SecretBox:
    """Encrypts and decrypts one account's credential fields."""

    def __init__(self, keys: list[bytes]) -> None:
        if not keys:
            raise SecretKeyError("No secret key is configured.", remedy=f"Set {KEY_ENV}.")
        self._keys = {_key_id(k): AESGCM(k) for k in keys}
        self.current = _key_id(keys[0])

    @classmethod
    def from_environment(
        cls, folder: Path, *, encrypted_data: Callable[[], str | None] = lambda: None
    ) -> SecretBox:
        """Keys from ``HRISHUB_SECRET_KEY``, else the owner-only key file in ``folder``.

        ``encrypted_data`` says what the store holds encrypted (``"3 accounts' credentials"``), or
        None: a missing key file is created only when it says None.
        """
        if os.environ.get(KEY_ENV):
            return cls([_decode_key(part) for part in split_keys(os.environ[KEY_ENV])])
        source = str(key_file_path(folder))
        return cls([_decode_key(part, source) for part in split_keys(_key_file(folder, encrypted_data))])

    @property
    def key_ids(self) -> list[str]:
        """The ids of the keys held, the current one first."""
        return list(self._keys)

    @staticmethod
    def _value_aad(place: str) -> bytes:
        return f"hrishub/value/v1\x1f{place}".encode()

    def seal_value(self, place: str, value: Any) -> str:
        """``value`` (JSON-ready) encrypted under the current key, bound to ``place`` (record and field)."""
        nonce = os.urandom(_NONCE)
        sealed = self._keys[self.current].encrypt(nonce, orjson.dumps(value), self._value_aad(place))
        return f"{SEALED_PREFIX}{self.current}:{base64.b64encode(nonce + sealed).decode()}"

    def open_value(self, place: str, text: str) -> Any:
        """The value :meth:`seal_value` sealed for ``place``."""
        kid, _, blob = text[len(SEALED_PREFIX) :].partition(":")
        aead = self._keys.get(kid)
        if aead is None:
            raise SecretKeyError(
                f"A sensitive field ({place.split(chr(31))[-1]}) was stored under a key this hub does "
                "not hold.",
                remedy=f"Add the previous key to {KEY_ENV} or the key file (after the current one).",
            )
        raw = base64.b64decode(blob)
        try:
            plain = aead.decrypt(raw[:_NONCE], raw[_NONCE:], self._value_aad(place))
        except InvalidTag:
            raise SecretKeyError(
                f"A stored sensitive field ({place.split(chr(31))[-1]}) does not decrypt: it was altered "
                "or copied from another record.",
                remedy="Sync the account again with `hrishub sync ACCOUNT --full` to store it afresh.",
            ) from None
        return json.loads(plain)

    def value_needs_rotation(self, text: str) -> bool:
        """Whether a sealed value was sealed under an older key."""
        return not text.startswith(f"{SEALED_PREFIX}{self.current}:")

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
                remedy=f"Add the previous key to {KEY_ENV} or the key file (after the current one).",
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
