"""Every error the hub raises, grouped by what the caller should do about it.

Each error carries a ``remedy``: one or two sentences a person can act on. Errors never carry a
secret (passwords, API keys): messages are built from field names and public facts only.

::

    HubError                          anything the hub raises on purpose
    ├── InputError                    the caller's input is wrong: fix it and call again
    │   ├── InvalidCredentials        linking values failed validation (every field's issue at once)
    │   ├── InvalidOptions            account options (filters, schedule) failed validation
    │   ├── InvalidLinkSession        a link session request failed validation
    │   ├── InvalidWebhookEndpoint    a webhook endpoint's URL, event types or accounts are not valid
    │   ├── InvalidPassthrough        a passthrough request's method, path, params, headers or body refused
    │   ├── UnknownConnector          no connector of that name is loaded
    │   ├── UnknownAction             not a unified action, or the connector does not declare it
    │   ├── NotFound                  no record with that id
    │   └── AmbiguousId               a provider id that names several records (say which one)
    ├── ProviderError                 the provider refused or failed a call
    │   ├── ProviderAuthError         provider 401 (answered 422): its sign-in values are wrong
    │   ├── MissingPermission         403: the service account lacks a permission (named exactly)
    │   ├── ProviderUnreachable       host unknown, connection refused, or timed out
    │   ├── RateLimited               429 after every allowed retry
    │   └── ProviderResponseError     5xx after retries, malformed JSON, or an unexpected shape
    ├── HostNotAllowed                an account's stored host is not allowed by the hub's settings now
    ├── InvalidSetting                an operator setting (environment variable) is malformed
    ├── NotSupported                  the provider has no such data (e.g. UKG Pro time-off requests)
    ├── Unauthenticated               the customer API key is missing or unknown
    ├── SyncInProgress                another worker is syncing that account right now
    ├── AccountPaused                 the account is paused: resume it before syncing
    ├── CredentialsRejected           the provider refused the stored credentials: update them first
    ├── SyncDeadlineExceeded          a sync ran past its deadline (HRISHUB_SYNC_DEADLINE) and stopped
    ├── TooManyRequests               an API key went past its request rate: wait, then try again
    ├── ProviderBudgetBusy            every request slot of the provider host's budget stayed taken
    ├── PassthroughBusy               an account has as many passthrough requests in flight as allowed
    ├── PassthroughTooLarge           the provider's answer to a passthrough is larger than the hub relays
    ├── LinkUnavailable               a linking page's link expired, was used, revoked, or is busy
    ├── TooManyAttempts               too many submits of one linking page: wait, then try again
    ├── SecretKeyError                the hub's secret key is missing or not the one data was stored with
    ├── StorageError                  the store cannot be used: its disk is full, or its file is gone
    │   ├── StoreFull                 no room left for a write (free space, then run again)
    │   └── StoreMissing              the database file was deleted or replaced (restore it)
    └── PluginError                   a connector plugin is broken (raised at load, reported, isolated)

The ``type`` of each class is a stable slug used in HTTP problem bodies (RFC 9457) and by scripts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "AccountPaused",
    "AmbiguousId",
    "CredentialsRejected",
    "FieldIssue",
    "HostNotAllowed",
    "HubError",
    "InputError",
    "InvalidCredentials",
    "InvalidLinkSession",
    "InvalidOptions",
    "InvalidPassthrough",
    "InvalidSetting",
    "InvalidWebhookEndpoint",
    "LinkUnavailable",
    "MissingPermission",
    "NotFound",
    "NotSupported",
    "PassthroughBusy",
    "PassthroughTooLarge",
    "PluginError",
    "ProviderAuthError",
    "ProviderError",
    "ProviderResponseError",
    "ProviderUnreachable",
    "RateLimited",
    "SecretKeyError",
    "StorageError",
    "StoreFull",
    "StoreMissing",
    "SyncDeadlineExceeded",
    "SyncInProgress",
    "TooManyAttempts",
    "TooManyRequests",
    "Unauthenticated",
    "UnknownAction",
    "UnknownConnector",
]


class HubError(Exception):
    """Base of every error the hub raises on purpose; carries a remedy for a person.

    ``type`` is a stable slug, ``status`` the HTTP status the unified API answers with.
    """

    type: str = "hub-error"
    status: int = 500
    default_remedy: str = "See the message; if it persists, report it with the account id."

    def __init__(self, message: str, *, remedy: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.remedy = remedy or self.default_remedy

    def __str__(self) -> str:
        return f"{self.message} Fix: {self.remedy}"

    def to_problem(self) -> dict[str, object]:
        """The error as the members of an RFC 9457 problem body (no secrets, ever)."""
        return {
            "type": f"https://hrishub.dev/problems/{self.type}",
            "title": self.__class__.__name__,
            "status": self.status,
            "detail": self.message,
            "remedy": self.remedy,
        }


class InputError(HubError):
    """The caller's input is wrong; nothing was changed. Fix the named input and call again."""

    type = "invalid-request"
    status = 422
    default_remedy = "Correct the input named in the message and try again."


@dataclass(frozen=True)
class FieldIssue:
    """One problem with one input field: which field, what is wrong, and how to fix it."""

    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message} {self.fix}"


class InvalidCredentials(InputError):
    """The linking values failed validation; ``issues`` holds every field's problem at once."""

    type = "invalid-credentials"

    def __init__(self, issues: Sequence[FieldIssue], *, connector: str = "") -> None:
        self.issues = list(issues)
        self.connector = connector
        fields = ", ".join(sorted({i.field for i in self.issues}))
        lines = "; ".join(str(i) for i in self.issues)
        super().__init__(
            f"Some linking values are not valid ({fields}): {lines}",
            remedy="Correct each field named above; nothing was stored.",
        )

    @property
    def fields(self) -> list[str]:
        """The names of the fields that have an issue, in order of first appearance."""
        return list(dict.fromkeys(i.field for i in self.issues))

    def to_problem(self) -> dict[str, object]:
        """Problem body with an ``errors`` member: one entry per field issue."""
        body = super().to_problem()
        body["errors"] = [{"field": i.field, "message": i.message, "fix": i.fix} for i in self.issues]
        return body


class InvalidOptions(InputError):
    """Account options failed validation; ``issues`` names each field and its fix."""

    type = "invalid-options"

    def __init__(self, issues: Iterable[FieldIssue]) -> None:
        self.issues = list(issues)
        listed = "; ".join(str(i) for i in self.issues)
        super().__init__(
            f"The account options are not valid: {listed}",
            remedy="Correct each option named above; nothing was changed.",
        )

    def to_problem(self) -> dict[str, object]:
        """The problem body, with one entry per field issue."""
        body = super().to_problem()
        body["errors"] = [{"field": i.field, "message": i.message, "fix": i.fix} for i in self.issues]
        return body


class InvalidLinkSession(InvalidOptions):
    """A link session request failed validation; ``issues`` names each field and its fix."""

    type = "invalid-link-session"

    def __init__(self, issues: Iterable[FieldIssue]) -> None:
        super().__init__(issues)
        listed = "; ".join(str(i) for i in self.issues)
        self.message = f"The link session request is not valid: {listed}"
        self.remedy = "Correct each field named above; no link was created."


class InvalidWebhookEndpoint(InvalidOptions):
    """A webhook endpoint's URL, event types or accounts failed validation; ``issues`` names each."""

    type = "invalid-webhook-endpoint"

    def __init__(self, issues: Iterable[FieldIssue]) -> None:
        super().__init__(issues)
        listed = "; ".join(str(i) for i in self.issues)
        self.message = f"The webhook endpoint is not valid: {listed}"
        self.remedy = "Correct each field named above; nothing was registered or changed."


class InvalidPassthrough(InvalidOptions):
    """A passthrough request was refused before anything was sent; ``issues`` names each field.

    The field is ``method``, ``path``, ``params``, ``body`` or ``headers.<name>``.
    """

    type = "invalid-passthrough"

    def __init__(self, issues: Iterable[FieldIssue]) -> None:
        super().__init__(issues)
        listed = "; ".join(str(i) for i in self.issues)
        self.message = f"The passthrough request was refused: {listed}"
        self.remedy = "Correct each field named above; nothing was sent to the provider."


class UnknownConnector(InputError):
    """No connector with that name is loaded."""

    type = "unknown-connector"
    status = 404

    def __init__(self, name: str, available: Iterable[str]) -> None:
        names = ", ".join(sorted(available)) or "none"
        super().__init__(
            f"No connector named {name!r} is loaded (loaded: {names}).",
            remedy=(
                "Use one of the loaded names; `hrishub connectors` lists them and any that failed. "
                "Connectors load when the hub starts: after installing one, restart `hrishub serve` "
                "(or the process that made the Hub)."
            ),
        )
        self.name = name


class UnknownAction(InputError):
    """The action is not a unified action, or the connector does not declare it."""

    type = "unknown-action"
    status = 404

    def __init__(self, action: str, known: Iterable[str]) -> None:
        super().__init__(
            f"{action!r} is not a known action.",
            remedy=f"Use one of: {', '.join(sorted(known))}.",
        )
        self.action = action


class NotFound(InputError):
    """No record of that kind with that id exists for the account.

    ``what`` names the kind (``account``, ``customer``, ``link_session``) so the HTTP API and the
    CLI can each add their own way to list the valid ids; the store says only what is missing.
    """

    type = "not-found"
    status = 404
    default_remedy = "Check the id; list the records to find valid ids."

    def __init__(self, message: str, *, remedy: str | None = None, what: str | None = None) -> None:
        super().__init__(message, remedy=remedy)
        self.what = what


class AmbiguousId(InputError):
    """A provider id names several records of the account (UKG: one person employed in two companies).

    ``candidates`` holds the ``remote_id`` of each; asking by one of those (or by the hub id) is
    unambiguous.
    """

    type = "ambiguous-id"
    status = 409
    default_remedy = "Ask for one of the records by its remote_id or its hub id."

    def __init__(self, message: str, candidates: Sequence[str], remedy: str | None = None) -> None:
        self.candidates = list(candidates)
        super().__init__(
            message,
            remedy=remedy
            or f"Ask for one of them by its remote_id ({', '.join(self.candidates)}) or by its hub id.",
        )


class ProviderError(HubError):
    """The provider refused or failed a call; ``provider`` names the connector.

    ``fields`` maps the linking fields the failure points at to what to check in each
    (``{"subdomain": "Check the subdomain: ..."}`` for a host that does not answer), so a linking form
    shows the error beside them and API callers get the same ``errors`` entries as for a 422.
    """

    type = "provider-error"
    status = 502
    field_message = "may be wrong."
    """What each named field is told (after its title)."""

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        remedy: str | None = None,
        fields: Mapping[str, str] | Sequence[str] = (),
    ) -> None:
        super().__init__(message, remedy=remedy)
        self.provider = provider
        pairs = fields.items() if isinstance(fields, Mapping) else ((name, "") for name in fields)
        self.fields = {name: fix or self.remedy for name, fix in pairs}

    @property
    def issues(self) -> list[FieldIssue]:
        """One issue per linking field the failure points at."""
        return [FieldIssue(name, self.field_message, fix) for name, fix in self.fields.items()]

    def to_problem(self) -> dict[str, object]:
        """The problem body, with ``errors`` naming the linking fields to check, if any."""
        body = super().to_problem()
        if self.fields:
            body["errors"] = [{"field": i.field, "message": i.message, "fix": i.fix} for i in self.issues]
        return body


class ProviderAuthError(ProviderError):
    """The provider answered 401: the credentials are wrong, expired, or the account is inactive.

    Answered as 422 ``provider-credentials-rejected``, never 401: a 401 from the hub means the
    caller's own hub API key is wrong, and a client must not drop a good key over a provider's refusal.
    """

    type = "provider-credentials-rejected"
    status = 422
    field_message = "may be wrong: the provider refused the sign-in."
    default_remedy = "Check the username, password and API key of the service account, then link again."


class MissingPermission(ProviderError):
    """The provider answered 403: the service account lacks ``permissions`` (exact screen names)."""

    type = "missing-permission"
    status = 403

    def __init__(
        self,
        message: str,
        *,
        permissions: Sequence[str],
        provider: str = "",
        remedy: str | None = None,
    ) -> None:
        self.permissions = list(permissions)
        names = ", ".join(f'"{p}"' for p in self.permissions)
        super().__init__(
            message,
            provider=provider,
            remedy=remedy
            or f"Grant {names} to the account the hub signs in with, then check the account again.",
        )

    def to_problem(self) -> dict[str, object]:
        """Problem body with the ``permissions`` to grant."""
        body = super().to_problem()
        body["permissions"] = self.permissions
        return body


class ProviderUnreachable(ProviderError):
    """The provider's host could not be reached: unknown host, refused, or timed out.

    ``host_down`` is true when no connection could be made at all (refused, unknown host, connect
    timeout): the next request to the same host would fail the same way.
    """

    type = "provider-unreachable"
    status = 504
    field_message = "may be wrong: no provider host answered there."
    default_remedy = "Check the host values (domain and subdomain); if they are right, try again later."

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        remedy: str | None = None,
        fields: Mapping[str, str] | Sequence[str] = (),
        host_down: bool = False,
    ) -> None:
        super().__init__(message, provider=provider, remedy=remedy, fields=fields)
        self.host_down = host_down


class RateLimited(ProviderError):
    """The provider kept answering 429 after every allowed retry."""

    type = "rate-limited"
    status = 429
    default_remedy = "The provider is limiting requests; try again later or lower the account's concurrency."

    def __init__(self, message: str, *, retry_after: float | None = None, provider: str = "") -> None:
        super().__init__(message, provider=provider)
        self.retry_after = retry_after


class ProviderResponseError(ProviderError):
    """The provider failed (5xx after retries) or sent something unreadable (malformed JSON)."""

    type = "provider-response"
    status = 502
    default_remedy = "The provider failed; try again later. If it persists, report the endpoint named above."


class HostNotAllowed(HubError):
    """An account's stored provider host is refused under the hub's allow-list as it is now.

    The host is worked out again from the stored domain and subdomain each time a client is made, so
    an account linked while a sandbox origin was allowed never calls it from a hub started without it.
    Nothing was sent.
    """

    type = "host-not-allowed"
    status = 409
    default_remedy = (
        "Link the account again with a host the hub allows (`hrishub relink`, or PUT "
        "/v1/accounts/{id}/credentials); for a local sandbox, start the hub with HRISHUB_SANDBOX_ORIGINS "
        "naming its origin."
    )


class InvalidSetting(HubError):
    """An operator setting (an environment variable) is malformed; the hub refuses to start with it."""

    type = "invalid-setting"
    status = 500

    def __init__(self, name: str, message: str, *, remedy: str) -> None:
        super().__init__(f"{name} {message}", remedy=remedy)
        self.name = name


class NotSupported(HubError):
    """The provider has no such data; the action is declared unsupported by its connector."""

    type = "not-supported"
    status = 501
    default_remedy = "This provider does not offer this data; nothing to fix on your side."


class PluginError(HubError):
    """A connector plugin is broken; it was not loaded, the others were."""

    type = "plugin-error"
    status = 500

    def __init__(self, plugin: str, reason: str, *, package: str = "") -> None:
        where = f" (package {package})" if package else ""
        super().__init__(
            f"Connector plugin {plugin!r}{where} could not be loaded: {reason}",
            remedy="Fix the plugin named above, or leave it out with HRISHUB_PLUGINS.",
        )
        self.plugin = plugin
        self.package = package
        self.reason = reason


class Unauthenticated(HubError):
    """The customer API key is missing, malformed or unknown; nothing was read."""

    type = "unauthenticated"
    status = 401
    default_remedy = (
        "Send your hrishub API key as 'Authorization: Bearer <key>' "
        "(create one with `hrishub customers add`)."
    )


class SyncInProgress(HubError):
    """Another worker holds this account's sync lease; the running sync will finish the work."""

    type = "sync-in-progress"
    status = 409
    default_remedy = "Wait for the running sync to finish (GET /v1/accounts/{id}/syncs), then try again."


class AccountPaused(HubError):
    """The account is paused: no sync runs until it is resumed; reads of its stored data still work."""

    type = "account-paused"
    status = 409
    default_remedy = "Resume the account (POST /v1/accounts/{id}/resume), then sync again."

    def __init__(self, account_id: str) -> None:
        super().__init__(
            f"Account {account_id} is paused: it is not synced until it is resumed.",
            remedy=f"Resume it (POST /v1/accounts/{account_id}/resume, or `hrishub accounts resume "
            f"{account_id}`), then sync again. Its stored data can be read meanwhile.",
        )
        self.account_id = account_id


class CredentialsRejected(HubError):
    """The provider refused the account's stored credentials; syncs are refused until they are updated.

    Raised (or recorded in a sync report) without calling the provider again: the same credentials
    would be refused again, and repeated refusals can lock the provider's service account.
    """

    type = "credentials-rejected"
    status = 409

    def __init__(self, account_id: str, *, provider: str = "") -> None:
        who = f"{provider} refused" if provider else "The provider refused"
        super().__init__(
            f"{who} the stored credentials of account {account_id} at an earlier sync; "
            "it is not called again with them.",
            remedy=f"Update the credentials (PUT /v1/accounts/{account_id}/credentials, or "
            f"`hrishub relink {account_id}`); if the provider's service account was only re-enabled, "
            f"check it again (`hrishub check {account_id}`).",
        )
        self.account_id = account_id


class SyncDeadlineExceeded(HubError):
    """A sync ran past its deadline and was stopped; what was applied before stays."""

    type = "sync-deadline"
    status = 504

    def __init__(self, seconds: float, *, model: str | None = None) -> None:
        where = f" while reading {model}" if model else ""
        super().__init__(
            f"The sync did not finish within its deadline of {seconds:g} s and was stopped{where}.",
            remedy="If the provider is slow, try again later; for a very large account raise "
            "HRISHUB_SYNC_DEADLINE (seconds).",
        )
        self.seconds = seconds


class ProviderBudgetBusy(HubError):
    """Every request slot of the provider host's budget stayed taken by other syncs; nothing was read."""

    type = "provider-budget-busy"
    status = 503

    def __init__(self, key: str, budget: int, waited: float) -> None:
        super().__init__(
            f"All {budget} request slots for {key} stayed in use by other syncs for {waited:g} s; "
            "this sync did not start reading.",
            remedy="It is retried on the next schedule. If syncs often wait, raise HRISHUB_PROVIDER_BUDGET "
            "(requests in flight to one provider host, all workers together) as far as the provider allows.",
        )


class TooManyRequests(HubError):
    """An API key sent more requests than its rate limit allows; ``retry_after`` is in seconds."""

    type = "too-many-requests"
    status = 429

    def __init__(self, limit: str, retry_after: float, *, what: str = "requests") -> None:
        seconds = max(1, math.ceil(retry_after))
        super().__init__(
            f"This API key went past its limit of {limit} {what}.",
            remedy=f"Wait {seconds} s (the Retry-After header) before the next request; the RateLimit-* "
            "headers of every answer say how many remain.",
        )
        self.retry_after = float(seconds)


class PassthroughBusy(HubError):
    """An account already has as many passthrough requests in flight as its provider budget allows."""

    type = "passthrough-busy"
    status = 429

    def __init__(self, account_id: str, limit: int) -> None:
        super().__init__(
            f"Account {account_id} already has {limit} passthrough requests in flight to the provider.",
            remedy="Wait for an answer before sending the next request (Retry-After: 1 s); the provider's "
            "request budget is shared by every caller of the account.",
        )
        self.retry_after = 1.0


class PassthroughTooLarge(HubError):
    """The provider's answer to a passthrough request is larger than the hub relays; none of it is shown."""

    type = "passthrough-too-large"
    status = 502

    def __init__(self, limit: int, *, path: str = "") -> None:
        where = f" to {path}" if path else ""
        super().__init__(
            f"The provider's answer{where} is larger than the {limit:,} bytes a passthrough relays.",
            remedy="Ask for less at a time: a smaller page size, a narrower filter or a date range.",
        )
        self.limit = limit


class SecretKeyError(HubError):
    """The hub's secret key is missing, malformed, or not the key the credentials were stored with."""

    type = "secret-key"
    status = 500
    default_remedy = "Set HRISHUB_SECRET_KEY to the key the hub used when the account was linked."


class StorageError(HubError):
    """The store cannot be used: nothing was changed by the failed write; the remedy names the place."""

    type = "storage-unavailable"
    status = 503
    default_remedy = "Check the store's database (HRISHUB_DATABASE_URL or hub.db in HRISHUB_HOME)."


class StoreFull(StorageError):
    """A write found no room: the disk (or the database's size limit) is full; ``folder`` names where."""

    type = "store-full"

    def __init__(self, folder: str, *, what: str = "the store's database") -> None:
        super().__init__(
            f"No room left to write {what}: the disk at {folder} is full. The write was rolled back; "
            "nothing stored was lost.",
            remedy=f"Free space at {folder}, then run the command (or sync) again.",
        )
        self.folder = folder


class StoreMissing(StorageError):
    """The store's database file is gone (deleted, moved or replaced); ``path`` names it."""

    type = "store-missing"

    def __init__(self, message: str, *, path: str, remedy: str) -> None:
        super().__init__(message, remedy=remedy)
        self.path = path


class LinkUnavailable(HubError):
    """A linking page's link cannot link (any more): ``reason`` is expired, used, revoked or busy."""

    type = "link-unavailable"
    status = 410

    def __init__(self, reason: str, message: str, *, remedy: str | None = None) -> None:
        super().__init__(message, remedy=remedy)
        self.reason = reason
        if reason == "busy":
            self.status = 409


class TooManyAttempts(HubError):
    """A linking page was submitted too often; ``retry_after`` says in how many seconds to try again."""

    type = "too-many-attempts"
    status = 429

    def __init__(self, retry_after: float) -> None:
        minutes = max(1, round(retry_after / 60))
        super().__init__(
            "This linking page was submitted too many times in a short while.",
            remedy=f"Wait about {minutes} minute{'s' if minutes != 1 else ''}, check the values, "
            "then submit again.",
        )
        self.retry_after = retry_after
