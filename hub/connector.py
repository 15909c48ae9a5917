"""What a connector declares: data the hub validates at load, plus one factory for its HTTP client.

A connector author builds one :class:`Connector` and registers it from the ``register_connectors``
hook (see :mod:`hub.hookspecs`). Everything the hub needs to show, validate and plan is data here:
the credential form (a JSON Schema), the actions with the provider permissions each needs (named
exactly as the provider's admin screen names them), and the folder of field maps. Behaviour lives
in the client the factory returns, which the hub drives through :class:`ConnectorClient`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import httpx

from hub.errors import NotSupported, UnknownAction
from hub.origins import check_sandbox_origins

if TYPE_CHECKING:
    from field_maps import LabelTable

__all__ = [
    "Action",
    "ChangeFeed",
    "ClientFactory",
    "Connector",
    "ConnectorClient",
    "DateWindow",
    "HttpSettings",
    "Passthrough",
    "PassthroughClient",
    "PassthroughRequest",
    "PassthroughResponse",
    "SandboxLike",
]


@dataclass(frozen=True, kw_only=True)
class Action:
    """One unified action as a connector offers it.

    ``scopes`` are the provider permissions the action needs, named exactly as the provider's admin
    screen names them. ``optional_scopes`` maps a further permission to what it adds when granted
    (e.g. compensation on employments). An unsupported action says why in ``reason``; the hub then
    answers "not supported by this provider" rather than an empty list.
    """

    scopes: tuple[str, ...] = ()
    optional_scopes: Mapping[str, str] = field(default_factory=dict)
    supported: bool = True
    reason: str = ""

    @classmethod
    def unsupported(cls, reason: str) -> Action:
        """An action the provider has no data for, with the reason shown to customers."""
        return cls(supported=False, reason=reason)


@dataclass(frozen=True, kw_only=True)
class ChangeFeed:
    """How a provider tells the hub what changed, so a sync after the first reads only that.

    The hub reads the feed with ``client.records(record, since=..., until=...)`` (aware UTC
    datetimes), takes each row's ``key``, and re-reads the records of ``models`` for those keys only,
    with ``client.records(source_record, where={field: [values, ...]})``. The feed's key is matched
    position by position with the first key fields of each source of those models' field maps.

    Attributes:
        record: the feed's record type (UKG Pro: ``employee-changes``).
        key: the fields of a feed row that name the changed entity.
        models: the unified models the feed covers; the others are read in full on every sync.
        feature: the entry of :attr:`Connector.features` whose permissions the feed needs; without
            them every sync is a full read with diffing.
        min_interval: the provider's minimum spacing between two feed reads (UKG: 3 hours); a
            sync sooner than that skips the feed unless forced.
        overlap: how far before the stored cursor each read starts, so a change committed late at
            the provider is still seen.
        batch: keys per filtered re-read.
        reconcile_every: how often a full read of the covered models catches what the feed misses
            (deleted or back-dated records).
        full_read_share: when the feed names more than this share of the records stored at the
            last full read (and at least ``full_read_min`` keys), the models are read in full and
            diffed instead: re-reading each key costs requests a whole read does not (None: never).
        full_read_min: the fewest keys that can switch a sync to a full read.
        changed_since: record types the client can read as "the rows changed since a moment", with an
            optional method ``client.changed_records(record, since=..., where=...)`` (rows beyond the
            keys, or unchanged, may come too; those of keys whose rows did not change may be missing).
            For these, a feed's keys cost one such read instead of one read per key (where the provider
            takes one id per filter): rows of keys it did not return are taken from the raw data the
            hub stored for the feed's models keyed by the feed's key alone, and only keys with neither
            are read by key. The run report names how many came from each. A client whose
            ``changed_records`` takes ``stored`` (a callable: a key's row values → the rows stored
            for it, or None) is given one, for record types it derives across a key's rows (UKG Pro's
            job-history periods: a new row ends the one before it).
        owner: ``(model, member)``: the feed's models keyed beyond the feed's key (several records
            per key, e.g. one Employment per job-history row) name the hub id of their ``model``
            record (keyed by the feed's key alone) in ``member``; their stored rows are found by
            it (an indexed member: ``("Employee", "employee_id")``). None: only the models keyed
            by the feed's key alone give stored rows.

    """

    record: str
    key: tuple[str, ...]
    models: tuple[str, ...]
    feature: str = "incremental_sync"
    min_interval: timedelta = timedelta(0)
    overlap: timedelta = timedelta(minutes=15)
    batch: int = 50
    reconcile_every: timedelta = timedelta(days=7)
    full_read_share: float | None = None
    full_read_min: int = 250
    changed_since: frozenset[str] = frozenset()
    owner: tuple[str, str] | None = None


@dataclass(frozen=True, kw_only=True)
class DateWindow:
    """Models whose records are dated (pay statements) and read by a date window, never all history again.

    The first sync of such a model (and each reconciliation) reads everything; later syncs ask the client
    for the primary record with ``client.records(record, since=..., until=...)``, from the model's last
    sync less ``overlap`` (so a late correction inside it is still seen), and only upsert: records dated
    before the window are kept as they are, never marked deleted.

    Attributes:
        models: the unified models read this way.
        overlap: how far before the last sync each window starts.
        reconcile_every: how often the whole history is read again and diffed.

    """

    models: tuple[str, ...]
    overlap: timedelta = timedelta(days=35)
    reconcile_every: timedelta = timedelta(days=90)


@dataclass(frozen=True, kw_only=True)
class HttpSettings:
    """The hub's HTTP settings handed to every connector client.

    ``transport`` replaces the network in tests (``httpx.MockTransport`` or an ASGI transport).
    Retries wait ``retry_initial_wait`` seconds, doubling with jitter, unless the provider says how
    long (``Retry-After``); they stop after ``max_attempts`` or ``max_retry_seconds``.
    ``page_prefetch`` is how many pages of one list a client may request ahead (default: the
    concurrency).
    ``allowed_domains`` overrides the connector's own host allow-list when the operator sets it;
    ``sandbox_origins`` are loopback origins (``http://127.0.0.1:8765``) a connector may call only
    when the hub runs in sandbox mode.
    ``retry_refused``: whether a refused connection or an unknown host is tried again (linking probes
    never retry it: a wrong host stays wrong). ``probe_seconds`` bounds a linking probe's whole time,
    retries included. ``sync_deadline`` bounds one sync run (``HRISHUB_SYNC_DEADLINE``, seconds).
    ``sync_workers``: helper processes that read a sync's later models while the syncing process
    reads and applies earlier ones (``HRISHUB_SYNC_WORKERS``; 0: none; None, the default: one where
    forking is safe, a process with one thread and two cores; see :mod:`hub.sync.read_ahead`).
    ``full_account_numbers``: whether bank account numbers may leave the connector whole (the operator's
    ``HRISHUB_FULL_ACCOUNT_NUMBERS``); by default a connector masks them as it reads them, so nothing
    downstream (store, raw data, cassettes, events, logs) ever holds a whole number.
    ``customer_id`` is the customer the client works for (None: an account the operator linked with no
    customer); the hub sets it when it links, syncs or reads an account, so a connector whose data
    lives on the hub's own machine (``csv_files``) keeps each customer to its own files.
    """

    transport: httpx.AsyncBaseTransport | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    max_concurrency: int = 4
    max_attempts: int = 6
    max_retry_seconds: float = 120.0
    retry_initial_wait: float = 1.0
    page_prefetch: int | None = None
    allowed_domains: tuple[str, ...] | None = None
    sandbox_origins: frozenset[str] = frozenset()
    retry_refused: bool = True
    probe_seconds: float = 10.0
    sync_deadline: float = 7200.0
    sync_workers: int | None = None
    full_account_numbers: bool = False
    customer_id: str | None = None

    def __post_init__(self) -> None:
        # Only loopback origins with a port: never a metadata address, a private network or a name.
        object.__setattr__(
            self, "sandbox_origins", check_sandbox_origins(self.sandbox_origins, name="sandbox_origins")
        )

    @property
    def timeout(self) -> httpx.Timeout:
        """The httpx timeout built from the connect and read limits."""
        return httpx.Timeout(self.read_timeout, connect=self.connect_timeout)


@runtime_checkable
class ConnectorClient(Protocol):
    """What the hub calls on a connector's client for one linked account.

    Every method raises only :mod:`hub.errors` errors for provider failures (401, 403, 429, 5xx,
    timeouts, malformed JSON), each with a remedy.
    """

    async def probe(self) -> None:
        """Make one cheap call that proves the host and the credentials work."""
        ...

    async def check_permissions(self, permissions: Iterable[str]) -> dict[str, bool]:
        """For each named permission, whether the service account holds it."""
        ...

    def records(
        self,
        record: str,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        where: Mapping[str, Sequence[Any]] | None = None,
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Stream the provider's records of one type (a field map's ``record``), page by page.

        Parameters:
            record: the provider record type, as a field map's source names it.
            since, until: aware UTC datetimes bounding the window when the hub reads a
                :class:`ChangeFeed`; ``None`` otherwise.
            where: ``{field: [values]}`` to read only the rows whose key fields (named as the field
                map's source names them) take one of the values. A client may return extra rows;
                the hub keeps only the asked-for keys.

        A client may count the HTTP requests it made in an ``int`` attribute ``requests``; sync
        reports show it.
        """
        ...

    async def labels(self, model: str) -> LabelTable:
        """The customer's labels for one unified model's map (e.g. which org level is "Department")."""
        ...

    async def aclose(self) -> None:
        """Release connections."""
        ...


READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
"""The methods a passthrough allows unless the connector's :class:`Passthrough` names others."""


@dataclass(frozen=True, kw_only=True)
class Passthrough:
    """A connector's offer to send a customer's own request to the provider with the stored credentials.

    The hub checks every request before the client sees it (a path relative to the connector's own
    host; no absolute URL, ``..``, ``//``, backslash or encoded slash; no credential or hop-by-hop
    header; a method of :attr:`methods`), and the client sends it with its credentials, its limiter
    and its retries (:meth:`hub.rest.RestClient.passthrough` does all of it for a REST client).

    Attributes:
        methods: the HTTP methods allowed; read-only ones unless the connector declares others
            (a provider whose writes a customer may make through the hub).
        auth_headers: the headers the client sets from the credentials (besides ``Authorization``,
            always refused): a caller may not send them (UKG Pro: ``US-Customer-Api-Key``).
        echo_fields: credential fields that are not ``writeOnly`` but must still never be shown
            (UKG Pro: ``username``); their values, like every ``writeOnly`` field's, are redacted from
            what the provider answers.
        max_bytes: the largest answer relayed (decoded); a larger one is refused, not cut.

    """

    methods: frozenset[str] = READ_ONLY_METHODS
    auth_headers: frozenset[str] = frozenset()
    echo_fields: frozenset[str] = frozenset()
    max_bytes: int = 5 * 1024 * 1024

    def __post_init__(self) -> None:
        object.__setattr__(self, "methods", frozenset(m.upper() for m in self.methods))
        object.__setattr__(self, "auth_headers", frozenset(h.lower() for h in self.auth_headers))


@dataclass(frozen=True, kw_only=True)
class PassthroughRequest:
    """One customer request to send to the provider, already checked by the hub.

    ``path`` is relative to the client's base URL (starts with one ``/``); ``params`` become the
    query (a list value repeats the name); ``body`` is a JSON value or ``None``; ``max_bytes`` is the
    largest answer the client may read.
    """

    method: str
    path: str
    params: Mapping[str, str | list[str]] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    max_bytes: int = 5 * 1024 * 1024


@dataclass(frozen=True, kw_only=True)
class PassthroughResponse:
    """The provider's answer to a :class:`PassthroughRequest`, whatever its status.

    ``secrets`` are the credential values the client sent (header values, the parts of a Basic
    token), so the hub can redact them should the provider echo them; never shown.
    """

    status: int
    headers: Mapping[str, str]
    content: bytes
    secrets: frozenset[str] = field(default=frozenset(), repr=False)


@runtime_checkable
class PassthroughClient(Protocol):
    """A client that can send a :class:`PassthroughRequest` (the connector declares :class:`Passthrough`)."""

    async def passthrough(self, request: PassthroughRequest) -> PassthroughResponse:
        """Send ``request`` to the provider's own host with the credentials; its answer, any status.

        Never follows a redirect; reads at most ``request.max_bytes`` of the answer, else raises
        :class:`hub.errors.PassthroughTooLarge`; a transport failure after the retries raises
        :class:`hub.errors.ProviderUnreachable`.
        """
        ...


ClientFactory = Callable[[Mapping[str, Any], HttpSettings], ConnectorClient]
"""Builds a client from *validated, normalised* credentials and the hub's HTTP settings."""


class SandboxLike(Protocol):
    """A local simulator of a provider: an ASGI app and the credentials it accepts."""

    app: Any

    def credentials(self, base_url: str) -> dict[str, Any]:
        """The values that link this sandbox when it is served at ``base_url``."""
        ...


DEFAULT_GRANT = "Grant each of these permissions to the account the hub signs in with."
"""What the hub says before missing permission names when a connector does not say it better."""


@dataclass(frozen=True, kw_only=True)
class Connector:
    """A provider connector's declaration: data the hub validates at load time.

    Attributes:
        name: the connector's id, lower-case snake case (``ukg_pro``); used in URLs and the CLI.
        title: the provider's name for people (``UKG Pro``).
        docs: where an admin finds each linking value (a URL or a short text).
        credentials_schema: JSON Schema (draft 2020-12) of the linking form; secrets ``writeOnly``.
        actions: unified action name → :class:`Action`.
        features: further capabilities that need their own permissions (e.g.
            ``incremental_sync`` → the provider's change feed), same shape as actions.
        field_maps: the absolute path of the folder of the connector's field-map YAML files, which
            the plugin ships (``Path(__file__).parent / "maps"``). The hub looks nothing up by name.
        client_factory: builds the client for one account.
        normalize_credentials: turns what an admin typed into the canonical values, raising
            :class:`hub.errors.InvalidCredentials` with every field's issue at once.
        sandbox: optional factory of a local simulator (``hrishub sandbox NAME``).
        date_window: which models later syncs read by a date window (:class:`DateWindow`), such as
            pay statements.
        change_feed: how incremental syncs learn what changed (:class:`ChangeFeed`); without one,
            every sync reads everything and diffs.
        version: the connector's version, shown by ``hrishub connectors``.
        preview_credentials: optional; given the non-secret values an admin has typed so far
            (secrets are never sent to it), returns what the hub will make of them, per field
            (``{"subdomain": "https://service4.ultipro.com"}``: the host it will call), and raises
            :class:`hub.errors.InvalidCredentials` for values that can never be right. The linking
            page calls it while the admin types; it must not call the provider.
        sensitive_raw_keys: the members of the provider's raw records that are personal-sensitive
            (national ids, dates of birth, ethnicity, immigration, health, disability or veteran
            data), by record type (a field map's ``record``) → the members' API names. A dotted name
            reaches into a nested object (``"personnelUserDefinedFields.personnelUDField05"``); a
            record whose value is a list of rows has each row redacted. Accounts without the
            ``include_sensitive`` option get these values as null in ``remote_data`` and their names
            in ``remote_data_redacted``. The hub itself never names provider fields: a member left
            out here is returned to every account that asks for raw data.
        grant_permissions: one sentence, in the provider's words, saying where an admin grants a
            permission the account lacks; the hub shows it before the permission names (linking page,
            ``hrishub check``, a missing-permission error). The hub's own wording is neutral.
        passthrough: optional; offers ``POST /v1/accounts/{id}/passthrough`` (:class:`Passthrough`):
            the client must then have ``passthrough(request)`` (:class:`PassthroughClient`).

    """

    name: str
    title: str
    docs: str
    credentials_schema: Mapping[str, Any]
    actions: Mapping[str, Action]
    field_maps: str | Path
    client_factory: ClientFactory
    normalize_credentials: Callable[[Mapping[str, Any], HttpSettings], dict[str, Any]] | None = None
    features: Mapping[str, Action] = field(default_factory=dict)
    sandbox: Callable[..., SandboxLike] | None = None
    change_feed: ChangeFeed | None = None
    date_window: DateWindow | None = None
    version: str = ""
    preview_credentials: Callable[[Mapping[str, Any], HttpSettings], Mapping[str, str]] | None = None
    sensitive_raw_keys: Mapping[str, frozenset[str]] = field(default_factory=dict)
    grant_permissions: str = DEFAULT_GRANT
    passthrough: Passthrough | None = None

    def action(self, action: str) -> Action:
        """The declared :class:`Action`, or :class:`UnknownAction` naming the valid ones.

        A unified action the connector does not declare (one added to the hub after the connector was
        written: pay runs, dependents ...) is unsupported rather than unknown.
        """
        from hub.actions import ACTIONS

        try:
            return self.actions[action]
        except KeyError:
            if action in ACTIONS:
                return Action.unsupported(f"the {self.title} connector does not offer {action}.")
            raise UnknownAction(action, self.actions) from None

    def required_scopes(self, action: str) -> list[str]:
        """The provider permissions ``action`` needs, by their exact admin-screen names.

        Raises :class:`NotSupported` for an action the provider has no data for.
        """
        spec = self.action(action)
        if not spec.supported:
            raise NotSupported(f"{self.title} does not support {action}: {spec.reason}")
        return list(spec.scopes)

    def scopes_for(self, actions: Iterable[str] | None = None) -> list[str]:
        """The union of permissions for ``actions`` (all supported ones if omitted), in first-seen order.

        This is the checklist an admin ticks on the service account.
        """
        names = list(self.actions) if actions is None else list(actions)
        seen: dict[str, None] = {}
        for name in names:
            spec = self.action(name)
            if spec.supported:
                seen.update(dict.fromkeys(spec.scopes))
        return list(seen)

    @property
    def supported_actions(self) -> list[str]:
        """The names of the actions this connector supports."""
        return [name for name, spec in self.actions.items() if spec.supported]
