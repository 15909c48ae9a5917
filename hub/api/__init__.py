"""The unified HTTP API (FastAPI): connectors, linked accounts, syncs and the unified HRIS models.

``create_app(hub)`` builds the ASGI app; serve it with any ASGI server (``uvicorn``), or with
:func:`hub.serving.serve_in_thread` in tests and demos. Every error is an RFC 9457 problem
(``application/problem+json``) with a stable ``type`` and a ``remedy``.
"""

from hub.api.app import create_app

__all__ = ["create_app"]
