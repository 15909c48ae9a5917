"""The hub's logs: one event per line, JSON off a terminal, readable on one, never a secret.

:func:`configure_logging` (``hrishub serve`` and ``hrishub worker`` call it; ``--log-level`` or
``HRISHUB_LOG_LEVEL`` sets the level) puts one handler on the root logger that renders every record
through structlog: the hub's own events, and those of uvicorn, httpx, procrastinate and any other
library logging through the standard library. Each event carries ``timestamp`` (UTC, ISO 8601),
``level``, ``logger`` and ``event``, plus the fields in force where it was logged: ``account_id``,
``run_id``, ``customer_id``, ``connector``, ``request_id``, ``job_id`` (see :func:`bound`). Every event
passes :func:`hub.observability.redaction.redact_event` last before rendering.

The hub's code logs events with :func:`get_logger` (``log.info("sync.finished", status=...)``); those
are standard-library records underneath, so an application embedding the hub sees them in its own
logging setup too, with the fields as record attributes.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import IO, Any

import structlog

from hub.errors import InvalidSetting
from hub.observability.redaction import redact_event

__all__ = [
    "LOG_FORMAT_SETTING",
    "LOG_LEVELS",
    "LOG_LEVEL_SETTING",
    "bound",
    "configure_logging",
    "current_connector",
    "get_logger",
    "log_level_from_env",
    "note",
    "request_fields",
]

LOG_LEVEL_SETTING = "HRISHUB_LOG_LEVEL"
"""The operator setting for the level (``debug``, ``info``, ``warning``, ``error``); default ``info``."""

LOG_FORMAT_SETTING = "HRISHUB_LOG_FORMAT"
"""``json`` or ``console`` to force a format; by default JSON unless stderr is a terminal."""

LOG_LEVELS = ("debug", "info", "warning", "error", "critical")

QUIET_LIBRARIES = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "hpack": logging.WARNING,
    "alembic": logging.WARNING,
}
"""Libraries held above the hub's level: httpx logs whole URLs (queries included) at INFO; alembic
narrates every migration."""

_CONNECTOR: ContextVar[str | None] = ContextVar("hrishub_connector", default=None)
_REQUEST: ContextVar[dict[str, Any] | None] = ContextVar("hrishub_request_fields", default=None)


def current_connector() -> str | None:
    """The connector whose work runs in this context (a sync, a passthrough, a link), if any."""
    return _CONNECTOR.get()


@contextmanager
def bound(**fields: Any) -> Iterator[None]:
    """Within the block, every event logged (here and in tasks and threads started here) carries ``fields``.

    ``None`` values are left out. A ``connector`` field also labels the provider metrics of the block.
    """
    given = {k: v for k, v in fields.items() if v is not None}
    connector = given.get("connector")
    token = _CONNECTOR.set(str(connector)) if connector is not None else None
    request = _REQUEST.get()
    if request is not None:
        request.update(given)
    try:
        with structlog.contextvars.bound_contextvars(**given):
            yield
    finally:
        if token is not None:
            _CONNECTOR.reset(token)


def note(**fields: Any) -> None:
    """Bind ``fields`` to the events logged from here to the end of the current task or thread.

    Also collected by an enclosing :func:`request_fields` (the customer an API request turned out to be).
    """
    given = {k: v for k, v in fields.items() if v is not None}
    request = _REQUEST.get()
    if request is not None:
        request.update(given)
    structlog.contextvars.bind_contextvars(**given)


@contextmanager
def request_fields() -> Iterator[dict[str, Any]]:
    """A mapping that collects what :func:`bound` binds anywhere within the block (threads too).

    The API's request middleware logs one event per request after its handlers ran in worker threads,
    whose own bindings end with them: this is how that event learns the customer and account.
    """
    collected: dict[str, Any] = {}
    token = _REQUEST.set(collected)
    try:
        yield collected
    finally:
        _REQUEST.reset(token)


_RECORD_ATTRIBUTES = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


def _clear_of_record(_logger: Any, _method: str, event: Any) -> Any:
    """A field named like a ``LogRecord`` attribute (``created``, ``name``...) gets a ``_`` appended."""
    for key in [k for k in event if k in _RECORD_ATTRIBUTES]:
        event[key + "_"] = event.pop(key)
    return event


def get_logger(name: str) -> Any:
    """A structlog logger for ``name`` whose events are standard-library records (fields as attributes)."""
    return structlog.wrap_logger(
        logging.getLogger(name),
        processors=[_clear_of_record, structlog.stdlib.render_to_log_kwargs],
        wrapper_class=structlog.stdlib.BoundLogger,
    )


def log_level_from_env(default: str = "info") -> str:
    """``HRISHUB_LOG_LEVEL`` checked, or ``default``; a clear error naming the setting when it is wrong."""
    return check_level(os.environ.get(LOG_LEVEL_SETTING, "").strip() or default, LOG_LEVEL_SETTING)


def check_level(level: str, name: str = "--log-level") -> str:
    """``level`` in lower case, or :class:`hub.errors.InvalidSetting` naming ``name`` and the choices."""
    wanted = level.strip().lower()
    if wanted not in LOG_LEVELS:
        raise InvalidSetting(
            name,
            f"is {level!r}, not a log level.",
            remedy=f"Use one of: {', '.join(LOG_LEVELS)}.",
        )
    return wanted


_DROPPED_EXTRAS = frozenset({"color_message", "taskName"})
"""Record attributes some libraries add that are not fields of the event (uvicorn's coloured copy)."""


def _drop_extras(_logger: Any, _method: str, event: Any) -> Any:
    for name in _DROPPED_EXTRAS:
        event.pop(name, None)
    return event


def _format() -> str | None:
    chosen = os.environ.get(LOG_FORMAT_SETTING, "").strip().lower()
    if chosen and chosen not in {"json", "console"}:
        raise InvalidSetting(LOG_FORMAT_SETTING, f"is {chosen!r}.", remedy="Use json or console.")
    return chosen or None


class _HubHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The one handler :func:`configure_logging` installs (found again and replaced when called twice).

    Without a stream of its own it writes to whatever ``sys.stderr`` is at the time of each record (a
    test runner, or a host, may swap it).
    """

    def __init__(self, stream: IO[str] | None) -> None:
        super().__init__(stream if stream is not None else sys.stderr)
        self._own = stream

    @property  # type: ignore[override]
    def stream(self) -> IO[str]:
        return self._own if self._own is not None else sys.stderr

    @stream.setter
    def stream(self, value: IO[str]) -> None:
        self._own = value if getattr(self, "_own", None) is not None else None


def _renderer(as_json: bool) -> Any:
    if as_json:
        return structlog.processors.JSONRenderer(default=str, sort_keys=False)
    return structlog.dev.ConsoleRenderer(colors=False, exception_formatter=structlog.dev.plain_traceback)


def configure_logging(
    level: str | None = None, *, json: bool | None = None, stream: IO[str] | None = None
) -> logging.Handler:
    """Route every log record of the process through structlog to ``stream`` (default stderr); the handler.

    ``level`` defaults to ``HRISHUB_LOG_LEVEL`` (else ``info``); ``json`` to ``HRISHUB_LOG_FORMAT``, else
    JSON unless ``stream`` is a terminal. Calling it again replaces the handler it installed; other
    handlers on the root logger are left alone.
    """
    chosen = check_level(level) if level else log_level_from_env()
    out = stream if stream is not None else sys.stderr
    if json is None:
        forced = _format()
        json = forced == "json" if forced else not (hasattr(out, "isatty") and out.isatty())
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.ExtraAdder(),
        _drop_extras,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        redact_event,
    ]
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, _renderer(json)],
    )
    handler = _HubHandler(stream)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _HubHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    numeric = logging.getLevelName(chosen.upper())
    root.setLevel(numeric)
    for name, floor in QUIET_LIBRARIES.items():
        logging.getLogger(name).setLevel(max(floor, numeric))
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "procrastinate"):
        # Their own handlers (uvicorn's default config) would print each line a second time.
        library = logging.getLogger(name)
        library.handlers.clear()
        library.propagate = True
    return handler
