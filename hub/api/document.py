"""The OpenAPI document of the unified API, as committed in ``docs/openapi.json``.

The document is built from the routes alone: a hub with no plugins, no store opened, default rate
limits and HTTP settings, so it is the same on every machine and in every environment. ``hrishub docs``
writes it; a test fails when the committed file differs from what the app serves.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["openapi_document", "openapi_json"]


def openapi_document() -> dict[str, Any]:
    """The document ``create_app`` serves at ``/openapi.json``, built without touching the machine."""
    from hub.api.app import create_app
    from hub.api.ratelimit import RateLimits
    from hub.connector import HttpSettings
    from hub.hub import Hub

    hub = Hub(plugins=(), settings=HttpSettings(), database_url="sqlite://")
    try:
        return create_app(hub, rate_limits=RateLimits()).openapi()
    finally:
        hub.close()


def openapi_json(document: dict[str, Any] | None = None) -> str:
    """``document`` (default: :func:`openapi_document`) as committed: two-space indents, sorted keys."""
    return json.dumps(document or openapi_document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
