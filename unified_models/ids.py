"""The hub's stable record ids."""

import uuid
from collections.abc import Callable, Sequence
from hashlib import sha1

__all__ = ["NAMESPACE", "stable_id", "stable_id_maker", "stable_id_text_maker"]

NAMESPACE = uuid.UUID("74e76d8f-dfeb-5dd5-a73a-49d8adcded3e")
"""The UUID namespace of hub ids: ``uuid5(NAMESPACE_URL, "https://hrishub.dev/ns/stable-id")``. Never change
it: every stored id derives from it."""

_NAMESPACE_BYTES = NAMESPACE.bytes
# The RFC 4122 variant bits (10xx) set on the first hex digit of the fourth group.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}
# The hex digits of each group of the UUID's text (the 13th is the version, the 17th gets the variant).
_GROUPS = (slice(0, 8), slice(8, 12), slice(13, 16), slice(17, 20), slice(20, 32))


def stable_id(connector: str, model: str, key: Sequence[object]) -> str:
    r"""Return the hub's stable opaque id of a record: the same on every run, process and machine.

    It is ``str(uuid.uuid5(NAMESPACE, "\x1f".join([connector, model, *key])))`` with each key part
    converted by ``str`` and ``None`` parts written as ``""``; e.g.
    ``stable_id("ukg_pro", "Employee", (company_id, employee_id))``. Computed here without building a
    ``uuid.UUID`` because it runs once per mapped record.
    """
    parts = [connector, model]
    for part in key:
        parts.append(part if part.__class__ is str else "" if part is None else str(part))
    h = sha1(_NAMESPACE_BYTES + "\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def stable_id_maker(connector: str, model: str) -> Callable[[Sequence[object]], str]:
    """``key → stable_id(connector, model, key)``, with the connector and model hashed once.

    For code that makes many ids of one model (a compiled field map: one per record).
    """
    copy = sha1(_NAMESPACE_BYTES + f"{connector}\x1f{model}".encode(), usedforsecurity=False).copy
    variant = _VARIANT

    def make(key: Sequence[object]) -> str:
        hasher = copy()
        for part in key:
            text = part if part.__class__ is str else "" if part is None else str(part)
            hasher.update(b"\x1f" + text.encode())  # type: ignore[operator]
        h = hasher.hexdigest()
        return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{variant[h[16]]}{h[17:20]}-{h[20:32]}"

    make.__doc__ = f"The stable id of a {model} of {connector} from its key."
    return make


def stable_id_text_maker(connector: str, model: str) -> Callable[[str], str]:
    r"""``text → stable_id(connector, model, key)`` for a key of one or more parts already written as text.

    ``text`` is the key's parts, each converted by ``str`` (``None`` as ``""``), joined with ``"\x1f"``;
    for generated code that holds the parts as text already.
    """
    copy = sha1(_NAMESPACE_BYTES + f"{connector}\x1f{model}\x1f".encode(), usedforsecurity=False).copy
    variant = _VARIANT

    a, b, c, d, e = _GROUPS

    def make(text: str) -> str:
        hasher = copy()
        hasher.update(text.encode())
        h = hasher.hexdigest()
        return f"{h[a]}-{h[b]}-5{h[c]}-{variant[h[16]]}{h[d]}-{h[e]}"

    make.__doc__ = f"The stable id of a {model} of {connector} from its key as text."
    return make
