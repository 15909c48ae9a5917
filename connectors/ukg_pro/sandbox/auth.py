"""Service accounts, their web-service permissions, and the checks UKG Pro makes on every call.

Every REST call carries ``Authorization: Basic base64(username:password)`` and ``US-Customer-Api-Key``.
Header names match in any case (HTTP says so, and ASGI hands them over lower-cased). The username is
case-sensitive; a wrong or missing value, an inactive account or an expired password all answer 401
with ``WWW-Authenticate: Basic``. An account lacking the View role of the endpoint's permission
answers 403.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import random
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

__all__ = [
    "PERMISSIONS",
    "ROLES",
    "Account",
    "AccountStore",
    "AuthFailure",
    "derive_password",
    "parse_basic",
]

PERMISSIONS: tuple[str, ...] = (
    "Employee Person Details",
    "Personnel Integration",
    "Company Configuration Integration",
    "Employee Compensation Details",
    "Employee Job History Details",
    "PTO Plan Integration",
    "Employee Export",
    "Employee Pay Statements",
    "Payroll Integration",
    "Employee Direct Deposit",
)
"""The web-service permissions, by their exact names on UKG's Service Account Administration screen."""

ROLES: tuple[str, ...] = ("View", "Add", "Edit", "Delete")
"""The roles a permission is granted with; reading needs View."""

AuthFailure = Literal[
    "missing_authorization",
    "malformed_authorization",
    "missing_api_key",
    "wrong_api_key",
    "unknown_user",
    "wrong_password",
    "inactive",
    "password_expired",
]
"""Why a request was refused with 401 (recorded in the sandbox stats; UKG's answer does not say)."""


def derive_password(seed: int) -> str:
    """A random-looking but reproducible password for the default service account."""
    rng = random.Random(f"hrishub-sandbox-password-{seed}")
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
    body = "".join(rng.choice(alphabet) for _ in range(14))
    return f"{body[:7]}!{body[7:]}#"


def _user_api_key(username: str) -> str:
    rng = random.Random(f"user-api-key-{username}")
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(12))


@dataclass
class Account:
    """A UKG Pro web-service account.

    ``permissions`` maps a permission name to the roles granted on it. ``user_api_key`` is the
    12-character key UKG shows per account; only the older SOAP services use it, so the REST
    surface here ignores it.
    """

    username: str
    password: str
    permissions: dict[str, set[str]] = field(default_factory=dict)
    email: str = ""
    active: bool = True
    password_expired: bool = False
    user_api_key: str = ""
    last_change_feed_call: datetime | None = None

    def __post_init__(self) -> None:
        if not self.user_api_key:
            self.user_api_key = _user_api_key(self.username)

    def can(self, permission: str, role: str = "View") -> bool:
        """Whether the account holds ``role`` on ``permission``."""
        return role in self.permissions.get(permission, ())

    def __repr__(self) -> str:
        granted = sorted(p for p, roles in self.permissions.items() if roles)
        return (
            f"Account(username={self.username!r}, active={self.active}, "
            f"password_expired={self.password_expired}, permissions={granted})"
        )

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready view without the password."""
        return {
            "username": self.username,
            "email": self.email,
            "active": self.active,
            "password_expired": self.password_expired,
            "permissions": {name: sorted(roles) for name, roles in sorted(self.permissions.items()) if roles},
        }


def _check_names(permissions: Iterable[str], roles: Iterable[str]) -> tuple[list[str], list[str]]:
    names, role_names = list(permissions), list(roles)
    unknown = [p for p in names if p not in PERMISSIONS]
    if unknown:
        raise ValueError(f"unknown permission(s) {unknown}; UKG's names are {list(PERMISSIONS)}")
    bad_roles = [r for r in role_names if r not in ROLES]
    if bad_roles:
        raise ValueError(f"unknown role(s) {bad_roles}; roles are {list(ROLES)}")
    return names, role_names


class AccountStore(Mapping[str, Account]):
    """The tenant's service accounts by username (case-sensitive, as UKG's are)."""

    def __init__(self) -> None:
        self._accounts: dict[str, Account] = {}

    def __getitem__(self, username: str) -> Account:
        return self._accounts[username]

    def __iter__(self) -> Iterator[str]:
        return iter(self._accounts)

    def __len__(self) -> int:
        return len(self._accounts)

    def add(
        self,
        username: str,
        password: str,
        permissions: Iterable[str] | Mapping[str, Iterable[str]] = PERMISSIONS,
        *,
        email: str = "",
    ) -> Account:
        """Create (or replace) an account; ``permissions`` are names (View role) or name → roles."""
        if not username or any(c.isspace() for c in username):
            raise ValueError("a username is one word")
        account = Account(username, password, email=email or f"{username.lower()}@integrations.example")
        if isinstance(permissions, Mapping):
            for name, roles in permissions.items():
                self.grant(account, name, roles=roles)
        else:
            for name in permissions:
                self.grant(account, name)
        self._accounts[username] = account
        return account

    def _get(self, account: str | Account) -> Account:
        if isinstance(account, Account):
            return account
        try:
            return self._accounts[account]
        except KeyError:
            raise KeyError(f"no service account {account!r}") from None

    def grant(self, account: str | Account, *permissions: str, roles: Iterable[str] = ("View",)) -> Account:
        """Grant ``roles`` (default View) on each permission."""
        target = self._get(account)
        names, role_names = _check_names(permissions, roles)
        for name in names:
            target.permissions.setdefault(name, set()).update(role_names)
        return target

    def revoke(self, account: str | Account, *permissions: str, roles: Iterable[str] = ROLES) -> Account:
        """Take ``roles`` (default all) away on each permission."""
        target = self._get(account)
        names, role_names = _check_names(permissions, roles)
        for name in names:
            target.permissions.get(name, set()).difference_update(role_names)
        return target

    def authenticate(
        self, authorization: str | None, api_key: str | None, customer_api_key: str
    ) -> Account | AuthFailure:
        """The account a request authenticates as, or the reason it does not."""
        if not authorization:
            return "missing_authorization"
        parsed = parse_basic(authorization)
        if parsed is None:
            return "malformed_authorization"
        if api_key is None:
            return "missing_api_key"
        if not hmac.compare_digest(api_key.strip().encode(), customer_api_key.encode()):
            return "wrong_api_key"
        username, password = parsed
        account = self._accounts.get(username)
        if account is None:
            return "unknown_user"
        if not hmac.compare_digest(password.encode(), account.password.encode()):
            return "wrong_password"
        if not account.active:
            return "inactive"
        if account.password_expired:
            return "password_expired"
        return account


def parse_basic(header: str) -> tuple[str, str] | None:
    """``(username, password)`` from a Basic ``Authorization`` header, or None if it is not one."""
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "basic" or not token.strip():
        return None
    try:
        decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    username, sep, password = decoded.partition(":")
    if not sep:
        return None
    return username, password
