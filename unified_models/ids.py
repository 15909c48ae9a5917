"""The hub's stable record ids."""

import uuid
from collections.abc import Sequence
from hashlib import sha1

__all__ = ["NAMESPACE", "stable_id"]

NAMESPACE = uuid.UUID("74e76d8f-dfeb-5dd5-a73a-49d8adcded3e")
"""The UUID namespace of hub ids: ``uuid5(NAMESPACE_URL, "https://hrishub.dev/ns/stable-id")``. Never change
it: every stored id derives from it."""

_NAMESPACE_BYTES = NAMESPACE.bytes
# The RFC 4122 variant bits (10xx) set on the first hex digit of the fourth group.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def stable_id(connector: str, model: str, key: Sequence[object]) -> str:
    r"""Return the hub's stable opaque id of a record: the same on every run, process and machine.

    It is ``str(uuid.uuid5(NAMESPACE, "\x1f".join([connector, model, *key])))`` with each key part
    converted by ``str`` and ``None`` parts written as ``""``; e.g.
    ``stable_id("ukg_pro", "Employee", (company_id, employee_id))``. Computed here without building a
    ``uuid.UUID`` because it runs once per mapped record.
    """
    name = "\x1f".join([connector, model, *["" if part is None else str(part) for part in key]])
    h = sha1(_NAMESPACE_BYTES + name.encode(), usedforsecurity=False).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"
