"""Bank account numbers masked as the connector reads them, unless the operator enables full numbers.

UKG sends whole account numbers (direct deposit's ``account`` and ``foreignAccountNumber``, the pay
statement's ``netpay[].accountnumber``). The client masks them on the page it has just read, before a field
map, the store, raw data, a cassette, an event or a log sees them; ``HttpSettings.full_account_numbers``
(the operator's ``HRISHUB_FULL_ACCOUNT_NUMBERS``) keeps them whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["ACCOUNT_NUMBER_KEYS", "NESTED_ACCOUNT_NUMBER_KEYS", "mask_account_number", "mask_rows"]

ACCOUNT_NUMBER_KEYS: dict[str, tuple[str, ...]] = {
    "direct-deposit": ("account", "foreignAccountNumber"),
}
"""Record type → its top-level members that hold an account number."""

NESTED_ACCOUNT_NUMBER_KEYS: dict[str, tuple[str, str]] = {
    "pay-statements": ("netpay", "accountnumber"),
}
"""Record type → (the list member, the account-number member of each of its items)."""

VISIBLE = 4
"""How many trailing characters of an account number stay visible."""


def mask_account_number(value: Any) -> Any:
    """``"000123456789"`` → ``"********6789"``: every character but the last four replaced by ``*``.

    Numbers of four characters or fewer are masked whole; anything but text is returned as is.
    """
    if not isinstance(value, str) or not value.strip():
        return value
    text = value.strip()
    if len(text) <= VISIBLE:
        return "*" * len(text)
    return "*" * (len(text) - VISIBLE) + text[-VISIBLE:]


def mask_rows(record: str, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of one record type with their account numbers masked (rows of other types unchanged)."""
    keys = ACCOUNT_NUMBER_KEYS.get(record, ())
    nested = NESTED_ACCOUNT_NUMBER_KEYS.get(record)
    out = []
    for row in rows:
        if keys or nested:
            row = dict(row)
            for key in keys:
                if key in row:
                    row[key] = mask_account_number(row[key])
            if nested and isinstance(row.get(nested[0]), list):
                row[nested[0]] = [
                    {**item, nested[1]: mask_account_number(item.get(nested[1]))}
                    if isinstance(item, dict) and nested[1] in item
                    else item
                    for item in row[nested[0]]
                ]
        out.append(row)
    return out
