"""``ConnectorConformance``: the conformance suite every connector subclasses (in ``hub.testing``).

A connector author writes a few lines::

    from hub.testing import ConnectorConformance


    class TestAcmeConformance(ConnectorConformance):
        connector = "acme"
        plugin = "acme_hris.plugin"  # only while the package's entry point is not installed
        sandbox = {"employees": 20}  # serve the connector's own sandbox on loopback, or:
        # cassettes = Path(__file__).parent / "cassettes"   (recorded with `hrishub record acme`)

and pytest runs every check below against the connector: its declaration loads and validates, the
credential form is a valid JSON Schema with secrets ``writeOnly``, actions declare their
permissions, field maps validate and name real fields, records map to valid models with unique
ids, paging ends, retries stay within the hub's HTTP settings, bad credentials become hub errors,
cassettes hold no secret or personal data, a passthrough stays on the provider's host, and an
account links and syncs. A connector without HTTP (files) overrides :meth:`credentials` instead, and
sets ``http = False``.

The suite grows each time a real bug is found in a connector: add the check here, every connector
gets it.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from importlib import import_module
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest
from jsonschema import Draft202012Validator

from hub.actions import ACTIONS
from hub.cassettes import make_vcr, scan_cassette
from hub.connector import HttpSettings, PassthroughClient, PassthroughRequest
from hub.errors import HubError, InvalidCredentials, InvalidPassthrough, MissingPermission, ProviderError
from hub.linking.accounts import validate_credentials
from hub.recording import CONTRACT_CASSETTE, LINK_FILE, REFUSED_CASSETTE, secret_fields, wrong_secrets

__all__ = ["ConnectorConformance"]

_SECRET_NAME = re.compile(r"pass(word)?|secret|token|api_?key|private", re.IGNORECASE)
_HUB_ONLY = {"created_at", "modified_at", "remote_was_deleted", "remote_data", "field_sources"}
_RETRY_LIMITS: dict[str, Any] = {"max_attempts": 3, "max_retry_seconds": 0.3, "retry_initial_wait": 0.01}
"""Tiny retry limits for the check that retries keep to them: three requests, 0.3 seconds."""
_GRACE = 1.0
"""Time allowed beyond ``max_retry_seconds`` for making the client and the requests themselves."""


class _AlwaysFailing(httpx.AsyncBaseTransport):
    """A provider that answers every request with one failure, and counts the requests.

    A transport of its own (not ``httpx.MockTransport``), so a cassette being replayed does not
    intercept it.
    """

    def __init__(self, status: int, headers: Mapping[str, str]) -> None:
        self.status = status
        self.headers = dict(headers)
        self.requests = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        return httpx.Response(self.status, headers=self.headers, json={"error": "failing on purpose"})


class _Recording(httpx.AsyncBaseTransport):
    """A provider that answers every request with an empty list, and keeps the requests."""

    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return httpx.Response(200, json=[])


_OFF_HOST = ("https://evil.example/x", "//evil.example/x", "/a/../../x", "/a/%2e%2e/x", "/a%2f..%2fx")
"""Paths a passthrough client must refuse on its own, whatever the hub checked before."""


class ConnectorConformance:
    """The checks every connector passes. Subclass it in a test module named ``test_*.py``.

    Attributes:
        connector: the connector's name.
        plugin: a module path to register in process when the entry point is not installed (a
            connector under development); ``None`` when ``pip install -e .`` made the entry point.
        sandbox: options for the connector's ``sandbox`` factory; the sandbox is served on loopback
            and linked with its own credentials.
        cassettes: a folder written by ``hrishub record`` (``contract.yaml``, ``link.json``, and
            ``refused.yaml`` for connectors with secrets), replayed with recording off.
        max_pages: the most pages one record type may take before paging is called endless.
        http: whether the connector calls its provider over HTTP (through ``HttpSettings.transport``);
            a connector that reads files sets ``False``, and the checks of HTTP behaviour pass it by.

    Exactly one of ``sandbox`` and ``cassettes`` is set, unless :meth:`credentials` is overridden.
    """

    connector: ClassVar[str]
    plugin: ClassVar[str | None] = None
    sandbox: ClassVar[Mapping[str, Any] | None] = None
    cassettes: ClassVar[Path | None] = None
    max_pages: ClassVar[int] = 10_000
    http: ClassVar[bool] = True

    # -- what a subclass may override ------------------------------------------------------------

    def credentials(self, tmp_path: Path) -> dict[str, Any]:
        """Linking values for a tenant with data; override for a connector without sandbox or cassettes."""
        raise NotImplementedError(
            f"{type(self).__name__}: set `sandbox` or `cassettes`, or override credentials(tmp_path)"
        )

    def refused_credentials(self, good: Mapping[str, Any]) -> dict[str, Any] | None:
        """Values the provider must refuse (every secret wrong), or None when the form has no secret."""
        secrets = secret_fields(self._declared().credentials_schema)
        return wrong_secrets(good, secrets) if secrets else None

    # -- plumbing --------------------------------------------------------------------------------

    def _declared(self) -> Any:
        from hub.hub import Hub

        with self._plugin():
            return Hub().connector(self.connector)

    @contextmanager
    def _plugin(self) -> Iterator[None]:
        if self.plugin is None:
            yield
            return
        from hub.plugins import in_process_plugins, plugin_registered

        module, name = import_module(self.plugin), f"contract-{self.connector}"
        if in_process_plugins().get(name) is module:  # already registered by an enclosing block
            yield
            return
        with plugin_registered(module, name):
            yield

    @pytest.fixture
    def contract(self, tmp_path: Path) -> Iterator[dict[str, Any]]:
        """A hub with the connector loaded, the linking values, and the replay context if any."""
        from hub.hub import Hub
        from hub.serving import serve_in_thread

        with ExitStack() as stack:
            stack.enter_context(self._plugin())
            origins: set[str] = set()
            refused_cassette = None
            if self.sandbox is not None:
                probe = Hub().connector(self.connector)
                assert probe.sandbox is not None, f"{self.connector} declares no sandbox factory"
                simulator = probe.sandbox(**dict(self.sandbox))
                base = stack.enter_context(serve_in_thread(simulator.app))
                origins.add(base)
                good = dict(simulator.credentials(base))
            elif self.cassettes is not None:
                meta = json.loads((Path(self.cassettes) / LINK_FILE).read_text())
                good = dict(meta["credentials"])
                if meta.get("sandbox_origin"):
                    origins.add(meta["sandbox_origin"])
                recorder = make_vcr(Path(self.cassettes), "none")
                stack.enter_context(recorder.use_cassette(CONTRACT_CASSETTE, allow_playback_repeats=True))
                refused_cassette = (recorder, REFUSED_CASSETTE)
            else:
                good = self.credentials(tmp_path)
            settings = HttpSettings(
                sandbox_origins=frozenset(origins),
                max_attempts=2,
                retry_initial_wait=0.01,
                max_retry_seconds=2,
            )
            hub = Hub(settings=settings, database_url=f"sqlite:///{tmp_path / 'contract.db'}")
            stack.callback(hub.close)
            yield {"hub": hub, "credentials": good, "refused": refused_cassette}

    # -- the checks ------------------------------------------------------------------------------

    def test_declaration_loads_and_validates(self) -> None:
        """The plugin loads, the connector is declared once, and nothing of it failed validation."""
        from hub.hub import Hub

        with self._plugin():
            hub = Hub()
        failures = [f for f in hub.failures if self.connector in (f.connector, f.plugin)]
        assert not failures, "\n".join(str(f) for f in failures)
        assert self.connector in hub.connectors, f"{self.connector} is not loaded: {sorted(hub.connectors)}"
        declared = hub.connector(self.connector)
        assert declared.title and declared.docs, "title and docs are what an admin reads first"

    def test_credential_schema_is_valid_and_secrets_are_write_only(self) -> None:
        """The linking form is JSON Schema 2020-12; each field has a title and help; secrets are writeOnly."""
        schema = self._declared().credentials_schema
        Draft202012Validator.check_schema(schema)
        properties = schema.get("properties") or {}
        assert properties, "the form has no fields"
        for name, spec in properties.items():
            assert spec.get("title"), f"{name}: give it a title (the form's label)"
            assert spec.get("description"), f"{name}: say where the admin finds this value"
            if _SECRET_NAME.search(name):
                assert spec.get("writeOnly") is True, f"{name} looks secret: mark it writeOnly"

    def test_every_action_declares_its_permissions(self) -> None:
        """Actions are known; supported ones name their permissions; unsupported ones say why."""
        declared = self._declared()
        assert set(declared.actions) <= set(ACTIONS)
        assert declared.actions.get("employees.list") is not None, (
            "employees.list is the one action every HRIS has"
        )
        for name, spec in declared.actions.items():
            if spec.supported:
                assert isinstance(spec.scopes, tuple), f"{name}: scopes must be a tuple of permission names"
                assert all(isinstance(s, str) and s.strip() for s in spec.scopes), f"{name}: empty scope name"
            else:
                assert spec.reason.strip(), f"{name}: say why it is not supported"

    def test_field_maps_cover_the_supported_actions(self) -> None:
        """Each supported list action has a field map (validated at load against the model)."""
        from hub.hub import Hub

        with self._plugin():
            hub = Hub()
        maps = hub.field_maps(self.connector)
        for name, spec in hub.connector(self.connector).actions.items():
            if spec.supported and name.endswith(".list"):
                assert ACTIONS[name] in maps, f"{name} is supported but no field map makes {ACTIONS[name]}"

    def test_records_map_into_valid_models_with_unique_ids(self, contract: dict[str, Any]) -> None:
        """Every supported list action reads records that map cleanly, with unique non-empty ids."""
        hub, good = contract["hub"], contract["credentials"]
        account = hub.link(self.connector, good)
        read = 0
        for name, spec in hub.connector(self.connector).actions.items():
            if not name.endswith(".list") or not spec.supported or not account.permissions.enabled(name):
                continue
            accessor = getattr(hub, name.removesuffix(".list"))(account)
            ids: list[str] = []
            cursor = None
            while True:
                page = accessor.list(page_size=1000, cursor=cursor, mode="live")
                assert not page.errors, f"{name}: records failed to map: {page.errors[:3]}"
                ids += [r.id for r in page.results]
                cursor = page.next_cursor
                if cursor is None:
                    break
            assert all(ids), f"{name}: a record has no id"
            assert len(ids) == len(set(ids)), f"{name}: ids are not unique"
            if name == "employees.list":
                assert ids, "employees.list read no employee: give the suite a tenant with data"
            read += len(ids)
        assert read

    def test_joins_match_values_parse_and_remote_ids_are_unique(self, contract: dict[str, Any]) -> None:
        """A full sync joins every source it reads, uses every value, and gives unique ``remote_id`` s.

        Added after a map joined UKG's user-defined fields on a key UKG's rows do not carry: the field
        came out empty for every employee, silently, on a sandbox that sent the key anyway.
        """
        hub, good = contract["hub"], contract["credentials"]
        account = hub.link(self.connector, good)
        report = hub.sync(account)
        for model, part in report.models.items():
            if not part.complete:
                continue
            warnings = [w for w in part.warnings if "joined" in w]
            assert not warnings, f"{model}: {warnings[0]}"
            assert not part.value_problems, f"{model}: values not used: {part.value_problems[:3]}"
        for name, spec in hub.connector(self.connector).actions.items():
            if not name.endswith(".list") or not spec.supported or not account.permissions.enabled(name):
                continue
            accessor = getattr(hub, name.removesuffix(".list"))(account)
            remote: list[str] = []
            cursor = None
            while True:
                page = accessor.list(page_size=1000, cursor=cursor)
                remote += [r.remote_id for r in page.results if getattr(r, "remote_id", None) is not None]
                cursor = page.next_cursor
                if cursor is None:
                    break
            duplicated = sorted({r for r in remote if remote.count(r) > 1})
            assert not duplicated, f"{name}: remote_id {duplicated[:3]} names several records"

    def test_paging_terminates(self, contract: dict[str, Any]) -> None:
        """Each provider record type the maps read ends within ``max_pages`` pages."""
        hub, good = contract["hub"], contract["credentials"]
        account = hub.link(self.connector, good)
        declared = hub.connector(self.connector)
        records = {s.record for fm in hub.field_maps(self.connector).values() for s in fm.sources}

        async def pages(record: str) -> int:
            client = declared.client_factory(account.credentials.reveal(), hub.settings)
            count = 0
            try:
                async for _ in client.records(record):
                    count += 1
                    assert count <= self.max_pages, (
                        f"{record}: more than {self.max_pages} pages: endless paging?"
                    )
            except MissingPermission:
                pass  # a permission the tenant lacks is not a paging fault; any other error is
            finally:
                await client.aclose()
            return count

        async def all_pages() -> None:
            for record in sorted(records):
                await asyncio.wait_for(pages(record), timeout=120)

        asyncio.run(all_pages())

    def test_retries_stay_within_the_http_settings(self, contract: dict[str, Any]) -> None:
        """Against a provider that keeps failing, reading a record stops within the hub's retry limits.

        Always 503, then always 429 asking to wait an hour: each read makes at most ``max_attempts``
        requests, all through ``HttpSettings.transport``, gives up within about ``max_retry_seconds``
        (never asleep on a ``Retry-After`` past it), and ends in a :class:`hub.errors.ProviderError`.
        """
        if not self.http:
            return
        hub, good = contract["hub"], contract["credentials"]
        declared = hub.connector(self.connector)
        limits = replace(hub.settings, **_RETRY_LIMITS)
        credentials = validate_credentials(declared, good, limits)
        employee = hub.field_maps(self.connector)["Employee"]
        record = employee.sources[0].record
        budget = limits.max_retry_seconds + _GRACE

        async def read(transport: _AlwaysFailing) -> BaseException | None:
            client = declared.client_factory(credentials, replace(limits, transport=transport))
            try:
                async for _ in client.records(record):
                    pass
            except Exception as exc:
                return exc
            finally:
                await client.aclose()
            return None

        for status, headers in ((503, {}), (429, {"Retry-After": "3600"})):
            transport = _AlwaysFailing(status, headers)
            started = time.monotonic()
            try:
                error = asyncio.run(asyncio.wait_for(read(transport), timeout=budget))
            except TimeoutError:
                pytest.fail(
                    f"{status}: reading {record} did not give up within {budget:g} s "
                    f"(max_retry_seconds {limits.max_retry_seconds:g}): keep retries within "
                    "HttpSettings (max_attempts, max_retry_seconds), and never sleep a Retry-After past them"
                )
            elapsed = time.monotonic() - started
            assert transport.requests, (
                f"reading {record} sent no request through HttpSettings.transport: build the httpx client "
                "with transport=settings.transport (hub.sdk.RestClient does), or set http = False for a "
                "connector that does not call its provider over HTTP"
            )
            assert transport.requests <= limits.max_attempts, (
                f"{status}: {transport.requests} requests for one read; max_attempts is {limits.max_attempts}"
            )
            assert elapsed <= budget, f"{status}: gave up after {elapsed:.2f} s"
            assert isinstance(error, ProviderError), (
                f"{status} on every request: reading {record} ended in {error!r}, not a hub.sdk "
                "ProviderError (ProviderResponseError, RateLimited...) with a remedy"
            )

    def test_bad_credentials_become_hub_errors(self, contract: dict[str, Any]) -> None:
        """Empty values name every required field; wrong secrets are the provider's refusal, typed."""
        hub, good = contract["hub"], contract["credentials"]
        required = self._declared().credentials_schema.get("required", [])
        with pytest.raises(InvalidCredentials) as caught:
            hub.link(self.connector, {})
        assert set(required) <= set(caught.value.fields), "every missing required field must be named"
        wrong = self.refused_credentials(good)
        if wrong is None:
            return
        refused = contract["refused"]
        with ExitStack() as stack:
            if refused is not None:
                recorder, name = refused
                stack.enter_context(recorder.use_cassette(name, allow_playback_repeats=True))
            with pytest.raises(HubError) as failure:
                hub.link(self.connector, wrong)
        assert isinstance(failure.value, ProviderError | InvalidCredentials), repr(failure.value)
        text = str(failure.value) + json.dumps(failure.value.to_problem())
        for key in secret_fields(self._declared().credentials_schema):
            assert str(wrong[key]) not in text, f"the error echoes {key}"
        assert hub.accounts() == [], "a refused link must store nothing"

    def test_passthrough_stays_on_the_providers_host(self, contract: dict[str, Any]) -> None:
        """A connector offering passthrough sends it where its reads go, with its credentials.

        Its client refuses a path off that host by itself (nothing is sent), whatever the hub checked.
        """
        declared = self._declared()
        if declared.passthrough is None or not self.http:
            return
        hub, good = contract["hub"], contract["credentials"]
        credentials = validate_credentials(declared, good, hub.settings)
        record = hub.field_maps(self.connector)["Employee"].sources[0].record
        recording = _Recording()

        async def exercise() -> Any:
            client = declared.client_factory(credentials, replace(hub.settings, transport=recording))
            try:
                sender = client if isinstance(client, PassthroughClient) else None
                assert sender is not None, (
                    f"{self.connector} declares a passthrough: its client needs passthrough(request) "
                    "(hub.sdk.RestClient has one)"
                )
                for path in _OFF_HOST:
                    with pytest.raises(InvalidPassthrough):
                        await sender.passthrough(PassthroughRequest(method="GET", path=path))
                assert recording.sent == [], f"a path off the host was sent: {recording.sent[0].url}"
                async for _ in client.records(record):
                    break
                return await sender.passthrough(PassthroughRequest(method="GET", path="/hrishub-conformance"))
            finally:
                await client.aclose()

        answer = asyncio.run(exercise())
        read, relayed = recording.sent[0].url, recording.sent[-1].url
        assert (relayed.scheme, relayed.host, relayed.port) == (read.scheme, read.host, read.port), (
            f"a passthrough went to {relayed.host}, the reads to {read.host}"
        )
        assert answer.status == 200
        if secret_fields(declared.credentials_schema):
            assert answer.secrets, (
                "the passthrough answer lists no credential the request carried: the hub could not "
                "redact them should the provider echo one (set them as headers or with httpx.Auth)"
            )

    def test_cassettes_hold_no_secret_or_personal_data(self) -> None:
        """No cassette of this connector carries a credential or a real-looking personal value."""
        if self.cassettes is None:
            return
        files = sorted(Path(self.cassettes).glob("*.yaml"))
        assert files, f"no cassette in {self.cassettes}"
        findings = [f for path in files for f in scan_cassette(path)]
        assert not findings, "\n".join(findings)

    def test_an_account_links_and_syncs_into_the_store(self, contract: dict[str, Any]) -> None:
        """Link, sync: the run succeeds and the store holds what the provider has."""
        hub, good = contract["hub"], contract["credentials"]
        account = hub.link(self.connector, good)
        report = hub.sync(account)
        assert report.status == "succeeded", report.errors
        live = hub.employees(account).list(page_size=1000, mode="live").results
        stored = hub.employees(account).list(page_size=1000).results
        assert stored and [r.model_dump(exclude=_HUB_ONLY) for r in stored] == [
            r.model_dump(exclude=_HUB_ONLY) for r in live
        ]
