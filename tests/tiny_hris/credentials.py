"""The linking form of Tiny HRIS (an API address and an API key) and its normaliser."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from hub.sdk import FieldIssue, HttpSettings, InvalidCredentials

__all__ = ["ALLOWED_HOSTS", "CREDENTIALS_SCHEMA", "normalize_credentials"]

ALLOWED_HOSTS = ("api.tiny-hris.example",)
"""Tiny HRIS's API host; a linked account never makes the hub call another (a sandbox origin aside)."""

CREDENTIALS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["base_url", "api_key"],
    "properties": {
        "base_url": {
            "type": "string",
            "title": "API address",
            "description": "Settings > API in Tiny HRIS shows it.",
            "examples": ["https://api.tiny-hris.example"],
        },
        "api_key": {
            "type": "string",
            "title": "API key",
            "description": "Settings > API > New key in Tiny HRIS; tick the permissions listed for your data.",
            "format": "password",
            "writeOnly": True,
            "minLength": 1,
        },
    },
}


def normalize_credentials(values: Mapping[str, Any], settings: HttpSettings) -> dict[str, Any]:
    """Every field's issue at once; the address must be Tiny HRIS's host or an allowed sandbox origin."""
    issues = []
    parts = urlsplit(str(values.get("base_url") or "").strip().rstrip("/"))
    origin = f"{parts.scheme}://{parts.netloc}"
    allowed = settings.allowed_domains or ALLOWED_HOSTS
    if origin not in settings.sandbox_origins and (parts.scheme != "https" or parts.hostname not in allowed):
        issues.append(FieldIssue("base_url", "is not Tiny HRIS's API address.", f"Use https://{allowed[0]}."))
    key = str(values.get("api_key") or "").strip()
    if not key:
        issues.append(FieldIssue("api_key", "is missing.", "Paste the API key made in Settings > API."))
    if issues:
        raise InvalidCredentials(issues, connector="tiny_hris")
    return {"base_url": origin, "api_key": key}
