from __future__ import annotations

import base64
import logging
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["hub.testing"]

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def tiny_hris_installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Tiny HRIS (``tests/tiny_hris``) installed as a distribution with an entry point, for the session.

    A dist-info folder on a temporary ``sys.path`` entry (and on ``PYTHONPATH``, for the hubs that
    tests start in child processes): every ``Hub()`` loads it as it loads any installed connector.
    """
    from importlib import invalidate_caches

    site = tmp_path_factory.mktemp("tiny-hris-site")
    info = site / "tiny_hris-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: tiny-hris\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[hrishub.connectors]\ntiny_hris = tests.tiny_hris.plugin\n")
    before = os.environ.get("PYTHONPATH")
    sys.path.append(str(site))
    os.environ["PYTHONPATH"] = os.pathsep.join([str(REPO), str(site), *([before] if before else [])])
    invalidate_caches()
    try:
        yield site
    finally:
        sys.path.remove(str(site))
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before
        invalidate_caches()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Any]:
    """A real PostgreSQL server on loopback for this test process (see tests/postgres_server.py)."""
    from tests.postgres_server import PostgresServer

    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: Any) -> str:
    """A fresh database with the hub's tables on the suite's PostgreSQL server; its SQLAlchemy URL."""
    return str(postgres_server.new_database())


@pytest.fixture
def tiny_sandbox() -> Any:
    """A fresh 40-person Tiny HRIS tenant (seed 11), called in process or served on loopback."""
    from tests.tiny_hris.sandbox import Sandbox

    return Sandbox(employees=40, seed=11)


@pytest.fixture
def tiny_loopback(tiny_sandbox: Any) -> Iterator[str]:
    """``tiny_sandbox`` served over real HTTP on loopback; yields its base URL."""
    from hub.serving import serve_in_thread

    with serve_in_thread(tiny_sandbox.app) as base:
        yield base


@pytest.fixture(autouse=True)
def hub_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty data folder: its own SQLite file and key, never the user's."""
    home = tmp_path_factory.mktemp("hrishub-home")
    monkeypatch.setenv("HRISHUB_HOME", str(home))
    monkeypatch.delenv("HRISHUB_DATABASE_URL", raising=False)
    monkeypatch.delenv("HRISHUB_SECRET_KEY", raising=False)
    yield home


@pytest.fixture(autouse=True)
def helpers_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Syncs in the tests' own process fork no read-ahead helpers unless the test sets ``sync_workers``.

    The hub forks them on its own only in a process with one thread: a plain ``pytest`` run is one,
    ``pytest -n`` runs tests beside execnet's thread. Off here, a test behaves the same either way;
    tests/ukg_pro/sync/test_read_ahead.py tests the hub's own choice.
    """
    monkeypatch.delenv("HRISHUB_SYNC_WORKERS", raising=False)
    monkeypatch.setattr("hub.sync.runner.fork_is_safe", lambda: False)


@pytest.fixture(autouse=True)
def logging_restored() -> Iterator[None]:
    """The logging setup as it was before each test: a CLI command run in process (``hrishub worker``,
    ``serve``) installs the hub's log handler and level, which must not outlive its test."""
    names = (
        "",
        "httpx",
        "httpcore",
        "hpack",
        "alembic",
        "uvicorn",
        "uvicorn.error",
        "uvicorn.access",
        "procrastinate",
    )
    saved = {
        name: (logger.level, list(logger.handlers), logger.propagate)
        for name, logger in ((n, logging.getLogger(n)) for n in names)
    }
    yield
    for name, (level, handlers, propagate) in saved.items():
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.handlers[:] = handlers
        logger.propagate = propagate


# -- no secret of a linked account survives the run anywhere ---------------------------------------------
#
# For the whole session (each xdist worker on its own), the guard
#   * learns the secrets of every account linked: each hub.accounts.Credentials made (at link, at
#     rotation, when the store opens one) reports its password and customer API key, and the Basic-auth
#     token they make (the constructor is wrapped for the session to observe; it behaves as before);
#   * keeps every log record (root logger at DEBUG, formatted with its traceback) and the message and
#     remedy of every hub error raised (what API problems and CLI messages are built from);
# and at the end fails the run (an error at teardown) if any secret is in a log line, an error message, a
# SQLite file (with its -wal/-journal) or a cassette or link.json under this worker's temporary folder, or
# a cassette under cassettes/.

SECRET_FIELDS = ("password", "customer_api_key", "api_key")
FILE_PATTERNS = ("*.db", "*.db-*", "*.sqlite*", "*.yaml", "*.yml", "link.json", "*.log")


class SecretGuard(logging.Handler):
    """Collects secrets, log lines and error messages; finds any secret in them or in files."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.secrets: set[str] = set()
        self.lines: list[str] = []
        self.errors: list[str] = []
        self.public: set[str] = set()
        self._lock_secrets = threading.Lock()

    # collecting
    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # a record whose arguments do not format is not a leak
            self.lines.append(str(record.msg))

    def learn(self, values: Mapping[str, Any]) -> None:
        """Remember the secrets among a linked account's credential values.

        Public stand-ins are not secrets: the placeholder a recording writes for a secret, and the
        examples a credentials schema publishes (a replayed cassette links with both).
        """
        with self._lock_secrets:
            for name in SECRET_FIELDS:
                value = values.get(name)
                if isinstance(value, str) and len(value.strip()) >= 5 and value not in self.public:
                    self.secrets.add(value)
            username, password = values.get("username"), values.get("password")
            if isinstance(username, str) and isinstance(password, str) and password not in self.public:
                token = f"{username}:{password}".encode("utf-8", "surrogatepass")
                self.secrets.add(base64.b64encode(token).decode())

    def error(self, error: Any) -> None:
        self.errors.append(f"{getattr(error, 'message', '')} {getattr(error, 'remedy', '')}")

    # finding
    @staticmethod
    def _finder(secret: str) -> Any:
        """A test of one secret in bytes: plain search; one shorter than 8 (an API key) as a whole word."""
        raw = secret.encode("utf-8", "surrogatepass")
        if len(secret) >= 8:
            return lambda data: raw in data
        word = re.compile(rb"(?<![A-Za-z0-9])" + re.escape(raw) + rb"(?![A-Za-z0-9])")
        return lambda data: raw in data and word.search(data) is not None

    def leaks(self, secrets: Iterable[str], *, files: Iterable[Path] = ()) -> list[str]:
        """Where any of ``secrets`` appears: ``log: ...``, ``error: ...`` (secret masked) or a file path."""
        finders = [(secret, self._finder(secret)) for secret in set(secrets)]
        if not finders:
            return []

        def leaked(data: bytes) -> list[str]:
            return [secret for secret, finds in finders if finds(data)]

        where = []
        for kind, texts in (("log", list(self.lines)), ("error", list(self.errors))):
            if not leaked("\n".join(texts).encode("utf-8", "surrogatepass")):
                continue  # one search over everything; line by line only to say where
            for text in texts:
                found = leaked(text.encode("utf-8", "surrogatepass"))
                for secret in found:
                    text = text.replace(secret, "<SECRET>")
                if found:
                    where.append(f"{kind}: {text[:300]!r}")
        for path in files:
            try:
                if leaked(path.read_bytes()):
                    where.append(f"file: {path}")
            except OSError:
                continue
        return where


def secret_files(*roots: Path) -> list[Path]:
    """The files a secret must never reach: databases, cassettes and link.json under ``roots``."""
    found: set[Path] = set()
    for root in roots:
        if root.is_dir():
            for pattern in FILE_PATTERNS:
                found.update(p for p in root.rglob(pattern) if p.is_file())
    return sorted(found)


_GUARD = SecretGuard()


@pytest.fixture(scope="session")
def secret_guard() -> SecretGuard:
    """The session's guard (its scanner is tested with planted secrets)."""
    return _GUARD


@pytest.fixture(scope="session", autouse=True)
def no_secret_left_behind(
    tmp_path_factory: pytest.TempPathFactory, tiny_hris_installed: Path
) -> Iterator[SecretGuard]:
    from hub import Hub
    from hub.accounts import Credentials
    from hub.cassettes import PLACEHOLDER
    from hub.errors import HubError

    guard = _GUARD
    guard.public = {PLACEHOLDER, ""} | {
        str(example)
        for connector in Hub().connectors.values()
        for spec in connector.credentials_schema.get("properties", {}).values()
        for example in spec.get("examples", ())
    }
    root = logging.getLogger()
    level = root.level
    root.addHandler(guard)
    root.setLevel(logging.DEBUG)
    made, raised = Credentials.__init__, HubError.__init__

    def credentials_init(self: Any, values: Mapping[str, Any]) -> None:
        made(self, values)
        guard.learn(self.reveal())

    def error_init(self: Any, *args: Any, **kwargs: Any) -> None:
        raised(self, *args, **kwargs)
        guard.error(self)

    Credentials.__init__ = credentials_init  # type: ignore[method-assign]
    HubError.__init__ = error_init  # type: ignore[method-assign]
    try:
        yield guard
    finally:
        Credentials.__init__ = made  # type: ignore[method-assign]
        HubError.__init__ = raised  # type: ignore[method-assign]
        root.removeHandler(guard)
        root.setLevel(level)
    files = secret_files(tmp_path_factory.getbasetemp(), REPO / "cassettes")
    leaks = guard.leaks(guard.secrets, files=files)
    assert not leaks, "a linked account's secret leaked:\n" + "\n".join(leaks[:20])
