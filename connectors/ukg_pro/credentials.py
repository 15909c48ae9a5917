"""UKG Pro's five linking values: their JSON Schema (the linking form) and their normaliser.

The normaliser accepts what admins paste (a whole web-service URL, a bare host, or the two parts),
derives one host, and refuses anything that is not a UKG web-service host: the hub must never call
an address a customer typed. Every problem is reported at once, each naming its field and the fix.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from hub.sdk import FieldIssue, HostNotAllowed, HttpSettings, InvalidCredentials

__all__ = [
    "CREDENTIALS_SCHEMA",
    "DEFAULT_DOMAINS",
    "HOST_EXAMPLE",
    "current_base_url",
    "normalize_credentials",
    "preview_credentials",
    "resolve_host",
]

DEFAULT_DOMAINS: tuple[str, ...] = ("ultipro.com", "ultipro.ca")
"""UKG's web-service domains; the hub operator may replace the list (``HttpSettings.allowed_domains``)."""

HOST_EXAMPLE = "service4.ultipro.com (subdomain service4, domain ultipro.com)"

_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
_API_KEY = re.compile(r"^[A-Z0-9]{5}$")
_USERNAME_BAD = re.compile(r"[\s\x00-\x1f\x7f]")
_NUMERIC_LABEL = re.compile(r"(0x[0-9a-f]*|[0-9]+)")
_PASSWORD_MAX = 1000
_SHOWN_MAX = 60

CREDENTIALS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "UKG Pro service account",
    "description": (
        "The hub signs in to UKG Pro with a web-service (service) account, which an administrator "
        "creates in UKG Pro under System Configuration > Security > Service Account Administration."
    ),
    "type": "object",
    "additionalProperties": False,
    "required": ["username", "password", "customer_api_key", "subdomain"],
    "properties": {
        "username": {
            "type": "string",
            "title": "Service account username",
            "description": (
                "The username of the service account, exactly as created (it is case-sensitive). "
                "In UKG Pro: System Configuration > Security > Service Account Administration."
            ),
            "minLength": 1,
            "maxLength": 100,
            "examples": ["AcmeHubIntegration"],
        },
        "password": {
            "type": "string",
            "title": "Service account password",
            "description": (
                "Shown once when the service account is saved; reset it on Service Account "
                "Administration if it is lost or has expired."
            ),
            "format": "password",
            "writeOnly": True,
            "minLength": 1,
            "maxLength": _PASSWORD_MAX,
        },
        "customer_api_key": {
            "type": "string",
            "title": "Customer API key",
            "description": (
                "Five letters or digits shown at the top of System Configuration > Security > "
                "Service Account Administration (not the 12-character User API key)."
            ),
            "pattern": "^[A-Za-z0-9]{5}$",
            "examples": ["G2ASY"],
            "writeOnly": True,
        },
        "domain": {
            "type": "string",
            "title": "Web-service domain",
            "description": (
                "The rest of your web-service host, after the subdomain: ultipro.com, or ultipro.ca in "
                "Canada (System Configuration > Security > Web Services). Keep it as it is when you "
                "paste a whole web-service URL into the subdomain field."
            ),
            "default": "ultipro.com",
            "examples": ["ultipro.com", "ultipro.ca"],
        },
        "subdomain": {
            "type": "string",
            "title": "Web-service subdomain",
            "description": (
                "The first part of your web-service host, from System Configuration > Security > "
                "Web Services: in https://service4.ultipro.com/services/EmployeePerson it is service4, "
                "and with the domain it makes the host service4.ultipro.com. Or paste that whole URL "
                "here: the host is then taken from it."
            ),
            "examples": ["service4", "servicet", "https://service4.ultipro.com/services/EmployeePerson"],
        },
    },
}


def _text(values: Mapping[str, Any], name: str) -> str:
    value = values.get(name)
    return value if isinstance(value, str) else "" if value is None else str(value)


def _shown(value: str) -> str:
    """A typed value quoted for a message, cut short: a pasted megabyte is not echoed back."""
    return repr(value if len(value) <= _SHOWN_MAX else value[:_SHOWN_MAX] + "...")


def _unsendable(text: str) -> bool:
    """Whether ``text`` holds a control or invisible character, or one no request carries (a surrogate)."""
    return any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in text)


def normalize_credentials(values: Mapping[str, Any], settings: HttpSettings) -> dict[str, Any]:
    """Validate and normalise the five values; raise :class:`InvalidCredentials` with every issue.

    Returns ``username``, ``password``, ``customer_api_key``, ``domain``, ``subdomain`` and the
    derived ``base_url`` (``https://service4.ultipro.com``, or a sandbox origin in sandbox mode).
    """
    issues: list[FieldIssue] = []
    unknown = sorted(set(values) - set(CREDENTIALS_SCHEMA["properties"]))
    issues += [
        FieldIssue(
            name, "is not a UKG Pro linking field.", "Remove it; the five fields are listed in the form."
        )
        for name in unknown
    ]
    username = _text(values, "username").strip()
    if not username:
        issues.append(
            FieldIssue(
                "username",
                "is missing.",
                "Enter the service account's username from Service Account Administration.",
            )
        )
    elif len(username) > 100 or _USERNAME_BAD.search(username) or _unsendable(username):
        issues.append(
            FieldIssue(
                "username",
                "must be one word of at most 100 characters, without spaces or control characters.",
                "Copy the username exactly as shown on Service Account Administration (case-sensitive).",
            )
        )
    password = _text(values, "password")
    if not password.strip():
        issues.append(
            FieldIssue(
                "password",
                "is missing.",
                "Enter the service account's password; reset it on Service Account Administration if lost.",
            )
        )
    elif len(password) > _PASSWORD_MAX or _unsendable(password):
        issues.append(
            FieldIssue(
                "password",
                f"is longer than {_PASSWORD_MAX} characters or holds characters a password cannot have.",
                "Copy the password again as shown on Service Account Administration (no line breaks), "
                "or reset it there.",
            )
        )
    key = _text(values, "customer_api_key").strip()
    key = key.upper() if key.isascii() else key  # a dotless i upper-cases to "I": only ASCII is upper-cased
    issues += _api_key_issues(key)
    domains = settings.allowed_domains or DEFAULT_DOMAINS
    host_issues, subdomain, domain, base_url = resolve_host(
        _text(values, "subdomain"),
        _text(values, "domain") or domains[0],  # the form's default: ultipro.com, or the operator's first
        domains,
        settings.sandbox_origins,
    )
    issues += host_issues
    if issues:
        raise InvalidCredentials(issues, connector="ukg_pro")
    return {
        "username": username,
        "password": password,
        "customer_api_key": key,
        "domain": domain,
        "subdomain": subdomain,
        "base_url": base_url,
    }


def _api_key_issues(key: str) -> list[FieldIssue]:
    if _API_KEY.match(key):
        return []
    return [
        FieldIssue(
            "customer_api_key",
            "must be exactly 5 letters or digits." if key else "is missing.",
            "Copy the Customer API key (e.g. G2ASY) from the top of Service Account Administration; "
            "the 12-character User API key is a different value.",
        )
    ]


def preview_credentials(values: Mapping[str, Any], settings: HttpSettings) -> dict[str, str]:
    """The host the hub will call for the domain and subdomain typed so far (nothing is called).

    Returns ``{"subdomain": "https://service4.ultipro.com"}`` once a host can be derived (nothing while
    both fields are empty); raises :class:`InvalidCredentials` when the values can never name a UKG
    web-service host (another domain, an IP address, a look-alike) or a customer API key typed so far
    is not 5 letters or digits.
    """
    key = _text(values, "customer_api_key").strip()
    issues = _api_key_issues(key.upper() if key.isascii() else key) if key else []
    subdomain, domain = _text(values, "subdomain"), _text(values, "domain")
    base_url = None
    if subdomain.strip() or domain.strip():
        domains = settings.allowed_domains or DEFAULT_DOMAINS
        host_issues, _, _, base_url = resolve_host(
            subdomain, domain or domains[0], domains, settings.sandbox_origins
        )
        if not any(i.field == "subdomain" and i.message == "is missing." for i in host_issues):
            issues += host_issues
    if issues:
        raise InvalidCredentials(issues, connector="ukg_pro")
    return {"subdomain": base_url} if base_url else {}


def _bad_host(field: str, message: str, domains: Iterable[str]) -> FieldIssue:
    allowed = " or ".join(domains)
    return FieldIssue(
        field,
        message,
        f"Use the host of your UKG web-service URLs (System Configuration > Security > Web Services), "
        f"e.g. {HOST_EXAMPLE}; only hosts under {allowed} are accepted.",
    )


def _parse(raw: str) -> tuple[str, str, str | None]:
    """Split a pasted value into (scheme, host-with-port, problem)."""
    if any(c.isspace() for c in raw) or "\\" in raw:
        return "", "", "contains spaces or backslashes"
    text = raw if "://" in raw else f"//{raw}"
    try:
        parts = urlsplit(text)
        _ = parts.port  # raises on a malformed port
    except ValueError:
        return "", "", "is not a valid host or URL"
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "", "", "contains a user name ('user@host'), which a UKG host never has"
    return parts.scheme.lower(), parts.netloc, None


class _Refused(Exception):
    """One host field is wrong; carries the issue to report."""

    def __init__(self, issue: FieldIssue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def resolve_host(
    subdomain_raw: str,
    domain_raw: str,
    domains: Iterable[str],
    sandbox_origins: frozenset[str] = frozenset(),
) -> tuple[list[FieldIssue], str, str, str]:
    """Derive the one web-service host from the subdomain and domain fields.

    Returns ``(issues, subdomain, domain, base_url)``; ``issues`` is empty when the host is valid.
    """
    allowed = tuple(d.lower().strip(".") for d in domains)
    try:
        return [], *_host_of(subdomain_raw.strip(), domain_raw.strip(), allowed, sandbox_origins)
    except _Refused as refused:
        return [refused.issue], "", "", ""


def _host_of(
    sub: str, dom: str, domains: tuple[str, ...], sandbox_origins: frozenset[str]
) -> tuple[str, str, str]:
    """``(subdomain, domain, base_url)``, or :class:`_Refused` naming the field at fault."""

    def refuse(field: str, message: str) -> _Refused:
        return _Refused(_bad_host(field, message, domains))

    # Whichever field holds a whole host or URL names the host; otherwise join the two parts.
    if sub and any(c in sub for c in ".:/@"):
        field, raw = "subdomain", sub
    elif dom and (_has_label_below(dom, domains) or "://" in dom):
        field, raw = "domain", dom
    elif not sub and dom.lower().removesuffix(".") not in domains:
        field, raw = "domain", dom  # not a UKG domain: say what is wrong with it, not only "subdomain"
    elif not sub:
        raise _Refused(
            FieldIssue(
                "subdomain",
                "is missing.",
                "Enter the first part of your web-service host, e.g. service4 "
                "(System Configuration > Security > Web Services).",
            )
        )
    elif not _LABEL.match(sub.lower()) or not sub.isascii():
        raise refuse("subdomain", f"{_shown(sub)} is not a valid subdomain.")
    elif _NUMERIC_LABEL.fullmatch(sub.lower()) or sub.lower().startswith("xn--"):
        raise refuse("subdomain", f"{_shown(sub)} is not a UKG web-service subdomain.")
    else:  # the subdomain is a valid label: whatever is wrong with the host is in the domain
        field, raw = "domain", f"{sub}.{dom}"
    if _looks_like_ip(raw.lower()):
        raise refuse(field, _ip_refusal(raw))
    scheme, netloc, problem = _parse(raw)
    if problem:
        raise refuse(field, f"{problem}.")
    if scheme not in ("", "http", "https"):
        raise refuse(field, f"uses {scheme}://; only https is used.")
    origin = f"{scheme or 'https'}://{netloc.lower()}"
    if origin in sandbox_origins:
        return "", origin, origin
    if not netloc.isascii():
        raise refuse(field, "contains non-ASCII characters (a look-alike host?).")
    host = netloc.lower().removesuffix(".")  # one trailing dot is the DNS root: the same host
    if not host:
        raise refuse(field, "holds no host name.")
    if _looks_like_ip(host.rsplit(":", 1)[0] if not host.endswith("]") else host):
        raise refuse(field, _ip_refusal(host))
    if ":" in host:
        if not host.rsplit(":", 1)[1].isdigit():
            raise refuse(field, "is not a valid host or URL.")
        raise refuse(field, "includes a port; UKG hosts use the standard https port.")
    labels = host.split(".")
    if any(label.startswith("xn--") for label in labels):
        raise refuse(field, "is an internationalised (xn--) name, a look-alike of a UKG host.")
    if _NUMERIC_LABEL.fullmatch(labels[0]):
        raise refuse(field, "names a number, not a UKG web-service host (an IP address?).")
    for allowed in domains:
        tail = allowed.split(".")
        if labels[-len(tail) :] == tail and len(labels) == len(tail) + 1 and _LABEL.match(labels[0]):
            if field == "domain" and sub and sub.lower() != labels[0]:
                raise refuse(
                    "subdomain", f"says {_shown(sub)} but the domain field holds the host {_shown(host)}."
                )
            return labels[0], allowed, f"https://{host}"
    raise refuse(field, f"{_shown(host)} is not a UKG web-service host.")


def _ip_refusal(text: str) -> str:
    """Why an IP address is refused; for a loopback one, how a local sandbox is allowed instead."""
    host = text.lower().split("://", 1)[-1].split("/", 1)[0]
    if host.startswith("["):
        host = host[1 : host.find("]")] if "]" in host else host
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        return (
            "is a loopback address. A local sandbox is called only when the hub's HRISHUB_SANDBOX_ORIGINS "
            "names its origin (e.g. HRISHUB_SANDBOX_ORIGINS=http://127.0.0.1:8765, as `hrishub sandbox` "
            "prints); otherwise only UKG host names are accepted."
        )
    return "is an IP address; only UKG host names are accepted."


def _looks_like_ip(host: str) -> bool:
    """IPv4/IPv6 literals in any notation (dotted, decimal, hex, octal, bracketed)."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return bool(re.fullmatch(r"(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+))*", host))


def _has_label_below(value: str, domains: tuple[str, ...]) -> bool:
    """Whether ``value`` (in the domain field) is a whole host such as ``service4.ultipro.com``."""
    host = value.lower().split("/")[0].removesuffix(".")
    return any(host.endswith("." + d) for d in domains)


def current_base_url(credentials: Mapping[str, Any], settings: HttpSettings) -> str:
    """The web-service host of stored credentials, worked out again under the hub's allow-list now.

    The ``base_url`` stored at linking is never trusted: an account linked while a sandbox origin was
    allowed must not call it from a hub started without it. Raises :class:`HostNotAllowed` (nothing
    is called) when the stored domain and subdomain no longer name an allowed host.
    """
    domains = settings.allowed_domains or DEFAULT_DOMAINS
    issues, _, _, base_url = resolve_host(
        str(credentials.get("subdomain") or ""),
        str(credentials.get("domain") or ""),
        domains,
        settings.sandbox_origins,
    )
    if issues:
        raise HostNotAllowed(
            "The account's stored UKG host is not allowed by this hub's settings "
            f"({issues[0].field} {issues[0].message})",
        )
    return base_url
